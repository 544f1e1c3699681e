//===- api_memory.h - Arrays in the runtime's own memory ------------------===//
//
// The API layer's objects live in internal_alloc memory, like the rest of
// the runtime's data: a snapshot must not show up in the traces it holds.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_API_MEMORY_H
#define TRACEALLOC_RUNTIME_API_MEMORY_H

#include "core/internal_alloc.h"

namespace tracealloc {
namespace rt {

// Zero-filled room for n objects (trivial types only); null when out of
// memory or when n * sizeof(T) overflows. Never null for n == 0.
template <typename T> T *alloc_array(size_t n) {
  size_t bytes;
  if (__builtin_mul_overflow(n, sizeof(T), &bytes))
    return nullptr;
  return static_cast<T *>(internal_alloc(bytes ? bytes : 1));
}

template <typename T> void free_array(T *p, size_t n) {
  if (p)
    internal_free(p, n ? n * sizeof(T) : 1);
}

template <typename T> T *alloc_object() { return alloc_array<T>(1); }
template <typename T> void free_object(T *p) { free_array(p, 1); }

} // namespace rt
} // namespace tracealloc

#endif
