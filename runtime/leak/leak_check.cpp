//===- leak_check.cpp - LeakSanitizer's check at exit, on our live blocks -===//
#include "leak/leak_check.h"
#include "core/diagnostics.h"
#include "core/live_traces.h"
#include "core/options.h"
#include "core/trace_pause.h"
#include "leak/block_slots.h"
#include "leak/exit_frame.h"
#include "leak/leak_report.h"
#include "leak/proc_files.h"
#include "leak/reachability.h"
#include "leak/root_regions.h"
#include "leak/suppressions.h"
#include "leak/thread_stop.h"
#include "report/size_format.h"
#include "report/text_writer.h"

#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {

namespace {

bool g_enabled;            // leak_check=1 and the check can run
const char *g_skip_reason; // leak_check=1 but it cannot
bool g_ran;
LiveBlock *g_verdicts; // sorted by address, for the life of the process
size_t g_verdict_count;
LeakSummary g_summary;
Suppressions g_suppressions;

// Scans every root; the other threads are stopped, traced operations
// paused. `self` is the calling thread.
void scan_roots(BlockGraph &graph, const ScratchArray<Range> &globals,
                const ScratchArray<Mapping> &maps, const ThreadRecord &self,
                const ThreadRecord *others, size_t num_others,
                size_t *not_stopped) {
  for (size_t i = 0; i < globals.size(); ++i)
    for_each_readable_part(maps, globals[i].begin, globals[i].end,
                           [&](uintptr_t b, uintptr_t e) {
                             graph.scan_root(b, e, globals[i].allocator);
                           });
  ScratchArray<Range> ranges;
  auto scan_thread = [&](const ThreadRecord &t, bool is_self) {
    if (t.state == kThreadStopped) {
      auto regs = reinterpret_cast<uintptr_t>(t.regs);
      graph.scan_root(regs, regs + sizeof t.regs);
    } else {
      ++*not_stopped;
    }
    ranges.clear();
    collect_thread_ranges(t, is_self, maps, ranges);
    for (size_t i = 0; i < ranges.size(); ++i)
      graph.scan_root(ranges[i].begin, ranges[i].end);
  };
  scan_thread(self, true);
  for (size_t i = 0; i < num_others; ++i)
    scan_thread(others[i], false);
}

// The check itself; false when out of memory. `self` has the calling
// thread's registers and the stack pointer of run_leak_check's caller.
bool classify_blocks(ThreadRecord &self, size_t *not_stopped) {
  ScratchArray<Range> globals;
  ScratchArray<Mapping> maps;
  BlockGraph graph;
  // The loader's lock: taken before any thread is stopped.
  if (!collect_global_ranges(globals))
    return false;
  int self_tid = static_cast<int>(syscall(SYS_gettid));
  self.tid = self_tid;
  bool ok;
  {
    TracePause pause;
    size_t num_others = 0, missed = 0;
    ThreadRecord *others = stop_other_threads(self_tid, &num_others, &missed);
    *not_stopped += missed;
    ok = others && read_mappings(maps) && graph.build();
    ExitFrame exit_frame;
    if (ok && find_exit_frame(self.sp, maps, &exit_frame)) {
      // The registers at run_leak_check() are exit()'s callees' then.
      self.sp = exit_frame.sp;
      for (uintptr_t &reg : self.regs)
        reg = 0;
      graph.scan_root(exit_frame.saved_begin, exit_frame.saved_end);
    }
    if (ok) {
      scan_roots(graph, globals, maps, self, others, num_others, not_stopped);
      graph.finish();
    }
    resume_threads();
  }
  if (!ok)
    return false;
  g_verdict_count = graph.size();
  __atomic_store_n(&g_verdicts, graph.release(), __ATOMIC_RELEASE);
  return true;
}

} // namespace

void init_leak_check(bool header_mode) {
  if (!g_options.leak_check)
    return;
  if (!header_mode) {
    g_skip_reason = "leak checking needs header mode, and another allocator "
                    "owns malloc here (a sanitizer, or the program's own)";
    warn("%s: leak_check=1 is ignored", g_skip_reason);
    return;
  }
  if (!can_stop_threads()) {
    g_skip_reason = "leak checking is not supported on this architecture";
    warn("%s: leak_check=1 is ignored", g_skip_reason);
    return;
  }
  init_root_regions();
  init_exit_frame();
  keep_traces();
  relaxed_store(g_slot_untraced, true);
  g_enabled = true;
}

// x86-64's callee-saved registers: rbx, rbp, r12-r15.
constexpr int kCalleeSavedRegisters = 6;

// run_leak_check's body. `saved` holds the callee-saved registers as the
// caller had them, `caller_sp` the caller's stack pointer: the calling
// thread's stack is scanned from there up, so the check's own frames (and
// the stale data in their uninitialised parts) are not roots; from exit()'s
// caller up when the unwinder finds it (exit_frame.h).
extern "C" __attribute__((used, visibility("hidden"))) void
tracealloc_leak_check_from(const uintptr_t *saved, uintptr_t caller_sp) {
  if (!g_enabled)
    return;
  int saved_errno = errno;
  ThreadRecord self = {};
  self.state = kThreadStopped;
  self.tp = current_thread_pointer();
  self.sp = caller_sp;
  for (int i = 0; i < kCalleeSavedRegisters; ++i)
    self.regs[i] = saved[i];
  size_t not_stopped = 0;
  if (!classify_blocks(self, &not_stopped)) {
    error("out of memory in the leak check; no leaks are reported");
    errno = saved_errno;
    return;
  }
  if (not_stopped)
    warn("leak check: %zu thread%s could not be stopped (the stop signal "
         "blocked, or no answer); their registers were not scanned",
         not_stopped, not_stopped == 1 ? "" : "s");
  g_suppressions.load(g_options.suppressions);
  if (!summarize_leaks(g_verdicts, g_verdict_count, g_suppressions,
                       &g_summary)) {
    error("out of memory in the leak check; no leaks are reported");
    errno = saved_errno;
    return;
  }
  g_ran = true;
  if (!g_options.report) {
    TextWriter out(2);
    write_leak_report(out, g_summary, g_suppressions);
  }
  errno = saved_errno;
}

#if defined(__x86_64__)
// Saves rbx, rbp, r12-r15 before any prologue can spill and reuse them.
__attribute__((naked)) void run_leak_check() {
  __asm__("sub $56, %rsp\n\t"
          ".cfi_adjust_cfa_offset 56\n\t"
          "mov %rbx, 0(%rsp)\n\t"
          "mov %rbp, 8(%rsp)\n\t"
          "mov %r12, 16(%rsp)\n\t"
          "mov %r13, 24(%rsp)\n\t"
          "mov %r14, 32(%rsp)\n\t"
          "mov %r15, 40(%rsp)\n\t"
          "mov %rsp, %rdi\n\t"
          "lea 64(%rsp), %rsi\n\t"
          "call tracealloc_leak_check_from\n\t"
          "add $56, %rsp\n\t"
          ".cfi_adjust_cfa_offset -56\n\t"
          "ret");
}
#else
void run_leak_check() {}
#endif

void write_leak_section(TextWriter &out) {
  if (g_skip_reason) {
    out.print("\nLeaks: not checked (%s)\n", g_skip_reason);
    return;
  }
  if (!g_ran)
    return;
  out.print("\n");
  write_leak_report(out, g_summary, g_suppressions);
}

void finish_leak_check() {
  // exitcode=0: report the leaks, keep the program's own exit code.
  if (!g_ran || !g_summary.leaked.blocks || !g_options.exitcode)
    return;
  int code = static_cast<int>(g_options.exitcode & 0xff);
  char size[32];
  error("%llu leaked block%s (%s); exiting with code %d (leak_check=1)",
        static_cast<unsigned long long>(g_summary.leaked.blocks),
        g_summary.leaked.blocks == 1 ? "" : "s",
        format_size(size, sizeof size, double(g_summary.leaked.bytes), false),
        code);
  // _exit skips exit()'s flush of stdio. A stream another thread holds
  // (blocked in a write) is left alone rather than waited for.
  bool all = true;
  FILE *streams[] = {stdout, stderr};
  for (FILE *f : streams) {
    if (ftrylockfile(f) == 0) {
      fflush_unlocked(f);
      funlockfile(f);
    } else {
      all = false;
    }
  }
  if (all)
    fflush(nullptr);
  _exit(code);
}

uint8_t leak_verdict(uint64_t address) {
  const LiveBlock *blocks = __atomic_load_n(&g_verdicts, __ATOMIC_ACQUIRE);
  if (!blocks)
    return kVerdictUnknown;
  const LiveBlock *b = find_block(blocks, g_verdict_count, address);
  return b ? static_cast<uint8_t>(b->verdict) : kVerdictUnknown;
}

} // namespace rt
} // namespace tracealloc
