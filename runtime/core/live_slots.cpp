//===- live_slots.cpp - The table of live traced blocks -------------------===//
#include "core/live_slots.h"
#include "core/internal_alloc.h"
#include "core/spin_lock.h"

namespace tracealloc {
namespace rt {

uintptr_t *g_slot_chunks[kSlotChunks];
uint32_t g_slot_batches;

namespace {
SpinLock g_lock; // guards chunk creation and g_slot_batches
} // namespace

uint32_t take_slot_slow(SlotFreeList &list) {
  LockGuard guard(g_lock);
  uint64_t first = uint64_t(g_slot_batches) * kSlotBatch;
  if (first + kSlotBatch >= (uint64_t(1) << 32))
    return 0;
  uint32_t chunk = uint32_t(first >> kSlotChunkShift);
  if (!g_slot_chunks[chunk]) {
    auto *entries = static_cast<uintptr_t *>(
        internal_alloc(sizeof(uintptr_t) << kSlotChunkShift));
    if (!entries)
      return 0;
    __atomic_store_n(&g_slot_chunks[chunk], entries, __ATOMIC_RELEASE);
  }
  __atomic_store_n(&g_slot_batches, g_slot_batches + 1, __ATOMIC_RELEASE);
  // Slot 0 means "no slot": the first batch starts at 1.
  uint32_t slot = first ? uint32_t(first) : 1;
  list.batch_next = slot + 1;
  list.batch_end = uint32_t(first + kSlotBatch);
  return slot;
}

void live_slots_lock_for_fork() { g_lock.lock(); }
void live_slots_unlock_after_fork() { g_lock.unlock(); }

} // namespace rt
} // namespace tracealloc
