// _format_size end to end through real allocations: each size sits on a
// boundary of tracemalloc's formatting (B below 10 KiB; one decimal below
// 100 of a unit >= KiB, decided before rounding; no decimals otherwise;
// MiB only from 10 MiB on, since 1.5 MiB is 1536 KiB < 10240 KiB).
// Expected strings were derived with the rules above and agree with
// CPython's tracemalloc._format_size(size, False).
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=report_top=20:trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=report_top=20:trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err

#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

// Each block is touched at both ends and freed, so nothing is live at exit.
__attribute__((noinline)) void use(char *p, size_t n) {
  sink(p);
  if (n) {
    p[0] = 1;
    p[n - 1] = 2;
  }
  free(p);
}

int main(void) {
  use(malloc(11010048), 11010048); // 10.5 MiB = 10752 KiB
  use(malloc(10485759), 10485759); // 10 MiB - 1 = 10239.999 KiB
  use(malloc(1572864), 1572864); // 1.5 MiB = 1536 KiB
  use(malloc(999424), 999424); // 976 KiB
  use(malloc(102400), 102400); // 100 KiB
  use(malloc(102349), 102349); // 99.9502 KiB
  use(malloc(102348), 102348); // 99.9492 KiB
  use(malloc(10240), 10240); // 10 KiB
  use(malloc(10239), 10239);
  use(malloc(1000), 1000);
  use(malloc(0), 0);
  for (int i = 0; i < 3; i++) use(malloc(10000), 10000); // 30000 B = 29.297 KiB
  puts("ok");
  return 0;
}

// OUT: ok
// OUT-NOT: {{.}}

// Blocks never overlap: peak = the largest block, 11010048 B = 10.5 MiB.
// Total = 11010048 + 10485759 + 1572864 + 999424 + 102400 + 102349 + 102348
//       + 10240 + 10239 + 1000 + 0 + 30000 = 24426671 B = 23.295 MiB
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=0 B, peak=10.5 MiB
// CHECK-EMPTY:
// CHECK-NEXT: Top 20 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}format-sizes.c:[[#@LINE-26]]: size=10.5 MiB, count=1, average=10.5 MiB
// CHECK-NEXT: use(malloc(11010048), 11010048); // 10.5 MiB = 10752 KiB
// 10239.999 KiB is below 10240 KiB: printed "%.0f" in KiB, which rounds up.
// CHECK-NEXT: #2: {{.*}}format-sizes.c:[[#@LINE-28]]: size=10240 KiB, count=1, average=10240 KiB
// CHECK-NEXT: use(malloc(10485759), 10485759); // 10 MiB - 1 = 10239.999 KiB
// CHECK-NEXT: #3: {{.*}}format-sizes.c:[[#@LINE-29]]: size=1536 KiB, count=1, average=1536 KiB
// CHECK-NEXT: use(malloc(1572864), 1572864); // 1.5 MiB = 1536 KiB
// CHECK-NEXT: #4: {{.*}}format-sizes.c:[[#@LINE-30]]: size=976 KiB, count=1, average=976 KiB
// CHECK-NEXT: use(malloc(999424), 999424); // 976 KiB
// CHECK-NEXT: #5: {{.*}}format-sizes.c:[[#@LINE-31]]: size=100 KiB, count=1, average=100 KiB
// CHECK-NEXT: use(malloc(102400), 102400); // 100 KiB
// 99.9502 < 100, so one decimal: "%.1f" rounds it to 100.0.
// CHECK-NEXT: #6: {{.*}}format-sizes.c:[[#@LINE-33]]: size=100.0 KiB, count=1, average=100.0 KiB
// CHECK-NEXT: use(malloc(102349), 102349); // 99.9502 KiB
// CHECK-NEXT: #7: {{.*}}format-sizes.c:[[#@LINE-34]]: size=99.9 KiB, count=1, average=99.9 KiB
// CHECK-NEXT: use(malloc(102348), 102348); // 99.9492 KiB
// CHECK-NEXT: #8: {{.*}}format-sizes.c:[[#@LINE-31]]: size=29.3 KiB, count=3, average=10000 B
// CHECK-NEXT: for (int i = 0; i < 3; i++) use(malloc(10000), 10000); // 30000 B = 29.297 KiB
// CHECK-NEXT: #9: {{.*}}format-sizes.c:[[#@LINE-37]]: size=10.0 KiB, count=1, average=10.0 KiB
// CHECK-NEXT: use(malloc(10240), 10240); // 10 KiB
// CHECK-NEXT: #10: {{.*}}format-sizes.c:[[#@LINE-38]]: size=10239 B, count=1, average=10239 B
// CHECK-NEXT: use(malloc(10239), 10239);
// CHECK-NEXT: #11: {{.*}}format-sizes.c:[[#@LINE-39]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: use(malloc(1000), 1000);
// CHECK-NEXT: #12: {{.*}}format-sizes.c:[[#@LINE-40]]: size=0 B, count=1, average=0 B
// CHECK-NEXT: use(malloc(0), 0);
// CHECK-NEXT: Total: size=23.3 MiB, count=14
// CHECK-EMPTY:
// CHECK-NEXT: Top 20 lines by memory in use at exit:
// CHECK-NEXT: (none)
// CHECK-NEXT: Total: size=0 B, count=0
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
