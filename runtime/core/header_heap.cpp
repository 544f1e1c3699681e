//===- header_heap.cpp - The slower paths of header-mode allocation -------===//
#include "core/header_heap.h"
#include "core/diagnostics.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {

void *header_memalign_slow(size_t align, size_t size, uint32_t trace) {
  if (TA_UNLIKELY(size > kMaxBlockSize || align > kMaxBlockSize)) {
    errno = ENOMEM;
    return nullptr;
  }
  // The header goes in the first `align` bytes, so the user pointer is
  // aligned too; glibc frees from the start of its block.
  void *base = __libc_memalign(align, size + align);
  if (TA_UNLIKELY(!base))
    return nullptr;
  return finish_block(base, size, trace, __builtin_ctzl(align));
}

namespace {

// realloc of an ordinary block: glibc resizes it, maybe moving it. All in
// one traced operation when the block is or becomes traced, so no snapshot
// sees the old address after glibc has released it.
void *realloc_in_place(void *user, BlockHeader *h, size_t size,
                       uint32_t trace) {
  if (TA_UNLIKELY(relaxed_load(g_slot_untraced)))
    return realloc_slotted_block(user, h, size, trace);
  bool traced = h->trace != 0;
  ThreadShard *s = traced || trace ? current_shard() : nullptr;
  bool keep = relaxed_load(g_keep_traces);
  bool in_op = s && (keep || h->slot());
  if (in_op)
    begin_traced_op(s);
  // Read under the operation: clear_traces may have dropped the trace.
  uint32_t old_trace = h->trace;
  if (trace == kKeepTrace)
    trace = old_trace;
  void *result = nullptr;
  if (BlockHeader *moved = resize_block(user, h, size)) {
    // The old slot still names the old address, and is given up here.
    if (old_trace && s)
      untrace_in_op(s, moved);
    result = s && trace ? finish_block_in_op(s, moved, size, trace,
                                             kDefaultAlignShift, keep)
                        : (moved->set(size, kDefaultAlignShift, 0, 0),
                           static_cast<void *>(moved + 1));
  }
  if (in_op)
    end_traced_op(s);
  return result; // null: the old block, and its trace, are untouched
}

} // namespace

void *header_realloc(void *user, size_t size, uint32_t trace) {
  if (!user)
    return header_malloc(size, trace == kKeepTrace ? 0 : trace);
  BlockHeader *h = header_of(user);
  if (TA_UNLIKELY(h->magic() != kHeaderMagic)) {
    // A block we never saw: resize it as it is, untraced.
    return __libc_realloc(user, size);
  }
  if (size == 0) {
    // glibc's realloc(p, 0) frees p and returns NULL.
    header_free(user);
    return nullptr;
  }
  if (TA_UNLIKELY(size > kMaxBlockSize)) {
    errno = ENOMEM;
    return nullptr;
  }
  if (h->align_shift() == kDefaultAlignShift)
    return realloc_in_place(user, h, size, trace);

  // An over-aligned block: realloc need not keep the alignment (C says so;
  // glibc does not either), so move it to an ordinary block. Counted as
  // every realloc is: the old block's free, then the new allocation.
  if (trace == kKeepTrace)
    trace = h->trace;
  uint64_t old_size = h->size();
  void *fresh = header_malloc(size, 0);
  if (!fresh)
    return nullptr;
  memcpy(fresh, user, old_size < size ? old_size : size);
  header_free(user);
  if (TA_UNLIKELY(relaxed_load(g_slot_untraced)))
    drop_block_slot(fresh); // finish_block gives it the slot it needs
  return finish_block(block_base(fresh, header_of(fresh)), size, trace,
                      kDefaultAlignShift);
}

void report_double_free(void *user) {
  error("free(): double free of %p (the block is already free)", user);
  abort();
}

size_t header_usable_size(void *user) {
  using UsableSizeFn = size_t (*)(void *);
  // glibc exports no __libc_ name for it; RTLD_NEXT finds glibc's, which
  // our own malloc_usable_size hides.
  static UsableSizeFn real = nullptr;
  if (!real)
    real = reinterpret_cast<UsableSizeFn>(dlsym(RTLD_NEXT, "malloc_usable_size"));
  if (!user || !real)
    return 0;
  BlockHeader *h = header_of(user);
  if (h->magic() != kHeaderMagic)
    return real(user);
  size_t offset = size_t(1) << h->align_shift();
  size_t usable = real(block_base(user, h));
  return usable > offset ? usable - offset : 0;
}

} // namespace rt
} // namespace tracealloc

namespace tracealloc {
namespace rt {

size_t page_size() {
  static size_t size = 0;
  if (!size)
    size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

} // namespace rt
} // namespace tracealloc
