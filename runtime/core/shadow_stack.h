//===- shadow_stack.h - The call-site shadow stack, read by the runtime --===//
//
// Instrumented frame functions push and pop themselves here and store the
// record of the call they are making (the protocol is in abi.h). The
// runtime only reads it, on its own thread, at an allocation: a signal
// handler sees the interrupted frames' slots, which the protocol keeps
// either 0 or the record of a call the frame is making.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_SHADOW_STACK_H
#define TRACEALLOC_RUNTIME_SHADOW_STACK_H

#include "core/common.h"
#include "tracealloc/abi.h"

// Exported: instrumented code addresses it by name (initial-exec, so each
// access is one %fs-relative instruction). Zero-initialised, so every
// thread starts with an empty stack.
extern "C" __thread __attribute__((tls_model("initial-exec")))
__tracealloc_shadow_stack_t __tracealloc_shadow_stack;

namespace tracealloc {
namespace rt {

constexpr uint32_t kShadowCapacity = TRACEALLOC_SHADOW_CAPACITY;

TA_ALWAYS_INLINE __tracealloc_shadow_stack_t &shadow_stack() {
  return __tracealloc_shadow_stack;
}

// The record of the call the innermost known frame is making, for an
// allocation reached from uninstrumented code (malloc called by libc or a
// prebuilt library); null when no frame is known to be in a call. `depth`
// gets the stack's depth, which the caller's traceback reads on from.
TA_ALWAYS_INLINE const __tracealloc_site *innermost_call(uintptr_t &depth) {
  depth = __atomic_load_n(&shadow_stack().depth, __ATOMIC_RELAXED);
  if (depth == 0 || depth > kShadowCapacity)
    return nullptr;
  return __atomic_load_n(&shadow_stack().frames[depth - 1], __ATOMIC_RELAXED);
}

} // namespace rt
} // namespace tracealloc

#endif
