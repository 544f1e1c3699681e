//===- cxx_entry_points.cpp - What instrumented new and delete become -----===//
//
// An entry calls the program's own operator (libstdc++'s, or the program's
// replacement), so new_handler, bad_alloc, nothrow and alignment behave
// exactly as without TraceAlloc. The block is charged to the line of the
// new-expression through tls_outer (see tracing_state.h). When the
// operators are the C++ library's, an entry first does what the library's
// operator would do itself, and calls it only when that fails.
//
//===----------------------------------------------------------------------===//
#include "core/heap.h"
#include "core/spin_lock.h"

#include <dlfcn.h>
#include <new>
#include <string.h>

// This file is built with -fexceptions: a bad_alloc from the program's
// operator new unwinds through an entry, whose cleanup must clear
// tls_outer. The cleanup needs libstdc++'s personality routine; a C
// program has none and never calls these entries, so the reference is weak
// and the runtime does not depend on libstdc++.
__asm__(".weak __gxx_personality_v0");

using namespace tracealloc::rt;
using Site = __tracealloc_site;
using std::align_val_t;
using std::nothrow_t;

// TA_OPERATOR(SYMBOL, RETURN, PARAMETERS, ARGUMENTS): the replaceable global
// operators, as the program calls them.
#define TA_NEW_OPERATORS(TA_OPERATOR)                                          \
  TA_OPERATOR(_Znwm, void *, (size_t size), (size))                            \
  TA_OPERATOR(_ZnwmRKSt9nothrow_t, void *,                                     \
              (size_t size, const nothrow_t &nt), (size, nt))                  \
  TA_OPERATOR(_ZnwmSt11align_val_t, void *, (size_t size, align_val_t al),     \
              (size, al))                                                      \
  TA_OPERATOR(_ZnwmSt11align_val_tRKSt9nothrow_t, void *,                      \
              (size_t size, align_val_t al, const nothrow_t &nt),              \
              (size, al, nt))                                                  \
  TA_OPERATOR(_Znam, void *, (size_t size), (size))                            \
  TA_OPERATOR(_ZnamRKSt9nothrow_t, void *,                                     \
              (size_t size, const nothrow_t &nt), (size, nt))                  \
  TA_OPERATOR(_ZnamSt11align_val_t, void *, (size_t size, align_val_t al),     \
              (size, al))                                                      \
  TA_OPERATOR(_ZnamSt11align_val_tRKSt9nothrow_t, void *,                      \
              (size_t size, align_val_t al, const nothrow_t &nt),              \
              (size, al, nt))
#define TA_DELETE_OPERATORS(TA_OPERATOR)                                       \
  TA_OPERATOR(_ZdlPv, void, (void *p), (p))                                    \
  TA_OPERATOR(_ZdlPvm, void, (void *p, size_t n), (p, n))                      \
  TA_OPERATOR(_ZdlPvRKSt9nothrow_t, void, (void *p, const nothrow_t &nt),      \
              (p, nt))                                                         \
  TA_OPERATOR(_ZdlPvSt11align_val_t, void, (void *p, align_val_t al), (p, al)) \
  TA_OPERATOR(_ZdlPvmSt11align_val_t, void,                                    \
              (void *p, size_t n, align_val_t al), (p, n, al))                 \
  TA_OPERATOR(_ZdlPvSt11align_val_tRKSt9nothrow_t, void,                       \
              (void *p, align_val_t al, const nothrow_t &nt), (p, al, nt))     \
  TA_OPERATOR(_ZdaPv, void, (void *p), (p))                                    \
  TA_OPERATOR(_ZdaPvm, void, (void *p, size_t n), (p, n))                      \
  TA_OPERATOR(_ZdaPvRKSt9nothrow_t, void, (void *p, const nothrow_t &nt),      \
              (p, nt))                                                         \
  TA_OPERATOR(_ZdaPvSt11align_val_t, void, (void *p, align_val_t al), (p, al)) \
  TA_OPERATOR(_ZdaPvmSt11align_val_t, void,                                    \
              (void *p, size_t n, align_val_t al), (p, n, al))                 \
  TA_OPERATOR(_ZdaPvSt11align_val_tRKSt9nothrow_t, void,                       \
              (void *p, align_val_t al, const nothrow_t &nt), (p, al, nt))

namespace {

// The program's operators, found with dlsym on first use rather than bound
// as weak references when the runtime is loaded: a C program that later
// dlopens an instrumented C++ library only has libstdc++ from then on.
struct ProgramOperators {
#define TA_POINTER(SYMBOL, RETURN, PARAMETERS, ARGUMENTS)                      \
  RETURN(*SYMBOL) PARAMETERS;
  TA_NEW_OPERATORS(TA_POINTER)
  TA_DELETE_OPERATORS(TA_POINTER)
#undef TA_POINTER
  // All of them are the C++ library's: none is the program's replacement.
  bool from_library;
};

ProgramOperators g_operators;
bool g_operators_ready;
SpinLock g_operators_lock;

bool defined_by_cxx_library(void *fn) {
  Dl_info info;
  if (!dladdr(fn, &info) || !info.dli_fname)
    return false;
  const char *name = strrchr(info.dli_fname, '/');
  name = name ? name + 1 : info.dli_fname;
  return strncmp(name, "libstdc++.so", 12) == 0 ||
         strncmp(name, "libc++.so", 9) == 0;
}

// Where the operators are: the global scope, unless the C++ library came
// in only as the dependency of a library dlopen'ed without RTLD_GLOBAL.
void *operator_scope() {
  if (dlsym(RTLD_DEFAULT, "_Znwm"))
    return RTLD_DEFAULT;
  static const char *const kLibraries[] = {"libstdc++.so.6", "libc++.so.1"};
  for (const char *library : kLibraries)
    if (void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD))
      return handle;
  return RTLD_DEFAULT;
}

TA_NOINLINE const ProgramOperators &resolve_program_operators() {
  LockGuard guard(g_operators_lock);
  if (!g_operators_ready) {
    void *scope = operator_scope();
    bool from_library = true;
#define TA_RESOLVE(SYMBOL, RETURN, PARAMETERS, ARGUMENTS)                      \
  g_operators.SYMBOL =                                                         \
      reinterpret_cast<RETURN(*) PARAMETERS>(dlsym(scope, #SYMBOL));          \
  from_library = from_library &&                                               \
                 defined_by_cxx_library(                                       \
                     reinterpret_cast<void *>(g_operators.SYMBOL));
    TA_NEW_OPERATORS(TA_RESOLVE)
    TA_DELETE_OPERATORS(TA_RESOLVE)
#undef TA_RESOLVE
    g_operators.from_library = from_library;
    __atomic_store_n(&g_operators_ready, true, __ATOMIC_RELEASE);
  }
  return g_operators;
}

TA_ALWAYS_INLINE const ProgramOperators &program_operators() {
  if (TA_LIKELY(__atomic_load_n(&g_operators_ready, __ATOMIC_ACQUIRE)))
    return g_operators;
  return resolve_program_operators();
}

// When the operators are the library's and blocks carry headers, an entry
// may do what libstdc++'s operator does (malloc, or aligned_alloc, then
// free) itself, one call shorter. Anything else, including a failed first
// attempt (new_handler, bad_alloc), goes to the program's operator.
TA_ALWAYS_INLINE bool library_operators_in_header_mode() {
  return header_mode() && program_operators().from_library;
}

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

// What libstdc++'s operators do first: malloc, or aligned_alloc for an
// aligned new. Null when that first attempt fails, or for a zero-byte
// request (libstdc++ makes it one byte; the program's operator does that).
TA_ALWAYS_INLINE void *library_new(uint32_t trace, size_t size) {
  return size ? header_malloc(size, trace) : nullptr;
}
TA_ALWAYS_INLINE void *library_new(uint32_t trace, size_t size,
                                   const nothrow_t &) {
  return library_new(trace, size);
}
TA_ALWAYS_INLINE void *library_new(uint32_t trace, size_t size,
                                   align_val_t al) {
  return size ? traced_memalign(static_cast<size_t>(al), size, trace)
              : nullptr;
}
TA_ALWAYS_INLINE void *library_new(uint32_t trace, size_t size,
                                   align_val_t al, const nothrow_t &) {
  return library_new(trace, size, al);
}

} // namespace

#define TA_WITH_SITE(...) (__VA_ARGS__, const Site *site)
#define TA_UNPAREN(...) __VA_ARGS__

// libstdc++'s delete operators all end in free().
#define TA_NEW_ENTRY(SYMBOL, RETURN, PARAMETERS, ARGUMENTS)                    \
  TA_EXPORT void *__tracealloc_##SYMBOL TA_WITH_SITE PARAMETERS {              \
    if (library_operators_in_header_mode()) {                                  \
      if (void *p = library_new(trace_for(site, size), TA_UNPAREN ARGUMENTS))  \
        return p;                                                              \
    }                                                                          \
    return charged_new(site, size,                                             \
                       [&] { return program_operators().SYMBOL ARGUMENTS; }); \
  }
#define TA_DELETE_ENTRY(SYMBOL, RETURN, PARAMETERS, ARGUMENTS)                 \
  TA_EXPORT void __tracealloc_##SYMBOL TA_WITH_SITE PARAMETERS {               \
    if (library_operators_in_header_mode())                                    \
      return header_free(p);                                                   \
    before_delete(p);                                                          \
    program_operators().SYMBOL ARGUMENTS;                                      \
  }
TA_NEW_OPERATORS(TA_NEW_ENTRY)
TA_DELETE_OPERATORS(TA_DELETE_ENTRY)
