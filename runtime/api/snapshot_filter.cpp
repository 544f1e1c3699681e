//===- snapshot_filter.cpp - Snapshot.filter_traces -----------------------===//
//
// tracemalloc's Filter._match and DomainFilter._match, and filter_traces'
// rule: a trace is kept if some inclusive filter matches it (or there is
// none) and every exclusive filter lets it through. The filtered snapshot
// keeps all of the original's tracebacks (they are shared, small) and the
// traces and totals that pass.
//
//===----------------------------------------------------------------------===//
#include "api/api_error.h"
#include "api/api_memory.h"
#include "api/python_fnmatch.h"
#include "api/snapshot.h"

#include <string.h>

namespace tracealloc {
namespace rt {
namespace {

bool frame_matches(const tracealloc_filter &f, const tracealloc_frame &frame) {
  if (!python_fnmatch(frame.filename, f.filename_pattern))
    return false;
  return !f.has_lineno || frame.lineno == f.lineno;
}

// Filter._match_traceback; `tb` is oldest first, so tracemalloc's
// traceback[0] (the most recent frame) is its last frame.
bool traceback_matches(const tracealloc_filter &f,
                       const tracealloc_traceback &tb) {
  bool inclusive = f.inclusive != 0;
  if (f.all_frames) {
    for (size_t i = 0; i < tb.nframe; ++i)
      if (frame_matches(f, tb.frames[i]))
        return inclusive;
    return !inclusive;
  }
  return frame_matches(f, tb.frames[tb.nframe - 1]) != !inclusive;
}

bool filter_matches(const tracealloc_filter &f, unsigned domain,
                    const tracealloc_traceback &tb) {
  bool inclusive = f.inclusive != 0;
  if (f.kind == TRACEALLOC_DOMAIN_FILTER)
    return (domain == f.domain) != !inclusive;
  bool matched = traceback_matches(f, tb);
  if (!f.has_domain)
    return matched;
  return inclusive ? matched && domain == f.domain
                   : matched || domain != f.domain;
}

bool keep(const tracealloc_filter *filters, size_t n, unsigned domain,
          const tracealloc_traceback &tb) {
  bool any_inclusive = false, included = false;
  for (size_t i = 0; i < n; ++i) {
    if (!filters[i].inclusive)
      continue;
    any_inclusive = true;
    if (filter_matches(filters[i], domain, tb)) {
      included = true;
      break;
    }
  }
  if (any_inclusive && !included)
    return false;
  for (size_t i = 0; i < n; ++i)
    if (!filters[i].inclusive && !filter_matches(filters[i], domain, tb))
      return false;
  return true;
}

bool check_filters(const tracealloc_filter *filters, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const tracealloc_filter &f = filters[i];
    if (f.kind != TRACEALLOC_FILTER && f.kind != TRACEALLOC_DOMAIN_FILTER) {
      set_last_error("filter %zu: unknown kind %d", i, int(f.kind));
      return false;
    }
    if (f.kind == TRACEALLOC_FILTER && !f.filename_pattern) {
      set_last_error("filter %zu: filename_pattern is NULL", i);
      return false;
    }
  }
  return true;
}

} // namespace
} // namespace rt
} // namespace tracealloc

using namespace tracealloc::rt;

namespace tracealloc {
namespace rt {
namespace {

// The totals that pass the filters, into `out` (present as `in` is).
bool filter_totals(const tracealloc_snapshot &s, const SnapshotTotals &in,
                   const tracealloc_filter *filters, size_t n,
                   SnapshotTotals *out) {
  if (!in.present)
    return true;
  size_t kept = 0;
  for (size_t i = 0; i < in.count; ++i)
    kept += keep(filters, n, in.items[i].domain,
                 traceback_view(s, in.items[i].traceback));
  if (!alloc_totals(out, kept))
    return false;
  size_t k = 0;
  for (size_t i = 0; i < in.count; ++i)
    if (keep(filters, n, in.items[i].domain,
             traceback_view(s, in.items[i].traceback)))
      out->items[k++] = in.items[i];
  return true;
}

} // namespace
} // namespace rt
} // namespace tracealloc

// Every view is filtered alike: traces (with their leak verdicts), at-peak
// and allocated totals. The timeline and the information stay whole: they
// describe the process, not the traces.
TA_EXPORT tracealloc_snapshot *
tracealloc_snapshot_filter_traces(const tracealloc_snapshot *snapshot,
                                  const tracealloc_filter *filters,
                                  size_t num_filters) noexcept {
  if (!check_filters(filters, num_filters))
    return nullptr;
  const tracealloc_snapshot &s = *snapshot;
  size_t kept = 0;
  for (size_t i = 0; i < s.num_traces; ++i)
    kept += keep(filters, num_filters, s.traces[i].domain,
                 traceback_view(s, s.traces[i].traceback));
  tracealloc_snapshot *out =
      new_snapshot(s.traceback_limit, s.num_frames, s.num_tracebacks, kept);
  if (!out)
    return nullptr;
  out->pool = retain(s.pool);
  out->info = s.info;
  if ((s.leak && !alloc_leak_verdicts(out)) ||
      !filter_totals(s, s.at_peak, filters, num_filters, &out->at_peak) ||
      !filter_totals(s, s.allocated, filters, num_filters, &out->allocated) ||
      !alloc_timeline(out, s.num_timeline)) {
    free_snapshot(out);
    return nullptr;
  }
  memcpy(out->timeline, s.timeline, s.num_timeline * sizeof *s.timeline);
  memcpy(out->frames, s.frames, s.num_frames * sizeof *s.frames);
  memcpy(out->tracebacks, s.tracebacks,
         s.num_tracebacks * sizeof *s.tracebacks);
  size_t k = 0;
  for (size_t i = 0; i < s.num_traces; ++i) {
    if (!keep(filters, num_filters, s.traces[i].domain,
              traceback_view(s, s.traces[i].traceback)))
      continue;
    if (s.leak)
      out->leak[k] = s.leak[i];
    out->traces[k++] = s.traces[i];
  }
  return out;
}
