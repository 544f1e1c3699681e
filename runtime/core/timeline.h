//===- timeline.h - Traced memory over time, in a bounded buffer ----------===//
//
// A sample (time, traced bytes) is taken when traced memory has moved by
// the current step since the last sample, up or down: the hot path compares
// the shard's total against two bounds (g_timeline_low, g_timeline_high)
// and reads no clock. With several counting threads the check runs where a
// shard publishes its 64 KiB drift. The step is max(4 KiB, peak / 256), so
// a wave smaller than 1/256 of the plot's height is not sampled at all.
// Every peak copy (peak_lines.h) adds a sample too, so the peak is on it.
//
// The buffer holds kTimelineCapacity samples. When it is full, the first
// sample stays and pairs of neighbours become one (the larger, so peaks
// survive), and samples closer in time than the new average spacing are
// dropped from then on: the timeline covers the whole run at a resolution
// that halves each time.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_TIMELINE_H
#define TRACEALLOC_RUNTIME_TIMELINE_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

constexpr uint32_t kTimelineCapacity = 4096;
constexpr uint64_t kTimelineMinStep = 4096;

struct TimelineSample {
  uint64_t time_ns;
  uint64_t current;
};

// Traced memory outside [low, high) is due a sample.
extern uint64_t g_timeline_low;
extern uint64_t g_timeline_high;

// Nanoseconds since the runtime started (CLOCK_MONOTONIC).
uint64_t timeline_now();
// Sets the origin of time and takes the first sample; the runtime's
// constructor calls it.
void start_timeline();
// Traced memory is `current`, outside the bounds: record it (skipped when
// another thread is recording).
TA_NOINLINE void timeline_crossed(uint64_t current);
// A sample that is always kept (a new peak), at `time_ns`.
void timeline_add(uint64_t time_ns, uint64_t current);

// Copies up to `max` samples, oldest first, into `out`; returns how many.
uint32_t read_timeline(TimelineSample *out, uint32_t max);

void timeline_lock_for_fork();
void timeline_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
