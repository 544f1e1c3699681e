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
};

uint32_t assign_site_id_slow(const __tracealloc_site *site);

// The site's id; 0 only if the runtime is out of memory.
TA_ALWAYS_INLINE uint32_t site_id(const __tracealloc_site *site) {
  uint32_t id = __atomic_load_n(&site->id, __ATOMIC_ACQUIRE);
  return TA_LIKELY(id) ? id : assign_site_id_slow(site);
}

// Ids run from 1 to frame_count() inclusive.
uint32_t frame_count();
const Frame &frame(uint32_t id);

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
