//===- protobuf_writer.cpp - Protocol buffer wire format, write only ------===//
#include "protobuf_writer.h"

namespace tracealloc {
namespace tool {
namespace {
constexpr uint32_t kWireVarint = 0, kWireLengthDelimited = 2;
} // namespace

void ProtobufWriter::varint(uint64_t value) {
  while (value >= 0x80) {
    bytes_.push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  bytes_.push_back(static_cast<char>(value));
}

void ProtobufWriter::varint_field(uint32_t field, uint64_t value) {
  tag(field, kWireVarint);
  varint(value);
}

void ProtobufWriter::bytes_field(uint32_t field, const std::string &bytes) {
  tag(field, kWireLengthDelimited);
  varint(bytes.size());
  bytes_ += bytes;
}

void ProtobufWriter::packed_varints(uint32_t field,
                                    const std::vector<uint64_t> &values) {
  ProtobufWriter packed;
  for (uint64_t value : values)
    packed.varint(value);
  bytes_field(field, packed.bytes_);
}

} // namespace tool
} // namespace tracealloc
