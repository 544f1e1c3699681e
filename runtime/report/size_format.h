//===- size_format.h - Sizes as tracemalloc prints them -------------------===//
#ifndef TRACEALLOC_RUNTIME_SIZE_FORMAT_H
#define TRACEALLOC_RUNTIME_SIZE_FORMAT_H

#include <stddef.h>

namespace tracealloc {
namespace rt {

// CPython's Lib/tracemalloc.py _format_size(size, sign): "1000 B",
// "10.0 KiB", "1536 KiB", "+12.5 MiB". Returns buf.
const char *format_size(char *buf, size_t buf_size, double size, bool sign);

} // namespace rt
} // namespace tracealloc

#endif
