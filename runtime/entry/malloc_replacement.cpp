//===- malloc_replacement.cpp - The runtime as the process's malloc -------===//
//
// The runtime defines glibc's allocation functions; being a dependency of
// the executable, it comes before libc in symbol lookup, so every block in
// the process (from libc, libstdc++, prebuilt libraries, or instrumented
// code) gets a header. That is what lets uninstrumented code free or resize
// a traced block, and instrumented code free a block it did not allocate.
// Calls that reach these functions come from uninstrumented code: inside an
// instrumented new-expression they take its charge (tls_outer.trace);
// otherwise, with trace_libraries, they are charged to the innermost call
// of instrumented code the shadow stack knows (library_trace).
//
//===----------------------------------------------------------------------===//
#include "core/heap.h"

#include <dlfcn.h>

using namespace tracealloc::rt;

// Until the mode is decided these take the header path without deciding it:
// deciding calls dlsym, which may call them again.
TA_EXPORT void *malloc(size_t size) {
  if (TA_UNLIKELY(g_mode == Mode::Map))
    return map_malloc(size, library_trace(size));
  return header_malloc(size, library_trace(size));
}

TA_EXPORT void free(void *p) {
  if (TA_UNLIKELY(g_mode == Mode::Map))
    return map_free(p);
  header_free(p);
}

TA_EXPORT void *calloc(size_t n, size_t elem) {
  if (TA_UNLIKELY(g_mode == Mode::Map))
    return map_calloc(n, elem, library_trace(n * elem));
  return header_calloc(n, elem, library_trace(n * elem));
}

// A resized block keeps its trace; realloc(NULL, n) is a malloc.
TA_EXPORT void *realloc(void *p, size_t size) {
  uint32_t trace = p ? kKeepTrace : library_trace(size);
  if (TA_UNLIKELY(g_mode == Mode::Map))
    return map_realloc(p, size, trace);
  return header_realloc(p, size, trace);
}

TA_EXPORT void *reallocarray(void *p, size_t n, size_t elem) {
  return traced_reallocarray(p, n, elem,
                             p ? kKeepTrace : library_trace(n * elem));
}

TA_EXPORT void *memalign(size_t align, size_t size) {
  return traced_memalign(align, size, library_trace(size));
}

TA_EXPORT void *aligned_alloc(size_t align, size_t size) {
  return traced_memalign(align, size, library_trace(size));
}

TA_EXPORT int posix_memalign(void **out, size_t align, size_t size) {
  return traced_posix_memalign(out, align, size, library_trace(size));
}

TA_EXPORT void *valloc(size_t size) {
  return traced_valloc(size, library_trace(size));
}

TA_EXPORT void *pvalloc(size_t size) {
  return traced_pvalloc(size, library_trace(size));
}

TA_EXPORT size_t malloc_usable_size(void *p) { return header_usable_size(p); }

namespace tracealloc {
namespace rt {

// Our malloc, by an address that symbol interposition cannot redirect.
extern "C" void *tracealloc_own_malloc(size_t)
    __attribute__((alias("malloc"), visibility("hidden")));

Mode decide_mode() {
  // dlsym may itself allocate; that allocation goes to whichever malloc is
  // the process's, and neither path depends on the mode.
  void *process_malloc = dlsym(RTLD_DEFAULT, "malloc");
  Mode m = process_malloc == reinterpret_cast<void *>(&tracealloc_own_malloc)
               ? Mode::Header
               : Mode::Map;
  __atomic_store(&g_mode, &m, __ATOMIC_RELEASE);
  return m;
}

} // namespace rt
} // namespace tracealloc
