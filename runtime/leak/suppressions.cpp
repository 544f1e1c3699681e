//===- suppressions.cpp - Known leaks to ignore (the suppressions option) -===//
#include "leak/suppressions.h"
#include "api/python_fnmatch.h"
#include "core/diagnostics.h"
#include "core/internal_alloc.h"
#include "core/live_traces.h"
#include "core/site_table.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *trim(char *s) {
  while (is_space(*s))
    ++s;
  size_t n = strlen(s);
  while (n && is_space(s[n - 1]))
    s[--n] = '\0';
  return s;
}

// The whole file in runtime memory, NUL-terminated; null (errno set) when
// it cannot be read.
char *read_file(const char *path, size_t *size_out) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return nullptr;
  size_t capacity = 4096, size = 0;
  char *text = static_cast<char *>(internal_alloc(capacity));
  while (text) {
    if (size + 1 == capacity) {
      char *bigger =
          static_cast<char *>(internal_realloc(text, capacity, capacity * 2));
      if (!bigger) {
        internal_free(text, capacity);
        text = nullptr;
        errno = ENOMEM;
        break;
      }
      text = bigger;
      capacity *= 2;
    }
    ssize_t n = read(fd, text + size, capacity - 1 - size);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      int saved = errno;
      internal_free(text, capacity);
      text = nullptr;
      errno = saved;
      break;
    }
    if (n == 0) {
      text[size] = '\0';
      break;
    }
    size += size_t(n);
  }
  close(fd);
  *size_out = capacity;
  return text;
}

// "word:" where word is [a-z_]+ and no second ':' follows (C++'s "ns::f").
size_t type_prefix(const char *s) {
  size_t n = 0;
  while ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '_')
    ++n;
  return n && s[n] == ':' && s[n + 1] != ':' ? n : 0;
}

bool all_digits(const char *s) {
  if (!*s)
    return false;
  for (; *s; ++s)
    if (*s < '0' || *s > '9')
      return false;
  return true;
}

const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

bool matches_file(const char *file, const char *pattern) {
  return file && (python_fnmatch(file, pattern) ||
                  python_fnmatch(base_name(file), pattern));
}

bool matches(const Frame &f, const Suppression &s) {
  if (s.line)
    return f.line == s.line && matches_file(f.file, s.pattern);
  return matches_file(f.file, s.pattern) ||
         (f.function && python_fnmatch(f.function, s.pattern));
}

} // namespace

void Suppressions::parse_line(const char *path, uint32_t number, char *line) {
  char *text = trim(line);
  if (!*text || *text == '#')
    return;
  char *pattern = text;
  if (size_t n = type_prefix(text)) {
    if (n == 4 && strncmp(text, "leak", 4) == 0) {
      pattern = trim(text + 5);
    } else if (!all_digits(text + n + 1)) {
      warn("%s:%u: '%.*s:' is not a leak suppression (expected leak:PATTERN "
           "or PATTERN); line ignored",
           path, number, static_cast<int>(n), text);
      return;
    }
  }
  if (!*pattern) {
    warn("%s:%u: empty pattern; line ignored", path, number);
    return;
  }
  uint32_t line_number = 0;
  char *colon = strrchr(pattern, ':');
  if (colon && colon != pattern && colon[-1] != ':' && all_digits(colon + 1)) {
    uint64_t v = 0;
    for (const char *c = colon + 1; *c && v <= 0xffffffffu; ++c)
      v = v * 10 + uint64_t(*c - '0');
    if (v == 0 || v > 0xffffffffu) {
      warn("%s:%u: invalid line number '%s' (expected 1 or more); line "
           "ignored",
           path, number, colon + 1);
      return;
    }
    line_number = uint32_t(v);
  }
  if (count_ == capacity_) {
    size_t grown = capacity_ ? capacity_ * 2 : 16;
    auto *bigger = static_cast<Suppression *>(internal_realloc(
        items_, capacity_ * sizeof(Suppression), grown * sizeof(Suppression)));
    if (!bigger) {
      warn("%s:%u: out of memory; line ignored", path, number);
      return;
    }
    items_ = bigger;
    capacity_ = grown;
  }
  // The text keeps the whole line; the pattern is a copy without ":LINE".
  size_t pattern_len = line_number ? size_t(colon - pattern) : strlen(pattern);
  char *copy = static_cast<char *>(internal_alloc(pattern_len + 1));
  if (!copy) {
    warn("%s:%u: out of memory; line ignored", path, number);
    return;
  }
  memcpy(copy, pattern, pattern_len);
  copy[pattern_len] = '\0';
  items_[count_++] = {text, copy, line_number, number, 0, 0};
}

void Suppressions::load(const char *path) {
  if (!path || !*path)
    return;
  size_t size;
  char *text = read_file(path, &size);
  if (!text) {
    error("cannot read the suppressions file '%s': %s; leaks are checked "
          "without suppressions",
          path, strerror(errno));
    return;
  }
  // The file's text stays allocated: each suppression's text points in it.
  uint32_t number = 1;
  for (char *line = text; line;) {
    char *next = strchr(line, '\n');
    if (next)
      *next++ = '\0';
    parse_line(path, number++, line);
    line = next;
  }
}

Suppression *Suppressions::match(uint32_t traceback) {
  if (!count_ || !traceback)
    return nullptr;
  uint32_t ids[kMaxTracebackLimit], total;
  uint32_t n = traceback_frames(traceback, ids, kMaxTracebackLimit, &total);
  for (uint32_t i = 0; i < n; ++i) {
    const Frame &f = frame(ids[i]);
    for (size_t k = 0; k < count_; ++k)
      if (matches(f, items_[k]))
        return &items_[k];
  }
  return nullptr;
}

} // namespace rt
} // namespace tracealloc
