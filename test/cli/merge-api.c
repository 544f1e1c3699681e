// tracealloc_snapshot_merge through the C API, on what the CLI does not
// print: the summed timeline, the info fields, and bad arguments. The
// timeline is checked against a direct computation of its definition: at
// each instant where some input has a sample, the sum over the inputs of
// their last sample at or before it.
//
// RUN: rm -rf %t && mkdir -p %t/run1 %t/run2
// RUN: %tracealloc_cc -O2 -g %S/Inputs/phases.c -o %t/phases
// RUN: env TRACEALLOC_OPTIONS=report=0 %t/phases %t/run1
// RUN: env TRACEALLOC_OPTIONS=report=0 %t/phases %t/run2
// RUN: %tracealloc_cc -O2 -g %s -o %t/merge-api
// RUN: env TRACEALLOC_OPTIONS=report=0 %t/merge-api %t/run1/one.snap \
// RUN:   %t/run2/one.snap %t/run1/two.snap | FileCheck %s

#include <tracealloc/tracemalloc.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static tracealloc_snapshot *load(const char *path) {
  tracealloc_snapshot *s = tracealloc_snapshot_load(path);
  if (!s) {
    printf("load: %s\n", tracealloc_last_error());
    exit(1);
  }
  return s;
}

// The value of the step function `s` at time t: its last sample at or
// before t, 0 before its first.
static uint64_t value_at(const tracealloc_snapshot *s, uint64_t t) {
  const tracealloc_sample *samples;
  size_t n = tracealloc_snapshot_timeline(s, &samples);
  uint64_t v = 0;
  for (size_t i = 0; i < n && samples[i].time_ns <= t; ++i)
    v = samples[i].current;
  return v;
}

static int has_time(const tracealloc_snapshot *s, uint64_t t) {
  const tracealloc_sample *samples;
  size_t n = tracealloc_snapshot_timeline(s, &samples);
  for (size_t i = 0; i < n; ++i)
    if (samples[i].time_ns == t)
      return 1;
  return 0;
}

int main(int argc, char **argv) {
  size_t n = (size_t)argc - 1;
  tracealloc_snapshot *in[3];
  for (size_t k = 0; k < n; ++k)
    in[k] = load(argv[k + 1]);
  tracealloc_snapshot *m =
      tracealloc_snapshot_merge((const tracealloc_snapshot *const *)in, n);

  // Timeline: sorted, one sample per distinct instant of the inputs, each
  // the sum of the inputs' values then.
  const tracealloc_sample *samples;
  size_t count = tracealloc_snapshot_timeline(m, &samples);
  size_t input_samples = 0, bad = 0;
  for (size_t k = 0; k < n; ++k)
    input_samples += tracealloc_snapshot_timeline(in[k], NULL);
  for (size_t i = 0; i < count; ++i) {
    uint64_t t = samples[i].time_ns, sum = 0;
    int known = 0;
    for (size_t k = 0; k < n; ++k) {
      sum += value_at(in[k], t);
      known |= has_time(in[k], t);
    }
    if (samples[i].current != sum || !known ||
        (i > 0 && samples[i - 1].time_ns >= t))
      ++bad;
  }
  printf("timeline: %s samples, %zu wrong\n",
         count > 0 && count <= input_samples ? "some" : "no", bad);
  // CHECK: timeline: some samples, 0 wrong

  // Info: merged and current summed; peak the sum of the peaks; two pids.
  tracealloc_snapshot_info info, part;
  tracealloc_snapshot_get_info(m, &info);
  uint64_t current = 0, peak = 0, latest = 0;
  for (size_t k = 0; k < n; ++k) {
    tracealloc_snapshot_get_info(in[k], &part);
    current += part.current;
    peak += part.peak;
    latest = part.time_ns > latest ? part.time_ns : latest;
  }
  printf("merged=%" PRIu64 " current %s peak %s time %s pid=%" PRIu64 "\n",
         info.merged, info.current == current ? "summed" : "WRONG",
         info.peak == peak ? "summed" : "WRONG",
         info.time_ns == latest ? "latest" : "WRONG", info.pid);
  // CHECK-NEXT: merged=3 current summed peak summed time latest pid=0
  size_t traces = 0;
  for (size_t k = 0; k < n; ++k)
    traces += tracealloc_snapshot_trace_count(in[k]);
  printf("traces %s\n", tracealloc_snapshot_trace_count(m) == traces
                            ? "concatenated"
                            : "WRONG");
  // CHECK-NEXT: traces concatenated

  // One input: the info of that input, merged=1.
  tracealloc_snapshot *one =
      tracealloc_snapshot_merge((const tracealloc_snapshot *const *)in, 1);
  tracealloc_snapshot_get_info(one, &info);
  tracealloc_snapshot_get_info(in[0], &part);
  printf("one: merged=%" PRIu64 " pid %s\n", info.merged,
         info.pid == part.pid ? "kept" : "WRONG");
  // CHECK-NEXT: one: merged=1 pid kept

  // Bad arguments: NULL and a message, no crash.
  tracealloc_snapshot *none = tracealloc_snapshot_merge(NULL, 0);
  printf("none: %s: %s\n", none ? "merged" : "NULL", tracealloc_last_error());
  // CHECK-NEXT: none: NULL: tracealloc_snapshot_merge: no snapshot to merge
  const tracealloc_snapshot *with_null[2] = {in[0], NULL};
  none = tracealloc_snapshot_merge(with_null, 2);
  printf("null input: %s: %s\n", none ? "merged" : "NULL",
         tracealloc_last_error());
  // CHECK-NEXT: null input: NULL: tracealloc_snapshot_merge: snapshot 1 is null

  tracealloc_snapshot_free(one);
  tracealloc_snapshot_free(m);
  for (size_t k = 0; k < n; ++k)
    tracealloc_snapshot_free(in[k]);
  return 0;
}
