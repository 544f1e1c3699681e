//===- leaks_command.cpp - `tracealloc leaks FILE`: leaks by traceback ----===//
#include "cli_common.h"
#include "commands.h"
#include "statistics_report.h"

#include <iostream>

namespace tracealloc {
namespace tool {

namespace {

const char kHelp[] =
    "usage: tracealloc leaks FILE [options]\n"
    "\n"
    "Prints the blocks the leak check found leaked (no pointer to them from\n"
    "globals, stacks, registers or reachable blocks) in the snapshot FILE,\n"
    "grouped by traceback with every frame, largest first. FILE must come\n"
    "from a run with TRACEALLOC_OPTIONS=leak_check=1:snapshot=FILE.\n"
    "\n"
    "options:\n"
    "  -n, --limit N          show the N largest (default 10; 0: all)\n"
    "  -i, --include PATTERN[:LINE]\n"
    "                         keep only traces whose most recent frame's\n"
    "                         file matches the fnmatch PATTERN; repeatable\n"
    "  -x, --exclude PATTERN[:LINE]\n"
    "                         drop the traces that match; repeatable\n"
    "      --all-frames       --include/--exclude match any frame\n"
    "      --domain D         keep only the traces of domain D (0: heap)\n"
    "  -f, --format text|json output format (default text)\n"
    "  -h, --help             print this help\n"
    "\n"
    "Exit status: 0 ok (leaks or not), 1 a file problem or a file without\n"
    "leak-check data, 2 a usage error (docs/cli.md).\n";

} // namespace

int run_leaks(int argc, char **argv) {
  ParsedArgs args = parse_args(argc, argv, stats_option_specs(0), kHelp);
  StatsOptions options = read_stats_options("leaks", args, 0);
  options.view = TRACEALLOC_VIEW_LEAKED;
  options.key_type = "traceback";
  const std::string &path = snapshot_path("leaks", args);
  SnapshotPtr snapshot = filter_snapshot(load_snapshot(path), options);
  print_statistics_report(std::cout, *snapshot, path, options,
                          "tracealloc-leaks/1");
  return kExitOk;
}

} // namespace tool
} // namespace tracealloc
