//===- trace_pause.h - Stopping traced operations for a consistent view ---===//
//
// A snapshot must see one instant's traces, and must never read the header
// of a block that another thread is freeing (its memory may be unmapped).
// So each traced allocation or free runs as an "operation" flagged busy in
// its thread's shard, and a pauser (a snapshot, clear_traces) raises a
// global flag and waits until no shard is busy; operations that start
// meanwhile wait for the pause to end.
//
// The hot path pays two stores to its own shard and one load of a global:
// no fence. The store-load ordering that such a handshake needs is forced,
// on the pauser's side only, by membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED),
// which runs a full barrier on every thread of the process. Without
// membarrier (old kernels) the hot path falls back to a real fence.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_TRACE_PAUSE_H
#define TRACEALLOC_RUNTIME_TRACE_PAUSE_H

#include "core/thread_counters.h"

namespace tracealloc {
namespace rt {

extern bool g_pause_requested;
extern bool g_pause_needs_fence;

void wait_for_pause_end(ThreadShard *s);

TA_ALWAYS_INLINE void begin_traced_op(ThreadShard *s) {
  relaxed_store(s->busy, true);
  if (TA_UNLIKELY(g_pause_needs_fence))
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
  else
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
  if (TA_UNLIKELY(relaxed_load(g_pause_requested)))
    wait_for_pause_end(s);
}

TA_ALWAYS_INLINE void end_traced_op(ThreadShard *s) {
  __atomic_store_n(&s->busy, false, __ATOMIC_RELEASE);
}

// Registers for membarrier; called once at startup.
void init_trace_pause();

// While one exists, no traced operation runs in any thread. Must not be
// created by a thread inside a traced operation, nor make traced
// allocations itself.
class TracePause {
public:
  TracePause();
  ~TracePause();
  TracePause(const TracePause &) = delete;
  TracePause &operator=(const TracePause &) = delete;
};

// fork() is a pause too: a thread caught half-way through a traced operation
// would leave the child a table naming a block whose header is not written
// yet, or one that glibc has already moved.
void trace_pause_lock_for_fork();
void trace_pause_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
