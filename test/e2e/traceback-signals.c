// A signal handler that allocates, interrupting the program anywhere in a
// loop of calls (a profiling timer), at -O0 and -O2, nframe=16: each
// handler's block must have a true traceback, possibly cut short, never
// with a frame that was not active (docs/design.md "Tracebacks").
//
// The loop: main calls work() (LW), work calls step() through a function
// pointer (LS); step calls nothing. The handler calls leaf() (LH), whose
// malloc is LLEAF. Read from the innermost frame out, a frame between
// calls cuts the rest, so the only true tracebacks, oldest first, are:
// LH LLEAF; LS LH LLEAF; LW LS LH LLEAF; LW LH LLEAF. Each of the 64
// blocks must print as one of them (the program is given the four lines
// and prints each frame by its name; any other line prints as a number).
//
// DEFINE: %{lines} = $(grep -n '// LW$' %s | cut -d: -f1) \
// DEFINE:   $(grep -n '// LS$' %s | cut -d: -f1) \
// DEFINE:   $(grep -n '// LH$' %s | cut -d: -f1) \
// DEFINE:   $(grep -n '// LLEAF$' %s | cut -d: -f1)
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=nframe=16:report=0 %t0 %{lines} | FileCheck %s
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=nframe=16:report=0 %t2 %{lines} | FileCheck %s
// Not under the sanitizers: ThreadSanitizer delays signals to its own
// synchronisation points (the timer's handler never runs in the busy loop)
// and reports the handler's malloc; AddressSanitizer's frames differ.
// UNSUPPORTED: tsan, asan
//
// CHECK-COUNT-64: {{^traceback:( LW)?( LS)? LH LLEAF$}}
// CHECK-NEXT: done

#include <tracealloc/tracemalloc.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

enum { kBlocks = 64 };
static void *volatile g_blocks[kBlocks];
static volatile int g_count;

__attribute__((noinline)) void *leaf(size_t n) { return malloc(n); } // LLEAF

static void on_tick(int sig) {
  if (g_count < kBlocks)
    g_blocks[g_count++] = leaf(16); // LH
}

volatile unsigned long g_work;
__attribute__((noinline)) static void step(unsigned long i) {
  for (int k = 0; k < 50; ++k)
    g_work += i * k;
}
static void (*volatile g_step)(unsigned long) = step;

__attribute__((noinline)) static void work(unsigned long i) {
  g_work += i;
  g_step(i); // LS
  g_work -= i;
}

int main(int argc, char **argv) {
  static const char *const kNames[] = {"LW", "LS", "LH", "LLEAF"};
  if (argc != 5)
    return 2;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_tick;
  sigaction(SIGPROF, &sa, NULL);
  struct itimerval every = {{0, 200}, {0, 200}};
  setitimer(ITIMER_PROF, &every, NULL);
  for (unsigned long i = 0; g_count < kBlocks; ++i)
    work(i); // LW
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_PROF, &off, NULL);

  for (int b = 0; b < kBlocks; ++b) {
    tracealloc_frame frames[64];
    tracealloc_traceback tb;
    printf("traceback:");
    if (tracealloc_get_object_traceback(g_blocks[b], frames, 64, &tb))
      for (size_t i = 0; i < tb.nframe; ++i) {
        const char *name = NULL;
        for (int k = 0; k < 4; ++k)
          if (tb.frames[i].lineno == (unsigned)atoi(argv[k + 1]))
            name = kNames[k];
        if (name)
          printf(" %s", name);
        else
          printf(" %u", tb.frames[i].lineno);
      }
    printf("\n");
  }
  printf("done\n");
  return 0;
}
