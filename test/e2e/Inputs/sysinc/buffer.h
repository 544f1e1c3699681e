// A header of a "system" library for user-attribution.c: its inline helper
// allocates, and is inlined into the caller at -O2.
#include <stdlib.h>

static inline void *make_buffer(size_t n) {
  return malloc(n); // LHEADER
}
