// A dlopen'ed instrumented library allocates, then is dlclose'd (and
// unmapped) before exit: the report must still name its source lines
// correctly and must not touch the unmapped site records.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %tracealloc_cc -O2 -shared -fPIC %S/Inputs/dlplugin.c -o %t.dir/dlplugin.so
// RUN: %tracealloc_cc -O2 %s -ldl -o %t
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t %t.dir/dlplugin.so > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.out
// RUN: FileCheck %s --input-file %t.err

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  void *h = dlopen(argv[1], RTLD_NOW);
  if (!h) {
    printf("dlopen: %s\n", dlerror());
    return 1;
  }
  void *(*plugin_alloc)(size_t) = (void *(*)(size_t))dlsym(h, "plugin_alloc");
  void (*plugin_free)(void *) = (void (*)(void *))dlsym(h, "plugin_free");
  void *a = plugin_alloc(25); // 4 x 25 = 100
  sink(a);
  void *b = plugin_alloc(50); // 4 x 50 = 200
  sink(b);
  plugin_free(a);
  printf("dlclose: %d\n", dlclose(h));
  // Whatever was mapped there before is gone; map something else over it.
  void *big[8];
  for (int i = 0; i < 8; i++)
    sink(big[i] = malloc(1 << 20)); // LBIG
  for (int i = 0; i < 8; i++)
    free(big[i]);
  return 0;
}

// OUT: dlclose: 0
// OUT-NOT: {{.}}

// Live: 100, 300, 200, then 8 MiB more (200 + 8388608 = 8388808 B = 8192.2 KiB
// -> "8192 KiB" peak), back to 200.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=200 B, peak=8192 KiB
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}dlclose.c:[[#@LINE-15]]: size=8192 KiB, count=8, average=1024 KiB
// CHECK-NEXT: sink(big[i] = malloc(1 << 20)); // LBIG
// CHECK-NEXT: #2: {{.*}}Inputs/dlplugin.c:[[#PLUGINALLOC:]]: size=300 B, count=2, average=150 B
// CHECK-NEXT: return calloc(4, n); // PLUGINALLOC
// CHECK-NEXT: Total: size=8192 KiB, count=10
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}Inputs/dlplugin.c:[[#PLUGINALLOC]]: size=200 B, count=1, average=200 B
// CHECK-NEXT: return calloc(4, n); // PLUGINALLOC
// CHECK-NEXT: Total: size=200 B, count=1
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
