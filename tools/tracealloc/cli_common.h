//===- cli_common.h - What every `tracealloc` subcommand shares -----------===//
//
// Option parsing, exit codes and errors, loading snapshot files (with their
// errors and a progress bar), writing output files, the statistics options
// (--key, --include, --at-peak, ...) and tracemalloc's text for statistics
// and tracebacks. docs/cli.md is the user's side of all of it.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_CLI_COMMON_H
#define TRACEALLOC_TOOLS_CLI_COMMON_H

#include "tracealloc/tracemalloc.h"

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tracealloc {
namespace tool {

// The exit codes of every subcommand (docs/cli.md, "Exit codes").
enum ExitCode {
  kExitOk = 0,
  kExitFileError = 1, // a file is missing, unreadable, corrupt, lacks a view
  kExitUsage = 2,     // an unknown option, a bad value, missing arguments
};

// Ends a subcommand: main() prints "tracealloc CMD: MESSAGE" to stderr and
// exits with `code`. An empty message exits quietly (after --help).
struct CommandError : std::runtime_error {
  int code;
  CommandError(int code, const std::string &message)
      : std::runtime_error(message), code(code) {}
};
[[noreturn]] void usage_error(const std::string &command,
                              const std::string &message);
[[noreturn]] void file_error(const std::string &message);

// --- Options ---------------------------------------------------------------

struct OptionSpec {
  const char *name;       // "--limit"
  const char *short_name; // "-n", or null
  const char *value_name; // "N" for an option with a value; null for a flag
};

struct ParsedArgs {
  std::map<std::string, std::vector<std::string>> values; // by long name
  std::vector<std::string> positionals;

  bool has(const std::string &name) const { return values.count(name) != 0; }
  // The last value given, or `fallback`.
  std::string last(const std::string &name, const std::string &fallback) const;
};

// argv[0] is the subcommand's name. `--name VALUE`, `--name=VALUE`, `-n
// VALUE`, and `--` before positionals that start with '-'. -h/--help
// prints `help` to stdout and ends the command with exit code 0; anything
// unknown is a usage error.
ParsedArgs parse_args(int argc, char **argv,
                      const std::vector<OptionSpec> &specs, const char *help);

// The usage error for a value an option does not take: "invalid value
// 'xml' for --format (expected text or json)".
[[noreturn]] void invalid_value(const std::string &command,
                                const std::string &option,
                                const std::string &value,
                                const std::string &expected);

// The one positional argument FILE (stats, leaks, traces, export), or a
// usage error: none, or more than one.
const std::string &snapshot_path(const std::string &command,
                                 const ParsedArgs &args);

// A non-negative integer option value, or a usage error naming the option.
uint64_t parse_count(const std::string &command, const std::string &option,
                     const std::string &value);

// --format text|json, shared by every subcommand.
enum class Format { kText, kJson };
extern const OptionSpec kFormatOption;
Format read_format(const std::string &command, const ParsedArgs &args);

// --- Snapshots -------------------------------------------------------------

struct SnapshotDeleter {
  void operator()(tracealloc_snapshot *s) const { tracealloc_snapshot_free(s); }
};
using SnapshotPtr = std::unique_ptr<tracealloc_snapshot, SnapshotDeleter>;

struct StatisticsDeleter {
  void operator()(tracealloc_statistics *s) const {
    tracealloc_statistics_free(s);
  }
};
using StatisticsPtr = std::unique_ptr<tracealloc_statistics, StatisticsDeleter>;

// The snapshot file at `path`, or a file error with the loader's reason.
// Draws a progress bar on stderr when it is a terminal and the load takes
// more than a second (TRACEALLOC_PROGRESS=always|never overrides).
SnapshotPtr load_snapshot(const std::string &path);

// --- Output files ----------------------------------------------------------

// Writes OUT through a temporary file beside it that `write` fills (it is
// given the temporary file's path, and returns "" or why it failed), then
// renames it over OUT: a failure never leaves half a file, and never
// destroys an older OUT. The file gets the mode open(2) would give it
// (0666 less the umask). A failure is a file error "cannot write 'OUT': ...".
void replace_file(const std::string &path,
                  const std::function<std::string(const std::string &)> &write);
// `bytes` to OUT through replace_file, or to standard output when `path`
// is empty.
void write_output(const std::string &path, const std::string &bytes);

// --- Statistics options (stats, diff, and the filters of leaks, traces) ----

struct StatsOptions {
  std::string key_type = "lineno";
  bool cumulative = false;
  uint64_t limit = 10; // 0: all
  tracealloc_view view = TRACEALLOC_VIEW_IN_USE;
  // --include / --exclude, in the order given; the patterns own the text.
  std::vector<tracealloc_filter> filters;
  std::vector<std::unique_ptr<std::string>> patterns;
  bool has_domain = false;
  unsigned domain = 0;
  Format format = Format::kText;
};

enum StatsOptionSet {
  kWithKey = 1,   // --key, --cumulative
  kWithViews = 2, // --at-peak, --all-time, --leaked
};
std::vector<OptionSpec> stats_option_specs(int sets);
StatsOptions read_stats_options(const std::string &command,
                                const ParsedArgs &args, int sets);

// The snapshot with --domain, then --include/--exclude applied
// (Snapshot.filter_traces); the snapshot itself when there are none.
SnapshotPtr filter_snapshot(SnapshotPtr snapshot, const StatsOptions &options);

// "in-use", "at-peak", "allocated", "leaked": the view's JSON name.
const char *view_name(tracealloc_view view);
// "memory in use", ...: what the view counts, for titles.
const char *view_title(tracealloc_view view);
// "lines", "files", "tracebacks": what a statistic of the key type is.
const char *key_noun(const std::string &key_type);

// How many of `n` entries --limit shows (0: all of them).
size_t shown_count(const StatsOptions &options, size_t n);
// The options of the list whose sum counts every trace once, for a
// report's total: a cumulative list counts a trace once per frame, so the
// total comes from the list by file, uncumulated, in the same view.
StatsOptions totals_options(const StatsOptions &options);

// A file error unless the snapshot has data for the view.
void require_view(const tracealloc_snapshot &snapshot, const std::string &path,
                  tracealloc_view view);
// The snapshot's statistics in a view, or a file error (the view missing).
StatisticsPtr view_statistics(const tracealloc_snapshot &snapshot,
                              const std::string &path,
                              const StatsOptions &options);

// --- Text ------------------------------------------------------------------

// tracemalloc._format_size.
std::string format_size(double size, bool sign);
// str(Statistic), str(StatisticDiff).
std::string format_statistic(const tracealloc_statistic &stat);
std::string format_statistic_diff(const tracealloc_statistic_diff &diff);
// Traceback.format() with the function names: '  File "a.c", line 3, in f'
// then the line's source text, oldest frame first, as Python prints one.
std::vector<std::string> format_traceback(const tracealloc_traceback &tb);
// What follows a statistic's "#1: ..." line in a text report: its
// traceback (key "traceback"), its line's source text, indented (key
// "lineno"), or nothing (key "filename").
std::vector<std::string> statistic_details(const std::string &key_type,
                                           const tracealloc_traceback &tb);
// The source text of a line, "" when it cannot be read.
std::string source_line(const tracealloc_frame &frame);

// "LABEL a.snap: /bin/prog (pid 12), merged from 3 snapshots", then
// "Traced memory: current=..., peak=..." when the file knows them: the
// lines that head a text report of one snapshot.
std::vector<std::string> describe_snapshot(const tracealloc_snapshot &snapshot,
                                           const std::string &path,
                                           const char *label = "Snapshot");

} // namespace tool
} // namespace tracealloc

#endif
