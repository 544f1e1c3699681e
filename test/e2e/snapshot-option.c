// TRACEALLOC_OPTIONS=snapshot=PATH writes, at exit, a snapshot file with
// everything the report shows: the live traces, the totals over the run,
// what each line held at the peak, the timeline and the process's
// information. %p is the pid. An unwritable path is an error on stderr;
// the program's output and exit code do not change, nor does the report.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %tracealloc_cc -O1 %s -o %t
// RUN: %tracealloc_cc -O1 -DREADER %s -o %t.reader
// RUN: env TRACEALLOC_OPTIONS=report=0:snapshot=%t.dir/s.%%p.snap:trace_libraries=0 sh -c '%t 2> %t.err; echo "exit=$?"' > %t.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.out
// RUN: count 0 < %t.err
// RUN: ls %t.dir | FileCheck %s --check-prefix=NAME
// RUN: env TRACEALLOC_OPTIONS=report=0:trace_libraries=0 %t.reader %t.dir/s.*.snap | FileCheck %s --check-prefix=READ
//
// RUN: env TRACEALLOC_OPTIONS=snapshot=/nonexistent/dir/s.snap:trace_libraries=0 sh -c '%t 2> %t.bad.err; echo "exit=$?"' > %t.bad.out
// RUN: FileCheck %s --check-prefix=OUT --input-file %t.bad.out
// RUN: FileCheck %s --check-prefix=BAD --input-file %t.bad.err

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef READER
void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

// Traced bytes in use: LA 4 x 1000 -> 4000; LB 20000 -> 24000 (the peak);
// free LA's blocks and LB -> 0; LC 3 x 100 kept -> 300 at exit.
int main(void) {
  char *a[4];
  for (int i = 0; i < 4; i++) sink(a[i] = malloc(1000)); // LA
  char *b = malloc(20000); // LB
  sink(b);
  for (int i = 0; i < 4; i++)
    free(a[i]);
  free(b);
  for (int i = 0; i < 3; i++) sink(malloc(100)); // LC
  printf("pid=%d\n", (int)getpid());
  return 7;
}
#else
#include <tracealloc/tracemalloc.h>

static void print_view(const tracealloc_snapshot *s, tracealloc_view view,
                       const char *name) {
  tracealloc_statistics *list =
      tracealloc_snapshot_statistics_view(s, view, "lineno", 0);
  if (!list) {
    printf("%s: %s\n", name, tracealloc_last_error());
    return;
  }
  for (size_t i = 0; i < tracealloc_statistics_count(list); i++) {
    char text[512];
    const tracealloc_statistic *st = tracealloc_statistics_at(list, i);
    tracealloc_format_statistic(text, sizeof text, st);
    // The file name without its directory.
    const char *base = strrchr(text, '/');
    printf("%s: %s\n", name, base ? base + 1 : text);
  }
  tracealloc_statistics_free(list);
}

int main(int argc, char **argv) {
  tracealloc_snapshot *s = tracealloc_snapshot_load(argv[1]);
  if (!s) {
    printf("%s\n", tracealloc_last_error());
    return 1;
  }
  print_view(s, TRACEALLOC_VIEW_IN_USE, "in use");
  print_view(s, TRACEALLOC_VIEW_ALLOCATED, "allocated");
  print_view(s, TRACEALLOC_VIEW_AT_PEAK, "at peak");
  print_view(s, TRACEALLOC_VIEW_LEAKED, "leaked");
  tracealloc_snapshot_info info;
  tracealloc_snapshot_get_info(s, &info);
  const char *program = strrchr(info.program, '/');
  printf("program %s, pid in the name %s, merged %llu, current %llu, "
         "peak %llu\n",
         program ? program + 1 : info.program,
         strstr(argv[1], "s.") && atoll(strstr(argv[1], "s.") + 2) ==
                 (long long)info.pid ? "yes" : "no",
         (unsigned long long)info.merged, (unsigned long long)info.current,
         (unsigned long long)info.peak);
  // The timeline starts at 0, never goes back, holds the peak at the
  // peak's time, and ends at the snapshot with the current memory.
  const tracealloc_sample *samples;
  size_t n = tracealloc_snapshot_timeline(s, &samples);
  int ordered = 1, peak_seen = 0;
  uint64_t most = 0;
  for (size_t i = 0; i < n; i++) {
    if (i && samples[i].time_ns < samples[i - 1].time_ns)
      ordered = 0;
    if (samples[i].current > most)
      most = samples[i].current;
    if (samples[i].current == info.peak &&
        samples[i].time_ns == info.peak_time_ns)
      peak_seen = 1;
  }
  printf("timeline: starts at 0 %s, ordered %s, largest sample %llu, peak "
         "sample at the peak's time %s, ends at the snapshot %s\n",
         n && samples[0].time_ns == 0 ? "yes" : "no", ordered ? "yes" : "no",
         (unsigned long long)most, peak_seen ? "yes" : "no",
         n && samples[n - 1].time_ns == info.time_ns &&
                 samples[n - 1].current == info.current
             ? "yes"
             : "no");
  tracealloc_snapshot_free(s);
  return 0;
}
#endif

// OUT: pid={{[0-9]+}}
// OUT-NEXT: exit=7

// NAME: {{^}}s.{{[0-9]+}}.snap{{$}}

// Live at exit: LC 3 x 100 B. Over the run: LB 20000 B "19.5 KiB", LA 4 x
// 1000 = 4000 B, LC 300 B. At the peak (right after LB): LB 20000 and LA 4000.
// READ: in use: snapshot-option.c:[[#LC:@LINE-81]]: size=300 B, count=3, average=100 B
// READ-NEXT: allocated: snapshot-option.c:[[#LB:@LINE-87]]: size=19.5 KiB, count=1, average=19.5 KiB
// READ-NEXT: allocated: snapshot-option.c:[[#LA:@LINE-89]]: size=4000 B, count=4, average=1000 B
// READ-NEXT: allocated: snapshot-option.c:[[#LC]]: size=300 B, count=3, average=100 B
// READ-NEXT: at peak: snapshot-option.c:[[#LB]]: size=19.5 KiB, count=1, average=19.5 KiB
// READ-NEXT: at peak: snapshot-option.c:[[#LA]]: size=4000 B, count=4, average=1000 B
// READ-NEXT: leaked: the snapshot has no leak-check data
// 24000 = 4000 + 20000; 300 = 3 x 100.
// READ-NEXT: program snapshot-option.c.tmp, pid in the name yes, merged 1, current 300, peak 24000
// READ-NEXT: timeline: starts at 0 yes, ordered yes, largest sample 24000, peak sample at the peak's time yes, ends at the snapshot yes

// BAD: TraceAlloc report for
// BAD: Top 10 lines by memory in use at the peak:
// BAD: TraceAlloc: error: cannot dump snapshot to '/nonexistent/dir/s.snap': No such file or directory

// Every RUN line that runs the program sets trace_libraries=0: this test is
// about instrumented allocations; libc's own (stdout's buffer, allocated
// under the first printf) would be charged to the calling line, which
// test/e2e/traceback-shadow.c covers.
