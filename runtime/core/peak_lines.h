//===- peak_lines.h - What each line held at the traced-memory peak -------===//
//
// Without an event log, the composition of the peak is kept by copying the
// per-site live counters (allocated minus freed, summed over shards) each
// time the peak has grown past a threshold since the last copy:
//
//   next = captured + max(captured / 128, kPeakCaptureMinStep)
//
// so a copy is the exact per-site composition of an instant whose traced
// memory was a new high, at most max(peak / 128, 256 B) below the final
// peak (with one counting thread; with several, where the peak itself is
// only known to within live threads x 64 KiB, add that). The number of
// copies is logarithmic in the peak (about 128 x ln(peak / 32 KiB) past
// the first 32 KiB), each costs one pass over the sites of every shard.
// Also copied: when the peak is reset (reset_peak, clear_traces), and at
// exit or a snapshot when memory in use is at least what the last copy held.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_PEAK_LINES_H
#define TRACEALLOC_RUNTIME_PEAK_LINES_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

constexpr uint64_t kPeakCaptureMinStep = 256;

// What one site (trace id) held at the captured peak.
struct PeakLine {
  uint64_t bytes;
  uint64_t blocks;
};

// Traced memory at which the next copy is due; read on the hot path only
// when the peak grows.
extern uint64_t g_next_peak_capture;

// The peak grew to `current` >= g_next_peak_capture: copy the counters
// (skipped if another copy is running, on this thread or another).
TA_NOINLINE void capture_peak_lines(uint64_t current);
// Copies the counters now, whatever the threshold: the peak was reset, or
// the caller knows memory in use is at least the captured peak.
void capture_peak_lines_now();
// capture_peak_lines_now() if traced memory now is at least what the last
// copy held (at exit, before a snapshot): the current state is then the
// best known peak.
void refresh_peak_lines();

// The last copy: out[id] for ids 1..count (out has count + 1 entries, ids
// the copy did not know are zero); *total and *time_ns get the traced bytes
// and the time of the copy (timeline.h's clock). False if no copy was
// made yet.
bool read_peak_lines(PeakLine *out, uint32_t count, uint64_t *total,
                     uint64_t *time_ns);

void peak_lines_lock_for_fork();
void peak_lines_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
