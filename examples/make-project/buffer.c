/* buffer.c - grows its storage by doubling, from 16 bytes. */
#include "buffer.h"

#include <stdlib.h>
#include <string.h>

void buffer_append(struct buffer *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 16;
    while (cap < b->len + n + 1)
      cap *= 2;
    b->data = realloc(b->data, cap);
    if (!b->data)
      abort();
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n + 1);
  b->len += n;
}
