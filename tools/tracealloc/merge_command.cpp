//===- merge_command.cpp - `tracealloc merge OUT FILE...` -----------------===//
//
// Loads every input first, merges them (tracealloc_snapshot_merge), and
// writes OUT with replace_file, so a failure never leaves a half-written
// OUT. OUT may be one of the inputs; an existing OUT that is not one of them
// needs --force, so that `merge a.snap b.snap` (the output forgotten) cannot
// overwrite a.snap.
//
//===----------------------------------------------------------------------===//
#include "cli_common.h"
#include "commands.h"
#include "json_writer.h"
#include "snapshot_json.h"

#include <iostream>
#include <sys/stat.h>

namespace tracealloc {
namespace tool {

namespace {

const char kHelp[] =
    "usage: tracealloc merge OUT FILE... [options]\n"
    "\n"
    "Merges the snapshot files FILE... (the processes of one test run, many\n"
    "test binaries) into one snapshot file OUT: traces concatenated, equal\n"
    "tracebacks shared, at-peak and allocated totals summed per traceback,\n"
    "timelines summed. A view (at-peak, allocated, leaked) is kept only if\n"
    "every FILE has it.\n"
    "\n"
    "options:\n"
    "      --force            overwrite OUT when it exists and is not a FILE\n"
    "  -f, --format text|json output format of the summary (default text)\n"
    "  -h, --help             print this help\n"
    "\n"
    "Exit status: 0 ok, 1 a file problem, 2 a usage error (docs/cli.md).\n";

bool same_file(const std::string &a, const std::string &b) {
  struct stat x, y;
  return stat(a.c_str(), &x) == 0 && stat(b.c_str(), &y) == 0 &&
         x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

} // namespace

int run_merge(int argc, char **argv) {
  ParsedArgs args = parse_args(
      argc, argv, {kFormatOption, {"--force", nullptr, nullptr}}, kHelp);
  Format format = read_format("merge", args);
  if (args.positionals.size() < 2)
    usage_error("merge", args.positionals.empty()
                             ? "missing the output file OUT and the inputs"
                             : "missing the snapshot files to merge");
  const std::string &out_path = args.positionals[0];
  std::vector<std::string> inputs(args.positionals.begin() + 1,
                                  args.positionals.end());
  struct stat st;
  if (stat(out_path.c_str(), &st) == 0 && !args.has("--force")) {
    bool is_input = false;
    for (const std::string &in : inputs)
      is_input = is_input || same_file(in, out_path);
    if (!is_input)
      usage_error("merge", "'" + out_path +
                               "' exists and is not one of the inputs; pass "
                               "--force to overwrite it (the output comes "
                               "first: tracealloc merge OUT FILE...)");
  }

  std::vector<SnapshotPtr> snapshots;
  std::vector<const tracealloc_snapshot *> pointers;
  for (const std::string &in : inputs) {
    snapshots.push_back(load_snapshot(in));
    pointers.push_back(snapshots.back().get());
  }
  SnapshotPtr merged(
      tracealloc_snapshot_merge(pointers.data(), pointers.size()));
  if (!merged)
    file_error(std::string("cannot merge: ") + tracealloc_last_error());
  replace_file(out_path, [&](const std::string &temporary) {
    return tracealloc_snapshot_dump(merged.get(), temporary.c_str()) == 0
               ? std::string()
               : std::string(tracealloc_last_error());
  });

  tracealloc_snapshot_info info = {};
  tracealloc_snapshot_get_info(merged.get(), &info);
  size_t traces = tracealloc_snapshot_trace_count(merged.get());
  if (format == Format::kJson) {
    JsonWriter json(std::cout);
    json.begin_object();
    json.key("schema").value("tracealloc-merge/1");
    json.key("inputs").begin_array();
    for (const std::string &in : inputs)
      json.value(in);
    json.end_array();
    json.key("output");
    write_snapshot(json, *merged, out_path);
    json.end_object();
  } else {
    std::cout << "Merged " << inputs.size() << " snapshot"
              << (inputs.size() == 1 ? "" : "s") << " (" << info.merged
              << " runs, " << traces << " traces) into " << out_path << '\n';
  }
  return kExitOk;
}

} // namespace tool
} // namespace tracealloc
