//===- api_entry_points.cpp - What calls of TraceAlloc's own API become ---===//
//
// tracealloc_track() registers a foreign block under its caller's line: the
// pass rewrites instrumented calls of it into this entry, with the caller's
// site (TRACEALLOC_API_FUNCTION in alloc_functions.def).
//
//===----------------------------------------------------------------------===//
#include "core/live_traces.h"
#include "core/tracing_state.h"

using namespace tracealloc::rt;

TA_EXPORT int __tracealloc_tracealloc_track(unsigned int domain,
                                            uintptr_t ptr, size_t size,
                                            const __tracealloc_site *site) {
  if (!is_tracing())
    return -2;
  return track_block(domain, ptr, size, site_id(site));
}

// Called at startup by every translation unit that includes the public API
// header (a constructor there), so snapshots see every block from then on.
TA_EXPORT void tracealloc_keep_traces(void) { keep_traces(); }
