//===- thread_stop.h - Stopping the other threads for the leak check ------===//
//
// Other threads may still run at exit, and their stacks and registers hold
// references. LeakSanitizer stops them with ptrace from a helper process;
// we signal each one (a real-time signal, SIGRTMAX - 2) and its handler
// saves the interrupted registers, stack pointer and thread pointer, then
// waits until the check is done. The signal frame lies on the thread's own
// stack, below the interrupted stack pointer.
//
// A thread that blocks the signal, or does not answer within a second,
// is not stopped; its stack pointer is read from /proc/self/task/TID/syscall
// when it is blocked in a system call, and its registers are not seen.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_THREAD_STOP_H
#define TRACEALLOC_RUNTIME_LEAK_THREAD_STOP_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

constexpr int kSavedRegisters = 23; // NGREG on x86-64

enum ThreadState : int {
  kThreadSignalled = 0,
  kThreadStopped = 1, // sp, tp and regs are valid
  kThreadBlocked = 2, // not stopped: only sp is known
  kThreadUnknown = 3, // not stopped and sp unknown (or the thread is gone)
};

struct ThreadRecord {
  int tid;
  int state; // ThreadState
  uintptr_t sp;
  uintptr_t tp; // the thread pointer (its TCB); 0 when unknown
  uintptr_t regs[kSavedRegisters];
};

// The calling thread's thread pointer (its TCB).
TA_ALWAYS_INLINE uintptr_t current_thread_pointer() {
  uintptr_t tp = 0;
#if defined(__x86_64__)
  __asm__("mov %%fs:0, %0" : "=r"(tp));
#endif
  return tp;
}

// Whether threads can be stopped on this architecture (x86-64 only).
bool can_stop_threads();

// Stops every other thread of the process and returns their records (*count
// of them; *missed more threads had no room for a record). Only system
// calls run while threads are stopped: no lock that a stopped thread may
// hold is taken. The records stay valid until resume_threads(). Null
// (nothing stopped) when out of memory.
ThreadRecord *stop_other_threads(int self_tid, size_t *count, size_t *missed);
// Lets the stopped threads go and restores the signal's previous action.
void resume_threads();

} // namespace rt
} // namespace tracealloc

#endif
