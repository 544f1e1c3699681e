// A C program (no libstdc++ at startup) dlopens an instrumented C++ library:
// the runtime finds the C++ operators when they first get called, so `new`
// and `delete` in the library work and are charged to the library's lines.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %tracealloc_cxx -O2 -shared -fPIC %S/Inputs/cxxplugin.cpp -o %t.dir/cxxplugin.so
// RUN: %tracealloc_cc -O2 %s -ldl -o %t
// RUN: llvm-readelf -d %t | FileCheck %s --check-prefix=NOCXX
// NOCXX-NOT: libstdc++
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t %t.dir/cxxplugin.so > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.out
// RUN: FileCheck %s --input-file %t.err
//
// OUT: ran 5, released
//
// One `new std::vector` (24 B), its reserve(5) of pointers (40 B, inside
// libstdc++'s allocator header, instantiated in the library and inlined
// into reserve's line, which is where it is charged), five `new
// std::string` (32 B each; their character buffers are allocated inside
// libstdc++.so, which is not instrumented); all deleted before exit.
// CHECK: Top 10 lines by memory allocated over the run:
// CHECK-DAG: {{.*}}cxxplugin.cpp:11: size=160 B, count=5, average=32 B
// CHECK-DAG: {{.*}}cxxplugin.cpp:8: size=24 B, count=1, average=24 B
// CHECK-DAG: {{.*}}cxxplugin.cpp:9: size=40 B, count=1, average=40 B
// CHECK: Top 10 lines by memory in use at exit:
// CHECK-NOT: cxxplugin.cpp
// CHECK: Total:

#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
  void *h = dlopen(argv[1], RTLD_NOW);
  if (!h) {
    fprintf(stderr, "dlopen: %s\n", dlerror());
    return 1;
  }
  int (*run)(int) = (int (*)(int))dlsym(h, "cxxplugin_run");
  void (*release)(void) = (void (*)(void))dlsym(h, "cxxplugin_release");
  int n = run(5);
  release();
  printf("ran %d, released\n", n);
  return 0;
}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
