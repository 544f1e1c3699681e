// Second translation unit of ../lto.c: small enough for LTO to inline.
#include <stdlib.h>

void *helper_alloc(size_t n) {
  return malloc(n); // LHELPER
}
