//===- thread_stop.cpp - Stopping the other threads for the leak check ----===//
#include "leak/thread_stop.h"
#include "leak/proc_files.h"
#include "leak/scratch_array.h"

#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {

namespace {

// Threads beyond this many are not stopped (a warning says so).
constexpr size_t kMaxThreads = 8192;
// A thread caught in the handler's capture when the checker gave up on it.
constexpr int kThreadCapturing = 4;

ThreadRecord *g_records; // kMaxThreads entries, mapped once, never unmapped
size_t g_record_count;
int g_resume; // futex word: 1 once the check is over
bool g_restore_action;
struct sigaction g_old_action;

int stop_signal() { return SIGRTMAX - 2; }

long futex(int *word, int op, int value) {
  return syscall(SYS_futex, word, op, value, nullptr, nullptr, 0);
}

void on_stop_signal(int, siginfo_t *, void *context) {
  int saved_errno = errno;
  int tid = static_cast<int>(syscall(SYS_gettid));
  size_t n = __atomic_load_n(&g_record_count, __ATOMIC_ACQUIRE);
  for (size_t i = 0; i < n; ++i) {
    ThreadRecord &r = g_records[i];
    if (r.tid != tid)
      continue;
    int expected = kThreadSignalled;
    if (!__atomic_compare_exchange_n(&r.state, &expected, kThreadCapturing,
                                     false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
      break; // the checker gave up on this thread
#if defined(__x86_64__)
    const auto *uc = static_cast<const ucontext_t *>(context);
    for (int k = 0; k < kSavedRegisters; ++k)
      r.regs[k] = static_cast<uintptr_t>(uc->uc_mcontext.gregs[k]);
    r.sp = static_cast<uintptr_t>(uc->uc_mcontext.gregs[REG_RSP]);
    __asm__ volatile("mov %%fs:0, %0" : "=r"(r.tp));
#endif
    __atomic_store_n(&r.state, kThreadStopped, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&g_resume, __ATOMIC_ACQUIRE))
      futex(&g_resume, FUTEX_WAIT_PRIVATE, 0);
    break;
  }
  errno = saved_errno;
}

uint64_t now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}

// Whether `tid` blocks the stop signal (its SigBlk mask in
// /proc/self/task/TID/status).
bool blocks_stop_signal(int tid) {
  char path[64], text[4096];
  task_file_path(path, sizeof path, tid, "status");
  size_t n = read_small_file(path, text, sizeof text);
  const char *line = find_line(text, n, "SigBlk:");
  if (!line)
    return false;
  uint64_t mask = parse_hex(line + 7);
  return mask >> (stop_signal() - 1) & 1;
}

// The stack pointer of a thread that did not answer, from
// /proc/self/task/TID/syscall ("NR args... SP PC", or "-1 SP PC" when
// blocked outside a system call, or "running").
void read_blocked_sp(ThreadRecord &r) {
  char path[64], text[512];
  task_file_path(path, sizeof path, r.tid, "syscall");
  size_t n = read_small_file(path, text, sizeof text);
  const char *tokens[16];
  size_t count = split_words(text, n, tokens, 16);
  if (count >= 3 && tokens[0][0] != 'r') {
    r.sp = parse_hex(tokens[count - 2]);
    r.state = r.sp ? kThreadBlocked : kThreadUnknown;
  } else {
    r.state = kThreadUnknown;
  }
}

bool known(int tid) {
  for (size_t i = 0; i < g_record_count; ++i)
    if (g_records[i].tid == tid)
      return true;
  return false;
}

// Signals every thread not seen yet; returns how many were new.
size_t signal_new_threads(int self_tid, size_t *missed) {
  size_t added = 0;
  for_each_task([&](int tid) {
    if (tid == self_tid || known(tid))
      return;
    if (g_record_count == kMaxThreads) {
      ++*missed;
      return;
    }
    ThreadRecord &r = g_records[g_record_count];
    r = ThreadRecord();
    r.tid = tid;
    r.state = kThreadSignalled;
    bool blocked = blocks_stop_signal(tid);
    if (blocked)
      r.state = kThreadUnknown;
    __atomic_store_n(&g_record_count, g_record_count + 1, __ATOMIC_RELEASE);
    ++added;
    if (blocked) {
      read_blocked_sp(r);
      return;
    }
    if (syscall(SYS_tgkill, getpid(), tid, stop_signal()) != 0)
      r.state = kThreadUnknown; // gone meanwhile
  });
  return added;
}

void wait_for_answers(uint64_t deadline) {
  for (size_t i = 0; i < g_record_count; ++i) {
    ThreadRecord &r = g_records[i];
    while (__atomic_load_n(&r.state, __ATOMIC_ACQUIRE) == kThreadSignalled &&
           now_ns() < deadline)
      sched_yield();
    int expected = kThreadSignalled;
    if (__atomic_compare_exchange_n(&r.state, &expected, kThreadUnknown, false,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
      read_blocked_sp(r);
      g_restore_action = false; // its signal may still come
      continue;
    }
    while (__atomic_load_n(&r.state, __ATOMIC_ACQUIRE) == kThreadCapturing)
      sched_yield();
  }
}

} // namespace

bool can_stop_threads() {
#if defined(__x86_64__)
  return true;
#else
  return false;
#endif
}

ThreadRecord *stop_other_threads(int self_tid, size_t *count, size_t *missed) {
  *count = 0;
  *missed = 0;
  if (!g_records) {
    g_records = static_cast<ThreadRecord *>(
        map_pages(kMaxThreads * sizeof(ThreadRecord)));
    if (!g_records)
      return nullptr;
  }
  g_record_count = 0;
  __atomic_store_n(&g_resume, 0, __ATOMIC_RELEASE);
  g_restore_action = true;
  struct sigaction action = {};
  action.sa_sigaction = on_stop_signal;
  action.sa_flags = SA_SIGINFO | SA_RESTART;
  // Nothing else runs on a stopped thread until the check is over.
  sigfillset(&action.sa_mask);
  if (sigaction(stop_signal(), &action, &g_old_action) != 0)
    return nullptr;
  // A thread may start another before it is stopped: list the threads
  // again until a pass finds no new one.
  uint64_t deadline = now_ns() + 1000000000u;
  for (int pass = 0; pass < 64; ++pass) {
    *missed = 0; // counted again in each pass
    if (!signal_new_threads(self_tid, missed))
      break;
    wait_for_answers(deadline);
  }
  *count = g_record_count;
  return g_records;
}

void resume_threads() {
  __atomic_store_n(&g_resume, 1, __ATOMIC_RELEASE);
  futex(&g_resume, FUTEX_WAKE_PRIVATE, 0x7fffffff);
  // A thread that never answered may still get the signal: the handler
  // (which now returns at once) stays then, as the default action of a
  // real-time signal is to end the process.
  if (g_restore_action)
    sigaction(stop_signal(), &g_old_action, nullptr);
}

} // namespace rt
} // namespace tracealloc
