/*===- cross_thread_free.c - Two threads freeing each other's blocks -------===*
 *
 * The multithreaded workload of docs/benchmarks.md. Threads A and B each
 * allocate blocks of random small sizes (16..96 bytes) and pass them, in
 * batches, through a lock-free single-producer/single-consumer ring to
 * the other thread, which reads and frees them: every free is of a block
 * the other thread allocated. That is the case where a tracer's per-block
 * accounting is shared between threads (a global counter, lock or map slot
 * bounces between the two cores). Reports frees per second over both
 * threads.
 *
 * A thread that can make no progress spins briefly and then yields, so the
 * program also runs under Valgrind, which runs one thread at a time.
 *===----------------------------------------------------------------------===*/
#include "bench_util.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <string.h>

#define RING_SIZE 16u /* batches in flight per direction; power of two */
#define BATCH 128u    /* blocks per batch */
#define BASE_BLOCKS_PER_THREAD 20000000ull /* ~1.3 s plain on 2 vCPUs */
/* Block sizes are 16..MAX_SIZE bytes. The default keeps requests, and
 * requests plus a 16-byte tracer header, below glibc's fastbin limit (120
 * bytes), where a free of another thread's block takes no arena lock, so
 * the timing shows the tracer's own synchronisation. With larger blocks
 * (argv[2], e.g. 272) glibc's free takes the other thread's arena lock
 * (futex calls appear) and plain runs vary several-fold. */
#define DEFAULT_MAX_SIZE 96u

/* Blocks travel in batches, as work items usually do between threads; that
 * keeps the cost of the hand-off itself (cache-line transfers of the ring
 * indices) small next to the cost of malloc and free, which is what this
 * workload measures. */
typedef struct {
  _Alignas(64) _Atomic uint64_t head; /* written by the consumer */
  _Alignas(64) _Atomic uint64_t tail; /* written by the producer */
  _Alignas(64) unsigned char *slot[RING_SIZE][BATCH];
} ring;

typedef struct {
  ring *out, *in;
  uint64_t n; /* blocks to send = blocks to receive; a multiple of BATCH */
  uint64_t seed;
  uint32_t max_size;
  uint64_t sum; /* result */
} worker;

static void idle_wait(unsigned *idle) {
  if (++*idle > 64) {
    sched_yield();
    *idle = 0;
  }
}

static void *run(void *arg) {
  worker *w = (worker *)arg;
  uint64_t rng = w->seed, sent = 0, received = 0, sum = 0;
  unsigned idle = 0;

  while (sent < w->n || received < w->n) {
    int progress = 0;
    ring *out = w->out, *in = w->in;
    uint64_t t = atomic_load_explicit(&out->tail, memory_order_relaxed);
    if (sent < w->n &&
        t - atomic_load_explicit(&out->head, memory_order_acquire) <
            RING_SIZE) {
      unsigned char **batch = out->slot[t & (RING_SIZE - 1)];
      for (unsigned i = 0; i < BATCH; ++i) {
        uint64_t r = bench_rand(&rng);
        uint32_t size = 16 + (uint32_t)(r % (w->max_size - 15));
        unsigned char *p = (unsigned char *)malloc(size);
        if (!p)
          abort();
        memcpy(p, &size, sizeof size);
        p[4] = (unsigned char)(r >> 8);
        p[size - 1] = (unsigned char)(r >> 16);
        batch[i] = p;
      }
      atomic_store_explicit(&out->tail, t + 1, memory_order_release);
      sent += BATCH;
      progress = 1;
    }
    uint64_t h = atomic_load_explicit(&in->head, memory_order_relaxed);
    if (received < w->n &&
        h != atomic_load_explicit(&in->tail, memory_order_acquire)) {
      unsigned char **batch = in->slot[h & (RING_SIZE - 1)];
      for (unsigned i = 0; i < BATCH; ++i) {
        unsigned char *p = batch[i];
        uint32_t size;
        memcpy(&size, p, sizeof size);
        sum += size + p[4] + p[size - 1];
        free(p);
      }
      atomic_store_explicit(&in->head, h + 1, memory_order_release);
      received += BATCH;
      progress = 1;
    }
    if (progress)
      idle = 0;
    else
      idle_wait(&idle);
  }
  w->sum = sum;
  return NULL;
}

int main(int argc, char **argv) {
  uint64_t n = bench_scaled(BASE_BLOCKS_PER_THREAD, bench_scale(argc, argv));
  n = (n + BATCH - 1) / BATCH * BATCH;
  static ring ab, ba;
  uint32_t max_size = argc > 2 ? (uint32_t)atoi(argv[2]) : DEFAULT_MAX_SIZE;
  if (max_size < 16)
    max_size = 16;
  worker a = {&ab, &ba, n, 0x6A09E667F3BCC909ULL, max_size, 0};
  worker b = {&ba, &ab, n, 0xBB67AE8584CAA73BULL, max_size, 0};
  pthread_t ta, tb;
  double t0 = bench_now();

  if (pthread_create(&ta, NULL, run, &a) || pthread_create(&tb, NULL, run, &b))
    return 1;
  pthread_join(ta, NULL);
  pthread_join(tb, NULL);

  double secs = bench_now() - t0;
  printf("cross_thread_free: checksum=%016llx ops=%llu seconds=%.3f "
         "mfrees_per_s=%.2f\n",
         (unsigned long long)(a.sum + b.sum), (unsigned long long)(2 * n), secs,
         2.0 * (double)n / secs / 1e6);
  return 0;
}
