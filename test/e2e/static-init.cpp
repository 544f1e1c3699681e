// Allocations outside main: a global object's constructor and an early
// __attribute__((constructor(101))) are counted; a static destructor and an
// __attribute__((destructor)) allocate at exit, around the report: the
// program must not crash, its output and exit code are unchanged, and there
// is exactly one report.
//
// RUN: %tracealloc_cxx -O0 %s -o %t0
// RUN: sh -c '%t0 2> %t0.err; echo "exit=$?"' > %t0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cxx -O2 %s -o %t2
// RUN: sh -c '%t2 2> %t2.err; echo "exit=$?"' > %t2.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

__attribute__((constructor(101))) static void early() {
  sink(std::malloc(40)); // LEARLY
}

struct Global {
  char *buf;
  Global() { buf = static_cast<char *>(std::malloc(300)); sink(buf); } // LCTOR
  ~Global() { sink(buf); } // buf stays live
};
Global g;

struct Late {
  ~Late() {
    void *p = std::malloc(1000); // LDTOR
    sink(p);
    std::free(p);
    std::printf("late destructor ran\n");
    std::fflush(stdout);
  }
};
static Late late;

// .fini_array functions run after the atexit/__cxa_atexit handlers.
__attribute__((destructor)) static void fini() {
  void *p = std::malloc(2000); // LFINI
  sink(p);
  const char msg[] = "fini ran\n";
  if (write(1, msg, sizeof msg - 1) < 0)
    std::abort();
}

int main() {
  std::printf("main\n");
  std::fflush(stdout);
  return 9;
}

// OUT: main
// OUT-NEXT: late destructor ran
// OUT-NEXT: fini ran
// OUT-NEXT: exit=9
// OUT-NOT: {{.}}

// The report runs after the static destructors (docs/design.md: its atexit
// handler is registered before any of the program's), so LDTOR is counted
// (1000 B, freed). Whether the .fini_array destructor (LFINI, 2000 B) runs
// before or after the report is glibc's business: not checked. Code that
// runs after the report: after-report.c.
// CHECK: TraceAlloc report for
// CHECK-NOT: TraceAlloc report for
// CHECK: Top 10 lines by memory allocated over the run:
// CHECK-NOT: Top 10
// CHECK: static-init.cpp:[[#@LINE-39]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: void *p = std::malloc(1000); // LDTOR
// CHECK-NOT: Top 10
// CHECK: static-init.cpp:[[#LCTOR:@LINE-49]]: size=300 B, count=1, average=300 B
// CHECK-NEXT: Global() { buf = static_cast<char *>(std::malloc(300)); sink(buf); } // LCTOR
// CHECK-NOT: Top 10
// CHECK: static-init.cpp:[[#LEARLY:@LINE-57]]: size=40 B, count=1, average=40 B
// CHECK-NEXT: sink(std::malloc(40)); // LEARLY
// CHECK: Top 10 lines by memory in use at exit:
// CHECK-NOT: static-init.cpp:[[#]]: size=1000 B
// CHECK: static-init.cpp:[[#LCTOR]]: size=300 B, count=1, average=300 B
// CHECK: static-init.cpp:[[#LEARLY]]: size=40 B, count=1, average=40 B
// CHECK-NOT: TraceAlloc report for
