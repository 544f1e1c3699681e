//===- protobuf_writer.h - Protocol buffer wire format, write only --------===//
//
// The few wire types profile.proto needs (varints, length-delimited bytes
// and nested messages, packed repeated varints), appended to a string
// (https://protobuf.dev/programming-guides/encoding/).
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_PROTOBUF_WRITER_H
#define TRACEALLOC_TOOLS_PROTOBUF_WRITER_H

#include <cstdint>
#include <string>
#include <vector>

namespace tracealloc {
namespace tool {

class ProtobufWriter {
public:
  // int64, uint64 and enum fields alike (negative int64s take 10 bytes, as
  // the wire format says). Zero is written too: callers skip defaults.
  void varint_field(uint32_t field, uint64_t value);
  void bytes_field(uint32_t field, const std::string &bytes);
  void message_field(uint32_t field, const ProtobufWriter &message) {
    bytes_field(field, message.bytes_);
  }
  void packed_varints(uint32_t field, const std::vector<uint64_t> &values);

  const std::string &bytes() const { return bytes_; }

private:
  void varint(uint64_t value);
  void tag(uint32_t field, uint32_t wire_type) {
    varint(uint64_t(field) << 3 | wire_type);
  }

  std::string bytes_;
};

} // namespace tool
} // namespace tracealloc

#endif
