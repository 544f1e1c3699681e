//===- live_snapshot.h - tracemalloc.take_snapshot() ----------------------===//
#ifndef TRACEALLOC_RUNTIME_API_LIVE_SNAPSHOT_H
#define TRACEALLOC_RUNTIME_API_LIVE_SNAPSHOT_H

#include "api/snapshot.h"

namespace tracealloc {
namespace rt {

// tracemalloc's RuntimeError text when a snapshot is asked for untraced.
extern const char *const kNotTracingMessage;

// Every live trace now, at the traceback limit in force; null (with the
// last error set) when not tracing or out of memory.
tracealloc_snapshot *take_live_snapshot();
// The same, whether or not tracing is on (the exit snapshot): the traces
// still kept, the totals of the run, the peak, the timeline.
tracealloc_snapshot *take_process_snapshot();

} // namespace rt
} // namespace tracealloc

#endif
