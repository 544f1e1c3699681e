// Every replaceable C++ allocation function: new, new[], nothrow new/new[],
// aligned new/new[] (alignas(64)), aligned nothrow, explicit
// ::operator new, aligned ::operator new, sized and aligned delete, new[]
// of a type with a destructor (array cookie), virtual deleting destructor,
// delete of nullptr. The program's output is the same as without TraceAlloc.
//
// RUN: %clangxx -O0 %s -o %t.plain
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.plain > %t.plain.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.plain.out
//
// RUN: %tracealloc_cxx -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=report_top=20:trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: diff %t.plain.out %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cxx -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=report_top=20:trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: diff %t.plain.out %t2.out
// RUN: FileCheck %s --input-file %t2.err

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>

void *volatile g_sink;
__attribute__((noinline)) void sink(const void *p) { g_sink = const_cast<void *>(p); }
template <class T> __attribute__((noinline)) T *opaque(T *p) { sink(p); return g_sink ? static_cast<T *>(g_sink) : p; }

struct Big { char b[100]; };
struct alignas(64) A64 { char c[128]; };
struct D { int x[5]; ~D(); }; // sizeof 20, alignof 4, non-trivial destructor
D::~D() { sink(this); }
struct Base { virtual ~Base(); int x; };
Base::~Base() { sink(this); }
struct Derived : Base { char pad[40]; ~Derived() override { sink(this); } };

static const char *aligned(const void *p, size_t a) {
  return (reinterpret_cast<uintptr_t>(p) % a) == 0 ? "aligned" : "MISALIGNED";
}

int main() {
  std::printf("sizeof(D)=%zu sizeof(A64)=%zu sizeof(Derived)=%zu\n", sizeof(D), sizeof(A64), sizeof(Derived));

  Big *b = new Big; // LNEW
  sink(b);
  char *arr = new char[300]; // LNEWARR
  sink(arr);
  Big *nb = new (std::nothrow) Big; // LNOTHROW
  sink(nb);
  char *narr = new (std::nothrow) char[50]; // LNOTHROWARR
  sink(narr);
  A64 *a = new A64; // LALIGNNEW
  sink(a);
  A64 *aa = new A64[3]; // LALIGNNEWARR
  sink(aa);
  A64 *na = new (std::nothrow) A64; // LALIGNNOTHROW
  sink(na);
  A64 *naa = new (std::nothrow) A64[2]; // LALIGNNOTHROWARR
  sink(naa);
  D *d = new D[4]; // LCOOKIE
  sink(d);
  void *raw = ::operator new(77); // LOPNEW
  sink(raw);
  void *rawa = ::operator new(1000, std::align_val_t(256)); // LOPNEWALIGN
  sink(rawa);
  Base *bp = new Derived; // LDERIVED
  sink(bp);
  std::printf("new A64: %s, new A64[3]: %s, nothrow A64: %s, nothrow A64[2]: %s, align 256: %s\n",
              aligned(a, 64), aligned(aa, 64), aligned(na, 64), aligned(naa, 64), aligned(rawa, 256));

  delete[] arr;
  delete nb;
  delete[] narr;
  delete[] aa;
  delete na;
  delete[] naa;
  ::operator delete(raw);
  ::operator delete(rawa, std::align_val_t(256));
  delete bp;

  // Deleting null pointers is a no-op, through every path.
  Big *np = opaque<Big>(nullptr);
  delete np;
  delete[] opaque<char>(nullptr);
  delete opaque<A64>(nullptr);
  ::operator delete(opaque<void>(nullptr));
  ::operator delete[](opaque<void>(nullptr));
  ::operator delete(opaque<void>(nullptr), std::align_val_t(64));
  std::free(opaque<void>(nullptr));
  std::printf("done\n");
  return 0; // b, a and d stay live
}

// OUT: sizeof(D)=20 sizeof(A64)=128 sizeof(Derived)=56
// OUT-NEXT: new A64: aligned, new A64[3]: aligned, nothrow A64: aligned, nothrow A64[2]: aligned, align 256: aligned
// OUT-NEXT: done
// OUT-NOT: {{.}}

// Everything is allocated before the first delete:
// peak = 100+300+100+50+128+384+128+256+88+77+1000+56 = 2667 B.
// Live at exit: b 100 + a 128 + d 88 = 316 B.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=316 B, peak=2667 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 20 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}alloc-families-cxx.cpp:[[#@LINE-42]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: void *rawa = ::operator new(1000, std::align_val_t(256)); // LOPNEWALIGN
// 3 * 128, A64 is trivially destructible: no cookie
// CHECK-NEXT: #2: {{.*}}alloc-families-cxx.cpp:[[#@LINE-55]]: size=384 B, count=1, average=384 B
// CHECK-NEXT: A64 *aa = new A64[3]; // LALIGNNEWARR
// CHECK-NEXT: #3: {{.*}}alloc-families-cxx.cpp:[[#@LINE-65]]: size=300 B, count=1, average=300 B
// CHECK-NEXT: char *arr = new char[300]; // LNEWARR
// CHECK-NEXT: #4: {{.*}}alloc-families-cxx.cpp:[[#@LINE-55]]: size=256 B, count=1, average=256 B
// CHECK-NEXT: A64 *naa = new (std::nothrow) A64[2]; // LALIGNNOTHROWARR
// 128 / 128 tie: the later line first
// CHECK-NEXT: #5: {{.*}}alloc-families-cxx.cpp:[[#@LINE-60]]: size=128 B, count=1, average=128 B
// CHECK-NEXT: A64 *na = new (std::nothrow) A64; // LALIGNNOTHROW
// CHECK-NEXT: #6: {{.*}}alloc-families-cxx.cpp:[[#LALIGNNEW:@LINE-66]]: size=128 B, count=1, average=128 B
// CHECK-NEXT: A64 *a = new A64; // LALIGNNEW
// CHECK-NEXT: #7: {{.*}}alloc-families-cxx.cpp:[[#@LINE-72]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: Big *nb = new (std::nothrow) Big; // LNOTHROW
// CHECK-NEXT: #8: {{.*}}alloc-families-cxx.cpp:[[#LNEW:@LINE-78]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: Big *b = new Big; // LNEW
// Array cookie: D has a destructor, so new[] asks for
// 4 * sizeof(D) + max(sizeof(size_t), alignof(D)) = 4*20 + 8 = 88 bytes.
// CHECK-NEXT: #9: {{.*}}alloc-families-cxx.cpp:[[#LCOOKIE:@LINE-66]]: size=88 B, count=1, average=88 B
// CHECK-NEXT: D *d = new D[4]; // LCOOKIE
// CHECK-NEXT: #10: {{.*}}alloc-families-cxx.cpp:[[#@LINE-66]]: size=77 B, count=1, average=77 B
// CHECK-NEXT: void *raw = ::operator new(77); // LOPNEW
// sizeof(Derived) = 56 (vptr 8 + int 4 + pad[40] in Base's tail padding, rounded to 8)
// CHECK-NEXT: #11: {{.*}}alloc-families-cxx.cpp:[[#@LINE-65]]: size=56 B, count=1, average=56 B
// CHECK-NEXT: Base *bp = new Derived; // LDERIVED
// CHECK-NEXT: #12: {{.*}}alloc-families-cxx.cpp:[[#@LINE-83]]: size=50 B, count=1, average=50 B
// CHECK-NEXT: char *narr = new (std::nothrow) char[50]; // LNOTHROWARR
// CHECK-NEXT: Total: size=2667 B, count=12
// CHECK-EMPTY:
// CHECK-NEXT: Top 20 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}alloc-families-cxx.cpp:[[#LALIGNNEW]]: size=128 B, count=1, average=128 B
// CHECK-NEXT: A64 *a = new A64; // LALIGNNEW
// CHECK-NEXT: #2: {{.*}}alloc-families-cxx.cpp:[[#LNEW]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: Big *b = new Big; // LNEW
// CHECK-NEXT: #3: {{.*}}alloc-families-cxx.cpp:[[#LCOOKIE]]: size=88 B, count=1, average=88 B
// CHECK-NEXT: D *d = new D[4]; // LCOOKIE
// CHECK-NEXT: Total: size=316 B, count=3
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
