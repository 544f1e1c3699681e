/* main.c - pushes six numbers, pops four, and leaves the queue to exit. */
#include "queue.h"

#include <stdio.h>

static struct queue *g_pending; /* still allocated at exit */

int main(void) {
  g_pending = queue_new();
  for (int i = 1; i <= 6; i++)
    queue_push(g_pending, i * i);
  int sum = 0;
  for (int i = 0; i < 4; i++)
    sum += queue_pop(g_pending);
  printf("popped 4, sum %d, %zu pending\n", sum, queue_size(g_pending));
  return 0;
}
