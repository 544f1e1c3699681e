//===- export_pprof.cpp - A snapshot as a pprof profile -------------------===//
#include "export_pprof.h"

#include "gzip_writer.h"
#include "protobuf_writer.h"

#include <map>
#include <utility>

namespace tracealloc {
namespace tool {
namespace {

// Field numbers of profile.proto.
namespace profile {
enum : uint32_t {
  kSampleType = 1,
  kSample = 2,
  kMapping = 3,
  kLocation = 4,
  kFunction = 5,
  kStringTable = 6,
  kDurationNanos = 10,
  kPeriodType = 11,
  kPeriod = 12,
  kComment = 13,
  kDefaultSampleType = 14
};
} // namespace profile
namespace value_type {
enum : uint32_t { kType = 1, kUnit = 2 };
}
namespace sample {
enum : uint32_t { kLocationId = 1, kValue = 2 };
}
namespace mapping {
enum : uint32_t {
  kId = 1,
  kFilename = 5,
  kHasFunctions = 7,
  kHasFilenames = 8,
  kHasLineNumbers = 9,
  kHasInlineFrames = 10
};
}
namespace location {
enum : uint32_t { kId = 1, kMappingId = 2, kLine = 4 };
}
namespace line {
enum : uint32_t { kFunctionId = 1, kLine = 2 };
}
namespace function {
enum : uint32_t { kId = 1, kName = 2, kSystemName = 3, kFilename = 4 };
}

class StringTable {
public:
  StringTable() { index(""); } // string_table[0] must be ""

  uint64_t index(const std::string &text) {
    auto [it, added] = index_.emplace(text, strings_.size());
    if (added)
      strings_.push_back(text);
    return it->second;
  }
  const std::vector<std::string> &strings() const { return strings_; }

private:
  std::map<std::string, uint64_t> index_;
  std::vector<std::string> strings_;
};

// Which values a sample carries, in sample-type order.
struct SampleTypes {
  bool alloc;
  size_t inuse_objects() const { return alloc ? 2 : 0; }
  size_t size() const { return alloc ? 4 : 2; }
};

ProtobufWriter value_type_message(StringTable &strings, const char *type,
                                  const char *unit) {
  ProtobufWriter m;
  m.varint_field(value_type::kType, strings.index(type));
  m.varint_field(value_type::kUnit, strings.index(unit));
  return m;
}

} // namespace

std::string export_pprof(const ExportData &data) {
  StringTable strings;
  ProtobufWriter out;
  const ExportViewData &inuse = data.views[TRACEALLOC_VIEW_IN_USE];
  const ExportViewData &allocated = data.views[TRACEALLOC_VIEW_ALLOCATED];
  SampleTypes types{allocated.present};

  // Go's heap profiles list the types in this order; pprof shows the last
  // (inuse_space) unless told otherwise.
  if (types.alloc) {
    out.message_field(profile::kSampleType,
                      value_type_message(strings, "alloc_objects", "count"));
    out.message_field(profile::kSampleType,
                      value_type_message(strings, "alloc_space", "bytes"));
  }
  out.message_field(profile::kSampleType,
                    value_type_message(strings, "inuse_objects", "count"));
  out.message_field(profile::kSampleType,
                    value_type_message(strings, "inuse_space", "bytes"));

  // One sample per distinct traceback of either view.
  std::map<std::vector<uint32_t>, std::vector<uint64_t>> samples;
  auto add = [&](const ExportViewData &view, size_t first) {
    for (const ExportStack &stack : view.stacks) {
      std::vector<uint64_t> &values = samples[stack.frames];
      values.resize(types.size());
      values[first] += stack.count;
      values[first + 1] += stack.size;
    }
  };
  if (types.alloc)
    add(allocated, 0);
  add(inuse, types.inuse_objects());

  // One mapping for the program, marked as fully symbolized so that pprof
  // does not look for the binary to symbolize addresses (there are none).
  constexpr uint64_t kMappingId = 1;
  ProtobufWriter program;
  program.varint_field(mapping::kId, kMappingId);
  program.varint_field(
      mapping::kFilename,
      strings.index(data.program.empty() ? "unknown program" : data.program));
  for (uint32_t field : {mapping::kHasFunctions, mapping::kHasFilenames,
                         mapping::kHasLineNumbers, mapping::kHasInlineFrames})
    program.varint_field(field, 1);
  out.message_field(profile::kMapping, program);

  std::map<uint32_t, uint64_t> location_ids; // frame -> location id
  for (const auto &[frames, values] : samples) {
    std::vector<uint64_t> location_list;
    // profile.proto: the leaf is location_id[0]; ours are oldest first.
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
      auto [loc, added] = location_ids.emplace(*it, location_ids.size() + 1);
      location_list.push_back(loc->second);
    }
    ProtobufWriter s;
    s.packed_varints(sample::kLocationId, location_list);
    s.packed_varints(sample::kValue, values);
    out.message_field(profile::kSample, s);
  }

  // One location per frame, one function per (name, file).
  std::map<std::pair<std::string, std::string>, uint64_t> function_ids;
  std::vector<ProtobufWriter> functions;
  for (const auto &[frame_index, location_id] : location_ids) {
    const ExportFrame &frame = data.frames[frame_index];
    std::string name = frame.function.empty() ? "??" : frame.function;
    auto [fn, added] = function_ids.emplace(std::make_pair(name, frame.file),
                                            function_ids.size() + 1);
    if (added) {
      ProtobufWriter f;
      f.varint_field(function::kId, fn->second);
      f.varint_field(function::kName, strings.index(name));
      f.varint_field(function::kSystemName, strings.index(name));
      f.varint_field(function::kFilename, strings.index(frame.file));
      functions.push_back(std::move(f));
    }
    ProtobufWriter l;
    l.varint_field(line::kFunctionId, fn->second);
    l.varint_field(line::kLine, frame.line);
    ProtobufWriter loc;
    loc.varint_field(location::kId, location_id);
    loc.varint_field(location::kMappingId, kMappingId);
    loc.message_field(location::kLine, l);
    out.message_field(profile::kLocation, loc);
  }
  for (const ProtobufWriter &f : functions)
    out.message_field(profile::kFunction, f);

  // pprof prints comments under the header: the numbers a user compares.
  // A snapshot file without this information has a pid and peak of 0.
  std::vector<uint64_t> comments;
  if (!data.program.empty() || data.info.pid)
    comments.push_back(
        strings.index("TraceAlloc snapshot of " +
                      (data.program.empty() ? std::string("an unknown program")
                                            : data.program) +
                      " (pid " + std::to_string(data.info.pid) + ")"));
  if (data.info.peak)
    comments.push_back(strings.index(
        "traced memory: current=" + std::to_string(data.info.current) +
        " B, peak=" + std::to_string(data.info.peak) + " B"));
  if (data.info.merged > 1)
    comments.push_back(strings.index("merged from " +
                                     std::to_string(data.info.merged) +
                                     " snapshots (the first one named above)"));

  if (data.info.time_ns)
    out.varint_field(profile::kDurationNanos, data.info.time_ns);
  out.message_field(profile::kPeriodType,
                    value_type_message(strings, "space", "bytes"));
  out.varint_field(profile::kPeriod, 1);
  for (uint64_t c : comments)
    out.varint_field(profile::kComment, c);
  out.varint_field(profile::kDefaultSampleType, strings.index("inuse_space"));
  // Last: every string above is interned by now.
  for (const std::string &s : strings.strings())
    out.bytes_field(profile::kStringTable, s);
  return gzip_stored(out.bytes());
}

} // namespace tool
} // namespace tracealloc
