//===- leak_report.cpp - The leak section of the exit report --------------===//
#include "leak/leak_report.h"
#include "core/live_traces.h"
#include "core/options.h"
#include "core/site_table.h"
#include "leak/leak_check.h"
#include "leak/scratch_array.h"
#include "report/size_format.h"
#include "report/source_line.h"
#include "report/text_writer.h"

#include <inttypes.h>

namespace tracealloc {
namespace rt {

namespace {

// Heap sort: no allocation, n log n whatever the input.
template <typename T, typename Less> void heap_sort(T *a, size_t n, Less less) {
  auto sift_down = [&](size_t root, size_t end) {
    for (size_t child; (child = 2 * root + 1) < end; root = child) {
      if (child + 1 < end && less(a[child], a[child + 1]))
        ++child;
      if (!less(a[root], a[child]))
        return;
      T t = a[root];
      a[root] = a[child];
      a[child] = t;
    }
  };
  for (size_t i = n / 2; i-- > 0;)
    sift_down(i, n);
  for (size_t end = n; end-- > 1;) {
    T t = a[0];
    a[0] = a[end];
    a[end] = t;
    sift_down(0, end);
  }
}

// Tracebacks compared as they are shown (file, line and function of each
// frame): two sites on one line (two columns) make one traceback, as in
// tracemalloc, where a frame is a file and a line.
int compare_shown(uint32_t x, uint32_t y) {
  uint32_t a[kMaxTracebackLimit], b[kMaxTracebackLimit], total;
  uint32_t na = traceback_frames(x, a, kMaxTracebackLimit, &total);
  uint32_t nb = traceback_frames(y, b, kMaxTracebackLimit, &total);
  for (uint32_t i = 0; i < na && i < nb; ++i) {
    const Frame &f = frame(a[i]), &g = frame(b[i]);
    // Names are interned: equal names are equal pointers.
    if (f.file != g.file)
      return f.file < g.file ? -1 : 1;
    if (f.line != g.line)
      return f.line < g.line ? -1 : 1;
    if (f.function != g.function)
      return f.function < g.function ? -1 : 1;
  }
  return na == nb ? 0 : na < nb ? -1 : 1;
}

// Adds up neighbours for which same(a, b) holds; returns the new count.
template <typename Same>
size_t merge_neighbours(LeakGroup *groups, size_t count, Same same) {
  size_t n = 0;
  for (size_t i = 0; i < count; ++i) {
    if (n && same(groups[n - 1], groups[i])) {
      groups[n - 1].bytes += groups[i].bytes;
      groups[n - 1].count += groups[i].count;
    } else {
      groups[n++] = groups[i];
    }
  }
  return n;
}

const char *blocks_word(uint64_t n) { return n == 1 ? "block" : "blocks"; }

void print_tally(TextWriter &out, const char *label, const Tally &t) {
  char size[32];
  out.print("%s: %" PRIu64 " %s, %s", label, t.blocks, blocks_word(t.blocks),
            format_size(size, sizeof size, double(t.bytes), false));
}

void print_traceback(TextWriter &out, uint32_t trace) {
  uint32_t ids[kMaxTracebackLimit], total;
  uint32_t n = traceback_frames(trace, ids, kMaxTracebackLimit, &total);
  // Oldest first, as tracemalloc's Traceback.format() lists them.
  for (uint32_t i = n; i-- > 0;) {
    const Frame &f = frame(ids[i]);
    out.print("  File \"%s\", line %u", f.file ? f.file : "<unknown>", f.line);
    if (f.function && *f.function)
      out.print(", in %s", f.function);
    out.print("\n");
    char source[4096];
    if (g_options.report_source && f.file &&
        read_source_line(f.file, f.line, source, sizeof source))
      out.print("    %s\n", source);
  }
  if (total > n)
    out.print("  (%u older frames not kept: nframe=%d)\n", total - n,
              traceback_limit());
}

} // namespace

bool summarize_leaks(const LiveBlock *blocks, size_t count,
                     Suppressions &suppressions, LeakSummary *out) {
  *out = LeakSummary();
  ScratchArray<LeakGroup> groups;
  for (size_t i = 0; i < count; ++i) {
    const LiveBlock &b = blocks[i];
    if (b.verdict == kVerdictReachable) {
      if (b.trace)
        out->reachable.add(b.size, 1);
    } else if (!b.trace) {
      out->untraced.add(b.size, 1);
    } else if (!groups.push({b.trace, b.size, 1})) {
      return false;
    }
  }
  heap_sort(
      groups.data(), groups.size(),
      [](const LeakGroup &x, const LeakGroup &y) { return x.trace < y.trace; });
  size_t n = merge_neighbours(groups.data(), groups.size(),
                              [](const LeakGroup &x, const LeakGroup &y) {
                                return x.trace == y.trace;
                              });
  heap_sort(groups.data(), n, [](const LeakGroup &x, const LeakGroup &y) {
    return compare_shown(x.trace, y.trace) < 0;
  });
  n = merge_neighbours(groups.data(), n,
                       [](const LeakGroup &x, const LeakGroup &y) {
                         return compare_shown(x.trace, y.trace) == 0;
                       });
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    const LeakGroup &g = groups[i];
    if (Suppression *s = suppressions.match(g.trace)) {
      s->blocks += g.count;
      s->bytes += g.bytes;
      out->suppressed.add(g.bytes, g.count);
      continue;
    }
    out->leaked.add(g.bytes, g.count);
    groups[kept++] = g;
  }
  // Largest first; then most blocks; then by traceback id, for a stable
  // order.
  heap_sort(groups.data(), kept, [](const LeakGroup &x, const LeakGroup &y) {
    if (x.bytes != y.bytes)
      return x.bytes > y.bytes;
    if (x.count != y.count)
      return x.count > y.count;
    return x.trace < y.trace;
  });
  out->groups = groups.release();
  out->num_groups = kept;
  return true;
}

void write_leak_report(TextWriter &out, const LeakSummary &summary,
                       Suppressions &suppressions) {
  if (summary.leaked.blocks) {
    print_tally(out, "Leaks", summary.leaked);
    out.print(", from %zu traceback%s\n", summary.num_groups,
              summary.num_groups == 1 ? "" : "s");
  } else {
    out.print("Leaks: none\n");
  }
  uint64_t top = g_options.leak_report_top;
  Tally other;
  for (size_t i = 0; i < summary.num_groups; ++i) {
    const LeakGroup &g = summary.groups[i];
    if (i >= top) {
      other.add(g.bytes, g.count);
      continue;
    }
    char size[32], average[32];
    out.print("#%zu: size=%s, count=%" PRIu64 ", average=%s\n", i + 1,
              format_size(size, sizeof size, double(g.bytes), false), g.count,
              format_size(average, sizeof average,
                          double(g.bytes) / double(g.count), false));
    print_traceback(out, g.trace);
  }
  if (summary.num_groups > top) {
    char size[32];
    uint64_t others = summary.num_groups - top;
    out.print("%" PRIu64 " other traceback%s: size=%s, count=%" PRIu64 "\n",
              others, others == 1 ? "" : "s",
              format_size(size, sizeof size, double(other.bytes), false),
              other.blocks);
  }
  if (summary.suppressed.blocks) {
    print_tally(out, "Suppressed", summary.suppressed);
    out.print("\n");
    for (size_t i = 0; i < suppressions.size(); ++i) {
      const Suppression &s = suppressions[i];
      if (!s.blocks)
        continue;
      char size[32];
      out.print("  %s (line %u): %" PRIu64 " %s, %s\n", s.text, s.file_line,
                s.blocks, blocks_word(s.blocks),
                format_size(size, sizeof size, double(s.bytes), false));
    }
  }
  if (summary.untraced.blocks) {
    print_tally(out, "Not traced", summary.untraced);
    out.print(" unreachable (allocated by code not compiled with TraceAlloc, "
              "or while tracing was off; not counted as leaks)\n");
  }
  print_tally(out, "Still reachable", summary.reachable);
  out.print("\n");
}

} // namespace rt
} // namespace tracealloc
