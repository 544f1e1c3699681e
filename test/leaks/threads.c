// References that only other threads hold, while those threads still run
// at exit: a pointer on a blocked thread's stack, pointers in thread_local
// variables (another thread's and the main thread's), a pointer that a
// spinning thread keeps in a register (at -O2), and a pointer on the stack
// of a thread that blocks every signal (it cannot be stopped; its stack is
// still scanned, from the stack pointer the kernel shows for its system
// call). All are still reachable. With -DDROP each thread forgets its
// pointer first, and all of them are leaks: the references were what kept
// them. (DROP scrubs stale copies first: Inputs/scrub.h.)
//
// UNSUPPORTED: sanitizer
//
// RUN: %tracealloc_cc -O0 -pthread %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 %t0 > %t0.out 2> %t0.err; echo "exit=$?" >> %t0.out
// RUN: FileCheck %s --check-prefixes=OUT,OUT-KEEP --input-file %t0.out
// RUN: FileCheck %s --check-prefix=KEEP --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 -pthread %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 %t2 > %t2.out 2> %t2.err; echo "exit=$?" >> %t2.out
// RUN: FileCheck %s --check-prefixes=OUT,OUT-KEEP --input-file %t2.out
// RUN: FileCheck %s --check-prefix=KEEP --input-file %t2.err
//
// RUN: %tracealloc_cc -O0 -pthread -DDROP %s -o %t0d
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 %t0d > %t0d.out 2> %t0d.err; echo "exit=$?" >> %t0d.out
// RUN: FileCheck %s --check-prefixes=OUT,OUT-DROP --input-file %t0d.out
// RUN: FileCheck %s --check-prefix=DROP --input-file %t0d.err
//
// RUN: %tracealloc_cc -O2 -pthread -DDROP %s -o %t2d
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 %t2d > %t2d.out 2> %t2d.err; echo "exit=$?" >> %t2d.out
// RUN: FileCheck %s --check-prefixes=OUT,OUT-DROP --input-file %t2d.out
// RUN: FileCheck %s --check-prefix=DROP --input-file %t2d.err

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "Inputs/scrub.h"

void *volatile g_sink;
__attribute__((noinline)) void lose(void *p) {
  g_sink = p;
  g_sink = 0;
}

static _Thread_local char *t_keep;
static atomic_int started;

static void wait_for(int n) {
  while (atomic_load(&started) < n)
    sched_yield();
}

// Blocked in pause() at exit; the stop signal interrupts it.
static void *on_stack_and_tls(void *arg) {
  char *volatile on_stack = malloc(300); // LSTACK
  t_keep = malloc(400);                  // LTLS
#ifdef DROP
  lose(on_stack);
  on_stack = 0;
  lose(t_keep);
  t_keep = 0;
  scrub_stack();
  scrub_registers();
#endif
  atomic_fetch_add(&started, 1);
  for (;;)
    pause();
  return arg;
}

// Blocks every signal, so it cannot be stopped.
static void *blocks_signals(void *arg) {
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, NULL);
  char *volatile on_stack = malloc(700); // LBLOCKED
#ifdef DROP
  lose(on_stack);
  on_stack = 0;
  scrub_stack();
  scrub_registers();
#endif
  atomic_fetch_add(&started, 1);
  for (;;)
    pause();
  return arg;
}

// Never blocks; at -O2 the pointer lives in a register only.
static void *spins(void *arg) {
  char *p = malloc(800); // LSPIN
#ifdef DROP
  lose(p);
  p = 0;
  scrub_stack();
  scrub_registers();
#endif
  atomic_fetch_add(&started, 1);
  for (;;)
    __asm__ volatile("" : "+r"(p));
  return arg;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, on_stack_and_tls, NULL);
  pthread_create(&t, NULL, blocks_signals, NULL);
  pthread_create(&t, NULL, spins, NULL);
  wait_for(3);
  t_keep = malloc(500); // LMAIN
#ifdef DROP
  lose(t_keep);
  t_keep = 0;
  scrub_stack();
#endif
  write(1, "done\n", 5);
  return 0;
}

// OUT: {{^}}done{{$}}
// OUT-KEEP-NEXT: {{^}}exit=0{{$}}
// OUT-DROP-NEXT: {{^}}exit=23{{$}}
// OUT-NOT: {{.}}

// The thread that blocks signals is not stopped (the spinning one is).
// KEEP: {{^}}TraceAlloc: warning: leak check: 1 thread could not be stopped (the stop signal blocked, or no answer); their registers were not scanned{{$}}
// All five blocks are in use at exit (the report), and none is a leak.
// KEEP: Top 10 lines by memory in use at exit:
// KEEP-DAG: threads.c:[[#LSPIN:]]: size=800 B, count=1, average=800 B
// KEEP-DAG: {{^}}    char *p = malloc(800); // LSPIN{{$}}
// KEEP-DAG: threads.c:[[#LBLOCKED:]]: size=700 B, count=1, average=700 B
// KEEP-DAG: {{^}}    char *volatile on_stack = malloc(700); // LBLOCKED{{$}}
// KEEP-DAG: threads.c:[[#LMAIN:]]: size=500 B, count=1, average=500 B
// KEEP-DAG: {{^}}    t_keep = malloc(500); // LMAIN{{$}}
// KEEP-DAG: threads.c:[[#LTLS:]]: size=400 B, count=1, average=400 B
// KEEP-DAG: {{^}}    t_keep = malloc(400);                  // LTLS{{$}}
// KEEP-DAG: threads.c:[[#LSTACK:]]: size=300 B, count=1, average=300 B
// KEEP-DAG: {{^}}    char *volatile on_stack = malloc(300); // LSTACK{{$}}
// KEEP: {{^}}Leaks: none{{$}}
// KEEP-NEXT: {{^}}Still reachable: {{[0-9]+}} blocks, {{.*}}{{$}}
// KEEP-NOT: {{.}}

// 800 + 700 + 500 + 400 + 300 = 2700 B, 5 blocks, largest first.
// DROP: {{^}}Leaks: 5 blocks, 2700 B, from 5 tracebacks{{$}}
// DROP-NEXT: {{^}}#1: size=800 B, count=1, average=800 B{{$}}
// DROP-NEXT: {{^}}  File "{{.*}}threads.c", line {{[0-9]+}}, in spins{{$}}
// DROP-NEXT: {{^}}    char *p = malloc(800); // LSPIN{{$}}
// DROP-NEXT: {{^}}#2: size=700 B, count=1, average=700 B{{$}}
// DROP-NEXT: {{^}}  File "{{.*}}threads.c", line {{[0-9]+}}, in blocks_signals{{$}}
// DROP-NEXT: {{^}}    char *volatile on_stack = malloc(700); // LBLOCKED{{$}}
// DROP-NEXT: {{^}}#3: size=500 B, count=1, average=500 B{{$}}
// DROP-NEXT: {{^}}  File "{{.*}}threads.c", line {{[0-9]+}}, in main{{$}}
// DROP-NEXT: {{^}}    t_keep = malloc(500); // LMAIN{{$}}
// DROP-NEXT: {{^}}#4: size=400 B, count=1, average=400 B{{$}}
// DROP-NEXT: {{^}}  File "{{.*}}threads.c", line {{[0-9]+}}, in on_stack_and_tls{{$}}
// DROP-NEXT: {{^}}    t_keep = malloc(400);                  // LTLS{{$}}
// DROP-NEXT: {{^}}#5: size=300 B, count=1, average=300 B{{$}}
// DROP-NEXT: {{^}}  File "{{.*}}threads.c", line {{[0-9]+}}, in on_stack_and_tls{{$}}
// DROP-NEXT: {{^}}    char *volatile on_stack = malloc(300); // LSTACK{{$}}
// DROP-NEXT: {{^}}Still reachable: {{[0-9]+}} blocks, {{.*}}{{$}}
// DROP-NEXT: {{^}}TraceAlloc: error: 5 leaked blocks (2700 B); exiting with code 23 (leak_check=1){{$}}
// DROP-NOT: {{.}}
