//===- size_format.cpp - Sizes as tracemalloc prints them -----------------===//
#include "report/size_format.h"

#include <stdio.h>

namespace tracealloc {
namespace rt {

const char *format_size(char *buf, size_t buf_size, double size, bool sign) {
  static const char *const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  const size_t last = sizeof kUnits / sizeof kUnits[0] - 1;
  for (size_t u = 0;; ++u) {
    double magnitude = size < 0 ? -size : size;
    if (magnitude < 100 && u != 0) {
      snprintf(buf, buf_size, sign ? "%+.1f %s" : "%.1f %s", size, kUnits[u]);
      return buf;
    }
    if (magnitude < 10 * 1024 || u == last) {
      snprintf(buf, buf_size, sign ? "%+.0f %s" : "%.0f %s", size, kUnits[u]);
      return buf;
    }
    size /= 1024;
  }
}

} // namespace rt
} // namespace tracealloc
