// fork while another thread is allocating: the child must be able to
// allocate (no lock left held by a thread that does not exist in the child)
// and, exiting normally, print its report.
//
// RUN: %tracealloc_cc -O2 -pthread %s -o %t2
// RUN: timeout 60 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define NCHILD 30

// Atomic: several threads store here (a plain volatile would be a data race).
void *_Atomic g_sink;
__attribute__((noinline)) void sink(void *p) { atomic_store_explicit(&g_sink, p, memory_order_relaxed); }

static atomic_int stop;

static void *churn(void *arg) {
  (void)arg;
  while (!atomic_load(&stop)) { void *p = malloc(48); sink(p); free(p); } // LCHURN
  return NULL;
}

int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&t[i], NULL, churn, NULL);
  int ok = 0;
  for (int i = 0; i < NCHILD; i++) {
    pid_t c = fork();
    if (c == 0) {
      char *p = malloc(100); // LCHILD
      sink(p);
      free(p);
      // Only the last child exits normally (and reports); the others _exit.
      if (i == NCHILD - 1)
        exit(0);
      _exit(0);
    }
    int st = 0;
    if (waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0)
      ok++;
  }
  atomic_store(&stop, 1);
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], NULL);
  printf("%d of %d children ok\n", ok, NCHILD);
  return 0;
}

// OUT: 30 of 30 children ok
// OUT-NOT: {{.}}

// The last child's report: its own 100 B block is the only one from LCHILD,
// freed; the churn blocks it inherited are a snapshot and can't be predicted.
// CHECK: TraceAlloc report for
// CHECK: Top 10 lines by memory allocated over the run:
// CHECK: fork-threads.c:[[#LCHILD:@LINE-26]]: size=100 B, count=1, average=100 B
// CHECK-NEXT: char *p = malloc(100); // LCHILD
// CHECK: Top 10 lines by memory in use at exit:
// CHECK-NOT: fork-threads.c:[[#LCHILD]]:
// The parent's report.
// CHECK: TraceAlloc report for
// CHECK: Top 10 lines by memory allocated over the run:
// CHECK-NOT: fork-threads.c:[[#LCHILD]]:
// CHECK: Top 10 lines by memory in use at exit:
// CHECK-NOT: fork-threads.c:[[#LCHILD]]:
// CHECK-NOT: TraceAlloc report for
