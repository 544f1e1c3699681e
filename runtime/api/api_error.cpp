//===- api_error.cpp - The calling thread's last error message ------------===//
#include "api/api_error.h"
#include "core/common.h"

#include <stdarg.h>
#include <stdio.h>

namespace tracealloc {
namespace rt {
namespace {

// Long enough for a message that quotes a path.
TA_TLS char tls_message[4352];

} // namespace

void set_last_error(const char *format, ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(tls_message, sizeof tls_message, format, args);
  va_end(args);
}

const char *last_error() { return tls_message; }

void set_out_of_memory() { set_last_error("out of memory"); }

} // namespace rt
} // namespace tracealloc

TA_EXPORT const char *tracealloc_last_error(void) noexcept {
  return tracealloc::rt::last_error();
}
