//===- diagnostics.cpp - The runtime's messages on stderr -----------------===//
#include "core/diagnostics.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {
namespace {

void emit(const char *severity, const char *format, va_list args) {
  int saved_errno = errno;
  char buffer[1024];
  int n = snprintf(buffer, sizeof buffer, "TraceAlloc: %s", severity);
  if (n < 0)
    n = 0;
  int m = vsnprintf(buffer + n, sizeof buffer - n - 1, format, args);
  size_t len = m < 0 ? n : n + static_cast<size_t>(m);
  if (len > sizeof buffer - 2)
    len = sizeof buffer - 2;
  buffer[len++] = '\n';
  write_all(2, buffer, len);
  errno = saved_errno;
}

} // namespace

bool write_all(int fd, const char *data, size_t size) {
  for (size_t done = 0; done < size;) {
    ssize_t w = write(fd, data + done, size - done);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return false;
    done += static_cast<size_t>(w);
  }
  return true;
}

#define TA_DEFINE_DIAGNOSTIC(NAME, SEVERITY)                                   \
  void NAME(const char *format, ...) {                                         \
    va_list args;                                                              \
    va_start(args, format);                                                    \
    emit(SEVERITY, format, args);                                              \
    va_end(args);                                                              \
  }
TA_DEFINE_DIAGNOSTIC(warn, "warning: ")
TA_DEFINE_DIAGNOSTIC(error, "error: ")
TA_DEFINE_DIAGNOSTIC(note, "")
#undef TA_DEFINE_DIAGNOSTIC

} // namespace rt
} // namespace tracealloc
