//===- pointer_map.h - Traced blocks by address, for Mode::Map ------------===//
//
// Traces kept by address: the blocks of another allocator when it owns malloc
// (a sanitizer, a program's own malloc), where blocks cannot carry our
// header, and the blocks registered with track() in any domain. Keyed by
// (domain, address); shards by key hash, each an open-addressing table with
// linear probing and backward-shift deletion, under its own lock.
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
  uint32_t domain;
};

// Records a trace; an entry still present for that key (a block freed
// behind our back) is returned in *replaced so its counts can be undone.
// False if out of memory (the block then stays untraced).
bool pointer_map_insert(const MapEntry &entry, MapEntry *replaced);
// Removes and returns the trace of (domain, address); false if none.
bool pointer_map_remove(uint32_t domain, uintptr_t address, MapEntry *removed);
bool pointer_map_find(uint32_t domain, uintptr_t address, MapEntry *found);

// Calls visit(entry) for every entry, shard by shard, each under its lock.
void pointer_map_for_each(void (*visit)(const MapEntry &, void *), void *arg);
// Removes every entry, calling visit(entry) for each first.
void pointer_map_clear(void (*visit)(const MapEntry &, void *), void *arg);

void pointer_map_lock_for_fork();
void pointer_map_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
