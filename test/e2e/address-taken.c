// Allocation functions whose address is taken: calls through the pointer are
// attributed to the line that took the address (the call line is opaque to
// the compiler), and free passed as a callback releases traced blocks.
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

char msg[] = "hello";

__attribute__((noinline)) void apply(void **v, int n, void (*fn)(void *)) {
  for (int i = 0; i < n; i++)
    fn(v[i]);
}

int main(void) {
  // volatile: the optimiser cannot turn the indirect calls back into direct ones.
  void *(*volatile f)(size_t) = malloc; // LTAKE
  void (*volatile g)(void *) = free;
  void *(*volatile c)(size_t, size_t) = calloc; // LTAKEC
  char *(*volatile d)(const char *) = strdup; // LTAKED

  void *v[3];
  // ABSENT-NOT: address-taken.c:[[# @LINE + 1]]:
  for (int i = 0; i < 3; i++) sink(v[i] = f(200));
  apply(v, 3, free);
  // ABSENT-NOT: address-taken.c:[[# @LINE + 1]]:
  g(f(50));
  // ABSENT-NOT: address-taken.c:[[# @LINE + 1]]:
  void *k = c(4, 25);
  sink(k);
  // ABSENT-NOT: address-taken.c:[[# @LINE + 1]]:
  char *s = d(msg);
  sink(s);
  printf("%s\n", s);
  return 0;
}

// OUT: hello
// OUT-NOT: {{.}}

// Through f: 3 x 200 + 50 = 650 B in 4 blocks, average 162.5 -> "162 B"
// ("%.0f" rounds half to even). Through c: 4*25 = 100. Through d: 5+1 = 6.
// Live over time: 200, 400, 600 (peak), 0, 50, 0, 100, 106.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=106 B, peak=600 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}address-taken.c:[[#@LINE-31]]: size=650 B, count=4, average=162 B
// CHECK-NEXT: void *(*volatile f)(size_t) = malloc; // LTAKE
// CHECK-NEXT: #2: {{.*}}address-taken.c:[[#LTAKEC:@LINE-31]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: void *(*volatile c)(size_t, size_t) = calloc; // LTAKEC
// CHECK-NEXT: #3: {{.*}}address-taken.c:[[#LTAKED:@LINE-32]]: size=6 B, count=1, average=6 B
// CHECK-NEXT: char *(*volatile d)(const char *) = strdup; // LTAKED
// CHECK-NEXT: Total: size=756 B, count=6
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}address-taken.c:[[#LTAKEC]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: void *(*volatile c)(size_t, size_t) = calloc; // LTAKEC
// CHECK-NEXT: #2: {{.*}}address-taken.c:[[#LTAKED]]: size=6 B, count=1, average=6 B
// CHECK-NEXT: char *(*volatile d)(const char *) = strdup; // LTAKED
// CHECK-NEXT: Total: size=106 B, count=2
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
