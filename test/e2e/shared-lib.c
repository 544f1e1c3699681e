// An instrumented shared library linked into an instrumented program, and
// another one dlopen'ed: allocations in both are reported under the
// libraries' source lines, blocks cross freely between the modules, and
// there is one report per process.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir/O0 %t.dir/O2
// RUN: %tracealloc_cc -O0 -shared -fPIC %S/Inputs/shlib.c -o %t.dir/O0/libshlib.so
// RUN: %tracealloc_cc -O0 -shared -fPIC %S/Inputs/dlplugin.c -o %t.dir/O0/dlplugin.so
// RUN: %tracealloc_cc -O0 %s -L%t.dir/O0 -lshlib -Wl,-rpath,%t.dir/O0 -ldl -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 %t.dir/O0/dlplugin.so > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 -shared -fPIC %S/Inputs/shlib.c -o %t.dir/O2/libshlib.so
// RUN: %tracealloc_cc -O2 -shared -fPIC %S/Inputs/dlplugin.c -o %t.dir/O2/dlplugin.so
// RUN: %tracealloc_cc -O2 %s -L%t.dir/O2 -lshlib -Wl,-rpath,%t.dir/O2 -ldl -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 %t.dir/O2/dlplugin.so > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *shlib_alloc(size_t n);
char *shlib_dup(const char *s);
void shlib_free(void *p);

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  void *v[4];
  for (int i = 0; i < 4; i++)
    sink(v[i] = shlib_alloc(300));
  shlib_free(v[0]); // freed in the library
  free(v[1]);       // freed in the program
  char *d = shlib_dup("library");
  sink(d);

  void *h = dlopen(argv[1], RTLD_NOW);
  if (!h) {
    printf("dlopen: %s\n", dlerror());
    return 1;
  }
  void *(*plugin_alloc)(size_t) = (void *(*)(size_t))dlsym(h, "plugin_alloc");
  void *w[2];
  for (int i = 0; i < 2; i++)
    sink(w[i] = plugin_alloc(100));
  free(w[0]);
  char *m = malloc(50); // LMAIN
  sink(m);
  printf("%s\n", d);
  return 0;
}

// OUT: library
// OUT-NOT: {{.}}

// Live over time: 1200, 900, 600, 608, 1008, 1408 (peak), 1008, 1058.
// Cumulative: LIBALLOC 4 x 300 = 1200; PLUGINALLOC 2 x calloc(4, 100) = 800;
// LMAIN 50; LIBDUP strlen("library") + 1 = 8. Total 2058 B, 8 blocks.
// Live: LIBALLOC 600 (2), PLUGINALLOC 400 (1), LMAIN 50, LIBDUP 8: 1058 B, 5.
// CHECK: TraceAlloc report for
// CHECK-NOT: TraceAlloc report for
// CHECK: Traced memory: current=1058 B, peak=1408 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}Inputs/shlib.c:[[#LIBALLOC:]]: size=1200 B, count=4, average=300 B
// CHECK-NEXT: return malloc(n); // LIBALLOC
// CHECK-NEXT: #2: {{.*}}Inputs/dlplugin.c:[[#PLUGINALLOC:]]: size=800 B, count=2, average=400 B
// CHECK-NEXT: return calloc(4, n); // PLUGINALLOC
// CHECK-NEXT: #3: {{.*}}shared-lib.c:[[#LMAIN:@LINE-22]]: size=50 B, count=1, average=50 B
// CHECK-NEXT: char *m = malloc(50); // LMAIN
// CHECK-NEXT: #4: {{.*}}Inputs/shlib.c:[[#LIBDUP:]]: size=8 B, count=1, average=8 B
// CHECK-NEXT: return strdup(s); // LIBDUP
// CHECK-NEXT: Total: size=2058 B, count=8
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}Inputs/shlib.c:[[#LIBALLOC]]: size=600 B, count=2, average=300 B
// CHECK-NEXT: return malloc(n); // LIBALLOC
// CHECK-NEXT: #2: {{.*}}Inputs/dlplugin.c:[[#PLUGINALLOC]]: size=400 B, count=1, average=400 B
// CHECK-NEXT: return calloc(4, n); // PLUGINALLOC
// CHECK-NEXT: #3: {{.*}}shared-lib.c:[[#LMAIN]]: size=50 B, count=1, average=50 B
// CHECK-NEXT: char *m = malloc(50); // LMAIN
// CHECK-NEXT: #4: {{.*}}Inputs/shlib.c:[[#LIBDUP]]: size=8 B, count=1, average=8 B
// CHECK-NEXT: return strdup(s); // LIBDUP
// CHECK-NEXT: Total: size=1058 B, count=5
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
