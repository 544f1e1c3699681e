//===- map_heap.cpp - Allocation when another allocator owns malloc -------===//
#include "core/map_heap.h"
#include "core/header_heap.h"
#include "core/live_traces.h"
#include "core/pointer_map.h"
#include "core/thread_counters.h"
#include "core/tracing_state.h"

#include <dlfcn.h>
#include <string.h>

namespace tracealloc {
namespace rt {
namespace {

struct ProcessAllocator {
  void *(*malloc)(size_t);
  void *(*calloc)(size_t, size_t);
  void *(*realloc)(void *, size_t);
  void (*free)(void *);
  int (*posix_memalign)(void **, size_t, size_t);
};

ProcessAllocator g_process;

template <typename Fn> void resolve(Fn &fn, const char *name) {
  fn = reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, name));
}

const ProcessAllocator &process_allocator() {
  if (!__atomic_load_n(&g_process.free, __ATOMIC_ACQUIRE)) {
    ProcessAllocator p;
    resolve(p.malloc, "malloc");
    resolve(p.calloc, "calloc");
    resolve(p.realloc, "realloc");
    resolve(p.posix_memalign, "posix_memalign");
    resolve(p.free, "free");
    g_process.malloc = p.malloc;
    g_process.calloc = p.calloc;
    g_process.realloc = p.realloc;
    g_process.posix_memalign = p.posix_memalign;
    __atomic_store_n(&g_process.free, p.free, __ATOMIC_RELEASE);
  }
  return g_process;
}

void undo(const MapEntry &e) {
  if (e.address && e.trace)
    if (ThreadShard *s = current_shard())
      count_free(s, e.trace, e.size);
}

void *record(void *p, size_t size, uint32_t trace) {
  if (p && trace && relaxed_load(g_tracing)) {
    ThreadShard *s = current_shard();
    if (!s)
      return p;
    size = take_outer_charge(trace, size);
    MapEntry e = {reinterpret_cast<uintptr_t>(p), size, trace,
                  kDefaultDomain};
    MapEntry replaced;
    if (pointer_map_insert(e, &replaced)) {
      // An entry left for this address means its block was freed by code we
      // do not see; forget it before counting the new one.
      undo(replaced);
      count_alloc(s, trace, size);
    }
  }
  return p;
}

// The mode is settled by the first allocation, whoever makes it.
bool settled_as_header() {
  return g_mode == Mode::Header ||
         (g_mode == Mode::Unknown && decide_mode() == Mode::Header);
}

} // namespace

void *map_malloc(size_t size, uint32_t trace) {
  if (settled_as_header())
    return header_malloc(size, trace);
  return record(process_allocator().malloc(size), size, trace);
}

void *map_calloc(size_t n, size_t elem, uint32_t trace) {
  if (settled_as_header())
    return header_calloc(n, elem, trace);
  return record(process_allocator().calloc(n, elem), n * elem, trace);
}

void *map_memalign(size_t align, size_t size, uint32_t trace) {
  if (settled_as_header())
    return header_memalign_slow(align, size, trace);
  void *p = nullptr;
  int err = process_allocator().posix_memalign(&p, align, size);
  if (err) {
    errno = err;
    return nullptr;
  }
  return record(p, size, trace);
}

void *map_realloc(void *p, size_t size, uint32_t trace) {
  if (settled_as_header())
    return header_realloc(p, size, trace);
  void *q = process_allocator().realloc(p, size);
  if (!q && p && size)
    return nullptr; // failed: p and its trace stay
  MapEntry old;
  bool had_trace = p && pointer_map_remove(kDefaultDomain,
                                           reinterpret_cast<uintptr_t>(p), &old);
  if (had_trace)
    undo(old);
  if (trace == kKeepTrace)
    trace = had_trace ? old.trace : 0;
  return record(q, size, trace);
}

void map_free(void *p) {
  if (settled_as_header())
    return header_free(p);
  if (!p)
    return;
  map_forget(p);
  process_allocator().free(p);
}

void map_record(void *p, size_t size, uint32_t trace) { record(p, size, trace); }

void map_forget(void *p) {
  MapEntry old;
  if (p && pointer_map_remove(kDefaultDomain, reinterpret_cast<uintptr_t>(p),
                              &old))
    undo(old);
}

} // namespace rt
} // namespace tracealloc
