// Link-time optimisation, full and thin: the pass runs in each module's
// pre-link compile; allocation calls inlined across modules at link time
// keep their own module's line (the innermost frame), and the sites of both
// modules are registered once.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %tracealloc_cc -O2 -flto -c %S/Inputs/lto-helper.c -o %t.dir/full-helper.o
// RUN: %tracealloc_cc -O2 -flto -c %s -o %t.dir/full-main.o
// RUN: %tracealloc_cc -O2 -flto %t.dir/full-main.o %t.dir/full-helper.o -o %t.full
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.full > %t.full.out 2> %t.full.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.full.out
// RUN: FileCheck %s --input-file %t.full.err
//
// RUN: %tracealloc_cc -O2 -flto=thin -c %S/Inputs/lto-helper.c -o %t.dir/thin-helper.o
// RUN: %tracealloc_cc -O2 -flto=thin -c %s -o %t.dir/thin-main.o
// RUN: %tracealloc_cc -O2 -flto=thin %t.dir/thin-main.o %t.dir/thin-helper.o -o %t.thin
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t.thin > %t.thin.out 2> %t.thin.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.thin.out
// RUN: FileCheck %s --input-file %t.thin.err

#include <stdio.h>
#include <stdlib.h>

void *helper_alloc(size_t n);

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

int main(void) {
  for (int i = 0; i < 4; i++) sink(helper_alloc(250));
  char *m = malloc(99); // LMAIN
  sink(m);
  free(m);
  puts("lto ok");
  return 0;
}

// OUT: lto ok
// OUT-NOT: {{.}}

// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=1000 B, peak=1099 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}Inputs/lto-helper.c:[[#LHELPER:]]: size=1000 B, count=4, average=250 B
// CHECK-NEXT: return malloc(n); // LHELPER
// CHECK-NEXT: #2: {{.*}}lto.c:[[#@LINE-16]]: size=99 B, count=1, average=99 B
// CHECK-NEXT: char *m = malloc(99); // LMAIN
// CHECK-NEXT: Total: size=1099 B, count=5
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}Inputs/lto-helper.c:[[#LHELPER]]: size=1000 B, count=4, average=250 B
// CHECK-NEXT: return malloc(n); // LHELPER
// CHECK-NEXT: Total: size=1000 B, count=4
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
