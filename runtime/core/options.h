//===- options.h - Options from the TRACEALLOC_OPTIONS variable -----------===//
//
// TRACEALLOC_OPTIONS="key=value:key=value". A bad entry gets a warning on
// stderr and its default; the program always runs on.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_OPTIONS_H
#define TRACEALLOC_RUNTIME_OPTIONS_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

struct Options {
#define TRACEALLOC_OPTION_Bool bool
#define TRACEALLOC_OPTION_Count uint64_t
#define TRACEALLOC_OPTION_Path const char *
#define TRACEALLOC_OPTION(TYPE, NAME, DEFAULT, DESC)                           \
  TRACEALLOC_OPTION_##TYPE NAME = DEFAULT;
#include "core/options.def"
};

extern Options g_options;

// Reads `text` (the variable's value; null means unset) into g_options.
void parse_options(const char *text);
void print_options_help();

} // namespace rt
} // namespace tracealloc

#endif
