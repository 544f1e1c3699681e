// How the process ends decides whether a report is printed, never the exit
// code: return from main (7) and exit() from a nested function (3) report;
// _exit (6) does not; exit() called on a secondary thread (2) reports; a
// process that execs (itself, returning 7) reports once, from the new image.
//
// RUN: %tracealloc_cc -O0 -pthread %s -o %t0
// RUN: %tracealloc_cc -O2 -pthread %s -o %t2
//
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t0 return 2> %t0.ret.err; echo "exit=$?"' > %t0.ret.out
// RUN: FileCheck %s --check-prefix=RET-OUT --input-file %t0.ret.out
// RUN: FileCheck %s --check-prefix=CHECK --input-file %t0.ret.err
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t2 return 2> %t2.ret.err; echo "exit=$?"' > %t2.ret.out
// RUN: FileCheck %s --check-prefix=RET-OUT --input-file %t2.ret.out
// RUN: FileCheck %s --check-prefix=CHECK --input-file %t2.ret.err
//
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t0 exit 2> %t0.exit.err; echo "exit=$?"' > %t0.exit.out
// RUN: FileCheck %s --check-prefix=EXIT-OUT --input-file %t0.exit.out
// RUN: FileCheck %s --check-prefix=CHECK --input-file %t0.exit.err
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t2 exit 2> %t2.exit.err; echo "exit=$?"' > %t2.exit.out
// RUN: FileCheck %s --check-prefix=EXIT-OUT --input-file %t2.exit.out
// RUN: FileCheck %s --check-prefix=CHECK --input-file %t2.exit.err
//
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t0 _exit 2> %t0._exit.err; echo "exit=$?"' > %t0._exit.out
// RUN: FileCheck %s --check-prefix=UEXIT-OUT --input-file %t0._exit.out
// RUN: count 0 < %t0._exit.err
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t2 _exit 2> %t2._exit.err; echo "exit=$?"' > %t2._exit.out
// RUN: FileCheck %s --check-prefix=UEXIT-OUT --input-file %t2._exit.out
// RUN: count 0 < %t2._exit.err
//
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t0 exec 2> %t0.exec.err; echo "exit=$?"' > %t0.exec.out
// RUN: FileCheck %s --check-prefix=EXEC-OUT --input-file %t0.exec.out
// RUN: FileCheck %s --check-prefix=CHECK --input-file %t0.exec.err
//
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t0 thread 2> %t0.thread.err; echo "exit=$?"' > %t0.thread.out
// RUN: FileCheck %s --check-prefix=THREAD-OUT --input-file %t0.thread.out
// RUN: FileCheck %s --check-prefix=CHECK --input-file %t0.thread.err
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t2 thread 2> %t2.thread.err; echo "exit=$?"' > %t2.thread.out
// RUN: FileCheck %s --check-prefix=THREAD-OUT --input-file %t2.thread.out
// RUN: FileCheck %s --check-prefix=CHECK --input-file %t2.thread.err

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

__attribute__((noinline)) void deep(int depth, const char *how) {
  if (depth > 0) {
    deep(depth - 1, how);
    return;
  }
  printf("leaving by %s\n", how);
  fflush(stdout);
  if (!strcmp(how, "exit"))
    exit(3);
  _exit(6);
}

static void *thread_main(void *arg) {
  (void)arg;
  printf("leaving by exit on a thread\n");
  exit(2);
}

int main(int argc, char **argv) {
  const char *how = argc > 1 ? argv[1] : "return";
  char *a = malloc(1234); // LA
  sink(a);
  if (!strcmp(how, "exit") || !strcmp(how, "_exit"))
    deep(5, how);
  if (!strcmp(how, "exec")) {
    printf("exec\n");
    fflush(stdout);
    char *args[] = {argv[0], "return", NULL};
    execv(argv[0], args);
    return 99;
  }
  if (!strcmp(how, "thread")) {
    pthread_t t;
    pthread_create(&t, NULL, thread_main, NULL);
    pthread_join(t, NULL); // never returns: the thread exits the process
  }
  printf("leaving by return\n");
  return 7;
}

// RET-OUT: leaving by return
// RET-OUT-NEXT: exit=7
// RET-OUT-NOT: {{.}}
// EXIT-OUT: leaving by exit
// EXIT-OUT-NEXT: exit=3
// EXIT-OUT-NOT: {{.}}
// UEXIT-OUT: leaving by _exit
// UEXIT-OUT-NEXT: exit=6
// UEXIT-OUT-NOT: {{.}}
// EXEC-OUT: exec
// EXEC-OUT-NEXT: leaving by return
// EXEC-OUT-NEXT: exit=7
// EXEC-OUT-NOT: {{.}}
// THREAD-OUT: leaving by exit on a thread
// THREAD-OUT-NEXT: exit=2
// THREAD-OUT-NOT: {{.}}

// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=1234 B, peak=1234 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}exit-paths.c:[[#LA:@LINE-41]]: size=1234 B, count=1, average=1234 B
// CHECK-NEXT: char *a = malloc(1234); // LA
// CHECK-NEXT: Total: size=1234 B, count=1
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}exit-paths.c:[[#LA]]: size=1234 B, count=1, average=1234 B
// CHECK-NEXT: char *a = malloc(1234); // LA
// CHECK-NEXT: Total: size=1234 B, count=1
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
