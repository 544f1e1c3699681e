//===- python_semantics.cpp - The API's semantics, driven by a script -----===//
//
// Built from the runtime's own sources (no instrumentation, no malloc
// replacement), for test/api/python-semantics.test, which feeds it cases
// and compares every answer with Python's tracemalloc and fnmatch.
//
//   python_semantics fnmatch    stdin: "PATTERN\tNAME" lines; prints 1 or 0
//   python_semantics snapshot   stdin: two snapshots and some filters;
//                               prints filter_traces, then statistics and
//                               compare_to for every key type and mode
//
//===----------------------------------------------------------------------===//
#include "api/python_fnmatch.h"
#include "api/snapshot.h"

#include <stdio.h>
#include <string.h>

using namespace tracealloc::rt;

namespace {

const char *const kNames[] = {"fa", "fb", "fc", "fd"};

// "LIMIT N", then N lines "DOMAIN SIZE NFRAME (FILE LINE)..." with frames
// most recent first, as _tracemalloc gives them; file = index in kNames.
tracealloc_snapshot *read_snapshot() {
  int limit = 0;
  size_t n = 0;
  if (scanf("%d %zu", &limit, &n) != 2 || n > 1000)
    return nullptr;
  static unsigned domain[1000], size[1000], nframe[1000], file[1000][64],
      line[1000][64];
  size_t frames = 0;
  for (size_t i = 0; i < n; ++i) {
    if (scanf("%u %u %u", &domain[i], &size[i], &nframe[i]) != 3 ||
        nframe[i] > 64)
      return nullptr;
    for (unsigned k = 0; k < nframe[i]; ++k)
      if (scanf("%u %u", &file[i][k], &line[i][k]) != 2 || file[i][k] > 3)
        return nullptr;
    frames += nframe[i];
  }
  tracealloc_snapshot *s = new_snapshot(limit, frames, n, n);
  size_t f = 0;
  for (size_t i = 0; i < n; ++i) {
    s->tracebacks[i] = {uint32_t(f), nframe[i], nframe[i], {}};
    for (unsigned k = 0; k < nframe[i]; ++k) {
      unsigned from = nframe[i] - 1 - k; // stored oldest first
      s->frames[f + k] = {kNames[file[i][from]], line[i][from], 0, ""};
    }
    // No system headers here: "lineno" charges traceback[0], as Python.
    if (nframe[i])
      s->tracebacks[i].line = s->frames[f + nframe[i] - 1];
    f += nframe[i];
    s->traces[i] = {size[i], domain[i], uint32_t(i)};
  }
  return s;
}

void print_traceback(const tracealloc_traceback &tb) {
  for (size_t k = 0; k < tb.nframe; ++k)
    printf(" %s:%u", tb.frames[k].filename, tb.frames[k].lineno);
  printf("\n");
}

int snapshot_mode() {
  tracealloc_snapshot *a = read_snapshot(), *b = read_snapshot();
  // "N", then N lines "KIND INCLUSIVE HAS_LINENO LINENO ALL_FRAMES
  // HAS_DOMAIN DOMAIN PATTERN".
  static char patterns[16][32];
  tracealloc_filter filters[16];
  size_t num_filters = 0;
  if (!a || !b || scanf("%zu", &num_filters) != 1 || num_filters > 16)
    return 1;
  for (size_t i = 0; i < num_filters; ++i) {
    int kind, inclusive, has_lineno, lineno, all_frames, has_domain, domain;
    if (scanf("%d %d %d %d %d %d %d %31s", &kind, &inclusive, &has_lineno,
              &lineno, &all_frames, &has_domain, &domain, patterns[i]) != 8)
      return 1;
    filters[i] = {tracealloc_filter_kind(kind),
                  inclusive,
                  unsigned(domain),
                  has_domain,
                  patterns[i],
                  has_lineno,
                  unsigned(lineno),
                  all_frames};
  }
  tracealloc_snapshot *kept =
      tracealloc_snapshot_filter_traces(a, filters, num_filters);
  printf("F\n");
  for (size_t i = 0; i < tracealloc_snapshot_trace_count(kept); ++i) {
    tracealloc_trace t = tracealloc_snapshot_trace(kept, i);
    printf("%u %zu |", t.domain, t.size);
    print_traceback(t.traceback);
  }
  const char *keys[] = {"filename", "lineno", "traceback"};
  for (const char *key : keys) {
    for (int cumulative = 0; cumulative < 2; ++cumulative) {
      if (cumulative && strcmp(key, "traceback") == 0)
        continue;
      char text[256];
      tracealloc_statistics *list =
          tracealloc_snapshot_statistics(a, key, cumulative);
      printf("S %s %d\n", key, cumulative);
      for (size_t i = 0; i < tracealloc_statistics_count(list); ++i) {
        const tracealloc_statistic *s = tracealloc_statistics_at(list, i);
        tracealloc_format_statistic(text, sizeof text, s);
        printf("%s |", text);
        print_traceback(s->traceback);
      }
      tracealloc_statistics_free(list);
      list = tracealloc_snapshot_compare_to(a, b, key, cumulative);
      printf("D %s %d\n", key, cumulative);
      for (size_t i = 0; i < tracealloc_statistics_count(list); ++i) {
        const tracealloc_statistic_diff *d =
            tracealloc_statistics_diff_at(list, i);
        tracealloc_format_statistic_diff(text, sizeof text, d);
        printf("%s |", text);
        print_traceback(d->traceback);
      }
      tracealloc_statistics_free(list);
    }
  }
  tracealloc_snapshot_free(kept);
  tracealloc_snapshot_free(a);
  tracealloc_snapshot_free(b);
  return 0;
}

int fnmatch_mode() {
  static char line[4096];
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = '\0';
    char *tab = strchr(line, '\t');
    if (!tab)
      return 1;
    *tab = '\0';
    printf("%d\n", python_fnmatch(tab + 1, line));
  }
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "fnmatch") == 0)
    return fnmatch_mode();
  if (argc == 2 && strcmp(argv[1], "snapshot") == 0)
    return snapshot_mode();
  fprintf(stderr, "usage: %s fnmatch|snapshot\n", argv[0]);
  return 2;
}
