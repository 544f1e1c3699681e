//===- api_error.cpp - The calling thread's last error message ------------===//
#include "api/api_error.h"
#include "core/common.h"
#include "core/internal_alloc.h"

#include <stdarg.h>
#include <stdio.h>

namespace tracealloc {
namespace rt {
namespace {

// Long enough for a message that quotes a path.
constexpr size_t kMessageSize = 4352;

// Allocated on a thread's first error: a TLS array this size would move the
// runtime's whole TLS block into static TLS (its hot-path variables are
// initial-exec), which a runtime that arrives by dlopen does not get. A
// thread that sets an error keeps the buffer until the process ends.
__thread char *tls_message;

char *message_buffer() {
  if (!tls_message)
    tls_message = static_cast<char *>(internal_alloc(kMessageSize));
  return tls_message;
}

} // namespace

void set_last_error(const char *format, ...) {
  char *buffer = message_buffer();
  if (!buffer)
    return;
  va_list args;
  va_start(args, format);
  vsnprintf(buffer, kMessageSize, format, args);
  va_end(args);
}

const char *last_error() {
  const char *message = tls_message;
  return message ? message : "";
}

void set_out_of_memory() { set_last_error("out of memory"); }

} // namespace rt
} // namespace tracealloc

TA_EXPORT const char *tracealloc_last_error(void) noexcept {
  return tracealloc::rt::last_error();
}
