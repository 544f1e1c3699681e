// Snapshot.statistics for each key type, its sort order and str() text,
// get_stats() against take_snapshot().statistics() at nframe 1, and the
// errors tracemalloc raises for a bad key type or cumulative "traceback".
//
// RUN: %tracealloc_cxx -std=c++17 -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=report=0:trace_libraries=0 %t0 \
// RUN:   | FileCheck %s -D#LA=$(grep -n '// LA$' %s | cut -d: -f1)
// RUN: %tracealloc_cxx -std=c++17 -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=report=0:trace_libraries=0 %t2 \
// RUN:   | FileCheck %s -D#LA=$(grep -n '// LA$' %s | cut -d: -f1)

#include <tracealloc/tracemalloc.hpp>

#include <cstdlib>
#include <iostream>
#include <stdexcept>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

static void *a[5], *b, *c[3], *d[2], *e, *f;

// Live blocks of this file when the snapshot is taken:
//   LA 5 x 2048 = 10240 -> "10.0 KiB", average 2048 B
//   LB 10239 -> "10239 B" (under 10 KiB: whole bytes)
//   LC 3 x 100 = 300, LD 2 x 150 = 300: same size, more blocks first
//   LE 64, LF 64: same size and count, higher line first (sorted descending)
// filename: 10240+10239+300+300+64+64 = 21207 B = 20.71 KiB -> "20.7 KiB",
//   13 blocks, average 21207/13 = 1631.3 -> "1631 B"
__attribute__((noinline)) void allocate() {
  for (int i = 0; i < 5; i++) sink(a[i] = malloc(2048)); // LA
  sink(b = malloc(10239)); // LB
  for (int i = 0; i < 3; i++) sink(c[i] = calloc(1, 100)); // LC
  for (int i = 0; i < 2; i++) sink(d[i] = malloc(150)); // LD
  sink(e = malloc(64)); // LE
  sink(f = malloc(64)); // LF
}

// Only this file's traces: the vectors and strings the C++ API returns are
// the program's memory and are traced too (at libstdc++'s lines).
static tracealloc::Snapshot this_file(const tracealloc::Snapshot &s) {
  return s.filter_traces({tracealloc::Filter(true, __FILE__)});
}

int main() {
  allocate();
  // Before anything of the API's own is live.
  auto live = tracealloc::get_stats("lineno");
  auto snapshot = this_file(tracealloc::take_snapshot());

  // CHECK-LABEL: lineno:
  // CHECK-NEXT: {{.*}}statistics.cpp:[[#LA]]: size=10.0 KiB, count=5, average=2048 B
  // CHECK-NEXT: {{.*}}statistics.cpp:[[#LA+1]]: size=10239 B, count=1, average=10239 B
  // CHECK-NEXT: {{.*}}statistics.cpp:[[#LA+2]]: size=300 B, count=3, average=100 B
  // CHECK-NEXT: {{.*}}statistics.cpp:[[#LA+3]]: size=300 B, count=2, average=150 B
  // CHECK-NEXT: {{.*}}statistics.cpp:[[#LA+5]]: size=64 B, count=1, average=64 B
  // CHECK-NEXT: {{.*}}statistics.cpp:[[#LA+4]]: size=64 B, count=1, average=64 B
  // CHECK-NEXT: end
  std::cout << "lineno:\n";
  auto by_line = snapshot.statistics("lineno");
  for (const auto &s : by_line)
    std::cout << s << '\n';
  std::cout << "end\n";

  // Attributes, as Python's stat.traceback[0].lineno, stat.size, stat.count.
  // CHECK-NEXT: first: line [[#LA]] size 10240 count 5 frames 1 total_nframe none
  const auto &top = by_line.front();
  std::cout << "first: line " << top.traceback[0].lineno << " size "
            << top.size << " count " << top.count << " frames "
            << top.traceback.size() << " total_nframe "
            << (top.traceback.total_nframe() ? "set" : "none") << '\n';

  // CHECK-NEXT: filename:
  // CHECK-NEXT: {{.*}}statistics.cpp:0: size=20.7 KiB, count=13, average=1631 B
  // CHECK-NEXT: end
  std::cout << "filename:\n";
  for (const auto &s : snapshot.statistics("filename"))
    std::cout << s << '\n';
  std::cout << "end\n";

  // At nframe 1 a traceback is one frame: the same groups as "lineno".
  // CHECK-NEXT: traceback == lineno: yes
  std::cout << "traceback == lineno: "
            << (snapshot.statistics("traceback") == by_line ? "yes" : "no")
            << '\n';
  // CHECK-NEXT: cumulative == lineno: yes
  std::cout << "cumulative == lineno: "
            << (snapshot.statistics("lineno", true) == by_line ? "yes" : "no")
            << '\n';

  // get_stats() counted from the per-line counters, before the snapshot.
  // CHECK-NEXT: get_stats lineno == statistics: yes
  std::cout << "get_stats lineno == statistics: "
            << (live == by_line ? "yes" : "no") << '\n';
  // Now `live` and the rest are live too: look at this file only.
  // CHECK-NEXT: get_stats filename: {{.*}}statistics.cpp:0: size=20.7 KiB, count=13, average=1631 B
  for (const auto &s : tracealloc::get_stats("filename"))
    if (s.traceback[0].filename == __FILE__)
      std::cout << "get_stats filename: " << s << '\n';

  // Freed blocks leave both.
  for (int i = 0; i < 5; i++)
    free(a[i]);
  free(b);
  // CHECK-NEXT: after free: {{.*}}statistics.cpp:[[#LA+2]]: size=300 B, count=3, average=100 B
  for (const auto &s : tracealloc::get_stats())
    if (s.traceback[0].filename == __FILE__) {
      std::cout << "after free: " << s << '\n';
      break;
    }
  // CHECK-NEXT: snapshot after free: 4 lines
  auto later = this_file(tracealloc::take_snapshot());
  std::cout << "snapshot after free: " << later.statistics("lineno").size()
            << " lines\n";

  // CHECK-NEXT: unknown key_type: 'line'
  // CHECK-NEXT: cumulative mode cannot by used with key type 'traceback'
  // CHECK-NEXT: unknown key_type: 'fil'
  try {
    snapshot.statistics("line");
  } catch (const std::invalid_argument &e) {
    std::cout << e.what() << '\n';
  }
  try {
    snapshot.statistics("traceback", true);
  } catch (const std::invalid_argument &e) {
    std::cout << e.what() << '\n';
  }
  try {
    tracealloc::get_stats("fil");
  } catch (const std::invalid_argument &e) {
    std::cout << e.what() << '\n';
  }
  return 0;
}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
