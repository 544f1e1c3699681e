//===- site_table.cpp - The runtime's table of source locations -----------===//
#include "core/site_table.h"
#include "core/internal_alloc.h"
#include "core/options.h"
#include "core/spin_lock.h"
#include "core/user_attribution.h"

#include <string.h>

namespace tracealloc {
namespace rt {

Frame *g_frame_chunks[kMaxFrameChunks];

namespace {

constexpr uint32_t kChunkShift = kFrameChunkShift;
constexpr uint32_t kChunkSize = kFrameChunkSize;
constexpr uint32_t kMaxChunks = kMaxFrameChunks;

SpinLock g_lock;
uint32_t g_count; // published with release after the frame is written

// Interned strings: open addressing over string pointers.
const char **g_strings;
size_t g_strings_cap;
size_t g_strings_used;

// Module ranges already registered (each module's constructor registers its
// link unit's whole section, so the same range comes once per object file).
struct Range {
  const __tracealloc_site *begin;
  const __tracealloc_site *end;
};
Range *g_ranges;
size_t g_ranges_used, g_ranges_cap;

uint64_t hash_string(const char *s) {
  uint64_t h = 1469598103934665603ull; // FNV-1a
  for (; *s; ++s)
    h = (h ^ static_cast<unsigned char>(*s)) * 1099511628211ull;
  return h;
}

const char *intern_string_locked(const char *s) {
  if (!s)
    s = "";
  if ((g_strings_used + 1) * 2 > g_strings_cap) {
    size_t cap = g_strings_cap ? g_strings_cap * 2 : 1024;
    auto **table =
        static_cast<const char **>(internal_alloc(cap * sizeof(char *)));
    if (!table)
      return "<out of memory>";
    for (size_t i = 0; i < g_strings_cap; ++i) {
      if (const char *old = g_strings[i]) {
        size_t j = hash_string(old) & (cap - 1);
        while (table[j])
          j = (j + 1) & (cap - 1);
        table[j] = old;
      }
    }
    internal_free(g_strings, g_strings_cap * sizeof(char *));
    g_strings = table;
    g_strings_cap = cap;
  }
  size_t i = hash_string(s) & (g_strings_cap - 1);
  for (; g_strings[i]; i = (i + 1) & (g_strings_cap - 1))
    if (strcmp(g_strings[i], s) == 0)
      return g_strings[i];
  size_t len = strlen(s) + 1;
  char *copy = static_cast<char *>(internal_alloc(len));
  if (!copy)
    return "<out of memory>";
  memcpy(copy, s, len);
  g_strings[i] = copy;
  ++g_strings_used;
  return copy;
}

bool allocator_frame(const Frame &f) {
  return is_allocator_frame(f.file, f.function);
}

// Parents get their ids before their children (and a traceback node after
// its head and parent), so their answers are ready: each is either outside
// system headers, or every frame it stands for is in.
uint32_t attributed_locked(const Frame &f, uint32_t id) {
  if (f.flags & kFrameTracebackCut)
    return g_options.attribute_to_user ? f.user : 0;
  if (f.flags & kFrameTracebackNode) {
    uint32_t inner = frame(f.head).attributed;
    if (!g_options.attribute_to_user || !allocator_frame(frame(inner)))
      return inner;
    uint32_t outer = f.parent ? frame(f.parent).attributed : f.user;
    return outer && !allocator_frame(frame(outer)) ? outer : inner;
  }
  if (!g_options.attribute_to_user || !allocator_frame(f) || !f.parent)
    return id;
  uint32_t up = frame(f.parent).attributed;
  return allocator_frame(frame(up)) ? id : up;
}

// Whether allocations at frame `id` must read the shadow stack.
bool dynamic_locked(uint32_t id) { return !attributed_to_user(id); }

// Computes f.attributed and kFrameSystemAttributed.
void attribute_locked(Frame &f, uint32_t id) {
  uint32_t attributed = attributed_locked(f, id);
  bool system = g_options.attribute_to_user && attributed &&
                allocator_frame(attributed == id ? f : frame(attributed));
  __atomic_store_n(&f.attributed, attributed, __ATOMIC_RELAXED);
  __atomic_store_n(&f.flags,
                   system ? f.flags | kFrameSystemAttributed
                          : f.flags & ~kFrameSystemAttributed,
                   __ATOMIC_RELAXED);
}

void store_site_word_locked(const __tracealloc_site *site, uint32_t id) {
  uint32_t word = id && dynamic_locked(id) ? id | kSiteIdDynamic : id;
  // The record lives in the instrumented module's writable section.
  __atomic_store_n(const_cast<uint32_t *>(&site->id), word, __ATOMIC_RELEASE);
}

uint32_t append_frame_locked(Frame f) {
  uint32_t id = g_count + 1;
  uint32_t chunk = id >> kChunkShift;
  if (chunk >= kMaxChunks)
    return 0;
  if (!g_frame_chunks[chunk]) {
    auto *c = static_cast<Frame *>(internal_alloc(kChunkSize * sizeof(Frame)));
    if (!c)
      return 0;
    __atomic_store_n(&g_frame_chunks[chunk], c, __ATOMIC_RELEASE);
  }
  attribute_locked(f, id);
  g_frame_chunks[chunk][id & (kChunkSize - 1)] = f;
  __atomic_store_n(&g_count, id, __ATOMIC_RELEASE);
  return id;
}

uint32_t assign_locked(const __tracealloc_site *site) {
  if (uint32_t id = __atomic_load_n(&site->id, __ATOMIC_RELAXED) &
                    ~kSiteIdDynamic)
    return id;
  Frame f;
  f.file = intern_string_locked(site->file);
  f.function = intern_string_locked(site->function);
  f.line = site->line;
  f.column = site->column;
  f.flags = site->flags;
  f.parent = site->inlined_at ? assign_locked(site->inlined_at) : 0;
  f.head = 0;
  f.user = 0;
  f.memo = 0;
  uint32_t id = append_frame_locked(f);
  store_site_word_locked(site, id);
  return id;
}

void refresh_dynamic_locked() {
  for (size_t i = 0; i < g_ranges_used; ++i)
    for (const __tracealloc_site *s = g_ranges[i].begin; s < g_ranges[i].end;
         ++s)
      store_site_word_locked(s, s->id & ~kSiteIdDynamic);
}

} // namespace

uint32_t assign_site_id_slow(const __tracealloc_site *site) {
  LockGuard guard(g_lock);
  return assign_locked(site);
}

uint32_t frame_count() { return __atomic_load_n(&g_count, __ATOMIC_ACQUIRE); }

uint32_t intern_frame(const char *file, const char *function, uint32_t line,
                      uint32_t flags) {
  LockGuard guard(g_lock);
  Frame f = {intern_string_locked(file), intern_string_locked(function), line,
             0, flags, 0, 0, 0, 0, 0};
  return append_frame_locked(f);
}

uint32_t append_traceback_node(uint32_t head, uint32_t parent, uint32_t user) {
  LockGuard guard(g_lock);
  Frame f = frame(head);
  f.flags = (f.flags & ~kFrameSystemAttributed) | kFrameTracebackNode;
  f.parent = parent;
  f.head = head;
  f.user = user;
  f.memo = 0;
  return append_frame_locked(f);
}

uint32_t append_traceback_cut(uint32_t count, uint32_t user) {
  LockGuard guard(g_lock);
  Frame f = {"", "", count, 0, kFrameTracebackCut, 0, 0, 0, user, 0};
  return append_frame_locked(f);
}


void attribute_frames() {
  LockGuard guard(g_lock);
  uint32_t count = frame_count();
  for (uint32_t id = 1; id <= count; ++id) {
    Frame &f = g_frame_chunks[id >> kChunkShift][id & (kChunkSize - 1)];
    attribute_locked(f, id);
  }
  // Before main: no module can have been dlclose'd yet.
  refresh_dynamic_locked();
}

void register_sites(const __tracealloc_site *begin,
                    const __tracealloc_site *end) {
  if (!begin || begin >= end)
    return;
  LockGuard guard(g_lock);
  for (size_t i = 0; i < g_ranges_used; ++i)
    if (g_ranges[i].begin == begin)
      return;
  if (g_ranges_used == g_ranges_cap) {
    size_t cap = g_ranges_cap ? 2 * g_ranges_cap : 16;
    auto *r = static_cast<Range *>(internal_realloc(
        g_ranges, g_ranges_cap * sizeof(Range), cap * sizeof(Range)));
    if (!r)
      return;
    g_ranges = r;
    g_ranges_cap = cap;
  }
  g_ranges[g_ranges_used++] = {begin, end};
  for (const __tracealloc_site *s = begin; s < end; ++s)
    assign_locked(s);
  // A site given its id before its module registered (its first allocation
  // came first) was flagged then; the options may have changed since.
  for (const __tracealloc_site *s = begin; s < end; ++s)
    store_site_word_locked(s, s->id & ~kSiteIdDynamic);
}

void site_table_lock_for_fork() { g_lock.lock(); }
void site_table_unlock_after_fork() { g_lock.unlock(); }

} // namespace rt
} // namespace tracealloc
