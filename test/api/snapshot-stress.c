// Snapshots taken while other threads allocate, resize and free traced
// blocks (header mode: the runtime is the process's malloc): each snapshot
// is one instant's, so every trace in it is a block of a size the workers
// really allocate, there are never more traces than blocks can be live, and
// no snapshot reads the header of a block being freed (including large,
// mmap'ed ones, whose memory is unmapped on free). After the workers stop,
// the snapshot holds exactly the blocks they left.
//
// The sanitizers own malloc in sanitizer builds (pointer-map mode).
// UNSUPPORTED: sanitizer
//
// RUN: %tracealloc_cc -O2 %s -lpthread -o %t
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t > %t.out 2> %t.err
// RUN: FileCheck %s --input-file %t.out
//
// CHECK: snapshots taken: {{[1-9][0-9]*}}, all consistent
// CHECK-NEXT: after join: 300 traces, 300 expected
// CHECK-NEXT: bad traces: 0

#include <tracealloc/tracemalloc.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kWorkers = 3, kLive = 100, kSteps = 400000 };
// Small blocks, plus an occasional large one (glibc mmaps those).
#define SMALL_MIN 16
#define SMALL_MAX 528
#define LARGE (256 * 1024)

static atomic_int g_done;

static size_t pick_size(unsigned *seed) {
  unsigned r = rand_r(seed);
  return r % 97 == 0 ? LARGE : SMALL_MIN + r % (SMALL_MAX - SMALL_MIN);
}

static void *worker(void *arg) {
  unsigned seed = (unsigned)(uintptr_t)arg;
  char *blocks[kLive];
  for (int i = 0; i < kLive; i++)
    blocks[i] = malloc(pick_size(&seed));
  for (int step = 0; step < kSteps; step++) {
    int i = rand_r(&seed) % kLive;
    if (step % 3 == 0) {
      char *p = realloc(blocks[i], pick_size(&seed));
      if (p)
        blocks[i] = p;
    } else {
      free(blocks[i]);
      blocks[i] = malloc(pick_size(&seed));
    }
    blocks[i][0] = (char)step;
  }
  // Leave kLive blocks live for the final count.
  atomic_fetch_add(&g_done, 1);
  return NULL;
}

static int consistent(const tracealloc_snapshot *s) {
  size_t n = tracealloc_snapshot_trace_count(s);
  if (n > kWorkers * kLive)
    return 0;
  for (size_t i = 0; i < n; i++) {
    tracealloc_trace t = tracealloc_snapshot_trace(s, i);
    if (t.size != LARGE && (t.size < SMALL_MIN || t.size >= SMALL_MAX))
      return 0;
  }
  return 1;
}

int main(void) {
  pthread_t threads[kWorkers];
  for (int i = 0; i < kWorkers; i++)
    pthread_create(&threads[i], NULL, worker, (void *)(uintptr_t)(i + 1));
  // Snapshots for as long as the workers run.
  int taken = 0, ok = 1;
  while (atomic_load(&g_done) < kWorkers) {
    tracealloc_snapshot *s = tracealloc_take_snapshot();
    if (!s) {
      ok = 0;
      break;
    }
    ok &= consistent(s);
    tracealloc_snapshot_free(s);
    taken++;
  }
  for (int i = 0; i < kWorkers; i++)
    pthread_join(threads[i], NULL);
  printf("snapshots taken: %d, all %s\n", taken, ok ? "consistent" : "INCONSISTENT");

  tracealloc_snapshot *s = tracealloc_take_snapshot();
  size_t bad = 0, n = tracealloc_snapshot_trace_count(s);
  for (size_t i = 0; i < n; i++) {
    tracealloc_trace t = tracealloc_snapshot_trace(s, i);
    bad += t.size != LARGE && (t.size < SMALL_MIN || t.size >= SMALL_MAX);
  }
  printf("after join: %zu traces, %d expected\n", n, kWorkers * kLive);
  printf("bad traces: %zu\n", bad);
  tracealloc_snapshot_free(s);
  return 0;
}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
