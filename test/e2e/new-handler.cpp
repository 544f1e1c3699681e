// A std::new_handler that is called once, frees a reserve and lets the
// retried allocation succeed. The address space is capped with RLIMIT_AS so
// that the first attempt really fails. Only the successful allocation counts,
// and the handler may free a traced block from inside operator new.
//
// Sanitizer runtimes need far more address space than the cap leaves.
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

#include <cstdio>
#include <new>
#include <sys/resource.h>
#include <unistd.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

static char *reserve;
static int handler_calls;

static void handler() {
  ++handler_calls;
  delete[] reserve;
  reserve = nullptr;
  std::set_new_handler(nullptr);
}

static unsigned long vm_bytes() {
  unsigned long pages = 0;
  FILE *f = std::fopen("/proc/self/statm", "r");
  if (!f || std::fscanf(f, "%lu", &pages) != 1)
    return 0;
  std::fclose(f);
  return pages * sysconf(_SC_PAGESIZE);
}

int main() {
  const size_t MiB = 1024 * 1024;
  reserve = new char[64 * MiB]; // LRESERVE
  sink(reserve);

  struct rlimit old;
  getrlimit(RLIMIT_AS, &old);
  struct rlimit cap = old;
  // 32 MiB of headroom: a 48 MiB block does not fit until the 64 MiB
  // reserve is unmapped.
  cap.rlim_cur = vm_bytes() + 32 * MiB;
  if (setrlimit(RLIMIT_AS, &cap) != 0) {
    std::perror("setrlimit");
    return 1;
  }

  std::set_new_handler(handler);
  char *big = new char[48 * MiB]; // LBIG
  sink(big);
  setrlimit(RLIMIT_AS, &old);

  big[0] = 1;
  big[48 * MiB - 1] = 2;
  std::printf("handler calls: %d, reserve %s, big %s\n", handler_calls,
              reserve ? "kept" : "freed", big ? "allocated" : "null");
  return 0;
}

// OUT: handler calls: 1, reserve freed, big allocated
// OUT-NOT: {{.}}

// 64 MiB = 65536 KiB -> "64.0 MiB"; 48 MiB -> "48.0 MiB"; 112 MiB -> "112 MiB".
// The reserve is freed before the big block exists: peak 64 MiB, current 48 MiB.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=48.0 MiB, peak=64.0 MiB
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}new-handler.cpp:[[#@LINE-35]]: size=64.0 MiB, count=1, average=64.0 MiB
// CHECK-NEXT: reserve = new char[64 * MiB]; // LRESERVE
// CHECK-NEXT: #2: {{.*}}new-handler.cpp:[[#LBIG:@LINE-22]]: size=48.0 MiB, count=1, average=48.0 MiB
// CHECK-NEXT: char *big = new char[48 * MiB]; // LBIG
// CHECK-NEXT: Total: size=112 MiB, count=2
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}new-handler.cpp:[[#LBIG]]: size=48.0 MiB, count=1, average=48.0 MiB
// CHECK-NEXT: char *big = new char[48 * MiB]; // LBIG
// CHECK-NEXT: Total: size=48.0 MiB, count=1
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
