// Snapshot.dump / Snapshot.load: a round trip keeps traces, tracebacks
// (function names too), the traceback limit and every statistic; the file
// starts with the header of docs/snapshot-format.md; and each kind of bad
// file gives its own message, never a crash: missing, a directory, empty,
// not a snapshot, truncated (in the header, in the body), bytes after the
// end, a flipped byte (checksum), another format version, and files with
// a valid checksum but impossible contents (a count larger than the file,
// an index out of range, a traceback limit out of range).
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %tracealloc_cxx -std=c++17 -O2 %s -o %t
// RUN: env TRACEALLOC_OPTIONS=report=0 %t %t.dir | FileCheck %s -DDIR=%t.dir
// RUN: od -A d -t x1 -N 16 %t.dir/good.snap | FileCheck %s --check-prefix=HEADER
//
// Magic "\x89TASNAP\n", version 2, traceback limit 1 (little-endian).
// HEADER: 0000000 89 54 41 53 4e 41 50 0a 02 00 00 00 01 00 00 00

#include <tracealloc/tracemalloc.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

using Bytes = std::vector<unsigned char>;

Bytes read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string &path, const Bytes &bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char *>(bytes.data()), bytes.size());
}

// zlib's CRC-32, to forge files whose checksum is right.
uint32_t crc32(const unsigned char *p, size_t n) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) {
    crc ^= p[i];
    for (int k = 0; k < 8; k++)
      crc = crc & 1 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  return crc ^ 0xFFFFFFFFu;
}

void put_u32(Bytes &b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; i++)
    b[at + i] = static_cast<unsigned char>(v >> (8 * i));
}


void try_load(const std::string &name, const std::string &path) {
  try {
    auto s = tracealloc::Snapshot::load(path);
    std::cout << name << ": loaded " << s.traces().size() << " traces\n";
  } catch (const std::runtime_error &e) {
    std::cout << name << ": " << e.what() << '\n';
  }
}

// The good file with the u32 at `at` set to `value` and a checksum that
// matches again, then loaded.
void forge(const std::string &name, const std::string &path, Bytes bytes,
           size_t at, uint32_t value) {
  put_u32(bytes, at, value);
  put_u32(bytes, bytes.size() - 4, crc32(bytes.data(), bytes.size() - 4));
  write_file(path, bytes);
  try_load(name, path);
}

__attribute__((noinline)) void allocate() {
  for (int i = 0; i < 3; i++) sink(malloc(100));
  sink(malloc(2000));
}

int main(int argc, char **argv) {
  std::string dir = argv[1];
  allocate();
  auto snapshot = tracealloc::take_snapshot().filter_traces(
      {tracealloc::Filter(true, __FILE__)});
  snapshot.dump(dir + "/good.snap");
  auto loaded = tracealloc::Snapshot::load(dir + "/good.snap");

  // CHECK: limit 1, 4 traces
  std::cout << "limit " << loaded.traceback_limit() << ", "
            << loaded.traces().size() << " traces\n";
  // CHECK-NEXT: {{.*}}dump-load.cpp:[[#L:]]: size=2000 B, count=1, average=2000 B
  // CHECK-NEXT: {{.*}}dump-load.cpp:[[#L-1]]: size=300 B, count=3, average=100 B
  for (const auto &s : loaded.statistics("lineno"))
    std::cout << s << '\n';
  // CHECK-NEXT: same statistics: yes yes yes
  std::cout << "same statistics: "
            << (loaded.statistics("lineno") == snapshot.statistics("lineno") ? "yes" : "no")
            << ' '
            << (loaded.statistics("filename") == snapshot.statistics("filename") ? "yes" : "no")
            << ' '
            << (loaded.statistics("traceback") == snapshot.statistics("traceback") ? "yes" : "no")
            << '\n';
  // CHECK-NEXT: function: allocate, total_nframe 1
  auto trace = loaded.traces().front();
  std::cout << "function: " << trace.traceback[0].function << ", total_nframe "
            << *trace.traceback.total_nframe() << '\n';
  // A loaded snapshot compares with a live one.
  // CHECK-NEXT: changes against the live snapshot: 0
  int changes = 0;
  for (const auto &d : snapshot.compare_to(loaded, "lineno"))
    changes += d.size_diff != 0 || d.count_diff != 0;
  std::cout << "changes against the live snapshot: " << changes << '\n';
  // Dumping what was loaded gives the same bytes.
  loaded.dump(dir + "/again.snap");
  // CHECK-NEXT: same bytes: yes
  std::cout << "same bytes: "
            << (read_file(dir + "/again.snap") == read_file(dir + "/good.snap") ? "yes" : "no")
            << '\n';

  // CHECK-NEXT: dump: cannot dump snapshot to '/nonexistent/x.snap': No such file or directory
  try {
    snapshot.dump("/nonexistent/x.snap");
  } catch (const std::runtime_error &e) {
    std::cout << "dump: " << e.what() << '\n';
  }

  const Bytes good = read_file(dir + "/good.snap");
  // CHECK-NEXT: missing: cannot load snapshot '[[DIR]]/missing.snap': No such file or directory
  try_load("missing", dir + "/missing.snap");
  // CHECK-NEXT: directory: cannot load snapshot '[[DIR]]': Is a directory
  try_load("directory", dir);
  // CHECK-NEXT: empty: cannot load snapshot '[[DIR]]/empty.snap': not a TraceAlloc snapshot file
  write_file(dir + "/empty.snap", {});
  try_load("empty", dir + "/empty.snap");
  // CHECK-NEXT: text: cannot load snapshot '[[DIR]]/text.snap': not a TraceAlloc snapshot file
  write_file(dir + "/text.snap", Bytes{'h', 'e', 'l', 'l', 'o', '\n'});
  try_load("text", dir + "/text.snap");
  // CHECK-NEXT: magic only: cannot load snapshot '[[DIR]]/magic.snap': the file is truncated
  write_file(dir + "/magic.snap", Bytes(good.begin(), good.begin() + 8));
  try_load("magic only", dir + "/magic.snap");
  // CHECK-NEXT: truncated header: cannot load snapshot '[[DIR]]/header.snap': the file is truncated
  write_file(dir + "/header.snap", Bytes(good.begin(), good.begin() + 30));
  try_load("truncated header", dir + "/header.snap");
  // CHECK-NEXT: truncated body: cannot load snapshot '[[DIR]]/body.snap': the file is truncated
  write_file(dir + "/body.snap", Bytes(good.begin(), good.end() - 10));
  try_load("truncated body", dir + "/body.snap");
  // CHECK-NEXT: trailing bytes: cannot load snapshot '[[DIR]]/long.snap': the file is corrupt (there are bytes after the end of the snapshot)
  Bytes longer = good;
  longer.push_back('x');
  write_file(dir + "/long.snap", longer);
  try_load("trailing bytes", dir + "/long.snap");
  // CHECK-NEXT: flipped byte: cannot load snapshot '[[DIR]]/flipped.snap': the file is corrupt (checksum mismatch)
  Bytes flipped = good;
  flipped[60] ^= 0x20;
  write_file(dir + "/flipped.snap", flipped);
  try_load("flipped byte", dir + "/flipped.snap");
  // CHECK-NEXT: version 1: cannot load snapshot '[[DIR]]/v1.snap': snapshot format version 1 is not supported (this runtime reads version 2)
  forge("version 1", dir + "/v1.snap", good, 8, 1);

  // Valid checksums, impossible contents.
  // CHECK-NEXT: huge count: cannot load snapshot '[[DIR]]/count.snap': the file is corrupt (a count exceeds the file's size)
  forge("huge count", dir + "/count.snap", good, 24, 0xFFFFFFFFu); // names
  // CHECK-NEXT: bad index: cannot load snapshot '[[DIR]]/index.snap': the file is corrupt (a trace names a traceback that does not exist)
  // The last trace's traceback index: before its u64 size and the CRC.
  forge("bad index", dir + "/index.snap", good, good.size() - 4 - 8 - 4, 999);
  // CHECK-NEXT: bad limit: cannot load snapshot '[[DIR]]/limit.snap': the file is corrupt (the traceback limit is out of range)
  forge("bad limit", dir + "/limit.snap", good, 12, 0);
  // CHECK-NEXT: end
  std::cout << "end\n";
  return 0;
}
