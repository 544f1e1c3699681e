// The 16-byte header must never be visible to the program: every byte that
// malloc_usable_size reports is writable, over-aligned blocks can be
// realloc'ed (contents kept) and freed by code TraceAlloc did not compile,
// calloc memory is zero even when it reuses a dirty block, and
// reallocarray(p, 0, n) frees like realloc(p, 0). glibc aborts on a
// corrupted heap, so a wrong header layout fails this test.
// Under a sanitizer the runtime keeps a pointer map and cannot see frees
// and resizes done by uninstrumented code (docs/runtime.md): there only the
// program's behaviour is checked, not the counts.
//
// RUN: %clang -O2 -c %S/Inputs/uninstrumented.c -o %t.plain.o
// RUN: %clang -O0 %s %t.plain.o -o %t.plain
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.plain > %t.plain.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.plain.out
//
// RUN: %tracealloc_cc -O0 %s %t.plain.o -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: diff %t.plain.out %t0.out
// RUN: %if !sanitizer %{ FileCheck %s --input-file %t0.err %}
//
// RUN: %tracealloc_cc -O2 %s %t.plain.o -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: diff %t.plain.out %t2.out
// RUN: %if !sanitizer %{ FileCheck %s --input-file %t2.err %}

#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void plain_free(void *p);
void *plain_realloc(void *p, size_t n);

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

static int check_fill(const unsigned char *p, size_t n, unsigned char v) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != v)
      return 0;
  return 1;
}

int main(void) {
  int ok = 1;
  // Fill every usable byte, for many sizes, then free: glibc checks its
  // chunk headers on free.
  for (size_t n = 1; n <= 600; n += 7) { // not 0: ASan calls 1 byte of malloc(0) usable
    unsigned char *p = malloc(n); // LSIZES
    sink(p);
    size_t u = malloc_usable_size(p);
    ok &= u >= n;
    memset(p, 0xA5, u);
    free(p);
  }
  printf("usable sizes: %s\n", ok ? "ok" : "BAD");

  // Over-aligned blocks: resized by instrumented and uninstrumented code.
  static const size_t aligns[] = {32, 64, 256, 4096, 65536};
  ok = 1;
  for (int i = 0; i < 5; i++) {
    size_t a = aligns[i];
    unsigned char *p = aligned_alloc(a, 1000); // LALIGNED
    sink(p);
    ok &= (uintptr_t)p % a == 0;
    memset(p, i + 1, malloc_usable_size(p));
    p = realloc(p, 5000); // LREALLOC
    sink(p);
    ok &= check_fill(p, 1000, i + 1);
    memset(p, i + 2, 5000);
    p = plain_realloc(p, 200); // shrunk by uninstrumented code
    sink(p);
    ok &= check_fill(p, 200, i + 2);
    plain_free(p);

    void *q = NULL;
    if (posix_memalign(&q, a, 300) != 0) // LPM
      ok = 0;
    sink(q);
    memset(q, 0x5A, malloc_usable_size(q));
    plain_free(q); // freed by uninstrumented code
  }
  printf("aligned realloc/free: %s\n", ok ? "ok" : "BAD");

  // calloc reusing a dirty block is still zeroed.
  ok = 1;
  for (int i = 0; i < 20; i++) {
    unsigned char *d = malloc(1000); // LDIRTY
    sink(d);
    memset(d, 0xFF, 1000);
    free(d);
    unsigned char *z = calloc(1, 1000); // LCALLOC
    sink(z);
    ok &= check_fill(z, 1000, 0);
    free(z);
  }
  printf("calloc zeroed: %s\n", ok ? "ok" : "BAD");

  char *r = malloc(77); // LRA
  sink(r);
  r = reallocarray(r, 0, 10);
  printf("reallocarray(p, 0, 10) = %s\n", r ? "non-null" : "NULL");
  return 0;
}

// OUT: usable sizes: ok
// OUT-NEXT: aligned realloc/free: ok
// OUT-NEXT: calloc zeroed: ok
// OUT-NEXT: reallocarray(p, 0, 10) = NULL
// OUT-NOT: {{.}}

// LSIZES: n = 1, 8, ..., 596 (86 blocks), sum = 86 + 7 * (0 + ... + 85) = 86 + 7 * 3655 = 25671 B.
// LALIGNED 5 x 1000; LREALLOC 5 x 5000, plus 5 x 200: a resize by
// uninstrumented code keeps the block under its line as "free of the old
// size, allocation of the new" (docs/runtime.md), so 26000 B in 10 blocks;
// LPM 5 x 300; LDIRTY and LCALLOC 20 x 1000 each (tie: later line first);
// LRA 77 (freed by reallocarray(r, 0, 10)). Nothing is live at exit.
// Total 25671 + 26000 + 20000 + 20000 + 5000 + 1500 + 77 = 98248 B, 147 blocks.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=0 B, peak={{.+}}
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK: {{^}}    unsigned char *p = malloc(n); // LSIZES
// CHECK: {{^}}Total: size={{.+}}, count={{[0-9]+}}
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: (none)
// CHECK-NEXT: Total: size=0 B, count=0
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// The cumulative section, exactly:
// RUN: %if !sanitizer %{ FileCheck %s --check-prefix=CUM --input-file %t0.err %}
// RUN: %if !sanitizer %{ FileCheck %s --check-prefix=CUM --input-file %t2.err %}
// CUM: Top 10 lines by memory allocated over the run:
// CUM-NEXT: #1: {{.*}}heap-integrity.c:[[#@LINE-71]]: size=25.4 KiB, count=10, average=2600 B
// CUM-NEXT: p = realloc(p, 5000); // LREALLOC
// CUM-NEXT: #2: {{.*}}heap-integrity.c:[[#@LINE-91]]: size=25.1 KiB, count=86, average=298 B
// CUM-NEXT: unsigned char *p = malloc(n); // LSIZES
// CUM-NEXT: #3: {{.*}}heap-integrity.c:[[#@LINE-50]]: size=19.5 KiB, count=20, average=1000 B
// CUM-NEXT: unsigned char *z = calloc(1, 1000); // LCALLOC
// CUM-NEXT: #4: {{.*}}heap-integrity.c:[[#@LINE-56]]: size=19.5 KiB, count=20, average=1000 B
// CUM-NEXT: unsigned char *d = malloc(1000); // LDIRTY
// CUM-NEXT: #5: {{.*}}heap-integrity.c:[[#@LINE-83]]: size=5000 B, count=5, average=1000 B
// CUM-NEXT: unsigned char *p = aligned_alloc(a, 1000); // LALIGNED
// CUM-NEXT: #6: {{.*}}heap-integrity.c:[[#@LINE-71]]: size=1500 B, count=5, average=300 B
// CUM-NEXT: if (posix_memalign(&q, a, 300) != 0) // LPM
// CUM-NEXT: #7: {{.*}}heap-integrity.c:[[#@LINE-51]]: size=77 B, count=1, average=77 B
// CUM-NEXT: char *r = malloc(77); // LRA
// CUM-NEXT: Total: size=95.9 KiB, count=147

// Peak: blocks never overlap; the largest is LREALLOC's 5000 (realloc is the
// free of the old block, then the allocation of the new one, whatever the
// old block's alignment).
// RUN: %if !sanitizer %{ FileCheck %s --check-prefix=PEAK --input-file %t0.err %}
// RUN: %if !sanitizer %{ FileCheck %s --check-prefix=PEAK --input-file %t2.err %}
// PEAK: Traced memory: current=0 B, peak=5000 B

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
