//===- source_line.cpp - One line of a source file, for the report --------===//
#include "report/source_line.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

} // namespace

bool read_source_line(const char *path, uint32_t line, char *out,
                      size_t out_size) {
  if (line == 0 || !path || !*path || out_size == 0)
    return false;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  char chunk[4096];
  uint32_t current = 1;
  size_t len = 0;
  bool found = false, done = false;
  while (!done) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      found = current == line; // a last line without '\n'
      break;
    }
    for (ssize_t i = 0; i < n; ++i) {
      if (chunk[i] == '\n') {
        if (current == line) {
          found = done = true;
          break;
        }
        ++current;
      } else if (current == line && len + 1 < out_size) {
        out[len++] = chunk[i];
      }
    }
  }
  close(fd);
  if (!found)
    return false;
  size_t begin = 0;
  while (begin < len && is_space(out[begin]))
    ++begin;
  while (len > begin && is_space(out[len - 1]))
    --len;
  for (size_t i = begin; i < len; ++i)
    out[i - begin] = out[i];
  out[len - begin] = '\0';
  return len > begin;
}

} // namespace rt
} // namespace tracealloc
