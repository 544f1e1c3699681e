// Code that runs after the report: an atexit handler registered before the
// runtime's (by an uninstrumented library initialized first) allocates, and
// calls instrumented code that allocates and frees. Allocations after the
// report are served; nothing crashes; the exit code (5) is kept; exactly one
// report, which does not contain what happened after it.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %clang -O1 -shared -fPIC %S/Inputs/late-atexit.c -o %t.dir/liblateatexit.so
// RUN: %tracealloc_cc -O1 %s -L%t.dir -llateatexit -Wl,-rpath,%t.dir -o %t
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t 2> %t.err; echo "exit=$?"' > %t.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.out
// RUN: FileCheck %s --input-file %t.err

#include <stdio.h>
#include <stdlib.h>

void late_set_callback(void (*f)(void));

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

static void after(void) {
  for (int i = 0; i < 100; i++) { char *p = malloc(4000); sink(p); p[3999] = 1; free(p); } // LAFTER
  char *leak = malloc(5000); // LAFTERLEAK
  sink(leak);
  puts("callback after the report ran");
  fflush(stdout);
}

int main(void) {
  late_set_callback(after);
  char *p = malloc(60); // LMAIN
  sink(p);
  puts("main");
  fflush(stdout);
  return 5;
}

// OUT: main
// OUT-NEXT: callback after the report ran
// OUT-NEXT: late atexit handler ran
// OUT-NEXT: exit=5
// OUT-NOT: {{.}}

// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=60 B, peak=60 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}after-report.c:[[#LMAIN:@LINE-17]]: size=60 B, count=1, average=60 B
// CHECK-NEXT: char *p = malloc(60); // LMAIN
// CHECK-NEXT: Total: size=60 B, count=1
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}after-report.c:[[#LMAIN]]: size=60 B, count=1, average=60 B
// CHECK-NEXT: char *p = malloc(60); // LMAIN
// CHECK-NEXT: Total: size=60 B, count=1
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
