// Tracebacks with several frames (TRACEALLOC_OPTIONS=nframe=N): an
// allocation inlined through middle() and inner() has the static chain
// outer -> middle -> inner, and main's call of outer_a / outer_b comes
// before it from the call-site shadow stack (outer_a and outer_b stay
// calls at -O2). Checks Traceback's order (oldest first),
// total_nframe, truncation to the limit (the most recent frames stay),
// str() (the oldest frame, as Python's), format(limit, most_recent_first),
// the "traceback" key, cumulative statistics (a frame counted once per
// trace it appears in), Filter's all_frames, and get_object_traceback.
//
// RUN: %tracealloc_cxx -std=c++17 -O0 %s -o %t0
// RUN: %tracealloc_cxx -std=c++17 -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=report=0:nframe=5 %t0 | FileCheck %s --check-prefixes=CHECK,N5 \
// RUN:   -D#LI=$(grep -n '// LI$' %s | cut -d: -f1) -D#LA=$(grep -n '// LA$' %s | cut -d: -f1) \
// RUN:   -D#LMA=$(grep -n '// LMA$' %s | cut -d: -f1) -D#LMB=$(grep -n '// LMB$' %s | cut -d: -f1)
// RUN: env TRACEALLOC_OPTIONS=report=0:nframe=5 %t2 | FileCheck %s --check-prefixes=CHECK,N5 \
// RUN:   -D#LI=$(grep -n '// LI$' %s | cut -d: -f1) -D#LA=$(grep -n '// LA$' %s | cut -d: -f1) \
// RUN:   -D#LMA=$(grep -n '// LMA$' %s | cut -d: -f1) -D#LMB=$(grep -n '// LMB$' %s | cut -d: -f1)
// RUN: env TRACEALLOC_OPTIONS=report=0:nframe=2 %t2 | FileCheck %s --check-prefixes=CHECK,N2 \
// RUN:   -D#LI=$(grep -n '// LI$' %s | cut -d: -f1) -D#LA=$(grep -n '// LA$' %s | cut -d: -f1) \
// RUN:   -D#LMA=$(grep -n '// LMA$' %s | cut -d: -f1) -D#LMB=$(grep -n '// LMB$' %s | cut -d: -f1)

#include <tracealloc/tracemalloc.hpp>

#include <cstdlib>
#include <iostream>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

static void *first;

// Lines: LI, LI+1 (middle), LA (outer_a), LA+2 and LA+3 (outer_b).
__attribute__((always_inline)) inline void *inner(size_t n) { return malloc(n); } // LI
__attribute__((always_inline)) inline void *middle(size_t n) { return inner(n); }
__attribute__((noinline)) void outer_a() { sink(first = middle(100)); } // LA
constexpr int LINE_A = __LINE__ - 1;
__attribute__((noinline)) void outer_b() { sink(middle(200));
                                           sink(middle(300)); }

using tracealloc::Filter;

void show(const char *title, const std::vector<tracealloc::Statistic> &stats) {
  std::cout << title << ":\n";
  for (const auto &s : stats)
    std::cout << "  " << s << '\n';
}

int main() {
  outer_a(); // LMA
  outer_b(); // LMB
  auto live = tracealloc::get_stats("traceback");
  auto snapshot = tracealloc::take_snapshot().filter_traces(
      {Filter(true, __FILE__)});

  // N5: limit 5
  // N2: limit 2
  std::cout << "limit " << snapshot.traceback_limit() << '\n';

  // Python's Traceback: oldest frame first, the allocation's line last.
  // N5-NEXT: frames: [[#LMA]] [[#LA]] [[#LI+1]] [[#LI]] of 4 (main outer_a{{.*}} middle{{.*}} inner{{.*}})
  // N2-NEXT: frames: [[#LI+1]] [[#LI]] of 4 (middle{{.*}} inner{{.*}})
  auto tb = tracealloc::get_object_traceback(first);
  std::cout << "frames:";
  for (const auto &f : *tb)
    std::cout << ' ' << f.lineno;
  std::cout << " of " << *tb->total_nframe() << " (";
  for (size_t i = 0; i < tb->size(); i++)
    std::cout << (i ? " " : "") << (*tb)[i].function;
  std::cout << ")\n";

  // str(Traceback) is its oldest frame.
  // N5-NEXT: str: {{.*}}tracebacks.cpp:[[#LMA]]{{$}}
  // N2-NEXT: str: {{.*}}tracebacks.cpp:[[#LI+1]]{{$}}
  std::cout << "str: " << *tb << '\n';

  // CHECK-NEXT: format():
  // N5-NEXT: {{^}}  File "{{.*}}tracebacks.cpp", line [[#LMA]]{{$}}
  // N5-NEXT: {{^}}    outer_a(); // LMA{{$}}
  // N5-NEXT: {{^}}  File "{{.*}}tracebacks.cpp", line [[#LA]]{{$}}
  // N5-NEXT: {{^}}    __attribute__((noinline)) void outer_a() { sink(first = middle(100)); } // LA{{$}}
  // CHECK-NEXT: {{^}}  File "{{.*}}tracebacks.cpp", line [[#LI+1]]{{$}}
  // CHECK-NEXT: {{^}}    __attribute__((always_inline)) inline void *middle(size_t n) { return inner(n); }{{$}}
  // CHECK-NEXT: {{^}}  File "{{.*}}tracebacks.cpp", line [[#LI]]{{$}}
  // CHECK-NEXT: {{^}}    __attribute__((always_inline)) inline void *inner(size_t n) { return malloc(n); } // LI{{$}}
  std::cout << "format():\n";
  for (const auto &line : tb->format())
    std::cout << line << '\n';
  // format(1): the most recent frame; format(-1): all but it;
  // most_recent_first reverses; format(0) is empty (Python's self[:0]).
  // CHECK-NEXT: format(1): line [[#LI]]
  // N5-NEXT: format(-1): line [[#LMA]] line [[#LA]] line [[#LI+1]]
  // N2-NEXT: format(-1): line [[#LI+1]]
  // N5-NEXT: most_recent_first: line [[#LI]] line [[#LI+1]] line [[#LA]] line [[#LMA]]
  // N2-NEXT: most_recent_first: line [[#LI]] line [[#LI+1]]
  // N5-NEXT: format(2, most_recent_first): line [[#LI]] line [[#LI+1]]
  // N2-NEXT: format(2, most_recent_first): line [[#LI]] line [[#LI+1]]
  // CHECK-NEXT: format(0):{{$}}
  auto lines = [](const char *title, const std::vector<std::string> &text) {
    std::cout << title << ':';
    for (const auto &l : text)
      if (l.rfind("  File", 0) == 0)
        std::cout << " line " << l.substr(l.rfind(' ') + 1);
    std::cout << '\n';
  };
  lines("format(1)", tb->format(1));
  lines("format(-1)", tb->format(-1));
  lines("most_recent_first", tb->format(std::nullopt, true));
  lines("format(2, most_recent_first)", tb->format(2, true));
  lines("format(0)", tb->format(0));

  // Key "traceback": one statistic per traceback, shown by its oldest frame.
  // N5-NEXT: traceback:
  // N5-NEXT: tracebacks.cpp:[[#LMB]]: size=300 B, count=1, average=300 B
  // N5-NEXT: tracebacks.cpp:[[#LMB]]: size=200 B, count=1, average=200 B
  // N5-NEXT: tracebacks.cpp:[[#LMA]]: size=100 B, count=1, average=100 B
  // At nframe 2 the three tracebacks are the same two frames.
  // N2-NEXT: traceback:
  // N2-NEXT: tracebacks.cpp:[[#LI+1]]: size=600 B, count=3, average=200 B
  show("traceback", snapshot.statistics("traceback"));
  // CHECK-NEXT: get_stats == statistics: yes
  std::cout << "get_stats == statistics: "
            << (live == snapshot.statistics("traceback") ? "yes" : "no")
            << '\n';

  // Key "lineno": the most recent frame.
  // CHECK-NEXT: lineno:
  // CHECK-NEXT: tracebacks.cpp:[[#LI]]: size=600 B, count=3, average=200 B
  show("lineno", snapshot.statistics("lineno"));

  // Cumulative: every frame of every trace. Equal sizes and counts sort by
  // frame, descending: middle's line before inner's.
  // CHECK-NEXT: cumulative lineno:
  // CHECK-NEXT: tracebacks.cpp:[[#LI+1]]: size=600 B, count=3, average=200 B
  // CHECK-NEXT: tracebacks.cpp:[[#LI]]: size=600 B, count=3, average=200 B
  // main's call of outer_b is in two traces: 200 + 300 = 500 B.
  // N5-NEXT: tracebacks.cpp:[[#LMB]]: size=500 B, count=2, average=250 B
  // N5-NEXT: tracebacks.cpp:[[#LA+3]]: size=300 B, count=1, average=300 B
  // N5-NEXT: tracebacks.cpp:[[#LA+2]]: size=200 B, count=1, average=200 B
  // N5-NEXT: tracebacks.cpp:[[#LMA]]: size=100 B, count=1, average=100 B
  // N5-NEXT: tracebacks.cpp:[[#LA]]: size=100 B, count=1, average=100 B
  show("cumulative lineno", snapshot.statistics("lineno", true));
  // Each trace counts once per frame in this file: 4 x 600 / 2 x 600.
  // CHECK-NEXT: cumulative filename:
  // N5-NEXT: tracebacks.cpp:0: size=2400 B, count=12, average=200 B
  // N2-NEXT: tracebacks.cpp:0: size=1200 B, count=6, average=200 B
  show("cumulative filename", snapshot.statistics("filename", true));

  // Filter on outer_a's line: only with all_frames is it looked at.
  // N5-NEXT: all_frames: 1 traces
  // N2-NEXT: all_frames: 0 traces
  // CHECK-NEXT: most recent frame only: 0 traces
  // N5-NEXT: exclusive all_frames: 2 traces
  // N2-NEXT: exclusive all_frames: 3 traces
  std::cout << "all_frames: "
            << snapshot.filter_traces({Filter(true, __FILE__, LINE_A, true)}).traces().size()
            << " traces\n";
  std::cout << "most recent frame only: "
            << snapshot.filter_traces({Filter(true, __FILE__, LINE_A)}).traces().size()
            << " traces\n";
  std::cout << "exclusive all_frames: "
            << snapshot.filter_traces({Filter(false, __FILE__, LINE_A, true)}).traces().size()
            << " traces\n";
  return 0;
}
