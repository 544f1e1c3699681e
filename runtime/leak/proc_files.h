//===- proc_files.h - Reading /proc/self with system calls only -----------===//
//
// The leak check reads /proc while other threads are stopped, so these use
// open/read/getdents64 and no stdio (whose locks a stopped thread may hold).
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_PROC_FILES_H
#define TRACEALLOC_RUNTIME_LEAK_PROC_FILES_H

#include "core/common.h"
#include "leak/scratch_array.h"

namespace tracealloc {
namespace rt {

// "/proc/self/task/TID/NAME".
void task_file_path(char *out, size_t size, int tid, const char *name);
// Up to size - 1 bytes of the file, NUL-terminated; 0 if unreadable.
size_t read_small_file(const char *path, char *out, size_t size);
// The text after `prefix` at the start of a line of text[0, n), or null.
const char *find_line(const char *text, size_t n, const char *prefix);
// A hexadecimal number (an optional 0x, leading blanks skipped).
uint64_t parse_hex(const char *text);
// Splits text[0, n) at blanks, in place (NULs written); returns the count.
size_t split_words(char *text, size_t n, const char **words, size_t max);

// Calls visit(tid) for every thread of the process (/proc/self/task).
void for_each_task_impl(void (*visit)(int, void *), void *context);
template <typename Visit> void for_each_task(Visit visit) {
  for_each_task_impl([](int tid, void *v) { (*static_cast<Visit *>(v))(tid); },
                     &visit);
}

// One line of /proc/self/maps.
struct Mapping {
  uintptr_t begin;
  uintptr_t end;
  bool readable;
  bool executable;
};

// The process's mappings, in address order; false if unreadable or out of
// memory.
bool read_mappings(ScratchArray<Mapping> &out);
// The mapping that holds `address`, or null.
const Mapping *find_mapping(const ScratchArray<Mapping> &maps,
                            uintptr_t address);

} // namespace rt
} // namespace tracealloc

#endif
