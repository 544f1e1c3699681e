//===- thread_counters.h - Per-site counters, sharded by thread -----------===//
//
// Each thread counts into its own shard, so the hot path has no atomic
// read-modify-write and no shared cache line: a thread that frees another
// thread's block counts the free in its own shard, and a site's totals are
// the sums over all shards. A shard outlives its thread: it goes back to a
// free list and the next new thread takes it over, counts and all.
//
// Peak: while a single shard counts traces, its own `current` is the
// process's traced memory and the peak is exact. From the second on, each shard
// publishes its drift to a global sum whenever it exceeds kPeakFlushBytes,
// so the peak is exact to within (live threads x kPeakFlushBytes).
// Where the peak grows past a threshold, the per-line counters are copied
// (peak_lines.h); where traced memory moves by a step, the timeline takes a
// sample (timeline.h): in single-shard mode on the hot path (one compare
// each), in multi-shard mode where a shard publishes its drift.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_THREAD_COUNTERS_H
#define TRACEALLOC_RUNTIME_THREAD_COUNTERS_H

#include "core/block_cache.h"
#include "core/common.h"
#include "core/live_slots.h"
#include "core/peak_lines.h"
#include "core/timeline.h"

// 0 compiles out the peak-per-line and timeline hooks (CMake option
// TRACEALLOC_PEAK_TIMELINE=OFF), to measure the core alone in bench/.
#ifndef TRACEALLOC_PEAK_TIMELINE
#define TRACEALLOC_PEAK_TIMELINE 1
#endif

namespace tracealloc {
namespace rt {

struct SiteCounters {
  uint64_t alloc_bytes;
  uint64_t alloc_blocks;
  uint64_t free_bytes;
  uint64_t free_blocks;
};

constexpr uint32_t kCounterChunkShift = 10; // 1024 sites, 32 KiB
constexpr uint32_t kCounterChunkSize = 1u << kCounterChunkShift;
constexpr uint32_t kCounterChunks = 1u << 14; // ids below 16 M
constexpr uint64_t kPeakFlushBytes = 64 * 1024;

struct ThreadShard {
  SiteCounters **chunks; // kCounterChunks entries, filled on demand
  uint64_t current;      // traced bytes allocated minus freed by this shard
  uint64_t flushed;      // the part of `current` added to g_current
  ThreadShard *next_all;
  ThreadShard *next_free;
  bool counts_traces;
  bool busy; // in a traced operation (trace_pause.h)
  SlotFreeList slots;
  BlockCache cache;
};

extern TA_TLS ThreadShard *tls_shard;
extern bool g_multi_shard;    // set once a second shard counts traces
extern bool g_runtime_ready;  // set at the end of the runtime's constructor
extern uint64_t g_current;    // sum of flushed drifts (multi-shard mode)
extern uint64_t g_peak;

ThreadShard *acquire_shard_slow();
// A shard for a thread that so far only made untraced allocations (for its
// block cache): null before the runtime's constructor has run (glibc may
// not be ready for pthread keys yet) and once the thread has begun to exit
// (its shard went back to the free list, and none may leak).
ThreadShard *shard_for_untraced_slow();
SiteCounters *add_counter_chunk_slow(ThreadShard *s, uint32_t id);
void flush_shard_drift(ThreadShard *s);

TA_ALWAYS_INLINE SiteCounters *site_counters(ThreadShard *s, uint32_t id) {
  SiteCounters *chunk = s->chunks[id >> kCounterChunkShift];
  if (TA_UNLIKELY(!chunk))
    return add_counter_chunk_slow(s, id);
  return chunk + (id & (kCounterChunkSize - 1));
}

// Acquire (a plain load on x86): the shard's `flushed`, set by the thread
// that started multi-shard mode, is then this thread's to update.
TA_ALWAYS_INLINE bool multi_shard_mode() {
  return __atomic_load_n(&g_multi_shard, __ATOMIC_ACQUIRE);
}

TA_ALWAYS_INLINE ThreadShard *current_shard() {
  ThreadShard *s = tls_shard;
  return TA_LIKELY(s) ? s : acquire_shard_slow();
}

TA_ALWAYS_INLINE void count_alloc(ThreadShard *s, uint32_t trace,
                                  uint64_t size) {
  SiteCounters *c = site_counters(s, trace);
  if (TA_UNLIKELY(!c))
    return;
  owner_add(c->alloc_bytes, size);
  owner_add(c->alloc_blocks, 1);
  owner_add(s->current, size);
  if (TA_LIKELY(!multi_shard_mode())) {
    if (s->current > relaxed_load(g_peak)) {
      relaxed_store(g_peak, s->current);
#if TRACEALLOC_PEAK_TIMELINE
      if (TA_UNLIKELY(s->current >= relaxed_load(g_next_peak_capture)))
        capture_peak_lines(s->current);
#endif
    }
#if TRACEALLOC_PEAK_TIMELINE
    if (TA_UNLIKELY(s->current >= relaxed_load(g_timeline_high)))
      timeline_crossed(s->current);
#endif
  } else if (int64_t(s->current - s->flushed) >= int64_t(kPeakFlushBytes)) {
    flush_shard_drift(s);
  }
}

TA_ALWAYS_INLINE void count_free(ThreadShard *s, uint32_t trace,
                                 uint64_t size) {
  SiteCounters *c = site_counters(s, trace);
  if (TA_UNLIKELY(!c))
    return;
  owner_add(c->free_bytes, size);
  owner_add(c->free_blocks, 1);
  owner_add(s->current, -size);
  if (TA_LIKELY(!multi_shard_mode())) {
#if TRACEALLOC_PEAK_TIMELINE
    if (TA_UNLIKELY(s->current < relaxed_load(g_timeline_low)))
      timeline_crossed(s->current);
#endif
  } else if (int64_t(s->flushed - s->current) >= int64_t(kPeakFlushBytes)) {
    flush_shard_drift(s);
  }
}

extern ThreadShard *g_all_shards;

// Calls visit(shard) for every shard, live or free.
template <typename Visit> void for_each_shard(Visit visit) {
  for (ThreadShard *s = __atomic_load_n(&g_all_shards, __ATOMIC_ACQUIRE); s;
       s = s->next_all)
    visit(s);
}

// Calls visit(id, counters) for the ids 0..count that shard `s` has
// counters for (its chunks, acquired as add_counter_chunk_slow published
// them).
template <typename Visit>
void for_each_site_counters(ThreadShard *s, uint32_t count, Visit visit) {
  for (uint32_t index = 0; index <= (count >> kCounterChunkShift); ++index) {
    SiteCounters *chunk = __atomic_load_n(&s->chunks[index], __ATOMIC_ACQUIRE);
    if (!chunk)
      continue;
    uint32_t first = index << kCounterChunkShift;
    for (uint32_t i = 0; i < kCounterChunkSize; ++i) {
      uint32_t id = first + i;
      if (id > count)
        break;
      visit(id, chunk[i]);
    }
  }
}

// Totals over every shard, for ids 1..count (out has count + 1 entries).
void sum_site_counters(SiteCounters *out, uint32_t count);
// Traced bytes in use now, summed over shards; and the peak so far.
uint64_t traced_current();
uint64_t traced_peak();
void reset_traced_peak();

void thread_counters_lock_for_fork();
void thread_counters_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
