// A program built without TraceAlloc dlopens an instrumented library: the
// runtime arrives with the library, after libc's malloc has served the
// program, so it cannot be the process's malloc. It says so (verbosity=1),
// keeps the library's blocks in its pointer map, and still reports them.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %tracealloc_cc -O2 -shared -fPIC %S/Inputs/dlplugin.c -o %t.dir/dlplugin.so
// RUN: %clang -O2 %s -ldl %sanitize_flags -o %t
// RUN: env TRACEALLOC_OPTIONS=verbosity=1 %t %t.dir/dlplugin.so > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.out
// RUN: FileCheck %s --input-file %t.err
//
// OUT: plugin blocks: 2, freed 1
//
// CHECK: TraceAlloc: tracking blocks in a pointer map (another allocator owns malloc)
// CHECK: TraceAlloc report for
// Two calloc(4, 250) = 1000 B each; one freed by the library.
// CHECK: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}dlplugin.c:[[#LINE:]]: size=2000 B, count=2, average=1000 B
// CHECK-NEXT: return calloc(4, n); // PLUGINALLOC
// CHECK: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}dlplugin.c:[[#LINE]]: size=1000 B, count=1, average=1000 B

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;

int main(int argc, char **argv) {
  char *before = malloc(100); // from libc, before the runtime exists
  void *h = dlopen(argv[1], RTLD_NOW);
  if (!h) {
    fprintf(stderr, "dlopen: %s\n", dlerror());
    return 1;
  }
  void *(*alloc)(size_t) = (void *(*)(size_t))dlsym(h, "plugin_alloc");
  void (*release)(void *) = (void (*)(void *))dlsym(h, "plugin_free");
  void *a = alloc(250), *b = alloc(250);
  g_sink = b;
  release(a);
  free(before);
  printf("plugin blocks: 2, freed 1\n");
  return 0;
}
