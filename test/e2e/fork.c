// fork: the child inherits the parent's traces (like a forked tracemalloc)
// and prints its own report, with its own pid, when it exits normally; a
// child that leaves with _exit prints none. The parent's report counts only
// what the parent did.
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --input-file %t0.err
// RUN: FileCheck %s --check-prefix=ABSENT --input-file %t0.err
// RUN: FileCheck %s --check-prefix=REPORTS --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err
// RUN: FileCheck %s --check-prefix=ABSENT --input-file %t2.err
// RUN: FileCheck %s --check-prefix=REPORTS --input-file %t2.err
//
// With report_path=...%p each process writes its own file.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: env TRACEALLOC_OPTIONS=report_path=%t.dir/r.%%p.txt:trace_libraries=0 %t2 > %t2.p.out 2> %t2.p.err
// RUN: FileCheck %s --check-prefix=NOREPORT --input-file %t2.p.err
// RUN: ls %t.dir | count 2
// RUN: cat %t2.p.err %t.dir/r.*.txt | FileCheck %s --check-prefix=FILES

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

int main(void) {
  // stderr is unbuffered, so these lines and the reports come out in order.
  fprintf(stderr, "parent pid=%d\n", (int)getpid());
  char *a = malloc(1000); // LPARENT
  sink(a);

  pid_t c = fork();
  if (c == 0) {
    fprintf(stderr, "child pid=%d\n", (int)getpid());
    for (int i = 0; i < 3; i++) sink(malloc(500)); // LCHILD
    return 0; // normal exit: the child reports
  }
  int st = 0;
  waitpid(c, &st, 0);
  fprintf(stderr, "first child exit status %d\n", WEXITSTATUS(st));

  pid_t c2 = fork();
  if (c2 == 0) {
    // ABSENT-NOT: fork.c:[[# @LINE + 1]]:
    sink(malloc(777));
    _exit(5); // no report
  }
  waitpid(c2, &st, 0);
  fprintf(stderr, "second child exit status %d\n", WEXITSTATUS(st));

  for (int i = 0; i < 2; i++) sink(malloc(2000)); // LPARENT2
  printf("parent done\n");
  return 0;
}

// OUT: parent done
// OUT-NOT: {{.}}

// Exactly two reports: the first child's and the parent's.
// REPORTS-COUNT-2: TraceAlloc report for
// REPORTS-NOT: TraceAlloc report for

// CHECK: parent pid=[[PARENT:[0-9]+]]
// CHECK-NEXT: child pid=[[CHILD:[0-9]+]]

// The child: 1000 inherited + 3 x 500 = 2500 B live, never freed.
// CHECK-NEXT: TraceAlloc report for {{.*}} (pid [[CHILD]])
// CHECK-NEXT: Traced memory: current=2500 B, peak=2500 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}fork.c:[[#LCHILD:@LINE-36]]: size=1500 B, count=3, average=500 B
// CHECK-NEXT: for (int i = 0; i < 3; i++) sink(malloc(500)); // LCHILD
// CHECK-NEXT: #2: {{.*}}fork.c:[[#LPARENT:@LINE-44]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: char *a = malloc(1000); // LPARENT
// CHECK-NEXT: Total: size=2500 B, count=4
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}fork.c:[[#LCHILD]]: size=1500 B, count=3, average=500 B
// CHECK-NEXT: for (int i = 0; i < 3; i++) sink(malloc(500)); // LCHILD
// CHECK-NEXT: #2: {{.*}}fork.c:[[#LPARENT]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: char *a = malloc(1000); // LPARENT
// CHECK-NEXT: Total: size=2500 B, count=4
// Nothing was freed: the peak is the end.
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at the peak:
// CHECK-NEXT: #1: {{.*}}fork.c:[[#LCHILD]]: size=1500 B, count=3, average=500 B
// CHECK-NEXT: for (int i = 0; i < 3; i++) sink(malloc(500)); // LCHILD
// CHECK-NEXT: #2: {{.*}}fork.c:[[#LPARENT]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: char *a = malloc(1000); // LPARENT
// CHECK-NEXT: Total: size=2500 B, count=4

// CHECK-NEXT: first child exit status 0
// CHECK-NEXT: second child exit status 5

// The parent: 1000 + 2 x 2000 = 5000 B, all live.
// CHECK-NEXT: TraceAlloc report for {{.*}} (pid [[PARENT]])
// CHECK-NEXT: Traced memory: current=5000 B, peak=5000 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}fork.c:[[#LPARENT2:@LINE-49]]: size=4000 B, count=2, average=2000 B
// CHECK-NEXT: for (int i = 0; i < 2; i++) sink(malloc(2000)); // LPARENT2
// CHECK-NEXT: #2: {{.*}}fork.c:[[#LPARENT]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: char *a = malloc(1000); // LPARENT
// CHECK-NEXT: Total: size=5000 B, count=3
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}fork.c:[[#LPARENT2]]: size=4000 B, count=2, average=2000 B
// CHECK-NEXT: for (int i = 0; i < 2; i++) sink(malloc(2000)); // LPARENT2
// CHECK-NEXT: #2: {{.*}}fork.c:[[#LPARENT]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: char *a = malloc(1000); // LPARENT
// CHECK-NEXT: Total: size=5000 B, count=3
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at the peak:
// CHECK-NEXT: #1: {{.*}}fork.c:[[#LPARENT2]]: size=4000 B, count=2, average=2000 B
// CHECK-NEXT: for (int i = 0; i < 2; i++) sink(malloc(2000)); // LPARENT2
// CHECK-NEXT: #2: {{.*}}fork.c:[[#LPARENT]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: char *a = malloc(1000); // LPARENT
// CHECK-NEXT: Total: size=5000 B, count=3
// CHECK-NOT: {{.}}

// NOREPORT: parent pid=
// NOREPORT-NOT: TraceAlloc

// FILES: parent pid=[[PARENT:[0-9]+]]
// FILES-NEXT: child pid=[[CHILD:[0-9]+]]
// FILES-DAG: TraceAlloc report for {{.*}} (pid [[PARENT]])
// FILES-DAG: TraceAlloc report for {{.*}} (pid [[CHILD]])

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
