//===- block_slots.cpp - Live slots for untraced blocks -------------------===//
#include "leak/block_slots.h"
#include "core/header_heap.h"

namespace tracealloc {
namespace rt {

bool g_slot_untraced;

namespace {

uintptr_t marked(const void *user) {
  return reinterpret_cast<uintptr_t>(user) | kUntracedSlotMark;
}

// A thread without a shard (not started yet, or exiting) cannot give a slot
// back to a free list: the slot is given up, its entry marked free and on
// no list. The leak check stops every thread before it reads the table, so
// it sees the entry either naming the block still allocated, or free.
void give_up_slot(uint32_t slot) {
  relaxed_store(slot_entry(slot), uintptr_t(1));
}

} // namespace

uint32_t untraced_slot_in_op(ThreadShard *s, uintptr_t user) {
  if (!relaxed_load(g_slot_untraced))
    return 0;
  return take_slot(s->slots, user | kUntracedSlotMark);
}

void *finish_untraced_block(void *base, size_t size, unsigned align_shift) {
  void *user = static_cast<char *>(base) + (size_t(1) << align_shift);
  BlockHeader *h = header_of(user);
  ThreadShard *s = cache_shard();
  if (!s) {
    h->set(size, align_shift, 0, 0);
    return user;
  }
  begin_traced_op(s);
  h->set(size, align_shift, 0, take_slot(s->slots, marked(user)));
  end_traced_op(s);
  return user;
}

void free_slotted_block(void *user, BlockHeader *h) {
  ThreadShard *s = cache_shard();
  if (!s) {
    give_up_slot(h->slot());
    release_block(user, h);
    return;
  }
  // As header_free does for a traced block: the check never reads a block
  // being released.
  free_block_under_op(s, user, h);
}

void drop_block_slot(void *user) {
  BlockHeader *h = header_of(user);
  uint32_t slot = h->slot();
  if (!slot)
    return;
  ThreadShard *s = cache_shard();
  if (!s) {
    give_up_slot(slot);
  } else {
    begin_traced_op(s);
    free_slot(s->slots, slot);
    h->set(h->size(), h->align_shift(), 0, 0);
    end_traced_op(s);
    return;
  }
  h->set(h->size(), h->align_shift(), 0, 0);
}

void *realloc_slotted_block(void *user, BlockHeader *h, size_t size,
                            uint32_t trace) {
  bool traced_call = trace != 0 && trace != kKeepTrace;
  ThreadShard *s = h->trace || traced_call ? current_shard() : cache_shard();
  if (!s) {
    // No slot can be taken or given back: the block loses its slot, and is
    // left untraced as header_realloc leaves it without a shard.
    uint32_t slot = h->slot();
    uintptr_t entry = slot ? relaxed_load(slot_entry(slot)) : 0;
    if (slot)
      give_up_slot(slot);
    BlockHeader *moved = resize_block(user, h, size);
    if (!moved) {
      if (slot)
        relaxed_store(slot_entry(slot), entry);
      return nullptr;
    }
    moved->set(size, kDefaultAlignShift, 0, 0);
    return moved + 1;
  }
  bool keep = relaxed_load(g_keep_traces);
  begin_traced_op(s);
  // Read under the operation: clear_traces may have dropped the trace.
  uint32_t old_trace = h->trace;
  if (trace == kKeepTrace)
    trace = old_trace;
  void *result = nullptr;
  if (BlockHeader *moved = resize_block(user, h, size)) {
    // Its slot still names the old address, and is given back here.
    untrace_in_op(s, moved);
    void *fresh = moved + 1;
    if (trace) {
      result =
          finish_block_in_op(s, moved, size, trace, kDefaultAlignShift, keep);
    } else {
      moved->set(size, kDefaultAlignShift, 0,
                 untraced_slot_in_op(s, reinterpret_cast<uintptr_t>(fresh)));
      result = fresh;
    }
  }
  end_traced_op(s);
  return result; // null: the old block, its trace and slot, are untouched
}

} // namespace rt
} // namespace tracealloc
