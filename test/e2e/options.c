// TRACEALLOC_OPTIONS: report_top (including 0), report=0/no/false/off, report_path (with %p),
// trace=0, report_source=0, help=1, and bad inputs (unknown key, bad int,
// empty value, negative number, missing '=', stray separators, bad bool, unwritable
// report_path). In every case the program's output and exit code (4) are
// unchanged.
//
// RUN: %tracealloc_cc -O1 %s -o %t
//
// Defaults (an empty option string changes nothing and warns about nothing).
// RUN: env TRACEALLOC_OPTIONS=trace_libraries=0 sh -c '%t 2> %t.def.err; echo "exit=$?"' > %t.def.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.def.out
// RUN: FileCheck %s --check-prefixes=CHECK,TOP10 --implicit-check-not=warning --input-file %t.def.err
//
// RUN: env TRACEALLOC_OPTIONS=report_top=1:trace_libraries=0 sh -c '%t 2> %t.top1.err; echo "exit=$?"' > %t.top1.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.top1.out
// RUN: FileCheck %s --check-prefixes=CHECK,TOP1 --implicit-check-not=warning --input-file %t.top1.err
//
// report_top=0: every line is in "other".
// RUN: env TRACEALLOC_OPTIONS=report_top=0:trace_libraries=0 sh -c '%t 2> %t.top0.err; echo "exit=$?"' > %t.top0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.top0.out
// RUN: FileCheck %s --check-prefixes=CHECK,TOP0 --implicit-check-not=warning --input-file %t.top0.err
//
// RUN: env TRACEALLOC_OPTIONS=report=0:trace_libraries=0 sh -c '%t 2> %t.r0.err; echo "exit=$?"' > %t.r0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.r0.out
// RUN: count 0 < %t.r0.err
// RUN: env TRACEALLOC_OPTIONS=report=no:trace_libraries=0 sh -c '%t 2> %t.rno.err; echo "exit=$?"' > %t.rno.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.rno.out
// RUN: count 0 < %t.rno.err
// RUN: env TRACEALLOC_OPTIONS=report=false:report_top=1:trace_libraries=0 sh -c '%t 2> %t.rfalse.err; echo "exit=$?"' > %t.rfalse.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.rfalse.out
// RUN: count 0 < %t.rfalse.err
// RUN: env TRACEALLOC_OPTIONS=report=off:trace_libraries=0 sh -c '%t 2> %t.roff.err; echo "exit=$?"' > %t.roff.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.roff.out
// RUN: count 0 < %t.roff.err
// RUN: env TRACEALLOC_OPTIONS=report=yes:trace_libraries=0 sh -c '%t 2> %t.ryes.err; echo "exit=$?"' > %t.ryes.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.ryes.out
// RUN: FileCheck %s --check-prefixes=CHECK,TOP10 --implicit-check-not=warning --input-file %t.ryes.err
//
// report_path: %p is the pid ("%%p" because lit itself expands %p); stderr stays clean.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: env TRACEALLOC_OPTIONS=report_path=%t.dir/r.%%p.txt:trace_libraries=0 sh -c '%t 2> %t.path.err; echo "exit=$?"' > %t.path.out
// RUN: count 0 < %t.path.err
// RUN: ls %t.dir > %t.path.ls
// RUN: cat %t.path.out %t.path.ls %t.dir/r.*.txt > %t.path.all
// RUN: FileCheck %s --check-prefix=PATH --input-file %t.path.all
// RUN: FileCheck %s --check-prefixes=CHECK,TOP10 --input-file %t.path.all
//
// trace=0: nothing is counted.
// RUN: env TRACEALLOC_OPTIONS=trace=0:trace_libraries=0 sh -c '%t 2> %t.t0.err; echo "exit=$?"' > %t.t0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.t0.out
// RUN: FileCheck %s --check-prefix=TRACE0 --input-file %t.t0.err
//
// report_source=0: no source lines.
// RUN: env TRACEALLOC_OPTIONS=report_source=0:trace_libraries=0 sh -c '%t 2> %t.src0.err; echo "exit=$?"' > %t.src0.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.src0.out
// RUN: FileCheck %s --check-prefix=NOSRC --input-file %t.src0.err
//
// help=1 prints the options table; the program still runs and reports.
// RUN: env TRACEALLOC_OPTIONS=help=1:report_top=3:trace_libraries=0 sh -c '%t 2> %t.help.err; echo "exit=$?"' > %t.help.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.help.out
// RUN: FileCheck %s --check-prefix=HELP --input-file %t.help.err
// RUN: FileCheck %s --check-prefix=CHECK --input-file %t.help.err
//
// Bad inputs: a warning, then the defaults (or the other, valid, options).
// RUN: env TRACEALLOC_OPTIONS=bogus=1:report_top=1:trace_libraries=0 sh -c '%t 2> %t.unk.err; echo "exit=$?"' > %t.unk.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.unk.out
// RUN: FileCheck %s --check-prefixes=UNKNOWN,CHECK,TOP1 --input-file %t.unk.err
// RUN: env TRACEALLOC_OPTIONS=report_top=abc:trace_libraries=0 sh -c '%t 2> %t.abc.err; echo "exit=$?"' > %t.abc.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.abc.out
// RUN: FileCheck %s --check-prefixes=BADINT,CHECK,TOP10 --input-file %t.abc.err
// RUN: env TRACEALLOC_OPTIONS=report_top=:trace_libraries=0 sh -c '%t 2> %t.empty.err; echo "exit=$?"' > %t.empty.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.empty.out
// RUN: FileCheck %s --check-prefixes=EMPTYVAL,CHECK,TOP10 --input-file %t.empty.err
// RUN: env TRACEALLOC_OPTIONS=report_top:trace_libraries=0 sh -c '%t 2> %t.noeq.err; echo "exit=$?"' > %t.noeq.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.noeq.out
// RUN: FileCheck %s --check-prefixes=NOEQ,CHECK,TOP10 --input-file %t.noeq.err
// RUN: env TRACEALLOC_OPTIONS=report=maybe:trace_libraries=0 sh -c '%t 2> %t.bool.err; echo "exit=$?"' > %t.bool.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.bool.out
// RUN: FileCheck %s --check-prefixes=BADBOOL,CHECK,TOP10 --input-file %t.bool.err
// RUN: env TRACEALLOC_OPTIONS=report_top=-1:trace_libraries=0 sh -c '%t 2> %t.neg.err; echo "exit=$?"' > %t.neg.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.neg.out
// RUN: FileCheck %s --check-prefixes=BADNEG,CHECK,TOP10 --input-file %t.neg.err
// Empty items between separators are skipped.
// RUN: env TRACEALLOC_OPTIONS=:::report_top=1:::trace_libraries=0 sh -c '%t 2> %t.sep.err; echo "exit=$?"' > %t.sep.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.sep.out
// RUN: FileCheck %s --check-prefixes=CHECK,TOP1 --input-file %t.sep.err
//
// An unwritable report_path: a clear error, the report goes to stderr, the
// program is unaffected.
// RUN: env TRACEALLOC_OPTIONS=report_path=/nonexistent/dir/r.txt:trace_libraries=0 sh -c '%t 2> %t.nodir.err; echo "exit=$?"' > %t.nodir.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.nodir.out
// RUN: FileCheck %s --check-prefixes=NODIR,CHECK,TOP10 --input-file %t.nodir.err

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

int main(void) {
  for (int i = 0; i < 3; i++) { char *p = malloc(100); sink(p); free(p); } // L1
  char *keep = malloc(2000); // L2
  sink(keep);
  char *keep2 = malloc(50); // L3
  sink(keep2);
  printf("hello pid=%d\n", (int)getpid());
  return 4;
}

// OUT: {{^}}hello pid={{[0-9]+$}}
// OUT-NEXT: {{^}}exit=4{{$}}
// OUT-NOT: {{.}}

// Warnings come first, before the report.
// UNKNOWN: {{^}}TraceAlloc: warning: unknown option 'bogus' in TRACEALLOC_OPTIONS{{( .*)?$}}
// UNKNOWN-NOT: warning
// BADINT: {{^}}TraceAlloc: warning: invalid value 'abc' for option 'report_top' ({{.+}}); using 10{{$}}
// BADINT-NOT: warning
// EMPTYVAL: {{^}}TraceAlloc: warning: invalid value '' for option 'report_top' ({{.+}}); using 10{{$}}
// EMPTYVAL-NOT: warning
// NOEQ: {{^}}TraceAlloc: warning: malformed entry 'report_top' in TRACEALLOC_OPTIONS (expected key=value); ignored{{$}}
// NOEQ-NOT: warning
// BADBOOL: {{^}}TraceAlloc: warning: invalid value 'maybe' for option 'report' ({{.+}}); using {{.+}}{{$}}
// BADBOOL-NOT: warning
// BADNEG: {{^}}TraceAlloc: warning: invalid value '-1' for option 'report_top' ({{.+}}); using 10{{$}}
// BADNEG-NOT: warning
// NODIR: {{^}}TraceAlloc: error: cannot write the report to '/nonexistent/dir/r.txt': No such file or directory; writing it to stderr instead{{$}}

// Live: 100 (then 0) x 3, 2000, 2050: peak = current = 2050 B.
// Cumulative: L2 2000 (1), L1 300 (3), L3 50 (1); total 2350 B, 5 blocks.
// CHECK: TraceAlloc report for {{.*}} (pid {{[0-9]+}})
// CHECK-NEXT: Traced memory: current=2050 B, peak=2050 B
// CHECK-EMPTY:
// TOP10-NEXT: Top 10 lines by memory allocated over the run:
// TOP10-NEXT: #1: {{.*}}options.c:[[#L2:@LINE-33]]: size=2000 B, count=1, average=2000 B
// TOP10-NEXT: char *keep = malloc(2000); // L2
// TOP10-NEXT: #2: {{.*}}options.c:[[#@LINE-36]]: size=300 B, count=3, average=100 B
// TOP10-NEXT: for (int i = 0; i < 3; i++) { char *p = malloc(100); sink(p); free(p); } // L1
// TOP10-NEXT: #3: {{.*}}options.c:[[#L3:@LINE-35]]: size=50 B, count=1, average=50 B
// TOP10-NEXT: char *keep2 = malloc(50); // L3
// TOP10-NEXT: Total: size=2350 B, count=5
// TOP10-EMPTY:
// TOP10-NEXT: Top 10 lines by memory in use at exit:
// TOP10-NEXT: #1: {{.*}}options.c:[[#L2]]: size=2000 B, count=1, average=2000 B
// TOP10-NEXT: char *keep = malloc(2000); // L2
// TOP10-NEXT: #2: {{.*}}options.c:[[#L3]]: size=50 B, count=1, average=50 B
// TOP10-NEXT: char *keep2 = malloc(50); // L3
// TOP10-NEXT: Total: size=2050 B, count=2
// The 100 B blocks are freed before L2 and L3 are allocated: the peak is
// the end, 2000 + 50 = 2050 B.
// TOP10-EMPTY:
// TOP10-NEXT: Top 10 lines by memory in use at the peak:
// TOP10-NEXT: #1: {{.*}}options.c:[[#L2]]: size=2000 B, count=1, average=2000 B
// TOP10-NEXT: char *keep = malloc(2000); // L2
// TOP10-NEXT: #2: {{.*}}options.c:[[#L3]]: size=50 B, count=1, average=50 B
// TOP10-NEXT: char *keep2 = malloc(50); // L3
// TOP10-NEXT: Total: size=2050 B, count=2
// TOP10-NOT: {{.}}

// TOP1-NEXT: Top 1 lines by memory allocated over the run:
// TOP1-NEXT: #1: {{.*}}options.c:[[#L2:@LINE-59]]: size=2000 B, count=1, average=2000 B
// TOP1-NEXT: char *keep = malloc(2000); // L2
// TOP1-NEXT: 2 other: size=350 B, count=4
// TOP1-NEXT: Total: size=2350 B, count=5
// TOP1-EMPTY:
// TOP1-NEXT: Top 1 lines by memory in use at exit:
// TOP1-NEXT: #1: {{.*}}options.c:[[#L2]]: size=2000 B, count=1, average=2000 B
// TOP1-NEXT: char *keep = malloc(2000); // L2
// TOP1-NEXT: 1 other: size=50 B, count=1
// TOP1-NEXT: Total: size=2050 B, count=2
// TOP1-EMPTY:
// TOP1-NEXT: Top 1 lines by memory in use at the peak:
// TOP1-NEXT: #1: {{.*}}options.c:[[#L2]]: size=2000 B, count=1, average=2000 B
// TOP1-NEXT: char *keep = malloc(2000); // L2
// TOP1-NEXT: 1 other: size=50 B, count=1
// TOP1-NEXT: Total: size=2050 B, count=2
// TOP1-NOT: {{.}}

// TOP0-NEXT: Top 0 lines by memory allocated over the run:
// TOP0-NEXT: 3 other: size=2350 B, count=5
// TOP0-NEXT: Total: size=2350 B, count=5
// TOP0-EMPTY:
// TOP0-NEXT: Top 0 lines by memory in use at exit:
// TOP0-NEXT: 2 other: size=2050 B, count=2
// TOP0-NEXT: Total: size=2050 B, count=2
// TOP0-EMPTY:
// TOP0-NEXT: Top 0 lines by memory in use at the peak:
// TOP0-NEXT: 2 other: size=2050 B, count=2
// TOP0-NEXT: Total: size=2050 B, count=2
// TOP0-NOT: {{.}}

// PATH: {{^}}hello pid=[[PID:[0-9]+]]{{$}}
// PATH-NEXT: {{^}}exit=4{{$}}
// PATH-NEXT: {{^}}r.[[PID]].txt{{$}}
// PATH-NEXT: {{^}}TraceAlloc report for {{.*}} (pid [[PID]]){{$}}

// TRACE0: TraceAlloc report for
// TRACE0-NEXT: Traced memory: current=0 B, peak=0 B
// TRACE0-EMPTY:
// TRACE0-NEXT: Top 10 lines by memory allocated over the run:
// TRACE0-NEXT: (none)
// TRACE0-NEXT: Total: size=0 B, count=0
// TRACE0-EMPTY:
// TRACE0-NEXT: Top 10 lines by memory in use at exit:
// TRACE0-NEXT: (none)
// TRACE0-NEXT: Total: size=0 B, count=0
// TRACE0-EMPTY:
// TRACE0-NEXT: Top 10 lines by memory in use at the peak:
// TRACE0-NEXT: (none)
// TRACE0-NEXT: Total: size=0 B, count=0
// TRACE0-NOT: {{.}}

// NOSRC: Top 10 lines by memory allocated over the run:
// NOSRC-NEXT: #1: {{.*}}options.c:[[#]]: size=2000 B, count=1, average=2000 B
// NOSRC-NEXT: #2: {{.*}}options.c:[[#]]: size=300 B, count=3, average=100 B
// NOSRC-NEXT: #3: {{.*}}options.c:[[#]]: size=50 B, count=1, average=50 B
// NOSRC-NEXT: Total: size=2350 B, count=5
// NOSRC-EMPTY:
// NOSRC-NEXT: Top 10 lines by memory in use at exit:
// NOSRC-NEXT: #1: {{.*}}options.c:[[#]]: size=2000 B, count=1, average=2000 B
// NOSRC-NEXT: #2: {{.*}}options.c:[[#]]: size=50 B, count=1, average=50 B
// NOSRC-NEXT: Total: size=2050 B, count=2
// NOSRC-EMPTY:
// NOSRC-NEXT: Top 10 lines by memory in use at the peak:
// NOSRC-NEXT: #1: {{.*}}options.c:[[#]]: size=2000 B, count=1, average=2000 B
// NOSRC-NEXT: #2: {{.*}}options.c:[[#]]: size=50 B, count=1, average=50 B
// NOSRC-NEXT: Total: size=2050 B, count=2
// NOSRC-NOT: {{.}}

// The table shows the values in force.
// HELP: {{^}}TraceAlloc: options, set as TRACEALLOC_OPTIONS=key=value:key=value{{$}}
// HELP-NEXT: {{^}}TraceAlloc: trace {{.*}} (now 1){{$}}
// HELP-NEXT: {{^}}TraceAlloc: nframe {{.*}} (now 1){{$}}
// HELP-NEXT: {{^}}TraceAlloc: keep_traces {{.*}} (now 0){{$}}
// HELP-NEXT: {{^}}TraceAlloc: report {{.*}} (now 1){{$}}
// HELP-NEXT: {{^}}TraceAlloc: report_path {{.*}} (now ''){{$}}
// HELP-NEXT: {{^}}TraceAlloc: report_top {{.*}} (now 3){{$}}
// HELP-NEXT: {{^}}TraceAlloc: report_source {{.*}} (now 1){{$}}
// HELP-NEXT: {{^}}TraceAlloc: attribute_to_user {{.*}} (now 1){{$}}
// HELP-NEXT: {{^}}TraceAlloc: system_paths {{.*}} (now ''){{$}}
// HELP-NEXT: {{^}}TraceAlloc: leak_check {{.*}} (now 0){{$}}
// HELP-NEXT: {{^}}TraceAlloc: exitcode {{.*}} (now 23){{$}}
// HELP-NEXT: {{^}}TraceAlloc: suppressions {{.*}} (now ''){{$}}
// HELP-NEXT: {{^}}TraceAlloc: leak_report_top {{.*}} (now 20){{$}}
// HELP-NEXT: {{^}}TraceAlloc: trace_libraries {{.*}} (now 0){{$}}
// HELP-NEXT: {{^}}TraceAlloc: snapshot {{.*}} (now ''){{$}}
// HELP-NEXT: {{^}}TraceAlloc: verbosity {{.*}} (now 0){{$}}
// HELP-NEXT: {{^}}TraceAlloc: help {{.*}} (now 1){{$}}
// HELP-NEXT: {{^}}TraceAlloc report for

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
