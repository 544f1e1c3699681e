//===- header_heap.h - Allocation with a header on every block ------------===//
//
// The fast path (Mode::Header): glibc's allocator underneath (__libc_*),
// 16 bytes more per block, the trace in the header, a per-thread cache of
// free blocks in front of glibc, counters per thread.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_HEADER_HEAP_H
#define TRACEALLOC_RUNTIME_HEADER_HEAP_H

#include "core/block_header.h"
#include "core/thread_counters.h"
#include "core/trace_pause.h"
#include "core/tracing_state.h"
#include "leak/block_slots.h"

#include <errno.h>

extern "C" {
void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void *__libc_memalign(size_t, size_t);
void __libc_free(void *);
}

namespace tracealloc {
namespace rt {

// Writes the header of a block at `base`, tracing it under `trace` (not 0)
// if tracing is (still) on. With `keep` (g_keep_traces, read once by the
// caller), the block also gets a live slot, inside a traced operation.
TA_ALWAYS_INLINE void *finish_block_in_op(ThreadShard *s, void *base,
                                          size_t size, uint32_t trace,
                                          unsigned align_shift, bool keep) {
  void *user = static_cast<char *>(base) + (size_t(1) << align_shift);
  BlockHeader *h = header_of(user);
  uint32_t slot = 0;
  if (TA_UNLIKELY(!relaxed_load(g_tracing)) ||
      (keep && !(slot = take_slot(s->slots, reinterpret_cast<uintptr_t>(user))))) {
    // Not tracing, or no slot for it: a trace a snapshot could not list
    // would make the counts and the snapshots disagree.
    h->set(size, align_shift, 0,
           keep ? untraced_slot_in_op(s, reinterpret_cast<uintptr_t>(user))
                : 0);
    return user;
  }
  size = take_outer_charge(trace, size);
  h->set(size, align_shift, trace, slot);
  count_alloc(s, trace, size);
  return user;
}

TA_ALWAYS_INLINE void *finish_block(void *base, size_t size, uint32_t trace,
                                    unsigned align_shift) {
  if (trace) {
    if (ThreadShard *s = current_shard()) {
      bool keep = relaxed_load(g_keep_traces);
      if (TA_LIKELY(!keep))
        return finish_block_in_op(s, base, size, trace, align_shift, false);
      begin_traced_op(s);
      void *user = finish_block_in_op(s, base, size, trace, align_shift, true);
      end_traced_op(s);
      return user;
    }
  }
  // The leak check lists untraced blocks too (leak/block_slots.h).
  if (TA_UNLIKELY(relaxed_load(g_slot_untraced)))
    return finish_untraced_block(base, size, align_shift);
  void *user = static_cast<char *>(base) + (size_t(1) << align_shift);
  header_of(user)->set(size, align_shift, 0, 0);
  return user;
}

// The calling thread's shard, for its block cache; null when it has none
// and may not get one now.
TA_ALWAYS_INLINE ThreadShard *cache_shard() {
  ThreadShard *s = tls_shard;
  return TA_LIKELY(s) ? s : shard_for_untraced_slow();
}

// A block of the calling thread's cache that fits `size` bytes, or null.
TA_ALWAYS_INLINE BlockHeader *cache_take(size_t size) {
  if (size > kCachedMaxSize)
    return nullptr;
  ThreadShard *s = cache_shard();
  if (TA_UNLIKELY(!s))
    return nullptr;
  unsigned c = cache_class(size);
  BlockHeader *h = s->cache.head[c];
  if (h) {
    s->cache.head[c] = h->next_cached();
    --s->cache.count[c];
  }
  return h;
}

// Keeps a free block with an ordinary header in the calling thread's cache;
// false if the cache has no room for it.
TA_ALWAYS_INLINE bool cache_keep(BlockHeader *h) {
  uint64_t size = h->size();
  if (size > kCachedMaxSize || h->align_shift() != kDefaultAlignShift)
    return false;
  ThreadShard *s = cache_shard();
  if (TA_UNLIKELY(!s))
    return false;
  unsigned c = cache_class(size);
  if (s->cache.count[c] >= kCacheDepth)
    return false;
  h->set_cached(s->cache.head[c]);
  s->cache.head[c] = h;
  ++s->cache.count[c];
  return true;
}

[[noreturn]] void report_double_free(void *user);

TA_ALWAYS_INLINE void *header_malloc(size_t size, uint32_t trace) {
  if (BlockHeader *cached = cache_take(size))
    return finish_block(cached, size, trace, kDefaultAlignShift);
  if (TA_UNLIKELY(size > kMaxBlockSize)) {
    errno = ENOMEM;
    return nullptr;
  }
  void *base = __libc_malloc(size + kHeaderSize);
  if (TA_UNLIKELY(!base))
    return nullptr;
  return finish_block(base, size, trace, kDefaultAlignShift);
}

TA_ALWAYS_INLINE void *header_calloc(size_t n, size_t elem, uint32_t trace) {
  size_t size;
  if (TA_UNLIKELY(__builtin_mul_overflow(n, elem, &size) ||
                  size > kMaxBlockSize)) {
    errno = ENOMEM;
    return nullptr;
  }
  if (BlockHeader *cached = cache_take(size)) {
    __builtin_memset(cached + 1, 0, size);
    return finish_block(cached, size, trace, kDefaultAlignShift);
  }
  void *base = __libc_calloc(1, size + kHeaderSize);
  if (TA_UNLIKELY(!base))
    return nullptr;
  return finish_block(base, size, trace, kDefaultAlignShift);
}

// `align` is a power of two above 16 (callers normalise it like glibc).
void *header_memalign_slow(size_t align, size_t size, uint32_t trace);

// Gives the block's memory back: to the thread's cache, or to glibc.
TA_ALWAYS_INLINE void release_block(void *user, BlockHeader *h) {
  if (!cache_keep(h))
    __libc_free(block_base(user, h));
}

// Uncounts a traced block and frees its slot. Inside a traced operation,
// where the trace is read again: clear_traces may have dropped it. The
// header is left as it was: the caller releases or rewrites it.
TA_ALWAYS_INLINE void untrace_in_op(ThreadShard *s, BlockHeader *h) {
  if (uint32_t trace = h->trace)
    count_free(s, trace, h->size());
  // An untraced block has a slot only for the leak check (block_slots.h).
  if (uint32_t slot = h->slot())
    free_slot(s->slots, slot);
}

// Frees a block a snapshot may see (it has a slot): the memory goes back
// inside the traced operation, so no snapshot reads the header of a block
// whose memory is being released.
TA_ALWAYS_INLINE void free_block_under_op(ThreadShard *s, void *user,
                                          BlockHeader *h) {
  begin_traced_op(s);
  untrace_in_op(s, h);
  release_block(user, h);
  end_traced_op(s);
}

// glibc's realloc of a block, header and all: the header moves with it.
// Null when glibc fails; the old block is then untouched.
TA_ALWAYS_INLINE BlockHeader *resize_block(void *user, BlockHeader *h,
                                           size_t size) {
  return static_cast<BlockHeader *>(
      __libc_realloc(block_base(user, h), size + kHeaderSize));
}

TA_ALWAYS_INLINE void header_free(void *user) {
  if (TA_UNLIKELY(!user))
    return;
  BlockHeader *h = header_of(user);
  if (TA_UNLIKELY(h->magic() != kHeaderMagic)) {
    if (h->magic() == kCachedMagic)
      report_double_free(user);
    // Not ours: a block glibc handed out before we could see it.
    __libc_free(user);
    return;
  }
  if (uint32_t trace = h->trace) {
    if (ThreadShard *s = current_shard()) {
      if (TA_LIKELY(!h->slot())) {
        // No snapshot can see this block: nothing to synchronise with.
        count_free(s, trace, h->size());
        release_block(user, h);
        return;
      }
      free_block_under_op(s, user, h);
      return;
    }
  }
  if (TA_UNLIKELY(h->slot()))
    return free_slotted_block(user, h); // leak_check=1 (block_slots.h)
  release_block(user, h);
}

// trace == kKeepTrace: the caller is uninstrumented; the block stays under
// the trace it has.
constexpr uint32_t kKeepTrace = ~0u;
void *header_realloc(void *user, size_t size, uint32_t trace);

size_t header_usable_size(void *user);

} // namespace rt
} // namespace tracealloc

#endif
