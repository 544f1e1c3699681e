// Compiled with plain clang (no TraceAlloc): stands for any library code
// that allocates, frees or reallocates blocks it did not allocate itself.
#include <stdlib.h>
#include <string.h>

void plain_free(void *p) { free(p); }
void *plain_realloc(void *p, size_t n) { return realloc(p, n); }
void *plain_malloc(size_t n) { return malloc(n); }
char *plain_strdup(const char *s) { return strdup(s); }
