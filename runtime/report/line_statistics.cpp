//===- line_statistics.cpp - Per-site counters grouped by source line -----===//
#include "report/line_statistics.h"
#include "core/site_table.h"

#include <stdlib.h>
#include <string.h>

namespace tracealloc {
namespace rt {
namespace {

// Interned file names compare equal by pointer; grouping only needs that.
int by_location(const void *a, const void *b) {
  auto *x = static_cast<const LineStatistic *>(a);
  auto *y = static_cast<const LineStatistic *>(b);
  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

// Statistic._sort_key = (size, count, traceback), sorted in reverse.
int tracemalloc_order(const void *a, const void *b) {
  auto *x = static_cast<const LineStatistic *>(a);
  auto *y = static_cast<const LineStatistic *>(b);
  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (int c = strcmp(x->file, y->file))
    return -c;
  return x->line > y->line ? -1 : x->line < y->line;
}

} // namespace

size_t line_statistics(const SiteCounters *totals, uint32_t num_sites,
                       Measure measure, LineStatistic *out) {
  size_t n = 0;
  for (uint32_t id = 1; id <= num_sites; ++id) {
    const SiteCounters &c = totals[id];
    uint64_t size = c.alloc_bytes, count = c.alloc_blocks;
    if (measure == Measure::InUse) {
      size -= c.free_bytes;
      count -= c.free_blocks;
    }
    if (count == 0)
      continue;
    const Frame &f = frame(id);
    out[n++] = {f.file, f.line, size, count};
  }
  qsort(out, n, sizeof *out, by_location);
  size_t lines = 0;
  for (size_t i = 0; i < n; ++i) {
    if (lines && out[lines - 1].file == out[i].file &&
        out[lines - 1].line == out[i].line) {
      out[lines - 1].size += out[i].size;
      out[lines - 1].count += out[i].count;
    } else {
      out[lines++] = out[i];
    }
  }
  qsort(out, lines, sizeof *out, tracemalloc_order);
  return lines;
}

} // namespace rt
} // namespace tracealloc
