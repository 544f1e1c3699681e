// The timeline stays bounded and keeps the peak. The program saws traced
// memory up and down by 16 KiB 6000 times, with the timeline's step at its
// minimum (4 KiB, as the peak stays below 256 x 4 KiB), so every wave
// crosses the step both ways: 12000 samples are due, more than the 4096
// the buffer holds. Pairs of samples are merged when it fills, so the
// snapshot's timeline has at most 4096 samples plus its own last one,
// starts at time 0, never goes back in time, and still holds the peak:
// the one 100 KiB block allocated in the middle of the run, on top of a
// wave (16 KiB + 100 KiB = 118784 B).
//
// RUN: %tracealloc_cc -O1 %s -o %t
// RUN: env TRACEALLOC_OPTIONS=report=0 %t | FileCheck %s

#include <tracealloc/tracemalloc.h>

#include <stdio.h>
#include <stdlib.h>

void *volatile g_sink;

static void wave(void) {
  char *p = malloc(16384);
  g_sink = p;
  free(p);
}

int main(void) {
  for (int i = 0; i < 3000; i++)
    wave();
  char *top = malloc(16384);
  char *big = malloc(102400);
  g_sink = top;
  g_sink = big;
  free(big);
  free(top);
  for (int i = 0; i < 3000; i++)
    wave();

  tracealloc_snapshot *s = tracealloc_take_snapshot();
  tracealloc_snapshot_info info;
  tracealloc_snapshot_get_info(s, &info);
  const tracealloc_sample *samples;
  size_t n = tracealloc_snapshot_timeline(s, &samples);
  int ordered = 1;
  uint64_t most = 0;
  for (size_t i = 0; i < n; i++) {
    if (i && samples[i].time_ns < samples[i - 1].time_ns)
      ordered = 0;
    if (samples[i].current > most)
      most = samples[i].current;
  }
  // CHECK: samples <= 4097: yes, more than 2000: yes
  printf("samples <= 4097: %s, more than 2000: %s\n", n <= 4097 ? "yes" : "no",
         n > 2000 ? "yes" : "no");
  // CHECK-NEXT: starts at 0: yes, ordered: yes
  printf("starts at 0: %s, ordered: %s\n",
         n && samples[0].time_ns == 0 ? "yes" : "no", ordered ? "yes" : "no");
  // CHECK-NEXT: peak 118784, largest sample 118784
  printf("peak %llu, largest sample %llu\n", (unsigned long long)info.peak,
         (unsigned long long)most);
  tracealloc_snapshot_free(s);
  return 0;
}
