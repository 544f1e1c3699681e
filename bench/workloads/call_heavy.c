/*===- call_heavy.c - Many calls, deep recursion, occasional allocations --===*
 *
 * The shadow stack's workload (docs/benchmarks.md): what the call-site
 * shadow stack costs where calls dominate. Each step recurses 1..32 frames
 * deep (every 4096th step 300, past the stack's 256 slots) through a
 * function that may allocate, so every level pushes and pops a frame and
 * stores its call site; at the bottom, a leaf computation that cannot
 * allocate (no shadow-stack work), and one step in 16 replaces a block of
 * a ring of RING live blocks. At nframe 16 every allocation reads up to 16
 * frames of the stack and looks its traceback up.
 *===----------------------------------------------------------------------===*/
#include "bench_util.h"

#define RING 4096u
#define BASE_STEPS 40000000ull /* ~1.5 s plain at -O2 on the 2-vCPU box */

static unsigned char *ring[RING];

/* Cannot reach an allocation: no frame of its own. */
__attribute__((noinline)) static uint64_t mix(uint64_t x) {
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  return x ^ (x >> 29);
}

__attribute__((noinline)) static unsigned char *make_block(unsigned size,
                                                           uint64_t tag) {
  unsigned char *p = (unsigned char *)malloc(size);
  if (!p)
    exit(1);
  p[0] = (unsigned char)tag;
  p[size - 1] = (unsigned char)(tag >> 8);
  return p;
}

__attribute__((noinline)) static uint64_t bottom(uint64_t r) {
  uint64_t sum = mix(r) & 0xFFFF;
  if ((r & 15) == 0) {
    unsigned slot = (unsigned)((r >> 8) & (RING - 1));
    unsigned size = 8 + (unsigned)((r >> 32) & 127);
    if (ring[slot]) {
      sum += ring[slot][0];
      free(ring[slot]);
    }
    ring[slot] = make_block(size, r);
  }
  return sum;
}

/* Not a tail call: the addition after it keeps every level a real frame. */
__attribute__((noinline)) static uint64_t descend(unsigned depth, uint64_t r) {
  if (depth == 0)
    return bottom(r);
  return descend(depth - 1, r) + (depth & 3);
}

int main(int argc, char **argv) {
  uint64_t steps = bench_scaled(BASE_STEPS, bench_scale(argc, argv));
  uint64_t rng = 0x9E3779B97F4A7C15ULL, sum = 0, calls = 0;
  double t0 = bench_now();

  for (uint64_t i = 0; i < steps; ++i) {
    uint64_t r = bench_rand(&rng);
    unsigned depth = (i & 4095) == 0 ? 300 : 1 + (unsigned)((r >> 40) & 31);
    sum += descend(depth, r);
    calls += depth + 2;
  }
  for (unsigned s = 0; s < RING; ++s)
    if (ring[s]) {
      sum += ring[s][0];
      free(ring[s]);
    }

  double secs = bench_now() - t0;
  printf("call_heavy: checksum=%016llx ops=%llu seconds=%.3f "
         "ns_per_call=%.2f\n",
         (unsigned long long)sum, (unsigned long long)steps, secs,
         secs * 1e9 / (double)calls);
  return 0;
}
