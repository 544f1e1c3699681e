/*===- snapshot_io.c - Writing and reading a snapshot of 1 M live blocks ---===*
 *
 * Allocates NBLOCKS blocks of 16..32 bytes (as live_blocks.c) and holds
 * them, then times take_snapshot(), dump() to a file,
 * load() and statistics("lineno") of the loaded snapshot. Instrumented
 * build only (it uses the tracemalloc API); argv[2] is the file to write.
 *===----------------------------------------------------------------------===*/
#include "bench_util.h"
#include <tracealloc/tracemalloc.h>

#include <sys/stat.h>

#define BASE_BLOCKS 1000000ull

int main(int argc, char **argv) {
  uint64_t n = bench_scaled(BASE_BLOCKS, bench_scale(argc, argv));
  const char *path = argc > 2 ? argv[2] : "/tmp/snapshot_io.snap";
  uint64_t rng = 0x243F6A8885A308D3ULL, sum = 0;
  unsigned char **blocks = (unsigned char **)calloc(n, sizeof *blocks);
  if (!blocks)
    return 1;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t r = bench_rand(&rng);
    unsigned size = 16 + (unsigned)(r % 17);
    unsigned char *p = (unsigned char *)malloc(size);
    if (!p)
      return 1;
    p[0] = (unsigned char)size;
    blocks[i] = p;
  }
  double t0 = bench_now();
  tracealloc_snapshot *s = tracealloc_take_snapshot();
  double t1 = bench_now();
  if (!s || tracealloc_snapshot_dump(s, path) != 0) {
    fprintf(stderr, "%s\n", tracealloc_last_error());
    return 1;
  }
  double t2 = bench_now();
  tracealloc_snapshot *loaded = tracealloc_snapshot_load(path);
  double t3 = bench_now();
  if (!loaded) {
    fprintf(stderr, "%s\n", tracealloc_last_error());
    return 1;
  }
  tracealloc_statistics *stats =
      tracealloc_snapshot_statistics(loaded, "lineno", 0);
  double t4 = bench_now();
  struct stat st;
  stat(path, &st);
  size_t traces = tracealloc_snapshot_trace_count(loaded);
  size_t lines = stats ? tracealloc_statistics_count(stats) : 0;
  tracealloc_statistics_free(stats);
  tracealloc_snapshot_free(loaded);
  tracealloc_snapshot_free(s);
  for (uint64_t i = 0; i < n; ++i) {
    sum += blocks[i][0];
    free(blocks[i]);
  }
  free(blocks);
  printf("snapshot_io: checksum=%016llx ops=%llu seconds=%.3f traces=%zu "
         "lines=%zu file_mib=%.1f take_s=%.3f dump_s=%.3f load_s=%.3f "
         "statistics_s=%.3f\n",
         (unsigned long long)sum, (unsigned long long)n, t4 - t0, traces, lines,
         (double)st.st_size / 1048576.0, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
  return 0;
}
