// tracealloc_track() called from code compiled without TraceAlloc (no site
// to charge): the block is traced under tracemalloc's "<unknown>:0" frame,
// counts in traced memory, and untrack/stop behave as from instrumented
// code.
//
// RUN: %clang -O2 -I%include %s -o %t -L%rtlib -Wl,-rpath,%rtlib -ltracealloc_rt %sanitize_flags
// RUN: env TRACEALLOC_OPTIONS=report=0 %t | FileCheck %s

#include <tracealloc/tracemalloc.h>

#include <stdio.h>

int main(void) {
  // CHECK: track: 0
  printf("track: %d\n", tracealloc_track(9, 0x1234, 100));
  // CHECK-NEXT: <unknown>:0: size=100 B, count=1, average=100 B
  tracealloc_print_top(stdout, "lineno", 10);
  size_t current;
  tracealloc_get_traced_memory(&current, NULL);
  // CHECK-NEXT: current: 100
  printf("current: %zu\n", current);
  // CHECK-NEXT: untrack: 0, current: 0
  int untracked = tracealloc_untrack(9, 0x1234);
  tracealloc_get_traced_memory(&current, NULL);
  printf("untrack: %d, current: %zu\n", untracked, current);
  tracealloc_stop();
  // CHECK-NEXT: when stopped: -2 -2
  printf("when stopped: %d %d\n", tracealloc_track(9, 0x1234, 100),
         tracealloc_untrack(9, 0x1234));
  return 0;
}
