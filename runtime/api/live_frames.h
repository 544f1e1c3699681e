//===- live_frames.h - A live traceback as the public API's frames --------===//
#ifndef TRACEALLOC_RUNTIME_API_LIVE_FRAMES_H
#define TRACEALLOC_RUNTIME_API_LIVE_FRAMES_H

#include "core/common.h"
#include "tracealloc/tracemalloc.h"

namespace tracealloc {
namespace rt {

// The frames of the core's traceback `traceback`, oldest first as
// tracemalloc.Traceback has them, at most `max` (and at most the traceback
// limit). Returns how many; *total_nframe gets the untruncated length.
uint32_t live_traceback(uint32_t traceback, tracealloc_frame *out, uint32_t max,
                        uint32_t *total_nframe);

// The frame "lineno" statistics charge the traceback to: its innermost
// frame outside system headers (Frame::attributed), whatever the limit.
tracealloc_frame live_line_frame(uint32_t traceback);

} // namespace rt
} // namespace tracealloc

#endif
