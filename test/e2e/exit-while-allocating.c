// The process exits while another thread is still allocating and freeing:
// the report is printed once, allocations during and after it are still
// served, nothing crashes or hangs, and the exit code (9) is kept. Run
// several times to give the race a chance.
//
// RUN: %tracealloc_cc -O2 -pthread %s -o %t
// RUN: sh -c 'for i in 1 2 3 4 5 6 7 8; do %t > /dev/null 2>&1; echo "exit=$?"; done' > %t.loop
// RUN: FileCheck %s --check-prefix=LOOP --input-file %t.loop
// RUN: sh -c '%t 2> %t.err; echo "exit=$?"' > %t.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.out
// RUN: FileCheck %s --input-file %t.err

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

// Atomic: several threads store here (a plain volatile would be a data race).
void *_Atomic g_sink;
__attribute__((noinline)) void sink(void *p) { atomic_store_explicit(&g_sink, p, memory_order_relaxed); }

static atomic_int started;

static void *churn(void *arg) {
  (void)arg;
  for (unsigned long n = 0;; n++) {
    char *p = malloc(16 + n % 200); // LCHURN
    sink(p);
    p[0] = 1;
    free(p);
    atomic_store(&started, 1);
  }
  return NULL;
}

int main(void) {
  char *m = malloc(777); // LMAIN
  sink(m);
  pthread_t t;
  pthread_create(&t, NULL, churn, NULL);
  pthread_detach(t);
  while (!atomic_load(&started))
    ;
  puts("main returns");
  return 9;
}

// LOOP-COUNT-8: exit=9
// LOOP-NOT: exit

// OUT: main returns
// OUT-NEXT: exit=9
// OUT-NOT: {{.}}

// CHECK: TraceAlloc report for
// CHECK-NOT: TraceAlloc report for
// CHECK: Top 10 lines by memory allocated over the run:
// CHECK: {{^}}    char *m = malloc(777); // LMAIN
// CHECK: Top 10 lines by memory in use at exit:
// CHECK: exit-while-allocating.c:[[#@LINE-23]]: size=777 B, count=1, average=777 B
// CHECK-NEXT: {{^}}    char *m = malloc(777); // LMAIN
// CHECK-NOT: TraceAlloc report for
