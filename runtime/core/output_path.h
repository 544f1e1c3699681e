//===- output_path.h - Output paths from options, with %p -----------------===//
#ifndef TRACEALLOC_RUNTIME_OUTPUT_PATH_H
#define TRACEALLOC_RUNTIME_OUTPUT_PATH_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

// `pattern` with each %p replaced by the process id, truncated to `size`
// bytes NUL included (a path option: report_path, snapshot).
void expand_path(const char *pattern, char *out, size_t size);

} // namespace rt
} // namespace tracealloc

#endif
