//===- thread_counters.cpp - Per-site counters, sharded by thread ---------===//
#include "core/thread_counters.h"
#include "core/internal_alloc.h"
#include "core/spin_lock.h"

#include <pthread.h>

namespace tracealloc {
namespace rt {

TA_TLS ThreadShard *tls_shard;
static TA_TLS bool tls_thread_exiting;
bool g_multi_shard;
bool g_runtime_ready;
ThreadShard *g_all_shards;

static unsigned g_counting_shards;
uint64_t g_current;
uint64_t g_peak;

namespace {

SpinLock g_lock; // guards the shard lists
ThreadShard *g_free_shards;
pthread_key_t g_exit_key;
pthread_once_t g_exit_key_once = PTHREAD_ONCE_INIT;
bool g_exit_key_ok;

void release_shard(void *arg) {
  auto *s = static_cast<ThreadShard *>(arg);
  if (g_multi_shard)
    flush_shard_drift(s);
  tls_shard = nullptr;
  tls_thread_exiting = true;
  LockGuard guard(g_lock);
  s->next_free = g_free_shards;
  g_free_shards = s;
}

void create_exit_key() {
  g_exit_key_ok = pthread_key_create(&g_exit_key, release_shard) == 0;
}

ThreadShard *new_shard_locked() {
  auto *s = static_cast<ThreadShard *>(internal_alloc(sizeof(ThreadShard)));
  if (!s)
    return nullptr;
  s->chunks = static_cast<SiteCounters **>(
      internal_alloc(kCounterChunks * sizeof(SiteCounters *)));
  if (!s->chunks) {
    internal_free(s, sizeof(ThreadShard));
    return nullptr;
  }
  s->next_all = g_all_shards;
  __atomic_store_n(&g_all_shards, s, __ATOMIC_RELEASE);
  return s;
}

// The second counting shard: from now on shards publish their drift to
// g_current. What single-shard mode counted was never published (a shard
// that has stopped allocating would never publish it), so publish it all
// now. The single counting shard's owner writes `flushed` only once it sees
// multi-shard mode, which is set after; what it counts meanwhile stays in
// its drift.
void start_multi_shard_mode() {
  for_each_shard([](ThreadShard *shard) {
    uint64_t current = relaxed_load(shard->current);
    uint64_t drift = current - relaxed_load(shard->flushed);
    relaxed_store(shard->flushed, current);
    __atomic_add_fetch(&g_current, drift, __ATOMIC_RELAXED);
  });
  __atomic_store_n(&g_multi_shard, true, __ATOMIC_RELEASE);
}

} // namespace

ThreadShard *acquire_shard_slow() {
  pthread_once(&g_exit_key_once, create_exit_key);
  ThreadShard *s;
  {
    LockGuard guard(g_lock);
    s = g_free_shards;
    if (s)
      g_free_shards = s->next_free;
    else
      s = new_shard_locked();
  }
  if (!s)
    return nullptr;
  tls_shard = s;
  // The key's destructor hands the shard back when the thread exits.
  if (g_exit_key_ok)
    pthread_setspecific(g_exit_key, s);
  return s;
}

ThreadShard *shard_for_untraced_slow() {
  if (tls_thread_exiting || __atomic_load_n(&g_runtime_ready, __ATOMIC_ACQUIRE) == false)
    return nullptr;
  return acquire_shard_slow();
}

SiteCounters *add_counter_chunk_slow(ThreadShard *s, uint32_t id) {
  uint32_t index = id >> kCounterChunkShift;
  if (index >= kCounterChunks)
    return nullptr;
  auto *chunk = static_cast<SiteCounters *>(
      internal_alloc(kCounterChunkSize * sizeof(SiteCounters)));
  if (!chunk)
    return nullptr;
  // A shard's first counter chunk marks it as counting traced memory (many
  // shards only serve untraced threads' block caches). From the second such
  // shard on, no single shard's total is the process's.
  if (!s->counts_traces) {
    s->counts_traces = true;
    if (__atomic_add_fetch(&g_counting_shards, 1, __ATOMIC_RELAXED) == 2)
      start_multi_shard_mode();
  }
  // Readers summing shards may see the chunk as soon as it is published.
  __atomic_store_n(&s->chunks[index], chunk, __ATOMIC_RELEASE);
  return chunk + (id & (kCounterChunkSize - 1));
}

void flush_shard_drift(ThreadShard *s) {
  uint64_t drift = s->current - s->flushed;
  s->flushed = s->current;
  uint64_t now = __atomic_add_fetch(&g_current, drift, __ATOMIC_RELAXED);
#if TRACEALLOC_PEAK_TIMELINE
  if (int64_t(now) >= int64_t(relaxed_load(g_timeline_high)) ||
      int64_t(now) < int64_t(relaxed_load(g_timeline_low)))
    timeline_crossed(int64_t(now) > 0 ? now : 0);
#endif
  if (int64_t(drift) <= 0)
    return;
  uint64_t peak = __atomic_load_n(&g_peak, __ATOMIC_RELAXED);
  while (int64_t(now) > int64_t(peak) &&
         !__atomic_compare_exchange_n(&g_peak, &peak, now, true,
                                      __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
#if TRACEALLOC_PEAK_TIMELINE
  if (int64_t(now) >= int64_t(relaxed_load(g_next_peak_capture)))
    capture_peak_lines(now);
#endif
}

void sum_site_counters(SiteCounters *out, uint32_t count) {
  for_each_shard([&](ThreadShard *s) {
    for_each_site_counters(s, count, [&](uint32_t id, const SiteCounters &c) {
      out[id].alloc_bytes += relaxed_load(c.alloc_bytes);
      out[id].alloc_blocks += relaxed_load(c.alloc_blocks);
      out[id].free_bytes += relaxed_load(c.free_bytes);
      out[id].free_blocks += relaxed_load(c.free_blocks);
    });
  });
}

uint64_t traced_current() {
  uint64_t total = 0;
  for_each_shard([&](ThreadShard *s) { total += relaxed_load(s->current); });
  return total;
}

uint64_t traced_peak() {
  uint64_t peak = relaxed_load(g_peak), now = traced_current();
  return int64_t(now) > int64_t(peak) ? now : peak;
}

void reset_traced_peak() {
  relaxed_store(g_peak, traced_current());
  // The composition now is the new peak's.
  capture_peak_lines_now();
}

void thread_counters_lock_for_fork() { g_lock.lock(); }
void thread_counters_unlock_after_fork() { g_lock.unlock(); }

} // namespace rt
} // namespace tracealloc
