// When the runtime is not the process's malloc (here the program defines
// its own; under a sanitizer, the sanitizer does), blocks are tracked in a
// pointer map, which cannot list untraced blocks: the leak check does not
// run. A warning says so at startup, the report says so in place of the
// leak section, and the program's exit code stays as it is.
//
// (A malloc of the program's would fight a sanitizer's.)
// RUN: %if !sanitizer %{ %tracealloc_cc -O2 -DOWN_MALLOC %s -o %t %}
// RUN: %if !sanitizer %{ env TRACEALLOC_OPTIONS=leak_check=1 sh -c '%t 2> %t.err; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT %}
// RUN: %if !sanitizer %{ FileCheck %s --input-file %t.err %}
//
// Under a sanitizer, the same without a malloc of the program's.
// RUN: %if sanitizer %{ %tracealloc_cc -O2 %s -o %t.san %}
// RUN: %if sanitizer %{ env TRACEALLOC_OPTIONS=leak_check=1 sh -c '%t.san 2> %t.san.err; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT %}
// RUN: %if sanitizer %{ FileCheck %s --input-file %t.san.err %}

#include <stdlib.h>

#ifdef OWN_MALLOC
extern void *__libc_malloc(size_t);
extern void __libc_free(void *);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
__attribute__((noinline)) void *malloc(size_t n) { return __libc_malloc(n); }
__attribute__((noinline)) void free(void *p) { __libc_free(p); }
__attribute__((noinline)) void *calloc(size_t a, size_t b) { return __libc_calloc(a, b); }
__attribute__((noinline)) void *realloc(void *p, size_t n) { return __libc_realloc(p, n); }
#endif

void *volatile g_sink;

int main(void) {
  g_sink = malloc(64); // a leak, were it checked
  g_sink = 0;
  return 0;
}

// EXIT: {{^}}exit=0{{$}}

// CHECK: {{^}}TraceAlloc: warning: leak checking needs header mode, and another allocator owns malloc here (a sanitizer, or the program's own): leak_check=1 is ignored{{$}}
// CHECK: Top 10 lines by memory in use at exit:
// CHECK: {{^}}Leaks: not checked (leak checking needs header mode, and another allocator owns malloc here (a sanitizer, or the program's own)){{$}}
// CHECK-NOT: reachable
