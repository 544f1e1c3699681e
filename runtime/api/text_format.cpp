//===- text_format.cpp - Python's str() of statistics, and source lines ---===//
#include "api/api_error.h"
#include "core/common.h"
#include "report/size_format.h"
#include "report/source_line.h"
#include "tracealloc/tracemalloc.h"

#include <inttypes.h>
#include <stdio.h>

using namespace tracealloc::rt;

namespace {

// snprintf's result as a length (0 for an encoding error).
size_t length_of(int n) { return n < 0 ? 0 : size_t(n); }

// Statistic's ", average=SIZE" suffix, empty when count is 0.
const char *format_average(char *out, size_t out_size, uint64_t size,
                           uint64_t count) {
  out[0] = '\0';
  if (count) {
    char text[64];
    snprintf(
        out, out_size, ", average=%s",
        format_size(text, sizeof text, double(size) / double(count), false));
  }
  return out;
}

// str(Traceback) is str(self[0]): the oldest frame.
const tracealloc_frame &shown_frame(const tracealloc_traceback &tb) {
  static const tracealloc_frame unknown = {"<unknown>", 0, 0, ""};
  return tb.nframe ? tb.frames[0] : unknown;
}

} // namespace

TA_EXPORT size_t tracealloc_format_size(char *buf, size_t buf_size, double size,
                                        int sign) noexcept {
  char text[64];
  format_size(text, sizeof text, size, sign != 0);
  return length_of(snprintf(buf, buf_size, "%s", text));
}

TA_EXPORT size_t tracealloc_format_statistic(
    char *buf, size_t buf_size, const tracealloc_statistic *stat) noexcept {
  const tracealloc_frame &f = shown_frame(stat->traceback);
  char size[64], average[80];
  format_size(size, sizeof size, double(stat->size), false);
  return length_of(snprintf(
      buf, buf_size, "%s:%u: size=%s, count=%zu%s", f.filename, f.lineno, size,
      stat->count,
      format_average(average, sizeof average, stat->size, stat->count)));
}

TA_EXPORT size_t tracealloc_format_statistic_diff(
    char *buf, size_t buf_size,
    const tracealloc_statistic_diff *diff) noexcept {
  const tracealloc_frame &f = shown_frame(diff->traceback);
  char size[64], size_diff[64], average[80];
  format_size(size, sizeof size, double(diff->size), false);
  format_size(size_diff, sizeof size_diff, double(diff->size_diff), true);
  return length_of(snprintf(
      buf, buf_size, "%s:%u: size=%s (%s), count=%zu (%+" PRId64 ")%s",
      f.filename, f.lineno, size, size_diff, diff->count, diff->count_diff,
      format_average(average, sizeof average, diff->size, diff->count)));
}

TA_EXPORT int tracealloc_source_line(const char *filename, unsigned int lineno,
                                     char *buf, size_t buf_size) noexcept {
  return read_source_line(filename, lineno, buf, buf_size);
}
