// Every C allocation family: calloc, realloc (grow, shrink, NULL, 0,
// failure), reallocarray (and its overflow), aligned_alloc, posix_memalign
// (and EINVAL), memalign, valloc, pvalloc, strdup, strndup. Each counts its
// requested size (pvalloc: whole pages) at its own line; the program's
// output is the same as when built without TraceAlloc.
//
// RUN: %clang -O0 -Wno-deprecated-declarations %s -o %t.plain
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.plain > %t.plain.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.plain.out
//
// RUN: %tracealloc_cc -O0 -Wno-deprecated-declarations %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=report_top=20:trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: diff %t.plain.out %t0.out
// RUN: FileCheck %s --input-file %t0.err
// RUN: FileCheck %s --check-prefix=ABSENT --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 -Wno-deprecated-declarations %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=report_top=20:trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: diff %t.plain.out %t2.out
// RUN: FileCheck %s --input-file %t2.err
// RUN: FileCheck %s --check-prefix=ABSENT --input-file %t2.err

#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

char msg[] = "hello world"; // strlen 11

static const char *aligned(const void *p, size_t a) {
  return ((uintptr_t)p % a) == 0 ? "aligned" : "MISALIGNED";
}

// Live bytes over time:
//   calloc 10*30=300 kept       300
//   malloc 100                  400
//   realloc -> 1000             1300
//   realloc -> 10               310
//   realloc(p, 0) frees         300
//   realloc(NULL, 40), freed    340 -> 300
//   reallocarray(NULL,5,20)=100 400
//   reallocarray(q,10,20)=200   500
//   reallocarray overflow fails 500, then free(q) -> 300
//   aligned_alloc 256 kept      556
//   posix_memalign 1000         1556
//   posix_memalign EINVAL       1556, then free -> 556
//   memalign 500, freed         1056 -> 556
//   valloc 100, freed           656 -> 556
//   pvalloc 100 -> one page     4652 -> 556   <- peak
//   strdup 12 kept              568
//   strndup 5+1=6, freed        574 -> 568
//   strndup min(11,100)+1=12    580 -> 568
// peak = 4652 B, current = 300+256+12 = 568 B.
// pvalloc(n) allocates n rounded up to whole pages and is charged that
// (docs/runtime.md): 4096 B on x86-64 Linux (the page size is printed).
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=568 B, peak=4652 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 20 lines by memory allocated over the run:

// Cumulative order (size desc; ties: line desc): pvalloc 4096,
//   realloc-grow 1000 / posix_memalign 1000 (posix_memalign is the later line)
//   memalign 500, calloc 300, aligned_alloc 256, reallocarray 200,
//   valloc 100 / reallocarray(NULL) 100 / malloc 100,
//   realloc(NULL) 40, strndup(100) 12 / strdup 12, realloc-shrink 10,
//   strndup(5) 6.
// Total = 4096+1000+1000+500+300+256+200+3*100+40+12+12+10+6 = 7732 B, 15 blocks.
// Lines are captured where each call is, and checked in this order at the
// end of the file.

int main(void) {
  char *keep_c, *keep_a, *keep_s;

  sink(keep_c = calloc(10, 30)); // LCALLOC

  char *p = malloc(100); // LMALLOC
  sink(p);
  p = realloc(p, 1000); // LGROW
  sink(p);
  p[999] = 1;
  p = realloc(p, 10); // LSHRINK
  sink(p);
  // glibc: realloc(p, 0) frees p and returns NULL. Nothing is counted.
  // ABSENT-NOT: alloc-families.c:[[# @LINE + 1]]:
  p = realloc(p, 0);
  printf("realloc(p, 0) = %s\n", p ? "non-null" : "NULL");
  char *r = realloc(NULL, 40); // LRNULL
  sink(r);
  free(r);

  char *q = reallocarray(NULL, 5, 20); // LRA1
  sink(q);
  q = reallocarray(q, 10, 20); // LRA2
  sink(q);
  volatile size_t huge = SIZE_MAX / 2;
  errno = 0;
  // ABSENT-NOT: alloc-families.c:[[# @LINE + 1]]:
  char *q2 = reallocarray(q, huge, 3);
  printf("reallocarray overflow: %s, errno %s\n", q2 ? "non-null" : "NULL",
         errno == ENOMEM ? "ENOMEM" : "other");
  free(q);

  sink(keep_a = aligned_alloc(64, 256)); // LALIGNED
  printf("aligned_alloc(64): %s\n", aligned(keep_a, 64));

  void *pm = NULL;
  int rc = posix_memalign(&pm, 128, 1000); // LPM
  sink(pm);
  printf("posix_memalign(128) = %d, %s\n", rc, aligned(pm, 128));
  static int sentinel;
  void *bad = &sentinel;
  errno = 4321;
  // ABSENT-NOT: alloc-families.c:[[# @LINE + 1]]:
  rc = posix_memalign(&bad, 3, 100);
  printf("posix_memalign(3) = %s, memptr %s, errno %s\n",
         rc == EINVAL ? "EINVAL" : "other",
         bad == &sentinel ? "unchanged" : "changed",
         errno == 4321 ? "unchanged" : "changed");
  free(pm);

  char *m = memalign(32, 500); // LMEMALIGN
  sink(m);
  printf("memalign(32): %s\n", aligned(m, 32));
  free(m);

  long page = sysconf(_SC_PAGESIZE);
  printf("page size %ld\n", page);
  char *v = valloc(100); // LVALLOC
  sink(v);
  printf("valloc: page-%s\n", aligned(v, page));
  free(v);
  char *pv = pvalloc(100); // LPVALLOC
  sink(pv);
  printf("pvalloc: page-%s\n", aligned(pv, page));
  free(pv);

  sink(keep_s = strdup(msg)); // LSTRDUP
  char *s1 = strndup(msg, 5); // LSTRNDUP5
  sink(s1);
  puts(s1);
  free(s1);
  char *s2 = strndup(msg, 100); // LSTRNDUP100
  sink(s2);
  puts(s2);
  free(s2);
  puts(keep_s);
  return 0;
}

// OUT: realloc(p, 0) = NULL
// OUT-NEXT: reallocarray overflow: NULL, errno ENOMEM
// OUT-NEXT: aligned_alloc(64): aligned
// OUT-NEXT: posix_memalign(128) = 0, aligned
// OUT-NEXT: posix_memalign(3) = EINVAL, memptr unchanged, errno unchanged
// OUT-NEXT: memalign(32): aligned
// OUT-NEXT: page size 4096
// OUT-NEXT: valloc: page-aligned
// OUT-NEXT: pvalloc: page-aligned
// OUT-NEXT: hello
// OUT-NEXT: hello world
// OUT-NEXT: hello world
// OUT-NOT: {{.}}

// CHECK-NEXT: #1: {{.*}}alloc-families.c:[[#@LINE-32]]: size=4096 B, count=1, average=4096 B
// CHECK-NEXT: char *pv = pvalloc(100); // LPVALLOC
// CHECK-NEXT: #2: {{.*}}alloc-families.c:[[#LPM:@LINE-59]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: int rc = posix_memalign(&pm, 128, 1000); // LPM
// CHECK-NEXT: #3: {{.*}}alloc-families.c:[[#LGROW:@LINE-90]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: p = realloc(p, 1000); // LGROW
// CHECK-NEXT: #4: {{.*}}alloc-families.c:[[#@LINE-49]]: size=500 B, count=1, average=500 B
// CHECK-NEXT: char *m = memalign(32, 500); // LMEMALIGN
// CHECK-NEXT: #5: {{.*}}alloc-families.c:[[#LCALLOC:@LINE-98]]: size=300 B, count=1, average=300 B
// CHECK-NEXT: sink(keep_c = calloc(10, 30)); // LCALLOC
// CHECK-NEXT: #6: {{.*}}alloc-families.c:[[#LALIGNED:@LINE-71]]: size=256 B, count=1, average=256 B
// CHECK-NEXT: sink(keep_a = aligned_alloc(64, 256)); // LALIGNED
// CHECK-NEXT: #7: {{.*}}alloc-families.c:[[#@LINE-83]]: size=200 B, count=1, average=200 B
// CHECK-NEXT: q = reallocarray(q, 10, 20); // LRA2
// CHECK-NEXT: #8: {{.*}}alloc-families.c:[[#@LINE-50]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: char *v = valloc(100); // LVALLOC
// CHECK-NEXT: #9: {{.*}}alloc-families.c:[[#@LINE-89]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: char *q = reallocarray(NULL, 5, 20); // LRA1
// CHECK-NEXT: #10: {{.*}}alloc-families.c:[[#@LINE-106]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: char *p = malloc(100); // LMALLOC
// CHECK-NEXT: #11: {{.*}}alloc-families.c:[[#@LINE-97]]: size=40 B, count=1, average=40 B
// CHECK-NEXT: char *r = realloc(NULL, 40); // LRNULL
// CHECK-NEXT: #12: {{.*}}alloc-families.c:[[#@LINE-44]]: size=12 B, count=1, average=12 B
// CHECK-NEXT: char *s2 = strndup(msg, 100); // LSTRNDUP100
// CHECK-NEXT: #13: {{.*}}alloc-families.c:[[#LSTRDUP:@LINE-51]]: size=12 B, count=1, average=12 B
// CHECK-NEXT: sink(keep_s = strdup(msg)); // LSTRDUP
// CHECK-NEXT: #14: {{.*}}alloc-families.c:[[#@LINE-109]]: size=10 B, count=1, average=10 B
// CHECK-NEXT: p = realloc(p, 10); // LSHRINK
// CHECK-NEXT: #15: {{.*}}alloc-families.c:[[#@LINE-54]]: size=6 B, count=1, average=6 B
// CHECK-NEXT: char *s1 = strndup(msg, 5); // LSTRNDUP5
// CHECK-NEXT: Total: size=7732 B, count=15
// CHECK-EMPTY:
// CHECK-NEXT: Top 20 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}alloc-families.c:[[#LCALLOC]]: size=300 B, count=1, average=300 B
// CHECK-NEXT: sink(keep_c = calloc(10, 30)); // LCALLOC
// CHECK-NEXT: #2: {{.*}}alloc-families.c:[[#LALIGNED]]: size=256 B, count=1, average=256 B
// CHECK-NEXT: sink(keep_a = aligned_alloc(64, 256)); // LALIGNED
// CHECK-NEXT: #3: {{.*}}alloc-families.c:[[#LSTRDUP]]: size=12 B, count=1, average=12 B
// CHECK-NEXT: sink(keep_s = strdup(msg)); // LSTRDUP
// CHECK-NEXT: Total: size=568 B, count=3
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
