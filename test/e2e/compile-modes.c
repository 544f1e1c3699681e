// How the program is compiled does not change what is reported:
//  - several allocation calls on one line (different columns, a macro, an
//    inlined helper's copies) are one entry;
//  - -fno-builtin (allocation functions not known to the optimiser);
//  - a relative source path compiled in another directory, and the program
//    run from a third one: the report names the file by its absolute path
//    and still shows the source line.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir/src %t.dir/build %t.dir/run
// RUN: cp %s %t.dir/src/compile-modes.c
// RUN: %tracealloc_cc -O2 -fno-builtin %t.dir/src/compile-modes.c -o %t.nobuiltin
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.nobuiltin > %t.nobuiltin.out 2> %t.nobuiltin.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.nobuiltin.out
// RUN: FileCheck %s --input-file %t.nobuiltin.err -DSRC=%t.dir/src/compile-modes.c
//
// RUN: %tracealloc_cc -O0 %t.dir/src/compile-modes.c -o %t.O0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.O0 > %t.O0.out 2> %t.O0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.O0.out
// RUN: FileCheck %s --input-file %t.O0.err -DSRC=%t.dir/src/compile-modes.c
//
// The file is named by its normalised absolute path (no "build/../src"), so
// one source file reached through different relative paths is one file.
// RUN: cd %t.dir/build && %tracealloc_cc -O2 ../src/compile-modes.c -o prog
// RUN: cd %t.dir/run && env TRACEALLOC_OPTIONS=trace_libraries=0 ../build/prog > out 2> err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.dir/run/out
// RUN: FileCheck %s --input-file %t.dir/run/err -DSRC=%t.dir/src/compile-modes.c

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

#define ALLOC_TWICE(n) (sink(malloc(n)), malloc(n))

static inline __attribute__((always_inline)) void *twice(size_t n) {
  sink(malloc(n)); // LTWICE
  return malloc(n + 1); // LTWICE1
}

int main(void) {
  char *a = malloc(10), *b = malloc(20); sink(a); sink(b); // LPAIR
  sink(ALLOC_TWICE(30)); // LMACRO
  sink(twice(40));
  sink(twice(50));
  puts("compiled");
  return 0;
}

// OUT: compiled
// OUT-NOT: {{.}}

// LMACRO 2 x 30 = 60; LTWICE 40 + 50 = 90 (two inlined copies, one line);
// LTWICE1 41 + 51 = 92; LPAIR 10 + 20 = 30. All live: 272 B, 8 blocks.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=272 B, peak=272 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: [[SRC]]:[[#]]: size=92 B, count=2, average=46 B
// CHECK-NEXT: return malloc(n + 1); // LTWICE1
// CHECK-NEXT: #2: [[SRC]]:[[#]]: size=90 B, count=2, average=45 B
// CHECK-NEXT: sink(malloc(n)); // LTWICE
// CHECK-NEXT: #3: [[SRC]]:[[#]]: size=60 B, count=2, average=30 B
// CHECK-NEXT: sink(ALLOC_TWICE(30)); // LMACRO
// CHECK-NEXT: #4: [[SRC]]:[[#]]: size=30 B, count=2, average=15 B
// CHECK-NEXT: char *a = malloc(10), *b = malloc(20); sink(a); sink(b); // LPAIR
// CHECK-NEXT: Total: size=272 B, count=8

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
