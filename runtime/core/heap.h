//===- heap.h - Traced allocation, whichever way blocks are tracked -------===//
#ifndef TRACEALLOC_RUNTIME_HEAP_H
#define TRACEALLOC_RUNTIME_HEAP_H

#include "core/header_heap.h"
#include "core/map_heap.h"

namespace tracealloc {
namespace rt {

TA_ALWAYS_INLINE bool header_mode() {
  return TA_LIKELY(g_mode == Mode::Header);
}

TA_ALWAYS_INLINE void *traced_malloc(size_t size, uint32_t trace) {
  return header_mode() ? header_malloc(size, trace) : map_malloc(size, trace);
}

TA_ALWAYS_INLINE void *traced_calloc(size_t n, size_t elem, uint32_t trace) {
  return header_mode() ? header_calloc(n, elem, trace)
                       : map_calloc(n, elem, trace);
}

TA_ALWAYS_INLINE void *traced_realloc(void *p, size_t size, uint32_t trace) {
  return header_mode() ? header_realloc(p, size, trace)
                       : map_realloc(p, size, trace);
}

TA_ALWAYS_INLINE void traced_free(void *p) {
  if (header_mode())
    header_free(p);
  else
    map_free(p);
}

// memalign semantics as glibc has them: alignments up to 16 are malloc's,
// others are rounded up to a power of two; absurd ones fail with EINVAL.
TA_ALWAYS_INLINE void *traced_memalign(size_t align, size_t size,
                                       uint32_t trace) {
  if (align <= kHeaderSize)
    return traced_malloc(size, trace);
  if (TA_UNLIKELY(align > SIZE_MAX / 2 + 1)) {
    errno = EINVAL;
    return nullptr;
  }
  if (align & (align - 1))
    align = size_t(1) << (64 - __builtin_clzl(align));
  return header_mode() ? header_memalign_slow(align, size, trace)
                       : map_memalign(align, size, trace);
}

size_t page_size();

TA_ALWAYS_INLINE void *traced_reallocarray(void *p, size_t n, size_t elem,
                                           uint32_t trace) {
  size_t size;
  if (__builtin_mul_overflow(n, elem, &size)) {
    errno = ENOMEM;
    return nullptr;
  }
  return traced_realloc(p, size, trace);
}

TA_ALWAYS_INLINE void *traced_valloc(size_t size, uint32_t trace) {
  return traced_memalign(page_size(), size, trace);
}

// pvalloc allocates whole pages (at least one), and is charged for them.
TA_ALWAYS_INLINE void *traced_pvalloc(size_t size, uint32_t trace) {
  size_t page = page_size(), rounded;
  if (__builtin_add_overflow(size, page - 1, &rounded)) {
    errno = ENOMEM;
    return nullptr;
  }
  rounded &= ~(page - 1);
  return traced_memalign(page, rounded ? rounded : page, trace);
}

// Reports through its result only: errno is left as it was.
TA_ALWAYS_INLINE int traced_posix_memalign(void **out, size_t align,
                                           size_t size, uint32_t trace) {
  if (align % sizeof(void *) != 0 || align == 0 || (align & (align - 1)))
    return EINVAL;
  int saved_errno = errno;
  void *p = traced_memalign(align, size, trace);
  errno = saved_errno;
  if (!p)
    return ENOMEM;
  *out = p;
  return 0;
}

} // namespace rt
} // namespace tracealloc

#endif
