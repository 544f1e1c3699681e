//===- snapshot.h - tracemalloc's Snapshot: traces and their tracebacks ---===//
//
// A snapshot is immutable once built. Tracebacks are stored once each and
// shared by the traces that have them, as tracemalloc interns them; their
// frames are oldest first, the order of Python's Traceback. A live
// snapshot's names are the site table's (they live as long as the process);
// a loaded one's are in a reference-counted StringPool, which everything
// made from the snapshot (filtered snapshots, statistics) holds on to.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_API_SNAPSHOT_H
#define TRACEALLOC_RUNTIME_API_SNAPSHOT_H

#include "core/common.h"
#include "tracealloc/tracemalloc.h"

namespace tracealloc {
namespace rt {

// The names of a loaded snapshot, in one block of memory.
struct StringPool {
  uint64_t references;
  char *data;
  size_t size;
};

StringPool *new_string_pool(size_t size);
StringPool *retain(StringPool *pool); // null-safe
void release(StringPool *pool);       // null-safe

struct SnapshotTraceback {
  uint32_t first_frame; // index into Snapshot::frames
  uint32_t nframe;      // >= 1
  uint32_t total_nframe;
  tracealloc_frame line; // what "lineno" statistics charge (statistics.h)
};

struct SnapshotTrace {
  uint64_t size;
  uint32_t domain;
  uint32_t traceback; // index into Snapshot::tracebacks
};

// What one traceback held in a view made of totals rather than traces
// (at the peak, allocated over the run): bytes and blocks.
struct SnapshotTotal {
  uint64_t size;
  uint64_t count;
  uint32_t domain;
  uint32_t traceback; // index into Snapshot::tracebacks
};

// A view's totals; `present` false when the snapshot has no data for it
// (a file written without it), which is not the same as an empty view.
struct SnapshotTotals {
  SnapshotTotal *items;
  size_t count;
  bool present;
};

} // namespace rt
} // namespace tracealloc

struct tracealloc_snapshot {
  int traceback_limit;
  tracealloc::rt::StringPool *pool; // null: the site table's names
  tracealloc_frame *frames;
  size_t num_frames;
  tracealloc::rt::SnapshotTraceback *tracebacks;
  size_t num_tracebacks;
  tracealloc::rt::SnapshotTrace *traces;
  size_t num_traces;
  // TRACEALLOC_LEAK_* per trace; null when no leak check ran.
  uint8_t *leak;
  tracealloc::rt::SnapshotTotals at_peak;
  tracealloc::rt::SnapshotTotals allocated;
  tracealloc_sample *timeline;
  size_t num_timeline;
  // info.program: the process's argv[0] (live) or in `pool` (loaded).
  tracealloc_snapshot_info info;
};

namespace tracealloc {
namespace rt {

// An empty snapshot with room for the given numbers of things; null (and
// the last error set) when out of memory.
tracealloc_snapshot *new_snapshot(int traceback_limit, size_t num_frames,
                                  size_t num_tracebacks, size_t num_traces);
void free_snapshot(tracealloc_snapshot *snapshot);

// Room for `count` totals in *totals (marked present), for the leak
// verdicts of every trace, for `count` timeline samples; false (last error
// set) when out of memory. Each frees what was there before.
bool alloc_totals(SnapshotTotals *totals, size_t count);
bool alloc_leak_verdicts(tracealloc_snapshot *snapshot);
bool alloc_timeline(tracealloc_snapshot *snapshot, size_t count);

// The traceback's view of its frames in the snapshot.
tracealloc_traceback traceback_view(const tracealloc_snapshot &snapshot,
                                    uint32_t traceback);

} // namespace rt
} // namespace tracealloc

#endif
