/*===- bench_util.h - Shared helpers of the benchmark workloads ----------===*
 *
 * A fixed-seed PRNG, the scale argument and the result line. Every workload
 * takes an optional scale factor (argv[1], default 1.0) that multiplies its
 * amount of work, and ends by printing one line of key=value pairs on stdout:
 *   <name>: checksum=<hex> ops=<n> seconds=<s> [extra=...]
 * The checksum depends only on the work done (never on pointer values), so
 * plain and instrumented builds must print the same one; bench/bench.py
 * checks that. Header-only, no allocation.
 *===----------------------------------------------------------------------===*/
#ifndef TRACEALLOC_BENCH_UTIL_H
#define TRACEALLOC_BENCH_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* xorshift64*: fast, deterministic, good enough for picking sizes. */
static inline uint64_t bench_rand(uint64_t *state) {
  uint64_t x = *state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * 0x2545F4914F6CDD1DULL;
}

static inline double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* argv[1] if given (a positive number), else 1.0. */
static inline double bench_scale(int argc, char **argv) {
  if (argc > 1) {
    double s = atof(argv[1]);
    if (s > 0)
      return s;
    fprintf(stderr, "usage: %s [scale>0]\n", argv[0]);
    exit(2);
  }
  return 1.0;
}

static inline uint64_t bench_scaled(uint64_t base, double scale) {
  double n = (double)base * scale;
  return n < 1 ? 1 : (uint64_t)n;
}

#endif /* TRACEALLOC_BENCH_UTIL_H */
