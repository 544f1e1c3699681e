// Compiled with plain clang (no TraceAlloc): a prebuilt library that
// allocates, and that calls back into the program.
#include <stdlib.h>

void *prebuilt_alloc(size_t n) { return malloc(n); }
void prebuilt_call(void (*callback)(void)) { callback(); }
