// The other module of test/integration/lto-*.test.
#include <stdlib.h>

void *lib_alloc(size_t n) {
  return malloc(n); // LLIB
}
