// Allocations in frames an exception unwinds through: RAII frees happen
// during unwinding, raw pointers leak; counts are exact, the program's
// output and exit code are unchanged. operator new is also called as an
// `invoke` (a cleanup is live) in level2.
//
// RUN: %tracealloc_cxx -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t0 2> %t0.err; echo "exit=$?"' > %t0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cxx -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t2 2> %t2.err; echo "exit=$?"' > %t2.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err

#include <cstdio>
#include <cstdlib>
#include <memory>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

struct Node { char payload[200]; };

__attribute__((noinline)) void level3(int i) {
  char *tmp = static_cast<char *>(std::malloc(50)); // L3
  sink(tmp);
  struct Guard { char *p; ~Guard() { std::free(p); } } g{tmp};
  if (i % 2)
    throw i; // __cxa_allocate_exception allocates in libstdc++: not traced
}

__attribute__((noinline)) void level2(int i) {
  std::unique_ptr<Node> n(new Node); // LOWNED
  sink(n.get());
  Node *leak = new Node; // LLEAK: leaks when level3 throws
  sink(leak);
  level3(i);
  delete leak;
}

__attribute__((noinline)) void level1(int i) {
  std::unique_ptr<char[]> buf(new char[100]); // LBUF
  sink(buf.get());
  level2(i);
}

int main() {
  int caught = 0;
  for (int i = 0; i < 10; i++) {
    try {
      level1(i);
    } catch (int v) {
      caught += v % 2;
    }
  }
  std::printf("caught=%d\n", caught);
  return caught;
}

// OUT: caught=5
// OUT-NEXT: exit=5
// OUT-NOT: {{.}}

// Ten iterations, five (odd i) throw. Each iteration allocates 100 + 200 +
// 200 + 50 = 550 B; the LLEAK block of an odd iteration is never freed.
// Live at the deepest point of iteration 8 or 9: 4 leaked x 200 + 550 = 1350.
// Cumulative: LLEAK 2000 (10) ties LOWNED 2000 (10): the later line first.
// Total 2000 + 2000 + 1000 + 500 = 5500 B, 40 blocks. Live: 5 x 200 = 1000 B.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=1000 B, peak=1350 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}exceptions.cpp:[[#LLEAK:@LINE-38]]: size=2000 B, count=10, average=200 B
// CHECK-NEXT: Node *leak = new Node; // LLEAK: leaks when level3 throws
// CHECK-NEXT: #2: {{.*}}exceptions.cpp:[[#@LINE-42]]: size=2000 B, count=10, average=200 B
// CHECK-NEXT: std::unique_ptr<Node> n(new Node); // LOWNED
// CHECK-NEXT: #3: {{.*}}exceptions.cpp:[[#@LINE-35]]: size=1000 B, count=10, average=100 B
// CHECK-NEXT: std::unique_ptr<char[]> buf(new char[100]); // LBUF
// CHECK-NEXT: #4: {{.*}}exceptions.cpp:[[#@LINE-54]]: size=500 B, count=10, average=50 B
// CHECK-NEXT: char *tmp = static_cast<char *>(std::malloc(50)); // L3
// CHECK-NEXT: Total: size=5500 B, count=40
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}exceptions.cpp:[[#LLEAK]]: size=1000 B, count=5, average=200 B
// CHECK-NEXT: Node *leak = new Node; // LLEAK: leaks when level3 throws
// CHECK-NEXT: Total: size=1000 B, count=5
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
