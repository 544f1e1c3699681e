//===- proc_files.cpp - Reading /proc/self with system calls only ---------===//
#include "leak/proc_files.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {

namespace {

char *append(char *out, char *end, const char *text) {
  while (*text && out + 1 < end)
    *out++ = *text++;
  *out = '\0';
  return out;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

} // namespace

void task_file_path(char *out, size_t size, int tid, const char *name) {
  char digits[16];
  int n = 0;
  for (unsigned v = static_cast<unsigned>(tid); n == 0 || v; v /= 10)
    digits[n++] = char('0' + v % 10);
  char number[16];
  for (int i = 0; i < n; ++i)
    number[i] = digits[n - 1 - i];
  number[n] = '\0';
  char *end = out + size;
  char *p = append(out, end, "/proc/self/task/");
  p = append(p, end, number);
  p = append(p, end, "/");
  append(p, end, name);
}

size_t read_small_file(const char *path, char *out, size_t size) {
  out[0] = '\0';
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  size_t used = 0;
  while (used + 1 < size) {
    ssize_t n = read(fd, out + used, size - 1 - used);
    if (n <= 0)
      break;
    used += size_t(n);
  }
  close(fd);
  out[used] = '\0';
  return used;
}

const char *find_line(const char *text, size_t n, const char *prefix) {
  size_t len = 0;
  while (prefix[len])
    ++len;
  for (size_t i = 0; i + len <= n; ++i) {
    if ((i == 0 || text[i - 1] == '\n') &&
        __builtin_memcmp(text + i, prefix, len) == 0)
      return text + i + len;
  }
  return nullptr;
}

uint64_t parse_hex(const char *text) {
  while (is_blank(*text))
    ++text;
  if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
    text += 2;
  uint64_t v = 0;
  for (int d; (d = hex_digit(*text)) >= 0; ++text)
    v = v << 4 | uint64_t(d);
  return v;
}

size_t split_words(char *text, size_t n, const char **words, size_t max) {
  size_t count = 0;
  for (size_t i = 0; i < n && count < max;) {
    while (i < n && is_blank(text[i]))
      text[i++] = '\0';
    if (i == n)
      break;
    words[count++] = text + i;
    while (i < n && !is_blank(text[i]))
      ++i;
  }
  for (size_t i = 0; i < n; ++i)
    if (is_blank(text[i]))
      text[i] = '\0';
  return count;
}

void for_each_task_impl(void (*visit)(int, void *), void *context) {
  int fd = open("/proc/self/task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return;
  struct Dirent64 {
    uint64_t ino;
    int64_t off;
    unsigned short reclen;
    unsigned char type;
    char name[1];
  };
  alignas(8) char buffer[4096];
  for (;;) {
    long n = syscall(SYS_getdents64, fd, buffer, sizeof buffer);
    if (n <= 0)
      break;
    for (long at = 0; at < n;) {
      const auto *d = reinterpret_cast<const Dirent64 *>(buffer + at);
      at += d->reclen;
      int tid = 0;
      const char *c = d->name;
      for (; *c >= '0' && *c <= '9'; ++c)
        tid = tid * 10 + (*c - '0');
      if (!*c && tid > 0)
        visit(tid, context);
    }
  }
  close(fd);
}

bool read_mappings(ScratchArray<Mapping> &out) {
  out.clear();
  int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  // Lines are parsed as they come; a partial line waits for the next read.
  char buffer[8192];
  size_t used = 0;
  bool ok = true;
  for (;;) {
    ssize_t n = read(fd, buffer + used, sizeof buffer - used);
    if (n < 0) {
      ok = false;
      break;
    }
    used += size_t(n);
    size_t start = 0;
    for (size_t i = 0; i < used; ++i) {
      if (buffer[i] != '\n')
        continue;
      // "begin-end perms offset dev inode path"
      const char *line = buffer + start;
      Mapping m;
      m.begin = parse_hex(line);
      const char *dash = line;
      while (*dash != '-' && dash < buffer + i)
        ++dash;
      m.end = parse_hex(dash + 1);
      const char *perms = dash + 1;
      while (!is_blank(*perms) && perms < buffer + i)
        ++perms;
      m.readable = perms[1] == 'r';
      m.executable = perms[3] == 'x';
      if (!out.push(m))
        ok = false;
      start = i + 1;
    }
    __builtin_memmove(buffer, buffer + start, used - start);
    used -= start;
    if (n == 0 || !ok)
      break;
  }
  close(fd);
  return ok;
}

const Mapping *find_mapping(const ScratchArray<Mapping> &maps,
                            uintptr_t address) {
  size_t lo = 0, hi = maps.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (maps[mid].end <= address)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < maps.size() && maps[lo].begin <= address)
    return &maps[lo];
  return nullptr;
}

} // namespace rt
} // namespace tracealloc
