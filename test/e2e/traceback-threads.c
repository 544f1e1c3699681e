// Tracebacks from the call-site shadow stack while threads allocate at
// once: each thread's stack is its own, and tracebacks are interned by many
// threads concurrently (nframe=8), so this test also runs under the
// ThreadSanitizer and AddressSanitizer builds of the runtime.
//
// Threads 0 and 2 go thread_main -> path_a -> leaf, threads 1 and 3
// thread_main -> path_b -> leaf (every function noinline, so a real call at
// -O0 and -O2). Each thread allocates NB blocks, all kept until the
// snapshot:
// - path A: 2 threads x 1000 blocks x 32 B = 64000 B, 2000 blocks;
// - path B: 2 threads x 1000 blocks x 16 B = 32000 B, 2000 blocks.
// A thread's stack starts empty, so each traceback is exactly three frames,
// oldest first: the call in thread_main, the call in path_X, the malloc in
// leaf; total_nframe is 3.
//
// DEFINE: %{lines} = -D#MAIN=$(grep -n '// LMAIN$' %s | cut -d: -f1) \
// DEFINE:   -D#A=$(grep -n '// LA$' %s | cut -d: -f1) \
// DEFINE:   -D#B=$(grep -n '// LB$' %s | cut -d: -f1) \
// DEFINE:   -D#LEAF=$(grep -n '// LLEAF$' %s | cut -d: -f1)
// RUN: %tracealloc_cc -O0 -pthread %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=nframe=8:report=0 %t0 | FileCheck %s %{lines}
// RUN: %tracealloc_cc -O2 -pthread %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=nframe=8:report=0 %t2 | FileCheck %s %{lines}
//
// Statistics (sorted by size), then one block of each path through
// get_object_traceback (total_nframe is known there, not in statistics).
// CHECK: size=64000 B, count=2000: [[#MAIN]] [[#A]] [[#LEAF]]
// CHECK-NEXT: size=32000 B, count=2000: [[#MAIN+1]] [[#B]] [[#LEAF]]
// CHECK-NEXT: thread 0 block: 3 of 3
// CHECK-NEXT: thread 1 block: 3 of 3
// CHECK-NEXT: done
// CHECK-NOT: {{.}}

#include <tracealloc/tracemalloc.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NT 4
#define NB 1000

static void *blocks[NT][NB];

enum { kLeafLine = __LINE__ }; __attribute__((noinline)) void *leaf(size_t n) { return malloc(n); } // LLEAF
__attribute__((noinline)) void *path_a(void) { return leaf(32); } // LA
__attribute__((noinline)) void *path_b(void) { return leaf(16); } // LB

__attribute__((noinline)) void *thread_main(void *arg) {
  int id = (int)(intptr_t)arg;
  for (int k = 0; k < NB; k++)
    blocks[id][k] = id % 2 == 0 ? path_a() // LMAIN
                                : path_b();
  return NULL;
}

int main(void) {
  pthread_t t[NT];
  for (int i = 0; i < NT; i++)
    pthread_create(&t[i], NULL, thread_main, (void *)(intptr_t)i);
  for (int i = 0; i < NT; i++)
    pthread_join(t[i], NULL);

  tracealloc_snapshot *snapshot = tracealloc_take_snapshot();
  tracealloc_snapshot *only_here = NULL;
  tracealloc_filter filter;
  memset(&filter, 0, sizeof filter);
  filter.kind = TRACEALLOC_FILTER;
  filter.inclusive = 1;
  filter.filename_pattern = __FILE__;
  // Only leaf's blocks: pthread_create's own (its thread's TLS, from libc,
  // charged to that line with trace_libraries) are not this test's.
  filter.has_lineno = 1;
  filter.lineno = kLeafLine;
  only_here = tracealloc_snapshot_filter_traces(snapshot, &filter, 1);
  tracealloc_statistics *stats =
      tracealloc_snapshot_statistics(only_here, "traceback", 0);
  for (size_t i = 0; i < tracealloc_statistics_count(stats); i++) {
    const tracealloc_statistic *s = tracealloc_statistics_at(stats, i);
    printf("size=%zu B, count=%zu:", s->size, s->count);
    for (size_t f = 0; f < s->traceback.nframe; f++)
      printf(" %u", s->traceback.frames[f].lineno);
    printf("\n");
  }
  tracealloc_statistics_free(stats);
  tracealloc_snapshot_free(only_here);
  tracealloc_snapshot_free(snapshot);
  for (int i = 0; i < 2; i++) {
    tracealloc_frame frames[8];
    tracealloc_traceback tb;
    if (tracealloc_get_object_traceback(blocks[i][0], frames, 8, &tb))
      printf("thread %d block: %zu of %zu\n", i, tb.nframe, tb.total_nframe);
  }
  for (int i = 0; i < NT; i++)
    for (int k = 0; k < NB; k++)
      free(blocks[i][k]);
  printf("done\n");
  return 0;
}
