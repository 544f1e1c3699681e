// Failure and errno semantics of the C allocators are unchanged by tracing:
// a failed malloc/calloc/realloc returns NULL with errno ENOMEM and counts
// nothing; a failed realloc leaves the old block live under its own line;
// errno survives a successful malloc and free; malloc(0) is a block of 0
// bytes; aligned results are really aligned.
// (Sanitizer allocators abort on a huge request unless told otherwise.)
//
// RUN: %clang -O0 %s -o %t.plain
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.plain > %t.plain.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.plain.out
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 TSAN_OPTIONS=allocator_may_return_null=1 %t0 > %t0.out 2> %t0.err
// RUN: diff %t.plain.out %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 TSAN_OPTIONS=allocator_may_return_null=1 %t2 > %t2.out 2> %t2.err
// RUN: diff %t.plain.out %t2.out
// RUN: FileCheck %s --input-file %t2.err

#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

static const char *aligned(const void *p, size_t a) {
  return ((uintptr_t)p % a) == 0 ? "aligned" : "MISALIGNED";
}
// errno is read and written out of line: LLVM models malloc as touching no
// memory but its own, so inline errno accesses may move across the calls.
__attribute__((noinline, optnone)) void set_errno(int e) { errno = e; }
__attribute__((noinline, optnone)) int get_errno(void) { return errno; }

static const char *err(int e) {
  return e == ENOMEM ? "ENOMEM" : e == EDOM ? "EDOM" : e == 0 ? "0" : "other";
}

int main(void) {
  volatile size_t huge = SIZE_MAX;

  set_errno(0);
  void *p = malloc(huge);
  sink(p);
  printf("malloc(SIZE_MAX) = %s, errno %s\n", p ? "non-null" : "NULL", err(get_errno()));
  set_errno(0);
  p = calloc(huge, 2);
  sink(p);
  printf("calloc(SIZE_MAX, 2) = %s, errno %s\n", p ? "non-null" : "NULL", err(get_errno()));

  char *q = malloc(64); // LKEEP
  sink(q);
  q[0] = 'x';
  q[63] = 'y';
  set_errno(0);
  char *r = realloc(q, huge);
  sink(r);
  printf("realloc(q, SIZE_MAX) = %s, errno %s, q intact: %s\n", r ? "non-null" : "NULL",
         err(get_errno()), q[0] == 'x' && q[63] == 'y' ? "yes" : "no");

  set_errno(EDOM);
  char *s = malloc(32); // LOK
  sink(s);
  int after_malloc = get_errno();
  free(s);
  printf("errno after malloc: %s, after free: %s\n", err(after_malloc), err(get_errno()));

  char *z = malloc(0); // LZERO
  sink(z);
  printf("malloc(0) = %s\n", z ? "non-null" : "NULL");

  char *a = aligned_alloc(4096, 8192); // LALIGNED
  sink(a);
  printf("aligned_alloc(4096): %s\n", aligned(a, 4096));
  free(a);
  void *pm = NULL;
  int rc = posix_memalign(&pm, 65536, 100); // LPM
  sink(pm);
  printf("posix_memalign(65536) = %d, %s\n", rc, aligned(pm, 65536));
  free(pm);
  char *m = memalign(1 << 20, 10); // LMEMALIGN
  sink(m);
  printf("memalign(1 MiB): %s\n", aligned(m, 1 << 20));
  free(m);
  return 0;
}

// OUT: malloc(SIZE_MAX) = NULL, errno ENOMEM
// OUT-NEXT: calloc(SIZE_MAX, 2) = NULL, errno ENOMEM
// OUT-NEXT: realloc(q, SIZE_MAX) = NULL, errno ENOMEM, q intact: yes
// OUT-NEXT: errno after malloc: EDOM, after free: EDOM
// OUT-NEXT: malloc(0) = non-null
// OUT-NEXT: aligned_alloc(4096): aligned
// OUT-NEXT: posix_memalign(65536) = 0, aligned
// OUT-NEXT: memalign(1 MiB): aligned
// OUT-NOT: {{.}}

// Live over time: 64, +32 = 96, -32 = 64, +0, +8192 = 8256 (peak), 64,
// +100 = 164, 64, +10 = 74, 64. Live at exit: q (64) and z (0 bytes).
// Cumulative: 8192 + 100 + 64 + 32 + 10 + 0 = 8398 B in 6 blocks; the failed
// calls count nothing.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=64 B, peak=8256 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}semantics.c:[[#@LINE-34]]: size=8192 B, count=1, average=8192 B
// CHECK-NEXT: char *a = aligned_alloc(4096, 8192); // LALIGNED
// CHECK-NEXT: #2: {{.*}}semantics.c:[[#@LINE-31]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: int rc = posix_memalign(&pm, 65536, 100); // LPM
// CHECK-NEXT: #3: {{.*}}semantics.c:[[#LKEEP:@LINE-59]]: size=64 B, count=1, average=64 B
// CHECK-NEXT: char *q = malloc(64); // LKEEP
// CHECK-NEXT: #4: {{.*}}semantics.c:[[#@LINE-50]]: size=32 B, count=1, average=32 B
// CHECK-NEXT: char *s = malloc(32); // LOK
// CHECK-NEXT: #5: {{.*}}semantics.c:[[#@LINE-33]]: size=10 B, count=1, average=10 B
// CHECK-NEXT: char *m = memalign(1 << 20, 10); // LMEMALIGN
// CHECK-NEXT: #6: {{.*}}semantics.c:[[#LZERO:@LINE-48]]: size=0 B, count=1, average=0 B
// CHECK-NEXT: char *z = malloc(0); // LZERO
// CHECK-NEXT: Total: size=8398 B, count=6
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}semantics.c:[[#LKEEP]]: size=64 B, count=1, average=64 B
// CHECK-NEXT: char *q = malloc(64); // LKEEP
// CHECK-NEXT: #2: {{.*}}semantics.c:[[#LZERO]]: size=0 B, count=1, average=0 B
// CHECK-NEXT: char *z = malloc(0); // LZERO
// CHECK-NEXT: Total: size=64 B, count=2
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
