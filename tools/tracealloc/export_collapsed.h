//===- export_collapsed.h - A snapshot as folded stacks -------------------===//
//
// Brendan Gregg's folded-stack format, which flamegraph.pl, inferno and
// speedscope read: one line per distinct traceback,
// `frame;frame;frame VALUE`, oldest frame first, a frame named
// `function (file:line)` (docs/export.md).
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_EXPORT_COLLAPSED_H
#define TRACEALLOC_TOOLS_EXPORT_COLLAPSED_H

#include "export_data.h"

#include <string>

namespace tracealloc {
namespace tool {

// What a line's value is: a view and bytes or blocks.
struct CollapsedValue {
  tracealloc_view view;
  bool bytes;
};

// Parses `inuse-bytes`, `alloc-count`, ... (the --value option); false for
// an unknown name.
bool parse_collapsed_value(const std::string &name, CollapsedValue &out);
// The accepted names, for messages: "inuse-bytes, ..., leak-bytes or
// leak-count".
const char *collapsed_value_names();

// The folded stacks, sorted; tracebacks whose value is 0 are left out.
std::string export_collapsed(const ExportData &data, CollapsedValue value);

} // namespace tool
} // namespace tracealloc

#endif
