//===- commands.h - The `tracealloc` subcommands --------------------------===//
//
// Each takes the subcommand's argv (argv[0] is its name, "stats") and
// returns the exit code (cli_common.h: 0, 1 a file problem, 2 a usage
// error); usage and file errors may also be thrown as CommandError, which
// main() prints. `tracealloc export` is export_command.h.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_COMMANDS_H
#define TRACEALLOC_TOOLS_COMMANDS_H

namespace tracealloc {
namespace tool {

int run_stats(int argc, char **argv);
int run_diff(int argc, char **argv);
int run_leaks(int argc, char **argv);
int run_traces(int argc, char **argv);
int run_merge(int argc, char **argv);

} // namespace tool
} // namespace tracealloc

#endif
