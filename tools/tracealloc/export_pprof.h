//===- export_pprof.h - A snapshot as a pprof profile ---------------------===//
//
// gzip-compressed profile.proto (github.com/google/pprof, proto/
// profile.proto), as Go heap profiles are: sample types alloc_objects,
// alloc_space (the allocated view) and inuse_objects, inuse_space (the
// in-use view), one sample per distinct traceback, one location per frame.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_EXPORT_PPROF_H
#define TRACEALLOC_TOOLS_EXPORT_PPROF_H

#include "export_data.h"

#include <string>

namespace tracealloc {
namespace tool {

// The gzip-compressed profile.
std::string export_pprof(const ExportData &data);

} // namespace tool
} // namespace tracealloc

#endif
