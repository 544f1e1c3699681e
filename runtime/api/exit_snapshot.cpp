//===- exit_snapshot.cpp - TRACEALLOC_OPTIONS=snapshot=PATH ---------------===//
//
// Everything the exit report shows goes into the file, so a run can be
// studied afterwards (`tracealloc stats`, Snapshot::load): the live traces,
// what was allocated over the run, what each line held at the peak, the
// timeline. It is taken whether or not tracing is still on.
//
//===----------------------------------------------------------------------===//
#include "api/exit_snapshot.h"
#include "api/api_error.h"
#include "api/live_snapshot.h"
#include "core/diagnostics.h"
#include "core/options.h"
#include "core/output_path.h"

#include <errno.h>

namespace tracealloc {
namespace rt {

void write_exit_snapshot() {
  const char *pattern = g_options.snapshot;
  if (!pattern || !*pattern)
    return;
  int saved_errno = errno;
  char path[4096];
  expand_path(pattern, path, sizeof path);
  tracealloc_snapshot *s = take_process_snapshot();
  if (!s)
    error("cannot write the snapshot to '%s': %s", path,
          tracealloc_last_error());
  else if (tracealloc_snapshot_dump(s, path) != 0)
    // The message names the path and the system's reason.
    error("%s", tracealloc_last_error());
  tracealloc_snapshot_free(s);
  errno = saved_errno;
}

} // namespace rt
} // namespace tracealloc
