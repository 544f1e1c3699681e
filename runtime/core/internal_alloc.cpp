//===- internal_alloc.cpp - Memory for the runtime's own data -------------===//
//
// Size classes of powers of two from 16 bytes to 64 KiB, each a free list fed
// by 256 KiB slabs; larger blocks are mmap'ed one by one. Callers pass the
// size back on free, so blocks carry no header.
//
//===----------------------------------------------------------------------===//
#include "core/internal_alloc.h"
#include "core/spin_lock.h"

#include <string.h>
#include <sys/mman.h>

namespace tracealloc {
namespace rt {
namespace {

constexpr unsigned kMinShift = 4;  // 16 B
constexpr unsigned kMaxShift = 16; // 64 KiB
constexpr size_t kSlabSize = 256 * 1024;

struct FreeBlock {
  FreeBlock *next;
};

SpinLock g_lock;
FreeBlock *g_free[kMaxShift + 1];
char *g_slab_cursor;
size_t g_slab_left;
size_t g_mapped; // bytes obtained from mmap, guarded by g_lock

unsigned size_class(size_t size) {
  unsigned shift = kMinShift;
  while ((size_t(1) << shift) < size)
    ++shift;
  return shift;
}

} // namespace

void *map_pages(size_t bytes) {
  void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

void *internal_alloc(size_t size) {
  if (size > (size_t(1) << kMaxShift)) {
    size_t bytes = round_to_pages(size);
    void *p = map_pages(bytes);
    if (p) {
      LockGuard guard(g_lock);
      g_mapped += bytes;
    }
    return p;
  }
  unsigned shift = size_class(size);
  size_t bytes = size_t(1) << shift;
  LockGuard guard(g_lock);
  if (FreeBlock *b = g_free[shift]) {
    g_free[shift] = b->next;
    memset(b, 0, bytes);
    return b;
  }
  if (g_slab_left < bytes) {
    // The slab's tail is dropped: at most 64 KiB per 256 KiB slab, and
    // runtime data is small.
    char *slab = static_cast<char *>(map_pages(kSlabSize));
    if (!slab)
      return nullptr;
    g_mapped += kSlabSize;
    g_slab_cursor = slab;
    g_slab_left = kSlabSize;
  }
  void *p = g_slab_cursor;
  g_slab_cursor += bytes;
  g_slab_left -= bytes;
  return p; // fresh mmap memory is zero
}

void internal_free(void *p, size_t size) {
  if (!p)
    return;
  if (size > (size_t(1) << kMaxShift)) {
    size_t bytes = round_to_pages(size);
    munmap(p, bytes);
    LockGuard guard(g_lock);
    g_mapped -= bytes;
    return;
  }
  unsigned shift = size_class(size);
  LockGuard guard(g_lock);
  FreeBlock *b = static_cast<FreeBlock *>(p);
  b->next = g_free[shift];
  g_free[shift] = b;
}

void *internal_realloc(void *p, size_t old_size, size_t new_size) {
  void *q = internal_alloc(new_size);
  if (!q)
    return nullptr;
  if (p) {
    memcpy(q, p, old_size < new_size ? old_size : new_size);
    internal_free(p, old_size);
  }
  return q;
}

size_t internal_memory_in_use() {
  LockGuard guard(g_lock);
  return g_mapped;
}

void internal_alloc_lock_for_fork() { g_lock.lock(); }
void internal_alloc_unlock_after_fork() { g_lock.unlock(); }

} // namespace rt
} // namespace tracealloc
