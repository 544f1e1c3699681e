//===- line_statistics.h - Per-site counters grouped by source line -------===//
//
// tracemalloc's Snapshot.statistics("lineno"): traces grouped by (filename,
// lineno), sorted by size, then count, then (filename, lineno), all
// descending.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LINE_STATISTICS_H
#define TRACEALLOC_RUNTIME_LINE_STATISTICS_H

#include "core/peak_lines.h"
#include "core/thread_counters.h"

namespace tracealloc {
namespace rt {

struct LineStatistic {
  const char *file;
  uint32_t line;
  uint64_t size;
  uint64_t count;
};

enum class Measure {
  Allocated, // everything allocated over the run
  InUse,     // allocated and not freed
};

// Fills `out` (room for `num_sites` entries) from per-site totals indexed
// by site id 1..num_sites; returns how many lines have a non-zero count.
size_t line_statistics(const SiteCounters *totals, uint32_t num_sites,
                       Measure measure, LineStatistic *out);
// The same for what each site held at the peak (peak_lines.h).
size_t peak_line_statistics(const PeakLine *lines, uint32_t num_sites,
                            LineStatistic *out);

} // namespace rt
} // namespace tracealloc

#endif
