// A test that frees what it allocates.
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *name = strdup("widget");
  int ok = strlen(name) == 6;
  free(name);
  return ok ? 0 : 1;
}
