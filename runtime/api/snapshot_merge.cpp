//===- snapshot_merge.cpp - Many snapshots as one (tracealloc merge) ----===//
//
// tracealloc_snapshot_merge: what `tracealloc merge` writes. The result is
// one snapshot whose statistics are those of all inputs together:
//   - names are interned again, so equal file and function names are one
//     string in the merged pool whatever snapshot they came from;
//   - equal tracebacks (same frames, same line frame) become one, so a
//     line's statistics are one entry however many processes reached it;
//   - traces are concatenated (they are distinct blocks of distinct runs);
//   - at-peak and allocated totals are summed per (traceback, domain);
//     a view is present only when every input has it, because a sum over
//     some of the inputs would silently understate it; likewise the leak
//     verdicts;
//   - timelines are summed: each input's samples count from its own
//     start, and the merged curve at time t is the sum of every input's
//     last sample at or before t (the memory of processes run side by side);
//   - info: merged and current summed, peak the sum of the peaks (an upper
//     bound of the processes' joint peak), pid and program kept when all
//     inputs agree (else 0 and ""), time the latest.
// docs/cli.md ("merge") says the same for users.
//
//===----------------------------------------------------------------------===//
#include "api/api_error.h"
#include "api/api_memory.h"
#include "api/snapshot.h"

#include <stdlib.h>
#include <string.h>

namespace tracealloc {
namespace rt {
namespace {

const char *name_or_empty(const char *s) { return s ? s : ""; }

// --- Names -----------------------------------------------------------------

// One name of an input and, once interned, its copy in the merged pool.
struct NameEntry {
  const char *old;
  const char *fresh;
};

int by_text(const void *a, const void *b) {
  return strcmp(static_cast<const NameEntry *>(a)->old,
                static_cast<const NameEntry *>(b)->old);
}

int by_address(const void *a, const void *b) {
  auto x = reinterpret_cast<uintptr_t>(static_cast<const NameEntry *>(a)->old);
  auto y = reinterpret_cast<uintptr_t>(static_cast<const NameEntry *>(b)->old);
  return x < y ? -1 : x > y;
}

// Every name of the inputs, copied once each into one pool; lookups by the
// input's pointer. Entries are sorted by address after intern().
struct NameTable {
  NameEntry *entries = nullptr;
  size_t count = 0;
  size_t capacity = 0;
  StringPool *pool = nullptr;

  void add(const char *name) {
    entries[count++] = {name_or_empty(name), nullptr};
  }

  bool intern() {
    if (count)
      qsort(entries, count, sizeof *entries, by_text);
    size_t bytes = 0;
    for (size_t i = 0; i < count; ++i)
      if (i == 0 || strcmp(entries[i - 1].old, entries[i].old) != 0)
        bytes += strlen(entries[i].old) + 1;
    pool = new_string_pool(bytes ? bytes : 1);
    if (!pool)
      return false;
    size_t used = 0;
    for (size_t i = 0; i < count; ++i) {
      if (i > 0 && strcmp(entries[i - 1].old, entries[i].old) == 0) {
        entries[i].fresh = entries[i - 1].fresh;
        continue;
      }
      size_t len = strlen(entries[i].old);
      memcpy(pool->data + used, entries[i].old, len);
      entries[i].fresh = pool->data + used;
      used += len + 1;
    }
    if (count)
      qsort(entries, count, sizeof *entries, by_address);
    return true;
  }

  const char *lookup(const char *name) const {
    NameEntry key = {name_or_empty(name), nullptr};
    auto *found = static_cast<const NameEntry *>(
        bsearch(&key, entries, count, sizeof *entries, by_address));
    return found->fresh; // every name was added before intern()
  }

  tracealloc_frame frame(const tracealloc_frame &f) const {
    return {lookup(f.filename), f.lineno, f.column, lookup(f.function)};
  }
};

// --- Tracebacks ------------------------------------------------------------

// A traceback of some input, its frames in the concatenation of every
// input's frames (names interned).
struct MergedTraceback {
  const tracealloc_frame *frames;
  uint32_t nframe;
  uint32_t total_nframe;
  tracealloc_frame line;
};

// Interned names compare by address: equal strings are one pointer.
int compare_frames(const tracealloc_frame &a, const tracealloc_frame &b) {
  if (a.filename != b.filename)
    return a.filename < b.filename ? -1 : 1;
  if (a.lineno != b.lineno)
    return a.lineno < b.lineno ? -1 : 1;
  if (a.column != b.column)
    return a.column < b.column ? -1 : 1;
  if (a.function != b.function)
    return a.function < b.function ? -1 : 1;
  return 0;
}

int compare_tracebacks(const MergedTraceback &a, const MergedTraceback &b) {
  if (a.nframe != b.nframe)
    return a.nframe < b.nframe ? -1 : 1;
  if (a.total_nframe != b.total_nframe)
    return a.total_nframe < b.total_nframe ? -1 : 1;
  if (int c = compare_frames(a.line, b.line))
    return c;
  for (uint32_t k = 0; k < a.nframe; ++k)
    if (int c = compare_frames(a.frames[k], b.frames[k]))
      return c;
  return 0;
}

int by_traceback(const void *a, const void *b, void *tracebacks) {
  auto *tb = static_cast<const MergedTraceback *>(tracebacks);
  uint32_t x = *static_cast<const uint32_t *>(a);
  uint32_t y = *static_cast<const uint32_t *>(b);
  if (int c = compare_tracebacks(tb[x], tb[y]))
    return c;
  return x < y ? -1 : x > y; // deterministic: first seen first
}

// --- Totals ----------------------------------------------------------------

int by_traceback_and_domain(const void *a, const void *b) {
  auto *x = static_cast<const SnapshotTotal *>(a);
  auto *y = static_cast<const SnapshotTotal *>(b);
  if (x->traceback != y->traceback)
    return x->traceback < y->traceback ? -1 : 1;
  return x->domain < y->domain ? -1 : x->domain > y->domain;
}

// Sums one view's totals of every input into `out` (marked present), or
// leaves it absent when some input lacks the view.
bool merge_totals(const tracealloc_snapshot *const *in, size_t n,
                  SnapshotTotals tracealloc_snapshot::*view,
                  const size_t *traceback_base, const uint32_t *remap,
                  SnapshotTotals *out) {
  size_t count = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!(in[k]->*view).present)
      return true;
    count += (in[k]->*view).count;
  }
  if (!alloc_totals(out, count))
    return false;
  size_t used = 0;
  for (size_t k = 0; k < n; ++k) {
    const SnapshotTotals &t = in[k]->*view;
    for (size_t i = 0; i < t.count; ++i) {
      out->items[used] = t.items[i];
      out->items[used].traceback =
          remap[traceback_base[k] + t.items[i].traceback];
      ++used;
    }
  }
  if (count)
    qsort(out->items, count, sizeof *out->items, by_traceback_and_domain);
  size_t kept = 0;
  for (size_t i = 0; i < count; ++i) {
    if (kept &&
        by_traceback_and_domain(&out->items[kept - 1], &out->items[i]) == 0) {
      out->items[kept - 1].size += out->items[i].size;
      out->items[kept - 1].count += out->items[i].count;
    } else {
      out->items[kept++] = out->items[i];
    }
  }
  // The tail past `kept` stays allocated (freed with the count it had).
  if (kept != count) {
    SnapshotTotals shrunk = {};
    if (!alloc_totals(&shrunk, kept))
      return false;
    memcpy(shrunk.items, out->items, kept * sizeof *out->items);
    free_array(out->items, out->count);
    *out = shrunk;
  }
  return true;
}

// --- Timeline --------------------------------------------------------------

struct TimelineEvent {
  uint64_t time_ns;
  uint64_t current;
  size_t input;
};

int by_time(const void *a, const void *b) {
  auto *x = static_cast<const TimelineEvent *>(a);
  auto *y = static_cast<const TimelineEvent *>(b);
  if (x->time_ns != y->time_ns)
    return x->time_ns < y->time_ns ? -1 : 1;
  return x->input < y->input ? -1 : x->input > y->input;
}

bool merge_timelines(const tracealloc_snapshot *const *in, size_t n,
                     tracealloc_snapshot *out) {
  size_t count = 0;
  for (size_t k = 0; k < n; ++k)
    count += in[k]->num_timeline;
  if (count == 0)
    return true;
  TimelineEvent *events = alloc_array<TimelineEvent>(count);
  uint64_t *last = alloc_array<uint64_t>(n);
  bool ok = events && last;
  if (ok) {
    size_t used = 0;
    for (size_t k = 0; k < n; ++k)
      for (size_t i = 0; i < in[k]->num_timeline; ++i)
        events[used++] = {in[k]->timeline[i].time_ns,
                          in[k]->timeline[i].current, k};
    qsort(events, count, sizeof *events, by_time);
    size_t times = 0;
    for (size_t i = 0; i < count; ++i)
      times += i == 0 || events[i].time_ns != events[i - 1].time_ns;
    ok = alloc_timeline(out, times);
    uint64_t sum = 0;
    size_t k = 0;
    for (size_t i = 0; ok && i < count; ++i) {
      sum += events[i].current - last[events[i].input]; // wraps back exactly
      last[events[i].input] = events[i].current;
      if (i + 1 < count && events[i + 1].time_ns == events[i].time_ns)
        continue; // one sample per instant, with every input's value then
      out->timeline[k++] = {events[i].time_ns, sum};
    }
  } else {
    set_out_of_memory();
  }
  free_array(events, count);
  free_array(last, n);
  return ok;
}

// --- The merge -------------------------------------------------------------

void merge_info(const tracealloc_snapshot *const *in, size_t n,
                const NameTable &names, tracealloc_snapshot_info *out) {
  const tracealloc_snapshot_info &first = in[0]->info;
  out->program = names.lookup(first.program);
  out->pid = first.pid;
  uint64_t largest_peak = 0;
  for (size_t k = 0; k < n; ++k) {
    const tracealloc_snapshot_info &i = in[k]->info;
    if (names.lookup(i.program) != out->program)
      out->program = names.lookup("");
    if (i.pid != out->pid)
      out->pid = 0;
    if (i.time_ns > out->time_ns)
      out->time_ns = i.time_ns;
    out->current += i.current;
    out->peak += i.peak;
    if (k == 0 || i.peak > largest_peak) {
      largest_peak = i.peak;
      out->peak_time_ns = i.peak_time_ns;
    }
    out->merged += i.merged ? i.merged : 1;
  }
}

tracealloc_snapshot *merge(const tracealloc_snapshot *const *in, size_t n) {
  size_t num_frames = 0, num_tracebacks = 0, num_traces = 0, num_names = 1;
  int limit = 1;
  bool leak_checked = true;
  for (size_t k = 0; k < n; ++k) {
    num_frames += in[k]->num_frames;
    num_tracebacks += in[k]->num_tracebacks;
    num_traces += in[k]->num_traces;
    num_names += 2 * (in[k]->num_frames + in[k]->num_tracebacks) + 1;
    if (in[k]->traceback_limit > limit)
      limit = in[k]->traceback_limit;
    leak_checked = leak_checked && in[k]->leak;
  }
  if (num_frames > UINT32_MAX || num_tracebacks > UINT32_MAX) {
    set_last_error("cannot merge: more than 2^32 frames or tracebacks");
    return nullptr;
  }

  NameTable names;
  names.entries = alloc_array<NameEntry>(num_names);
  names.capacity = num_names;
  tracealloc_frame *frames = alloc_array<tracealloc_frame>(num_frames);
  MergedTraceback *tracebacks = alloc_array<MergedTraceback>(num_tracebacks);
  uint32_t *order = alloc_array<uint32_t>(num_tracebacks);
  uint32_t *remap = alloc_array<uint32_t>(num_tracebacks);
  size_t *traceback_base = alloc_array<size_t>(n);
  tracealloc_snapshot *out = nullptr;
  bool ok =
      names.entries && frames && tracebacks && order && remap && traceback_base;
  if (!ok)
    set_out_of_memory();

  if (ok) {
    names.add("");
    for (size_t k = 0; k < n; ++k) {
      const tracealloc_snapshot &s = *in[k];
      for (size_t i = 0; i < s.num_frames; ++i) {
        names.add(s.frames[i].filename);
        names.add(s.frames[i].function);
      }
      for (size_t i = 0; i < s.num_tracebacks; ++i) {
        names.add(s.tracebacks[i].line.filename);
        names.add(s.tracebacks[i].line.function);
      }
      names.add(s.info.program);
    }
    ok = names.intern();
  }

  // Every input's frames and tracebacks, one after the other.
  size_t unique = 0, unique_frames = 0;
  if (ok) {
    size_t f = 0, t = 0;
    for (size_t k = 0; k < n; ++k) {
      const tracealloc_snapshot &s = *in[k];
      size_t frame_base = f;
      traceback_base[k] = t;
      for (size_t i = 0; i < s.num_frames; ++i)
        frames[f++] = names.frame(s.frames[i]);
      for (size_t i = 0; i < s.num_tracebacks; ++i, ++t) {
        const SnapshotTraceback &tb = s.tracebacks[i];
        tracebacks[t] = {frames + frame_base + tb.first_frame, tb.nframe,
                         tb.total_nframe, names.frame(tb.line)};
        order[t] = uint32_t(t);
      }
    }
    if (num_tracebacks)
      qsort_r(order, num_tracebacks, sizeof *order, by_traceback, tracebacks);
    for (size_t i = 0; i < num_tracebacks; ++i) {
      if (i == 0 ||
          compare_tracebacks(tracebacks[order[i - 1]], tracebacks[order[i]])) {
        ++unique;
        unique_frames += tracebacks[order[i]].nframe;
      }
      remap[order[i]] = uint32_t(unique - 1);
    }
    out = new_snapshot(limit, unique_frames, unique, num_traces);
    ok = out != nullptr;
  }

  if (ok) {
    out->pool = names.pool;
    names.pool = nullptr;
    // Unique tracebacks in the order of their first appearance in `order`.
    size_t f = 0;
    for (size_t i = 0; i < num_tracebacks; ++i) {
      if (i > 0 &&
          !compare_tracebacks(tracebacks[order[i - 1]], tracebacks[order[i]]))
        continue;
      const MergedTraceback &tb = tracebacks[order[i]];
      out->tracebacks[remap[order[i]]] = {uint32_t(f), tb.nframe,
                                          tb.total_nframe, tb.line};
      memcpy(out->frames + f, tb.frames, tb.nframe * sizeof *tb.frames);
      f += tb.nframe;
    }
    size_t used = 0;
    for (size_t k = 0; k < n; ++k)
      for (size_t i = 0; i < in[k]->num_traces; ++i, ++used) {
        out->traces[used] = in[k]->traces[i];
        out->traces[used].traceback =
            remap[traceback_base[k] + in[k]->traces[i].traceback];
      }
    if (leak_checked) {
      ok = alloc_leak_verdicts(out);
      used = 0;
      for (size_t k = 0; ok && k < n; ++k) {
        memcpy(out->leak + used, in[k]->leak, in[k]->num_traces);
        used += in[k]->num_traces;
      }
    }
  }
  ok = ok &&
       merge_totals(in, n, &tracealloc_snapshot::at_peak, traceback_base, remap,
                    &out->at_peak) &&
       merge_totals(in, n, &tracealloc_snapshot::allocated, traceback_base,
                    remap, &out->allocated) &&
       merge_timelines(in, n, out);
  if (ok) {
    out->info = {};
    merge_info(in, n, names, &out->info);
  }

  release(names.pool);
  free_array(names.entries, names.capacity);
  free_array(frames, num_frames);
  free_array(tracebacks, num_tracebacks);
  free_array(order, num_tracebacks);
  free_array(remap, num_tracebacks);
  free_array(traceback_base, n);
  if (!ok) {
    free_snapshot(out);
    return nullptr;
  }
  return out;
}

} // namespace
} // namespace rt
} // namespace tracealloc

using namespace tracealloc::rt;

TA_EXPORT tracealloc_snapshot *
tracealloc_snapshot_merge(const tracealloc_snapshot *const *snapshots,
                          size_t n) noexcept {
  if (!snapshots || n == 0) {
    set_last_error("tracealloc_snapshot_merge: no snapshot to merge");
    return nullptr;
  }
  for (size_t k = 0; k < n; ++k)
    if (!snapshots[k]) {
      set_last_error("tracealloc_snapshot_merge: snapshot %zu is null", k);
      return nullptr;
    }
  return merge(snapshots, n);
}
