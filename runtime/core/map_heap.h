//===- map_heap.h - Allocation when another allocator owns malloc ---------===//
//
// Mode::Map: every block comes from the process's own malloc (found with
// dlsym), and traced blocks are recorded in the pointer map. Slower than the
// header path, but right whoever owns malloc. These functions also settle
// Mode::Unknown, so callers may reach them before the mode is decided.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_MAP_HEAP_H
#define TRACEALLOC_RUNTIME_MAP_HEAP_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

void *map_malloc(size_t size, uint32_t trace);
void *map_calloc(size_t n, size_t elem, uint32_t trace);
void *map_realloc(void *p, size_t size, uint32_t trace);
void *map_memalign(size_t align, size_t size, uint32_t trace);
void map_free(void *p);
// Records a block the program's operator new returned (map mode only).
void map_record(void *p, size_t size, uint32_t trace);
// Drops the trace of a block about to be released by code we do not see.
void map_forget(void *p);

} // namespace rt
} // namespace tracealloc

#endif
