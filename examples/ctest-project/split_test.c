/* split_test.c - checks words_split, but frees the words and not the
 * array that holds them: the leak check fails this test. */
#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  int n = 0;
  char **words = words_split("x y z", ' ', &n);
  int ok = n == 3 && strcmp(words[0], "x") == 0 && strcmp(words[2], "z") == 0;
  for (int i = 0; i < n; i++)
    free(words[i]);
  /* Missing: free(words); */
  words = NULL;
  if (!ok)
    fprintf(stderr, "split_test: words_split gave the wrong words\n");
  return ok ? 0 : 1;
}
