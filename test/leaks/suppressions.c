// The suppressions file: leaks matched by file name (fnmatch), function
// name (plain PATTERN, no "leak:"), and file:line are counted apart and do
// not fail the run; a leak matched by nothing still does. Comments and
// blank lines are skipped; a line of another sanitizer's type, an empty
// pattern and line 0 get a warning naming the file and line, and the rest
// is used. An unreadable file is an error, and the check runs without it.
//
// UNSUPPORTED: sanitizer
//
// RUN: %tracealloc_cc -O0 -c %S/Inputs/vendor_leak.c -o %t.vendor0.o
// RUN: %tracealloc_cc -O0 %s %t.vendor0.o -o %t0
// RUN: %tracealloc_cc -O2 -c %S/Inputs/vendor_leak.c -o %t.vendor2.o
// RUN: %tracealloc_cc -O2 %s %t.vendor2.o -o %t2
//
// The line of LBYLINE, found in this file rather than written down twice.
// RUN: echo '# Known leaks' > %t.supp
// RUN: echo 'leak:vendor_*.c' >> %t.supp
// RUN: echo '' >> %t.supp
// RUN: echo '  cache_init  ' >> %t.supp
// RUN: echo "leak:suppressions.c:$(grep -n 'LBYLINE$' %s | cut -d: -f1)" >> %t.supp
// RUN: echo 'race:something_else' >> %t.supp
// RUN: echo 'leak:' >> %t.supp
// RUN: echo 'leak:suppressions.c:0' >> %t.supp
//
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0:suppressions=%t.supp not %t0 2> %t0.err
// RUN: FileCheck %s -DSUPP=%t.supp --check-prefixes=WARN,SOME --input-file %t0.err
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0:suppressions=%t.supp not %t2 2> %t2.err
// RUN: FileCheck %s -DSUPP=%t.supp --check-prefixes=WARN,SOME --input-file %t2.err
//
// One more pattern, on the function of the last leak ('?' is any one
// character): nothing left to fail the run.
// RUN: cp %t.supp %t.all.supp
// RUN: echo 'leak:ma?n' >> %t.all.supp
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0:suppressions=%t.all.supp %t2 2> %t2.all.err
// RUN: FileCheck %s -DSUPP=%t.all.supp --check-prefixes=WARN,ALL --input-file %t2.all.err
//
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0:suppressions=%t.missing not %t2 2> %t2.missing.err
// RUN: FileCheck %s -DPATH=%t.missing --check-prefixes=MISSING,NONE --input-file %t2.missing.err
// RUN: mkdir -p %t.dir
// RUN: env TRACEALLOC_OPTIONS=leak_check=1:report=0:suppressions=%t.dir not %t2 2> %t2.dir.err
// RUN: FileCheck %s -DPATH=%t.dir --check-prefixes=ISDIR,NONE --input-file %t2.dir.err

#include <stdlib.h>

void *volatile g_sink;
__attribute__((noinline)) void lose(void *p) {
  g_sink = p;
  g_sink = 0;
}

void vendor_leak(void); // Inputs/vendor_leak.c: 10 B

__attribute__((noinline)) void cache_init(void) {
  lose(malloc(20)); // LCACHE
}

int main(void) {
  vendor_leak();
  cache_init();
  lose(malloc(30)); // LBYLINE
  lose(malloc(40)); // LKEPT
  return 0;
}

// Lines 6, 7 and 8 of the file are bad; the others are used.
// WARN: {{^}}TraceAlloc: warning: [[SUPP]]:6: 'race:' is not a leak suppression (expected leak:PATTERN or PATTERN); line ignored{{$}}
// WARN-NEXT: {{^}}TraceAlloc: warning: [[SUPP]]:7: empty pattern; line ignored{{$}}
// WARN-NEXT: {{^}}TraceAlloc: warning: [[SUPP]]:8: invalid line number '0' (expected 1 or more); line ignored{{$}}

// Suppressed: vendor 10 + cache_init 20 + by line 30 = 60 B in 3 blocks;
// left: 40 B.
// SOME-NEXT: {{^}}Leaks: 1 block, 40 B, from 1 traceback{{$}}
// SOME-NEXT: {{^}}#1: size=40 B, count=1, average=40 B{{$}}
// SOME-NEXT: {{^}}  File "{{.*}}suppressions.c", line [[#]], in main{{$}}
// SOME-NEXT: {{^}}    lose(malloc(40)); // LKEPT{{$}}
// SOME-NEXT: {{^}}Suppressed: 3 blocks, 60 B{{$}}
// SOME-NEXT: {{^}}  leak:vendor_*.c (line 2): 1 block, 10 B{{$}}
// SOME-NEXT: {{^}}  cache_init (line 4): 1 block, 20 B{{$}}
// SOME-NEXT: {{^}}  leak:suppressions.c:[[#]] (line 5): 1 block, 30 B{{$}}
// SOME-NEXT: {{^}}Still reachable: 0 blocks, 0 B{{$}}
// SOME-NEXT: {{^}}TraceAlloc: error: 1 leaked block (40 B); exiting with code 23 (leak_check=1){{$}}
// SOME-NOT: {{.}}

// 60 + 40 = 100 B in 4 blocks, all suppressed.
// ALL-NEXT: {{^}}Leaks: none{{$}}
// ALL-NEXT: {{^}}Suppressed: 4 blocks, 100 B{{$}}
// ALL-NEXT: {{^}}  leak:vendor_*.c (line 2): 1 block, 10 B{{$}}
// ALL-NEXT: {{^}}  cache_init (line 4): 1 block, 20 B{{$}}
// ALL-NEXT: {{^}}  leak:suppressions.c:[[#]] (line 5): 1 block, 30 B{{$}}
// ALL-NEXT: {{^}}  leak:ma?n (line 9): 1 block, 40 B{{$}}
// ALL-NEXT: {{^}}Still reachable: 0 blocks, 0 B{{$}}
// ALL-NOT: {{.}}

// MISSING: {{^}}TraceAlloc: error: cannot read the suppressions file '[[PATH]]': No such file or directory; leaks are checked without suppressions{{$}}
// ISDIR: {{^}}TraceAlloc: error: cannot read the suppressions file '[[PATH]]': Is a directory; leaks are checked without suppressions{{$}}
// 10 + 20 + 30 + 40 = 100 B in 4 blocks; by size, largest first.
// NONE-NEXT: {{^}}Leaks: 4 blocks, 100 B, from 4 tracebacks{{$}}
// NONE-NEXT: {{^}}#1: size=40 B, count=1, average=40 B{{$}}
// NONE-NEXT: {{^}}  File "{{.*}}suppressions.c", line [[#]], in main{{$}}
// NONE-NEXT: {{^}}    lose(malloc(40)); // LKEPT{{$}}
// NONE-NEXT: {{^}}#2: size=30 B, count=1, average=30 B{{$}}
// NONE-NEXT: {{^}}  File "{{.*}}suppressions.c", line [[#]], in main{{$}}
// NONE-NEXT: {{^}}    lose(malloc(30)); // LBYLINE{{$}}
// NONE-NEXT: {{^}}#3: size=20 B, count=1, average=20 B{{$}}
// NONE-NEXT: {{^}}  File "{{.*}}suppressions.c", line [[#]], in cache_init{{$}}
// NONE-NEXT: {{^}}    lose(malloc(20)); // LCACHE{{$}}
// NONE-NEXT: {{^}}#4: size=10 B, count=1, average=10 B{{$}}
// NONE-NEXT: {{^}}  File "{{.*}}vendor_leak.c", line [[#]], in vendor_leak{{$}}
// NONE-NEXT: {{^}}    g_sink = malloc(10); // LVENDOR{{$}}
// NONE-NEXT: {{^}}Still reachable: 0 blocks, 0 B{{$}}
// NONE-NEXT: {{^}}TraceAlloc: error: 4 leaked blocks (100 B); exiting with code 23 (leak_check=1){{$}}
// NONE-NOT: {{.}}
