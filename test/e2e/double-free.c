// A second free of a block is caught, as glibc catches it: the runtime keeps
// recently freed small blocks in a per-thread cache in front of glibc, so the
// check glibc's tcache would make is the runtime's to make. The program
// aborts with a message naming the block, instead of corrupting the heap.
//
// Sanitizers own malloc in sanitizer builds and report it their own way.
// UNSUPPORTED: sanitizer
//
// RUN: %tracealloc_cc -O0 %s -o %t
// RUN: not --crash %t 2> %t.err
// RUN: FileCheck %s --input-file %t.err
// CHECK: TraceAlloc: error: free(): double free of 0x{{[0-9a-f]+}} (the block is already free)
// CHECK-NOT: TraceAlloc report

#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;

int main(void) {
  char *p = malloc(40);
  g_sink = p;
  free(p);
  free(p);
  puts("not reached");
  return 0;
}
