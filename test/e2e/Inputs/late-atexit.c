// An uninstrumented library whose constructor runs before the runtime's
// (it comes after libtracealloc_rt in the link order), so its atexit
// handler runs after the report. The handler allocates, and calls back into
// the instrumented program, which allocates too.
#include <stdlib.h>
#include <unistd.h>

static void (*callback)(void);

void late_set_callback(void (*f)(void)) { callback = f; }

static void at_exit(void) {
  char *p = malloc(123);
  p[0] = 1;
  free(p);
  if (callback)
    callback();
  const char msg[] = "late atexit handler ran\n";
  if (write(1, msg, sizeof msg - 1) < 0)
    abort();
}

__attribute__((constructor)) static void init(void) { atexit(at_exit); }
