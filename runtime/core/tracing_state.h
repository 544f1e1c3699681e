//===- tracing_state.h - Whether and how the runtime traces ---------------===//
#ifndef TRACEALLOC_RUNTIME_TRACING_STATE_H
#define TRACEALLOC_RUNTIME_TRACING_STATE_H

#include "core/common.h"
#include "core/live_traces.h"
#include "core/options.h"
#include "core/shadow_stack.h"
#include "core/site_table.h"
#include "core/traceback_table.h"

namespace tracealloc {
namespace rt {

// How blocks are tracked, decided once at startup.
enum class Mode : uint8_t {
  // Not decided yet (an allocation before the runtime's constructor).
  Unknown,
  // The runtime's malloc is the process's malloc: every block has a header.
  Header,
  // Another malloc wins (a sanitizer, a program that defines malloc, or a
  // runtime loaded by dlopen): traced blocks are kept in a pointer map and
  // every allocation goes to that malloc.
  Map,
};

extern Mode g_mode;
extern bool g_tracing;
// Live traced blocks are kept in the live-slot table (live_slots.h), which
// snapshots need; off until a program uses the tracemalloc API (or the
// keep_traces option says so), as it costs the hot path a few nanoseconds.
extern bool g_keep_traces;

// Set by an operator new entry while it runs the program's operator new, so
// that the first allocation made inside (libstdc++'s malloc call, or the one
// in the program's replacement) is charged once, to the new-expression's
// line and with the size the new-expression asked for.
struct OuterCharge {
  uint32_t trace;
  uint64_t size;
};
extern TA_TLS OuterCharge tls_outer;

// The pending outer trace, if an allocation of `size` bytes can be the one
// the new-expression asked for. Smaller ones are not: when the operator
// fails and throws, the exception object is allocated while the charge is
// still pending (the request that failed was larger than any such object).
TA_ALWAYS_INLINE uint32_t outer_trace(uint64_t size) {
  uint32_t trace = tls_outer.trace;
  return TA_UNLIKELY(trace) && size >= tls_outer.size ? trace : 0;
}

// The size to charge for a block of `size` bytes traced under `trace`;
// takes the outer charge when `trace` is it.
TA_ALWAYS_INLINE uint64_t take_outer_charge(uint32_t trace, uint64_t size) {
  if (TA_UNLIKELY(tls_outer.trace) && trace == tls_outer.trace) {
    tls_outer.trace = 0;
    return tls_outer.size;
  }
  return size;
}

Mode decide_mode();

// The trace id for an allocation at `site` now; 0 when not tracing. An
// outer charge wins; the allocation that succeeds under it takes it, so a
// new_handler retry is still charged.
TA_ALWAYS_INLINE uint32_t trace_for(const __tracealloc_site *site,
                                    uint64_t size) {
  if (uint32_t outer = outer_trace(size); TA_UNLIKELY(outer))
    return outer;
  if (TA_UNLIKELY(!relaxed_load(g_tracing)))
    return 0;
  // An id in [1, kSiteIdDynamic) is the trace at one frame; 0 (not
  // assigned yet), kSiteIdDynamic ids and longer tracebacks read the stack.
  uint32_t word = __atomic_load_n(&site->id, __ATOMIC_ACQUIRE);
  if (TA_LIKELY(word - 1 < kSiteIdDynamic - 1) &&
      TA_LIKELY(relaxed_load(g_traceback_limit) == 1))
    return word;
  return dynamic_site_trace(site);
}

// The trace id for an allocation that reached the malloc replacement from
// uninstrumented code: the outer charge, else (trace_libraries) the
// innermost call site the shadow stack knows, which led there; 0 when no
// frame is known to be in a call (e.g. libc's own allocations at startup).
TA_ALWAYS_INLINE uint32_t library_trace(uint64_t size) {
  if (uint32_t outer = outer_trace(size); TA_UNLIKELY(outer))
    return outer;
  if (!relaxed_load(g_tracing) || !g_options.trace_libraries)
    return 0;
  uintptr_t depth;
  const __tracealloc_site *call = innermost_call(depth);
  return call ? library_call_trace(call, depth) : 0;
}

} // namespace rt
} // namespace tracealloc

#endif
