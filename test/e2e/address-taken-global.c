// An allocation function whose address is taken in a global initializer
// (no instruction takes it): calls through it are counted at the line of the
// variable's declaration, and free through a global pointer releases them.
// The declaration's line comes from the variable's debug info, which -g has
// and -gline-tables-only (the wrappers' default) does not: there the calls
// are still counted, under <file>:0.
//
// RUN: %tracealloc_cc -g -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cc -g -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err
//
// RUN: %tracealloc_cc -O2 %s -o %t3
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t3 > %t3.out 2> %t3.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t3.out
// RUN: FileCheck %s --check-prefix=LINETABLES --input-file %t3.err

#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

void *(*alloc_fn)(size_t) = malloc; // LGLOBAL
void (*free_fn)(void *) = free;
void *(*table[2])(size_t) = {malloc, 0}; // LTABLE

int main(void) {
  void *p = alloc_fn(300);
  sink(p);
  free_fn(p);
  sink(p = alloc_fn(33));
  void *(*volatile t)(size_t) = table[0];
  sink(t(1000));
  printf("ok\n");
  return 0;
}

// OUT: ok
// OUT-NOT: {{.}}

// Live over time: 300, 0, 33, 1033 (peak). The globals are mutable and
// external, so the optimiser cannot fold them to direct calls.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=1033 B, peak=1033 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}address-taken-global.c:[[#LTABLE:@LINE-22]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: void *(*table[2])(size_t) = {malloc, 0}; // LTABLE
// 300 + 33 = 333 B in 2 blocks, average 166.5 -> "166 B" (half to even)
// CHECK-NEXT: #2: {{.*}}address-taken-global.c:[[#LGLOBAL:@LINE-27]]: size=333 B, count=2, average=166 B
// CHECK-NEXT: void *(*alloc_fn)(size_t) = malloc; // LGLOBAL
// CHECK-NEXT: Total: size=1333 B, count=3
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}address-taken-global.c:[[#LTABLE]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: void *(*table[2])(size_t) = {malloc, 0}; // LTABLE
// CHECK-NEXT: #2: {{.*}}address-taken-global.c:[[#LGLOBAL]]: size=33 B, count=1, average=33 B
// CHECK-NEXT: void *(*alloc_fn)(size_t) = malloc; // LGLOBAL
// CHECK-NEXT: Total: size=1033 B, count=2
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// LINETABLES: Traced memory: current=1033 B, peak=1033 B
// LINETABLES: Top 10 lines by memory allocated over the run:
// LINETABLES-NEXT: #1: {{.*}}address-taken-global.c:0: size=1333 B, count=3, average=444 B
// LINETABLES-NEXT: Total: size=1333 B, count=3
// LINETABLES: Top 10 lines by memory in use at exit:
// LINETABLES-NEXT: #1: {{.*}}address-taken-global.c:0: size=1033 B, count=2, average=516 B
// LINETABLES-NEXT: Total: size=1033 B, count=2

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
