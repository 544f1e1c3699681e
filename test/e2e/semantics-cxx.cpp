// C++ failure semantics are unchanged by tracing: operator new throws
// std::bad_alloc for a size it cannot satisfy (caught; nothing counted),
// nothrow new returns nullptr (nothing counted), a negative array length
// throws std::bad_alloc (nothing counted), and
// aligned new returns really aligned memory.
//
// ASan's and TSan's operator new report out-of-memory and abort instead of
// throwing std::bad_alloc.
// UNSUPPORTED: asan, tsan
//
// RUN: %clangxx -O0 %s -o %t.plain
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.plain > %t.plain.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.plain.out
//
// RUN: %tracealloc_cxx -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: diff %t.plain.out %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cxx -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: diff %t.plain.out %t2.out
// RUN: FileCheck %s --input-file %t2.err

#include <cstdint>
#include <cstdio>
#include <new>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

struct alignas(256) S { char c[10]; }; // sizeof 256

static const char *aligned(const void *p, size_t a) {
  return (reinterpret_cast<uintptr_t>(p) % a) == 0 ? "aligned" : "MISALIGNED";
}

int main() {
  volatile size_t huge = SIZE_MAX / 2;
  try {
    char *p = new char[huge];
    sink(p);
    std::puts("new char[huge] succeeded?!");
  } catch (const std::bad_alloc &) {
    std::puts("caught bad_alloc from new[]");
  }
  try {
    void *p = ::operator new(huge);
    sink(p);
    std::puts("operator new(huge) succeeded?!");
  } catch (const std::bad_alloc &) {
    std::puts("caught bad_alloc from operator new");
  }
  char *np = new (std::nothrow) char[huge];
  std::printf("nothrow new[] = %s\n", np ? "non-null" : "nullptr");
  sink(np);
  void *np2 = ::operator new(huge, std::nothrow);
  sink(np2);
  std::printf("nothrow operator new = %s\n", np2 ? "non-null" : "nullptr");
  volatile long n = -1;
  try {
    int *p = new int[n];
    sink(p);
  } catch (const std::bad_alloc &) { // clang asks operator new[] for SIZE_MAX
    std::puts("caught bad_alloc for a negative length");
  }

  int *i = new int(5); // LINT
  sink(i);
  S *s = new S; // LS
  sink(s);
  void *a = ::operator new(100, std::align_val_t(4096)); // LALIGN
  sink(a);
  std::printf("new S: %s, operator new(100, 4096): %s\n", aligned(s, 256), aligned(a, 4096));
  ::operator delete(a, std::align_val_t(4096));
  return *i - 5;
}

// OUT: caught bad_alloc from new[]
// OUT-NEXT: caught bad_alloc from operator new
// OUT-NEXT: nothrow new[] = nullptr
// OUT-NEXT: nothrow operator new = nullptr
// OUT-NEXT: caught bad_alloc for a negative length
// OUT-NEXT: new S: aligned, operator new(100, 4096): aligned
// OUT-NOT: {{.}}

// Only the three successful allocations count: 256 + 100 + 4 = 360 B, all
// live at once (peak); a (100) is freed: current 260 B.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=260 B, peak=360 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}semantics-cxx.cpp:[[#LS:@LINE-23]]: size=256 B, count=1, average=256 B
// CHECK-NEXT: S *s = new S; // LS
// CHECK-NEXT: #2: {{.*}}semantics-cxx.cpp:[[#@LINE-23]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: void *a = ::operator new(100, std::align_val_t(4096)); // LALIGN
// CHECK-NEXT: #3: {{.*}}semantics-cxx.cpp:[[#LINT:@LINE-29]]: size=4 B, count=1, average=4 B
// CHECK-NEXT: int *i = new int(5); // LINT
// CHECK-NEXT: Total: size=360 B, count=3
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}semantics-cxx.cpp:[[#LS]]: size=256 B, count=1, average=256 B
// CHECK-NEXT: S *s = new S; // LS
// CHECK-NEXT: #2: {{.*}}semantics-cxx.cpp:[[#LINT]]: size=4 B, count=1, average=4 B
// CHECK-NEXT: int *i = new int(5); // LINT
// CHECK-NEXT: Total: size=260 B, count=2
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
