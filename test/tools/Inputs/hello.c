#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *s = strdup("hello from an instrumented program");
  char *p = malloc(100);
  free(p);
  puts(s);
  return 0; /* s stays live: one block in use at exit */
}
