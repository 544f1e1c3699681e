/* queue.h - a FIFO of ints. */
#ifndef QUEUE_H
#define QUEUE_H

#include <stddef.h>

struct queue;

struct queue *queue_new(void);
void queue_push(struct queue *q, int value);
int queue_pop(struct queue *q);
size_t queue_size(const struct queue *q);
void queue_free(struct queue *q);

#endif
