//===- peak_lines.cpp - What each line held at the traced-memory peak -----===//
#include "core/peak_lines.h"
#include "core/internal_alloc.h"
#include "core/site_table.h"
#include "core/thread_counters.h"
#include "core/timeline.h"

#include <sched.h>

namespace tracealloc {
namespace rt {

uint64_t g_next_peak_capture;

namespace {

// Guards the copy. Captures only try it: one that finds it taken (another
// thread is copying, or a signal handler interrupted this thread's copy)
// is skipped, as the copy under way is as good.
int g_busy;
PeakLine *g_lines; // g_capacity entries, by site id
uint32_t g_capacity;
uint32_t g_known; // ids 1..g_known are in the copy
uint64_t g_total;
uint64_t g_time_ns;
bool g_captured;

bool try_enter() { return !__atomic_exchange_n(&g_busy, 1, __ATOMIC_ACQUIRE); }
void enter() {
  while (!try_enter())
    sched_yield();
}
void leave() { __atomic_store_n(&g_busy, 0, __ATOMIC_RELEASE); }

bool reserve_unlocked(uint32_t count) {
  if (count + 1 <= g_capacity)
    return true;
  uint32_t grown = g_capacity ? g_capacity : 1024;
  while (grown < count + 1)
    grown *= 2;
  auto *bigger = static_cast<PeakLine *>(internal_realloc(
      g_lines, g_capacity * sizeof(PeakLine), grown * sizeof(PeakLine)));
  if (!bigger)
    return false;
  g_lines = bigger;
  g_capacity = grown;
  return true;
}

void copy_unlocked() {
  uint32_t count = frame_count();
  if (!reserve_unlocked(count))
    return;
  for (uint32_t id = 0; id <= count; ++id)
    g_lines[id] = {};
  // Live = allocated - freed, summed over shards; a shard's frees of
  // another shard's blocks make its own terms negative, the sum is right.
  for_each_shard([&](ThreadShard *s) {
    for_each_site_counters(s, count, [&](uint32_t id, const SiteCounters &c) {
      g_lines[id].bytes +=
          relaxed_load(c.alloc_bytes) - relaxed_load(c.free_bytes);
      g_lines[id].blocks +=
          relaxed_load(c.alloc_blocks) - relaxed_load(c.free_blocks);
    });
  });
  uint64_t total = 0;
  for (uint32_t id = 1; id <= count; ++id)
    total += g_lines[id].bytes;
  g_known = count;
  g_total = total;
  g_time_ns = timeline_now();
  g_captured = true;
  uint64_t step = total / 128;
  relaxed_store(g_next_peak_capture,
                total +
                    (step > kPeakCaptureMinStep ? step : kPeakCaptureMinStep));
  timeline_add(g_time_ns, total);
}

} // namespace

void capture_peak_lines(uint64_t current) {
  if (current < relaxed_load(g_next_peak_capture) || !try_enter())
    return;
  copy_unlocked();
  leave();
}

void capture_peak_lines_now() {
  enter();
  copy_unlocked();
  leave();
}

void refresh_peak_lines() {
  enter();
  if (!g_captured || traced_current() >= g_total)
    copy_unlocked();
  leave();
}

bool read_peak_lines(PeakLine *out, uint32_t count, uint64_t *total,
                     uint64_t *time_ns) {
  enter();
  bool captured = g_captured;
  for (uint32_t id = 0; id <= count; ++id)
    out[id] = captured && id <= g_known ? g_lines[id] : PeakLine{};
  *total = captured ? g_total : 0;
  *time_ns = captured ? g_time_ns : 0;
  leave();
  return captured;
}

void peak_lines_lock_for_fork() { enter(); }
void peak_lines_unlock_after_fork() { leave(); }

} // namespace rt
} // namespace tracealloc
