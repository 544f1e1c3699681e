// fork() while other threads allocate and free traced blocks: the child,
// where only the forking thread goes on, can still take snapshots (a thread
// caught inside a traced operation at the fork must not leave the child
// waiting for it for ever), and its snapshot lists the blocks the child
// inherited and its own.
//
// The sanitizers own malloc in sanitizer builds (pointer-map mode).
// UNSUPPORTED: sanitizer
//
// RUN: %tracealloc_cc -O2 %s -lpthread -o %t
// RUN: env TRACEALLOC_OPTIONS=report=0 timeout 60 %t | FileCheck %s
//
// CHECK: children: 20, each found its block
// CHECK-NEXT: parent: workers stopped

#include <tracealloc/tracemalloc.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static atomic_int g_stop;
void *volatile g_sink;

static void *churn(void *arg) {
  (void)arg;
  void *blocks[64] = {0};
  for (unsigned i = 0; !atomic_load(&g_stop); i++) {
    free(blocks[i % 64]);
    blocks[i % 64] = malloc(16 + i % 200);
  }
  for (int i = 0; i < 64; i++)
    free(blocks[i]);
  return NULL;
}

// In the child: a block of a size no worker uses must be in a snapshot.
static int child_finds_its_block(void) {
  char *mine = malloc(4321);
  g_sink = mine; // used: -O2 may not delete the allocation
  tracealloc_snapshot *s = tracealloc_take_snapshot();
  if (!s)
    return 0;
  int found = 0;
  for (size_t i = 0; i < tracealloc_snapshot_trace_count(s); i++)
    found |= tracealloc_snapshot_trace(s, i).size == 4321;
  tracealloc_snapshot_free(s);
  return found;
}

int main(void) {
  pthread_t workers[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&workers[i], NULL, churn, NULL);
  int ok = 0;
  for (int round = 0; round < 20; round++) {
    usleep(2000);
    pid_t pid = fork();
    if (pid == 0)
      _exit(child_finds_its_block() ? 0 : 1);
    int status = 0;
    waitpid(pid, &status, 0);
    ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  printf("children: %d, each found its block\n", ok);
  atomic_store(&g_stop, 1);
  for (int i = 0; i < 2; i++)
    pthread_join(workers[i], NULL);
  printf("parent: workers stopped\n");
  return 0;
}
