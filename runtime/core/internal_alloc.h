//===- internal_alloc.h - Memory for the runtime's own data ---------------===//
//
// The runtime's own memory comes from mmap, never from malloc: it must not be
// traced, must work while malloc itself is being replaced or sanitized, and
// get_tracemalloc_memory() reports it exactly.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_INTERNAL_ALLOC_H
#define TRACEALLOC_RUNTIME_INTERNAL_ALLOC_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

// Zero-filled memory; null when the system is out of memory.
void *internal_alloc(size_t size);
void internal_free(void *p, size_t size);
// Grows (or shrinks) a block, keeping min(old_size, new_size) bytes.
void *internal_realloc(void *p, size_t old_size, size_t new_size);

// Zero-filled pages straight from mmap, taking no lock and counted nowhere:
// for the leak check, which runs while a stopped thread may hold the lock
// above (leak/scratch_array.h). Null when out of memory.
void *map_pages(size_t bytes);
inline size_t round_to_pages(size_t bytes) {
  return (bytes + 4095) & ~size_t(4095);
}

// Bytes the runtime holds from the system for its own data.
size_t internal_memory_in_use();
// Held across fork() so the child inherits consistent free lists.
void internal_alloc_lock_for_fork();
void internal_alloc_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
