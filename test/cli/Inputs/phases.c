// A program with known allocations, for the `tracealloc` CLI tests: it
// dumps a snapshot after each of two phases, to DIR/one.snap and
// DIR/two.snap (DIR is argv[1]). Each allocating line ends with a marker
// comment (// LA ...) that the tests find with grep.
//
// Phase 1, in use at one.snap (heap: domain 0; LK: domain 5):
//   LK  track(5, ...) 4096 B       1 block
//   LA  4 x malloc(1000)           4000 B, 4 blocks
//   LB  malloc(3000)               3000 B, 1 block
//   LM  malloc(200) in make(),     200 B, 1 block; traceback (nframe=2):
//       inlined into helper()      LH (helper) -> LM (make)
//   LT  malloc(500), freed         nothing in use
//   total 4096 + 4000 + 3000 + 200 = 11296 B, 7 blocks
// Phase 2, in use at two.snap: two LA blocks and LB freed, LC added:
//   LC  2 x malloc(2048)           4096 B, 2 blocks
//   LK 4096 B (1), LA 2000 B (2), LM 200 B (1)
//   total 4096 + 4096 + 2000 + 200 = 10392 B, 6 blocks
#include <tracealloc/tracemalloc.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void keep(void *p) { g_sink = p; }

__attribute__((always_inline)) static inline void *make(size_t n) {
  return malloc(n); // LM
}
__attribute__((noinline)) void *helper(size_t n) { return make(n); } // LH

static void dump(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  tracealloc_snapshot *s = tracealloc_take_snapshot();
  if (!s || tracealloc_snapshot_dump(s, path) != 0) {
    fprintf(stderr, "phases: %s\n", tracealloc_last_error());
    exit(3);
  }
  tracealloc_snapshot_free(s);
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  void *a[4];
  if (tracealloc_track(5, 0x1000, 4096) != 0) // LK
    return 4;
  for (int i = 0; i < 4; ++i)
    keep(a[i] = malloc(1000)); // LA
  void *b = malloc(3000);      // LB
  keep(b);
  void *t = malloc(500); // LT
  keep(t);
  free(t);
  keep(helper(200));
  dump(argv[1], "one.snap");

  free(a[0]);
  free(a[1]);
  free(b);
  for (int i = 0; i < 2; ++i)
    keep(malloc(2048)); // LC
  dump(argv[1], "two.snap");
  return 0;
}
