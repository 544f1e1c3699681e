// Tracebacks after exceptions (the call-site shadow stack, docs/design.md
// "Tracebacks"), at -O0 and -O2: an exception thrown 5 frames down and
// caught higher leaves none of the unwound frames in the next traceback,
// whether it unwound through frames with cleanups (a destructor) or not,
// and an allocation inside the catch block has the catching frame's line.
// Each case prints get_object_traceback's frames, oldest first.
//
// The report (nframe=1): LLEAF 24 + 32 + 40 = 96 B in 3 blocks, still
// live; LTHROW: each `throw 42` allocates its exception through
// libstdc++'s __cxa_allocate_exception (uninstrumented, so charged to the
// throwing line with trace_libraries): 4 B of int + the 128 B
// __cxa_refcounted_exception header = 132 B, 3 throws = 396 B, all freed
// when their catch blocks end.
//
// DEFINE: %{lines} = -D#LLEAF=$(grep -n '// LLEAF$' %s | cut -d: -f1) \
// DEFINE:   -D#LTHROW=$(grep -n '// LTHROW$' %s | cut -d: -f1) \
// DEFINE:   -D#LAFTER=$(grep -n '// LAFTER$' %s | cut -d: -f1) \
// DEFINE:   -D#LMID=$(grep -n '// LMID$' %s | cut -d: -f1) \
// DEFINE:   -D#LCLEANUP=$(grep -n '// LCLEANUP$' %s | cut -d: -f1) \
// DEFINE:   -D#LINCATCH=$(grep -n '// LINCATCH$' %s | cut -d: -f1) \
// DEFINE:   -D#LM1=$(grep -n '// LM1$' %s | cut -d: -f1) \
// DEFINE:   -D#LM2=$(grep -n '// LM2$' %s | cut -d: -f1) \
// DEFINE:   -D#LM3=$(grep -n '// LM3$' %s | cut -d: -f1)
// RUN: %tracealloc_cxx -O0 %s -o %t0
// RUN: %tracealloc_cxx -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=nframe=16 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --input-file %t0.out %{lines}
// RUN: FileCheck %s --check-prefix=REPORT --input-file %t0.err %{lines}
// RUN: env TRACEALLOC_OPTIONS=nframe=16 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --input-file %t2.out %{lines}
// RUN: FileCheck %s --check-prefix=REPORT --input-file %t2.err %{lines}
// Not under the sanitizers: their instrumentation adds calls and changes
// inlining, so the expected frames differ.
// UNSUPPORTED: tsan, asan

#include <tracealloc/tracemalloc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

__attribute__((noinline)) void show(const char *tag, const void *p) {
  tracealloc_frame frames[64];
  tracealloc_traceback tb;
  if (!tracealloc_get_object_traceback(p, frames, 64, &tb)) {
    std::printf("%s: not traced\n", tag);
    return;
  }
  std::printf("%s:", tag);
  for (size_t i = 0; i < tb.nframe; ++i) {
    const char *base = std::strrchr(tb.frames[i].filename, '/');
    std::printf(" %s:%u", base ? base + 1 : tb.frames[i].filename,
                tb.frames[i].lineno);
  }
  std::printf(" (%zu of %zu)\n", tb.nframe, tb.total_nframe);
}

__attribute__((noinline)) void *leaf(size_t n) { return std::malloc(n); } // LLEAF
__attribute__((noinline)) void *mid(size_t n) {
  void *p = leaf(n); // LMID
  sink(p);
  return p;
}

__attribute__((noinline)) void thrower(int depth) {
  if (depth == 0)
    throw 42; // LTHROW
  thrower(depth - 1);
  sink(nullptr);
}

struct Guard {
  ~Guard() { sink(nullptr); }
};
__attribute__((noinline)) void with_cleanup(int depth) {
  Guard guard;
  thrower(depth);
  sink(nullptr);
}

__attribute__((noinline)) void *after_catch() {
  try {
    thrower(4);
  } catch (int) {
  }
  return leaf(24); // LAFTER
}

__attribute__((noinline)) void *after_cleanups() {
  try {
    with_cleanup(3);
  } catch (int) {
  }
  return mid(32); // LCLEANUP
}

__attribute__((noinline)) void *in_catch() {
  try {
    thrower(2);
  } catch (int) {
    return leaf(40); // LINCATCH
  }
  return nullptr;
}

int main() {
  // Unbuffered: stdout's buffer would be allocated under the first printf.
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  // CHECK: caught: traceback-exceptions.cpp:[[#LM1]] traceback-exceptions.cpp:[[#LAFTER]] traceback-exceptions.cpp:[[#LLEAF]] (3 of 3)
  show("caught", after_catch()); // LM1
  // CHECK-NEXT: after cleanups: traceback-exceptions.cpp:[[#LM2]] traceback-exceptions.cpp:[[#LCLEANUP]] traceback-exceptions.cpp:[[#LMID]] traceback-exceptions.cpp:[[#LLEAF]] (4 of 4)
  show("after cleanups", after_cleanups()); // LM2
  // CHECK-NEXT: in catch: traceback-exceptions.cpp:[[#LM3]] traceback-exceptions.cpp:[[#LINCATCH]] traceback-exceptions.cpp:[[#LLEAF]] (3 of 3)
  show("in catch", in_catch()); // LM3
  return 0;
}

// REPORT: Top 10 lines by memory allocated over the run:
// REPORT-NEXT: #1: {{.*}}exceptions.cpp:[[#LTHROW]]: size=396 B, count=3, average=132 B
// REPORT-NEXT: {{^    .*}}
// REPORT-NEXT: #2: {{.*}}exceptions.cpp:[[#LLEAF]]: size=96 B, count=3, average=32 B
// REPORT-NEXT: {{^    .*}}
// REPORT-NEXT: Total: size=492 B, count=6
// REPORT-EMPTY:
// REPORT-NEXT: Top 10 lines by memory in use at exit:
// REPORT-NEXT: #1: {{.*}}exceptions.cpp:[[#LLEAF]]: size=96 B, count=3, average=32 B
