// Leaks are grouped by traceback as shown (file, line and function of each
// frame): with one frame, the leaks of a helper called from two places are
// one entry, and two allocation calls on one line are one entry; with
// nframe=2 the callers split them, and a suppression on a caller's line
// silences only the leak made through it. leak_report_top cuts the list.
//
// UNSUPPORTED: sanitizer
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0 not %t0 2> %t0.err
// RUN: FileCheck %s --check-prefix=ONE --input-file %t0.err
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0 not %t2 2> %t2.err
// RUN: FileCheck %s --check-prefix=ONE --input-file %t2.err
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0:nframe=2 not %t0 2> %t0.two.err
// RUN: FileCheck %s --check-prefix=TWO --input-file %t0.two.err
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0:nframe=2 not %t2 2> %t2.two.err
// RUN: FileCheck %s --check-prefix=TWO --input-file %t2.two.err
//
// RUN: echo "leak:tracebacks.c:$(grep -n 'LB$' %s | cut -d: -f1)" > %t.supp
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0:nframe=2:suppressions=%t.supp not %t2 2> %t2.supp.err
// RUN: FileCheck %s --check-prefix=SUPP --input-file %t2.supp.err
//
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0:nframe=2:leak_report_top=1 not %t2 2> %t2.top.err
// RUN: FileCheck %s --check-prefix=TOP --input-file %t2.top.err

#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void lose(void *p) {
  g_sink = p;
  g_sink = 0;
}

__attribute__((noinline)) static char *make(size_t n) {
  return malloc(n); // LMAKE
}

int main(void) {
  lose(make(10)); // LA
  lose(make(20)); // LB
  lose(malloc(5)); lose(malloc(6)); // LSAME
  return 0;
}

// One frame: make's line, 10 + 20 = 30 B in 2 blocks; LSAME's two calls,
// 5 + 6 = 11 B in 2 blocks (average 5.5, printed "%.0f", half to even:
// "6 B"). 30 + 11 = 41 B in 4 blocks.
// ONE: {{^}}Leaks: 4 blocks, 41 B, from 2 tracebacks{{$}}
// ONE-NEXT: {{^}}#1: size=30 B, count=2, average=15 B{{$}}
// ONE-NEXT: {{^}}  File "{{.*}}tracebacks.c", line [[#]], in make{{$}}
// ONE-NEXT: {{^}}    return malloc(n); // LMAKE{{$}}
// ONE-NEXT: {{^}}#2: size=11 B, count=2, average=6 B{{$}}
// ONE-NEXT: {{^}}  File "{{.*}}tracebacks.c", line [[#]], in main{{$}}
// ONE-NEXT: {{^}}    lose(malloc(5)); lose(malloc(6)); // LSAME{{$}}
// ONE-NEXT: {{^}}Still reachable: 0 blocks, 0 B{{$}}
// ONE-NEXT: {{^}}TraceAlloc: error: 4 leaked blocks (41 B); exiting with code 23 (leak_check=1){{$}}
// ONE-NOT: {{.}}

// Two frames: LB's 20 B, LSAME's 11 B (main has no instrumented caller),
// LA's 10 B; oldest frame first.
// TWO: {{^}}Leaks: 4 blocks, 41 B, from 3 tracebacks{{$}}
// TWO-NEXT: {{^}}#1: size=20 B, count=1, average=20 B{{$}}
// TWO-NEXT: {{^}}  File "{{.*}}tracebacks.c", line [[#LB:]], in main{{$}}
// TWO-NEXT: {{^}}    lose(make(20)); // LB{{$}}
// TWO-NEXT: {{^}}  File "{{.*}}tracebacks.c", line [[#LMAKE:]], in make{{$}}
// TWO-NEXT: {{^}}    return malloc(n); // LMAKE{{$}}
// TWO-NEXT: {{^}}#2: size=11 B, count=2, average=6 B{{$}}
// TWO-NEXT: {{^}}  File "{{.*}}tracebacks.c", line [[#LB+1]], in main{{$}}
// TWO-NEXT: {{^}}    lose(malloc(5)); lose(malloc(6)); // LSAME{{$}}
// TWO-NEXT: {{^}}#3: size=10 B, count=1, average=10 B{{$}}
// TWO-NEXT: {{^}}  File "{{.*}}tracebacks.c", line [[#LB-1]], in main{{$}}
// TWO-NEXT: {{^}}    lose(make(10)); // LA{{$}}
// TWO-NEXT: {{^}}  File "{{.*}}tracebacks.c", line [[#LMAKE]], in make{{$}}
// TWO-NEXT: {{^}}    return malloc(n); // LMAKE{{$}}
// TWO-NEXT: {{^}}Still reachable: 0 blocks, 0 B{{$}}

// 41 - 20 = 21 B left in 3 blocks.
// SUPP: {{^}}Leaks: 3 blocks, 21 B, from 2 tracebacks{{$}}
// SUPP-NEXT: {{^}}#1: size=11 B, count=2, average=6 B{{$}}
// SUPP: {{^}}#2: size=10 B, count=1, average=10 B{{$}}
// SUPP: {{^}}Suppressed: 1 block, 20 B{{$}}
// SUPP-NEXT: {{^}}  leak:tracebacks.c:[[#]] (line 1): 1 block, 20 B{{$}}

// The rest: 11 + 10 = 21 B in 2 + 1 = 3 blocks, 2 tracebacks.
// TOP: {{^}}Leaks: 4 blocks, 41 B, from 3 tracebacks{{$}}
// TOP-NEXT: {{^}}#1: size=20 B, count=1, average=20 B{{$}}
// TOP: {{^}}2 other tracebacks: size=21 B, count=3{{$}}
// TOP-NEXT: {{^}}Still reachable: 0 blocks, 0 B{{$}}
