// The program defines malloc, free, calloc and realloc itself (over glibc's
// __libc_* functions), so the runtime's malloc is not the process's: it
// keeps traced blocks in a pointer map instead (verbosity=1 says so), calls
// the program's allocator, and the counts are the same.
//
// Under ASan/TSan the sanitizer owns malloc already; this program's own
// malloc would fight it.
// UNSUPPORTED: asan, tsan
//
// RUN: %tracealloc_cc -O0 %s -o %t0
// RUN: env TRACEALLOC_OPTIONS=verbosity=1 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t0.out
// RUN: FileCheck %s --check-prefixes=MODE,CHECK --input-file %t0.err
//
// RUN: %tracealloc_cc -O2 %s -o %t2
// RUN: %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --check-prefix=OUT --input-file %t2.out
// RUN: FileCheck %s --input-file %t2.err

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void __libc_free(void *);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

// noinline: as if the allocator were in its own library. (Inlined into its
// callers, the calls would be __libc_malloc calls after optimisation, and
// not traced.)
static unsigned long n_alloc, n_free;
__attribute__((noinline)) void *malloc(size_t n) { n_alloc++; return __libc_malloc(n); }
__attribute__((noinline)) void free(void *p) { if (p) n_free++; __libc_free(p); }
__attribute__((noinline)) void *calloc(size_t a, size_t b) { n_alloc++; return __libc_calloc(a, b); }
__attribute__((noinline)) void *realloc(void *p, size_t n) { if (!p) n_alloc++; return __libc_realloc(p, n); }

void *volatile g_sink;
__attribute__((noinline)) void sink(void *p) { g_sink = p; }

int main(void) {
  char *k = malloc(300); // LKEEP
  sink(k);
  for (int i = 0; i < 5; i++) { char *p = malloc(100); sink(p); free(p); } // LLOOP
  char *r = malloc(10); // LR
  sink(r);
  r = realloc(r, 1000); // LREALLOC
  sink(r);
  char *c = calloc(4, 8); // LCALLOC
  sink(c);
  free(c);
  char *s = strdup("hello"); // LSTRDUP
  sink(s);
  free(s);
  // The program's allocator saw the traced calls: 300, 5 x 100, 10, 32 and
  // the frees of the loop blocks and c at least.
  printf("own allocator used: %s\n", n_alloc >= 8 && n_free >= 6 ? "yes" : "no");
  return 0;
}

// OUT: own allocator used: yes
// OUT-NOT: {{.}}

// MODE: TraceAlloc: tracking blocks in a pointer map

// Live: 300, (+100 -100) x 5, 310, realloc: -10 +1000 = 1300, +32 = 1332 (peak),
// 1300, +6, 1300. Live at exit: LREALLOC 1000 + LKEEP 300 = 1300 B.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=1300 B, peak=1332 B
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}custom-malloc.c:[[#LREALLOC:@LINE-25]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: r = realloc(r, 1000); // LREALLOC
// CHECK-NEXT: #2: {{.*}}custom-malloc.c:[[#@LINE-30]]: size=500 B, count=5, average=100 B
// CHECK-NEXT: for (int i = 0; i < 5; i++) { char *p = malloc(100); sink(p); free(p); } // LLOOP
// CHECK-NEXT: #3: {{.*}}custom-malloc.c:[[#LKEEP:@LINE-34]]: size=300 B, count=1, average=300 B
// CHECK-NEXT: char *k = malloc(300); // LKEEP
// CHECK-NEXT: #4: {{.*}}custom-malloc.c:[[#@LINE-29]]: size=32 B, count=1, average=32 B
// CHECK-NEXT: char *c = calloc(4, 8); // LCALLOC
// CHECK-NEXT: #5: {{.*}}custom-malloc.c:[[#@LINE-35]]: size=10 B, count=1, average=10 B
// CHECK-NEXT: char *r = malloc(10); // LR
// CHECK-NEXT: #6: {{.*}}custom-malloc.c:[[#@LINE-30]]: size=6 B, count=1, average=6 B
// CHECK-NEXT: char *s = strdup("hello"); // LSTRDUP
// CHECK-NEXT: Total: size=1848 B, count=10
// CHECK-EMPTY:
// CHECK-NEXT: Top 10 lines by memory in use at exit:
// CHECK-NEXT: #1: {{.*}}custom-malloc.c:[[#LREALLOC]]: size=1000 B, count=1, average=1000 B
// CHECK-NEXT: r = realloc(r, 1000); // LREALLOC
// CHECK-NEXT: #2: {{.*}}custom-malloc.c:[[#LKEEP]]: size=300 B, count=1, average=300 B
// CHECK-NEXT: char *k = malloc(300); // LKEEP
// CHECK-NEXT: Total: size=1300 B, count=2
// CHECK-EMPTY:
// CHECK-NEXT: Top {{[0-9]+}} lines by memory in use at the peak:
// CHECK: Total: size={{.*}}
// CHECK-NOT: {{.}}
