//===- user_attribution.h - Which frame a per-line statistic charges ------===//
//
// At -O1 and above, std::vector::push_back is inlined into the caller and
// its allocation's innermost frame is in new_allocator.h, a line that tells
// the user nothing. Per-line statistics charge such a site to the innermost
// frame of its static inline chain that is not in a system header; the
// traceback keeps every frame. The same holds for a frame in an operator
// new the program defines (a class-specific one, or a replacement of the
// global one): the user allocated at the new-expression that called it.
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

// True for "operator new" and "operator new[]", qualified or not ("Pool::
// operator new"): a frame of an allocator, not where the user allocated.
bool is_operator_new(const char *function);

// Whether per-line statistics look past a frame at this location: it is in
// a system header or in an operator new (and attribute_to_user is on).
bool is_allocator_frame(const char *file, const char *function);

} // namespace rt
} // namespace tracealloc

#endif
