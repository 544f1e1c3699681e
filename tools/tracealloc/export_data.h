//===- export_data.h - A snapshot's views, flattened for the exporters ----===//
//
// What every export format reads: the snapshot's information and timeline,
// one table of distinct frames, and per view (in use, at peak, allocated,
// leaked) the distinct tracebacks with their bytes and blocks, and the
// per-line statistics. Gathered once through the public C API, so the
// writers never touch a snapshot handle.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_EXPORT_DATA_H
#define TRACEALLOC_TOOLS_EXPORT_DATA_H

#include <tracealloc/tracemalloc.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tracealloc {
namespace tool {

struct ExportFrame {
  std::string file;
  unsigned line = 0;
  std::string function; // "" when unknown
};

// A traceback (or a line, for per-line statistics) and what it holds.
struct ExportStack {
  std::vector<uint32_t> frames; // indexes into ExportData::frames, oldest first
  uint64_t size = 0;
  uint64_t count = 0;
};

// ExportData::views is indexed by tracealloc_view (0 to 3).
constexpr int kNumViews = TRACEALLOC_VIEW_LEAKED + 1;

struct ExportViewData {
  bool present = false;            // the snapshot holds data for this view
  std::vector<ExportStack> stacks; // statistics("traceback"), largest first
  std::vector<ExportStack> lines;  // statistics("lineno"): one frame each
};

struct ExportData {
  tracealloc_snapshot_info info{};
  std::string program;
  std::vector<tracealloc_sample> timeline;
  std::vector<ExportFrame> frames;
  ExportViewData views[kNumViews];
};

// Reads every view of `snapshot`; false with `error` set when the C API
// fails (out of memory).
bool gather_export_data(const tracealloc_snapshot *snapshot, ExportData &out,
                        std::string &error);

// "function (file:line)", or "file:line" when the function is unknown: how
// the collapsed and HTML formats name a frame.
std::string frame_label(const ExportFrame &frame);

} // namespace tool
} // namespace tracealloc

#endif
