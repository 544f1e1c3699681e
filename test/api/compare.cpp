// Snapshot.compare_to: StatisticDiff values, signs and text (sizes with
// _format_size(size_diff, True), counts with "%+i"), entries only in the
// old snapshot (size 0, no average), and the sort order (|size_diff|,
// size, |count_diff|, count, traceback, all descending).
//
// RUN: %tracealloc_cxx -std=c++17 -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=report=0 %t0 \
// RUN:   | FileCheck %s -D#L1=$(grep -n '// L1$' %s | cut -d: -f1)
// RUN: %tracealloc_cxx -std=c++17 -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=report=0 %t2 \
// RUN:   | FileCheck %s -D#L1=$(grep -n '// L1$' %s | cut -d: -f1)

#include <tracealloc/tracemalloc.hpp>

#include <cstdlib>
#include <iostream>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

static void *l1[2], *l2, *l3[3], *l4, *l5, *l6;

// Old snapshot: L1 2 x 1000, L2 4096, L3 100, L6 100.
__attribute__((noinline)) void before() {
  for (int i = 0; i < 2; i++) sink(l1[i] = malloc(1000)); // L1
  sink(l2 = malloc(4096)); // L2
  sink(l3[0] = malloc(100)); // L3
  sink(l6 = malloc(100)); // L6
}

// New snapshot: L1 unchanged, L2 and L6 freed, L3 grows to 3 x 100,
// L4 15360 and L5 100 are new.
__attribute__((noinline)) void after() {
  free(l2);
  free(l6);
  for (int i = 1; i < 3; i++) sink(l3[i] = malloc(100)); // L3b
  sink(l4 = malloc(15360)); // L4
  sink(l5 = malloc(100)); // L5
}

static tracealloc::Snapshot this_file(const tracealloc::Snapshot &s) {
  return s.filter_traces({tracealloc::Filter(true, __FILE__)});
}

int main() {
  before();
  auto snapshot1 = this_file(tracealloc::take_snapshot());
  after();
  auto snapshot2 = this_file(tracealloc::take_snapshot());

  // L4 +15360 = 15.0 KiB; L2 -4096; L3 + L3b: +200 (3 blocks: two lines,
  // L3b being the line of the loop); L5 +100 before L6 -100 (same
  // |size_diff|, larger size first); then the unchanged L1 (2000 B) and
  // L3 (100 B), larger first.
  // CHECK-LABEL: lineno:
  // CHECK-NEXT: {{.*}}compare.cpp:[[#L1+12]]: size=15.0 KiB (+15.0 KiB), count=1 (+1), average=15.0 KiB
  // CHECK-NEXT: {{.*}}compare.cpp:[[#L1+1]]: size=0 B (-4096 B), count=0 (-1){{$}}
  // CHECK-NEXT: {{.*}}compare.cpp:[[#L1+11]]: size=200 B (+200 B), count=2 (+2), average=100 B
  // CHECK-NEXT: {{.*}}compare.cpp:[[#L1+13]]: size=100 B (+100 B), count=1 (+1), average=100 B
  // CHECK-NEXT: {{.*}}compare.cpp:[[#L1+3]]: size=0 B (-100 B), count=0 (-1){{$}}
  // CHECK-NEXT: {{.*}}compare.cpp:[[#L1]]: size=2000 B (+0 B), count=2 (+0), average=1000 B
  // CHECK-NEXT: {{.*}}compare.cpp:[[#L1+2]]: size=100 B (+0 B), count=1 (+0), average=100 B
  // CHECK-NEXT: end
  std::cout << "lineno:\n";
  auto diffs = snapshot2.compare_to(snapshot1, "lineno");
  for (const auto &d : diffs)
    std::cout << d << '\n';
  std::cout << "end\n";

  // The attributes of the first entry.
  // CHECK-NEXT: size 15360 size_diff 15360 count 1 count_diff 1
  std::cout << "size " << diffs[0].size << " size_diff " << diffs[0].size_diff
            << " count " << diffs[0].count << " count_diff "
            << diffs[0].count_diff << '\n';

  // Old: 2000 + 4096 + 100 + 100 = 6296 B in 5 blocks; new: 2000 + 300 +
  // 15360 + 100 = 17760 B = 17.34 KiB in 7; +11464 B = 11.2 KiB;
  // average 17760 / 7 = 2537.1.
  // CHECK-NEXT: filename:
  // CHECK-NEXT: {{.*}}compare.cpp:0: size=17.3 KiB (+11.2 KiB), count=7 (+2), average=2537 B
  std::cout << "filename:\n";
  for (const auto &d : snapshot2.compare_to(snapshot1, "filename"))
    std::cout << d << '\n';

  // The other way round every sign flips, and the new side's sizes show.
  // CHECK-NEXT: reversed:
  // CHECK-NEXT: {{.*}}compare.cpp:[[#L1+12]]: size=0 B (-15.0 KiB), count=0 (-1){{$}}
  // CHECK-NEXT: {{.*}}compare.cpp:[[#L1+1]]: size=4096 B (+4096 B), count=1 (+1), average=4096 B
  std::cout << "reversed:\n";
  auto reversed = snapshot1.compare_to(snapshot2, "lineno");
  for (size_t i = 0; i < 2; i++)
    std::cout << reversed[i] << '\n';

  // Against itself (L1, L3, L3b, L4, L5): every difference is 0.
  // CHECK-NEXT: self: 5 entries, 0 changed
  auto self = snapshot2.compare_to(snapshot2, "lineno");
  int changed = 0;
  for (const auto &d : self)
    changed += d.size_diff != 0 || d.count_diff != 0;
  std::cout << "self: " << self.size() << " entries, " << changed
            << " changed\n";
  return 0;
}
