// Snapshot::merge, the C++ side of tracealloc_snapshot_merge: two snapshots
// of one process merged hold the traces of both, their statistics summed
// per line in every view, info().merged counts them, the inputs are left
// as they were, and an empty list is a std::invalid_argument.
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
#include <iostream>
#include <stdexcept>
#include <vector>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

using tracealloc::Snapshot;
using tracealloc::View;

// Only the lines this test allocates on: its own vectors are traced too.
template <typename List> void print(const char *title, const List &list) {
  std::cout << title << ":";
  for (const auto &s : list) {
    const auto &f = s.traceback[0];
    if (f.filename == __FILE__ &&
        (f.lineno == LINE_A || f.lineno == LINE_B || f.lineno == LINE_C))
      std::cout << "\n  " << s;
  }
  std::cout << '\n';
}

char *g_a[3], *g_b;

// LA: 3 blocks of 100 B, kept. LC: 2000 B, freed at once.
__attribute__((noinline)) void phase1() {
  for (int i = 0; i < 3; i++)
    sink(g_a[i] = (char *)malloc(100)); // LA
  char *c = (char *)malloc(2000);       // LC
  sink(c);
  free(c);
}

// LB: 500 B, kept.
__attribute__((noinline)) void phase2() {
  sink(g_b = (char *)malloc(500)); // LB
}

int main() {
  phase1();
  Snapshot first = tracealloc::take_snapshot();
  phase2();
  Snapshot second = tracealloc::take_snapshot();
  Snapshot merged = Snapshot::merge({first, second});

  // In use: LA is in both snapshots, 2 x 3 x 100 = 600 B in 6 blocks
  // (average 100 B); LB only in the second, 500 B in 1. LC was freed.
  // CHECK:      in use:
  // CHECK-NEXT:   merge.cpp:[[#LA]]: size=600 B, count=6, average=100 B
  // CHECK-NEXT:   merge.cpp:[[#LB]]: size=500 B, count=1, average=500 B
  // CHECK-NEXT: allocated:
  // Allocated over the run, summed: LC 2 x 2000 = 4000 B in 2 blocks,
  // then LA 600 B in 6, LB 500 B in 1.
  // CHECK-NEXT:   merge.cpp:[[#LC]]: size=4000 B, count=2, average=2000 B
  // CHECK-NEXT:   merge.cpp:[[#LA]]: size=600 B, count=6, average=100 B
  // CHECK-NEXT:   merge.cpp:[[#LB]]: size=500 B, count=1, average=500 B
  print("in use", merged.statistics("lineno"));
  print("allocated", merged.statistics(View::allocated, "lineno"));

  // Traces are concatenated; two original snapshots.
  // CHECK-NEXT: traces concatenated: yes
  // CHECK-NEXT: merged: 2
  std::cout << "traces concatenated: "
            << (merged.traces().size() ==
                        first.traces().size() + second.traces().size()
                    ? "yes"
                    : "no")
            << "\nmerged: " << merged.info().merged << '\n';

  // The inputs are unchanged: the first still holds LA's 300 B alone.
  // CHECK-NEXT: first:
  // CHECK-NEXT:   merge.cpp:[[#LA]]: size=300 B, count=3, average=100 B
  print("first", first.statistics("lineno"));

  // CHECK-NEXT: empty: std::invalid_argument
  // CHECK-NEXT: tracealloc_snapshot_merge: no snapshot to merge
  try {
    Snapshot none = Snapshot::merge({});
    std::cout << "empty: merged\n";
  } catch (const std::invalid_argument &e) {
    std::cout << "empty: std::invalid_argument\n" << e.what() << '\n';
  }
  return 0;
}
