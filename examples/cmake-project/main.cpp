// main.cpp - fills a Stock, prints a label, and keeps one block to the end.
#include "stock.h"

#include <cstdio>
#include <cstdlib>

int *g_kept; // still allocated at exit: the report's "in use" section

int main() {
  Stock stock(8);
  for (long i = 1; i <= 3; i++)
    stock.add("bolt", 10 * i);

  char *label = static_cast<char *>(malloc(100));
  snprintf(label, 100, "%zu items, %ld pieces", stock.size(), stock.total());
  puts(label);
  free(label);

  g_kept = new int[4];
  return 0;
}
