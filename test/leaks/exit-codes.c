// The exit code: a program with leaks exits with `exitcode` (23 by default,
// as LeakSanitizer) after its report, with its buffered stdout flushed; a
// program without leaks keeps its own exit code, 0 or not; exitcode=0
// reports leaks without failing; without leak_check nothing changes.
//
// UNSUPPORTED: sanitizer
//
// No leaks (LEAK=0): one block freed, one kept in a global.
// RUN: %tracealloc_cc -O0 -DLEAK=0 -DRET=0 %s -o %t.clean0
// RUN: %tracealloc_cc -O2 -DLEAK=0 -DRET=0 %s -o %t.clean2
// RUN: %tracealloc_cc -O2 -DLEAK=0 -DRET=3 %s -o %t.clean3
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 %t.clean0 2> %t.clean0.err | FileCheck %s --check-prefix=OUT
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 sh -c '%t.clean0 > /dev/null 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT0
// RUN: FileCheck %s --check-prefix=CLEAN --input-file %t.clean0.err
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 sh -c '%t.clean2 > /dev/null 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT0
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 sh -c '%t.clean3 > /dev/null 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT3
//
// One leak of 64 B (LEAK=1), then return RET or exit(RET) from a function.
// RUN: %tracealloc_cc -O0 -DLEAK=1 -DRET=0 %s -o %t.leak0
// RUN: %tracealloc_cc -O2 -DLEAK=1 -DRET=0 %s -o %t.leak2
// RUN: %tracealloc_cc -O2 -DLEAK=1 -DRET=3 %s -o %t.leak3
// RUN: %tracealloc_cc -O2 -DLEAK=1 -DRET=5 -DUSE_EXIT %s -o %t.leak5
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 not %t.leak0 2> %t.leak0.err | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --check-prefix=LEAK --input-file %t.leak0.err
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 sh -c '%t.leak0 > /dev/null 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT23
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 sh -c '%t.leak2 > /dev/null 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT23
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 sh -c '%t.leak3 > /dev/null 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT23
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 sh -c '%t.leak5 > /dev/null 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT23
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:exitcode=7 sh -c '%t.leak2 > /dev/null 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT7
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:exitcode=0 sh -c '%t.leak3 > /dev/null 2>%t.code0.err; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT3
// RUN: FileCheck %s --check-prefix=NOFAIL --input-file %t.code0.err
// RUN: sh -c '%t.leak3 > /dev/null 2>%t.off.err; echo "exit=$?"' | FileCheck %s --check-prefix=EXIT3
// RUN: FileCheck %s --check-prefix=OFF --input-file %t.off.err
//
// The exit()-from-a-function path flushes stdout too.
// RUN: env TRACEALLOC_OPTIONS=leak_check=1 not %t.leak5 2> /dev/null | FileCheck %s --check-prefix=OUT
//
// report_path: the leak section goes with the report; the failure line
// stays on stderr, for the CI log.
// RUN: rm -f %t.report
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report_path=%t.report %t.leak2 > /dev/null 2> %t.path.err || true
// RUN: FileCheck %s --check-prefix=LEAK --input-file %t.report
// RUN: FileCheck %s --check-prefix=PATHERR --input-file %t.path.err

#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void lose(void *p) {
  g_sink = p;
  g_sink = 0;
}

char *g_kept;

__attribute__((noinline)) void finish(void) {
#ifdef USE_EXIT
  exit(RET);
#endif
}

int main(void) {
  char *p = malloc(32);
  g_sink = p;
  free(p);
  g_kept = malloc(16);
#if LEAK
  lose(malloc(64)); // LLEAK
#endif
  // Buffered (stdout is a pipe or file here): _exit would lose it unless
  // the runtime flushes it first.
  printf("done\n");
  finish();
  return RET;
}

// OUT: {{^}}done{{$}}
// OUT-NOT: {{.}}

// EXIT0: {{^}}exit=0{{$}}
// EXIT3: {{^}}exit=3{{$}}
// EXIT7: {{^}}exit=7{{$}}
// EXIT23: {{^}}exit=23{{$}}

// CLEAN: {{^}}Leaks: none{{$}}
// CLEAN-NEXT: {{^}}Still reachable: {{[0-9]+}} blocks, {{.*}}{{$}}
// CLEAN-NOT: {{.}}

// LEAK: {{^}}Leaks: 1 block, 64 B, from 1 traceback{{$}}
// LEAK-NEXT: {{^}}#1: size=64 B, count=1, average=64 B{{$}}
// LEAK-NEXT: {{^}}  File "{{.*}}exit-codes.c", line [[#]], in main{{$}}
// LEAK-NEXT: {{^}}    lose(malloc(64)); // LLEAK{{$}}
// LEAK-NEXT: {{^}}Still reachable: {{[0-9]+}} blocks, {{.*}}{{$}}

// NOFAIL: {{^}}Leaks: 1 block, 64 B, from 1 traceback{{$}}
// NOFAIL-NOT: error

// OFF-NOT: Leaks
// OFF-NOT: reachable

// PATHERR: {{^}}TraceAlloc: error: 1 leaked block (64 B); exiting with code 23 (leak_check=1){{$}}
// PATHERR-NOT: {{.}}
