//===- reachability.cpp - Which live blocks the roots reach ---------------===//
#include "leak/reachability.h"
#include "core/block_header.h"
#include "core/live_slots.h"
#include "leak/block_slots.h"
#include "leak/leak_check.h"

namespace tracealloc {
namespace rt {

namespace {

// glibc's chunk header flag: the chunk has its own mapping (no next chunk).
constexpr uint64_t kChunkMmapped = 2;

// glibc's chunk that holds the block at `user`, and the chunk after it (0
// when the block has its own mapping).
uintptr_t chunk_of(uintptr_t user) {
  const BlockHeader *h = header_of(reinterpret_cast<void *>(user));
  return reinterpret_cast<uintptr_t>(
             block_base(reinterpret_cast<void *>(user), h)) -
         16;
}
uintptr_t next_chunk(uintptr_t user) {
  uintptr_t chunk = chunk_of(user);
  uint64_t size = *reinterpret_cast<const uint64_t *>(chunk + 8);
  return size & kChunkMmapped ? 0 : chunk + (size & ~uint64_t(7));
}

// A block of size 0 still owns its address.
uint64_t extent(const LiveBlock &b) { return b.size ? b.size : 1; }

} // namespace

bool BlockGraph::build() {
  blocks_.clear();
  uint64_t end = uint64_t(relaxed_load(g_slot_batches)) * kSlotBatch;
  for (uint64_t slot = 1; slot < end; ++slot) {
    uintptr_t entry = relaxed_load(slot_entry(uint32_t(slot)));
    if (!entry || (entry & 1))
      continue;
    uintptr_t address = entry & ~kUntracedSlotMark;
    const BlockHeader *h = header_of(reinterpret_cast<void *>(address));
    // Believed only if the header names this slot back.
    if (h->magic() != kHeaderMagic || h->slot() != slot)
      continue;
    if (!blocks_.push({address, h->size(), h->trace, kVerdictUnknown}))
      return false;
  }
  return sort();
}

// LSD radix sort on the address, 16 bits a pass; a pass where every
// address has the same digit is skipped.
bool BlockGraph::sort() {
  size_t n = blocks_.size();
  if (n == 0)
    return true;
  ScratchArray<LiveBlock> other;
  if (!other.reserve(n))
    return false;
  LiveBlock *from = blocks_.data(), *to = other.data();
  static size_t counts[1 << 16];
  bool swapped = false;
  for (unsigned shift = 0; shift < 64; shift += 16) {
    __builtin_memset(counts, 0, sizeof counts);
    for (size_t i = 0; i < n; ++i)
      ++counts[(from[i].address >> shift) & 0xffff];
    if (counts[(from[0].address >> shift) & 0xffff] == n)
      continue;
    size_t sum = 0;
    for (size_t &c : counts) {
      size_t here = c;
      c = sum;
      sum += here;
    }
    for (size_t i = 0; i < n; ++i)
      to[counts[(from[i].address >> shift) & 0xffff]++] = from[i];
    LiveBlock *t = from;
    from = to;
    to = t;
    swapped = !swapped;
  }
  if (swapped)
    __builtin_memcpy(blocks_.data(), other.data(), n * sizeof(LiveBlock));
  lowest_ = blocks_[0].address;
  span_ = blocks_[n - 1].address + extent(blocks_[n - 1]) - lowest_;
  return pending_.reserve(n);
}

long BlockGraph::find(uintptr_t word, bool allocator) const {
  if (word - lowest_ >= span_)
    return -1;
  // The last block that starts at or before `word`.
  size_t lo = 0, hi = blocks_.size();
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (blocks_[mid].address <= word)
      lo = mid;
    else
      hi = mid;
  }
  const LiveBlock &b = blocks_[lo];
  if (word - b.address >= extent(b))
    return -1;
  if (allocator && b.address + extent(b) - word <= 8 &&
      word == next_chunk(b.address) &&
      !(lo + 1 < blocks_.size() && chunk_of(blocks_[lo + 1].address) == word))
    return -1; // glibc's pointer to the free chunk after this block
  return long(lo);
}

void BlockGraph::scan_words(uintptr_t begin, uintptr_t end, bool allocator) {
  begin = (begin + 7) & ~uintptr_t(7);
  for (uintptr_t p = begin; p + 8 <= end; p += 8) {
    long i = find(*reinterpret_cast<const uintptr_t *>(p), allocator);
    if (i < 0 || blocks_[size_t(i)].verdict == kVerdictReachable)
      continue;
    blocks_[size_t(i)].verdict = kVerdictReachable;
    // Each block is pushed once at most, and sort() made room for all.
    pending_.push(uint32_t(i));
  }
}

void BlockGraph::scan_root(uintptr_t begin, uintptr_t end, bool allocator) {
  scan_words(begin, end, allocator);
  while (pending_.size()) {
    const LiveBlock &b = blocks_[pending_.back()];
    pending_.pop();
    scan_words(b.address, b.address + b.size, false);
  }
}

void BlockGraph::finish() {
  for (size_t i = 0; i < blocks_.size(); ++i)
    if (blocks_[i].verdict != kVerdictReachable)
      blocks_[i].verdict = kVerdictLeaked;
}

const LiveBlock *find_block(const LiveBlock *blocks, size_t count,
                            uintptr_t address) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (blocks[mid].address < address)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < count && blocks[lo].address == address ? &blocks[lo] : nullptr;
}

} // namespace rt
} // namespace tracealloc
