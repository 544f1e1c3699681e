//===- export_command.cpp - `tracealloc export` ---------------------------===//
//
// Parses the options, loads the snapshot file, gathers its views once and
// hands them to the format's writer; write_output (cli_common.h) writes
// OUT through a temporary file renamed over it, so a failed export never
// leaves a half-written file or destroys an older one.
//
//===----------------------------------------------------------------------===//
#include "export_command.h"

#include "cli_common.h"
#include "export_collapsed.h"
#include "export_data.h"
#include "export_html.h"
#include "export_pprof.h"

#include <string>

namespace tracealloc {
namespace tool {
namespace {

const char kCommand[] = "export";

const char kHelp[] =
    "usage: tracealloc export FILE --format pprof|collapsed|html [options]\n"
    "\n"
    "Writes the snapshot FILE in another tool's format (docs/export.md):\n"
    "  pprof      gzip-compressed profile.proto, for `go tool pprof`\n"
    "  collapsed  folded stacks, for flamegraph.pl, inferno, speedscope\n"
    "  html       one self-contained page: summary, memory over time,\n"
    "             flame graph, top lines with their source\n"
    "\n"
    "options:\n"
    "  -f, --format pprof|collapsed|html\n"
    "                         the output format (required)\n"
    "  -o, --output OUT       write to OUT (default: standard output)\n"
    "      --value VALUE      collapsed: what a stack's number is:\n"
    "                         inuse-bytes (default), inuse-count,\n"
    "                         alloc-bytes, alloc-count, peak-bytes,\n"
    "                         peak-count, leak-bytes, leak-count\n"
    "  -h, --help             print this help\n"
    "\n"
    "Exit status: 0 ok, 1 a file problem, 2 a usage error (docs/cli.md).\n";

enum class ExportFormat { kPprof, kCollapsed, kHtml };

ExportFormat read_export_format(const ParsedArgs &args) {
  if (!args.has("--format"))
    usage_error(kCommand, "missing --format (pprof, collapsed or html)");
  std::string name = args.last("--format", "");
  if (name == "pprof")
    return ExportFormat::kPprof;
  if (name == "collapsed")
    return ExportFormat::kCollapsed;
  if (name == "html")
    return ExportFormat::kHtml;
  invalid_value(kCommand, "--format", name, "pprof, collapsed or html");
}

} // namespace

int run_export(int argc, char **argv) {
  const std::vector<OptionSpec> specs = {
      {"--format", "-f", "pprof|collapsed|html"},
      {"--output", "-o", "OUT"},
      {"--value", nullptr, "VALUE"}};
  ParsedArgs args = parse_args(argc, argv, specs, kHelp);
  ExportFormat format = read_export_format(args);
  std::string value_name = args.last("--value", "inuse-bytes");
  CollapsedValue value{TRACEALLOC_VIEW_IN_USE, true};
  if (args.has("--value") && format != ExportFormat::kCollapsed)
    usage_error(kCommand, "--value applies to --format collapsed only");
  if (!parse_collapsed_value(value_name, value))
    invalid_value(kCommand, "--value", value_name, collapsed_value_names());
  const std::string &input = snapshot_path(kCommand, args);

  ExportData data;
  {
    SnapshotPtr snapshot = load_snapshot(input);
    if (format == ExportFormat::kCollapsed)
      require_view(*snapshot, input, value.view);
    std::string message;
    if (!gather_export_data(snapshot.get(), data, message))
      file_error("cannot read '" + input + "': " + message);
  }

  std::string bytes;
  switch (format) {
  case ExportFormat::kPprof:
    bytes = export_pprof(data);
    break;
  case ExportFormat::kCollapsed:
    bytes = export_collapsed(data, value);
    break;
  case ExportFormat::kHtml:
    bytes = export_html(data);
    break;
  }
  write_output(args.last("--output", ""), bytes);
  return kExitOk;
}

} // namespace tool
} // namespace tracealloc
