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

uint64_t mix(uint32_t domain, uintptr_t a) {
  uint64_t h = (a ^ (uint64_t(domain) << 47)) * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 29);
}

Shard &shard_for(uint32_t domain, uintptr_t a) {
  return g_shards[mix(domain, a) % kShards];
}

size_t home(const Shard &s, const MapEntry &e) {
  return (mix(e.domain, e.address) >> 6) & (s.capacity - 1);
}

bool same_key(const MapEntry &e, uint32_t domain, uintptr_t a) {
  return e.address == a && e.domain == domain;
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
    size_t j = home(s, old[i]);
    while (slots[j].address)
      j = (j + 1) & (cap - 1);
    slots[j] = old[i];
  }
  internal_free(old, old_cap * sizeof(MapEntry));
  return true;
}

// Index of the key in the shard, or of the empty slot where it would go.
size_t probe(const Shard &s, uint32_t domain, uintptr_t a) {
  size_t i = (mix(domain, a) >> 6) & (s.capacity - 1);
  while (s.slots[i].address && !same_key(s.slots[i], domain, a))
    i = (i + 1) & (s.capacity - 1);
  return i;
}

} // namespace

bool pointer_map_insert(const MapEntry &entry, MapEntry *replaced) {
  Shard &s = shard_for(entry.domain, entry.address);
  LockGuard guard(s.lock);
  replaced->address = 0;
  if ((s.used + 1) * 4 > s.capacity * 3 && !grow_locked(s))
    return false;
  size_t i = probe(s, entry.domain, entry.address);
  if (s.slots[i].address)
    *replaced = s.slots[i];
  else
    ++s.used;
  s.slots[i] = entry;
  return true;
}

bool pointer_map_find(uint32_t domain, uintptr_t address, MapEntry *found) {
  Shard &s = shard_for(domain, address);
  LockGuard guard(s.lock);
  if (!s.capacity)
    return false;
  size_t i = probe(s, domain, address);
  if (!s.slots[i].address)
    return false;
  *found = s.slots[i];
  return true;
}

bool pointer_map_remove(uint32_t domain, uintptr_t address,
                        MapEntry *removed) {
  Shard &s = shard_for(domain, address);
  LockGuard guard(s.lock);
  if (!s.capacity)
    return false;
  size_t i = probe(s, domain, address);
  if (!s.slots[i].address)
    return false;
  *removed = s.slots[i];
  // Backward-shift deletion keeps probe sequences unbroken without
  // tombstones.
  size_t mask = s.capacity - 1;
  for (size_t j = (i + 1) & mask; s.slots[j].address; j = (j + 1) & mask) {
    size_t h = home(s, s.slots[j]);
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

void pointer_map_for_each(void (*visit)(const MapEntry &, void *), void *arg) {
  for (Shard &s : g_shards) {
    LockGuard guard(s.lock);
    for (size_t i = 0; i < s.capacity; ++i)
      if (s.slots[i].address)
        visit(s.slots[i], arg);
  }
}

void pointer_map_clear(void (*visit)(const MapEntry &, void *), void *arg) {
  for (Shard &s : g_shards) {
    LockGuard guard(s.lock);
    for (size_t i = 0; i < s.capacity; ++i) {
      if (s.slots[i].address)
        visit(s.slots[i], arg);
      s.slots[i].address = 0;
    }
    s.used = 0;
  }
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
