//===- suppressions.h - Known leaks to ignore (the suppressions option) ---===//
//
// One pattern a line, LeakSanitizer's `leak:PATTERN` or a plain PATTERN;
// `#` starts a comment line. A leak is suppressed when a frame of its
// traceback matches: PATTERN (Python's fnmatch, '*' crosses '/') against
// the frame's file path, its file name, or its function name; or
// FILE_PATTERN:LINE against the file (path or name) and the line. A line
// with another sanitizer's type (`race:...`), an empty pattern or line 0
// gets a warning naming the file and line, and the rest is still used.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_SUPPRESSIONS_H
#define TRACEALLOC_RUNTIME_LEAK_SUPPRESSIONS_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

struct Suppression {
  const char *text;    // the line as written, trimmed
  const char *pattern; // the file or function pattern
  uint32_t line;       // 0: any line
  uint32_t file_line;  // where it is in the suppressions file
  uint64_t blocks;     // leaks it suppressed
  uint64_t bytes;
};

class Suppressions {
public:
  // Reads `path` (warnings and errors on stderr). Nothing is suppressed if
  // it cannot be read.
  void load(const char *path);
  // The first suppression that matches a frame of `traceback`, or null.
  Suppression *match(uint32_t traceback);

  size_t size() const { return count_; }
  Suppression &operator[](size_t i) { return items_[i]; }

private:
  void parse_line(const char *path, uint32_t number, char *text);

  Suppression *items_ = nullptr;
  size_t count_ = 0;
  size_t capacity_ = 0;
};

} // namespace rt
} // namespace tracealloc

#endif
