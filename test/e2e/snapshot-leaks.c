// The exit snapshot of a run with leak_check=1 keeps the leak check's
// verdict on each live trace: the LEAKED view holds the lost blocks, the
// still reachable ones are marked so, and the snapshot says it was checked.
//
// The leak check needs the runtime to own malloc (no sanitizer).
// UNSUPPORTED: sanitizer
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %tracealloc_cc -O0 %s -o %t
// RUN: %tracealloc_cc -O1 -DREADER %s -o %t.reader
// RUN: env TRACEALLOC_OPTIONS=report=0:leak_check=1:snapshot=%t.dir/s.snap sh -c '%t 2> %t.err; echo "exit=$?"' | FileCheck %s --check-prefix=OUT
// RUN: env TRACEALLOC_OPTIONS=report=0 %t.reader %t.dir/s.snap | FileCheck %s --check-prefix=READ

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef READER
void *volatile g_sink;
void *g_kept;

__attribute__((noinline)) void lose(void) {
  for (int i = 0; i < 3; i++) g_sink = malloc(100); // LLOST
  g_sink = 0;
}

int main(void) {
  g_kept = malloc(300); // LKEPT
  lose();
  printf("done\n");
  return 0;
}
#else
#include <tracealloc/tracemalloc.h>

int main(int argc, char **argv) {
  tracealloc_snapshot *s = tracealloc_snapshot_load(argv[1]);
  if (!s) {
    printf("%s\n", tracealloc_last_error());
    return 1;
  }
  tracealloc_snapshot_info info;
  tracealloc_snapshot_get_info(s, &info);
  printf("leak_checked %d, has leaked view %d\n", info.leak_checked,
         tracealloc_snapshot_has_view(s, TRACEALLOC_VIEW_LEAKED));
  // Verdicts by block size: the lost blocks are 100 B, the kept one 300 B.
  for (size_t i = 0; i < tracealloc_snapshot_trace_count(s); i++) {
    tracealloc_trace t = tracealloc_snapshot_trace(s, i);
    if (strcmp(t.traceback.frames[0].filename, __FILE__) == 0)
      printf("%zu B: %s\n", t.size,
             tracealloc_snapshot_trace_leak(s, i) == TRACEALLOC_LEAK_LEAKED
                 ? "leaked"
                 : tracealloc_snapshot_trace_leak(s, i) ==
                           TRACEALLOC_LEAK_REACHABLE
                       ? "reachable"
                       : "unknown");
  }
  tracealloc_statistics *list = tracealloc_snapshot_statistics_view(
      s, TRACEALLOC_VIEW_LEAKED, "lineno", 0);
  for (size_t i = 0; list && i < tracealloc_statistics_count(list); i++) {
    char text[512];
    tracealloc_format_statistic(text, sizeof text,
                                tracealloc_statistics_at(list, i));
    printf("leaked: %s\n", strrchr(text, '/') + 1);
  }
  tracealloc_statistics_free(list);
  tracealloc_snapshot_free(s);
  return 0;
}
#endif

// The leak makes the program exit with leak_check's default code, 23.
// OUT: done
// OUT-NEXT: exit=23

// READ: leak_checked 1, has leaked view 1
// READ-DAG: 300 B: reachable
// READ-DAG: 100 B: leaked
// READ-DAG: 100 B: leaked
// READ-DAG: 100 B: leaked
// READ: leaked: snapshot-leaks.c:[[#@LINE-58]]: size=300 B, count=3, average=100 B
