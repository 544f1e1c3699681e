// The program replaces the global operator new/delete (and new[]/delete[])
// with versions that call malloc/free. Each new-expression is counted once,
// at its own line, not again at the malloc line inside operator new; the
// program's own operator new still runs (its counters are unchanged).
//
// RUN: %clangxx -O0 %s -o %t.plain
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.plain > %t.plain.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.plain.out
//
// RUN: %tracealloc_cxx -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: diff %t.plain.out %t0.out
// RUN: FileCheck %s --input-file %t0.err
// RUN: FileCheck %s --check-prefix=ABSENT --input-file %t0.err
//
// RUN: %tracealloc_cxx -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: diff %t.plain.out %t2.out
// RUN: FileCheck %s --input-file %t2.err
// RUN: FileCheck %s --check-prefix=ABSENT --input-file %t2.err

#include <cstdio>
#include <cstdlib>
#include <new>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

static int news, deletes;

void *operator new(std::size_t n) {
  ++news;
  // ABSENT-NOT: replaced-new.cpp:[[# @LINE + 1]]:
  void *p = std::malloc(n ? n : 1);
  if (!p)
    throw std::bad_alloc();
  return p;
}
void *operator new[](std::size_t n) {
  ++news;
  // ABSENT-NOT: replaced-new.cpp:[[# @LINE + 1]]:
  void *p = std::malloc(n ? n : 1);
  if (!p)
    throw std::bad_alloc();
  return p;
}
void operator delete(void *p) noexcept { ++deletes; std::free(p); }
void operator delete(void *p, std::size_t) noexcept { ++deletes; std::free(p); }
void operator delete[](void *p) noexcept { ++deletes; std::free(p); }
void operator delete[](void *p, std::size_t) noexcept { ++deletes; std::free(p); }

struct Foo { char c[40]; };

int main() {
  Foo *f[3];
  for (int i = 0; i < 3; i++) sink(f[i] = new Foo); // LNEWFOO
  int *arr = new int[10]; // LNEWARR
  sink(arr);
  delete f[0];
  delete f[1];
  delete[] arr;
  std::printf("news=%d deletes=%d\n", news, deletes);
  return 0;
}

// OUT: news=4 deletes=3
// OUT-NOT: {{.}}

// 3 x 40 + 40 = 160 B allocated before any delete (peak); f[2] stays: 40 B.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=40 B, peak=160 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}replaced-new.cpp:[[#LNEWFOO:@LINE-18]]: size=120 B, count=3, average=40 B
// CHECK-NEXT: for (int i = 0; i < 3; i++) sink(f[i] = new Foo); // LNEWFOO
// CHECK-NEXT: #2: {{.*}}replaced-new.cpp:[[#@LINE-19]]: size=40 B, count=1, average=40 B
// CHECK-NEXT: int *arr = new int[10]; // LNEWARR
// CHECK-NEXT: Total: size=160 B, count=4
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}replaced-new.cpp:[[#LNEWFOO]]: size=40 B, count=1, average=40 B
// CHECK-NEXT: for (int i = 0; i < 3; i++) sink(f[i] = new Foo); // LNEWFOO
// CHECK-NEXT: Total: size=40 B, count=1
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
