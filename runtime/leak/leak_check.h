//===- leak_check.h - LeakSanitizer's check at exit, on our live blocks ---===//
//
// With leak_check=1, the exit hook stops the other threads, scans the roots
// (writable segments of every loaded object, thread stacks, registers, TLS)
// and every block reachable from them for aligned words that point into a
// live block, and classifies each live traced block as leaked or still
// reachable. docs/guide-leaks.md describes the behaviour a user sees.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_CHECK_H
#define TRACEALLOC_RUNTIME_LEAK_CHECK_H

#include "core/common.h"

namespace tracealloc {
namespace rt {

// Verdicts of leak_verdict().
constexpr uint8_t kVerdictUnknown = 0;
constexpr uint8_t kVerdictLeaked = 1;
constexpr uint8_t kVerdictReachable = 2;

// The verdict on the live block whose user pointer is `address`: valid after
// run_leak_check() ran (the exit snapshot reads it); kVerdictUnknown before,
// when leak checking is off or skipped, or for an address that was not a
// live block at the check.
uint8_t leak_verdict(uint64_t address);

class TextWriter;

// At startup, once the mode is known: with leak_check=1 in header mode,
// every live block from now on gets a live slot (leak/block_slots.h).
void init_leak_check(bool header_mode);
// At exit, first: stops the other threads, classifies every live block,
// resumes them, and prepares the leak section (printed on stderr at once
// when report=0).
void run_leak_check();
// The leak section, at the end of the exit report.
void write_leak_section(TextWriter &out);
// At exit, last: with leaks found (not suppressed), flushes stdio and ends
// the process with the exitcode option's value.
void finish_leak_check();

} // namespace rt
} // namespace tracealloc

#endif
