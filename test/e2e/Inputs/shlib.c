// An instrumented shared library linked into ../shared-lib.c's program.
#include <stdlib.h>
#include <string.h>

void *shlib_alloc(size_t n) {
  return malloc(n); // LIBALLOC
}

char *shlib_dup(const char *s) {
  return strdup(s); // LIBDUP
}

void shlib_free(void *p) { free(p); }
