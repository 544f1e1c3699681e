// The program of test/integration/lto-*.test: main calls into lto-lib.c,
// which full LTO inlines into main. It prints nothing, so that stdio's
// buffer allocation is not part of the report.
#include <stdlib.h>
#include <string.h>

void *lib_alloc(size_t n);

void *volatile g_kept[3];
char *volatile g_scratch;

int main(void) {
  for (int i = 0; i < 3; i++)
    g_kept[i] = lib_alloc(100);
  char *scratch = malloc(40); // LMAIN
  g_scratch = scratch;
  free(scratch);
  return 0;
}
