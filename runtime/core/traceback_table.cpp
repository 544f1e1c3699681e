//===- traceback_table.cpp - Tracebacks read from the shadow stack ------===//
#include "core/traceback_table.h"
#include "core/internal_alloc.h"
#include "core/live_traces.h"
#include "core/shadow_stack.h"
#include "core/site_table.h"
#include "core/spin_lock.h"

namespace tracealloc {
namespace rt {
namespace {

// A node (head, parent), a cut (count, user), or a node with no parent
// whose line for per-line statistics is `user`'s (head, user).
enum Kind : uint32_t { kNode = 1, kCut = 2, kAttributed = 3 };

// Open addressing over (kind, a, b) -> id. An entry's id is stored last,
// with release, so a reader that sees it sees the key. A full table is
// replaced by one twice its size and never freed (a reader may still be
// probing it), so lookups take no lock; a miss in an old table only sends
// the caller to the locked path, which looks again in the current one.
struct Entry {
  uint32_t kind, a, b, id;
};
struct Table {
  uint32_t mask;
  uint32_t used;
  Entry entries[1];
};

Table *g_table;
SpinLock g_lock;
// Set while this thread interns: a signal handler that allocates on it
// gets the static traceback instead of waiting for the lock it holds.
TA_TLS bool tls_interning;

uint32_t hash_key(uint32_t kind, uint32_t a, uint32_t b) {
  uint64_t h = (uint64_t(a) << 32 | b) * 0x9E3779B97F4A7C15ull;
  h ^= kind * 0xC2B2AE3D27D4EB4Full;
  return uint32_t(h >> 32) ^ uint32_t(h);
}

uint32_t lookup(const Table *t, uint32_t kind, uint32_t a, uint32_t b) {
  for (uint32_t i = hash_key(kind, a, b) & t->mask;; i = (i + 1) & t->mask) {
    const Entry &e = t->entries[i];
    uint32_t id = __atomic_load_n(&e.id, __ATOMIC_ACQUIRE);
    if (!id)
      return 0;
    if (e.kind == kind && e.a == a && e.b == b)
      return id;
  }
}

void insert_locked(Table *t, const Entry &entry) {
  uint32_t i = hash_key(entry.kind, entry.a, entry.b) & t->mask;
  while (t->entries[i].id)
    i = (i + 1) & t->mask;
  Entry &e = t->entries[i];
  e.kind = entry.kind;
  e.a = entry.a;
  e.b = entry.b;
  __atomic_store_n(&e.id, entry.id, __ATOMIC_RELEASE);
  ++t->used;
}

size_t table_bytes(uint32_t capacity) {
  return sizeof(Table) + (capacity - 1) * sizeof(Entry);
}

// A table with room for one more entry, at most half full; null when out of
// memory.
Table *table_with_room_locked() {
  Table *t = g_table;
  if (t && (t->used + 1) * 2 <= t->mask + 1)
    return t;
  uint32_t capacity = t ? 2 * (t->mask + 1) : 4096;
  auto *bigger = static_cast<Table *>(internal_alloc(table_bytes(capacity)));
  if (!bigger)
    return nullptr;
  __builtin_memset(bigger, 0, table_bytes(capacity));
  bigger->mask = capacity - 1;
  if (t)
    for (uint32_t i = 0; i <= t->mask; ++i)
      if (t->entries[i].id)
        insert_locked(bigger, t->entries[i]);
  __atomic_store_n(&g_table, bigger, __ATOMIC_RELEASE);
  return bigger;
}

// The id of the node or cut (a, b) of `kind`; 0 when it cannot be made now
// (out of memory, or re-entered from a signal handler).
uint32_t intern(Kind kind, uint32_t a, uint32_t b) {
  if (const Table *t = __atomic_load_n(&g_table, __ATOMIC_ACQUIRE))
    if (uint32_t id = lookup(t, kind, a, b))
      return id;
  if (tls_interning)
    return 0;
  tls_interning = true;
  uint32_t id = 0;
  {
    LockGuard guard(g_lock);
    if (g_table)
      id = lookup(g_table, kind, a, b);
    Table *t = id ? nullptr : table_with_room_locked();
    if (t) {
      id = kind == kNode         ? append_traceback_node(a, b, 0)
           : kind == kAttributed ? append_traceback_node(a, 0, b)
                                 : append_traceback_cut(a, b);
      if (id)
        insert_locked(t, {kind, a, b, id});
    }
  }
  tls_interning = false;
  return id;
}

uint32_t chain_length(uint32_t id) {
  uint32_t n = 0;
  for (; id; id = frame(id).parent)
    ++n;
  return n;
}

// At one frame, the stack is read only to find the user's line for a site
// whose own line is in a system header: the traceback is the site's static
// one, and so is its total_nframe. The site's memo usually knows the node
// for (site, that line), so this is a few loads.
uint32_t attributed_trace(uint32_t site, intptr_t top) {
  auto &stack = shadow_stack();
  for (intptr_t j = top; j >= 0; --j) {
    const __tracealloc_site *call =
        __atomic_load_n(&stack.frames[j], __ATOMIC_RELAXED);
    uint32_t id = call ? site_id(call) : 0;
    if (!id)
      break;
    if (!attributed_to_user(id))
      continue;
    uint32_t user = frame(id).attributed;
    uint64_t &memo = frame_memo(site);
    uint64_t seen = __atomic_load_n(&memo, __ATOMIC_RELAXED);
    if (uint32_t(seen >> 32) == user)
      return uint32_t(seen);
    uint32_t node = intern(kAttributed, site, user);
    if (!node)
      return site;
    __atomic_store_n(&memo, uint64_t(user) << 32 | node, __ATOMIC_RELAXED);
    return node;
  }
  return site;
}

// The traceback of an allocation charged to frame `site`, whose callers
// are the shadow stack's slots `top` down to 0 (top < 0: none readable),
// with `unread` more frames known to exist beyond them.
//
// Slots are read innermost first while the traceback has fewer than the
// limit's frames; a 0 slot (a frame between calls, or that a longjmp or an
// exception left) cuts it there. If the site's line is in a system header,
// reading goes on, without keeping frames, to the first slot whose line is
// the user's: what per-line statistics charge.
TA_NOINLINE uint32_t build_trace(uint32_t site, intptr_t top, uint64_t unread) {
  auto &stack = shadow_stack();
  uint32_t limit = uint32_t(traceback_limit());
  if (limit == 1)
    return attributed_trace(site, top);
  uint32_t kept[kMaxTracebackLimit];
  uint32_t num_kept = 0, frames = chain_length(site), user = 0;
  bool searching = !attributed_to_user(site);
  intptr_t next_unkept = top; // the outermost slot not kept yet
  for (intptr_t j = top; j >= 0 && (frames < limit || searching); --j) {
    const __tracealloc_site *call =
        __atomic_load_n(&stack.frames[j], __ATOMIC_RELAXED);
    uint32_t id = call ? site_id(call) : 0;
    if (!id)
      break;
    if (frames < limit) {
      kept[num_kept++] = id;
      frames += chain_length(id);
      next_unkept = j - 1;
      if (searching && attributed_to_user(id))
        searching = false;
    } else if (attributed_to_user(id)) {
      user = frame(id).attributed;
      searching = false;
    }
  }
  uint64_t remaining = uint64_t(next_unkept + 1) + unread;
  if (remaining > UINT32_MAX)
    remaining = UINT32_MAX;
  uint32_t node = 0;
  if (remaining || user) {
    node = intern(kCut, uint32_t(remaining), user);
    if (!node)
      return site;
  }
  for (uint32_t k = num_kept; k-- > 0;) {
    node = intern(kNode, kept[k], node);
    if (!node)
      return site;
  }
  if (!node)
    return site;
  node = intern(kNode, site, node);
  return node ? node : site;
}

} // namespace

uint32_t dynamic_site_trace(const __tracealloc_site *site) {
  uint32_t id = site_id(site);
  bool one_frame = traceback_limit() == 1;
  if (!id || (one_frame && !site_is_dynamic(site)))
    return id;
  auto &stack = shadow_stack();
  uintptr_t depth = __atomic_load_n(&stack.depth, __ATOMIC_RELAXED);
  if (depth > kShadowCapacity)
    return one_frame ? id : build_trace(id, -1, depth - 1);
  intptr_t top = intptr_t(depth) - 1;
  // A 0 in the innermost slot is the allocating frame itself (a frame
  // function between calls); otherwise the allocating function pushed no
  // frame and the slot is its caller's call.
  if (top >= 0 && !__atomic_load_n(&stack.frames[top], __ATOMIC_RELAXED))
    --top;
  return one_frame ? attributed_trace(id, top) : build_trace(id, top, 0);
}

uint32_t library_call_trace(const __tracealloc_site *call, uintptr_t depth) {
  uint32_t id = site_id(call);
  if (!id)
    return 0;
  if (traceback_limit() == 1)
    return attributed_to_user(id) ? id
                                  : attributed_trace(id, intptr_t(depth) - 2);
  return build_trace(id, intptr_t(depth) - 2, 0);
}

void traceback_table_lock_for_fork() { g_lock.lock(); }
void traceback_table_unlock_after_fork() { g_lock.unlock(); }

} // namespace rt
} // namespace tracealloc
