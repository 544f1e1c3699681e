// A program that leaks, for `tracealloc leaks`: run it with
// TRACEALLOC_OPTIONS=leak_check=1:snapshot=FILE.
//   LL  3 x malloc(100) in lose(), inlined into leak_three() at LO: each
//       pointer is overwritten by the next, then cleared: 300 B leaked,
//       3 blocks
//   LR  malloc(700) kept in a global: still reachable, not a leak
#include <stdlib.h>
#include <string.h>

void *volatile g_reachable;
void *volatile g_last;

__attribute__((always_inline)) static inline void lose(size_t n) {
  g_last = malloc(n); // LL
}
__attribute__((noinline)) void leak_three(void) {
  for (int i = 0; i < 3; ++i)
    lose(100); // LO
  g_last = 0;
}

// Overwrites the stack below main's frame, where stale copies of the lost
// pointers may still be.
__attribute__((noinline)) void scrub_stack(void) {
  volatile char junk[4096];
  memset((char *)junk, 0, sizeof junk);
}

int main(void) {
  g_reachable = malloc(700); // LR
  leak_three();
  scrub_stack();
  return 0;
}
