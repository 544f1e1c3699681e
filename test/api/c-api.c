// The C API from C99: snapshots, statistics and their text, compare_to,
// filters, dump/load, get_stats, get_object_traceback, print_top, the
// error messages, and every handle given back with its free function.
//
// RUN: %tracealloc_cc -std=c99 -Wall -Wextra -pedantic -Werror -O2 %s -o %t
// RUN: env TRACEALLOC_OPTIONS=report=0:trace_libraries=0 %t %t.snap \
// RUN:   | FileCheck %s -D#L=$(grep -n '// L$' %s | cut -d: -f1)
// The header is C++ too.
// RUN: %tracealloc_cxx -x c++ -std=c++17 -Wall -Wextra -Werror -fsyntax-only %s

#include <tracealloc/tracemalloc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

static void *blocks[4];

__attribute__((noinline)) void allocate(void) {
  for (int i = 0; i < 3; i++) sink(blocks[i] = malloc(4096)); // L
  sink(blocks[3] = malloc(10)); // L+1
}

static void print_statistics(const char *title, tracealloc_statistics *list) {
  printf("%s:\n", title);
  for (size_t i = 0; i < tracealloc_statistics_count(list); i++) {
    char text[512];
    const tracealloc_statistic *s = tracealloc_statistics_at(list, i);
    if (s) {
      tracealloc_format_statistic(text, sizeof text, s);
    } else {
      tracealloc_format_statistic_diff(text, sizeof text,
                                       tracealloc_statistics_diff_at(list, i));
    }
    printf("  %s\n", text);
  }
  tracealloc_statistics_free(list);
}

int main(int argc, char **argv) {
  (void)argc;
  // CHECK: version 100, max nframe 64
  printf("version %d, max nframe %d\n", TRACEALLOC_VERSION,
         TRACEALLOC_MAX_NFRAME);
  tracealloc_snapshot *empty = tracealloc_take_snapshot();
  allocate();
  tracealloc_snapshot *all = tracealloc_take_snapshot();
  tracealloc_filter this_file = {TRACEALLOC_FILTER, 1, 0, 0, __FILE__, 0, 0, 0};
  tracealloc_snapshot *mine = tracealloc_snapshot_filter_traces(all, &this_file, 1);
  tracealloc_snapshot *before = tracealloc_snapshot_filter_traces(empty, &this_file, 1);

  // 3 x 4096 = 12288 B = 12.0 KiB
  // CHECK-NEXT: statistics:
  // CHECK-NEXT: {{.*}}c-api.c:[[#L]]: size=12.0 KiB, count=3, average=4096 B
  // CHECK-NEXT: {{.*}}c-api.c:[[#L+1]]: size=10 B, count=1, average=10 B
  print_statistics("statistics", tracealloc_snapshot_statistics(mine, "lineno", 0));
  // CHECK-NEXT: compare_to:
  // CHECK-NEXT: {{.*}}c-api.c:[[#L]]: size=12.0 KiB (+12.0 KiB), count=3 (+3), average=4096 B
  // CHECK-NEXT: {{.*}}c-api.c:[[#L+1]]: size=10 B (+10 B), count=1 (+1), average=10 B
  print_statistics("compare_to", tracealloc_snapshot_compare_to(mine, before, "lineno", 0));

  // CHECK-NEXT: traces 4, limit 1
  printf("traces %zu, limit %d\n", tracealloc_snapshot_trace_count(mine),
         tracealloc_snapshot_traceback_limit(mine));
  tracealloc_trace t = tracealloc_snapshot_trace(mine, 0);
  // CHECK-NEXT: trace: domain 0, {{[0-9]+}} B, 1 frame, total 1, c-api.c
  printf("trace: domain %u, %zu B, %zu frame, total %zu, %s\n", t.domain,
         t.size, t.traceback.nframe, t.traceback.total_nframe,
         strrchr(t.traceback.frames[0].filename, '/') + 1);

  // A Filter on the 10-byte block's line, and a DomainFilter.
  // CHECK-NEXT: lineno filter: 1 trace(s)
  // CHECK-NEXT: domain filter: 0 trace(s)
  tracealloc_filter line = {TRACEALLOC_FILTER, 1, 0, 0, "*.c", 1, 0, 0};
  for (size_t i = 0; i < tracealloc_snapshot_trace_count(mine); i++) {
    tracealloc_trace u = tracealloc_snapshot_trace(mine, i);
    if (u.size == 10)
      line.lineno = u.traceback.frames[0].lineno;
  }
  tracealloc_snapshot *one = tracealloc_snapshot_filter_traces(mine, &line, 1);
  printf("lineno filter: %zu trace(s)\n", tracealloc_snapshot_trace_count(one));
  tracealloc_snapshot_free(one);
  tracealloc_filter domain = {TRACEALLOC_DOMAIN_FILTER, 1, 3, 0, NULL, 0, 0, 0};
  one = tracealloc_snapshot_filter_traces(mine, &domain, 1);
  printf("domain filter: %zu trace(s)\n", tracealloc_snapshot_trace_count(one));
  tracealloc_snapshot_free(one);

  // 12288 + 10 = 12298 B = 12.01 KiB; 12298 / 4 = 3074.5, printed with
  // "%.0f": a half rounds to even.
  // CHECK-NEXT: get_stats:
  // CHECK-NEXT: {{.*}}c-api.c:0: size=12.0 KiB, count=4, average=3074 B
  tracealloc_statistics *files = tracealloc_get_stats("filename");
  printf("get_stats:\n");
  for (size_t i = 0; i < tracealloc_statistics_count(files); i++) {
    const tracealloc_statistic *s = tracealloc_statistics_at(files, i);
    if (strcmp(s->traceback.frames[0].filename, __FILE__) == 0) {
      char text[512];
      tracealloc_format_statistic(text, sizeof text, s);
      printf("  %s\n", text);
    }
  }
  tracealloc_statistics_free(files);

  // CHECK-NEXT: dump 0
  printf("dump %d\n", tracealloc_snapshot_dump(mine, argv[1]));
  tracealloc_snapshot *loaded = tracealloc_snapshot_load(argv[1]);
  // CHECK-NEXT: loaded:
  // CHECK-NEXT: {{.*}}c-api.c:0: size=12.0 KiB, count=4, average=3074 B
  print_statistics("loaded", tracealloc_snapshot_statistics(loaded, "filename", 0));

  // CHECK-NEXT: object: 1, 1 frame, line [[#L]]
  tracealloc_frame frames[TRACEALLOC_MAX_NFRAME];
  tracealloc_traceback tb;
  int traced = tracealloc_get_object_traceback(blocks[0], frames,
                                               TRACEALLOC_MAX_NFRAME, &tb);
  printf("object: %d, %zu frame, line %u\n", traced, tb.nframe,
         tb.frames[0].lineno);
  // CHECK-NEXT: untraced: 0
  printf("untraced: %d\n", tracealloc_get_object_traceback(
                               &tb, frames, TRACEALLOC_MAX_NFRAME, &tb));

  // CHECK-NEXT: format_size: 1536 B|+1536 B|-10.0 MiB
  char a[32], b[32], c[32];
  tracealloc_format_size(a, sizeof a, 1536, 0);
  tracealloc_format_size(b, sizeof b, 1536, 1);
  tracealloc_format_size(c, sizeof c, -10.0 * 1024 * 1024, 1);
  printf("format_size: %s|%s|%s\n", a, b, c);

  // Errors: NULL or -1, and a message.
  // CHECK-NEXT: bad key: 1 unknown key_type: 'line'
  printf("bad key: %d %s\n", tracealloc_snapshot_statistics(mine, "line", 0) == NULL,
         tracealloc_last_error());
  // CHECK-NEXT: cumulative traceback: 1 cumulative mode cannot by used with key type 'traceback'
  printf("cumulative traceback: %d %s\n",
         tracealloc_snapshot_compare_to(mine, before, "traceback", 1) == NULL,
         tracealloc_last_error());
  // CHECK-NEXT: start(0): -1 the number of frames must be in range [1; 64]
  printf("start(0): %d %s\n", tracealloc_start(0), tracealloc_last_error());
  // CHECK-NEXT: load: 1 cannot load snapshot '/nonexistent': No such file or directory
  printf("load: %d %s\n", tracealloc_snapshot_load("/nonexistent") == NULL,
         tracealloc_last_error());

  // print_top: the documentation's first example in one call.
  // CHECK-NEXT: print_top:
  // CHECK-NEXT: {{.*}}c-api.c:[[#L]]: size=12.0 KiB, count=3, average=4096 B
  // CHECK-NEXT: end
  printf("print_top:\n");
  fflush(stdout);
  tracealloc_print_top(stdout, "lineno", 1);
  printf("end\n");

  tracealloc_snapshot_free(loaded);
  tracealloc_snapshot_free(before);
  tracealloc_snapshot_free(mine);
  tracealloc_snapshot_free(all);
  tracealloc_snapshot_free(empty);
  tracealloc_stop();
  // CHECK-NEXT: stopped: take_snapshot 1, print_top -1: the tracemalloc module must be tracing memory allocations to take a snapshot
  int no_snapshot = tracealloc_take_snapshot() == NULL;
  printf("stopped: take_snapshot %d, print_top %d: %s\n", no_snapshot,
         tracealloc_print_top(stdout, "lineno", 10), tracealloc_last_error());
  return 0;
}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
