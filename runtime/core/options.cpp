//===- options.cpp - Options from the TRACEALLOC_OPTIONS variable ---------===//
#include "core/options.h"
#include "core/diagnostics.h"
#include "core/internal_alloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

namespace tracealloc {
namespace rt {

Options g_options;

namespace {

bool parse_value(const char *text, bool *out) {
  static const char *const kTrue[] = {"1", "true", "yes", "on"};
  static const char *const kFalse[] = {"0", "false", "no", "off"};
  for (const char *t : kTrue)
    if (strcmp(text, t) == 0)
      return *out = true, true;
  for (const char *f : kFalse)
    if (strcmp(text, f) == 0)
      return *out = false, true;
  return false;
}

bool parse_value(const char *text, uint64_t *out) {
  if (!*text)
    return false;
  uint64_t v = 0;
  for (const char *c = text; *c; ++c) {
    if (*c < '0' || *c > '9' || __builtin_mul_overflow(v, 10, &v) ||
        __builtin_add_overflow(v, uint64_t(*c - '0'), &v))
      return false;
  }
  *out = v;
  return true;
}

bool parse_value(const char *text, const char **out) {
  *out = text;
  return true;
}

const char *expected(bool *) { return "0 or 1, true or false, yes or no"; }
const char *expected(uint64_t *) { return "a whole number >= 0"; }
const char *expected(const char **) { return "a path"; }

void describe(char *buf, size_t size, bool v) {
  snprintf(buf, size, "%d", v ? 1 : 0);
}
void describe(char *buf, size_t size, uint64_t v) {
  snprintf(buf, size, "%" PRIu64, v);
}
void describe(char *buf, size_t size, const char *v) {
  snprintf(buf, size, "'%s'", v);
}

template <typename T> void set_option(const char *key, const char *text, T *field) {
  T value;
  if (parse_value(text, &value)) {
    *field = value;
    return;
  }
  char current[64];
  describe(current, sizeof current, *field);
  warn("invalid value '%s' for option '%s' (expected %s); using %s", text, key,
       expected(field), current);
}

void parse_entry(char *entry) {
  char *eq = strchr(entry, '=');
  if (!eq) {
    warn("malformed entry '%s' in TRACEALLOC_OPTIONS (expected key=value); "
         "ignored",
         entry);
    return;
  }
  *eq = '\0';
  const char *key = entry, *value = eq + 1;
#define TRACEALLOC_OPTION(TYPE, NAME, DEFAULT, DESC)                           \
  if (strcmp(key, #NAME) == 0)                                                 \
    return set_option(key, value, &g_options.NAME);
#include "core/options.def"
  warn("unknown option '%s' in TRACEALLOC_OPTIONS (TRACEALLOC_OPTIONS=help=1 "
       "lists the options); ignored",
       key);
}

} // namespace

void parse_options(const char *text) {
  if (!text || !*text)
    return;
  // Path values point into this copy for the life of the process.
  size_t len = strlen(text);
  char *copy = static_cast<char *>(internal_alloc(len + 1));
  if (!copy) {
    warn("out of memory reading TRACEALLOC_OPTIONS; using the defaults");
    return;
  }
  memcpy(copy, text, len + 1);
  for (char *entry = copy; entry;) {
    char *next = strchr(entry, ':');
    if (next)
      *next++ = '\0';
    if (*entry) // "a=1::b=2" and a trailing ':' are fine
      parse_entry(entry);
    entry = next;
  }
}

void print_options_help() {
  note("options, set as TRACEALLOC_OPTIONS=key=value:key=value");
  char current[64];
#define TRACEALLOC_OPTION(TYPE, NAME, DEFAULT, DESC)                           \
  describe(current, sizeof current, g_options.NAME);                           \
  note("  %-14s %s (now %s)", #NAME, DESC, current);
#include "core/options.def"
}

} // namespace rt
} // namespace tracealloc
