// A test that passes its own check but forgets to free a buffer.
#include <stdlib.h>
#include <string.h>

static char *make_label(const char *name) {
  char *label = malloc(strlen(name) + 8); // LLABEL
  strcpy(label, "label: ");
  strcat(label, name);
  return label;
}

int main(void) {
  char *label = make_label("widget");
  int ok = strcmp(label, "label: widget") == 0;
  label = NULL; // the buffer is lost here
  return ok ? 0 : 1;
}
