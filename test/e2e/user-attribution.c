// system_paths: a static inline helper in a header under a directory named
// by the option is inlined at -O2, and its malloc is charged to the
// caller's line. At -O0 the helper is a call, and the caller's line comes
// from the call-site shadow stack: the same report. Without the option the
// header is the user's own code and keeps its line. Prefixes are
// separated by ','.
//
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: %t2 2> %t2.own.err
// RUN: FileCheck %s --check-prefix=OWN --input-file %t2.own.err
// RUN: env TRACEALLOC_OPTIONS=system_paths=/nonexistent/,%S/Inputs/sysinc/ %t2 2> %t2.sys.err
// RUN: FileCheck %s --check-prefix=SYS --input-file %t2.sys.err
// RUN: env TRACEALLOC_OPTIONS=system_paths=%S/Inputs/sysinc/:attribute_to_user=0 %t2 2> %t2.off.err
// RUN: FileCheck %s --check-prefix=OWN --input-file %t2.off.err
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=system_paths=%S/Inputs/sysinc/ %t0 2> %t0.sys.err
// RUN: FileCheck %s --check-prefix=SYS --input-file %t0.sys.err
// RUN: %t0 2> %t0.own.err
// RUN: FileCheck %s --check-prefix=OWN --input-file %t0.own.err
//
// One block of 300 B from LBIG, two of 100 B from LSMALL (a loop), all
// through make_buffer; the 300 B block is still in use at exit.
// SYS: Top 10 lines by memory allocated over the run:
// SYS-NEXT: #1: {{.*}}user-attribution.c:[[#]]: size=300 B, count=1, average=300 B
// SYS-NEXT: {{^}}  sink(make_buffer(300)); // LBIG{{$}}
// SYS-NEXT: #2: {{.*}}user-attribution.c:[[#]]: size=200 B, count=2, average=100 B
// SYS-NEXT: {{^}}    void *p = make_buffer(100); // LSMALL{{$}}
// SYS-NEXT: Total: size=500 B, count=3
// SYS-EMPTY:
// SYS-NEXT: Top 10 lines by memory in use at exit:
// SYS-NEXT: #1: {{.*}}user-attribution.c:[[#]]: size=300 B, count=1, average=300 B
// SYS-NEXT: {{^}}  sink(make_buffer(300)); // LBIG{{$}}
// SYS-NEXT: Total: size=300 B, count=1
//
// OWN: Top 10 lines by memory allocated over the run:
// OWN-NEXT: #1: {{.*}}Inputs/sysinc/buffer.h:[[#]]: size=500 B, count=3, average=167 B
// OWN-NEXT: {{^}}  return malloc(n); // LHEADER{{$}}
// OWN-NEXT: Total: size=500 B, count=3
// OWN-EMPTY:
// OWN-NEXT: Top 10 lines by memory in use at exit:
// OWN-NEXT: #1: {{.*}}Inputs/sysinc/buffer.h:[[#]]: size=300 B, count=1, average=300 B
// OWN-NEXT: {{^}}  return malloc(n); // LHEADER{{$}}
// OWN-NEXT: Total: size=300 B, count=1

#include "Inputs/sysinc/buffer.h"

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

int main(void) {
  sink(make_buffer(300)); // LBIG
  for (int i = 0; i < 2; ++i) {
    void *p = make_buffer(100); // LSMALL
    sink(p);
    free(p);
  }
  return 0;
}
