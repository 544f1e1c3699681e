//===- leak_report.h - The leak section of the exit report ----------------===//
//
//   Leaks: 3 blocks, 136 B, from 2 tracebacks
//   #1: size=100 B, count=2, average=50 B
//     File "/src/list.c", line 30, in main
//       make_node(list);
//     File "/src/list.c", line 12, in make_node
//       struct node *n = malloc(sizeof *n);
//   ...
//   Suppressed: 1 block, 24 B
//     leak:vendor/*.c (line 3): 1 block, 24 B
//   Not traced: 2 blocks, 48 B unreachable (allocated by code not compiled
//     with TraceAlloc, or while tracing was off; not counted as leaks)
//   Still reachable: 5 blocks, 2.0 KiB
//
// Leaks are grouped by traceback, largest first; frames oldest first, as
// tracemalloc's Traceback.format() lists them, with the function.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_LEAK_REPORT_H
#define TRACEALLOC_RUNTIME_LEAK_LEAK_REPORT_H

#include "core/common.h"
#include "leak/reachability.h"
#include "leak/suppressions.h"

namespace tracealloc {
namespace rt {

class TextWriter;

struct LeakGroup {
  uint32_t trace;
  uint64_t bytes;
  uint64_t count;
};

struct Tally {
  uint64_t blocks = 0;
  uint64_t bytes = 0;
  void add(uint64_t b, uint64_t n) {
    bytes += b;
    blocks += n;
  }
};

struct LeakSummary {
  LeakGroup *groups = nullptr; // unsuppressed, largest first
  size_t num_groups = 0;
  Tally leaked;     // traced, not suppressed: these fail the run
  Tally suppressed; // traced, matched a suppression
  Tally untraced;   // unreachable, but allocated by untraced code
  Tally reachable;  // traced, still reachable
};

// Groups the verdicts of `blocks` into `out`; suppressions get their
// counts. False when out of memory.
bool summarize_leaks(const LiveBlock *blocks, size_t count,
                     Suppressions &suppressions, LeakSummary *out);

void write_leak_report(TextWriter &out, const LeakSummary &summary,
                       Suppressions &suppressions);

} // namespace rt
} // namespace tracealloc

#endif
