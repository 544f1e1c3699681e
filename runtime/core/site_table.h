//===- site_table.h - The runtime's table of source locations -------------===//
//
// Every site record the pass emitted gets a dense id the first time the
// runtime sees it (at module registration, or at its first allocation if
// that comes earlier). The runtime copies what the record says into its own
// Frame, so reports stay readable after a library is dlclose'd.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_SITE_TABLE_H
#define TRACEALLOC_RUNTIME_SITE_TABLE_H

#include "core/common.h"
#include "tracealloc/abi.h"

namespace tracealloc {
namespace rt {

struct Frame {
  const char *file;     // interned: equal names are equal pointers
  const char *function; // interned
  uint32_t line;
  uint32_t column;
  uint32_t flags;  // TRACEALLOC_SITE_*
  uint32_t parent; // id of the frame this one was inlined into, 0 if none
  // What per-line statistics charge (core/user_attribution.h): the innermost
  // frame of the chain outside system headers, else this frame's own id.
  uint32_t attributed;
  // Traceback nodes and cuts only (below).
  uint32_t head; // a node's frame whose static chain comes first
  uint32_t user; // the user's frame found beyond the kept frames, or 0
  // For a site at nframe=1 whose line is in a system header: (the user's
  // frame found for it << 32) | the trace interned for that pair, last
  // time (core/traceback_table.cpp). One word, so a signal handler or
  // another thread reads an old pair or a new one, never half of each.
  uint64_t memo;
};

// Runtime-only Frame::flags (the pass uses the low bits). An interned
// traceback (core/traceback_table.h) is a list of nodes in the same id
// space as frames, so counters and reports index it like a site:
// - a node is `head`'s static chain followed by the traceback `parent`
//   (0: nothing more); its file, line and function are head's;
// - a cut ends a traceback whose outer frames are not recorded: `line`
//   more frames are known to exist.
// A node without parent, or a cut, may name in `user` the frame per-line
// statistics charge when every kept frame is in a system header.
constexpr uint32_t kFrameTracebackNode = 1u << 30;
// The frame per-line statistics charge is in a system header (the user's
// line must be looked for in the callers); never set with
// attribute_to_user=0.
constexpr uint32_t kFrameSystemAttributed = 1u << 29;
constexpr uint32_t kFrameTracebackCut = 1u << 31;

// Bit of __tracealloc_site::id meaning "this site's line is in a system
// header: the user's line lies in a caller, on the shadow stack". The
// runtime owns the id word, so the hot path tests "assigned, and needs no
// more" in one compare (trace_for). Computed once per site (when it gets
// its id, and again when the options are read), never afterwards: a
// module's records may be unmapped by dlclose.
constexpr uint32_t kSiteIdDynamic = 1u << 31;

uint32_t assign_site_id_slow(const __tracealloc_site *site);

// Ids run from 1 to frame_count() inclusive.
uint32_t frame_count();

constexpr uint32_t kFrameChunkShift = 12; // 4096 frames per chunk
constexpr uint32_t kFrameChunkSize = 1u << kFrameChunkShift;
constexpr uint32_t kMaxFrameChunks = 4096; // 16 M frames
extern Frame *g_frame_chunks[kMaxFrameChunks];

TA_ALWAYS_INLINE const Frame &frame(uint32_t id) {
  Frame *chunk = __atomic_load_n(&g_frame_chunks[id >> kFrameChunkShift],
                                 __ATOMIC_ACQUIRE);
  return chunk[id & (kFrameChunkSize - 1)];
}

// The site's id; 0 only if the runtime is out of memory.
TA_ALWAYS_INLINE uint32_t site_id(const __tracealloc_site *site) {
  uint32_t id = __atomic_load_n(&site->id, __ATOMIC_ACQUIRE) & ~kSiteIdDynamic;
  return TA_LIKELY(id) ? id : assign_site_id_slow(site);
}

TA_ALWAYS_INLINE uint64_t &frame_memo(uint32_t id) {
  return const_cast<Frame &>(frame(id)).memo;
}

// Whether per-line statistics charge frame `id` to a line of the user's.
TA_ALWAYS_INLINE bool attributed_to_user(uint32_t id) {
  return !(frame(id).flags & kFrameSystemAttributed);
}

// Whether allocations at `site` read the shadow stack (kSiteIdDynamic).
TA_ALWAYS_INLINE bool site_is_dynamic(const __tracealloc_site *site) {
  return __atomic_load_n(&site->id, __ATOMIC_RELAXED) & kSiteIdDynamic;
}

// Appends a traceback node or cut (core/traceback_table.cpp interns them):
// returns its id, 0 when out of memory.
uint32_t append_traceback_node(uint32_t head, uint32_t parent, uint32_t user);
uint32_t append_traceback_cut(uint32_t count, uint32_t user);

// An id for a location that has no record (e.g. a runtime-made frame).
uint32_t intern_frame(const char *file, const char *function, uint32_t line,
                      uint32_t flags);

// Recomputes every frame's `attributed` from the options; the runtime's
// constructor calls it once the options are read.
void attribute_frames();

void register_sites(const __tracealloc_site *begin,
                    const __tracealloc_site *end);

void site_table_lock_for_fork();
void site_table_unlock_after_fork();

} // namespace rt
} // namespace tracealloc

#endif
