// Untraced blocks are part of the graph: a traced block referenced only
// from inside an untraced block is reachable when that block is, and
// leaked when it is lost; a lost untraced block is listed apart and does
// not fail the run. Blocks allocated while tracing is stopped are
// untraced; stop() turns traced blocks into untraced ones, which the check
// still sees. Also the realloc and aligned paths keep every block listed.
//
// UNSUPPORTED: sanitizer
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report_source=0 not %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --input-file %t0.err
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report_source=0 not %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --input-file %t2.err

#include <stdlib.h>
#include <tracealloc/tracemalloc.h>

void *volatile g_sink;
__attribute__((noinline)) void lose(void *p) {
  g_sink = p;
  g_sink = 0;
}

void *g_was_traced;
void **g_box;
char *g_grown;

int main(void) {
  // Traced now, untraced once stop() clears the traces.
  g_was_traced = malloc(110);
  lose(malloc(120));
  tracealloc_stop();
  // Untraced: allocated while tracing is stopped.
  g_box = malloc(4 * sizeof(void *));             // 32 B, kept
  void **lost_box = malloc(2 * sizeof(void *));   // 16 B, lost below
  tracealloc_start(1);

  g_box[0] = malloc(130);     // LINBOX
  lost_box[0] = malloc(140);  // LLOSTBOX
  lose(lost_box);

  g_grown = malloc(10);
  g_grown = realloc(g_grown, 150); // LREALLOC

  void *aligned;
  if (posix_memalign(&aligned, 64, 160) == 0) // LALIGNED
    lose(aligned);

  // An over-aligned block moves to an ordinary one when resized.
  void *moved = aligned_alloc(64, 64);
  moved = realloc(moved, 170); // LMOVED
  lose(moved);

  return 0;
}

// Traced and in use at exit (the malloc(10) was freed by its realloc):
// 130 + 140 + 150 + 160 + 170 = 750 B in 5 blocks.
// CHECK: Top 10 lines by memory in use at exit:
// CHECK: {{^}}Total: size=750 B, count=5{{$}}
// Leaked: LMOVED 170, LALIGNED 160, LLOSTBOX 140 = 470 B in 3 blocks.
// CHECK: {{^}}Leaks: 3 blocks, 470 B, from 3 tracebacks{{$}}
// CHECK-NEXT: {{^}}#1: size=170 B, count=1, average=170 B{{$}}
// CHECK-NEXT: {{^}}  File "{{.*}}untraced.c", line [[#LMOVED:]], in main{{$}}
// CHECK-NEXT: {{^}}#2: size=160 B, count=1, average=160 B{{$}}
// CHECK-NEXT: {{^}}  File "{{.*}}untraced.c", line [[#LMOVED-5]], in main{{$}}
// CHECK-NEXT: {{^}}#3: size=140 B, count=1, average=140 B{{$}}
// CHECK-NEXT: {{^}}  File "{{.*}}untraced.c", line [[#LMOVED-12]], in main{{$}}
// Untraced and lost: the 120 B block traced before stop(), and lost_box,
// 2 * 8 = 16 B: 136 B in 2 blocks.
// CHECK-NEXT: {{^}}Not traced: 2 blocks, 136 B unreachable (allocated by code not compiled with TraceAlloc, or while tracing was off; not counted as leaks){{$}}
// Reachable: LINBOX 130 (through g_box's untraced block), LREALLOC 150:
// 280 B in 2 blocks.
// CHECK-NEXT: {{^}}Still reachable: 2 blocks, 280 B{{$}}
// CHECK-NEXT: {{^}}TraceAlloc: error: 3 leaked blocks (470 B); exiting with code 23 (leak_check=1){{$}}
// CHECK-NOT: {{.}}
