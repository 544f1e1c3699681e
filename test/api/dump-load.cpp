// Snapshot.dump / Snapshot.load: a round trip keeps traces, tracebacks
// (function names too), the traceback limit and every statistic, the
// at-peak and allocated views, the timeline, the information and the leak
// verdicts (format version 3); the file
// starts with the header of docs/snapshot-format.md; and each kind of bad
// file gives its own message, never a crash: missing, a directory, empty,
// not a snapshot, truncated (in the header, in the body), bytes after the
// end, a flipped byte (checksum), another format version, and files with
// a valid checksum but impossible contents (a count larger than the file,
// an index out of range, a traceback limit out of range, unknown flags, a
// leak verdict out of range, a timeline going back in time, no merged
// snapshot).
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %tracealloc_cxx -std=c++17 -O2 %s -o %t
// RUN: env TRACEALLOC_OPTIONS=report=0 %t %t.dir | FileCheck %s -DDIR=%t.dir
// RUN: od -A d -t x1 -N 16 %t.dir/good.snap | FileCheck %s --check-prefix=HEADER
//
// Magic "\x89TASNAP\n", version 3, traceback limit 1 (little-endian).
// HEADER: 0000000 89 54 41 53 4e 41 50 0a 03 00 00 00 01 00 00 00

#include <tracealloc/tracemalloc.hpp>

#include <unistd.h>

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

uint64_t get_u64(const Bytes &b, size_t at) {
  uint64_t v = 0;
  for (int i = 0; i < 8; i++)
    v |= uint64_t(b[at + i]) << (8 * i);
  return v;
}

void put_u64(Bytes &b, size_t at, uint64_t v) {
  for (int i = 0; i < 8; i++)
    b[at + i] = static_cast<unsigned char>(v >> (8 * i));
}

// Where the parts after the tracebacks start, from the header's counts
// (docs/snapshot-format.md): traces (16 B each), leak verdicts (1 B each,
// when flag 1 is set), at-peak and allocated totals (24 B each), timeline
// samples (16 B each), information (56 B), CRC (4 B).
struct Layout {
  size_t traces, at_peak, timeline, info;
};
Layout layout(const Bytes &b) {
  uint64_t n = get_u64(b, 40), peak = get_u64(b, 48), all = get_u64(b, 56);
  uint64_t samples = get_u64(b, 64) & 0xFFFFFFFFu;
  bool leak = b[36] & 1;
  Layout l;
  l.info = b.size() - 4 - 56;
  l.timeline = l.info - samples * 16;
  l.at_peak = l.timeline - (peak + all) * 24;
  l.traces = l.at_peak - (leak ? n : 0) - n * 16;
  return l;
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
  // The other views. Nothing of this file was freed before the snapshot,
  // so at the peak and over the run its lines hold what is in use:
  // 2000 B (1 block) and 3 x 100 = 300 B (3 blocks).
  // CHECK-NEXT: at peak: {{.*}}dump-load.cpp:[[#L]]: size=2000 B, count=1, average=2000 B
  // CHECK-NEXT: at peak: {{.*}}dump-load.cpp:[[#L-1]]: size=300 B, count=3, average=100 B
  for (const auto &s : loaded.statistics(tracealloc::View::at_peak, "lineno"))
    std::cout << "at peak: " << s << '\n';
  // CHECK-NEXT: allocated: {{.*}}dump-load.cpp:[[#L]]: size=2000 B, count=1, average=2000 B
  // CHECK-NEXT: allocated: {{.*}}dump-load.cpp:[[#L-1]]: size=300 B, count=3, average=100 B
  for (const auto &s : loaded.statistics(tracealloc::View::allocated, "lineno"))
    std::cout << "allocated: " << s << '\n';
  // CHECK-NEXT: same views: yes yes
  using tracealloc::View;
  std::cout << "same views: "
            << (loaded.statistics(View::at_peak, "traceback") ==
                        snapshot.statistics(View::at_peak, "traceback")
                    ? "yes"
                    : "no")
            << ' '
            << (loaded.statistics(View::allocated, "filename") ==
                        snapshot.statistics(View::allocated, "filename")
                    ? "yes"
                    : "no")
            << '\n';
  // CHECK-NEXT: has views: in_use 1 at_peak 1 allocated 1 leaked 0
  std::cout << "has views: in_use " << loaded.has_view(View::in_use)
            << " at_peak " << loaded.has_view(View::at_peak) << " allocated "
            << loaded.has_view(View::allocated) << " leaked "
            << loaded.has_view(View::leaked) << '\n';
  // The information and the timeline come back as they were.
  auto info = loaded.info(), live_info = snapshot.info();
  // CHECK-NEXT: info: program is argv[0] yes, pid yes, merged 1, leak_checked 0
  std::cout << "info: program is argv[0] "
            << (info.program == argv[0] ? "yes" : "no") << ", pid "
            << (info.pid == uint64_t(getpid()) ? "yes" : "no") << ", merged "
            << info.merged << ", leak_checked " << info.leak_checked << '\n';
  // The 2300 B of this file were live then, so current and peak are at
  // least that; the timeline ends at the snapshot's own instant.
  // CHECK-NEXT: info: same as live yes, current >= 2300 yes, peak >= current yes
  std::cout << "info: same as live "
            << (info.time_ns == live_info.time_ns &&
                        info.current == live_info.current &&
                        info.peak == live_info.peak &&
                        info.peak_time_ns == live_info.peak_time_ns
                    ? "yes"
                    : "no")
            << ", current >= 2300 " << (info.current >= 2300 ? "yes" : "no")
            << ", peak >= current " << (info.peak >= info.current ? "yes" : "no")
            << '\n';
  auto timeline = loaded.timeline(), live_timeline = snapshot.timeline();
  bool same_timeline = timeline.size() == live_timeline.size();
  for (size_t i = 0; same_timeline && i < timeline.size(); i++)
    same_timeline = timeline[i].time_ns == live_timeline[i].time_ns &&
                    timeline[i].current == live_timeline[i].current;
  // CHECK-NEXT: timeline: same yes, ends at the snapshot yes
  std::cout << "timeline: same " << (same_timeline ? "yes" : "no")
            << ", ends at the snapshot "
            << (!timeline.empty() && timeline.back().time_ns == info.time_ns &&
                        timeline.back().current == info.current
                    ? "yes"
                    : "no")
            << '\n';
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
  // CHECK-NEXT: version 2: cannot load snapshot '[[DIR]]/v2.snap': snapshot format version 2 is not supported (this runtime reads version 3)
  forge("version 2", dir + "/v2.snap", good, 8, 2);

  // Valid checksums, impossible contents.
  // CHECK-NEXT: huge count: cannot load snapshot '[[DIR]]/count.snap': the file is corrupt (a count exceeds the file's size)
  forge("huge count", dir + "/count.snap", good, 24, 0xFFFFFFFFu); // names
  const Layout at = layout(good);
  // CHECK-NEXT: bad index: cannot load snapshot '[[DIR]]/index.snap': the file is corrupt (a trace names a traceback that does not exist)
  // The first trace's traceback index: after its u32 domain.
  forge("bad index", dir + "/index.snap", good, at.traces + 4, 999);
  // CHECK-NEXT: bad total: cannot load snapshot '[[DIR]]/total.snap': the file is corrupt (a total names a traceback that does not exist)
  forge("bad total", dir + "/total.snap", good, at.at_peak + 4, 999);
  // CHECK-NEXT: bad flags: cannot load snapshot '[[DIR]]/flags.snap': the file is corrupt (unknown flags or a reserved field set)
  forge("bad flags", dir + "/flags.snap", good, 36, 0x80 | good[36]);
  // The first sample's time made later than the second's.
  // CHECK-NEXT: bad timeline: cannot load snapshot '[[DIR]]/time.snap': the file is corrupt (the timeline goes back in time)
  forge("bad timeline", dir + "/time.snap", good, at.timeline, 0xFFFFFFFFu);
  // CHECK-NEXT: merged 0: cannot load snapshot '[[DIR]]/merged.snap': the file is corrupt (the number of merged snapshots is 0)
  forge("merged 0", dir + "/merged.snap", good, at.info + 48, 0);

  // Leak verdicts: one byte per trace after the traces, with flag 1. The
  // good file plus verdicts (leaked for the first trace, reachable for the
  // others) loads; a verdict of 3 does not.
  {
    Bytes leak = good;
    size_t n = get_u64(good, 40);
    Bytes verdicts(n, 2);
    verdicts[0] = 1;
    leak.insert(leak.begin() + at.at_peak, verdicts.begin(), verdicts.end());
    leak[36] |= 1;
    put_u64(leak, 16, get_u64(leak, 16) + n); // the body size
    put_u32(leak, leak.size() - 4, crc32(leak.data(), leak.size() - 4));
    write_file(dir + "/leak.snap", leak);
    auto s = tracealloc::Snapshot::load(dir + "/leak.snap");
    // CHECK-NEXT: verdicts: 1 2 2 2, leak_checked 1, has leaked view 1
    std::cout << "verdicts:";
    for (size_t i = 0; i < n; i++)
      std::cout << ' ' << int(s.trace_leak(i));
    std::cout << ", leak_checked " << s.info().leak_checked
              << ", has leaked view " << s.has_view(View::leaked) << '\n';
    // The leaked view holds the first trace only: one block, of 100 or 2000 B.
    // CHECK-NEXT: leaked: 1 statistic, 1 block
    auto leaked = s.statistics(View::leaked, "lineno");
    std::cout << "leaked: " << leaked.size() << " statistic, "
              << leaked.at(0).count << " block\n";
    // CHECK-NEXT: leak round trip: same bytes yes
    s.dump(dir + "/leak2.snap");
    std::cout << "leak round trip: same bytes "
              << (read_file(dir + "/leak2.snap") == leak ? "yes" : "no")
              << '\n';
    // CHECK-NEXT: bad verdict: cannot load snapshot '[[DIR]]/verdict.snap': the file is corrupt (a leak verdict is out of range)
    forge("bad verdict", dir + "/verdict.snap", leak, at.at_peak, 0x03030303u);
  }
  // A view the snapshot does not have is an error, not an empty list.
  // CHECK-NEXT: no leaked view: the snapshot has no leak-check data
  try {
    loaded.statistics(View::leaked, "lineno");
  } catch (const std::invalid_argument &e) {
    std::cout << "no leaked view: " << e.what() << '\n';
  }
  // CHECK-NEXT: bad limit: cannot load snapshot '[[DIR]]/limit.snap': the file is corrupt (the traceback limit is out of range)
  forge("bad limit", dir + "/limit.snap", good, 12, 0);
  // CHECK-NEXT: end
  std::cout << "end\n";
  return 0;
}
