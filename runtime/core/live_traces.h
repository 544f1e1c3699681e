//===- live_traces.h - What the tracemalloc API layer reads from the core -===//
//
// The core's view of tracemalloc's state, for the API layer (runtime/api/):
// live traces captured at one instant, tracebacks, the tracing switch, the
// traceback limit, and foreign blocks registered in domains (track()).
// Everything here is thread-safe; nothing here allocates through malloc.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LIVE_TRACES_H
#define TRACEALLOC_RUNTIME_LIVE_TRACES_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

// tracemalloc's DEFAULT_DOMAIN: blocks of the program's heap.
constexpr uint32_t kDefaultDomain = 0;

// One live trace: a traced heap block, or a block registered with
// track_block() in some domain.
struct RawTrace {
  uint64_t address;
  uint64_t size;
  uint32_t traceback; // see traceback_frames()
  uint32_t domain;
};

// From now on, keep every new live trace in the live-slot table, which
// capture_traces() and clear_traces() read. Blocks traced before stay out of
// snapshots. Idempotent.
void keep_traces();

// Every live trace, copied while traced allocations and frees are paused,
// so the set is one instant's. The array comes from internal_alloc; give it
// back with free_raw_traces. False when the runtime is out of memory.
bool capture_traces(RawTrace **traces, size_t *count);
void free_raw_traces(RawTrace *traces, size_t count);

// The trace of the live block that starts at `address` in `domain`; false
// for any other pointer (never crashes, whatever the pointer).
bool find_trace(uint32_t domain, const void *address, RawTrace *out);

// The frames of a traceback, most recent first (tracemalloc's internal
// order): frame ids for frame() in site_table.h. Returns how many it wrote
// (at most `max`, and at most the traceback limit in force when asked);
// *total_nframe gets the traceback's full length.
uint32_t traceback_frames(uint32_t traceback, uint32_t *frames, uint32_t max,
                          uint32_t *total_nframe);

// tracemalloc.is_tracing / start / stop / clear_traces. stop_tracing()
// clears the traces, as tracemalloc.stop() does; clear_traces() forgets
// every live trace (their memory stays allocated) and resets traced memory
// and its peak. The per-line totals of the exit report keep their history.
bool is_tracing();
void start_tracing();
void stop_tracing();
void clear_traces();

// Frames kept per traceback: tracemalloc's get/set_traceback_limit.
constexpr int kMaxTracebackLimit = 64;
// Read by the hot path (tracing_state.h): beyond one frame, every
// allocation reads the shadow stack.
extern int g_traceback_limit;
TA_ALWAYS_INLINE int traceback_limit() {
  return relaxed_load(g_traceback_limit);
}
void set_traceback_limit(int limit); // 1 <= limit <= kMaxTracebackLimit

// PyTraceMalloc_Track / Untrack: 0 on success, -2 when not tracing, -1 when
// out of memory. Tracking an address already tracked in that domain
// replaces its trace; untracking an unknown one is not an error.
int track_block(uint32_t domain, uintptr_t address, size_t size,
                uint32_t traceback);
int untrack_block(uint32_t domain, uintptr_t address);

} // namespace rt
} // namespace tracealloc

#endif
