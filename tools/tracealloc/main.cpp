//===- main.cpp - `tracealloc`: the command-line tool for snapshot files --===//
//
// Dispatches `tracealloc COMMAND ARGS...` to the subcommand (commands.h),
// prints the errors they end with as "tracealloc COMMAND: MESSAGE", and
// turns them into the exit codes of cli_common.h. docs/cli.md is the manual.
//
// The tool links the snapshot model statically (tracealloc_model), never
// libtracealloc_rt.so: its own allocations are not traced.
//
//===----------------------------------------------------------------------===//
#include "cli_common.h"
#include "commands.h"
#ifdef TRACEALLOC_HAVE_EXPORT
#include "export_command.h"
#endif

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>
#include <string>

namespace {

using namespace tracealloc::tool;

struct Command {
  const char *name;
  int (*run)(int argc, char **argv);
};

const Command kCommands[] = {
    {"stats", run_stats},   {"diff", run_diff},   {"leaks", run_leaks},
    {"traces", run_traces}, {"merge", run_merge},
#ifdef TRACEALLOC_HAVE_EXPORT
    {"export", run_export},
#endif
};

const char kHelp[] =
    "usage: tracealloc COMMAND [options]\n"
    "       tracealloc --help | --version\n"
    "\n"
    "Reads the snapshot files of TraceAlloc-instrumented programs\n"
    "(TRACEALLOC_OPTIONS=snapshot=FILE, or Snapshot::dump).\n"
    "\n"
    "commands:\n"
    "  stats FILE        what the traces hold, by line, file or traceback\n"
    "  diff OLD NEW      what changed between two snapshots\n"
    "  leaks FILE        the leaked blocks, by traceback\n"
    "  traces FILE       the largest blocks, with their tracebacks\n"
    "  merge OUT FILE... many snapshots (processes, test binaries) as one\n"
#ifdef TRACEALLOC_HAVE_EXPORT
    "  export FILE --format pprof|collapsed|html\n"
    "                    the snapshot for pprof, flame graphs or a browser\n"
#endif
    "\n"
    "stats, diff, leaks, traces and merge print text, or JSON with\n"
    "--format json. Every command takes --help.\n"
    "Exit status: 0 ok, 1 a file problem, 2 a usage error.\n"
    "Manual: docs/cli.md.\n";

int run(const Command &command, int argc, char **argv) {
  try {
    int code = command.run(argc, argv);
    std::cout.flush();
    if (!std::cout) {
      std::fprintf(stderr, "tracealloc %s: cannot write the output: %s\n",
                   command.name, std::strerror(errno));
      return kExitFileError;
    }
    return code;
  } catch (const CommandError &e) {
    std::cout.flush();
    if (*e.what())
      std::fprintf(stderr, "tracealloc %s: %s\n", command.name, e.what());
    return e.code;
  } catch (const std::bad_alloc &) {
    std::fprintf(stderr, "tracealloc %s: out of memory\n", command.name);
    return kExitFileError;
  }
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fputs(kHelp, stderr);
    return kExitUsage;
  }
  std::string first = argv[1];
  if (first == "-h" || first == "--help") {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (first == "--version") {
    std::printf("tracealloc (TraceAlloc) %s\n", TRACEALLOC_CLI_VERSION);
    return kExitOk;
  }
  if (first == "help" && argc == 2) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  // `tracealloc help COMMAND` is `tracealloc COMMAND --help`.
  if (first == "help" && argc == 3) {
    char help_flag[] = "--help";
    char *help_argv[] = {argv[2], help_flag, nullptr};
    for (const Command &c : kCommands)
      if (argv[2] == std::string(c.name))
        return run(c, 2, help_argv);
  }
  for (const Command &c : kCommands)
    if (first == c.name)
      return run(c, argc - 1, argv + 1);
  if (first.size() > 1 && first[0] == '-')
    std::fprintf(stderr,
                 "tracealloc: unknown option '%s' (see tracealloc --help)\n",
                 first.c_str());
  else
    std::fprintf(stderr,
                 "tracealloc: unknown command '%s' (see tracealloc --help)\n",
                 first.c_str());
  return kExitUsage;
}
