//===- live_traces.cpp - What the tracemalloc API layer reads from the core ===//
#include "core/live_traces.h"
#include "core/block_header.h"
#include "core/internal_alloc.h"
#include "core/live_slots.h"
#include "core/pointer_map.h"
#include "core/site_table.h"
#include "core/thread_counters.h"
#include "core/trace_pause.h"
#include "core/tracing_state.h"
#include "leak/block_slots.h"

#include <errno.h>
#include <sys/uio.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {

int g_traceback_limit = 1;

namespace {

// A growable array of traces in runtime memory.
struct TraceList {
  RawTrace *items = nullptr;
  size_t count = 0;
  size_t capacity = 0;
  bool failed = false;

  void add(const RawTrace &t) {
    if (count == capacity) {
      size_t grown = capacity ? capacity * 2 : 1024;
      auto *bigger = static_cast<RawTrace *>(internal_realloc(
          items, capacity * sizeof(RawTrace), grown * sizeof(RawTrace)));
      if (!bigger) {
        failed = true;
        return;
      }
      items = bigger;
      capacity = grown;
    }
    items[count++] = t;
  }
};

RawTrace trace_of_slot(uintptr_t address) {
  const BlockHeader *h = header_of(reinterpret_cast<void *>(address));
  return {address, h->size(), h->trace, kDefaultDomain};
}

void add_map_entry(const MapEntry &e, void *list) {
  static_cast<TraceList *>(list)->add(
      {e.address, e.size, e.trace, e.domain});
}

void uncount_map_entry(const MapEntry &e, void *shard) {
  if (e.trace)
    count_free(static_cast<ThreadShard *>(shard), e.trace, e.size);
}

} // namespace

void keep_traces() { relaxed_store(g_keep_traces, true); }

bool capture_traces(RawTrace **traces, size_t *count) {
  TraceList list;
  {
    TracePause pause;
    for_each_live_slot([&](uint32_t, uintptr_t address) {
      list.add(trace_of_slot(address));
    });
  }
  pointer_map_for_each(add_map_entry, &list);
  // The caller frees `count` entries: hand over an array of that size.
  RawTrace *exact = nullptr;
  if (!list.failed && list.count) {
    exact = static_cast<RawTrace *>(internal_alloc(list.count * sizeof(RawTrace)));
    if (exact)
      __builtin_memcpy(exact, list.items, list.count * sizeof(RawTrace));
  }
  internal_free(list.items, list.capacity * sizeof(RawTrace));
  if (list.failed || (list.count && !exact))
    return false;
  *traces = exact;
  *count = list.count;
  return true;
}

void free_raw_traces(RawTrace *traces, size_t count) {
  internal_free(traces, count * sizeof(RawTrace));
}

namespace {

// Reads what would be the header of the block at `address` without risking
// a fault: any pointer may be asked about. process_vm_readv on our own
// process reports an unreadable address as an error; false then, or where
// the call is not allowed (the caller falls back to a scan).
bool read_header_safely(uintptr_t address, BlockHeader *out, bool *usable) {
  struct iovec local = {out, sizeof *out};
  struct iovec remote = {reinterpret_cast<void *>(address - sizeof *out),
                         sizeof *out};
  ssize_t n = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
  *usable = n >= 0 || errno == EFAULT;
  return n == ssize_t(sizeof *out);
}

bool slot_names(uint32_t slot, uintptr_t address) {
  if (!slot || slot >= uint64_t(relaxed_load(g_slot_batches)) * kSlotBatch)
    return false;
  return relaxed_load(slot_entry(slot)) == address;
}

} // namespace

bool find_trace(uint32_t domain, const void *address, RawTrace *out) {
  auto wanted = reinterpret_cast<uintptr_t>(address);
  if (!wanted)
    return false;
  if (domain == kDefaultDomain && wanted > sizeof(BlockHeader)) {
    // Paused, so the block cannot be freed while we look. Its header is
    // believed only if the live-slot table names this very address.
    bool found = false;
    TracePause pause;
    BlockHeader h;
    bool usable;
    if (read_header_safely(wanted, &h, &usable)) {
      found = h.magic() == kHeaderMagic && slot_names(h.slot(), wanted);
    } else if (!usable) {
      // No process_vm_readv here: a linear scan of the table instead.
      for_each_live_slot([&](uint32_t, uintptr_t a) { found |= a == wanted; });
    }
    if (found) {
      *out = trace_of_slot(wanted);
      return true;
    }
  }
  MapEntry e;
  if (!pointer_map_find(domain, wanted, &e))
    return false;
  *out = {e.address, e.size, e.trace, e.domain};
  return true;
}

uint32_t traceback_frames(uint32_t traceback, uint32_t *frames, uint32_t max,
                          uint32_t *total_nframe) {
  uint32_t limit = static_cast<uint32_t>(traceback_limit());
  if (max > limit)
    max = limit;
  uint32_t written = 0, total = 0;
  // A plain frame id is its static chain; an interned traceback is a list
  // of nodes, each a static chain, ending in a cut that counts the frames
  // not kept (site_table.h).
  for (uint32_t id = traceback; id;) {
    const Frame &f = frame(id);
    if (f.flags & kFrameTracebackCut) {
      total += f.line;
      break;
    }
    bool node = f.flags & kFrameTracebackNode;
    for (uint32_t s = node ? f.head : id; s; s = frame(s).parent, ++total)
      if (written < max)
        frames[written++] = s;
    id = node ? f.parent : 0;
  }
  *total_nframe = total;
  return written;
}

bool is_tracing() { return relaxed_load(g_tracing); }

void start_tracing() { relaxed_store(g_tracing, true); }

void stop_tracing() {
  relaxed_store(g_tracing, false);
  clear_traces();
}

void clear_traces() {
  ThreadShard *self = current_shard();
  if (!self)
    return;
  {
    TracePause pause;
    for_each_live_slot([&](uint32_t slot, uintptr_t address) {
      BlockHeader *h = header_of(reinterpret_cast<void *>(address));
      count_free(self, h->trace, h->size());
      if (relaxed_load(g_slot_untraced)) {
        // The leak check still lists it, as an untraced block.
        relaxed_store(slot_entry(slot), address | kUntracedSlotMark);
        h->trace = 0;
        return;
      }
      free_slot(self->slots, slot);
      h->set_untraced();
    });
  }
  pointer_map_clear(uncount_map_entry, self);
  reset_traced_peak();
}

void set_traceback_limit(int limit) {
  if (limit < 1 || limit > kMaxTracebackLimit)
    return;
  relaxed_store(g_traceback_limit, limit);
}

int track_block(uint32_t domain, uintptr_t address, size_t size,
                uint32_t traceback) {
  if (!is_tracing())
    return -2;
  ThreadShard *s = current_shard();
  MapEntry e = {address, size, traceback, domain}, replaced;
  if (!s || !traceback || !pointer_map_insert(e, &replaced))
    return -1;
  if (replaced.address && replaced.trace)
    count_free(s, replaced.trace, replaced.size);
  count_alloc(s, traceback, size);
  return 0;
}

int untrack_block(uint32_t domain, uintptr_t address) {
  if (!is_tracing())
    return -2;
  MapEntry removed;
  ThreadShard *s = current_shard();
  if (pointer_map_remove(domain, address, &removed) && s && removed.trace)
    count_free(s, removed.trace, removed.size);
  return 0;
}

} // namespace rt
} // namespace tracealloc
