//===- gzip_writer.h - A gzip member of stored deflate blocks -------------===//
//
// pprof reads gzip-compressed profiles. Compression is not the point here,
// so the member holds "stored" (uncompressed) deflate blocks: any gzip
// reader accepts it, and no compression library is needed (RFC 1951 3.2.4,
// RFC 1952).
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_GZIP_WRITER_H
#define TRACEALLOC_TOOLS_GZIP_WRITER_H

#include <string>

namespace tracealloc {
namespace tool {

// `data` as one gzip member.
std::string gzip_stored(const std::string &data);

} // namespace tool
} // namespace tracealloc

#endif
