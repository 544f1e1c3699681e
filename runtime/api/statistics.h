//===- statistics.h - Snapshot.statistics and compare_to ------------------===//
//
// tracemalloc's _group_by, Statistic and StatisticDiff sorting, and
// _compare_grouped_stats, over "samples": tracebacks (oldest frame first)
// with a size and a count, whether they come from a snapshot's traces
// (count 1 each) or from the per-line counters (get_stats).
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_API_STATISTICS_H
#define TRACEALLOC_RUNTIME_API_STATISTICS_H

#include "api/snapshot.h"

namespace tracealloc {
namespace rt {

enum class KeyType { Filename, Lineno, Traceback };

// False, with tracemalloc's ValueError text as the last error, for an
// unknown key type or cumulative mode with "traceback".
bool parse_key_type(const char *key_type, bool cumulative, KeyType *out);

struct Sample {
  const tracealloc_frame *frames; // oldest first
  uint32_t nframe;                // >= 1
  uint64_t size;
  uint64_t count;
  // The key of "lineno" and "filename": the user's frame of the trace
  // (core/user_attribution.h), which is not always frames[nframe - 1].
  const tracealloc_frame *line;
};

// One sample per trace of the snapshot (in runtime memory; free_array).
Sample *snapshot_samples(const tracealloc_snapshot &snapshot);

// The samples of one view of the snapshot: *n of them (free_array with *n).
// Null, with the last error set, for a bad view, a view the snapshot has
// no data for ("the snapshot has no at-peak data"), or no memory.
Sample *view_samples(const tracealloc_snapshot &snapshot, tracealloc_view view,
                     size_t *n);
bool snapshot_has_view(const tracealloc_snapshot &snapshot,
                       tracealloc_view view);

// Sorted statistics; the list keeps `pool` (the samples' names) alive.
// Null, with the last error set, when out of memory.
tracealloc_statistics *group_statistics(const Sample *samples, size_t n,
                                        KeyType key, bool cumulative,
                                        StringPool *pool);
// new.compare_to(old): sorted differences.
tracealloc_statistics *compare_statistics(const Sample *new_samples,
                                          size_t num_new, StringPool *new_pool,
                                          const Sample *old_samples,
                                          size_t num_old, StringPool *old_pool,
                                          KeyType key, bool cumulative);

} // namespace rt
} // namespace tracealloc

#endif
