//===- live_statistics.h - Per-site totals of a view, from the counters ---===//
#ifndef TRACEALLOC_RUNTIME_API_LIVE_STATISTICS_H
#define TRACEALLOC_RUNTIME_API_LIVE_STATISTICS_H

#include "core/common.h"
#include "tracealloc/tracemalloc.h"

namespace tracealloc {
namespace rt {

struct LiveTotal {
  uint64_t bytes;
  uint64_t blocks;
};

// Per site id 1..ids (out has ids + 1 entries): bytes and blocks in use
// now (IN_USE), allocated over the run (ALLOCATED) or held at the peak
// (AT_PEAK, the last copy, refreshed first if memory now is as high).
// False (last error set) when out of memory.
bool live_view_totals(tracealloc_view view, uint32_t ids, LiveTotal *out);

} // namespace rt
} // namespace tracealloc

#endif
