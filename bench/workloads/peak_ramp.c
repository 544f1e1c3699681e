/*===- peak_ramp.c - The worst case for peak per line and the timeline -----===*
 *
 * Traced memory saws up and down by 64 KiB (64 blocks of 1 KiB) every round,
 * more than the timeline's step, so every round crosses its bounds twice
 * (two samples, each a clock read); and each round keeps one block more, so
 * the peak keeps growing and the per-line counters are copied every time it
 * has grown by 1/128. bench/peak_timeline.py compares it built against a
 * runtime with and without those hooks (TRACEALLOC_PEAK_TIMELINE).
 *===----------------------------------------------------------------------===*/
#include "bench_util.h"

#define WAVE 64
#define BASE_ROUNDS 400000ull

int main(int argc, char **argv) {
  uint64_t rounds = bench_scaled(BASE_ROUNDS, bench_scale(argc, argv));
  unsigned char **kept = (unsigned char **)calloc(rounds, sizeof *kept);
  unsigned char *wave[WAVE];
  uint64_t sum = 0;
  if (!kept)
    return 1;
  double t0 = bench_now();
  for (uint64_t r = 0; r < rounds; ++r) {
    for (unsigned i = 0; i < WAVE; ++i) {
      wave[i] = (unsigned char *)malloc(1024);
      if (!wave[i])
        return 1;
      wave[i][0] = (unsigned char)(r + i);
    }
    for (unsigned i = 0; i < WAVE; ++i) {
      sum += wave[i][0];
      free(wave[i]);
    }
    kept[r] = (unsigned char *)malloc(64);
    if (!kept[r])
      return 1;
    kept[r][0] = (unsigned char)r;
  }
  for (uint64_t r = 0; r < rounds; ++r) {
    sum += kept[r][0];
    free(kept[r]);
  }
  free(kept);
  double secs = bench_now() - t0;
  printf("peak_ramp: checksum=%016llx ops=%llu seconds=%.3f\n",
         (unsigned long long)sum, (unsigned long long)(rounds * (WAVE + 1)),
         secs);
  return 0;
}
