//===- snapshot_json.cpp - Snapshots, tracebacks and queries as JSON ------===//
#include "snapshot_json.h"

namespace tracealloc {
namespace tool {

void write_frame(JsonWriter &json, const tracealloc_frame &frame) {
  json.begin_object();
  json.key("filename").value(frame.filename);
  json.key("lineno").value(frame.lineno);
  json.key("column").value(frame.column);
  json.key("function").value(frame.function);
  json.end_object();
}

void write_traceback(JsonWriter &json, const tracealloc_traceback &tb) {
  json.begin_array();
  for (size_t i = 0; i < tb.nframe; ++i)
    write_frame(json, tb.frames[i]);
  json.end_array();
}

void write_snapshot(JsonWriter &json, const tracealloc_snapshot &snapshot,
                    const std::string &path) {
  tracealloc_snapshot_info info = {};
  tracealloc_snapshot_get_info(&snapshot, &info);
  json.begin_object();
  json.key("file").value(path);
  json.key("program").value(info.program);
  json.key("pid").value(info.pid);
  json.key("time_ns").value(info.time_ns);
  json.key("current").value(info.current);
  json.key("peak").value(info.peak);
  json.key("peak_time_ns").value(info.peak_time_ns);
  json.key("merged").value(info.merged);
  json.key("traceback_limit")
      .value(tracealloc_snapshot_traceback_limit(&snapshot));
  json.key("traces").value(
      uint64_t(tracealloc_snapshot_trace_count(&snapshot)));
  json.key("views").begin_array();
  for (tracealloc_view v : {TRACEALLOC_VIEW_IN_USE, TRACEALLOC_VIEW_AT_PEAK,
                            TRACEALLOC_VIEW_ALLOCATED, TRACEALLOC_VIEW_LEAKED})
    if (tracealloc_snapshot_has_view(&snapshot, v))
      json.value(view_name(v));
  json.end_array();
  json.end_object();
}

void write_query(JsonWriter &json, const StatsOptions &o) {
  json.key("view").value(view_name(o.view));
  json.key("key_type").value(o.key_type);
  json.key("cumulative").value(o.cumulative);
  json.key("limit").value(o.limit);
  json.key("filters").begin_array();
  for (const tracealloc_filter &f : o.filters) {
    json.begin_object();
    json.key("inclusive").value(f.inclusive != 0);
    json.key("pattern").value(f.filename_pattern);
    json.key("lineno");
    if (f.has_lineno)
      json.value(f.lineno);
    else
      json.null();
    json.key("all_frames").value(f.all_frames != 0);
    json.end_object();
  }
  json.end_array();
  json.key("domain");
  if (o.has_domain)
    json.value(o.domain);
  else
    json.null();
}

} // namespace tool
} // namespace tracealloc
