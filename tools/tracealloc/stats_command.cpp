//===- stats_command.cpp - `tracealloc stats FILE`: Snapshot.statistics ---===//
#include "cli_common.h"
#include "commands.h"
#include "statistics_report.h"

#include <iostream>

namespace tracealloc {
namespace tool {

namespace {

const char kHelp[] =
    "usage: tracealloc stats FILE [options]\n"
    "\n"
    "Prints what the snapshot FILE's traces hold, grouped by line (or file,\n"
    "or traceback), largest first: tracemalloc's Snapshot.statistics().\n"
    "\n"
    "options:\n"
    "  -k, --key lineno|filename|traceback\n"
    "                         group by line (default), file or traceback\n"
    "  -c, --cumulative       charge a trace to every frame of its\n"
    "                         traceback, not only to its line\n"
    "  -n, --limit N          show the N largest (default 10; 0: all)\n"
    "  -i, --include PATTERN[:LINE]\n"
    "                         keep only traces whose most recent frame's\n"
    "                         file matches the fnmatch PATTERN (and is at\n"
    "                         LINE); repeatable\n"
    "  -x, --exclude PATTERN[:LINE]\n"
    "                         drop the traces that match; repeatable\n"
    "      --all-frames       --include/--exclude match any frame\n"
    "      --domain D         keep only the traces of domain D (0: heap)\n"
    "      --at-peak          what was in use at the traced-memory peak\n"
    "      --all-time         everything allocated over the run\n"
    "      --leaked           what the leak check found leaked\n"
    "  -f, --format text|json output format (default text)\n"
    "  -h, --help             print this help\n"
    "\n"
    "Exit status: 0 ok, 1 a file problem, 2 a usage error (docs/cli.md).\n";

} // namespace

int run_stats(int argc, char **argv) {
  const int sets = kWithKey | kWithViews;
  ParsedArgs args = parse_args(argc, argv, stats_option_specs(sets), kHelp);
  StatsOptions options = read_stats_options("stats", args, sets);
  const std::string &path = snapshot_path("stats", args);
  SnapshotPtr snapshot = filter_snapshot(load_snapshot(path), options);
  print_statistics_report(std::cout, *snapshot, path, options,
                          "tracealloc-stats/1");
  return kExitOk;
}

} // namespace tool
} // namespace tracealloc
