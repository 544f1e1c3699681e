//===- timeline.cpp - Traced memory over time, in a bounded buffer --------===//
#include "core/timeline.h"
#include "core/thread_counters.h"

#include <sched.h>
#include <time.h>

namespace tracealloc {
namespace rt {

uint64_t g_timeline_low;
uint64_t g_timeline_high = kTimelineMinStep;

namespace {

// Guards the buffer. Writers only try it: a sample that finds it taken
// (another thread, or a signal handler on this one) is skipped.
int g_busy;
uint64_t g_origin_ns;
TimelineSample g_samples[kTimelineCapacity];
uint32_t g_count;
// Samples closer than this to the previous one are dropped (0 until the
// buffer first fills).
uint64_t g_min_interval_ns;

bool try_enter() { return !__atomic_exchange_n(&g_busy, 1, __ATOMIC_ACQUIRE); }
void enter() {
  while (!try_enter())
    sched_yield();
}
void leave() { __atomic_store_n(&g_busy, 0, __ATOMIC_RELEASE); }

uint64_t monotonic_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}

void set_bounds_unlocked(uint64_t current) {
  uint64_t step = relaxed_load(g_peak) / 256;
  if (step < kTimelineMinStep)
    step = kTimelineMinStep;
  relaxed_store(g_timeline_low, current > step ? current - step : 0);
  relaxed_store(g_timeline_high, current + step);
}

// Halves the buffer: the first sample (the start) stays, then each pair of
// neighbours keeps its larger sample.
void compact_unlocked() {
  uint32_t kept = 1;
  for (uint32_t i = 1; i + 1 < g_count; i += 2)
    g_samples[kept++] = g_samples[i].current >= g_samples[i + 1].current
                            ? g_samples[i]
                            : g_samples[i + 1];
  if (g_count % 2 == 0)
    g_samples[kept++] = g_samples[g_count - 1];
  g_count = kept;
  uint64_t span = g_samples[kept - 1].time_ns - g_samples[0].time_ns;
  g_min_interval_ns = span / kept;
}

void append_unlocked(uint64_t time_ns, uint64_t current, bool always) {
  if (g_count) {
    TimelineSample &last = g_samples[g_count - 1];
    if (!always && time_ns - last.time_ns < g_min_interval_ns)
      return;
    if (time_ns < last.time_ns)
      time_ns = last.time_ns; // another thread's clock read raced ours
  }
  if (g_count == kTimelineCapacity)
    compact_unlocked();
  g_samples[g_count++] = {time_ns, current};
}

} // namespace

uint64_t timeline_now() {
  uint64_t origin = relaxed_load(g_origin_ns);
  uint64_t now = monotonic_ns();
  return origin && now > origin ? now - origin : 0;
}

void start_timeline() {
  relaxed_store(g_origin_ns, monotonic_ns());
  enter();
  // Samples of allocations before the constructor (time 0) stay first.
  uint64_t current = traced_current();
  append_unlocked(0, current, true);
  set_bounds_unlocked(current);
  leave();
}

void timeline_crossed(uint64_t current) {
  if (!try_enter())
    return;
  append_unlocked(timeline_now(), current, false);
  set_bounds_unlocked(current);
  leave();
}

void timeline_add(uint64_t time_ns, uint64_t current) {
  if (!try_enter())
    return;
  append_unlocked(time_ns, current, true);
  set_bounds_unlocked(current);
  leave();
}

uint32_t read_timeline(TimelineSample *out, uint32_t max) {
  enter();
  uint32_t n = g_count < max ? g_count : max;
  for (uint32_t i = 0; i < n; ++i)
    out[i] = g_samples[i];
  leave();
  return n;
}

void timeline_lock_for_fork() { enter(); }
void timeline_unlock_after_fork() { leave(); }

} // namespace rt
} // namespace tracealloc
