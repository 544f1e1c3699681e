//===- runtime_init.cpp - Startup, fork and exit of the runtime -----------===//
#include "core/diagnostics.h"
#include "core/internal_alloc.h"
#include "core/live_slots.h"
#include "core/live_traces.h"
#include "core/options.h"
#include "core/peak_lines.h"
#include "core/pointer_map.h"
#include "core/site_table.h"
#include "core/thread_counters.h"
#include "core/timeline.h"
#include "core/trace_pause.h"
#include "core/traceback_table.h"
#include "core/tracing_state.h"
#include "leak/leak_check.h"
#include "report/exit_report.h"
#include "api/exit_snapshot.h"

#include <pthread.h>
#include <stdlib.h>

namespace tracealloc {
namespace rt {

Mode g_mode = Mode::Unknown;
// On before the constructor runs, so allocations made by other libraries'
// constructors are traced as the default says; options may turn it off.
bool g_tracing = true;
bool g_keep_traces;
TA_TLS OuterCharge tls_outer;

namespace {

// Every lock is held across fork(), in one order (the site table takes the
// internal allocator's lock while it holds its own), so the child starts
// with consistent tables; traced operations are paused first, as they take
// some of those locks.
void lock_all_for_fork() {
  trace_pause_lock_for_fork();
  traceback_table_lock_for_fork();
  site_table_lock_for_fork();
  thread_counters_lock_for_fork();
  peak_lines_lock_for_fork();
  timeline_lock_for_fork();
  pointer_map_lock_for_fork();
  live_slots_lock_for_fork();
  internal_alloc_lock_for_fork();
}

void unlock_all_after_fork() {
  internal_alloc_unlock_after_fork();
  live_slots_unlock_after_fork();
  pointer_map_unlock_after_fork();
  timeline_unlock_after_fork();
  peak_lines_unlock_after_fork();
  thread_counters_unlock_after_fork();
  site_table_unlock_after_fork();
  traceback_table_unlock_after_fork();
  trace_pause_unlock_after_fork();
}

void report_at_exit() {
  run_leak_check(); // first: the report and the snapshot show its verdicts
  write_exit_report();
  write_exit_snapshot();
  finish_leak_check(); // last: may end the process (the exitcode option)
}

__attribute__((constructor)) void initialize_runtime() {
  parse_options(getenv("TRACEALLOC_OPTIONS"));
  if (g_options.help)
    print_options_help();
  // Sites registered before the options were read used the defaults.
  attribute_frames();
  relaxed_store(g_tracing, g_options.trace);
  if (g_options.nframe < 1 || g_options.nframe > uint64_t(kMaxTracebackLimit))
    warn("invalid value '%llu' for option 'nframe' (expected 1 to %d); "
         "using 1",
         static_cast<unsigned long long>(g_options.nframe),
         kMaxTracebackLimit);
  else
    set_traceback_limit(static_cast<int>(g_options.nframe));
  init_trace_pause();
  start_timeline();
  if (g_options.keep_traces)
    keep_traces();
  if (*g_options.snapshot)
    keep_traces(); // the exit snapshot lists every live block
  Mode mode = g_mode == Mode::Unknown ? decide_mode() : g_mode;
  init_leak_check(mode == Mode::Header);
  if (g_options.verbosity)
    note("tracking blocks %s",
         mode == Mode::Header
             ? "with a 16-byte header (the runtime is the process's malloc)"
             : "in a pointer map (another allocator owns malloc)");
  pthread_atfork(lock_all_for_fork, unlock_all_after_fork,
                 unlock_all_after_fork);
  atexit(report_at_exit);
  __atomic_store_n(&g_runtime_ready, true, __ATOMIC_RELEASE);
}

} // namespace
} // namespace rt
} // namespace tracealloc
