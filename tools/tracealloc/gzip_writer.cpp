//===- gzip_writer.cpp - A gzip member of stored deflate blocks -----------===//
#include "gzip_writer.h"

#include "core/crc32.h"

#include <cstdint>

namespace tracealloc {
namespace tool {
namespace {

void put_le(std::string &out, uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out.push_back(static_cast<char>(value >> (8 * i)));
}

} // namespace

std::string gzip_stored(const std::string &data) {
  constexpr size_t kMaxStored = 65535; // LEN is 16 bits
  std::string out;
  out.reserve(data.size() + data.size() / kMaxStored * 5 + 32);
  // ID1 ID2, CM=8 (deflate), FLG=0, MTIME=0 (none), XFL=0, OS=255 (unknown).
  static const char kHeader[10] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 0, '\xff'};
  out.append(kHeader, sizeof kHeader);
  size_t pos = 0;
  do {
    size_t len =
        data.size() - pos < kMaxStored ? data.size() - pos : kMaxStored;
    bool final = pos + len == data.size();
    // BFINAL in bit 0, BTYPE=00 (stored) in bits 1-2; the rest of the byte
    // pads to the byte boundary the stored block starts at.
    out += static_cast<char>(final ? 1 : 0);
    put_le(out, static_cast<uint32_t>(len), 2);
    put_le(out, static_cast<uint32_t>(~len & 0xFFFF), 2);
    out.append(data, pos, len);
    pos += len;
  } while (pos < data.size());
  const auto *bytes = reinterpret_cast<const unsigned char *>(data.data());
  put_le(out, rt::crc32(bytes, data.size()), 4);
  put_le(out, static_cast<uint32_t>(data.size()), 4); // ISIZE: size mod 2^32
  return out;
}

} // namespace tool
} // namespace tracealloc
