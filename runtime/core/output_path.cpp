//===- output_path.cpp - Output paths from options, with %p ---------------===//
#include "core/output_path.h"

#include <stdio.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {

void expand_path(const char *pattern, char *out, size_t size) {
  size_t len = 0;
  for (const char *c = pattern; *c && len + 1 < size; ++c) {
    if (c[0] == '%' && c[1] == 'p') {
      int n = snprintf(out + len, size - len, "%d", static_cast<int>(getpid()));
      len += n > 0 ? static_cast<size_t>(n) : 0;
      ++c;
    } else {
      out[len++] = *c;
    }
  }
  out[len < size ? len : size - 1] = '\0';
}

} // namespace rt
} // namespace tracealloc
