//===- tracing_control.cpp - tracemalloc's module functions, in C ---------===//
//
// start/stop/is_tracing/clear_traces, traced memory and its peak, the
// traceback limit, the runtime's own memory, get_object_traceback and
// track/untrack (PyTraceMalloc_Track/Untrack).
//
//===----------------------------------------------------------------------===//
#include "api/api_error.h"
#include "api/live_frames.h"
#include "core/internal_alloc.h"
#include "core/live_traces.h"
#include "core/site_table.h"
#include "core/thread_counters.h"

using namespace tracealloc::rt;

namespace {

static_assert(TRACEALLOC_MAX_NFRAME == kMaxTracebackLimit,
              "the public header states the core's limit");

// tracemalloc's ValueError for start(nframe) with a bad nframe.
bool check_nframe(int nframe) {
  if (nframe >= 1 && nframe <= kMaxTracebackLimit)
    return true;
  set_last_error("the number of frames must be in range [1; %d]",
                 kMaxTracebackLimit);
  return false;
}

// The traceback of a block tracked by code compiled without TraceAlloc:
// tracemalloc's "<unknown>":0 frame.
uint32_t unknown_traceback() {
  static uint32_t id;
  uint32_t known = __atomic_load_n(&id, __ATOMIC_ACQUIRE);
  if (!known) {
    known = intern_frame("<unknown>", "", 0, 0);
    __atomic_store_n(&id, known, __ATOMIC_RELEASE);
  }
  return known;
}

} // namespace

TA_EXPORT int tracealloc_start(int nframe) noexcept {
  if (!check_nframe(nframe))
    return -1;
  // Unlike tracemalloc, which ignores nframe when already tracing: here
  // tracing usually runs from startup (TRACEALLOC_OPTIONS=trace=1), and
  // start(25) must still mean 25 frames. Tracebacks are static, so a new
  // limit applies to old traces as well.
  set_traceback_limit(nframe);
  start_tracing();
  return 0;
}

TA_EXPORT void tracealloc_stop(void) noexcept { stop_tracing(); }

TA_EXPORT int tracealloc_is_tracing(void) noexcept { return is_tracing(); }

TA_EXPORT void tracealloc_clear_traces(void) noexcept { clear_traces(); }

TA_EXPORT void tracealloc_get_traced_memory(size_t *current,
                                            size_t *peak) noexcept {
  // Read the peak last: it is never below a current read before it.
  size_t now = traced_current();
  size_t most = traced_peak();
  if (current)
    *current = now;
  if (peak)
    *peak = most < now ? now : most;
}

TA_EXPORT void tracealloc_reset_peak(void) noexcept { reset_traced_peak(); }

TA_EXPORT int tracealloc_get_traceback_limit(void) noexcept {
  return traceback_limit();
}

TA_EXPORT int tracealloc_set_traceback_limit(int nframe) noexcept {
  if (!check_nframe(nframe))
    return -1;
  set_traceback_limit(nframe);
  return 0;
}

TA_EXPORT size_t tracealloc_get_tracemalloc_memory(void) noexcept {
  return internal_memory_in_use();
}

TA_EXPORT int
tracealloc_get_object_traceback(const void *ptr, tracealloc_frame *frames,
                                size_t max_frames,
                                tracealloc_traceback *out) noexcept {
  RawTrace trace;
  if (!is_tracing() || !find_trace(kDefaultDomain, ptr, &trace))
    return 0;
  uint32_t max = max_frames < kMaxTracebackLimit ? uint32_t(max_frames)
                                                 : kMaxTracebackLimit;
  uint32_t total = 0;
  uint32_t n = live_traceback(trace.traceback, frames, max, &total);
  if (out)
    *out = {frames, n, total};
  return 1;
}

// Calls from code compiled with TraceAlloc reach the core with the
// caller's site (the pass rewrites them); these are the others.
TA_EXPORT int tracealloc_track(unsigned int domain, uintptr_t ptr,
                               size_t size) noexcept {
  return track_block(domain, ptr, size, unknown_traceback());
}

TA_EXPORT int tracealloc_untrack(unsigned int domain, uintptr_t ptr) noexcept {
  return untrack_block(domain, ptr);
}
