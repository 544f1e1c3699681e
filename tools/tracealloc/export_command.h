//===- export_command.h - `tracealloc export` -----------------------------===//
//
// Apart from commands.h because export is built only with export.cmake
// (TRACEALLOC_HAVE_EXPORT).
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_EXPORT_COMMAND_H
#define TRACEALLOC_TOOLS_EXPORT_COMMAND_H

namespace tracealloc {
namespace tool {

// `tracealloc export FILE --format pprof|collapsed|html [-o OUT] ...`;
// argv[0] is "export". Returns 0; errors end the command with a
// CommandError (cli_common.h): exit code 1 for a file, 2 for usage.
int run_export(int argc, char **argv);

} // namespace tool
} // namespace tracealloc

#endif
