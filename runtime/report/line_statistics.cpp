//===- line_statistics.cpp - Per-site counters grouped by source line -----===//
//
// Each site is a one-frame sample at the frame it is charged to
// (Frame::attributed); that frame, the grouping and the order are those of
// Snapshot.statistics("lineno") (api/statistics.h), so the exit report and
// the API cannot disagree.
//
//===----------------------------------------------------------------------===//
#include "report/line_statistics.h"
#include "api/api_memory.h"
#include "api/statistics.h"
#include "core/site_table.h"

namespace tracealloc {
namespace rt {

namespace {

// `size_and_count(id, &size, &count)` gives each site's numbers.
template <typename Measure>
size_t group_lines(uint32_t num_sites, Measure size_and_count,
                   LineStatistic *out) {
  Sample *samples = alloc_array<Sample>(num_sites);
  tracealloc_frame *frames = alloc_array<tracealloc_frame>(num_sites);
  size_t n = 0, lines = 0;
  if (samples && frames) {
    for (uint32_t id = 1; id <= num_sites; ++id) {
      uint64_t size, count;
      size_and_count(id, &size, &count);
      if (count == 0)
        continue;
      const Frame &f = frame(frame(id).attributed);
      frames[n] = {f.file, f.line, 0, ""};
      samples[n] = {&frames[n], 1, size, count, &frames[n]};
      ++n;
    }
    tracealloc_statistics *list =
        group_statistics(samples, n, KeyType::Lineno, false, nullptr);
    if (list) {
      lines = tracealloc_statistics_count(list);
      for (size_t i = 0; i < lines; ++i) {
        const tracealloc_statistic &s = *tracealloc_statistics_at(list, i);
        out[i] = {s.traceback.frames[0].filename, s.traceback.frames[0].lineno,
                  s.size, s.count};
      }
      tracealloc_statistics_free(list);
    }
  }
  free_array(samples, num_sites);
  free_array(frames, num_sites);
  return lines;
}

} // namespace

size_t line_statistics(const SiteCounters *totals, uint32_t num_sites,
                       Measure measure, LineStatistic *out) {
  return group_lines(
      num_sites,
      [&](uint32_t id, uint64_t *size, uint64_t *count) {
        const SiteCounters &c = totals[id];
        *size = c.alloc_bytes;
        *count = c.alloc_blocks;
        if (measure == Measure::InUse) {
          *size -= c.free_bytes;
          *count -= c.free_blocks;
        }
      },
      out);
}

size_t peak_line_statistics(const PeakLine *lines, uint32_t num_sites,
                            LineStatistic *out) {
  return group_lines(
      num_sites,
      [&](uint32_t id, uint64_t *size, uint64_t *count) {
        *size = lines[id].bytes;
        *count = lines[id].blocks;
      },
      out);
}

} // namespace rt
} // namespace tracealloc
