//===- live_slots.h - The table of live traced blocks ---------------------===//
//
// tracemalloc can list every live trace; a header alone cannot. So each live
// traced block also has a slot here holding its address, and its header
// holds the slot's index: 8 more bytes per traced block (24 with the
// header). A thread frees a slot onto its own free list, whoever took it,
// so neither taking nor freeing one needs an atomic operation. Slots are
// handed to threads 1024 at a time from a global counter.
//
// A thread's free slots sit first in a small stack in its shard, so taking
// and freeing a slot is one store to the table and no load from it; only
// when the stack overflows are free slots chained through the table.
//
// An entry holds a block's address, or (next free slot << 1 | 1) while it
// is free, or 0 if never used. With leak_check=1, untraced blocks have
// slots too, their address | 2 (leak/block_slots.h).
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LIVE_SLOTS_H
#define TRACEALLOC_RUNTIME_LIVE_SLOTS_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

constexpr uint32_t kSlotChunkShift = 16; // 64 K slots, 512 KiB per chunk
constexpr uint32_t kSlotChunks = 1u << 16;
constexpr uint32_t kSlotBatch = 1024;

extern uintptr_t *g_slot_chunks[kSlotChunks];
extern uint32_t g_slot_batches; // batches handed out so far

constexpr uint32_t kSlotStackSize = 64;

struct SlotFreeList {
  uint32_t top; // slots in stack[0, top)
  uint32_t stack[kSlotStackSize];
  uint32_t head; // the chain through the table; 0: empty
  uint32_t batch_next;
  uint32_t batch_end;
};

TA_ALWAYS_INLINE uintptr_t &slot_entry(uint32_t slot) {
  return g_slot_chunks[slot >> kSlotChunkShift][slot & ((1u << kSlotChunkShift) - 1)];
}

// A new batch for the list; 0 when out of slots or memory.
uint32_t take_slot_slow(SlotFreeList &list);

// A free slot for a block at `address`; 0 if none can be had (the block is
// then not traced).
TA_ALWAYS_INLINE uint32_t take_slot(SlotFreeList &list, uintptr_t address) {
  uint32_t slot;
  if (TA_LIKELY(list.top))
    slot = list.stack[--list.top];
  else if ((slot = list.head))
    list.head = uint32_t(relaxed_load(slot_entry(slot)) >> 1);
  else if (TA_LIKELY(list.batch_next != list.batch_end))
    slot = list.batch_next++;
  else
    slot = take_slot_slow(list);
  if (TA_LIKELY(slot))
    relaxed_store(slot_entry(slot), address);
  return slot;
}

TA_ALWAYS_INLINE void free_slot(SlotFreeList &list, uint32_t slot) {
  if (TA_LIKELY(list.top < kSlotStackSize)) {
    relaxed_store(slot_entry(slot), uintptr_t(1));
    list.stack[list.top++] = slot;
    return;
  }
  relaxed_store(slot_entry(slot), uintptr_t(list.head) << 1 | 1);
  list.head = slot;
}

// Calls visit(slot, address) for every live traced block's slot. Only
// while traced operations are paused (trace_pause.h).
template <typename Visit> void for_each_live_slot(Visit visit) {
  uint64_t end = uint64_t(relaxed_load(g_slot_batches)) * kSlotBatch;
  for (uint64_t slot = 1; slot < end; ++slot) {
    uintptr_t entry = relaxed_load(slot_entry(uint32_t(slot)));
    if (entry && !(entry & 3))
      visit(uint32_t(slot), entry);
  }
}

void live_slots_lock_for_fork();
void live_slots_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
