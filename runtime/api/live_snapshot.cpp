//===- live_snapshot.cpp - tracemalloc.take_snapshot() --------------------===//
//
// The core hands over every live trace at one instant; the snapshot keeps
// each distinct traceback once, as tracemalloc interns them.
//
//===----------------------------------------------------------------------===//
#include "api/live_snapshot.h"
#include "api/api_error.h"
#include "api/api_memory.h"
#include "api/live_frames.h"
#include "core/live_traces.h"

#include <stdlib.h>

namespace tracealloc {
namespace rt {
namespace {

int by_traceback(const void *a, const void *b) {
  uint32_t x = static_cast<const RawTrace *>(a)->traceback;
  uint32_t y = static_cast<const RawTrace *>(b)->traceback;
  return x < y ? -1 : x > y;
}

} // namespace

const char *const kNotTracingMessage =
    "the tracemalloc module must be tracing memory allocations to take a "
    "snapshot";

tracealloc_snapshot *take_live_snapshot() {
  if (!is_tracing()) {
    set_last_error("%s", kNotTracingMessage);
    return nullptr;
  }
  int limit = traceback_limit();
  RawTrace *raw = nullptr;
  size_t count = 0;
  if (!capture_traces(&raw, &count)) {
    set_out_of_memory();
    return nullptr;
  }
  qsort(raw, count, sizeof *raw, by_traceback);
  // First pass: the frames of each distinct traceback, at the snapshot's
  // limit. Another thread may change the limit meanwhile, so the second
  // pass asks for no more than the first found room for.
  uint8_t *nframes = alloc_array<uint8_t>(count);
  if (!nframes) {
    free_raw_traces(raw, count);
    set_out_of_memory();
    return nullptr;
  }
  size_t num_tracebacks = 0, num_frames = 0;
  tracealloc_frame frames[kMaxTracebackLimit];
  uint32_t total;
  for (size_t i = 0; i < count; ++i) {
    if (i && raw[i].traceback == raw[i - 1].traceback)
      continue;
    uint32_t n = live_traceback(raw[i].traceback, frames, limit, &total);
    nframes[num_tracebacks++] = uint8_t(n);
    num_frames += n;
  }
  tracealloc_snapshot *s =
      new_snapshot(limit, num_frames, num_tracebacks, count);
  if (s) {
    size_t t = 0, f = 0;
    for (size_t i = 0; i < count; ++i) {
      if (i == 0 || raw[i].traceback != raw[i - 1].traceback) {
        uint32_t n =
            live_traceback(raw[i].traceback, s->frames + f, nframes[t], &total);
        s->tracebacks[t++] = {uint32_t(f), n, total,
                              live_line_frame(raw[i].traceback)};
        f += nframes[t - 1];
      }
      s->traces[i] = {raw[i].size, raw[i].domain, uint32_t(t - 1)};
    }
  }
  free_array(nframes, count);
  free_raw_traces(raw, count);
  return s;
}

} // namespace rt
} // namespace tracealloc

TA_EXPORT tracealloc_snapshot *tracealloc_take_snapshot(void) noexcept {
  return tracealloc::rt::take_live_snapshot();
}
