/* words.c - the library under test: its allocations are the report's. */
#include "words.h"

#include <stdlib.h>
#include <string.h>

char *words_join(const char *const *words, int n, char sep) {
  size_t len = 0;
  for (int i = 0; i < n; i++)
    len += strlen(words[i]) + 1;
  char *out = malloc(len ? len : 1);
  if (!out)
    return NULL;
  char *p = out;
  for (int i = 0; i < n; i++) {
    size_t l = strlen(words[i]);
    memcpy(p, words[i], l);
    p += l;
    *p++ = sep;
  }
  out[len ? len - 1 : 0] = '\0';
  return out;
}

char **words_split(const char *s, char sep, int *n) {
  int count = 1;
  for (const char *p = s; *p; p++)
    count += *p == sep;
  char **words = malloc(count * sizeof *words);
  if (!words)
    return NULL;
  for (int i = 0; i < count; i++) {
    const char *end = strchr(s, sep);
    size_t len = end ? (size_t)(end - s) : strlen(s);
    words[i] = strndup(s, len);
    s += len + 1;
  }
  *n = count;
  return words;
}
