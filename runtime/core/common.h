//===- common.h - Attributes and basics shared by the runtime -------------===//
//
// The runtime is C++ without the C++ standard library: it runs inside
// malloc, before main and after exit, so it uses only libc and the compiler.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_COMMON_H
#define TRACEALLOC_RUNTIME_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifndef __has_feature
#define __has_feature(x) 0
#endif

// The ABI entry points and the public API are the only exported symbols.
#define TA_EXPORT extern "C" __attribute__((visibility("default")))
#define TA_LIKELY(x) __builtin_expect(!!(x), 1)
#define TA_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define TA_ALWAYS_INLINE inline __attribute__((always_inline))
#define TA_NOINLINE __attribute__((noinline))
// Initial-exec TLS costs what a global does; the runtime is always loaded at
// startup (it is a DT_NEEDED of every instrumented module), so it may use it.
#define TA_TLS __thread __attribute__((tls_model("initial-exec")))

namespace tracealloc {
namespace rt {

template <typename T> TA_ALWAYS_INLINE T relaxed_load(const T &v) {
  return __atomic_load_n(&v, __ATOMIC_RELAXED);
}
template <typename T> TA_ALWAYS_INLINE void relaxed_store(T &v, T x) {
  __atomic_store_n(&v, x, __ATOMIC_RELAXED);
}

// Adds to a counter that only the calling thread writes and other threads
// only read. A single add instruction without a lock prefix: a signal handler
// that allocates on this thread cannot interleave with it, and it costs what
// a plain add costs.
TA_ALWAYS_INLINE void owner_add(uint64_t &v, uint64_t x) {
#if defined(__x86_64__) && !defined(__SANITIZE_THREAD__) &&                    \
    !__has_feature(thread_sanitizer)
  __asm__("addq %1, %0" : "+m"(v) : "er"(x));
#else
  __atomic_store_n(&v, __atomic_load_n(&v, __ATOMIC_RELAXED) + x,
                   __ATOMIC_RELAXED);
#endif
}

} // namespace rt
} // namespace tracealloc

#endif
