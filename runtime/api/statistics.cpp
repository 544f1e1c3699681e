//===- statistics.cpp - Snapshot.statistics and compare_to ----------------===//
//
// Grouping sorts the samples' keys and sums equal neighbours; the order of
// keys is Python's order of Traceback objects (tuples of (filename, lineno)
// frames, oldest first, compared element by element; file names compare
// by code point, which for UTF-8 is strcmp's byte order).
//
//===----------------------------------------------------------------------===//
#include "api/statistics.h"
#include "api/api_error.h"
#include "api/api_memory.h"

#include <stdlib.h>
#include <string.h>

struct tracealloc_statistics {
  tracealloc::rt::StringPool *pools[2];
  tracealloc_frame *frames;
  size_t num_frames;
  tracealloc_statistic *stats;      // statistics() and get_stats()
  tracealloc_statistic_diff *diffs; // compare_to()
  size_t count;
};

namespace tracealloc {
namespace rt {
namespace {

// A key of _group_by: a traceback, or one frame ("lineno"), or one frame's
// file ("filename", whose frame tracemalloc writes as (filename, 0)).
struct Group {
  const tracealloc_frame *frames;
  uint32_t nframe;
  uint64_t size;
  uint64_t count;
};

int compare_frames(const tracealloc_frame &a, const tracealloc_frame &b,
                   bool filename_only) {
  if (a.filename != b.filename)
    if (int c = strcmp(a.filename, b.filename))
      return c;
  if (filename_only || a.lineno == b.lineno)
    return 0;
  return a.lineno < b.lineno ? -1 : 1;
}

int compare_keys(const Group &a, const Group &b, KeyType key) {
  uint32_t n = a.nframe < b.nframe ? a.nframe : b.nframe;
  for (uint32_t i = 0; i < n; ++i)
    if (int c =
            compare_frames(a.frames[i], b.frames[i], key == KeyType::Filename))
      return c;
  return a.nframe < b.nframe ? -1 : a.nframe > b.nframe;
}

int by_key(const void *a, const void *b, void *key) {
  return compare_keys(*static_cast<const Group *>(a),
                      *static_cast<const Group *>(b),
                      *static_cast<KeyType *>(key));
}

// The samples grouped by key, sorted by key: *num_groups of them, in an
// array of *keys entries (for free_array).
Group *group(const Sample *samples, size_t n, KeyType key, bool cumulative,
             size_t *num_groups, size_t *keys_out) {
  size_t keys = 0;
  for (size_t i = 0; i < n; ++i)
    keys += cumulative ? samples[i].nframe : 1;
  Group *groups = alloc_array<Group>(keys);
  if (!groups)
    return nullptr;
  size_t k = 0;
  for (size_t i = 0; i < n; ++i) {
    const Sample &s = samples[i];
    if (cumulative) {
      // Every frame counts, a frame twice in a traceback twice, as
      // tracemalloc does.
      for (uint32_t f = 0; f < s.nframe; ++f)
        groups[k++] = {s.frames + f, 1, s.size, s.count};
    } else if (key == KeyType::Traceback) {
      groups[k++] = {s.frames, s.nframe, s.size, s.count};
    } else {
      // The user's frame: traceback[0] in tracemalloc's own order, unless
      // that is in a system header inlined into the user's code.
      groups[k++] = {s.line, 1, s.size, s.count};
    }
  }
  qsort_r(groups, keys, sizeof *groups, by_key, &key);
  size_t out = 0;
  for (size_t i = 0; i < keys; ++i) {
    if (out && compare_keys(groups[out - 1], groups[i], key) == 0) {
      groups[out - 1].size += groups[i].size;
      groups[out - 1].count += groups[i].count;
    } else {
      groups[out++] = groups[i];
    }
  }
  *num_groups = out;
  *keys_out = keys;
  return groups;
}

template <typename T> int descending(T a, T b) { return a > b ? -1 : a < b; }

// The last element of both sort keys; `key` is qsort_r's KeyType context.
int descending_keys(const tracealloc_traceback &a,
                    const tracealloc_traceback &b, void *key) {
  Group x = {a.frames, uint32_t(a.nframe), 0, 0};
  Group y = {b.frames, uint32_t(b.nframe), 0, 0};
  return -compare_keys(x, y, *static_cast<KeyType *>(key));
}

int statistic_order(const void *a, const void *b, void *key) {
  auto *x = static_cast<const tracealloc_statistic *>(a);
  auto *y = static_cast<const tracealloc_statistic *>(b);
  if (int c = descending(x->size, y->size))
    return c;
  if (int c = descending(x->count, y->count))
    return c;
  return descending_keys(x->traceback, y->traceback, key);
}

uint64_t magnitude(int64_t v) { return v < 0 ? uint64_t(0) - uint64_t(v) : v; }

int diff_order(const void *a, const void *b, void *key) {
  auto *x = static_cast<const tracealloc_statistic_diff *>(a);
  auto *y = static_cast<const tracealloc_statistic_diff *>(b);
  if (int c = descending(magnitude(x->size_diff), magnitude(y->size_diff)))
    return c;
  if (int c = descending(x->size, y->size))
    return c;
  if (int c = descending(magnitude(x->count_diff), magnitude(y->count_diff)))
    return c;
  if (int c = descending(x->count, y->count))
    return c;
  return descending_keys(x->traceback, y->traceback, key);
}

// A list with room for `count` entries and `num_frames` frames.
tracealloc_statistics *new_list(size_t count, size_t num_frames, bool diffs,
                                StringPool *pool0, StringPool *pool1) {
  auto *list = alloc_object<tracealloc_statistics>();
  if (!list) {
    set_out_of_memory();
    return nullptr;
  }
  list->count = count;
  list->num_frames = num_frames;
  list->frames = alloc_array<tracealloc_frame>(num_frames);
  if (diffs)
    list->diffs = alloc_array<tracealloc_statistic_diff>(count);
  else
    list->stats = alloc_array<tracealloc_statistic>(count);
  list->pools[0] = retain(pool0);
  list->pools[1] = retain(pool1);
  if (!list->frames || (diffs ? !list->diffs : !list->stats)) {
    tracealloc_statistics_free(list);
    set_out_of_memory();
    return nullptr;
  }
  return list;
}

// Copies a group's key into the list's frames as Python builds the
// statistic's Traceback: "filename" keys get line 0, and no key keeps a
// column (several calls on a line are one statistic).
tracealloc_traceback copy_key(const Group &g, KeyType key,
                              tracealloc_frame *frames, size_t *used) {
  tracealloc_frame *out = frames + *used;
  for (uint32_t i = 0; i < g.nframe; ++i) {
    out[i] = g.frames[i];
    out[i].column = 0;
    if (key == KeyType::Filename) {
      out[i].lineno = 0;
      out[i].function = "";
    }
  }
  *used += g.nframe;
  return {out, g.nframe, 0};
}

size_t frames_of(const Group *groups, size_t n) {
  size_t frames = 0;
  for (size_t i = 0; i < n; ++i)
    frames += groups[i].nframe;
  return frames;
}

} // namespace

bool parse_key_type(const char *key_type, bool cumulative, KeyType *out) {
  if (!key_type)
    key_type = "None";
  if (strcmp(key_type, "filename") == 0) {
    *out = KeyType::Filename;
  } else if (strcmp(key_type, "lineno") == 0) {
    *out = KeyType::Lineno;
  } else if (strcmp(key_type, "traceback") == 0) {
    *out = KeyType::Traceback;
  } else {
    set_last_error("unknown key_type: '%s'", key_type);
    return false;
  }
  if (cumulative && *out == KeyType::Traceback) {
    // tracemalloc's own wording, "by" included.
    set_last_error("cumulative mode cannot by used with key type '%s'",
                   key_type);
    return false;
  }
  return true;
}

Sample *snapshot_samples(const tracealloc_snapshot &s) {
  Sample *samples = alloc_array<Sample>(s.num_traces);
  if (!samples) {
    set_out_of_memory();
    return nullptr;
  }
  for (size_t i = 0; i < s.num_traces; ++i) {
    tracealloc_traceback tb = traceback_view(s, s.traces[i].traceback);
    samples[i] = {tb.frames, uint32_t(tb.nframe), s.traces[i].size, 1,
                  &s.tracebacks[s.traces[i].traceback].line};
  }
  return samples;
}

bool snapshot_has_view(const tracealloc_snapshot &s, tracealloc_view view) {
  switch (view) {
  case TRACEALLOC_VIEW_IN_USE:
    return true;
  case TRACEALLOC_VIEW_AT_PEAK:
    return s.at_peak.present;
  case TRACEALLOC_VIEW_ALLOCATED:
    return s.allocated.present;
  case TRACEALLOC_VIEW_LEAKED:
    return s.leak != nullptr;
  }
  return false;
}

Sample *view_samples(const tracealloc_snapshot &s, tracealloc_view view,
                     size_t *n) {
  static const char *const kMissing[] = {
      "in-use", "at-peak", "allocated-over-the-run", "leak-check"};
  if (unsigned(view) > TRACEALLOC_VIEW_LEAKED) {
    set_last_error("unknown view: %d", int(view));
    return nullptr;
  }
  if (!snapshot_has_view(s, view)) {
    set_last_error("the snapshot has no %s data", kMissing[view]);
    return nullptr;
  }
  if (view == TRACEALLOC_VIEW_IN_USE) {
    *n = s.num_traces;
    return snapshot_samples(s);
  }
  if (view == TRACEALLOC_VIEW_LEAKED) {
    size_t leaked = 0;
    for (size_t i = 0; i < s.num_traces; ++i)
      leaked += s.leak[i] == TRACEALLOC_LEAK_LEAKED;
    Sample *samples = alloc_array<Sample>(leaked);
    if (!samples) {
      set_out_of_memory();
      return nullptr;
    }
    size_t k = 0;
    for (size_t i = 0; i < s.num_traces; ++i) {
      if (s.leak[i] != TRACEALLOC_LEAK_LEAKED)
        continue;
      tracealloc_traceback tb = traceback_view(s, s.traces[i].traceback);
      samples[k++] = {tb.frames, uint32_t(tb.nframe), s.traces[i].size, 1,
                      &s.tracebacks[s.traces[i].traceback].line};
    }
    *n = leaked;
    return samples;
  }
  const SnapshotTotals &totals =
      view == TRACEALLOC_VIEW_AT_PEAK ? s.at_peak : s.allocated;
  Sample *samples = alloc_array<Sample>(totals.count);
  if (!samples) {
    set_out_of_memory();
    return nullptr;
  }
  for (size_t i = 0; i < totals.count; ++i) {
    const SnapshotTotal &t = totals.items[i];
    tracealloc_traceback tb = traceback_view(s, t.traceback);
    samples[i] = {tb.frames, uint32_t(tb.nframe), t.size, t.count,
                  &s.tracebacks[t.traceback].line};
  }
  *n = totals.count;
  return samples;
}

tracealloc_statistics *group_statistics(const Sample *samples, size_t n,
                                        KeyType key, bool cumulative,
                                        StringPool *pool) {
  size_t count, keys;
  Group *groups = group(samples, n, key, cumulative, &count, &keys);
  if (!groups) {
    set_out_of_memory();
    return nullptr;
  }
  tracealloc_statistics *list =
      new_list(count, frames_of(groups, count), false, pool, nullptr);
  if (list) {
    size_t used = 0;
    for (size_t i = 0; i < count; ++i)
      list->stats[i] = {copy_key(groups[i], key, list->frames, &used),
                        groups[i].size, groups[i].count};
    qsort_r(list->stats, count, sizeof *list->stats, statistic_order, &key);
  }
  free_array(groups, keys);
  return list;
}

tracealloc_statistics *compare_statistics(const Sample *new_samples,
                                          size_t num_new, StringPool *new_pool,
                                          const Sample *old_samples,
                                          size_t num_old, StringPool *old_pool,
                                          KeyType key, bool cumulative) {
  size_t n = 0, o = 0, new_keys = 0, old_keys = 0;
  Group *now = group(new_samples, num_new, key, cumulative, &n, &new_keys);
  Group *before = group(old_samples, num_old, key, cumulative, &o, &old_keys);
  tracealloc_statistics *list = nullptr;
  if (!now || !before) {
    set_out_of_memory();
  } else {
    // Both sides are sorted by key: walk them together.
    size_t count = 0, i = 0, j = 0;
    while (i < n || j < o) {
      int c = i == n ? 1 : j == o ? -1 : compare_keys(now[i], before[j], key);
      i += c <= 0;
      j += c >= 0;
      ++count;
    }
    list = new_list(count, frames_of(now, n) + frames_of(before, o), true,
                    new_pool, old_pool);
    if (list) {
      size_t used = 0, k = 0;
      i = j = 0;
      while (i < n || j < o) {
        int c = i == n ? 1 : j == o ? -1 : compare_keys(now[i], before[j], key);
        tracealloc_statistic_diff &d = list->diffs[k++];
        if (c > 0) { // only in the old snapshot
          const Group &g = before[j++];
          d = {copy_key(g, key, list->frames, &used), 0, -int64_t(g.size), 0,
               -int64_t(g.count)};
        } else {
          const Group &g = now[i++];
          uint64_t old_size = 0, old_count = 0;
          if (c == 0) {
            old_size = before[j].size;
            old_count = before[j++].count;
          }
          d = {copy_key(g, key, list->frames, &used), g.size,
               int64_t(g.size - old_size), g.count,
               int64_t(g.count - old_count)};
        }
      }
      qsort_r(list->diffs, count, sizeof *list->diffs, diff_order, &key);
    }
  }
  free_array(now, new_keys);
  free_array(before, old_keys);
  return list;
}

} // namespace rt
} // namespace tracealloc

using namespace tracealloc::rt;

TA_EXPORT tracealloc_statistics *
tracealloc_snapshot_statistics(const tracealloc_snapshot *snapshot,
                               const char *key_type, int cumulative) noexcept {
  KeyType key;
  if (!parse_key_type(key_type, cumulative, &key))
    return nullptr;
  Sample *samples = snapshot_samples(*snapshot);
  if (!samples)
    return nullptr;
  tracealloc_statistics *list = group_statistics(
      samples, snapshot->num_traces, key, cumulative, snapshot->pool);
  free_array(samples, snapshot->num_traces);
  return list;
}

TA_EXPORT tracealloc_statistics *
tracealloc_snapshot_compare_to(const tracealloc_snapshot *new_snapshot,
                               const tracealloc_snapshot *old_snapshot,
                               const char *key_type, int cumulative) noexcept {
  KeyType key;
  if (!parse_key_type(key_type, cumulative, &key))
    return nullptr;
  Sample *now = snapshot_samples(*new_snapshot);
  Sample *before = now ? snapshot_samples(*old_snapshot) : nullptr;
  tracealloc_statistics *list = nullptr;
  if (now && before)
    list = compare_statistics(now, new_snapshot->num_traces, new_snapshot->pool,
                              before, old_snapshot->num_traces,
                              old_snapshot->pool, key, cumulative);
  free_array(now, new_snapshot->num_traces);
  free_array(before, old_snapshot->num_traces);
  return list;
}

TA_EXPORT int tracealloc_snapshot_has_view(const tracealloc_snapshot *snapshot,
                                           tracealloc_view view) noexcept {
  return snapshot_has_view(*snapshot, view);
}

TA_EXPORT tracealloc_statistics *
tracealloc_snapshot_statistics_view(const tracealloc_snapshot *snapshot,
                                    tracealloc_view view, const char *key_type,
                                    int cumulative) noexcept {
  KeyType key;
  if (!parse_key_type(key_type, cumulative, &key))
    return nullptr;
  size_t n = 0;
  Sample *samples = view_samples(*snapshot, view, &n);
  if (!samples)
    return nullptr;
  tracealloc_statistics *list =
      group_statistics(samples, n, key, cumulative, snapshot->pool);
  free_array(samples, n);
  return list;
}

TA_EXPORT tracealloc_statistics *
tracealloc_snapshot_compare_to_view(const tracealloc_snapshot *new_snapshot,
                                    const tracealloc_snapshot *old_snapshot,
                                    tracealloc_view view, const char *key_type,
                                    int cumulative) noexcept {
  KeyType key;
  if (!parse_key_type(key_type, cumulative, &key))
    return nullptr;
  size_t num_new = 0, num_old = 0;
  Sample *now = view_samples(*new_snapshot, view, &num_new);
  Sample *before = now ? view_samples(*old_snapshot, view, &num_old) : nullptr;
  tracealloc_statistics *list = nullptr;
  if (now && before)
    list = compare_statistics(now, num_new, new_snapshot->pool, before, num_old,
                              old_snapshot->pool, key, cumulative);
  free_array(now, num_new);
  free_array(before, num_old);
  return list;
}

TA_EXPORT size_t
tracealloc_statistics_count(const tracealloc_statistics *list) noexcept {
  return list->count;
}

TA_EXPORT const tracealloc_statistic *
tracealloc_statistics_at(const tracealloc_statistics *list,
                         size_t index) noexcept {
  return list->stats && index < list->count ? &list->stats[index] : nullptr;
}

TA_EXPORT const tracealloc_statistic_diff *
tracealloc_statistics_diff_at(const tracealloc_statistics *list,
                              size_t index) noexcept {
  return list->diffs && index < list->count ? &list->diffs[index] : nullptr;
}

TA_EXPORT void
tracealloc_statistics_free(tracealloc_statistics *list) noexcept {
  if (!list)
    return;
  free_array(list->frames, list->num_frames);
  free_array(list->stats, list->stats ? list->count : 0);
  free_array(list->diffs, list->diffs ? list->count : 0);
  release(list->pools[0]);
  release(list->pools[1]);
  free_object(list);
}
