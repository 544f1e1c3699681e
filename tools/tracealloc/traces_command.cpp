//===- traces_command.cpp - `tracealloc traces FILE`: the largest blocks --===//
#include "cli_common.h"
#include "commands.h"
#include "json_writer.h"
#include "snapshot_json.h"

#include <algorithm>
#include <iostream>
#include <numeric>

namespace tracealloc {
namespace tool {

namespace {

const char kHelp[] =
    "usage: tracealloc traces FILE [options]\n"
    "\n"
    "Prints the largest blocks in use in the snapshot FILE, one by one, each\n"
    "with its full traceback (oldest frame first), largest first.\n"
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
    "Exit status: 0 ok, 1 a file problem, 2 a usage error (docs/cli.md).\n";

const char *leak_name(int verdict) {
  switch (verdict) {
  case TRACEALLOC_LEAK_LEAKED:
    return "leaked";
  case TRACEALLOC_LEAK_REACHABLE:
    return "reachable";
  }
  return "unknown";
}

} // namespace

int run_traces(int argc, char **argv) {
  ParsedArgs args = parse_args(argc, argv, stats_option_specs(0), kHelp);
  StatsOptions o = read_stats_options("traces", args, 0);
  const std::string &path = snapshot_path("traces", args);
  SnapshotPtr snapshot = filter_snapshot(load_snapshot(path), o);
  const tracealloc_snapshot *s = snapshot.get();

  // Largest first; equal sizes in the file's order.
  size_t n = tracealloc_snapshot_trace_count(s);
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::vector<uint64_t> sizes(n);
  uint64_t total = 0;
  for (size_t i = 0; i < n; ++i)
    total += sizes[i] = tracealloc_snapshot_trace(s, i).size;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return sizes[a] != sizes[b] ? sizes[a] > sizes[b] : a < b;
  });
  size_t shown = shown_count(o, n);
  tracealloc_snapshot_info info = {};
  tracealloc_snapshot_get_info(s, &info);

  std::ostream &out = std::cout;
  if (o.format == Format::kJson) {
    JsonWriter json(out);
    json.begin_object();
    json.key("schema").value("tracealloc-traces/1");
    json.key("snapshot");
    write_snapshot(json, *s, path);
    write_query(json, o);
    json.key("traces").begin_array();
    for (size_t k = 0; k < shown; ++k) {
      tracealloc_trace t = tracealloc_snapshot_trace(s, order[k]);
      json.begin_object();
      json.key("size").value(uint64_t(t.size));
      json.key("domain").value(t.domain);
      json.key("leak");
      if (info.leak_checked)
        json.value(leak_name(tracealloc_snapshot_trace_leak(s, order[k])));
      else
        json.null();
      json.key("total_nframe").value(uint64_t(t.traceback.total_nframe));
      json.key("traceback");
      write_traceback(json, t.traceback);
      json.end_object();
    }
    json.end_array();
    json.key("total").begin_object();
    json.key("entries").value(uint64_t(n));
    json.key("size").value(total);
    json.key("count").value(uint64_t(n));
    json.end_object();
    json.end_object();
    return kExitOk;
  }

  for (const std::string &line : describe_snapshot(*s, path))
    out << line << '\n';
  out << "\nTop " << (o.limit ? o.limit : uint64_t(n)) << " blocks by size:\n";
  if (n == 0)
    out << "(none)\n";
  for (size_t k = 0; k < shown; ++k) {
    tracealloc_trace t = tracealloc_snapshot_trace(s, order[k]);
    out << '#' << k + 1 << ": size=" << format_size(double(t.size), false);
    if (t.domain != 0)
      out << ", domain=" << t.domain;
    if (info.leak_checked)
      out << ", " << leak_name(tracealloc_snapshot_trace_leak(s, order[k]));
    if (t.traceback.total_nframe > t.traceback.nframe)
      out << " (" << t.traceback.nframe << " of " << t.traceback.total_nframe
          << " frames)";
    out << '\n';
    for (const std::string &line : format_traceback(t.traceback))
      out << line << '\n';
  }
  if (shown < n) {
    uint64_t rest = 0;
    for (size_t k = shown; k < n; ++k)
      rest += sizes[order[k]];
    out << n - shown << " other: size=" << format_size(double(rest), false)
        << ", count=" << n - shown << '\n';
  }
  out << "Total: size=" << format_size(double(total), false) << ", count=" << n
      << '\n';
  return kExitOk;
}

} // namespace tool
} // namespace tracealloc
