//===- reachability.h - Which live blocks the roots reach -----------------===//
//
// Every live block with a slot (leak/block_slots.h), sorted by address. A
// block is reachable when a root, or a reachable block, holds an aligned
// 8-byte word that points anywhere inside it: interior pointers count, as
// they do by default in LeakSanitizer (a pointer to a member, to the middle
// of an array, or past a header that a container keeps in front of its
// elements). One exception, in glibc's own data only (its main arena):
// its free lists and top chunk point to the start of a free chunk, which
// falls in the last 8 bytes of the block before it (at its very start for
// a block of 8 bytes or less); there, a word equal to the start of a chunk
// that holds no live block is not a reference.
//
// 1 million blocks take about 24 MB, sorted with a radix sort; each word
// scanned costs a range test and, if it passes, a binary search.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_REACHABILITY_H
#define TRACEALLOC_RUNTIME_LEAK_REACHABILITY_H

#include "core/common.h"
#include "leak/scratch_array.h"

namespace tracealloc {
namespace rt {

struct LiveBlock {
  uintptr_t address; // the user pointer
  uint64_t size;
  uint32_t trace;   // 0: untraced
  uint32_t verdict; // kVerdict* of leak_check.h
};

class BlockGraph {
public:
  // Lists the live blocks from the slot table. Only while traced operations
  // are paused and the other threads stopped. False when out of memory.
  bool build();
  // Marks the blocks that words in [begin, end) point into, and everything
  // reachable from them. `allocator`: the range is glibc's data.
  void scan_root(uintptr_t begin, uintptr_t end, bool allocator = false);
  // Gives every block not reached the leaked verdict.
  void finish();

  size_t size() const { return blocks_.size(); }
  LiveBlock &operator[](size_t i) { return blocks_[i]; }
  // Hands the sorted blocks over for leak_verdict(), for good.
  LiveBlock *release() { return blocks_.release(); }

private:
  // The index of the block that `word` points into, or -1.
  long find(uintptr_t word, bool allocator) const;
  void scan_words(uintptr_t begin, uintptr_t end, bool allocator);
  bool sort();

  ScratchArray<LiveBlock> blocks_;
  ScratchArray<uint32_t> pending_; // reached, not scanned yet
  uintptr_t lowest_ = 0;
  uintptr_t span_ = 0; // highest block end - lowest_
};

// The block of a sorted array (count entries) that starts at `address`.
const LiveBlock *find_block(const LiveBlock *blocks, size_t count,
                            uintptr_t address);

} // namespace rt
} // namespace tracealloc

#endif
