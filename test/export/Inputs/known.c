// A program with known allocations, for the export tests: it dumps a
// snapshot to argv[1]. Tracebacks (oldest frame first) and what each holds:
//   A  main:22                                 1000 B x1, live
//   B  main:23 -> make_list:18 -> make_node:13  100 B x3, live (list)
//   C  main:24                                 5000 B x1, freed at once
//   D  main:26 -> make_node:13                   40 B x1, live
//   E  main:33                                   77 B x1, allocated after
//      the snapshot, its pointer dropped: leaked at exit
// The line numbers above are this file's: keep them when editing.
#include <stdlib.h>
#include <tracealloc/tracemalloc.h>
static inline __attribute__((always_inline)) void *make_node(size_t n) {
  return malloc(n);
}
static void *list[3];
static inline __attribute__((always_inline)) void make_list(void) {
  for (int i = 0; i < 3; ++i)
    list[i] = make_node(100);
}
int main(int argc, char **argv) {
  tracealloc_start(8);
  void *big = malloc(1000);
  make_list();
  void *tmp = malloc(5000);
  free(tmp);
  void *small = make_node(40);
  tracealloc_snapshot *snapshot = tracealloc_take_snapshot();
  if (!snapshot || tracealloc_snapshot_dump(snapshot, argv[1]) != 0)
    return 1;
  tracealloc_snapshot_free(snapshot);
  free(small);
  free(big);
  void *lost = malloc(77);
  lost = 0;
  return lost != 0;
}
