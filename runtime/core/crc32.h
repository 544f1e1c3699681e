//===- crc32.h - CRC-32 of zlib, gzip and PNG -----------------------------===//
//
// Header-only, without the C++ standard library, so both the runtime
// (snapshot files) and the tracealloc tool (gzip members) use this one.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_CORE_CRC32_H
#define TRACEALLOC_CORE_CRC32_H

#include <stddef.h>
#include <stdint.h>

namespace tracealloc {
namespace rt {

// The reflected polynomial 0xEDB88320, initial and final value 0xFFFFFFFF.
// `crc` is the value returned for the data before, so a long input may be
// fed in pieces: crc32(b, nb, crc32(a, na)) == crc32(a + b).
inline uint32_t crc32(const unsigned char *data, size_t size,
                      uint32_t crc = 0) {
  uint32_t table[256];
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k)
      c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  crc = ~crc;
  for (size_t i = 0; i < size; ++i)
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

} // namespace rt
} // namespace tracealloc

#endif // TRACEALLOC_CORE_CRC32_H
