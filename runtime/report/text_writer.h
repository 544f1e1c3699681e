//===- text_writer.h - Buffered text output to a file descriptor ----------===//
//
// The report is written with write(2) from a fixed buffer: it runs at exit,
// possibly after stdio is gone, and must not allocate through a traced path.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_TEXT_WRITER_H
#define TRACEALLOC_RUNTIME_TEXT_WRITER_H

#include <stddef.h>

namespace tracealloc {
namespace rt {

class TextWriter {
public:
  explicit TextWriter(int fd) : fd_(fd) {}
  ~TextWriter() { flush(); }
  TextWriter(const TextWriter &) = delete;
  TextWriter &operator=(const TextWriter &) = delete;

  void print(const char *format, ...) __attribute__((format(printf, 2, 3)));
  void write(const char *data, size_t size);
  void flush();
  // False once a write has failed (disk full, closed pipe).
  bool ok() const { return !failed_; }

private:
  int fd_;
  bool failed_ = false;
  size_t used_ = 0;
  char buffer_[8192];
};

} // namespace rt
} // namespace tracealloc

#endif
