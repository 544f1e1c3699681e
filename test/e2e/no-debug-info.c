// Without debug info (-g0) every allocation of the module is reported under
// <module source file>:0, with no source echo, and the compiler warns once
// per module (not once per call or per function).
//
// RUN: %tracealloc_cc -g0 -O0 %s -o %t0 2> %t0.cc.err
// RUN: FileCheck %s --check-prefix=WARN --input-file %t0.cc.err
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cc -g0 -O2 %s -o %t2 2> %t2.cc.err
// RUN: FileCheck %s --check-prefix=WARN --input-file %t2.cc.err
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err
//
// With debug info there is no warning.
// RUN: %tracealloc_cc -O0 %s -o %t3 2> %t3.cc.err
// RUN: count 0 < %t3.cc.err

#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

__attribute__((noinline)) void *hundred(void) { return malloc(100); }
__attribute__((noinline)) char *copy(const char *s) {
  char *p = malloc(1000);
  for (int i = 0; i < 999 && (p[i] = s[i]); i++)
    ;
  return p;
}

int main(void) {
  void *h[3];
  for (int i = 0; i < 3; i++)
    sink(h[i] = hundred());
  char *c = copy("no debug info");
  sink(c);
  puts(c);
  free(h[0]);
  free(h[1]);
  return 0;
}

// WARN: warning: TraceAlloc: {{.*}}no-debug-info.c: no debug info; allocation sites have no line numbers
// WARN-NOT: warning:

// OUT: no debug info
// OUT-NOT: {{.}}

// Everything is one line, <file>:0: 3 x 100 + 1000 = 1300 B in 4 blocks,
// average 325 B; peak 1300 B; live at exit 100 + 1000 = 1100 B in 2 blocks.
// No source line is echoed for line 0.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=1100 B, peak=1300 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}no-debug-info.c:0: size=1300 B, count=4, average=325 B
// CHECK-NEXT: Total: size=1300 B, count=4
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}no-debug-info.c:0: size=1100 B, count=2, average=550 B
// CHECK-NEXT: Total: size=1100 B, count=2
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
