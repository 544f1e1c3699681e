//===- spin_lock.h - The runtime's lock -----------------------------------===//
//
// A test-and-test-and-set lock: never allocates, has no destructor, and can
// be held across fork() by the atfork handlers (init.cpp). Every lock in
// the runtime guards a slow path only.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_SPIN_LOCK_H
#define TRACEALLOC_RUNTIME_SPIN_LOCK_H

#include "core/common.h"

#include <sched.h>

namespace tracealloc {
namespace rt {

class SpinLock {
public:
  void lock() {
    for (unsigned spins = 0;; ++spins) {
      if (!__atomic_exchange_n(&held_, 1, __ATOMIC_ACQUIRE))
        return;
      while (__atomic_load_n(&held_, __ATOMIC_RELAXED)) {
        if (++spins > 64)
          sched_yield();
        else
          __builtin_ia32_pause();
      }
    }
  }
  void unlock() { __atomic_store_n(&held_, 0, __ATOMIC_RELEASE); }

private:
  int held_ = 0;
};

class LockGuard {
public:
  explicit LockGuard(SpinLock &l) : lock_(l) { lock_.lock(); }
  ~LockGuard() { lock_.unlock(); }
  LockGuard(const LockGuard &) = delete;
  LockGuard &operator=(const LockGuard &) = delete;

private:
  SpinLock &lock_;
};

} // namespace rt
} // namespace tracealloc

#endif
