//===- live_statistics.cpp - get_stats(): statistics without a snapshot ---===//
//
// The per-line counters already hold what statistics("lineno") sums from
// a snapshot: per trace id, the bytes and blocks allocated minus freed.
// Grouping those few entries (one per site, not one per block) is what
// makes get_stats cheap; the core keeps them exact across clear_traces and
// stop (a forgotten trace counts as freed). The same counters give the
// other views: allocated over the run, and the copy made at the peak.
//
//===----------------------------------------------------------------------===//
#include "api/live_statistics.h"
#include "api/api_error.h"
#include "api/api_memory.h"
#include "api/live_frames.h"
#include "api/statistics.h"
#include "core/live_traces.h"
#include "core/peak_lines.h"
#include "core/site_table.h"
#include "core/thread_counters.h"

namespace tracealloc {
namespace rt {

bool live_view_totals(tracealloc_view view, uint32_t ids, LiveTotal *out) {
  if (view == TRACEALLOC_VIEW_AT_PEAK) {
    auto *lines = alloc_array<PeakLine>(size_t(ids) + 1);
    if (!lines) {
      set_out_of_memory();
      return false;
    }
    refresh_peak_lines();
    uint64_t total, time_ns;
    read_peak_lines(lines, ids, &total, &time_ns);
    for (uint32_t id = 0; id <= ids; ++id)
      out[id] = {lines[id].bytes, lines[id].blocks};
    free_array(lines, size_t(ids) + 1);
    return true;
  }
  auto *totals = alloc_array<SiteCounters>(size_t(ids) + 1);
  if (!totals) {
    set_out_of_memory();
    return false;
  }
  sum_site_counters(totals, ids);
  for (uint32_t id = 0; id <= ids; ++id) {
    const SiteCounters &c = totals[id];
    if (view == TRACEALLOC_VIEW_ALLOCATED)
      out[id] = {c.alloc_bytes, c.alloc_blocks};
    else
      out[id] = {c.alloc_bytes - c.free_bytes, c.alloc_blocks - c.free_blocks};
  }
  free_array(totals, size_t(ids) + 1);
  return true;
}

} // namespace rt
} // namespace tracealloc

using namespace tracealloc::rt;

namespace {

tracealloc_statistics *stats_of_view(tracealloc_view view,
                                     const char *key_type) {
  KeyType key;
  if (!parse_key_type(key_type, false, &key))
    return nullptr;
  if (view == TRACEALLOC_VIEW_LEAKED) {
    set_last_error("get_stats has no leak-check data (the leak check runs "
                   "at exit: read the exit snapshot)");
    return nullptr;
  }
  if (unsigned(view) > TRACEALLOC_VIEW_LEAKED) {
    set_last_error("unknown view: %d", int(view));
    return nullptr;
  }
  uint32_t ids = frame_count();
  LiveTotal *totals = alloc_array<LiveTotal>(size_t(ids) + 1);
  if (!totals || !live_view_totals(view, ids, totals)) {
    free_array(totals, size_t(ids) + 1);
    if (!totals)
      set_out_of_memory();
    return nullptr;
  }
  // Two passes, as take_snapshot's: the second asks for no more frames
  // than the first found, whatever the limit does meanwhile.
  uint8_t *nframes = alloc_array<uint8_t>(size_t(ids) + 1);
  size_t num_samples = 0, num_frames = 0;
  tracealloc_frame scratch[kMaxTracebackLimit];
  uint32_t total;
  for (uint32_t id = 1; nframes && id <= ids; ++id) {
    if (totals[id].blocks == 0)
      continue;
    ++num_samples;
    nframes[id] =
        uint8_t(live_traceback(id, scratch, kMaxTracebackLimit, &total));
    num_frames += nframes[id];
  }
  Sample *samples = alloc_array<Sample>(num_samples);
  tracealloc_frame *frames = alloc_array<tracealloc_frame>(num_frames);
  tracealloc_frame *lines = alloc_array<tracealloc_frame>(num_samples);
  tracealloc_statistics *list = nullptr;
  if (!nframes || !samples || !frames || !lines) {
    set_out_of_memory();
  } else {
    size_t s = 0, f = 0;
    for (uint32_t id = 1; id <= ids; ++id) {
      const LiveTotal &c = totals[id];
      if (c.blocks == 0)
        continue;
      uint32_t n = live_traceback(id, frames + f, nframes[id], &total);
      lines[s] = live_line_frame(id);
      samples[s] = {frames + f, n, c.bytes, c.blocks, &lines[s]};
      ++s;
      f += nframes[id];
    }
    list = group_statistics(samples, s, key, false, nullptr);
  }
  free_array(nframes, size_t(ids) + 1);
  free_array(samples, num_samples);
  free_array(frames, num_frames);
  free_array(lines, num_samples);
  free_array(totals, size_t(ids) + 1);
  return list;
}

} // namespace

TA_EXPORT tracealloc_statistics *
tracealloc_get_stats(const char *key_type) noexcept {
  return stats_of_view(TRACEALLOC_VIEW_IN_USE, key_type);
}

TA_EXPORT tracealloc_statistics *
tracealloc_get_stats_view(tracealloc_view view, const char *key_type) noexcept {
  return stats_of_view(view, key_type);
}
