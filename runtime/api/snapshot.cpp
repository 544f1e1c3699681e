//===- snapshot.cpp - tracemalloc's Snapshot: building one, reading it ----===//
#include "api/snapshot.h"
#include "api/api_error.h"
#include "api/api_memory.h"

namespace tracealloc {
namespace rt {

StringPool *new_string_pool(size_t size) {
  auto *pool = alloc_object<StringPool>();
  char *data = alloc_array<char>(size);
  if (!pool || !data) {
    free_object(pool);
    free_array(data, size);
    set_out_of_memory();
    return nullptr;
  }
  *pool = {1, data, size};
  return pool;
}

StringPool *retain(StringPool *pool) {
  if (pool)
    __atomic_add_fetch(&pool->references, 1, __ATOMIC_RELAXED);
  return pool;
}

void release(StringPool *pool) {
  if (!pool || __atomic_sub_fetch(&pool->references, 1, __ATOMIC_ACQ_REL))
    return;
  free_array(pool->data, pool->size);
  free_object(pool);
}

tracealloc_snapshot *new_snapshot(int traceback_limit, size_t num_frames,
                                  size_t num_tracebacks, size_t num_traces) {
  auto *s = alloc_object<tracealloc_snapshot>();
  if (!s) {
    set_out_of_memory();
    return nullptr;
  }
  s->traceback_limit = traceback_limit;
  s->info.program = "";
  s->info.merged = 1;
  s->frames = alloc_array<tracealloc_frame>(num_frames);
  s->num_frames = num_frames;
  s->tracebacks = alloc_array<SnapshotTraceback>(num_tracebacks);
  s->num_tracebacks = num_tracebacks;
  s->traces = alloc_array<SnapshotTrace>(num_traces);
  s->num_traces = num_traces;
  if (!s->frames || !s->tracebacks || !s->traces) {
    free_snapshot(s);
    set_out_of_memory();
    return nullptr;
  }
  return s;
}

void free_snapshot(tracealloc_snapshot *s) {
  if (!s)
    return;
  free_array(s->frames, s->num_frames);
  free_array(s->tracebacks, s->num_tracebacks);
  free_array(s->traces, s->num_traces);
  free_array(s->leak, s->leak ? s->num_traces : 0);
  free_array(s->at_peak.items, s->at_peak.count);
  free_array(s->allocated.items, s->allocated.count);
  free_array(s->timeline, s->num_timeline);
  release(s->pool);
  free_object(s);
}

bool alloc_totals(SnapshotTotals *totals, size_t count) {
  free_array(totals->items, totals->count);
  *totals = {alloc_array<SnapshotTotal>(count), count, true};
  if (totals->items)
    return true;
  *totals = {};
  set_out_of_memory();
  return false;
}

bool alloc_leak_verdicts(tracealloc_snapshot *s) {
  free_array(s->leak, s->leak ? s->num_traces : 0);
  s->leak = alloc_array<uint8_t>(s->num_traces);
  if (s->leak)
    return true;
  set_out_of_memory();
  return false;
}

bool alloc_timeline(tracealloc_snapshot *s, size_t count) {
  free_array(s->timeline, s->num_timeline);
  s->timeline = alloc_array<tracealloc_sample>(count);
  s->num_timeline = s->timeline ? count : 0;
  if (s->timeline)
    return true;
  set_out_of_memory();
  return false;
}

tracealloc_traceback traceback_view(const tracealloc_snapshot &s,
                                    uint32_t traceback) {
  const SnapshotTraceback &t = s.tracebacks[traceback];
  return {s.frames + t.first_frame, t.nframe, t.total_nframe};
}

} // namespace rt
} // namespace tracealloc

using namespace tracealloc::rt;

TA_EXPORT void
tracealloc_snapshot_free(tracealloc_snapshot *snapshot) noexcept {
  free_snapshot(snapshot);
}

TA_EXPORT int tracealloc_snapshot_traceback_limit(
    const tracealloc_snapshot *snapshot) noexcept {
  return snapshot->traceback_limit;
}

TA_EXPORT size_t
tracealloc_snapshot_trace_count(const tracealloc_snapshot *snapshot) noexcept {
  return snapshot->num_traces;
}

TA_EXPORT tracealloc_trace tracealloc_snapshot_trace(
    const tracealloc_snapshot *snapshot, size_t index) noexcept {
  tracealloc_trace out = {};
  if (index >= snapshot->num_traces)
    return out;
  const SnapshotTrace &t = snapshot->traces[index];
  out.domain = t.domain;
  out.size = t.size;
  out.traceback = traceback_view(*snapshot, t.traceback);
  return out;
}

TA_EXPORT size_t
tracealloc_snapshot_timeline(const tracealloc_snapshot *snapshot,
                             const tracealloc_sample **samples) noexcept {
  if (samples)
    *samples = snapshot->timeline;
  return snapshot->num_timeline;
}

TA_EXPORT int
tracealloc_snapshot_get_info(const tracealloc_snapshot *snapshot,
                             tracealloc_snapshot_info *out) noexcept {
  if (!snapshot || !out) {
    set_last_error("tracealloc_snapshot_get_info: null argument");
    return -1;
  }
  *out = snapshot->info;
  out->leak_checked = snapshot->leak != nullptr;
  return 0;
}

TA_EXPORT int
tracealloc_snapshot_trace_leak(const tracealloc_snapshot *snapshot,
                               size_t index) noexcept {
  if (!snapshot->leak || index >= snapshot->num_traces)
    return TRACEALLOC_LEAK_UNKNOWN;
  return snapshot->leak[index];
}
