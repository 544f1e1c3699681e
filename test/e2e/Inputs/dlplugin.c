// An instrumented shared library that ../shared-lib.c and ../dlclose.c dlopen.
#include <stdlib.h>

void *plugin_alloc(size_t n) {
  return calloc(4, n); // PLUGINALLOC
}

void plugin_free(void *p) { free(p); }
