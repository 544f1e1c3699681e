// Attribution to the user's line through the API: at -O2, push_back's and
// make_unique's allocations are inlined from libstdc++'s headers. The
// "lineno" and "filename" statistics (of a snapshot and of get_stats)
// charge them to this file's lines, the innermost frames of their static
// inline chains outside system headers; their Traceback, and the
// "traceback" key, keep every frame, the allocation's own line first.
// attribute_to_user=0 gives tracemalloc's plain rule, traceback[0]. A
// snapshot written by dump() and loaded again keeps the charged frames.
//
// Live at the checks (libstdc++, x86-64): LNEW's new std::vector, 24 B;
// LVEC's last buffer, capacity 8 ints after 5 push_backs (1, 2, 4, 8),
// 32 B; LUNIQUE's long, 8 B. Output lines are filtered to those three
// sizes, since the API's own vectors are traced too.
//
// RUN: %tracealloc_cxx -std=c++17 -O2 %s -o %t
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: env TRACEALLOC_OPTIONS=report=0 %t %t.dir | FileCheck %s --check-prefixes=CHECK,USER
// RUN: env TRACEALLOC_OPTIONS=report=0:nframe=8 %t %t.dir | FileCheck %s --check-prefixes=CHECK,USER,DEEP
// RUN: env TRACEALLOC_OPTIONS=report=0:attribute_to_user=0 %t %t.dir | FileCheck %s --check-prefixes=CHECK,OFF

#include <tracealloc/tracemalloc.hpp>

#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

void *volatile g_sink;
__attribute__((noinline)) void sink(const void *p) {
  g_sink = const_cast<void *>(p);
}

static bool ours(uint64_t size) {
  return size == 24 || size == 32 || size == 8;
}

static std::string base(const std::string &path) {
  return path.substr(path.rfind('/') + 1);
}

static void show(const char *title,
                 const std::vector<tracealloc::Statistic> &stats) {
  std::cout << title << ":\n";
  for (const auto &s : stats)
    if (ours(s.size))
      std::cout << "  " << base(s.traceback[0].filename) << ' ' << s.size
                << '\n';
}

int main(int, char **argv) {
  auto *v = new std::vector<int>; // LNEW
  for (int i = 0; i < 5; ++i)
    v->push_back(i); // LVEC
  sink(v->data());
  auto up = std::make_unique<long>(7); // LUNIQUE
  sink(up.get());

  // USER: lineno:
  // USER-NEXT: user-attribution.cpp 32
  // USER-NEXT: user-attribution.cpp 24
  // USER-NEXT: user-attribution.cpp 8
  // OFF: lineno:
  // OFF-NEXT: new_allocator.h 32
  // OFF-NEXT: user-attribution.cpp 24
  // OFF-NEXT: unique_ptr.h 8
  auto snapshot = tracealloc::take_snapshot();
  show("lineno", snapshot.statistics("lineno"));
  // A snapshot file keeps the charged frames.
  // USER: loaded:
  // USER-NEXT: user-attribution.cpp 32
  // USER-NEXT: user-attribution.cpp 24
  // USER-NEXT: user-attribution.cpp 8
  // OFF: loaded:
  // OFF-NEXT: new_allocator.h 32
  // OFF-NEXT: user-attribution.cpp 24
  // OFF-NEXT: unique_ptr.h 8
  std::string path = std::string(argv[1]) + "/user-attribution.snap";
  snapshot.dump(path);
  show("loaded", tracealloc::Snapshot::load(path).statistics("lineno"));
  // The same from the per-line counters.
  // USER: get_stats:
  // USER-NEXT: user-attribution.cpp 32
  // USER-NEXT: user-attribution.cpp 24
  // USER-NEXT: user-attribution.cpp 8
  // OFF: get_stats:
  // OFF-NEXT: new_allocator.h 32
  // OFF-NEXT: user-attribution.cpp 24
  // OFF-NEXT: unique_ptr.h 8
  show("get_stats", tracealloc::get_stats("lineno"));

  // "filename": this file holds 32 + 24 + 8 = 64 B, or only LNEW's 24 B.
  // USER: filename: 64
  // OFF: filename: 24
  for (const auto &s : snapshot.statistics("filename"))
    if (base(s.traceback[0].filename) == "user-attribution.cpp")
      std::cout << "filename: " << s.size << '\n';

  // The exact lines: the statement of each allocation.
  // USER: lines: LVEC LUNIQUE
  // OFF: lines: new_allocator.h unique_ptr.h
  std::cout << "lines:";
  for (const auto &s : snapshot.statistics("lineno")) {
    if (s.size != 32 && s.size != 8)
      continue;
    const auto &f = s.traceback[0];
    auto text = tracealloc::Traceback({f}).format();
    std::string src = text.size() > 1 ? text[1] : "";
    if (src.find("// LVEC") != std::string::npos)
      std::cout << " LVEC";
    else if (src.find("// LUNIQUE") != std::string::npos)
      std::cout << " LUNIQUE";
    else
      std::cout << ' ' << base(f.filename);
  }
  std::cout << '\n';

  // The "traceback" key keeps the allocation's own frame first.
  // CHECK: traceback:
  // CHECK-NEXT: new_allocator.h 32
  // CHECK-NEXT: user-attribution.cpp 24
  // CHECK-NEXT: unique_ptr.h 8
  std::cout << "traceback:\n";
  for (const auto &s : snapshot.statistics("traceback"))
    if (ours(s.size))
      std::cout << "  " << base(s.traceback[s.traceback.size() - 1].filename)
                << ' ' << s.size << '\n';

  // The vector's buffer: traceback[0] is in the header; with more frames
  // the chain reaches this file's LVEC line.
  // CHECK: buffer traceback[0]: new_allocator.h
  // DEEP-NEXT: reaches LVEC: yes
  auto tb = tracealloc::get_object_traceback(v->data());
  std::cout << "buffer traceback[0]: " << base(tb->back().filename) << '\n';
  if (tb->size() > 1) {
    bool reaches = false;
    for (const auto &line : tb->format())
      reaches |= line.find("// LVEC") != std::string::npos;
    std::cout << "reaches LVEC: " << (reaches ? "yes" : "no") << '\n';
  }
  delete v;
  return 0;
}
