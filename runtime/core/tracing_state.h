//===- tracing_state.h - Whether and how the runtime traces ---------------===//
#ifndef TRACEALLOC_RUNTIME_TRACING_STATE_H
#define TRACEALLOC_RUNTIME_TRACING_STATE_H

#include "core/common.h"
#include "core/site_table.h"

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
extern uint16_t g_epoch; // bumped when traces are cleared

// Set by an operator new entry that calls the program's own replacement of
// operator new, so that the allocation inside it is charged to the line of
// the new-expression (once), not to the line inside the replacement.
extern TA_TLS uint32_t tls_outer_trace;

Mode decide_mode();

// The trace id for an allocation at `site` now; 0 when not tracing. An
// outer trace (see tls_outer_trace) wins; the allocation that succeeds
// under it clears it (finish_block), so a new_handler retry still gets it.
TA_ALWAYS_INLINE uint32_t trace_for(const __tracealloc_site *site) {
  if (uint32_t outer = tls_outer_trace; TA_UNLIKELY(outer))
    return outer;
  return TA_LIKELY(relaxed_load(g_tracing)) ? site_id(site) : 0;
}

} // namespace rt
} // namespace tracealloc

#endif
