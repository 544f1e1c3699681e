//===- export_data.cpp - A snapshot's views, flattened for the exporters --===//
#include "export_data.h"

#include <map>
#include <tuple>

namespace tracealloc {
namespace tool {
namespace {

using FrameKey = std::tuple<std::string, unsigned, std::string>;

class FrameTable {
public:
  explicit FrameTable(std::vector<ExportFrame> &frames) : frames_(frames) {}

  uint32_t intern(const tracealloc_frame &frame) {
    FrameKey key(frame.filename ? frame.filename : "", frame.lineno,
                 frame.function ? frame.function : "");
    auto it = index_.find(key);
    if (it != index_.end())
      return it->second;
    uint32_t id = static_cast<uint32_t>(frames_.size());
    frames_.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key)});
    index_.emplace(std::move(key), id);
    return id;
  }

private:
  std::vector<ExportFrame> &frames_;
  std::map<FrameKey, uint32_t> index_;
};

bool read_statistics(const tracealloc_snapshot *snapshot, tracealloc_view view,
                     const char *key_type, FrameTable &table,
                     std::vector<ExportStack> &out, std::string &error) {
  tracealloc_statistics *list =
      tracealloc_snapshot_statistics_view(snapshot, view, key_type, 0);
  if (!list) {
    error = tracealloc_last_error();
    return false;
  }
  size_t n = tracealloc_statistics_count(list);
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const tracealloc_statistic *stat = tracealloc_statistics_at(list, i);
    ExportStack stack;
    stack.size = stat->size;
    stack.count = stat->count;
    for (size_t f = 0; f < stat->traceback.nframe; ++f)
      stack.frames.push_back(table.intern(stat->traceback.frames[f]));
    out.push_back(std::move(stack));
  }
  tracealloc_statistics_free(list);
  return true;
}

} // namespace

bool gather_export_data(const tracealloc_snapshot *snapshot, ExportData &out,
                        std::string &error) {
  if (tracealloc_snapshot_get_info(snapshot, &out.info) != 0) {
    error = tracealloc_last_error();
    return false;
  }
  out.program = out.info.program ? out.info.program : "";
  out.info.program = nullptr; // owned by the snapshot: use `program`
  const tracealloc_sample *samples = nullptr;
  size_t num_samples = tracealloc_snapshot_timeline(snapshot, &samples);
  out.timeline.assign(samples, samples + num_samples);

  FrameTable table(out.frames);
  for (int v = 0; v < kNumViews; ++v) {
    tracealloc_view view = static_cast<tracealloc_view>(v);
    ExportViewData &data = out.views[v];
    data.present = tracealloc_snapshot_has_view(snapshot, view) != 0;
    if (!data.present)
      continue;
    if (!read_statistics(snapshot, view, "traceback", table, data.stacks,
                         error) ||
        !read_statistics(snapshot, view, "lineno", table, data.lines, error))
      return false;
  }
  return true;
}

std::string frame_label(const ExportFrame &frame) {
  std::string where = frame.file + ":" + std::to_string(frame.line);
  if (frame.function.empty())
    return where;
  return frame.function + " (" + where + ")";
}

} // namespace tool
} // namespace tracealloc
