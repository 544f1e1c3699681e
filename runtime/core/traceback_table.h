//===- traceback_table.h - Interned tracebacks read from the shadow stack -===//
//
// A traceback with frames from the shadow stack is interned once, as
// tracemalloc interns its tracebacks: it is a list of nodes (site_table.h,
// kFrameTracebackNode) in the frame id space, each the static chain of one
// record followed by the rest, ending in a cut when outer frames are not
// kept. Equal tails are shared, so every distinct traceback costs one node
// per frame it does not share. Lookups are lock-free; a new node takes a
// lock once.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_TRACEBACK_TABLE_H
#define TRACEALLOC_RUNTIME_TRACEBACK_TABLE_H

#include "core/common.h"
#include "tracealloc/abi.h"

namespace tracealloc {
namespace rt {

// The trace id of an allocation at `site` whose id word carries
// kSiteIdDynamic (or is not assigned yet): the site's static chain, then
// the shadow stack's frames, as abi.h says to read them.
TA_NOINLINE uint32_t dynamic_site_trace(const __tracealloc_site *site);

// The trace id of an allocation made by uninstrumented code called at
// `call` (the innermost known call site, shadow_stack.h's innermost_call),
// with the stack `depth` deep.
TA_NOINLINE uint32_t library_call_trace(const __tracealloc_site *call,
                                        uintptr_t depth);

void traceback_table_lock_for_fork();
void traceback_table_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
