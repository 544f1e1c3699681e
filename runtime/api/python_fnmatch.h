//===- python_fnmatch.h - File name patterns as Python's fnmatch ----------===//
//
// tracemalloc.Filter matches file names with fnmatch.fnmatch, which on
// Linux is fnmatchcase: '*' matches any text, '/' included; '?' one
// character; '[...]' a set ('!' negates, ']' first is literal, 'z-a' is an
// empty range and matches nothing); an unclosed '[' and '\' are literal
// characters. Characters are code points of UTF-8 text, an invalid byte
// being one character (Python's surrogateescape). libc's fnmatch differs
// ('[^...]' negates there, '[[:alpha:]]' is a class), hence this one.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_API_PYTHON_FNMATCH_H
#define TRACEALLOC_RUNTIME_API_PYTHON_FNMATCH_H

namespace tracealloc {
namespace rt {

// Whether `name` matches `pattern`; false also when out of memory.
bool python_fnmatch(const char *name, const char *pattern);

} // namespace rt
} // namespace tracealloc

#endif
