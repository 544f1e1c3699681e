//===- text_writer.cpp - Buffered text output to a file descriptor --------===//
#include "report/text_writer.h"
#include "core/diagnostics.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

namespace tracealloc {
namespace rt {

void TextWriter::print(const char *format, ...) {
  char line[4096];
  va_list args;
  va_start(args, format);
  int n = vsnprintf(line, sizeof line, format, args);
  va_end(args);
  if (n > 0)
    write(line, static_cast<size_t>(n) < sizeof line ? n : sizeof line - 1);
}

void TextWriter::write(const char *data, size_t size) {
  if (used_ + size > sizeof buffer_)
    flush();
  if (size > sizeof buffer_) {
    failed_ = failed_ || !write_all(fd_, data, size);
    return;
  }
  memcpy(buffer_ + used_, data, size);
  used_ += size;
}

void TextWriter::flush() {
  if (used_ && !failed_)
    failed_ = !write_all(fd_, buffer_, used_);
  used_ = 0;
}

} // namespace rt
} // namespace tracealloc
