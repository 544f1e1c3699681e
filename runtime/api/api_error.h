//===- api_error.h - The calling thread's last error message --------------===//
//
// tracealloc_last_error(): a failed C API call leaves its reason here, one
// message per thread, so concurrent callers never see each other's.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_API_ERROR_H
#define TRACEALLOC_RUNTIME_API_ERROR_H

namespace tracealloc {
namespace rt {

void set_last_error(const char *format, ...)
    __attribute__((format(printf, 1, 2)));
const char *last_error();

// The common failure of every function that builds something.
void set_out_of_memory();

} // namespace rt
} // namespace tracealloc

#endif
