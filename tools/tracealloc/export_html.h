//===- export_html.h - A snapshot as one self-contained HTML page ---------===//
//
// The page is html/report.html, embedded in the tool at build time, with
// the snapshot's data put in as JSON (and the source text of every line it
// names, read now, so the page needs nothing but itself).
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_EXPORT_HTML_H
#define TRACEALLOC_TOOLS_EXPORT_HTML_H

#include "export_data.h"

#include <string>

namespace tracealloc {
namespace tool {

std::string export_html(const ExportData &data);

} // namespace tool
} // namespace tracealloc

#endif
