// The report's "in use at the peak" section: a program in phases whose
// peak is held by lines that are neither what is in use at exit nor what
// was allocated most, so each section says something different.
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t0 2> %t0.err; echo "exit=$?"' > %t0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t2 2> %t2.err; echo "exit=$?"' > %t2.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err
//
// report_top=1: one line, the other one in "1 other".
// RUN: env TRACEALLOC_OPTIONS=report_top=1:trace_libraries=0 not %t2 2> %t2.top1.err
// RUN: FileCheck %s --check-prefix=TOP1 --input-file %t2.top1.err

#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

// Traced bytes in use, phase by phase:
//   1. LA: 100 x 1000                      -> 100000
//      LB: 50000                           -> 150000
//   2. free LA's blocks                    ->  50000
//   3. LC: 4 x 30000                       -> 170000   <- the peak
//   4. free LC's and LB's blocks; LD: 7000 ->   7000
//   5. LE: 10 x 5000, each freed at once   ->  12000 (max) then 7000
int main(void) {
  char *a[100], *c[4];
  for (int i = 0; i < 100; i++) sink(a[i] = malloc(1000)); // LA
  char *b = malloc(50000); // LB
  sink(b);
  for (int i = 0; i < 100; i++)
    free(a[i]);
  for (int i = 0; i < 4; i++) sink(c[i] = malloc(30000)); // LC
  for (int i = 0; i < 4; i++)
    free(c[i]);
  free(b);
  char *d = malloc(7000); // LD
  sink(d);
  for (int i = 0; i < 10; i++) { char *e = malloc(5000); sink(e); free(e); } // LE
  printf("done\n");
  return 3;
}

// OUT: done
// OUT-NEXT: exit=3

// peak 170000 B = 166.0 KiB -> "166 KiB"; current = LD = 7000 B.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=7000 B, peak=166 KiB
// CHECK-EMPTY:
// Over the run: LC 120000 (4), LA 100000 (100), then LE and LB, both
// 50000 B "48.8 KiB": LE first, with more blocks (10), then LD 7000.
// Total 120000 + 100000 + 50000 + 50000 + 7000 = 327000 B -> "319 KiB", 116 blocks.
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}peak-phases.c:[[#LC:@LINE-22]]: size=117 KiB, count=4, average=29.3 KiB
// CHECK-NEXT: for (int i = 0; i < 4; i++) sink(c[i] = malloc(30000)); // LC
// CHECK-NEXT: #2: {{.*}}peak-phases.c:[[#LA:@LINE-29]]: size=97.7 KiB, count=100, average=1000 B
// CHECK-NEXT: for (int i = 0; i < 100; i++) sink(a[i] = malloc(1000)); // LA
// CHECK-NEXT: #3: {{.*}}peak-phases.c:[[#LE:@LINE-20]]: size=48.8 KiB, count=10, average=5000 B
// CHECK-NEXT: for (int i = 0; i < 10; i++) { char *e = malloc(5000); sink(e); free(e); } // LE
// CHECK-NEXT: #4: {{.*}}peak-phases.c:[[#LB:@LINE-32]]: size=48.8 KiB, count=1, average=48.8 KiB
// CHECK-NEXT: char *b = malloc(50000); // LB
// CHECK-NEXT: #5: {{.*}}peak-phases.c:[[#LD:@LINE-26]]: size=7000 B, count=1, average=7000 B
// CHECK-NEXT: char *d = malloc(7000); // LD
// CHECK-NEXT: Total: size=319 KiB, count=116
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}peak-phases.c:[[#LD]]: size=7000 B, count=1, average=7000 B
// CHECK-NEXT: char *d = malloc(7000); // LD
// CHECK-NEXT: Total: size=7000 B, count=1
// At the peak: LC 4 x 30000 = 120000 B "117 KiB" (average 30000 B = 29.297
// KiB -> "29.3 KiB") and LB 50000 B "48.8 KiB"; LA was freed before.
// Total 170000 B "166 KiB", 5 blocks.
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at the peak:
// CHECK-NEXT: #1: {{.*}}peak-phases.c:[[#LC]]: size=117 KiB, count=4, average=29.3 KiB
// CHECK-NEXT: for (int i = 0; i < 4; i++) sink(c[i] = malloc(30000)); // LC
// CHECK-NEXT: #2: {{.*}}peak-phases.c:[[#LB]]: size=48.8 KiB, count=1, average=48.8 KiB
// CHECK-NEXT: char *b = malloc(50000); // LB
// CHECK-NEXT: Total: size=166 KiB, count=5
// CHECK-NOT: {{.}}

// TOP1: Top 1 lines by memory in use at the peak:
// TOP1-NEXT: #1: {{.*}}peak-phases.c:[[#@LINE-51]]: size=117 KiB, count=4, average=29.3 KiB
// TOP1-NEXT: for (int i = 0; i < 4; i++) sink(c[i] = malloc(30000)); // LC
// TOP1-NEXT: 1 other: size=48.8 KiB, count=1
// TOP1-NEXT: Total: size=166 KiB, count=5
// TOP1-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
