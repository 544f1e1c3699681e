//===- statistics_report.h - A snapshot's top statistics, text or JSON ----===//
//
// What `tracealloc stats` and `tracealloc leaks` print: the tracemalloc
// documentation's display_top recipe in the exit report's layout
//
//   Top 10 lines by memory in use:
//   #1: /src/app.c:12: size=1000 B, count=10, average=100 B
//       p = malloc(100);
//   2 other: size=96 B, count=2
//   Total: size=1096 B, count=12
//
// or the same as a JSON document (docs/json-format.md).
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_STATISTICS_REPORT_H
#define TRACEALLOC_TOOLS_STATISTICS_REPORT_H

#include "cli_common.h"

#include <ostream>

namespace tracealloc {
namespace tool {

// `schema` names the JSON document ("tracealloc-stats/1").
void print_statistics_report(std::ostream &out,
                             const tracealloc_snapshot &snapshot,
                             const std::string &path,
                             const StatsOptions &options, const char *schema);

} // namespace tool
} // namespace tracealloc

#endif
