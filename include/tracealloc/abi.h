/*===- abi.h - The contract between the TraceAlloc pass and runtime -------===*
 *
 * Everything instrumented code and the runtime must agree on is defined here
 * once: the ABI version, the layout of a site record, the section that holds
 * the records, the registration entry point and the entry-point prefix. The
 * plugin (C++) and the runtime (C++) both include this file; so may tools.
 *
 * Changing anything below changes the ABI: bump TRACEALLOC_ABI_VERSION. The
 * version is part of the registration symbol's name, so an object compiled
 * for another ABI fails to link (or to load) against this runtime, naming the
 * version it wanted.
 *===----------------------------------------------------------------------===*/
#ifndef TRACEALLOC_ABI_H
#define TRACEALLOC_ABI_H

#include <stdint.h>

#define TRACEALLOC_ABI_VERSION 2

#define TRACEALLOC_STRINGIFY_(x) #x
#define TRACEALLOC_STRINGIFY(x) TRACEALLOC_STRINGIFY_(x)

/* Prefix of the runtime entry point that replaces SYMBOL. */
#define TRACEALLOC_ENTRY_PREFIX "__tracealloc_"

/* Writable section holding every site record of a link unit. */
#define TRACEALLOC_SITES_SECTION "__tracealloc_sites"

/* void REGISTER(const __tracealloc_site *begin, const __tracealloc_site *end)
 * Called by each instrumented module's constructor with its link unit's
 * section bounds. Versioned by name: see above. */
#define TRACEALLOC_REGISTER_SITES_NAME                                         \
  "__tracealloc_register_sites_v" TRACEALLOC_STRINGIFY(TRACEALLOC_ABI_VERSION)

/* Priority of the module constructor: before ordinary static constructors,
 * so that sites are known before user code runs (sanitizers use 1 too). */
#define TRACEALLOC_MODULE_CTOR_PRIORITY 1
#define TRACEALLOC_MODULE_CTOR_NAME "tracealloc.module_ctor"

/* __tracealloc_site.flags */
enum {
  /* The record is an allocation call (not only a frame of an inline chain). */
  TRACEALLOC_SITE_ALLOCATION = 1u << 0,
  /* No debug location: line is 0, file is the module's source file. */
  TRACEALLOC_SITE_NO_DEBUG_INFO = 1u << 1,
  /* The allocation function's address was taken here: the site is the
   * line that took it, the call happens elsewhere. */
  TRACEALLOC_SITE_ADDRESS_TAKEN = 1u << 2,
  /* The record is a call that may lead to an allocation: what the shadow
   * stack holds for a frame that is executing this call. */
  TRACEALLOC_SITE_CALL = 1u << 3
};

/* One source location, emitted by the pass as a static record.
 *
 * For an allocation call, the record is the call's own location. When the
 * call was inlined, `inlined_at` points to the record of the call site the
 * enclosing function was inlined into, and so on outwards: the chain is the
 * static part of the traceback, innermost first. */
typedef struct __tracealloc_site {
  /* Runtime-owned: 0 until the runtime assigns the site its dense id. */
  uint32_t id;
  uint32_t flags;
  uint32_t line;
  uint32_t column;
  const char *file;     /* absolute path when the compiler knew the directory */
  const char *function; /* demangled name of the function containing the site */
  const struct __tracealloc_site *inlined_at;
} __tracealloc_site;

#ifdef __cplusplus
static_assert(sizeof(__tracealloc_site) == 16 + 3 * sizeof(void *),
              "the pass emits this exact layout");
#endif

/*===- The call-site shadow stack --------------------------------------===*
 *
 * One per thread, defined by the runtime as an initial-exec TLS variable.
 * It holds the static record of the call each active instrumented frame is
 * executing, so the runtime reads the dynamic part of a traceback without
 * unwinding. The protocol the pass follows, in a function F that makes at
 * least one call that may allocate (a "frame function"; others do nothing):
 *
 *   entry:        d = S.depth;
 *                 slot = &S.frames[d < CAPACITY ? d : CAPACITY];
 *                 *slot = 0; S.depth = d + 1;      (in this order)
 *   each call that may allocate (not the allocation entries, which get their
 *   own record as an argument):
 *                 *slot = &call_site_record; call; *slot = 0;
 *   ret, resume:  S.depth = d;
 *   landing pad, and after a call to a returns_twice function (setjmp):
 *                 S.depth = d + 1; *slot = 0;
 *   musttail call: S.depth = d before it, no slot store.
 *
 * So frames[i] (i < min(depth, CAPACITY)) is the record of the call frame i
 * is executing, or 0 while that frame is between calls. What the runtime
 * may rely on, and how it reads it, is in docs/design.md ("Tracebacks"):
 * a 0 in the innermost position is the allocating frame itself; a 0 further
 * out, or depth beyond CAPACITY, means the frames cannot be known there,
 * and the traceback is cut (total_nframe still counts them).
 *===----------------------------------------------------------------------===*/

#define TRACEALLOC_SHADOW_STACK_NAME "__tracealloc_shadow_stack"
#define TRACEALLOC_SHADOW_CAPACITY 128

typedef struct __tracealloc_shadow_stack_t {
  /* Active frame functions on this thread; may exceed the capacity. */
  uintptr_t depth;
  /* frames[CAPACITY] takes the stores of frames beyond the capacity and is
   * never read. */
  const __tracealloc_site *frames[TRACEALLOC_SHADOW_CAPACITY + 1];
} __tracealloc_shadow_stack_t;

#ifdef __cplusplus
static_assert(sizeof(__tracealloc_shadow_stack_t) ==
                  (TRACEALLOC_SHADOW_CAPACITY + 2) * sizeof(void *),
              "the pass computes offsets from this layout");
#endif

#endif /* TRACEALLOC_ABI_H */
