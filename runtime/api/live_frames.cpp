//===- live_frames.cpp - A live traceback as the public API's frames ------===//
#include "api/live_frames.h"
#include "core/live_traces.h"
#include "core/site_table.h"

namespace tracealloc {
namespace rt {

uint32_t live_traceback(uint32_t traceback, tracealloc_frame *out, uint32_t max,
                        uint32_t *total_nframe) {
  uint32_t ids[kMaxTracebackLimit];
  if (max > kMaxTracebackLimit)
    max = kMaxTracebackLimit;
  uint32_t n = traceback_frames(traceback, ids, max, total_nframe);
  if (n == 0 && max > 0) {
    // tracemalloc's unknown_frame, for a trace without a location.
    out[0] = {"<unknown>", 0, 0, ""};
    *total_nframe = 1;
    return 1;
  }
  // The core gives the most recent frame first.
  for (uint32_t i = 0; i < n; ++i) {
    const Frame &f = frame(ids[n - 1 - i]);
    out[i] = {f.file, f.line, f.column, f.function ? f.function : ""};
  }
  return n;
}

tracealloc_frame live_line_frame(uint32_t traceback) {
  if (traceback == 0)
    return {"<unknown>", 0, 0, ""};
  const Frame &f = frame(frame(traceback).attributed);
  return {f.file, f.line, f.column, f.function ? f.function : ""};
}

} // namespace rt
} // namespace tracealloc
