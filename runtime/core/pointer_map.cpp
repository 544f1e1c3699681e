//===- pointer_map.cpp - Traced blocks by address, for Mode::Map ----------===//
#include "core/pointer_map.h"
#include "core/internal_alloc.h"
#include "core/spin_lock.h"

namespace tracealloc {
namespace rt {
namespace {

constexpr unsigned kShards = 64;

struct Shard {
  SpinLock lock;
  MapEntry *slots;
  size_t capacity; // a power of two, or 0
  size_t used;
} __attribute__((aligned(64)));

Shard g_shards[kShards];

uint64_t mix(uintptr_t a) {
  uint64_t h = a * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 29);
}

Shard &shard_for(uintptr_t a) { return g_shards[mix(a) % kShards]; }

size_t home(const Shard &s, uintptr_t a) {
  return (mix(a) >> 6) & (s.capacity - 1);
}

bool grow_locked(Shard &s) {
  size_t cap = s.capacity ? s.capacity * 2 : 256;
  auto *slots = static_cast<MapEntry *>(internal_alloc(cap * sizeof(MapEntry)));
  if (!slots)
    return false;
  MapEntry *old = s.slots;
  size_t old_cap = s.capacity;
  s.slots = slots;
  s.capacity = cap;
  for (size_t i = 0; i < old_cap; ++i) {
    if (!old[i].address)
      continue;
    size_t j = home(s, old[i].address);
    while (slots[j].address)
      j = (j + 1) & (cap - 1);
    slots[j] = old[i];
  }
  internal_free(old, old_cap * sizeof(MapEntry));
  return true;
}

// Index of `a` in the shard, or of the empty slot where it would go.
size_t probe(const Shard &s, uintptr_t a) {
  size_t i = home(s, a);
  while (s.slots[i].address && s.slots[i].address != a)
    i = (i + 1) & (s.capacity - 1);
  return i;
}

} // namespace

bool pointer_map_insert(const MapEntry &entry, MapEntry *replaced) {
  Shard &s = shard_for(entry.address);
  LockGuard guard(s.lock);
  replaced->address = 0;
  if ((s.used + 1) * 4 > s.capacity * 3 && !grow_locked(s))
    return false;
  size_t i = probe(s, entry.address);
  if (s.slots[i].address)
    *replaced = s.slots[i];
  else
    ++s.used;
  s.slots[i] = entry;
  return true;
}

bool pointer_map_find(uintptr_t address, MapEntry *found) {
  Shard &s = shard_for(address);
  LockGuard guard(s.lock);
  if (!s.capacity)
    return false;
  size_t i = probe(s, address);
  if (!s.slots[i].address)
    return false;
  *found = s.slots[i];
  return true;
}

bool pointer_map_remove(uintptr_t address, MapEntry *removed) {
  Shard &s = shard_for(address);
  LockGuard guard(s.lock);
  if (!s.capacity)
    return false;
  size_t i = probe(s, address);
  if (!s.slots[i].address)
    return false;
  *removed = s.slots[i];
  // Backward-shift deletion keeps probe sequences unbroken without
  // tombstones.
  size_t mask = s.capacity - 1;
  for (size_t j = (i + 1) & mask; s.slots[j].address; j = (j + 1) & mask) {
    size_t h = home(s, s.slots[j].address);
    // Move j back to i unless its home lies cyclically in (i, j].
    if (((j - h) & mask) >= ((j - i) & mask)) {
      s.slots[i] = s.slots[j];
      i = j;
    }
  }
  s.slots[i].address = 0;
  --s.used;
  return true;
}

void pointer_map_lock_for_fork() {
  for (Shard &s : g_shards)
    s.lock.lock();
}
void pointer_map_unlock_after_fork() {
  for (Shard &s : g_shards)
    s.lock.unlock();
}

} // namespace rt
} // namespace tracealloc
