// Allocations while a thread exits, after the runtime may already have
// retired the thread's counters: a pthread key destructor (runs at thread
// exit, in key order; the runtime's own key was created first) allocates,
// frees and keeps a block. 50 short threads, one after the other and then
// 10 at a time, so counter shards are retired and reused. Counts exact.
//
// RUN: %tracealloc_cc -O0 -pthread %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 -pthread %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NTHREADS 50

// Atomic: several threads store here (a plain volatile would be a data race).
void *_Atomic g_sink;
__attribute__((noinline)) void sink(void *p) { atomic_store_explicit(&g_sink, p, memory_order_relaxed); }

static pthread_key_t key;
static void *kept[NTHREADS];
static atomic_int ran;

static void destructor(void *value) {
  int id = (int)(intptr_t)value - 1;
  char *p = malloc(10); // LDTOR
  sink(p);
  free(p);
  sink(kept[id] = malloc(3)); // LKEPT
  atomic_fetch_add(&ran, 1);
}

static void *thread_main(void *arg) {
  sink(malloc(7)); // LTHREAD: leaked
  pthread_setspecific(key, arg);
  return NULL;
}

int main(void) {
  pthread_key_create(&key, destructor);
  pthread_t t[NTHREADS];
  // 20 one after the other...
  for (int i = 0; i < 20; i++) {
    pthread_create(&t[i], NULL, thread_main, (void *)(intptr_t)(i + 1));
    pthread_join(t[i], NULL);
  }
  // ...then 30 in three waves of 10.
  for (int w = 0; w < 3; w++) {
    for (int i = 20 + 10 * w; i < 30 + 10 * w; i++)
      pthread_create(&t[i], NULL, thread_main, (void *)(intptr_t)(i + 1));
    for (int i = 20 + 10 * w; i < 30 + 10 * w; i++)
      pthread_join(t[i], NULL);
  }
  printf("destructors ran: %d\n", atomic_load(&ran));
  return 0;
}

// OUT: destructors ran: 50
// OUT-NOT: {{.}}

// Per thread: 7 (kept) + 10 (freed) + 3 (kept). Totals over 50 threads:
// LDTOR 500 B (50), LTHREAD 350 B (50), LKEPT 150 B (50): 1000 B, 150 blocks.
// Live: LTHREAD 350 + LKEPT 150 = 500 B, 100 blocks.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=500 B, peak={{.+}}
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}thread-exit.c:[[#@LINE-42]]: size=500 B, count=50, average=10 B
// CHECK-NEXT: char *p = malloc(10); // LDTOR
// CHECK-NEXT: #2: {{.*}}thread-exit.c:[[#LTHREAD:@LINE-36]]: size=350 B, count=50, average=7 B
// CHECK-NEXT: sink(malloc(7)); // LTHREAD: leaked
// CHECK-NEXT: #3: {{.*}}thread-exit.c:[[#LKEPT:@LINE-43]]: size=150 B, count=50, average=3 B
// CHECK-NEXT: sink(kept[id] = malloc(3)); // LKEPT
// CHECK-NEXT: Total: size=1000 B, count=150
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}thread-exit.c:[[#LTHREAD]]: size=350 B, count=50, average=7 B
// CHECK-NEXT: sink(malloc(7)); // LTHREAD: leaked
// CHECK-NEXT: #2: {{.*}}thread-exit.c:[[#LKEPT]]: size=150 B, count=50, average=3 B
// CHECK-NEXT: sink(kept[id] = malloc(3)); // LKEPT
// CHECK-NEXT: Total: size=500 B, count=100
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
