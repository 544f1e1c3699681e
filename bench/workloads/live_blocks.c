/*===- live_blocks.c - Many small live blocks, for memory overhead ---------===*
 *
 * The memory workload of docs/benchmarks.md: allocates NBLOCKS blocks of
 * 16..32 bytes, writes each, holds all of them at once, then reads and frees
 * them. The runner compares peak RSS with and without a tracer:
 *   (peak RSS traced - peak RSS plain) / blocks = bytes of overhead per live
 * block (the pointer array, 8 bytes/block, is the same in both runs).
 * Time is not what this workload is for; it runs well under a second.
 *===----------------------------------------------------------------------===*/
#include "bench_util.h"
#include <sys/resource.h>

#define BASE_BLOCKS 4000000ull

int main(int argc, char **argv) {
  uint64_t n = bench_scaled(BASE_BLOCKS, bench_scale(argc, argv));
  uint64_t rng = 0x3C6EF372FE94F82BULL, sum = 0, bytes = 0;
  double t0 = bench_now();

  unsigned char **blocks = (unsigned char **)calloc(n, sizeof *blocks);
  if (!blocks)
    return 1;
  for (uint64_t i = 0; i < n; ++i) {
    unsigned size = 16 + (unsigned)(bench_rand(&rng) % 17);
    unsigned char *p = (unsigned char *)malloc(size);
    if (!p)
      return 1;
    p[0] = (unsigned char)size;
    p[size - 1] = (unsigned char)i;
    blocks[i] = p;
    bytes += size;
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  for (uint64_t i = 0; i < n; ++i) {
    sum += blocks[i][0] + blocks[i][blocks[i][0] - 1];
    free(blocks[i]);
  }
  free(blocks);

  double secs = bench_now() - t0;
  printf("live_blocks: checksum=%016llx ops=%llu seconds=%.3f blocks=%llu "
         "requested_bytes=%llu maxrss_kb=%ld\n",
         (unsigned long long)sum, (unsigned long long)n, secs,
         (unsigned long long)n, (unsigned long long)bytes, ru.ru_maxrss);
  return 0;
}
