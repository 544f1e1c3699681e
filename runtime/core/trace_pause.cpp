//===- trace_pause.cpp - Stopping traced operations for a consistent view -===//
#include "core/trace_pause.h"
#include "core/spin_lock.h"

#include <linux/membarrier.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {

bool g_pause_requested;
// Until init_trace_pause() knows membarrier works, be safe.
bool g_pause_needs_fence = true;

namespace {

SpinLock g_pauser_lock; // one pauser at a time

bool membarrier(int command) {
  return syscall(__NR_membarrier, command, 0, 0) == 0;
}

} // namespace

void init_trace_pause() {
  if (membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED))
    relaxed_store(g_pause_needs_fence, false);
}

void wait_for_pause_end(ThreadShard *s) {
  do {
    __atomic_store_n(&s->busy, false, __ATOMIC_RELEASE);
    while (__atomic_load_n(&g_pause_requested, __ATOMIC_ACQUIRE))
      sched_yield();
    relaxed_store(s->busy, true);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
  } while (relaxed_load(g_pause_requested));
}

namespace {

void begin_pause() {
  g_pauser_lock.lock();
  __atomic_store_n(&g_pause_requested, true, __ATOMIC_SEQ_CST);
  // Every thread now either sees the request before its next operation or
  // has its busy flag visible to us.
  if (relaxed_load(g_pause_needs_fence) ||
      !membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED))
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
  for_each_shard([](ThreadShard *s) {
    while (__atomic_load_n(&s->busy, __ATOMIC_ACQUIRE))
      sched_yield();
  });
}

void end_pause() {
  __atomic_store_n(&g_pause_requested, false, __ATOMIC_RELEASE);
  g_pauser_lock.unlock();
}

} // namespace

TracePause::TracePause() { begin_pause(); }
TracePause::~TracePause() { end_pause(); }

void trace_pause_lock_for_fork() { begin_pause(); }
void trace_pause_unlock_after_fork() { end_pause(); }

} // namespace rt
} // namespace tracealloc
