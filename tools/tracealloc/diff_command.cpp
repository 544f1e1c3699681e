//===- diff_command.cpp - `tracealloc diff OLD NEW`: Snapshot.compare_to --===//
#include "cli_common.h"
#include "commands.h"
#include "json_writer.h"
#include "snapshot_json.h"

#include <cinttypes>
#include <iostream>

namespace tracealloc {
namespace tool {

namespace {

const char kHelp[] =
    "usage: tracealloc diff OLD NEW [options]\n"
    "\n"
    "Prints what changed from the snapshot OLD to the snapshot NEW, grouped\n"
    "by line (or file, or traceback), largest change first: tracemalloc's\n"
    "NEW.compare_to(OLD).\n"
    "\n"
    "options:\n"
    "  -k, --key lineno|filename|traceback\n"
    "                         group by line (default), file or traceback\n"
    "  -c, --cumulative       charge a trace to every frame of its\n"
    "                         traceback, not only to its line\n"
    "  -n, --limit N          show the N largest changes (default 10; 0: all)\n"
    "  -i, --include PATTERN[:LINE]\n"
    "                         keep only traces whose most recent frame's\n"
    "                         file matches the fnmatch PATTERN (and is at\n"
    "                         LINE), in both snapshots; repeatable\n"
    "  -x, --exclude PATTERN[:LINE]\n"
    "                         drop the traces that match; repeatable\n"
    "      --all-frames       --include/--exclude match any frame\n"
    "      --domain D         keep only the traces of domain D (0: heap)\n"
    "      --at-peak          compare what was in use at each one's peak\n"
    "      --all-time         compare everything allocated over the runs\n"
    "      --leaked           compare what the leak checks found leaked\n"
    "  -f, --format text|json output format (default text)\n"
    "  -h, --help             print this help\n"
    "\n"
    "Exit status: 0 ok, 1 a file problem, 2 a usage error (docs/cli.md).\n";

struct DiffSums {
  size_t entries = 0;
  uint64_t size = 0;
  int64_t size_diff = 0;
  uint64_t count = 0;
  int64_t count_diff = 0;

  void add(const tracealloc_statistic_diff &d) {
    ++entries;
    size += d.size;
    size_diff += d.size_diff;
    count += d.count;
    count_diff += d.count_diff;
  }
};

// "Total: size=20.0 KiB (+10.0 KiB), count=3 (+1)", StatisticDiff's text
// without the average.
std::string sums_text(const std::string &label, const DiffSums &s) {
  char count_diff[32];
  std::snprintf(count_diff, sizeof count_diff, "%+" PRId64, s.count_diff);
  return label + ": size=" + format_size(double(s.size), false) + " (" +
         format_size(double(s.size_diff), true) +
         "), count=" + std::to_string(s.count) + " (" + count_diff + ")";
}

void write_sums(JsonWriter &json, const DiffSums &s) {
  json.begin_object();
  json.key("entries").value(uint64_t(s.entries));
  json.key("size").value(s.size);
  json.key("size_diff").value(s.size_diff);
  json.key("count").value(s.count);
  json.key("count_diff").value(s.count_diff);
  json.end_object();
}

StatisticsPtr compare(const tracealloc_snapshot &new_snapshot,
                      const std::string &new_path,
                      const tracealloc_snapshot &old_snapshot,
                      const std::string &old_path, const StatsOptions &o) {
  require_view(old_snapshot, old_path, o.view);
  require_view(new_snapshot, new_path, o.view);
  StatisticsPtr diffs(tracealloc_snapshot_compare_to_view(
      &new_snapshot, &old_snapshot, o.view, o.key_type.c_str(), o.cumulative));
  if (!diffs)
    file_error(tracealloc_last_error());
  return diffs;
}

} // namespace

int run_diff(int argc, char **argv) {
  const int sets = kWithKey | kWithViews;
  ParsedArgs args = parse_args(argc, argv, stats_option_specs(sets), kHelp);
  StatsOptions o = read_stats_options("diff", args, sets);
  if (args.positionals.size() != 2)
    usage_error("diff", "two snapshot files expected (OLD NEW), got " +
                            std::to_string(args.positionals.size()));
  const std::string &old_path = args.positionals[0];
  const std::string &new_path = args.positionals[1];
  SnapshotPtr old_snapshot = filter_snapshot(load_snapshot(old_path), o);
  SnapshotPtr new_snapshot = filter_snapshot(load_snapshot(new_path), o);
  StatisticsPtr diffs =
      compare(*new_snapshot, new_path, *old_snapshot, old_path, o);
  size_t n = tracealloc_statistics_count(diffs.get());
  size_t shown = shown_count(o, n);

  // The totals: every trace once (totals_options).
  StatisticsPtr files;
  if (o.cumulative)
    files = compare(*new_snapshot, new_path, *old_snapshot, old_path,
                    totals_options(o));
  const tracealloc_statistics *summed = files ? files.get() : diffs.get();
  DiffSums total, other;
  for (size_t i = 0; i < tracealloc_statistics_count(summed); ++i)
    total.add(*tracealloc_statistics_diff_at(summed, i));
  total.entries = n;
  for (size_t i = shown; i < n; ++i)
    other.add(*tracealloc_statistics_diff_at(diffs.get(), i));

  std::ostream &out = std::cout;
  if (o.format == Format::kJson) {
    JsonWriter json(out);
    json.begin_object();
    json.key("schema").value("tracealloc-diff/1");
    json.key("old");
    write_snapshot(json, *old_snapshot, old_path);
    json.key("new");
    write_snapshot(json, *new_snapshot, new_path);
    write_query(json, o);
    json.key("differences").begin_array();
    for (size_t i = 0; i < shown; ++i) {
      const tracealloc_statistic_diff &d =
          *tracealloc_statistics_diff_at(diffs.get(), i);
      json.begin_object();
      json.key("size").value(uint64_t(d.size));
      json.key("size_diff").value(d.size_diff);
      json.key("count").value(uint64_t(d.count));
      json.key("count_diff").value(d.count_diff);
      json.key("traceback");
      write_traceback(json, d.traceback);
      json.end_object();
    }
    json.end_array();
    json.key("other");
    if (o.cumulative)
      json.null();
    else
      write_sums(json, other);
    json.key("total");
    write_sums(json, total);
    json.end_object();
    return kExitOk;
  }

  out << describe_snapshot(*old_snapshot, old_path, "Old snapshot")[0] << '\n'
      << describe_snapshot(*new_snapshot, new_path, "New snapshot")[0] << '\n'
      << "\nTop " << (o.limit ? o.limit : uint64_t(n)) << ' '
      << key_noun(o.key_type) << " by change in " << view_title(o.view)
      << (o.cumulative ? " (cumulative)" : "") << ":\n";
  if (n == 0)
    out << "(none)\n";
  for (size_t i = 0; i < shown; ++i) {
    const tracealloc_statistic_diff &d =
        *tracealloc_statistics_diff_at(diffs.get(), i);
    out << '#' << i + 1 << ": " << format_statistic_diff(d) << '\n';
    for (const std::string &line : statistic_details(o.key_type, d.traceback))
      out << line << '\n';
  }
  if (shown < n) {
    std::string label = std::to_string(n - shown) + " other";
    out << (o.cumulative ? label : sums_text(label, other)) << '\n';
  }
  out << sums_text("Total", total) << '\n';
  return kExitOk;
}

} // namespace tool
} // namespace tracealloc
