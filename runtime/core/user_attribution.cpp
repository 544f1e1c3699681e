//===- user_attribution.cpp - Which frame a per-line statistic charges ----===//
#include "core/user_attribution.h"
#include "core/options.h"

#include <string.h>

namespace tracealloc {
namespace rt {
namespace {

bool starts_with(const char *s, const char *prefix, size_t len) {
  return strncmp(s, prefix, len) == 0;
}

// /usr/lib/llvm-<N>/lib/clang/: clang's own headers (mm_malloc.h), for any
// installed release.
bool in_clang_resource_dir(const char *file) {
  static const char kStart[] = "/usr/lib/llvm-";
  static const char kEnd[] = "/lib/clang/";
  if (!starts_with(file, kStart, sizeof kStart - 1))
    return false;
  const char *c = file + sizeof kStart - 1;
  if (*c < '0' || *c > '9')
    return false;
  while (*c >= '0' && *c <= '9')
    ++c;
  return starts_with(c, kEnd, sizeof kEnd - 1);
}

// The system_paths option: prefixes separated by ',' (':' already
// separates TRACEALLOC_OPTIONS entries).
bool in_option_paths(const char *file) {
  const char *list = g_options.system_paths;
  while (list && *list) {
    const char *end = strchr(list, ',');
    size_t len = end ? size_t(end - list) : strlen(list);
    if (len && starts_with(file, list, len))
      return true;
    list = end ? end + 1 : nullptr;
  }
  return false;
}

} // namespace

bool is_system_path(const char *file) {
  static const char *const kPrefixes[] = {"/usr/include/",
                                          "/usr/local/include/",
                                          "/usr/lib/gcc/"};
  if (!file)
    return false;
  for (const char *p : kPrefixes)
    if (starts_with(file, p, strlen(p)))
      return true;
  return in_clang_resource_dir(file) || in_option_paths(file);
}

bool is_operator_new(const char *function) {
  static const char kName[] = "operator new";
  if (!function)
    return false;
  size_t len = strlen(function);
  if (len >= 2 && strcmp(function + len - 2, "[]") == 0)
    len -= 2;
  size_t name = sizeof kName - 1;
  if (len < name || strncmp(function + len - name, kName, name) != 0)
    return false;
  return len == name || function[len - name - 1] == ':';
}

bool is_allocator_frame(const char *file, const char *function) {
  return is_system_path(file) || is_operator_new(function);
}

} // namespace rt
} // namespace tracealloc
