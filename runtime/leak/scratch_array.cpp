//===- scratch_array.cpp - Memory straight from mmap, for the leak check --===//
#include "leak/scratch_array.h"

#include <sys/mman.h>

namespace tracealloc {
namespace rt {

void *scratch_map(size_t bytes) {
  void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

void scratch_unmap(void *p, size_t bytes) { munmap(p, bytes); }

void *scratch_remap(void *p, size_t old_bytes, size_t new_bytes) {
  void *q = mremap(p, old_bytes, new_bytes, MREMAP_MAYMOVE);
  return q == MAP_FAILED ? nullptr : q;
}

} // namespace rt
} // namespace tracealloc
