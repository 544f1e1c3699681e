/*===- realloc_heavy.c - malloc/realloc-heavy string building -------------===*
 *
 * Workload B of docs/benchmarks.md: NBUF growing byte buffers, as naive
 * string-building code keeps them. Each step picks a buffer and appends 1..32
 * bytes with a realloc to the exact new length (no capacity doubling, so
 * nearly every append is a realloc, most of them in place); a buffer that
 * passes its random limit (64..2111 bytes) is folded into the checksum,
 * freed and restarted with a fresh malloc. About 1 malloc per 30 reallocs.
 *===----------------------------------------------------------------------===*/
#include "bench_util.h"
#include <string.h>

#define NBUF 1024u
#define BASE_STEPS 30000000ull /* ~1.5 s plain at -O2 on the 2-vCPU box */

typedef struct {
  unsigned char *data;
  unsigned len, limit;
} buffer;

static uint64_t fold(const unsigned char *p, unsigned n) {
  uint64_t h = n;
  for (unsigned i = 0; i < n; i += 16)
    h = h * 31 + p[i];
  return h;
}

int main(int argc, char **argv) {
  uint64_t steps = bench_scaled(BASE_STEPS, bench_scale(argc, argv));
  static buffer bufs[NBUF];
  uint64_t rng = 0xD1B54A32D192ED03ULL, sum = 0, mallocs = 0, reallocs = 0;
  double t0 = bench_now();

  for (uint64_t i = 0; i < steps; ++i) {
    uint64_t r = bench_rand(&rng);
    buffer *b = &bufs[r & (NBUF - 1)];
    unsigned add = 1 + (unsigned)((r >> 16) & 31);
    if (!b->data) {
      b->data = (unsigned char *)malloc(add);
      b->len = 0;
      b->limit = 64 + (unsigned)((r >> 32) & 2047);
      ++mallocs;
    } else {
      unsigned char *n = (unsigned char *)realloc(b->data, b->len + add);
      if (!n)
        return 1;
      b->data = n;
      ++reallocs;
    }
    if (!b->data)
      return 1;
    memset(b->data + b->len, (int)(r >> 40), add);
    b->len += add;
    if (b->len >= b->limit) {
      sum += fold(b->data, b->len);
      free(b->data);
      b->data = NULL;
    }
  }
  for (unsigned k = 0; k < NBUF; ++k)
    if (bufs[k].data) {
      sum += fold(bufs[k].data, bufs[k].len);
      free(bufs[k].data);
    }

  double secs = bench_now() - t0;
  printf("realloc_heavy: checksum=%016llx ops=%llu seconds=%.3f mallocs=%llu "
         "reallocs=%llu\n",
         (unsigned long long)sum, (unsigned long long)steps, secs,
         (unsigned long long)mallocs, (unsigned long long)reallocs);
  return 0;
}
