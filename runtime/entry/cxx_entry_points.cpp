//===- cxx_entry_points.cpp - What instrumented new and delete become -----===//
//
// An entry calls the program's own operator (libstdc++'s, or the program's
// replacement), so new_handler, bad_alloc, nothrow and alignment behave
// exactly as without TraceAlloc. The block is charged to the line of the
// new-expression through tls_outer (see tracing_state.h).
//
//===----------------------------------------------------------------------===//
#include "core/heap.h"

#include <new>

// This file is built with -fexceptions: a bad_alloc from the program's
// operator new unwinds through an entry, whose cleanup must clear
// tls_outer. The cleanup needs libstdc++'s personality routine; a C
// program has none and never calls these entries, so the reference is weak
// and the runtime does not depend on libstdc++.
__asm__(".weak __gxx_personality_v0");

using namespace tracealloc::rt;
using Site = __tracealloc_site;

// The program's operators, by their mangled names. Weak: a C program has
// none, and never calls these entries.
#define TA_PROGRAM_OPERATOR(RET, NAME, SYMBOL, ...)                            \
  extern "C" RET NAME(__VA_ARGS__) __asm__(#SYMBOL) __attribute__((weak));
TA_PROGRAM_OPERATOR(void *, program_Znwm, _Znwm, size_t)
TA_PROGRAM_OPERATOR(void *, program_ZnwmRKSt9nothrow_t, _ZnwmRKSt9nothrow_t,
                    size_t, const std::nothrow_t &)
TA_PROGRAM_OPERATOR(void *, program_ZnwmSt11align_val_t, _ZnwmSt11align_val_t,
                    size_t, std::align_val_t)
TA_PROGRAM_OPERATOR(void *, program_ZnwmSt11align_val_tRKSt9nothrow_t,
                    _ZnwmSt11align_val_tRKSt9nothrow_t, size_t,
                    std::align_val_t, const std::nothrow_t &)
TA_PROGRAM_OPERATOR(void *, program_Znam, _Znam, size_t)
TA_PROGRAM_OPERATOR(void *, program_ZnamRKSt9nothrow_t, _ZnamRKSt9nothrow_t,
                    size_t, const std::nothrow_t &)
TA_PROGRAM_OPERATOR(void *, program_ZnamSt11align_val_t, _ZnamSt11align_val_t,
                    size_t, std::align_val_t)
TA_PROGRAM_OPERATOR(void *, program_ZnamSt11align_val_tRKSt9nothrow_t,
                    _ZnamSt11align_val_tRKSt9nothrow_t, size_t,
                    std::align_val_t, const std::nothrow_t &)
TA_PROGRAM_OPERATOR(void, program_ZdlPv, _ZdlPv, void *)
TA_PROGRAM_OPERATOR(void, program_ZdlPvm, _ZdlPvm, void *, size_t)
TA_PROGRAM_OPERATOR(void, program_ZdlPvRKSt9nothrow_t, _ZdlPvRKSt9nothrow_t,
                    void *, const std::nothrow_t &)
TA_PROGRAM_OPERATOR(void, program_ZdlPvSt11align_val_t, _ZdlPvSt11align_val_t,
                    void *, std::align_val_t)
TA_PROGRAM_OPERATOR(void, program_ZdlPvmSt11align_val_t,
                    _ZdlPvmSt11align_val_t, void *, size_t, std::align_val_t)
TA_PROGRAM_OPERATOR(void, program_ZdlPvSt11align_val_tRKSt9nothrow_t,
                    _ZdlPvSt11align_val_tRKSt9nothrow_t, void *,
                    std::align_val_t, const std::nothrow_t &)
TA_PROGRAM_OPERATOR(void, program_ZdaPv, _ZdaPv, void *)
TA_PROGRAM_OPERATOR(void, program_ZdaPvm, _ZdaPvm, void *, size_t)
TA_PROGRAM_OPERATOR(void, program_ZdaPvRKSt9nothrow_t, _ZdaPvRKSt9nothrow_t,
                    void *, const std::nothrow_t &)
TA_PROGRAM_OPERATOR(void, program_ZdaPvSt11align_val_t, _ZdaPvSt11align_val_t,
                    void *, std::align_val_t)
TA_PROGRAM_OPERATOR(void, program_ZdaPvmSt11align_val_t,
                    _ZdaPvmSt11align_val_t, void *, size_t, std::align_val_t)
TA_PROGRAM_OPERATOR(void, program_ZdaPvSt11align_val_tRKSt9nothrow_t,
                    _ZdaPvSt11align_val_tRKSt9nothrow_t, void *,
                    std::align_val_t, const std::nothrow_t &)
#undef TA_PROGRAM_OPERATOR

namespace {

// Clears the outer trace however the operator returns, exceptions included:
// a stale one would charge the exception object (or any later allocation)
// to the new-expression.
struct OuterChargeScope {
  OuterChargeScope(uint32_t trace, size_t size) { tls_outer = {trace, size}; }
  ~OuterChargeScope() { tls_outer.trace = 0; }
};

// Runs the program's operator new with the block charged to `site`.
template <typename Call>
TA_ALWAYS_INLINE void *charged_new(const Site *site, size_t size, Call call) {
  uint32_t trace = trace_for(site, size);
  void *p;
  bool taken;
  {
    OuterChargeScope scope(trace, size);
    p = call();
    taken = !tls_outer.trace;
  }
  // Nothing we saw took the trace. In Mode::Map the process's malloc is not
  // ours, so record the block here; in Mode::Header the operator got its
  // memory elsewhere (a pool), and the block cannot be traced.
  if (!taken && p && !header_mode())
    map_record(p, size, trace);
  return p;
}

// In Mode::Map the program's delete frees through a malloc we do not see.
TA_ALWAYS_INLINE void before_delete(void *p) {
  if (!header_mode())
    map_forget(p);
}

} // namespace

#define TA_NEW_ENTRY(SYMBOL, PARAMS, ARGS)                                     \
  TA_EXPORT void *__tracealloc_##SYMBOL PARAMS {                               \
    return charged_new(site, size, [&] { return program##SYMBOL ARGS; });      \
  }
#define TA_DELETE_ENTRY(SYMBOL, PARAMS, ARGS)                                  \
  TA_EXPORT void __tracealloc_##SYMBOL PARAMS {                                \
    before_delete(p);                                                          \
    program##SYMBOL ARGS;                                                      \
  }

using std::align_val_t;
using std::nothrow_t;

TA_NEW_ENTRY(_Znwm, (size_t size, const Site *site), (size))
TA_NEW_ENTRY(_ZnwmRKSt9nothrow_t,
             (size_t size, const nothrow_t &nt, const Site *site), (size, nt))
TA_NEW_ENTRY(_ZnwmSt11align_val_t,
             (size_t size, align_val_t al, const Site *site), (size, al))
TA_NEW_ENTRY(_ZnwmSt11align_val_tRKSt9nothrow_t,
             (size_t size, align_val_t al, const nothrow_t &nt,
              const Site *site),
             (size, al, nt))
TA_NEW_ENTRY(_Znam, (size_t size, const Site *site), (size))
TA_NEW_ENTRY(_ZnamRKSt9nothrow_t,
             (size_t size, const nothrow_t &nt, const Site *site), (size, nt))
TA_NEW_ENTRY(_ZnamSt11align_val_t,
             (size_t size, align_val_t al, const Site *site), (size, al))
TA_NEW_ENTRY(_ZnamSt11align_val_tRKSt9nothrow_t,
             (size_t size, align_val_t al, const nothrow_t &nt,
              const Site *site),
             (size, al, nt))

TA_DELETE_ENTRY(_ZdlPv, (void *p, const Site *), (p))
TA_DELETE_ENTRY(_ZdlPvm, (void *p, size_t n, const Site *), (p, n))
TA_DELETE_ENTRY(_ZdlPvRKSt9nothrow_t, (void *p, const nothrow_t &nt, const Site *),
                (p, nt))
TA_DELETE_ENTRY(_ZdlPvSt11align_val_t, (void *p, align_val_t al, const Site *),
                (p, al))
TA_DELETE_ENTRY(_ZdlPvmSt11align_val_t,
                (void *p, size_t n, align_val_t al, const Site *), (p, n, al))
TA_DELETE_ENTRY(_ZdlPvSt11align_val_tRKSt9nothrow_t,
                (void *p, align_val_t al, const nothrow_t &nt, const Site *),
                (p, al, nt))
TA_DELETE_ENTRY(_ZdaPv, (void *p, const Site *), (p))
TA_DELETE_ENTRY(_ZdaPvm, (void *p, size_t n, const Site *), (p, n))
TA_DELETE_ENTRY(_ZdaPvRKSt9nothrow_t, (void *p, const nothrow_t &nt, const Site *),
                (p, nt))
TA_DELETE_ENTRY(_ZdaPvSt11align_val_t, (void *p, align_val_t al, const Site *),
                (p, al))
TA_DELETE_ENTRY(_ZdaPvmSt11align_val_t,
                (void *p, size_t n, align_val_t al, const Site *), (p, n, al))
TA_DELETE_ENTRY(_ZdaPvSt11align_val_tRKSt9nothrow_t,
                (void *p, align_val_t al, const nothrow_t &nt, const Site *),
                (p, al, nt))
