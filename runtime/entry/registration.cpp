//===- registration.cpp - Instrumented modules announce their sites -------===//
#include "core/site_table.h"

// Named by TRACEALLOC_REGISTER_SITES_NAME, which carries the ABI version: a
// module built for another ABI fails to link or load against this runtime.
extern "C" __attribute__((visibility("default"))) void
tracealloc_register_sites(const __tracealloc_site *begin,
                          const __tracealloc_site *end)
    __asm__(TRACEALLOC_REGISTER_SITES_NAME);

void tracealloc_register_sites(const __tracealloc_site *begin,
                               const __tracealloc_site *end) {
  tracealloc::rt::register_sites(begin, end);
}
