//===- statistics_report.cpp - A snapshot's top statistics, text or JSON --===//
#include "statistics_report.h"
#include "json_writer.h"
#include "snapshot_json.h"

namespace tracealloc {
namespace tool {

namespace {

struct Sums {
  size_t entries = 0;
  uint64_t size = 0;
  uint64_t count = 0;

  void add(const tracealloc_statistic &s) {
    ++entries;
    size += s.size;
    count += s.count;
  }
};

std::string sums_text(const char *label, const Sums &s) {
  return std::string(label) + ": size=" + format_size(double(s.size), false) +
         ", count=" + std::to_string(s.count);
}

void write_sums(JsonWriter &json, const Sums &s) {
  json.begin_object();
  json.key("entries").value(uint64_t(s.entries));
  json.key("size").value(s.size);
  json.key("count").value(s.count);
  json.end_object();
}

} // namespace

void print_statistics_report(std::ostream &out,
                             const tracealloc_snapshot &snapshot,
                             const std::string &path, const StatsOptions &o,
                             const char *schema) {
  StatisticsPtr stats = view_statistics(snapshot, path, o);
  size_t n = tracealloc_statistics_count(stats.get());
  size_t shown = shown_count(o, n);

  // The view's total: every trace once (totals_options).
  StatisticsPtr files;
  if (o.cumulative)
    files = view_statistics(snapshot, path, totals_options(o));
  const tracealloc_statistics *summed = files ? files.get() : stats.get();
  Sums total, other;
  for (size_t i = 0; i < tracealloc_statistics_count(summed); ++i)
    total.add(*tracealloc_statistics_at(summed, i));
  total.entries = n;
  for (size_t i = shown; i < n; ++i)
    other.add(*tracealloc_statistics_at(stats.get(), i));

  if (o.format == Format::kJson) {
    JsonWriter json(out);
    json.begin_object();
    json.key("schema").value(schema);
    json.key("snapshot");
    write_snapshot(json, snapshot, path);
    write_query(json, o);
    json.key("statistics").begin_array();
    for (size_t i = 0; i < shown; ++i) {
      const tracealloc_statistic &s = *tracealloc_statistics_at(stats.get(), i);
      json.begin_object();
      json.key("size").value(uint64_t(s.size));
      json.key("count").value(uint64_t(s.count));
      json.key("traceback");
      write_traceback(json, s.traceback);
      json.end_object();
    }
    json.end_array();
    json.key("other");
    if (o.cumulative) // cumulative entries overlap: their sum means nothing
      json.null();
    else
      write_sums(json, other);
    json.key("total");
    write_sums(json, total);
    json.end_object();
    return;
  }

  for (const std::string &line : describe_snapshot(snapshot, path))
    out << line << '\n';
  out << "\nTop " << (o.limit ? o.limit : uint64_t(n)) << ' '
      << key_noun(o.key_type) << " by " << view_title(o.view)
      << (o.cumulative ? " (cumulative)" : "") << ":\n";
  if (n == 0)
    out << "(none)\n";
  for (size_t i = 0; i < shown; ++i) {
    const tracealloc_statistic &s = *tracealloc_statistics_at(stats.get(), i);
    out << '#' << i + 1 << ": " << format_statistic(s) << '\n';
    for (const std::string &line : statistic_details(o.key_type, s.traceback))
      out << line << '\n';
  }
  if (shown < n) {
    std::string label = std::to_string(n - shown) + " other";
    if (o.cumulative)
      out << label << '\n';
    else
      out << sums_text(label.c_str(), other) << '\n';
  }
  out << sums_text("Total", total) << '\n';
}

} // namespace tool
} // namespace tracealloc
