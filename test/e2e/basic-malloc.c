// Per-line accounting of plain malloc/free: sizes, counts, averages, both
// report sections, the sort order (size desc, count desc, then line desc),
// the header (current/peak), #N numbering, the source-line echo, the
// "k other" line (report_top=2) and "(none)" when nothing is live at exit.
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --strict-whitespace --check-prefixes=CHECK,LIVE --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --strict-whitespace --check-prefixes=CHECK,LIVE --input-file %t2.err
//
// RUN: env TRACEALLOC_OPTIONS=report_top=2:trace_libraries=0 %t2 > %t2.top.out 2> %t2.top.err
// RUN: FileCheck %s --check-prefix=TOP2 --input-file %t2.top.err
//
// Same program, everything freed before exit: the live section is "(none)".
// RUN: %tracealloc_cc -O2 -DFREE_ALL %s -o %t3
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t3 > %t3.out 2> %t3.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t3.out
// RUN: FileCheck %s --strict-whitespace --check-prefixes=CHECK,NONE --input-file %t3.err

#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

// Live bytes over time (traced blocks only):
//   LA: 5 x 2048 kept            -> 10240
//   LB: 10239 kept               -> 20479   <- peak
//   free a[0..2] (3 x 2048)      -> 14335
//   LC: 100 transient            -> 14435 (max)  then 14335
//   LD: 150 transient            -> 14485 (max)  then 14335
//   LE: 64 kept                  -> 14399
//   LF: 64 transient             -> 14463 (max)  then 14399
//   LG: 3 then 4, transient      -> 14403 (max)  then 14399
// peak = 20479 B = 19.999 KiB -> "20.0 KiB"; current = 14399 B -> "14.1 KiB"
// (FREE_ALL: current = 0 B, same peak.)
//
// Cumulative: LA 10240 (5), LB 10239 (1), LC 300 (3), LD 300 (2), LE 64 (1),
// LF 64 (1), LG 3+4=7 (2, average 3.5 -> "%.0f" rounds half to even -> "4 B").
// Total 10240+10239+300+300+64+64+7 = 21214 B = 20.717 KiB, 15 blocks.
// Order: LA, LB, LC (300/3) before LD (300/2), LF before LE (tie: line desc), LG.

// CHECK: {{^}}TraceAlloc report for {{.*}} (pid {{[0-9]+}}){{$}}
// LIVE-NEXT: {{^}}Traced memory: current=14.1 KiB, peak=20.0 KiB{{$}}
// NONE-NEXT: {{^}}Traced memory: current=0 B, peak=20.0 KiB{{$}}
// CHECK-EMPTY:
// CHECK-NEXT: {{^}}Top 10 lines by memory allocated over the run:{{$}}

// TOP2: TraceAlloc report for
// TOP2-NEXT: Traced memory: current=14.1 KiB, peak=20.0 KiB
// TOP2-EMPTY:
// TOP2-NEXT: Top 2 lines by memory allocated over the run:
// TOP2-NEXT: #1: {{.*}}basic-malloc.c:[[#@LINE+26]]: size=10.0 KiB, count=5, average=2048 B
// TOP2-NEXT: for (int i = 0; i < 5; i++) sink(a[i] = malloc(2048));
// TOP2-NEXT: #2: {{.*}}basic-malloc.c:[[#@LINE+27]]: size=10239 B, count=1, average=10239 B
// TOP2-NEXT: sink(b = malloc(10239));
// 300+300+64+64+7 = 735 B in 3+2+1+1+2 = 9 blocks
// TOP2-NEXT: 5 other: size=735 B, count=9
// TOP2-NEXT: Total: size=20.7 KiB, count=15
// TOP2-EMPTY:
// TOP2-NEXT: Top 2 lines by memory in use at exit:
// TOP2-NEXT: #1: {{.*}}basic-malloc.c:[[#@LINE+20]]: size=10239 B, count=1, average=10239 B
// TOP2-NEXT: sink(b = malloc(10239));
// TOP2-NEXT: #2: {{.*}}basic-malloc.c:[[#@LINE+15]]: size=4096 B, count=2, average=2048 B
// TOP2-NEXT: for (int i = 0; i < 5; i++) sink(a[i] = malloc(2048));
// TOP2-NEXT: 1 other: size=64 B, count=1
// TOP2-NEXT: Total: size=14.1 KiB, count=4
// (TOP2's at-peak section is at the end of the file.)

// OUT: done
// OUT-NOT: {{.}}

int main(void) {
  char *a[5];
  char *b, *e;

  // CHECK-NEXT: {{^}}#1: {{.*}}basic-malloc.c:[[#LA:@LINE+2]]: size=10.0 KiB, count=5, average=2048 B{{$}}
  // CHECK-NEXT: {{^}}    for (int i = 0; i < 5; i++) sink(a[i] = malloc(2048));{{$}}
  for (int i = 0; i < 5; i++) sink(a[i] = malloc(2048));
  // CHECK-NEXT: {{^}}#2: {{.*}}basic-malloc.c:[[#LB:@LINE+2]]: size=10239 B, count=1, average=10239 B{{$}}
  // CHECK-NEXT: {{^}}    sink(b = malloc(10239));{{$}}
  sink(b = malloc(10239));
  for (int i = 0; i < 3; i++)
    free(a[i]);
  // CHECK-NEXT: {{^}}#3: {{.*}}basic-malloc.c:[[#LC:@LINE+2]]: size=300 B, count=3, average=100 B{{$}}
  // CHECK-NEXT: {{^}}    for (int i = 0; i < 3; i++) { char *p = malloc(100); sink(p); free(p); }{{$}}
  for (int i = 0; i < 3; i++) { char *p = malloc(100); sink(p); free(p); }
  // CHECK-NEXT: {{^}}#4: {{.*}}basic-malloc.c:[[#LD:@LINE+2]]: size=300 B, count=2, average=150 B{{$}}
  // CHECK-NEXT: {{^}}    for (int i = 0; i < 2; i++) { char *p = malloc(150); sink(p); free(p); }{{$}}
  for (int i = 0; i < 2; i++) { char *p = malloc(150); sink(p); free(p); }
  // CHECK-NEXT: {{^}}#5: {{.*}}basic-malloc.c:[[#LF:@LINE+5]]: size=64 B, count=1, average=64 B{{$}}
  // CHECK-NEXT: {{^}}    { char *p = malloc(64); sink(p); free(p); }{{$}}
  // CHECK-NEXT: {{^}}#6: {{.*}}basic-malloc.c:[[#LE:@LINE+2]]: size=64 B, count=1, average=64 B{{$}}
  // CHECK-NEXT: {{^}}    sink(e = malloc(64));{{$}}
  sink(e = malloc(64));
  { char *p = malloc(64); sink(p); free(p); }
  // CHECK-NEXT: {{^}}#7: {{.*}}basic-malloc.c:[[#LG:@LINE+2]]: size=7 B, count=2, average=4 B{{$}}
  // CHECK-NEXT: {{^}}    for (size_t n = 3; n <= 4; n++) { char *p = malloc(n); sink(p); free(p); }{{$}}
  for (size_t n = 3; n <= 4; n++) { char *p = malloc(n); sink(p); free(p); }
  // CHECK-NEXT: {{^}}Total: size=20.7 KiB, count=15{{$}}
  // CHECK-EMPTY:
  // CHECK-NEXT: {{^}}Top 10 lines by memory in use at exit:{{$}}

#ifdef FREE_ALL
  free(a[3]);
  free(a[4]);
  free(b);
  free(e);
#endif
  printf("done\n");
  return 0;
}

// Live at exit: LB 10239 (1), LA 2 x 2048 = 4096 (2), LE 64 (1);
// total 14399 B -> "14.1 KiB", 4 blocks.
// LIVE-NEXT: {{^}}#1: {{.*}}basic-malloc.c:[[#LB]]: size=10239 B, count=1, average=10239 B{{$}}
// LIVE-NEXT: {{^}}    sink(b = malloc(10239));{{$}}
// LIVE-NEXT: {{^}}#2: {{.*}}basic-malloc.c:[[#LA]]: size=4096 B, count=2, average=2048 B{{$}}
// LIVE-NEXT: {{^}}    for (int i = 0; i < 5; i++) sink(a[i] = malloc(2048));{{$}}
// LIVE-NEXT: {{^}}#3: {{.*}}basic-malloc.c:[[#LE]]: size=64 B, count=1, average=64 B{{$}}
// LIVE-NEXT: {{^}}    sink(e = malloc(64));{{$}}
// LIVE-NEXT: {{^}}Total: size=14.1 KiB, count=4{{$}}

// NONE-NEXT: {{^}}(none){{$}}
// NONE-NEXT: {{^}}Total: size=0 B, count=0{{$}}

// At the peak, right after LB: LA 5 x 2048 = 10240 B "10.0 KiB" (5 blocks)
// and LB 10239 B (1); total 20479 B -> "20.0 KiB", 6 blocks. The same with
// FREE_ALL: the frees come after the peak.
// CHECK-EMPTY:
// CHECK-NEXT: {{^}}Top 10 lines by memory in use at the peak:{{$}}
// CHECK-NEXT: {{^}}#1: {{.*}}basic-malloc.c:[[#LA]]: size=10.0 KiB, count=5, average=2048 B{{$}}
// CHECK-NEXT: {{^}}    for (int i = 0; i < 5; i++) sink(a[i] = malloc(2048));{{$}}
// CHECK-NEXT: {{^}}#2: {{.*}}basic-malloc.c:[[#LB]]: size=10239 B, count=1, average=10239 B{{$}}
// CHECK-NEXT: {{^}}    sink(b = malloc(10239));{{$}}
// CHECK-NEXT: {{^}}Total: size=20.0 KiB, count=6{{$}}
// CHECK-NOT: {{.}}

// TOP2-EMPTY:
// TOP2-NEXT: Top 2 lines by memory in use at the peak:
// TOP2-NEXT: #1: {{.*}}basic-malloc.c:[[#@LINE-62]]: size=10.0 KiB, count=5, average=2048 B
// TOP2-NEXT: for (int i = 0; i < 5; i++) sink(a[i] = malloc(2048));
// TOP2-NEXT: #2: {{.*}}basic-malloc.c:[[#@LINE-61]]: size=10239 B, count=1, average=10239 B
// TOP2-NEXT: sink(b = malloc(10239));
// TOP2-NEXT: Total: size=20.0 KiB, count=6
// TOP2-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
