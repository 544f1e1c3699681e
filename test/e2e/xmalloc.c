// A program that wraps malloc in its own helpers: every block is counted
// once, at the malloc call inside the helper (the call that was rewritten),
// whether the helper is out of line or inlined (always_inline: the innermost
// frame of the inline chain is the malloc line).
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
// RUN: FileCheck %s --check-prefix=ABSENT --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err
// RUN: FileCheck %s --check-prefix=ABSENT --input-file %t2.err

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

__attribute__((noinline)) void *xmalloc(size_t n) {
  void *p = malloc(n); // LX
  if (!p) {
    fputs("out of memory\n", stderr);
    abort();
  }
  return p;
}

static inline __attribute__((always_inline)) void *xmalloc_inl(size_t n) {
  void *p = malloc(n); // LXI
  if (!p)
    abort();
  return p;
}

__attribute__((noinline)) char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  // ABSENT-NOT: xmalloc.c:[[# @LINE + 1]]:
  char *p = xmalloc(n);
  memcpy(p, s, n);
  return p;
}

int main(void) {
  void *a = xmalloc(10);
  sink(a);
  // ABSENT-NOT: xmalloc.c:[[# @LINE + 1]]:
  sink(xmalloc(20));
  for (int i = 0; i < 3; i++)
    sink(xmalloc(30));
  char *s = xstrdup("abcdefghi");
  sink(s);
  puts(s);
  // ABSENT-NOT: xmalloc.c:[[# @LINE + 1]]:
  sink(xmalloc_inl(500));
  sink(xmalloc_inl(600));
  free(a);
  return 0;
}

// OUT: abcdefghi
// OUT-NOT: {{.}}

// LX: 10 + 20 + 3 x 30 + 10 ("abcdefghi" + NUL) = 130 B in 6 blocks,
// average 21.7 -> "22 B". LXI: 500 + 600 = 1100 B in 2 blocks.
// Everything is live until the final free(a): peak 1230 B, current 1220 B.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=1220 B, peak=1230 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}xmalloc.c:[[#LXI:@LINE-41]]: size=1100 B, count=2, average=550 B
// CHECK-NEXT: void *p = malloc(n); // LXI
// CHECK-NEXT: #2: {{.*}}xmalloc.c:[[#LX:@LINE-52]]: size=130 B, count=6, average=22 B
// CHECK-NEXT: void *p = malloc(n); // LX
// CHECK-NEXT: Total: size=1230 B, count=8
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}xmalloc.c:[[#LXI]]: size=1100 B, count=2, average=550 B
// CHECK-NEXT: void *p = malloc(n); // LXI
// CHECK-NEXT: #2: {{.*}}xmalloc.c:[[#LX]]: size=120 B, count=5, average=24 B
// CHECK-NEXT: void *p = malloc(n); // LX
// CHECK-NEXT: Total: size=1220 B, count=7
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
