//===- root_regions.h - Where the leak check starts looking for pointers --===//
//
// The roots, as LeakSanitizer has them: the writable segments of every
// loaded object (globals), each thread's stack from its stack pointer up
// (with the 128-byte red zone below it), its saved registers, its static
// TLS and thread control block (pthread_setspecific values), and its
// dynamic thread vector (the TLS of dlopen'ed objects; the blocks it points
// to are then scanned as blocks). Not roots: the runtime's own data, and
// the stale part of a stack below its stack pointer.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_ROOT_REGIONS_H
#define TRACEALLOC_RUNTIME_LEAK_ROOT_REGIONS_H

#include "core/common.h"
#include "leak/proc_files.h"
#include "leak/scratch_array.h"
#include "leak/thread_stop.h"

namespace tracealloc {
namespace rt {

struct Range {
  uintptr_t begin;
  uintptr_t end;
  bool allocator; // glibc's data, where its malloc keeps its arena
};

// Looks up what the TLS roots need from the dynamic loader; at startup
// (it may allocate).
void init_root_regions();

// The writable segments of every loaded object but the runtime. Takes the
// loader's lock: call before stopping threads.
bool collect_global_ranges(ScratchArray<Range> &out);

// The stack, TLS and thread-vector ranges of a thread, clipped to readable
// mappings. `self`: the calling thread (its red zone holds nothing live).
void collect_thread_ranges(const ThreadRecord &thread, bool self,
                           const ScratchArray<Mapping> &maps,
                           ScratchArray<Range> &out);

// Calls visit(begin, end) for the parts of [begin, end) inside readable
// mappings.
template <typename Visit>
void for_each_readable_part(const ScratchArray<Mapping> &maps, uintptr_t begin,
                            uintptr_t end, Visit visit) {
  while (begin < end) {
    const Mapping *m = find_mapping(maps, begin);
    if (!m) {
      // Skip to the next mapping at or after begin, if any before end.
      const Mapping *next = nullptr;
      for (size_t i = 0; i < maps.size(); ++i)
        if (maps[i].begin > begin) {
          next = &maps[i];
          break;
        }
      if (!next || next->begin >= end)
        return;
      begin = next->begin;
      continue;
    }
    uintptr_t part_end = m->end < end ? m->end : end;
    if (m->readable)
      visit(begin, part_end);
    begin = part_end;
  }
}

} // namespace rt
} // namespace tracealloc

#endif
