//===- export_collapsed.cpp - A snapshot as folded stacks -----------------===//
#include "export_collapsed.h"

#include <algorithm>

namespace tracealloc {
namespace tool {
namespace {

struct ValueName {
  const char *name;
  CollapsedValue value;
};
constexpr ValueName kValues[] = {
    {"inuse-bytes", {TRACEALLOC_VIEW_IN_USE, true}},
    {"inuse-count", {TRACEALLOC_VIEW_IN_USE, false}},
    {"alloc-bytes", {TRACEALLOC_VIEW_ALLOCATED, true}},
    {"alloc-count", {TRACEALLOC_VIEW_ALLOCATED, false}},
    {"peak-bytes", {TRACEALLOC_VIEW_AT_PEAK, true}},
    {"peak-count", {TRACEALLOC_VIEW_AT_PEAK, false}},
    {"leak-bytes", {TRACEALLOC_VIEW_LEAKED, true}},
    {"leak-count", {TRACEALLOC_VIEW_LEAKED, false}},
};

// The readers split a line at its last space and frames at ';': a ';' or a
// line break inside a name would cut a frame in two, so they become ','
// and ' '.
std::string folded_frame(const ExportFrame &frame) {
  std::string label = frame_label(frame);
  for (char &c : label) {
    if (c == ';')
      c = ',';
    else if (c == '\n' || c == '\r')
      c = ' ';
  }
  return label;
}

} // namespace

bool parse_collapsed_value(const std::string &name, CollapsedValue &out) {
  for (const ValueName &v : kValues)
    if (name == v.name) {
      out = v.value;
      return true;
    }
  return false;
}

const char *collapsed_value_names() {
  return "inuse-bytes, inuse-count, alloc-bytes, alloc-count, peak-bytes, "
         "peak-count, leak-bytes or leak-count";
}

std::string export_collapsed(const ExportData &data, CollapsedValue value) {
  std::vector<std::string> lines;
  for (const ExportStack &stack : data.views[value.view].stacks) {
    uint64_t v = value.bytes ? stack.size : stack.count;
    if (v == 0)
      continue;
    std::string line;
    for (size_t i = 0; i < stack.frames.size(); ++i) {
      if (i)
        line += ';';
      line += folded_frame(data.frames[stack.frames[i]]);
    }
    line += ' ' + std::to_string(v) + '\n';
    lines.push_back(std::move(line));
  }
  // Sorted, as flamegraph.pl's stackcollapse scripts emit them, so two
  // exports of one snapshot compare equal.
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string &line : lines)
    out += line;
  return out;
}

} // namespace tool
} // namespace tracealloc
