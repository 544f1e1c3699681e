// The module functions: start/stop/is_tracing, get_traced_memory and
// reset_peak, clear_traces, the traceback limit, get_tracemalloc_memory,
// get_object_traceback for traced, untraced and garbage pointers, and
// track/untrack with domains. The program starts untraced (trace=0).
//
// RUN: %tracealloc_cxx -std=c++17 -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=report=0:trace=0:trace_libraries=0 %t0 \
// RUN:   | FileCheck %s -D#LP=$(grep -n '// LP$' %s | cut -d: -f1)
// RUN: %tracealloc_cxx -std=c++17 -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=report=0:trace=0:trace_libraries=0 %t2 \
// RUN:   | FileCheck %s -D#LP=$(grep -n '// LP$' %s | cut -d: -f1)

#include <tracealloc/tracemalloc.hpp>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <sys/mman.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

void memory(const char *when) {
  auto [current, peak] = tracealloc::get_traced_memory();
  printf("%s: current=%zu peak=%zu\n", when, current, peak);
}

void object_traceback(const char *what, const void *p) {
  auto tb = tracealloc::get_object_traceback(p);
  if (!tb) {
    printf("%s: None\n", what);
    return;
  }
  printf("%s: %zu frame(s), total_nframe %zu, %s:%d\n", what, tb->size(),
         *tb->total_nframe(), tb->back().filename.c_str(), tb->back().lineno);
}

int main() {
  // CHECK: is_tracing: 0
  printf("is_tracing: %d\n", tracealloc::is_tracing());
  // CHECK-NEXT: take_snapshot: the tracemalloc module must be tracing memory allocations to take a snapshot
  try {
    tracealloc::take_snapshot();
  } catch (const std::runtime_error &e) {
    printf("take_snapshot: %s\n", e.what());
  }
  // CHECK-NEXT: track: -2 untrack: -2
  printf("track: %d untrack: %d\n", tracealloc::track(1, 0x1000, 10),
         tracealloc::untrack(1, 0x1000));
  char *before = static_cast<char *>(malloc(10));
  sink(before);

  // CHECK-NEXT: start(0): the number of frames must be in range [1; 64]
  // CHECK-NEXT: start(65): the number of frames must be in range [1; 64]
  for (int bad : {0, 65}) {
    try {
      tracealloc::start(bad);
    } catch (const std::invalid_argument &e) {
      printf("start(%d): %s\n", bad, e.what());
    }
  }
  // CHECK-NEXT: is_tracing: 0
  printf("is_tracing: %d\n", tracealloc::is_tracing());

  tracealloc::start();
  // CHECK-NEXT: started: is_tracing 1 limit 1
  printf("started: is_tracing %d limit %d\n", tracealloc::is_tracing(),
         tracealloc::get_traceback_limit());
  // CHECK-NEXT: start: current=0 peak=0
  memory("start");

  char *p = static_cast<char *>(malloc(1000)); // LP
  sink(p);
  char *q = static_cast<char *>(malloc(5000));
  sink(q);
  // CHECK-NEXT: p, q: current=6000 peak=6000
  memory("p, q");
  free(q);
  // CHECK-NEXT: free q: current=1000 peak=6000
  memory("free q");
  tracealloc::reset_peak();
  // CHECK-NEXT: reset_peak: current=1000 peak=1000
  memory("reset_peak");
  char *r = static_cast<char *>(malloc(300));
  sink(r);
  free(r);
  // CHECK-NEXT: r: current=1000 peak=1300
  memory("r");

  // CHECK-NEXT: p: 1 frame(s), total_nframe 1, {{.*}}control.cpp:[[#LP]]
  object_traceback("p", p);
  // CHECK-NEXT: p + 1: None
  object_traceback("p + 1", p + 1);
  // CHECK-NEXT: untraced block: None
  object_traceback("untraced block", before);
  int local = 0;
  // CHECK-NEXT: stack: None
  object_traceback("stack", &local);
  // CHECK-NEXT: garbage: None
  object_traceback("garbage", reinterpret_cast<void *>(0x10));
  // CHECK-NEXT: null: None
  object_traceback("null", nullptr);
  // CHECK-NEXT: freed: None
  object_traceback("freed", q);
  // The 16 bytes before this pointer cannot be read: nothing may fault.
  char *pages = static_cast<char *>(mmap(nullptr, 8192, PROT_READ | PROT_WRITE,
                                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  mprotect(pages, 4096, PROT_NONE);
  // CHECK-NEXT: after a guard page: None
  object_traceback("after a guard page", pages + 4096);
  munmap(pages, 8192);

  // A foreign block counts as traced memory while tracked, in its domain.
  // CHECK-NEXT: track: 0 0
  printf("track: %d %d\n", tracealloc::track(3, 0x10000, 4096),
         tracealloc::track(4, 0x10000, 50));
  // CHECK-NEXT: tracked: current=5146 peak=5146
  memory("tracked");
  // Tracking again replaces the trace.
  // CHECK-NEXT: again: current=1146 peak=5146
  tracealloc::track(3, 0x10000, 96);
  memory("again");
  // CHECK-NEXT: untrack: 0 0 0
  printf("untrack: %d %d %d\n", tracealloc::untrack(3, 0x10000),
         tracealloc::untrack(4, 0x10000), tracealloc::untrack(4, 0x999));
  // CHECK-NEXT: untracked: current=1000 peak=5146
  memory("untracked");

  // CHECK-NEXT: tracemalloc memory > 0: 1
  printf("tracemalloc memory > 0: %d\n",
         tracealloc::get_tracemalloc_memory() > 0);

  // clear_traces: p is forgotten (still allocated), memory is 0.
  tracealloc::clear_traces();
  // CHECK-NEXT: clear_traces: current=0 peak=0
  memory("clear_traces");
  // CHECK-NEXT: p after clear: None
  object_traceback("p after clear", p);
  free(p);
  // CHECK-NEXT: free p: current=0 peak=0
  memory("free p");

  // The traceback limit.
  tracealloc::set_traceback_limit(5);
  // CHECK-NEXT: limit 5
  printf("limit %d\n", tracealloc::get_traceback_limit());
  // CHECK-NEXT: set_traceback_limit(0): the number of frames must be in range [1; 64]
  try {
    tracealloc::set_traceback_limit(0);
  } catch (const std::invalid_argument &e) {
    printf("set_traceback_limit(0): %s\n", e.what());
  }
  tracealloc::set_traceback_limit_max();
  // CHECK-NEXT: limit max 64
  printf("limit max %d\n", tracealloc::get_traceback_limit());
  // start(n) while tracing sets the limit (Python would keep it: see
  // docs/api.md).
  tracealloc::start(3);
  // CHECK-NEXT: limit after start(3) 3
  printf("limit after start(3) %d\n", tracealloc::get_traceback_limit());
  tracealloc::set_traceback_limit(1);

  // stop() forgets every trace.
  char *s = static_cast<char *>(malloc(77));
  sink(s);
  // CHECK-NEXT: s: current=77 peak=77
  memory("s");
  tracealloc::stop();
  // CHECK-NEXT: stopped: is_tracing 0
  printf("stopped: is_tracing %d\n", tracealloc::is_tracing());
  // CHECK-NEXT: stop: current=0 peak=0
  memory("stop");
  // CHECK-NEXT: s when stopped: None
  object_traceback("s when stopped", s);
  tracealloc::start();
  // CHECK-NEXT: s after restart: None
  object_traceback("s after restart", s);
  free(s);
  // CHECK-NEXT: end: current=0 peak=0
  memory("end");
  return 0;
}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
