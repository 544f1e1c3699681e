//===- shadow_stack.cpp - The call-site shadow stack's definition ---------===//
#include "core/shadow_stack.h"

__thread __attribute__((tls_model("initial-exec"), visibility("default")))
__tracealloc_shadow_stack_t __tracealloc_shadow_stack;
