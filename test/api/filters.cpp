// Snapshot.filter_traces with Filter (inclusive and exclusive, lineno,
// domain) and DomainFilter, include + exclude combinations, and file name
// patterns matched as Python's fnmatch matches them on Linux: '*' crosses
// '/', '[^]' is a set holding '^' (libc would negate), a backslash is an
// ordinary character (libc would escape), "[z-a]" matches nothing and
// "[!z-a]" anything. The file names come from #line directives.
//
// RUN: %tracealloc_cxx -std=c++17 -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=report=0 %t0 | FileCheck %s
// RUN: %tracealloc_cxx -std=c++17 -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=report=0 %t2 | FileCheck %s

#include <tracealloc/tracemalloc.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>

using tracealloc::DomainFilter;
using tracealloc::Filter;

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

void allocate_everywhere(); // below, under other file names

// One line per statistic: "file:line size"; the snapshot's traces sorted
// as statistics("lineno") sorts them (by size here: all sizes differ).
void show(const char *title, const tracealloc::Snapshot &s) {
  std::cout << title << ":";
  for (const auto &stat : s.statistics("lineno"))
    std::cout << ' ' << stat.traceback[0].filename << ':'
              << stat.traceback[0].lineno << '=' << stat.size;
  std::cout << '\n';
}

int main() {
  allocate_everywhere();
  auto all = tracealloc::take_snapshot().filter_traces({Filter(true, "/src/*")});

  // CHECK: all: /src/gpu/pool.c:6001=800 /src/gpu/pool.c:6000=700 /src/app/back\slash.c:5000=600 /src/app/a^b.c:4000=500 /src/lib/[x].c:3000=400 /src/lib/util.c:2001=300 /src/lib/util.c:2000=200 /src/app/main.c:1000=100
  show("all", all);
  // CHECK-NEXT: copy: 8 traces
  std::cout << "copy: " << all.filter_traces({}).traces().size() << " traces\n";

  // CHECK-NEXT: app: /src/app/back\slash.c:5000=600 /src/app/a^b.c:4000=500 /src/app/main.c:1000=100
  show("app", all.filter_traces({Filter(true, "/src/app/*")}));
  // CHECK-NEXT: not app: /src/gpu/pool.c:6001=800 /src/gpu/pool.c:6000=700 /src/lib/[x].c:3000=400 /src/lib/util.c:2001=300 /src/lib/util.c:2000=200
  show("not app", all.filter_traces({Filter(false, "/src/app/*")}));
  // '*' matches across '/'.
  // CHECK-NEXT: star: /src/lib/util.c:2001=300 /src/lib/util.c:2000=200
  show("star", all.filter_traces({Filter(true, "*util.c")}));
  // CHECK-NEXT: lineno: /src/lib/util.c:2001=300
  show("lineno", all.filter_traces({Filter(true, "*.c", 2001)}));
  // CHECK-NEXT: not lineno: /src/gpu/pool.c:6001=800 /src/gpu/pool.c:6000=700 /src/app/back\slash.c:5000=600 /src/app/a^b.c:4000=500 /src/lib/[x].c:3000=400 /src/lib/util.c:2000=200 /src/app/main.c:1000=100
  show("not lineno", all.filter_traces({Filter(false, "*.c", 2001)}));

  // "[x]" is a set: it matches "x.c", not "[x].c"; "[[]x]" matches "[x]".
  // CHECK-NEXT: set:{{$}}
  show("set", all.filter_traces({Filter(true, "/src/lib/[x].c")}));
  // CHECK-NEXT: bracket: /src/lib/[x].c:3000=400
  show("bracket", all.filter_traces({Filter(true, "/src/lib/[[]x].c")}));
  // CHECK-NEXT: caret: /src/app/a^b.c:4000=500
  show("caret", all.filter_traces({Filter(true, "/src/app/a[^]b.c")}));
  // "[^a]" is the set {'^', 'a'}, not "anything but a".
  // CHECK-NEXT: caret set: /src/app/a^b.c:4000=500
  show("caret set", all.filter_traces({Filter(true, "/src/app/[^a]*")}));
  // CHECK-NEXT: negated: /src/app/a^b.c:4000=500
  show("negated", all.filter_traces({Filter(true, "/src/app/a[!-]b.c")}));
  // CHECK-NEXT: backslash: /src/app/back\slash.c:5000=600
  show("backslash", all.filter_traces({Filter(true, "/src/app/back\\slash.c")}));
  // CHECK-NEXT: unclosed:{{$}}
  show("unclosed", all.filter_traces({Filter(true, "/src/lib/[x")}));
  // CHECK-NEXT: question: /src/lib/[x].c:3000=400
  show("question", all.filter_traces({Filter(true, "/src/lib/???.c")}));
  // CHECK-NEXT: empty range:{{$}}
  show("empty range", all.filter_traces({Filter(true, "/src/[z-a]*")}));
  // CHECK-NEXT: negated empty range: /src/gpu/pool.c:6001=800 /src/gpu/pool.c:6000=700 /src/app/back\slash.c:5000=600 /src/app/a^b.c:4000=500 /src/lib/[x].c:3000=400 /src/lib/util.c:2001=300 /src/lib/util.c:2000=200 /src/app/main.c:1000=100
  show("negated empty range", all.filter_traces({Filter(true, "/src/[!z-a]*")}));
  // CHECK-NEXT: range: /src/gpu/pool.c:6001=800 /src/gpu/pool.c:6000=700 /src/lib/util.c:2001=300 /src/lib/util.c:2000=200 /src/app/main.c:1000=100
  show("range", all.filter_traces({Filter(true, "/src/*/[m-u]*")}));

  // Several inclusive filters: any of them; exclusive ones: all of them.
  // CHECK-NEXT: union: /src/gpu/pool.c:6001=800 /src/gpu/pool.c:6000=700 /src/app/main.c:1000=100
  show("union", all.filter_traces({Filter(true, "*main.c"), Filter(true, "*pool.c")}));
  // CHECK-NEXT: include, exclude: /src/app/back\slash.c:5000=600 /src/app/a^b.c:4000=500
  show("include, exclude", all.filter_traces({Filter(true, "/src/app/*"), Filter(false, "*main.c")}));

  // Domains: pool.c's blocks are tracked in domains 5 (6000) and 7 (6001).
  // CHECK-NEXT: domain 5: /src/gpu/pool.c:6000=700
  show("domain 5", all.filter_traces({Filter(true, "/src/gpu/*", std::nullopt, false, 5u)}));
  // Exclusive with a domain: out only if the file matches and the domain is 5.
  // CHECK-NEXT: not domain 5: /src/gpu/pool.c:6001=800 /src/app/back\slash.c:5000=600 /src/app/a^b.c:4000=500 /src/lib/[x].c:3000=400 /src/lib/util.c:2001=300 /src/lib/util.c:2000=200 /src/app/main.c:1000=100
  show("not domain 5", all.filter_traces({Filter(false, "/src/gpu/*", std::nullopt, false, 5u)}));
  // CHECK-NEXT: DomainFilter 7: /src/gpu/pool.c:6001=800
  show("DomainFilter 7", all.filter_traces({DomainFilter(true, 7)}));
  // CHECK-NEXT: not DomainFilter 0: /src/gpu/pool.c:6001=800 /src/gpu/pool.c:6000=700
  show("not DomainFilter 0", all.filter_traces({DomainFilter(false, 0)}));
  // CHECK-NEXT: mixed: /src/gpu/pool.c:6000=700
  show("mixed", all.filter_traces({Filter(true, "*pool.c"), DomainFilter(false, 7)}));
  // Trace.domain and Trace.size (traces() has no order: sort by size).
  // CHECK-NEXT: domains: 0 600 5 700 7 800
  std::vector<std::pair<size_t, unsigned>> traces;
  for (const auto &t : all.filter_traces({Filter(true, "*/[bp]*")}).traces())
    traces.push_back({t.size, t.domain});
  std::sort(traces.begin(), traces.end());
  std::cout << "domains:";
  for (const auto &t : traces)
    std::cout << ' ' << t.second << ' ' << t.first;
  std::cout << '\n';
  return 0;
}

// Last in the file: nothing after these lines keeps this file's name.
static void *blocks[8];
#line 1000 "/src/app/main.c"
void in_main() { sink(blocks[0] = malloc(100)); }
#line 2000 "/src/lib/util.c"
void in_util() { sink(blocks[1] = malloc(200));
sink(blocks[2] = malloc(300)); }
#line 3000 "/src/lib/[x].c"
void in_x() { sink(blocks[3] = malloc(400)); }
#line 4000 "/src/app/a^b.c"
void in_caret() { sink(blocks[4] = malloc(500)); }
#line 5000 "/src/app/back\\slash.c"
void in_backslash() { sink(blocks[5] = malloc(600)); }
#line 6000 "/src/gpu/pool.c"
void in_pool() { tracealloc::track(5, 0x5000, 700);
tracealloc::track(7, 0x7000, 800); }
#line 7000 "/src/all.c"
void allocate_everywhere() {
  in_main();
  in_util();
  in_x();
  in_caret();
  in_backslash();
  in_pool();
}
