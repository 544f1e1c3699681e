// Each leak-check verdict on blocks whose fate is known: a lost pointer,
// a pointer in a global, a pointer only inside another leaked block (both
// leaked), a cycle that nothing points to, an interior pointer, and blocks
// reached through a reachable block. (Untraced blocks: untraced.c.)
//
// Header mode only: under a sanitizer the check does not run
// (map-mode.c).
// UNSUPPORTED: sanitizer
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0 %t0 > %t0.out 2> %t0.err; echo "exit=$?" >> %t0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --strict-whitespace --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0 %t2 > %t2.out 2> %t2.err; echo "exit=$?" >> %t2.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --strict-whitespace --input-file %t2.err
//
// With the report on, the leak section comes last, and the blocks in use
// at exit are exactly the leaked ones plus the still reachable ones.
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report_source=0 %t2 > %t2.r.out 2> %t2.r.err; echo "exit=$?" >> %t2.r.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.r.out
// RUN: FileCheck %s --check-prefix=REPORT --input-file %t2.r.err
//
// Without leak_check (the default) there is no leak section and the
// program's exit code stays.
// RUN: %t2 > %t2.d.out 2> %t2.d.err; echo "exit=$?" >> %t2.d.out
// RUN: FileCheck %s --check-prefix=DEFAULT --input-file %t2.d.out
// RUN: FileCheck %s --check-prefix=NOLEAK --input-file %t2.d.err

#include <stdlib.h>
#include <unistd.h>

struct node {
  struct node *next;
  char pad[16];
}; // 8 + 16 = 24 bytes

void *volatile g_sink;
// Makes a block escape (so the optimiser keeps it) and forgets it.
__attribute__((noinline)) void lose(void *p) {
  g_sink = p;
  g_sink = 0;
}

void *g_keep;
char *g_mid;
struct node *g_list;

// Leaked, by size: LOST 100, CYB 56 and CYA 48 (a cycle), INNER 40 (only
//   inside OUTER), OUTER 24: 100 + 56 + 48 + 40 + 24 = 268 B in 5 blocks,
//   5 tracebacks.
// Still reachable: GLOBAL 200, MID 500 (through g_mid = p + 250), HEAD 24
//   and TAIL 72 (through g_list): 200 + 500 + 24 + 72 = 796 B in 4 blocks.
//
// CHECK:      {{^}}Leaks: 5 blocks, 268 B, from 5 tracebacks{{$}}
// CHECK-NEXT: {{^}}#1: size=100 B, count=1, average=100 B{{$}}
// CHECK-NEXT: {{^}}  File "{{.*}}verdicts.c", line [[#LOST:]], in main{{$}}
// CHECK-NEXT: {{^}}    lose(malloc(100)); // LOST{{$}}
// CHECK-NEXT: {{^}}#2: size=56 B, count=1, average=56 B{{$}}
// CHECK-NEXT: {{^}}  File "{{.*}}verdicts.c", line [[#CYB:]], in main{{$}}
// CHECK-NEXT: {{^}}    struct node *b = malloc(56); // CYB{{$}}
// CHECK-NEXT: {{^}}#3: size=48 B, count=1, average=48 B{{$}}
// CHECK-NEXT: {{^}}  File "{{.*}}verdicts.c", line [[#CYB-1]], in main{{$}}
// CHECK-NEXT: {{^}}    struct node *a = malloc(48); // CYA{{$}}
// CHECK-NEXT: {{^}}#4: size=40 B, count=1, average=40 B{{$}}
// CHECK-NEXT: {{^}}  File "{{.*}}verdicts.c", line [[#INNER:]], in main{{$}}
// CHECK-NEXT: {{^}}    outer->next = malloc(40); // INNER{{$}}
// CHECK-NEXT: {{^}}#5: size=24 B, count=1, average=24 B{{$}}
// CHECK-NEXT: {{^}}  File "{{.*}}verdicts.c", line [[#INNER-1]], in main{{$}}
// CHECK-NEXT: {{^}}    struct node *outer = malloc(sizeof(struct node)); // OUTER{{$}}
// CHECK-NEXT: {{^}}Still reachable: 4 blocks, 796 B{{$}}
// CHECK-NEXT: {{^}}TraceAlloc: error: 5 leaked blocks (268 B); exiting with code 23 (leak_check=1){{$}}
// CHECK-NOT: {{.}}

// OUT: {{^}}done{{$}}
// OUT-NEXT: {{^}}exit=23{{$}}
// OUT-NOT: {{.}}

// DEFAULT: {{^}}done{{$}}
// DEFAULT-NEXT: {{^}}exit=0{{$}}
// NOLEAK-NOT: Leaks
// NOLEAK-NOT: reachable

// In use at exit: 268 + 796 = 1064 B in 5 + 4 = 9 blocks.
// REPORT: Top 10 lines by memory in use at exit:
// REPORT: {{^}}Total: size=1064 B, count=9{{$}}
// REPORT: {{^}}Leaks: 5 blocks, 268 B, from 5 tracebacks{{$}}
// REPORT-NEXT: {{^}}#1: size=100 B, count=1, average=100 B{{$}}
// REPORT-NEXT: {{^}}  File "{{.*}}verdicts.c", line {{[0-9]+}}, in main{{$}}
// REPORT-NEXT: {{^}}#2: size=56 B, count=1, average=56 B{{$}}
// REPORT: {{^}}Still reachable: 4 blocks, 796 B{{$}}
// REPORT-NEXT: {{^}}TraceAlloc: error: 5 leaked blocks (268 B); exiting with code 23 (leak_check=1){{$}}
// REPORT-NOT: {{.}}

int main(void) {
  lose(malloc(100)); // LOST
  g_keep = malloc(200); // GLOBAL

  struct node *outer = malloc(sizeof(struct node)); // OUTER
  outer->next = malloc(40); // INNER
  lose(outer);

  struct node *a = malloc(48); // CYA
  struct node *b = malloc(56); // CYB
  a->next = b;
  b->next = a;
  lose(a);

  g_mid = (char *)malloc(500) + 250; // MID

  g_list = malloc(sizeof(struct node)); // HEAD
  g_list->next = malloc(72); // TAIL

  write(1, "done\n", 5);
  return 0;
}
