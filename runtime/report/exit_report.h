//===- exit_report.h - The per-line report an instrumented program prints -===//
#ifndef TRACEALLOC_RUNTIME_EXIT_REPORT_H
#define TRACEALLOC_RUNTIME_EXIT_REPORT_H

namespace tracealloc {
namespace rt {

// Writes the report where the options say (stderr by default). Runs from
// atexit, so on return from main or exit(), not on _exit or a crash.
void write_exit_report();

} // namespace rt
} // namespace tracealloc

#endif
