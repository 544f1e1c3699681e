//===- source_line.h - One line of a source file, for the report ----------===//
#ifndef TRACEALLOC_RUNTIME_SOURCE_LINE_H
#define TRACEALLOC_RUNTIME_SOURCE_LINE_H

#include <stddef.h>
#include <stdint.h>

namespace tracealloc {
namespace rt {

// Line `line` (1-based) of `path`, without surrounding white space, as
// linecache.getline(...).strip() gives it; false if the file or line cannot
// be read. Long lines are cut to out_size - 1 bytes.
bool read_source_line(const char *path, uint32_t line, char *out,
                      size_t out_size);

} // namespace rt
} // namespace tracealloc

#endif
