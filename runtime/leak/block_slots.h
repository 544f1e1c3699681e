//===- block_slots.h - Live slots for untraced blocks, for the leak check -===//
//
// The leak check must see every live block: a pointer to a traced block
// kept only inside a block that libc or a prebuilt library allocated is
// still a reference. So with leak_check=1 (header mode only) untraced
// blocks get a live slot too. Their table entry is marked with
// kUntracedSlotMark, which for_each_live_slot skips, so snapshots and
// clear_traces see traced blocks only, as before; their header keeps trace
// 0 and the slot index.
//
// Off (the default), the hot paths pay one load of g_slot_untraced on an
// untraced allocation, and a test of header bits they already hold on an
// untraced free.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_BLOCK_SLOTS_H
#define TRACEALLOC_RUNTIME_LEAK_BLOCK_SLOTS_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

struct BlockHeader;
struct ThreadShard;

// Set once at startup with leak_check=1 in header mode (after keep_traces).
extern bool g_slot_untraced;
constexpr uintptr_t kUntracedSlotMark = 2;

// Writes an untraced header for a new block at `base`, with a slot when the
// thread has a shard; returns the user pointer.
void *finish_untraced_block(void *base, size_t size, unsigned align_shift);
// The slot for an untraced block at `user`, taken inside a traced operation
// of `s`; 0 when leak checking is off or no slot can be had.
uint32_t untraced_slot_in_op(ThreadShard *s, uintptr_t user);
// Frees an untraced block that has a slot (or a traced one whose thread has
// no shard any more).
void free_slotted_block(void *user, BlockHeader *h);
// Takes the slot away from a block that is about to get a new header.
void drop_block_slot(void *user);
// realloc of an ordinary (16-aligned) block while g_slot_untraced is set;
// `trace` as header_realloc's.
void *realloc_slotted_block(void *user, BlockHeader *h, size_t size,
                            uint32_t trace);

} // namespace rt
} // namespace tracealloc

#endif
