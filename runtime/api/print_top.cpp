//===- print_top.cpp - The top statistics of a fresh snapshot, printed ----===//
//
// What tracemalloc's documentation does first:
//   snapshot = tracemalloc.take_snapshot()
//   for stat in snapshot.statistics('lineno')[:10]: print(stat)
//
//===----------------------------------------------------------------------===//
#include "api/api_error.h"
#include "api/api_memory.h"
#include "api/live_snapshot.h"
#include "api/statistics.h"

#include <errno.h>
#include <string.h>

using namespace tracealloc::rt;

TA_EXPORT int tracealloc_print_top(FILE *out, const char *key_type,
                                   size_t limit) noexcept {
  KeyType key;
  if (!parse_key_type(key_type, false, &key))
    return -1;
  tracealloc_snapshot *snapshot = take_live_snapshot();
  if (!snapshot)
    return -1;
  tracealloc_statistics *stats =
      tracealloc_snapshot_statistics(snapshot, key_type, 0);
  tracealloc_snapshot_free(snapshot);
  if (!stats)
    return -1;
  int result = 0;
  size_t n = tracealloc_statistics_count(stats);
  for (size_t i = 0; i < n && i < limit; ++i) {
    char line[8192];
    tracealloc_format_statistic(line, sizeof line,
                                tracealloc_statistics_at(stats, i));
    if (fprintf(out, "%s\n", line) < 0) {
      set_last_error("cannot write the statistics: %s", strerror(errno));
      result = -1;
      break;
    }
  }
  tracealloc_statistics_free(stats);
  return result;
}
