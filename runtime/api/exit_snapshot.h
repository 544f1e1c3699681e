//===- exit_snapshot.h - TRACEALLOC_OPTIONS=snapshot=PATH -----------------===//
#ifndef TRACEALLOC_RUNTIME_API_EXIT_SNAPSHOT_H
#define TRACEALLOC_RUNTIME_API_EXIT_SNAPSHOT_H

namespace tracealloc {
namespace rt {

// Writes the process's snapshot (live traces with their leak verdicts,
// at-peak and allocated totals, timeline, information) to the `snapshot`
// option's path, if set. Runs at exit after the report; a failure is an
// error on stderr and changes nothing else.
void write_exit_snapshot();

} // namespace rt
} // namespace tracealloc

#endif
