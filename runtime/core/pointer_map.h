//===- pointer_map.h - Traced blocks by address, for Mode::Map ------------===//
//
// When another allocator owns malloc (a sanitizer, a program's own malloc),
// blocks cannot carry our header; their traces live here instead. Shards
// keyed by address hash, each an open-addressing table with linear probing
// and backward-shift deletion, under its own lock.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_POINTER_MAP_H
#define TRACEALLOC_RUNTIME_POINTER_MAP_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

struct MapEntry {
  uintptr_t address; // 0: empty slot
  uint64_t size;
  uint32_t trace;
  uint16_t epoch;
};

// Records a trace; an entry still present for that address (a block freed
// behind our back) is returned in *replaced so its counts can be undone.
// False if out of memory (the block then stays untraced).
bool pointer_map_insert(const MapEntry &entry, MapEntry *replaced);
// Removes and returns the trace of `address`; false if it has none.
bool pointer_map_remove(uintptr_t address, MapEntry *removed);
bool pointer_map_find(uintptr_t address, MapEntry *found);

void pointer_map_lock_for_fork();
void pointer_map_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
