/* main.c - joins ten words, copies the result, frees everything. */
#include "buffer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  struct buffer b = {0};
  for (int i = 0; i < 10; i++)
    buffer_append(&b, "word ");

  char *copy = strdup(b.data);
  printf("%zu bytes: %s\n", strlen(copy), copy);
  free(copy);
  free(b.data);
  return 0;
}
