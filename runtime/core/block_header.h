//===- block_header.h - The 16 bytes in front of every heap block ---------===//
//
// While the runtime is the process's malloc, every block carries this header
// (traced or not), so any code may free or resize any block: the header says
// whether the block is traced, under which trace, where its entry in the
// live-block table is, and where glibc's chunk starts. 16 bytes keep the
// user pointer 16-aligned.
//
//   bytes 0-7    size (48 bits) | log2 of the offset to glibc's chunk (8) |
//                live-slot bits 24-31 (8)
//   bytes 8-11   trace id (the site id at nframe 1); 0: not traced
//   bytes 12-15  live-slot bits 0-23 (24) | magic (8)
//
// The magic is the header's last byte, where glibc's own chunk header keeps
// the top byte of a chunk size: always 0 there, never one of ours.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_BLOCK_HEADER_H
#define TRACEALLOC_RUNTIME_BLOCK_HEADER_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

constexpr uint8_t kHeaderMagic = 0xa7;
// A free block held in a thread's block cache (block_cache.h).
constexpr uint8_t kCachedMagic = 0xa8;
constexpr unsigned kDefaultAlignShift = 4; // the header itself: 16 bytes
// Sizes fit 48 bits; no x86-64 process can have more (128 TiB user space).
constexpr uint64_t kMaxBlockSize = (uint64_t(1) << 47) - 4096;

struct BlockHeader {
  uint64_t word0;
  uint32_t trace;
  uint32_t word1;

  uint64_t size() const { return word0 & ((uint64_t(1) << 48) - 1); }
  unsigned align_shift() const { return (word0 >> 48) & 0xff; }
  uint32_t slot() const {
    return uint32_t(word0 >> 56) << 24 | (word1 & 0xffffff);
  }
  uint8_t magic() const { return uint8_t(word1 >> 24); }

  void set(uint64_t size, unsigned align_shift, uint32_t trace_id,
           uint32_t slot_index) {
    word0 = size | uint64_t(align_shift) << 48 | uint64_t(slot_index >> 24)
                                                     << 56;
    trace = trace_id;
    word1 = (slot_index & 0xffffff) | uint32_t(kHeaderMagic) << 24;
  }
  void set_untraced() {
    word0 &= (uint64_t(1) << 56) - 1;
    trace = 0;
    word1 &= 0xff000000u;
  }

  // A cached block keeps the next cached block where the size was.
  BlockHeader *next_cached() const {
    return reinterpret_cast<BlockHeader *>(word0);
  }
  void set_cached(BlockHeader *next) {
    word0 = reinterpret_cast<uint64_t>(next);
    word1 = uint32_t(kCachedMagic) << 24;
  }
};
static_assert(sizeof(BlockHeader) == 16, "the header keeps 16-byte alignment");

constexpr size_t kHeaderSize = sizeof(BlockHeader);

TA_ALWAYS_INLINE BlockHeader *header_of(void *user) {
  return static_cast<BlockHeader *>(user) - 1;
}

TA_ALWAYS_INLINE void *block_base(void *user, const BlockHeader *h) {
  return static_cast<char *>(user) - (size_t(1) << h->align_shift());
}

} // namespace rt
} // namespace tracealloc

#endif
