//===- block_header.h - The 16 bytes in front of every heap block ---------===//
//
// While the runtime is the process's malloc, every block carries this header
// (traced or not), so any code may free or resize any block: the header says
// whether the block is traced, under which trace, and where glibc's chunk
// starts. 16 bytes keep the user pointer 16-aligned.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_BLOCK_HEADER_H
#define TRACEALLOC_RUNTIME_BLOCK_HEADER_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

struct BlockHeader {
  uint64_t size;       // bytes the program asked for
  uint32_t trace;      // trace id (site id at nframe 1); 0: not traced
  uint16_t epoch;      // tracing epoch the trace belongs to
  uint8_t align_shift; // log2(user pointer - start of glibc's block)
  uint8_t magic;       // kHeaderMagic; glibc's own chunk header has 0 here
};
static_assert(sizeof(BlockHeader) == 16, "the header keeps 16-byte alignment");

constexpr uint8_t kHeaderMagic = 0xa7;
// A free block held in a thread's block cache (block_cache.h).
constexpr uint8_t kCachedMagic = 0xa8;
constexpr unsigned kDefaultAlignShift = 4; // the header itself: 16 bytes
constexpr size_t kHeaderSize = sizeof(BlockHeader);

TA_ALWAYS_INLINE BlockHeader *header_of(void *user) {
  return static_cast<BlockHeader *>(user) - 1;
}

TA_ALWAYS_INLINE void *block_base(void *user, const BlockHeader *h) {
  return static_cast<char *>(user) - (size_t(1) << h->align_shift);
}

} // namespace rt
} // namespace tracealloc

#endif
