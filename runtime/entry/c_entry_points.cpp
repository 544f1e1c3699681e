//===- c_entry_points.cpp - What instrumented C allocation calls become ---===//
//
// __tracealloc_SYMBOL(args..., site) behaves exactly as SYMBOL(args...) and
// charges the block to `site`. See include/tracealloc/alloc_functions.def.
//
//===----------------------------------------------------------------------===//
#include "core/heap.h"

#include <string.h>

using namespace tracealloc::rt;
using Site = __tracealloc_site;

TA_EXPORT void *__tracealloc_malloc(size_t size, const Site *site) {
  return traced_malloc(size, trace_for(site, size));
}

TA_EXPORT void *__tracealloc_calloc(size_t n, size_t elem, const Site *site) {
  return traced_calloc(n, elem, trace_for(site, n * elem));
}

TA_EXPORT void *__tracealloc_realloc(void *p, size_t size, const Site *site) {
  return traced_realloc(p, size, trace_for(site, size));
}

TA_EXPORT void *__tracealloc_reallocarray(void *p, size_t n, size_t elem,
                                          const Site *site) {
  return traced_reallocarray(p, n, elem, trace_for(site, n * elem));
}

TA_EXPORT void __tracealloc_free(void *p, const Site *) { traced_free(p); }

TA_EXPORT void *__tracealloc_memalign(size_t align, size_t size,
                                      const Site *site) {
  return traced_memalign(align, size, trace_for(site, size));
}

// glibc 2.36's aligned_alloc is its memalign.
TA_EXPORT void *__tracealloc_aligned_alloc(size_t align, size_t size,
                                           const Site *site) {
  return traced_memalign(align, size, trace_for(site, size));
}

TA_EXPORT int __tracealloc_posix_memalign(void **out, size_t align,
                                          size_t size, const Site *site) {
  return traced_posix_memalign(out, align, size, trace_for(site, size));
}

TA_EXPORT void *__tracealloc_valloc(size_t size, const Site *site) {
  return traced_valloc(size, trace_for(site, size));
}

TA_EXPORT void *__tracealloc_pvalloc(size_t size, const Site *site) {
  return traced_pvalloc(size, trace_for(site, size));
}

TA_EXPORT char *__tracealloc_strdup(const char *s, const Site *site) {
  size_t len = strlen(s) + 1;
  auto *copy = static_cast<char *>(traced_malloc(len, trace_for(site, len)));
  if (copy)
    memcpy(copy, s, len);
  return copy;
}

TA_EXPORT char *__tracealloc_strndup(const char *s, size_t n,
                                     const Site *site) {
  size_t len = strnlen(s, n);
  auto *copy = static_cast<char *>(traced_malloc(len + 1, trace_for(site, len + 1)));
  if (copy) {
    memcpy(copy, s, len);
    copy[len] = '\0';
  }
  return copy;
}
