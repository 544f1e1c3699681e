//===- user_attribution.h - Which frame a per-line statistic charges ------===//
//
// At -O1 and above, std::vector::push_back is inlined into the caller and
// its allocation's innermost frame is in new_allocator.h, a line that tells
// the user nothing. Per-line statistics charge such a site to the innermost
// frame of its static inline chain that is not in a system header; the
// traceback keeps every frame.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_USER_ATTRIBUTION_H
#define TRACEALLOC_RUNTIME_USER_ATTRIBUTION_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

// True for a file under a built-in system prefix (/usr/include/,
// /usr/local/include/, /usr/lib/gcc/, /usr/lib/llvm-N/lib/clang/) or a
// prefix of the system_paths option.
bool is_system_path(const char *file);

} // namespace rt
} // namespace tracealloc

#endif
