//===- fuzz_internal_alloc.cpp - The runtime's own memory, from malloc ----===//
//
// core/internal_alloc.cpp, for the fuzz target only: each block comes from
// (ASan's) malloc, exactly as large as asked, so a read or a write one byte
// past what the model allocated is reported. The runtime cannot do this
// (it *is* malloc); a tool linking the model can.
//
//===----------------------------------------------------------------------===//
#include "core/internal_alloc.h"

#include <stdlib.h>
#include <string.h>

namespace tracealloc {
namespace rt {

void *internal_alloc(size_t size) { return calloc(1, size); }

void internal_free(void *p, size_t) { free(p); }

void *internal_realloc(void *p, size_t old_size, size_t new_size) {
  void *q = internal_alloc(new_size);
  if (q && p)
    memcpy(q, p, old_size < new_size ? old_size : new_size);
  if (q)
    free(p);
  return q;
}

size_t internal_memory_in_use() { return 0; }
void internal_alloc_lock_for_fork() {}
void internal_alloc_unlock_after_fork() {}

} // namespace rt
} // namespace tracealloc
