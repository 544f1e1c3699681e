//===- diagnostics.h - The runtime's messages on stderr -------------------===//
#ifndef TRACEALLOC_RUNTIME_DIAGNOSTICS_H
#define TRACEALLOC_RUNTIME_DIAGNOSTICS_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

// "TraceAlloc: warning: ..." on stderr, in one write(2), without malloc.
void warn(const char *format, ...) __attribute__((format(printf, 1, 2)));
void error(const char *format, ...) __attribute__((format(printf, 1, 2)));
void note(const char *format, ...) __attribute__((format(printf, 1, 2)));

// write(2) until all of it is written; false on an error other than EINTR.
bool write_all(int fd, const char *data, size_t size);

} // namespace rt
} // namespace tracealloc

#endif
