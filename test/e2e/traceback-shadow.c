// Tracebacks through real calls (the call-site shadow stack, docs/design.md
// "Tracebacks"), in C at -O0 and -O2: every function below is noinline, so
// each frame is a call at both levels. Each case prints the traceback of
// one block through tracealloc_get_object_traceback, oldest frame first,
// as "file:line" and "(kept of total_nframe)".
//
// - recursion 3 deep: main, rec x4 (d = 3..0), mid, leaf: 7 frames.
// - recursion 300 deep: more frame functions (1 main + 301 rec + 1 mid =
//   303) than the stack's 128 slots, so no caller can be read: the
//   traceback is leaf's own frame, and total_nframe is that frame plus the
//   depth less one (the runtime cannot tell whether the innermost frame
//   pushed itself): 1 + 302 = 303.
// - longjmp out of 5 nested dive() frames back into after_longjmp(), then
//   an allocation: none of the skipped frames appears.
// - a qsort comparator (qsort is libc's: its frame is missing, not wrong).
// - a signal handler run by raise().
// - a callback from a prebuilt (uninstrumented) library.
// - a thread: its stack starts empty (thread_body, leaf).
// - a fork child, which goes on with its parent's frames.
// - prebuilt_alloc's malloc (uninstrumented code; trace_libraries): the
//   frame of the call that reached the library, then its callers.
// nframe=1 keeps the most recent frame of each (the allocation's line,
// or for prebuilt_alloc the line that called the library), total_nframe
// then counts the static frames only (the stack is not read).
//
// The report (nframe=1 and 16): the per-line statistics name the
// allocations' lines; LLEAF: 16 + 16 + 24 + 32 + 48 + 64 + 40 + 8 = 248 B
// in 8 blocks (the fork child's 56 B is its own); LLIB: 72 B from
// prebuilt_alloc; LPT: glibc's pthread_create allocates the new thread's
// DTV, calloc(2 TLS modules (libc, the runtime) + 14 spare + 2, 16 B) =
// 288 B, kept with the cached thread stack after the join. None is freed:
// 248 + 72 + 288 = 608 B in 10 blocks.
//
// DEFINE: %{lines} = -D#LLEAF=$(grep -n '// LLEAF$' %s | cut -d: -f1) \
// DEFINE:   -D#LMID=$(grep -n '// LMID$' %s | cut -d: -f1) \
// DEFINE:   -D#LREC=$(grep -n '// LREC$' %s | cut -d: -f1) \
// DEFINE:   -D#LBASE=$(grep -n '// LBASE$' %s | cut -d: -f1) \
// DEFINE:   -D#LJUMP=$(grep -n '// LJUMP$' %s | cut -d: -f1) \
// DEFINE:   -D#LCMP=$(grep -n '// LCMP$' %s | cut -d: -f1) \
// DEFINE:   -D#LSIG=$(grep -n '// LSIG$' %s | cut -d: -f1) \
// DEFINE:   -D#LCB=$(grep -n '// LCB$' %s | cut -d: -f1) \
// DEFINE:   -D#LTHREAD=$(grep -n '// LTHREAD$' %s | cut -d: -f1) \
// DEFINE:   -D#LLIB=$(grep -n '// LLIB$' %s | cut -d: -f1) \
// DEFINE:   -D#LM=$(grep -n '// LMAIN$' %s | cut -d: -f1) \
// DEFINE:   -D#LMJ=$(grep -n '// LMJ$' %s | cut -d: -f1) \
// DEFINE:   -D#LMQ=$(grep -n '// LMQ$' %s | cut -d: -f1) \
// DEFINE:   -D#LMS=$(grep -n '// LMS$' %s | cut -d: -f1) \
// DEFINE:   -D#LMC=$(grep -n '// LMC$' %s | cut -d: -f1) \
// DEFINE:   -D#LPT=$(grep -n '// LPT$' %s | cut -d: -f1) \
// DEFINE:   -D#LMF=$(grep -n '// LMF$' %s | cut -d: -f1)
// RUN: %clang -shared -fPIC -O2 %S/Inputs/prebuilt.c -o %t.prebuilt.so
// RUN: %tracealloc_cc -O0 %s %t.prebuilt.so -Wl,-rpath,$(dirname %t) -o %t0
// RUN: %tracealloc_cc -O2 %s %t.prebuilt.so -Wl,-rpath,$(dirname %t) -o %t2
// RUN: env TRACEALLOC_OPTIONS=nframe=16 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefixes=CHECK,DEEP --input-file %t0.out %{lines}
// RUN: FileCheck %s --check-prefix=REPORT --input-file %t0.err %{lines}
// RUN: env TRACEALLOC_OPTIONS=nframe=16 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefixes=CHECK,DEEP --input-file %t2.out %{lines}
// RUN: FileCheck %s --check-prefix=REPORT --input-file %t2.err %{lines}
// RUN: %t0 2> %t0.one.err | FileCheck %s --check-prefixes=CHECK,ONE %{lines}
// RUN: FileCheck %s --check-prefix=REPORT --input-file %t0.one.err %{lines}
// RUN: %t2 2> /dev/null | FileCheck %s --check-prefixes=CHECK,ONE %{lines}
// Not under the sanitizers: their instrumentation adds calls and changes
// inlining, so the frames differ, and the test allocates in a signal
// handler, which ThreadSanitizer reports (signal-unsafe call).
// UNSUPPORTED: tsan, asan

#include <tracealloc/tracemalloc.h>

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

__attribute__((noinline)) void show(const char *tag, const void *p) {
  tracealloc_frame frames[64];
  tracealloc_traceback tb;
  if (!tracealloc_get_object_traceback(p, frames, 64, &tb)) {
    printf("%s: not traced\n", tag);
    return;
  }
  printf("%s:", tag);
  for (size_t i = 0; i < tb.nframe; ++i) {
    const char *base = strrchr(tb.frames[i].filename, '/');
    printf(" %s:%u", base ? base + 1 : tb.frames[i].filename,
           tb.frames[i].lineno);
  }
  printf(" (%zu of %zu)\n", tb.nframe, tb.total_nframe);
}

void *prebuilt_alloc(size_t n);
void prebuilt_call(void (*callback)(void));

__attribute__((noinline)) void *leaf(size_t n) { return malloc(n); } // LLEAF
__attribute__((noinline)) void *mid(size_t n) {
  void *p = leaf(n); // LMID
  sink(p);
  return p;
}
__attribute__((noinline)) void *rec(int depth, size_t n) {
  if (depth == 0)
    return mid(n); // LBASE
  void *p = rec(depth - 1, n); // LREC
  sink(p);
  return p;
}

static jmp_buf g_jump;
__attribute__((noinline)) void dive(int depth) {
  if (depth == 0)
    longjmp(g_jump, 1);
  dive(depth - 1);
  sink(0);
}
__attribute__((noinline)) void *after_longjmp(void) {
  if (setjmp(g_jump) == 0)
    dive(4);
  return leaf(24); // LJUMP
}

static void *g_compared;
static int by_value(const void *a, const void *b) {
  if (!g_compared)
    g_compared = leaf(32); // LCMP
  return *(const int *)a - *(const int *)b;
}

static void *g_signalled;
static void on_signal(int sig) { g_signalled = leaf(48); } // LSIG

static void *g_called_back;
static void callback(void) { g_called_back = leaf(64); } // LCB

static void *thread_body(void *arg) {
  void *p = leaf(40); // LTHREAD
  show("thread", p);
  return p;
}

int main(void) {
  // Unbuffered: stdout's buffer would be allocated under the first printf.
  setvbuf(stdout, NULL, _IONBF, 0);
  void *p;
  // CHECK: recursion:
  // DEEP-SAME: traceback-shadow.c:[[#LM]] traceback-shadow.c:[[#LREC]] traceback-shadow.c:[[#LREC]] traceback-shadow.c:[[#LREC]] traceback-shadow.c:[[#LBASE]] traceback-shadow.c:[[#LMID]]
  // CHECK-SAME: traceback-shadow.c:[[#LLEAF]]
  // DEEP-SAME: (7 of 7)
  // ONE-SAME: (1 of 1)
  show("recursion", p = rec(3, 16)); // LMAIN
  // CHECK-NEXT: deep recursion: traceback-shadow.c:[[#LLEAF]]
  // DEEP-SAME: (1 of 303)
  // ONE-SAME: (1 of 1)
  show("deep recursion", rec(300, 16));
  // CHECK-NEXT: longjmp:
  // DEEP-SAME: traceback-shadow.c:[[#LMJ]] traceback-shadow.c:[[#LJUMP]]
  // CHECK-SAME: traceback-shadow.c:[[#LLEAF]] ({{3 of 3|1 of 1}})
  show("longjmp", after_longjmp()); // LMJ
  int values[] = {3, 1, 2};
  // CHECK-NEXT: qsort:
  // DEEP-SAME: traceback-shadow.c:[[#LMQ]] traceback-shadow.c:[[#LCMP]]
  // CHECK-SAME: traceback-shadow.c:[[#LLEAF]] ({{3 of 3|1 of 1}})
  qsort(values, 3, sizeof *values, by_value); // LMQ
  show("qsort", g_compared);
  // CHECK-NEXT: signal:
  // DEEP-SAME: traceback-shadow.c:[[#LMS]] traceback-shadow.c:[[#LSIG]]
  // CHECK-SAME: traceback-shadow.c:[[#LLEAF]] ({{3 of 3|1 of 1}})
  signal(SIGUSR1, on_signal);
  raise(SIGUSR1); // LMS
  show("signal", g_signalled);
  // CHECK-NEXT: callback:
  // DEEP-SAME: traceback-shadow.c:[[#LMC]] traceback-shadow.c:[[#LCB]]
  // CHECK-SAME: traceback-shadow.c:[[#LLEAF]] ({{3 of 3|1 of 1}})
  prebuilt_call(callback); // LMC
  show("callback", g_called_back);
  // CHECK-NEXT: thread:
  // DEEP-SAME: traceback-shadow.c:[[#LTHREAD]] traceback-shadow.c:[[#LLEAF]] (2 of 2)
  // ONE-SAME: traceback-shadow.c:[[#LLEAF]] (1 of 1)
  pthread_t thread;
  pthread_create(&thread, NULL, thread_body, NULL); // LPT
  pthread_join(thread, &p);
  // CHECK-NEXT: fork child:
  // DEEP-SAME: traceback-shadow.c:[[#LMF]] traceback-shadow.c:[[#LBASE]] traceback-shadow.c:[[#LMID]]
  // CHECK-SAME: traceback-shadow.c:[[#LLEAF]] ({{4 of 4|1 of 1}})
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    show("fork child", rec(0, 56)); // LMF
    _exit(0);
  }
  waitpid(child, NULL, 0);
  // CHECK-NEXT: prebuilt library:
  // DEEP-SAME: traceback-shadow.c:[[#LLIB]] (1 of 1)
  // ONE-SAME: traceback-shadow.c:[[#LLIB]] (1 of 1)
  show("prebuilt library", prebuilt_alloc(72)); // LLIB
  // The limit set while running applies to the next traceback: the 3 most
  // recent frames of main, rec x4, mid, leaf, and 4 more (rec x3, main).
  // CHECK-NEXT: limit 3: traceback-shadow.c:[[#LBASE]] traceback-shadow.c:[[#LMID]] traceback-shadow.c:[[#LLEAF]] (3 of 7)
  tracealloc_set_traceback_limit(3);
  show("limit 3", rec(3, 8));
  return 0;
}

// REPORT: Top 10 lines by memory allocated over the run:
// REPORT-NEXT: #1: {{.*}}traceback-shadow.c:[[#LPT]]: size=288 B, count=1, average=288 B
// REPORT-NEXT: {{^    .*}}
// REPORT-NEXT: #2: {{.*}}traceback-shadow.c:[[#LLEAF]]: size=248 B, count=8, average=31 B
// REPORT-NEXT: {{^    .*}}
// REPORT-NEXT: #3: {{.*}}traceback-shadow.c:[[#LLIB]]: size=72 B, count=1, average=72 B
// REPORT-NEXT: {{^    .*}}
// REPORT-NEXT: Total: size=608 B, count=10
