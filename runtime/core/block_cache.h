//===- block_cache.h - Free small blocks kept per thread ------------------===//
//
// Every block in the process passes through the runtime, so the runtime
// keeps, per thread, a few freed small blocks of each size class and hands
// them out again without calling glibc, as glibc's own tcache does. The
// cache pays for the header: without it, the extra call into glibc and the
// header cost a malloc/free pair 30% on their own (docs/design.md).
//
// A cached block is still allocated as far as glibc is concerned; its
// header holds the link to the next cached block and kCachedMagic, which
// also catches a second free of a cached block.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_BLOCK_CACHE_H
#define TRACEALLOC_RUNTIME_BLOCK_CACHE_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

struct BlockHeader;

// Class c holds blocks whose glibc chunk is c * 16 bytes: a request of n
// bytes plus the header needs chunk (n + 16 + 8 + 15) & ~15 (glibc's
// request2size), so n belongs to class (n + 39) / 16, and a block freed with
// requested size n goes back to the class it came from.
constexpr uint64_t kCachedMaxSize = 1024;
constexpr unsigned kCacheClasses = (kCachedMaxSize + 39) / 16 + 1;
// At most this many blocks per class: at most about 1 MiB per thread.
constexpr uint8_t kCacheDepth = 7;

TA_ALWAYS_INLINE unsigned cache_class(uint64_t size) {
  return static_cast<unsigned>((size + 39) >> 4);
}

struct BlockCache {
  BlockHeader *head[kCacheClasses];
  uint8_t count[kCacheClasses];
};

} // namespace rt
} // namespace tracealloc

#endif
