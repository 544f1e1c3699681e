/* join_test.c - frees what it gets: passes under the leak check. */
#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  const char *const words[] = {"a", "bb", "ccc"};
  char *joined = words_join(words, 3, ',');
  int ok = strcmp(joined, "a,bb,ccc") == 0;
  free(joined);
  if (!ok)
    fprintf(stderr, "join_test: words_join gave the wrong string\n");
  return ok ? 0 : 1;
}
