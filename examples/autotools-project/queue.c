/* queue.c - the library: one block per queue and one per element. */
#include "queue.h"

#include <stdlib.h>

struct node {
  struct node *next;
  int value;
};

struct queue {
  struct node *head, *tail;
  size_t size;
};

struct queue *queue_new(void) {
  return calloc(1, sizeof(struct queue));
}

void queue_push(struct queue *q, int value) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    abort();
  n->next = NULL;
  n->value = value;
  if (q->tail)
    q->tail->next = n;
  else
    q->head = n;
  q->tail = n;
  q->size++;
}

int queue_pop(struct queue *q) {
  struct node *n = q->head;
  int value = n->value;
  q->head = n->next;
  if (!q->head)
    q->tail = NULL;
  q->size--;
  free(n);
  return value;
}

size_t queue_size(const struct queue *q) { return q->size; }

void queue_free(struct queue *q) {
  while (q->head)
    queue_pop(q);
  free(q);
}
