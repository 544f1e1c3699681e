// Views other than Python's: what each line held at the traced-memory peak
// and what it allocated over the run, from get_stats(view) and from a
// snapshot's statistics(view); compare_to over a view; filter_traces
// applied to every view; reset_peak starting a new peak; and the errors
// for a view that is not there.
//
// RUN: %tracealloc_cxx -std=c++17 -O1 %s -o %t \
// RUN:   -DLINE_A=$(grep -n '// LA$' %s | cut -d: -f1) \
// RUN:   -DLINE_B=$(grep -n '// LB$' %s | cut -d: -f1) \
// RUN:   -DLINE_C=$(grep -n '// LC$' %s | cut -d: -f1)
// RUN: env TRACEALLOC_OPTIONS=report=0 %t | FileCheck %s \
// RUN:   -D#LA=$(grep -n '// LA$' %s | cut -d: -f1) \
// RUN:   -D#LB=$(grep -n '// LB$' %s | cut -d: -f1) \
// RUN:   -D#LC=$(grep -n '// LC$' %s | cut -d: -f1)

#include <tracealloc/tracemalloc.hpp>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <vector>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

using tracealloc::View;

// Only the three lines this test allocates on: the test's own vectors and
// strings are traced too, on other lines.
const int g_lines[3] = {LINE_A, LINE_B, LINE_C};
template <typename List> void print(const char *title, const List &list) {
  std::cout << title << ":";
  for (const auto &s : list) {
    const auto &f = s.traceback[0];
    if (f.filename != __FILE__ ||
        (f.lineno != g_lines[0] && f.lineno != g_lines[1] &&
         f.lineno != g_lines[2]))
      continue;
    std::cout << "\n  " << s;
  }
  std::cout << '\n';
}

char *g_a[10], *g_c[5];

__attribute__((noinline)) void phase1() {
  for (int i = 0; i < 10; i++) sink(g_a[i] = (char *)malloc(1000)); // LA
  char *b = (char *)malloc(30000); // LB
  sink(b);
  free(b);
}

__attribute__((noinline)) void phase2() {
  for (int i = 0; i < 5; i++) sink(g_c[i] = (char *)malloc(2000)); // LC
}

int main() {
  phase1();
  // The peak was right after LB: LB 30000 B "29.3 KiB" (1 block), LA 10 x
  // 1000 = 10000 B "9.8 KiB"; in use now only LA; allocated: both.
  // CHECK: at peak:
  // CHECK-NEXT: views.cpp:[[#LB]]: size=29.3 KiB, count=1, average=29.3 KiB
  // CHECK-NEXT: views.cpp:[[#LA]]: size=10000 B, count=10, average=1000 B
  // CHECK-NEXT: allocated:
  // CHECK-NEXT: views.cpp:[[#LB]]: size=29.3 KiB, count=1, average=29.3 KiB
  // CHECK-NEXT: views.cpp:[[#LA]]: size=10000 B, count=10, average=1000 B
  // CHECK-NEXT: in use:
  // CHECK-NEXT: views.cpp:[[#LA]]: size=10000 B, count=10, average=1000 B
  print("at peak", tracealloc::get_stats(View::at_peak));
  print("allocated", tracealloc::get_stats(View::allocated));
  print("in use", tracealloc::get_stats(View::in_use));

  // reset_peak: the peak is now, and so is its composition.
  // CHECK-NEXT: at peak after reset_peak:
  // CHECK-NEXT: views.cpp:[[#LA]]: size=10000 B, count=10, average=1000 B
  tracealloc::reset_peak();
  print("at peak after reset_peak", tracealloc::get_stats(View::at_peak));

  auto before = tracealloc::take_snapshot();
  phase2();
  auto after = tracealloc::take_snapshot();
  // At the new peak: LA 10000 (10 blocks) and LC 5 x 2000 = 10000 (5):
  // equal sizes, so the larger count first.
  // CHECK-NEXT: snapshot at peak:
  // CHECK-NEXT: views.cpp:[[#LA]]: size=10000 B, count=10, average=1000 B
  // CHECK-NEXT: views.cpp:[[#LC]]: size=10000 B, count=5, average=2000 B
  print("snapshot at peak", after.statistics(View::at_peak, "lineno"));
  // Over the run, LC is new (+10000 B, +5); LB and LA did not change and
  // sort by size (30000 before 10000).
  // CHECK-NEXT: allocated, after vs before:
  // CHECK-NEXT: views.cpp:[[#LC]]: size=10000 B (+10000 B), count=5 (+5), average=2000 B
  // CHECK-NEXT: views.cpp:[[#LB]]: size=29.3 KiB (+0 B), count=1 (+0), average=29.3 KiB
  // CHECK-NEXT: views.cpp:[[#LA]]: size=10000 B (+0 B), count=10 (+0), average=1000 B
  print("allocated, after vs before",
        after.compare_to(before, View::allocated, "lineno"));

  // A filter that excludes LC's line applies to every view.
  auto filtered = after.filter_traces(
      {tracealloc::Filter(false, __FILE__, g_lines[2])});
  // CHECK-NEXT: filtered at peak:
  // CHECK-NEXT: views.cpp:[[#LA]]: size=10000 B, count=10, average=1000 B
  // CHECK-NEXT: filtered allocated:
  // CHECK-NEXT: views.cpp:[[#LB]]: size=29.3 KiB, count=1, average=29.3 KiB
  // CHECK-NEXT: views.cpp:[[#LA]]: size=10000 B, count=10, average=1000 B
  // CHECK-NEXT: filtered in use:
  // CHECK-NEXT: views.cpp:[[#LA]]: size=10000 B, count=10, average=1000 B
  print("filtered at peak", filtered.statistics(View::at_peak, "lineno"));
  print("filtered allocated", filtered.statistics(View::allocated, "lineno"));
  print("filtered in use", filtered.statistics(View::in_use, "lineno"));

  // A live snapshot has no leak verdicts; get_stats has none either.
  // CHECK-NEXT: has leaked view: 0
  std::cout << "has leaked view: " << after.has_view(View::leaked) << '\n';
  // CHECK-NEXT: snapshot leaked: the snapshot has no leak-check data
  try {
    after.statistics(View::leaked, "lineno");
  } catch (const std::invalid_argument &e) {
    std::cout << "snapshot leaked: " << e.what() << '\n';
  }
  // CHECK-NEXT: get_stats leaked: get_stats has no leak-check data (the leak check runs at exit: read the exit snapshot)
  try {
    tracealloc::get_stats(View::leaked);
  } catch (const std::invalid_argument &e) {
    std::cout << "get_stats leaked: " << e.what() << '\n';
  }
  // CHECK-NEXT: bad view: unknown view: 7
  if (!tracealloc_get_stats_view(tracealloc_view(7), "lineno"))
    std::cout << "bad view: " << tracealloc_last_error() << '\n';
  // CHECK-NEXT: bad key: unknown key_type: 'line'
  try {
    tracealloc::get_stats(View::at_peak, "line");
  } catch (const std::invalid_argument &e) {
    std::cout << "bad key: " << e.what() << '\n';
  }
  return 0;
}
