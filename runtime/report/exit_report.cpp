//===- exit_report.cpp - The per-line report an instrumented program prints ===//
//
// The layout follows the tracemalloc documentation's display_top recipe,
// with each line in Statistic's own text:
//
//   #1: /src/app.c:12: size=1000 B, count=10, average=100 B
//       p = malloc(100);
//
//===----------------------------------------------------------------------===//
#include "report/exit_report.h"
#include "core/diagnostics.h"
#include "core/internal_alloc.h"
#include "core/options.h"
#include "core/output_path.h"
#include "core/peak_lines.h"
#include "core/site_table.h"
#include "core/thread_counters.h"
#include "leak/leak_check.h"
#include "report/line_statistics.h"
#include "report/size_format.h"
#include "report/source_line.h"
#include "report/text_writer.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {
namespace {

int open_report_file() {
  const char *pattern = g_options.report_path;
  if (!pattern || !*pattern)
    return 2;
  char path[4096];
  expand_path(pattern, path, sizeof path);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    error("cannot write the report to '%s': %s; writing it to stderr instead",
          path, strerror(errno));
  return fd < 0 ? 2 : fd;
}

// Statistic.__str__; the summary lines ("N other", "Total") omit the average.
void print_statistic(TextWriter &out, const char *label, uint64_t size,
                     uint64_t count, bool with_average) {
  char size_text[32], average_text[32];
  out.print("%s: size=%s, count=%" PRIu64, label,
            format_size(size_text, sizeof size_text, double(size), false),
            count);
  if (with_average && count)
    out.print(", average=%s", format_size(average_text, sizeof average_text,
                                          double(size) / double(count), false));
  out.print("\n");
}

void print_section(TextWriter &out, const char *title,
                   const LineStatistic *lines, size_t num_lines) {
  uint64_t top = g_options.report_top;
  out.print("Top %" PRIu64 " lines by %s:\n", top, title);
  if (num_lines == 0)
    out.print("(none)\n");
  uint64_t total_size = 0, total_count = 0, other_size = 0, other_count = 0;
  for (size_t i = 0; i < num_lines; ++i) {
    const LineStatistic &s = lines[i];
    total_size += s.size;
    total_count += s.count;
    if (i >= top) {
      other_size += s.size;
      other_count += s.count;
      continue;
    }
    char label[4200];
    snprintf(label, sizeof label, "#%zu: %s:%u", i + 1, s.file, s.line);
    print_statistic(out, label, s.size, s.count, true);
    char source[4096];
    if (g_options.report_source &&
        read_source_line(s.file, s.line, source, sizeof source))
      out.print("    %s\n", source);
  }
  if (num_lines > top) {
    char label[32];
    snprintf(label, sizeof label, "%" PRIu64 " other", num_lines - top);
    print_statistic(out, label, other_size, other_count, false);
  }
  print_statistic(out, "Total", total_size, total_count, false);
}

// What each line held at the peak: the counters' copy (peak_lines.h),
// taken again now if memory in use is as high as it was then.
void print_peak_section(TextWriter &out, uint32_t num_sites,
                        LineStatistic *lines) {
  auto *peak = static_cast<PeakLine *>(
      internal_alloc((num_sites + 1) * sizeof(PeakLine)));
  if (!peak) {
    error("out of memory writing the report");
    return;
  }
  refresh_peak_lines();
  uint64_t total, time_ns;
  read_peak_lines(peak, num_sites, &total, &time_ns);
  out.print("\n");
  print_section(out, "memory in use at the peak", lines,
                peak_line_statistics(peak, num_sites, lines));
  internal_free(peak, (num_sites + 1) * sizeof(PeakLine));
}

} // namespace

void write_exit_report() {
  if (!g_options.report)
    return;
  int saved_errno = errno;
  // The program's buffered stdout would otherwise reach a pipe after the
  // report: exit() flushes stdio only after the atexit handlers. Only if
  // nobody holds it: a thread blocked in a write may, and exit must not hang.
  if (ftrylockfile(stdout) == 0) {
    fflush_unlocked(stdout);
    funlockfile(stdout);
  }
  uint32_t num_sites = frame_count();
  auto *totals = static_cast<SiteCounters *>(
      internal_alloc((num_sites + 1) * sizeof(SiteCounters)));
  auto *lines = static_cast<LineStatistic *>(
      internal_alloc((num_sites + 1) * sizeof(LineStatistic)));
  if (!totals || !lines) {
    error("out of memory writing the report");
  } else {
    sum_site_counters(totals, num_sites);
    int fd = open_report_file();
    {
      TextWriter out(fd);
      char current[32], peak[32];
      out.print("TraceAlloc report for %s (pid %d)\n",
                program_invocation_name, static_cast<int>(getpid()));
      out.print("Traced memory: current=%s, peak=%s\n",
                format_size(current, sizeof current, double(traced_current()),
                            false),
                format_size(peak, sizeof peak, double(traced_peak()), false));
      out.print("\n");
      size_t n =
          line_statistics(totals, num_sites, Measure::Allocated, lines);
      print_section(out, "memory allocated over the run", lines, n);
      out.print("\n");
      n = line_statistics(totals, num_sites, Measure::InUse, lines);
      print_section(out, "memory in use at exit", lines, n);
      print_peak_section(out, num_sites, lines);
      write_leak_section(out);
      out.flush();
      if (!out.ok() && fd != 2)
        error("could not write the whole report: %s", strerror(errno));
    }
    if (fd != 2)
      close(fd);
  }
  internal_free(totals, (num_sites + 1) * sizeof(SiteCounters));
  internal_free(lines, (num_sites + 1) * sizeof(LineStatistic));
  errno = saved_errno;
}

} // namespace rt
} // namespace tracealloc
