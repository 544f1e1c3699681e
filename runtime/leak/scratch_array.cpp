//===- scratch_array.cpp - Memory straight from mmap, for the leak check --===//
#include "leak/scratch_array.h"

#include <sys/mman.h>

namespace tracealloc {
namespace rt {

void scratch_unmap(void *p, size_t bytes) { munmap(p, bytes); }

void *scratch_remap(void *p, size_t old_bytes, size_t new_bytes) {
  void *q = mremap(p, old_bytes, new_bytes, MREMAP_MAYMOVE);
  return q == MAP_FAILED ? nullptr : q;
}

} // namespace rt
} // namespace tracealloc
