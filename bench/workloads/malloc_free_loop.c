/*===- malloc_free_loop.c - Pure malloc/free loop -------------------------===*
 *
 * Workload A of docs/benchmarks.md: the worst case for a tracer. A ring of
 * RING live blocks is the working set; each step frees a random slot's block
 * and puts a new one of a random small size (8..263 bytes) in its place, so
 * almost all time goes to malloc and free. Each block's first and last byte
 * are written and read back, so neither call can be optimised away.
 *===----------------------------------------------------------------------===*/
#include "bench_util.h"

#define RING 16384u
#define BASE_STEPS 64000000ull /* ~1.5 s plain at -O2 on the 2-vCPU box */

int main(int argc, char **argv) {
  uint64_t steps = bench_scaled(BASE_STEPS, bench_scale(argc, argv));
  static unsigned char *ring[RING];
  static unsigned sizes[RING];
  uint64_t rng = 0x9E3779B97F4A7C15ULL, sum = 0;
  double t0 = bench_now();

  for (uint64_t i = 0; i < steps; ++i) {
    uint64_t r = bench_rand(&rng);
    unsigned slot = (unsigned)(r & (RING - 1));
    unsigned size = 8 + (unsigned)((r >> 32) & 255);
    unsigned char *old = ring[slot];
    if (old) {
      sum += old[0] + old[sizes[slot] - 1];
      free(old);
    }
    unsigned char *p = (unsigned char *)malloc(size);
    if (!p)
      return 1;
    p[0] = (unsigned char)i;
    p[size - 1] = (unsigned char)(i >> 8);
    ring[slot] = p;
    sizes[slot] = size;
  }
  for (unsigned s = 0; s < RING; ++s)
    if (ring[s]) {
      sum += ring[s][0];
      free(ring[s]);
    }

  double secs = bench_now() - t0;
  printf("malloc_free_loop: checksum=%016llx ops=%llu seconds=%.3f "
         "ns_per_pair=%.1f\n",
         (unsigned long long)sum, (unsigned long long)steps, secs,
         secs * 1e9 / (double)steps);
  return 0;
}
