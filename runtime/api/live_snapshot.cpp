//===- live_snapshot.cpp - tracemalloc.take_snapshot() --------------------===//
//
// The core hands over every live trace at one instant; the snapshot keeps
// each distinct traceback once, as tracemalloc interns them. The per-line
// counters add the views Python has no equivalent for: what each traceback
// allocated over the run, and what it held at the peak (core/peak_lines.h),
// with the timeline and the process's information.
//
//===----------------------------------------------------------------------===//
#include "api/live_snapshot.h"
#include "api/api_error.h"
#include "api/api_memory.h"
#include "api/live_frames.h"
#include "api/live_statistics.h"
#include "core/live_traces.h"
#include "core/options.h"
#include "core/peak_lines.h"
#include "core/site_table.h"
#include "core/thread_counters.h"
#include "core/timeline.h"
#include "leak/leak_check.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {
namespace {

int by_traceback(const void *a, const void *b) {
  uint32_t x = static_cast<const RawTrace *>(a)->traceback;
  uint32_t y = static_cast<const RawTrace *>(b)->traceback;
  return x < y ? -1 : x > y;
}

// What the snapshot is made of, read from the core before it is built.
struct LiveState {
  RawTrace *raw = nullptr;
  size_t count = 0;
  uint32_t ids = 0; // trace ids 0..ids may appear
  LiveTotal *allocated = nullptr;
  LiveTotal *at_peak = nullptr;
  // Index of each trace id's traceback in the snapshot, plus one (0: none).
  uint32_t *index = nullptr;
  uint8_t *nframes = nullptr; // per trace id
  size_t num_tracebacks = 0;
  size_t num_frames = 0;

  ~LiveState() {
    free_raw_traces(raw, count);
    free_array(allocated, size_t(ids) + 1);
    free_array(at_peak, size_t(ids) + 1);
    free_array(index, size_t(ids) + 1);
    free_array(nframes, size_t(ids) + 1);
  }
};

bool read_state(LiveState &st) {
  refresh_peak_lines();
  if (!capture_traces(&st.raw, &st.count))
    return false;
  qsort(st.raw, st.count, sizeof *st.raw, by_traceback);
  uint32_t ids = frame_count();
  // A site registered after frame_count() was read may own a trace.
  if (st.count && st.raw[st.count - 1].traceback > ids)
    ids = st.raw[st.count - 1].traceback;
  st.ids = ids;
  st.allocated = alloc_array<LiveTotal>(size_t(ids) + 1);
  st.at_peak = alloc_array<LiveTotal>(size_t(ids) + 1);
  st.index = alloc_array<uint32_t>(size_t(ids) + 1);
  st.nframes = alloc_array<uint8_t>(size_t(ids) + 1);
  return st.allocated && st.at_peak && st.index && st.nframes &&
         live_view_totals(TRACEALLOC_VIEW_ALLOCATED, ids, st.allocated) &&
         live_view_totals(TRACEALLOC_VIEW_AT_PEAK, ids, st.at_peak);
}

// Every trace id with a live trace or an allocation gets a traceback, in
// id order; the first pass counts frames at the snapshot's limit. Another
// thread may change the limit meanwhile, so the second pass (fill) asks
// for no more than this one found room for.
void number_tracebacks(LiveState &st, int limit) {
  size_t next_trace = 0;
  tracealloc_frame scratch[kMaxTracebackLimit];
  uint32_t total;
  for (uint32_t id = 0; id <= st.ids; ++id) {
    bool live = false;
    while (next_trace < st.count && st.raw[next_trace].traceback == id) {
      live = true;
      ++next_trace;
    }
    if (!live && st.allocated[id].blocks == 0 && st.at_peak[id].blocks == 0)
      continue;
    st.index[id] = uint32_t(++st.num_tracebacks);
    st.nframes[id] = uint8_t(live_traceback(id, scratch, limit, &total));
    st.num_frames += st.nframes[id];
  }
}

size_t count_nonzero(const LiveTotal *totals, uint32_t ids) {
  size_t n = 0;
  for (uint32_t id = 0; id <= ids; ++id)
    n += totals[id].blocks != 0;
  return n;
}

void fill_totals(SnapshotTotals &out, const LiveTotal *totals,
                 const LiveState &st) {
  size_t k = 0;
  for (uint32_t id = 0; id <= st.ids; ++id)
    if (totals[id].blocks)
      out.items[k++] = {totals[id].bytes, totals[id].blocks, kDefaultDomain,
                        st.index[id] - 1};
}

// The exit leak check's verdicts (leak/leak_check.h), kept when it ran:
// some trace has one, or there is no trace to have one.
bool fill_leak_verdicts(tracealloc_snapshot *s, const LiveState &st) {
  if (!g_options.leak_check)
    return true;
  bool any = st.count == 0;
  for (size_t i = 0; !any && i < st.count; ++i)
    any = leak_verdict(st.raw[i].address) != kVerdictUnknown;
  if (!any)
    return true;
  if (!alloc_leak_verdicts(s))
    return false;
  for (size_t i = 0; i < st.count; ++i)
    s->leak[i] = leak_verdict(st.raw[i].address);
  return true;
}

bool fill_timeline(tracealloc_snapshot *s, uint64_t now, uint64_t current) {
  TimelineSample *samples = alloc_array<TimelineSample>(kTimelineCapacity);
  if (!samples) {
    set_out_of_memory();
    return false;
  }
  uint32_t n = read_timeline(samples, kTimelineCapacity);
  // The snapshot's own instant ends the timeline.
  bool ok = alloc_timeline(s, size_t(n) + 1);
  if (ok) {
    for (uint32_t i = 0; i < n; ++i)
      s->timeline[i] = {samples[i].time_ns, samples[i].current};
    s->timeline[n] = {now, current};
  }
  free_array(samples, kTimelineCapacity);
  return ok;
}

} // namespace

const char *const kNotTracingMessage =
    "the tracemalloc module must be tracing memory allocations to take a "
    "snapshot";

tracealloc_snapshot *take_live_snapshot() {
  if (!is_tracing()) {
    set_last_error("%s", kNotTracingMessage);
    return nullptr;
  }
  return take_process_snapshot();
}

tracealloc_snapshot *take_process_snapshot() {
  int limit = traceback_limit();
  LiveState st;
  if (!read_state(st)) {
    set_out_of_memory();
    return nullptr;
  }
  number_tracebacks(st, limit);
  tracealloc_snapshot *s =
      new_snapshot(limit, st.num_frames, st.num_tracebacks, st.count);
  if (!s)
    return nullptr;
  size_t f = 0;
  uint32_t total;
  for (uint32_t id = 0; id <= st.ids; ++id) {
    if (!st.index[id])
      continue;
    uint32_t n = live_traceback(id, s->frames + f, st.nframes[id], &total);
    s->tracebacks[st.index[id] - 1] = {uint32_t(f), n, total,
                                       live_line_frame(id)};
    f += st.nframes[id];
  }
  for (size_t i = 0; i < st.count; ++i)
    s->traces[i] = {st.raw[i].size, st.raw[i].domain,
                    st.index[st.raw[i].traceback] - 1};
  uint64_t now = timeline_now(), current = traced_current();
  PeakLine unused;
  uint64_t peak_total = 0, peak_time = 0;
  read_peak_lines(&unused, 0, &peak_total, &peak_time);
  if (!alloc_totals(&s->allocated, count_nonzero(st.allocated, st.ids)) ||
      !alloc_totals(&s->at_peak, count_nonzero(st.at_peak, st.ids)) ||
      !fill_timeline(s, now, current) || !fill_leak_verdicts(s, st)) {
    free_snapshot(s);
    return nullptr;
  }
  fill_totals(s->allocated, st.allocated, st);
  fill_totals(s->at_peak, st.at_peak, st);
  s->info.program = program_invocation_name ? program_invocation_name : "";
  s->info.pid = uint64_t(getpid());
  s->info.time_ns = now;
  s->info.current = current;
  s->info.peak = traced_peak();
  s->info.peak_time_ns = peak_time;
  s->info.merged = 1;
  return s;
}

} // namespace rt
} // namespace tracealloc

TA_EXPORT tracealloc_snapshot *tracealloc_take_snapshot(void) noexcept {
  return tracealloc::rt::take_live_snapshot();
}
