// A "third-party" file whose leak the suppressions test silences by file.
#include <stdlib.h>

extern void *volatile g_sink;

void vendor_leak(void) {
  g_sink = malloc(10); // LVENDOR
  g_sink = 0;
}
