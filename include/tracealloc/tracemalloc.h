/*===- tracemalloc.h - Python's tracemalloc API, for C --------------------===*
 *
 * The C API of the TraceAlloc runtime (libtracealloc_rt.so): tracing
 * control, traced memory, object tracebacks, foreign blocks in domains, and
 * snapshots with tracemalloc's statistics, comparisons, filters and files.
 * Usable from C99 and C++; the C++ API (tracemalloc.hpp) is built on it.
 * What each function does, next to Python's: docs/api.md.
 *
 * Errors: a function that can fail returns -1 or NULL and sets a message
 * for the calling thread, read with tracealloc_last_error().
 * Ownership: every handle a function returns is the caller's, to give back
 * with its _free function; a handle never depends on another one.
 *===----------------------------------------------------------------------===*/
#ifndef TRACEALLOC_TRACEMALLOC_H
#define TRACEALLOC_TRACEMALLOC_H

#define TRACEALLOC_VERSION_MAJOR 0
#define TRACEALLOC_VERSION_MINOR 1
/* 100 for 0.1.0: major * 10000 + minor * 100 + patch */
#define TRACEALLOC_VERSION 100

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* --- Attributes -----------------------------------------------------------*/
#if defined(__GNUC__) || defined(__clang__)
#define tracealloc_api __attribute__((visibility("default")))
#define tracealloc_nodiscard __attribute__((warn_unused_result))
#else
#define tracealloc_api
#define tracealloc_nodiscard
#endif
#ifdef __cplusplus
#define tracealloc_noexcept noexcept
extern "C" {
#else
#define tracealloc_noexcept
#endif

/* --- Errors ---------------------------------------------------------------*/

/* The message of the calling thread's last failed call ("" if none). */
tracealloc_api const char *tracealloc_last_error(void) tracealloc_noexcept;

/* --- Tracing --------------------------------------------------------------*/

/* The largest traceback limit (frames per traceback) this build supports. */
#define TRACEALLOC_MAX_NFRAME 64

/* tracemalloc.start(nframe): 0, or -1 if nframe is not in
 * [1; TRACEALLOC_MAX_NFRAME]. When already tracing, sets the limit. */
tracealloc_api int tracealloc_start(int nframe) tracealloc_noexcept;
/* tracemalloc.stop(): stops tracing and forgets every trace. */
tracealloc_api void tracealloc_stop(void) tracealloc_noexcept;
tracealloc_api int tracealloc_is_tracing(void) tracealloc_noexcept;
/* Forgets every trace (the blocks stay allocated); resets traced memory. */
tracealloc_api void tracealloc_clear_traces(void) tracealloc_noexcept;
/* Traced bytes in use now and the most ever in use (either may be NULL). */
tracealloc_api void
tracealloc_get_traced_memory(size_t *current, size_t *peak) tracealloc_noexcept;
/* The peak becomes the current traced memory. */
tracealloc_api void tracealloc_reset_peak(void) tracealloc_noexcept;
tracealloc_api int tracealloc_get_traceback_limit(void) tracealloc_noexcept;
/* 0, or -1 if nframe is not in [1; TRACEALLOC_MAX_NFRAME]. */
tracealloc_api int
tracealloc_set_traceback_limit(int nframe) tracealloc_noexcept;
/* Bytes the runtime itself uses for its tables. */
tracealloc_api size_t tracealloc_get_tracemalloc_memory(void)
    tracealloc_noexcept;

/* --- Foreign blocks (PyTraceMalloc_Track / Untrack) -----------------------*/

/* Traces [ptr, ptr + size) in `domain` (0 is the program's heap), charged
 * to the calling line when the caller was compiled with TraceAlloc. 0 on
 * success, -2 when not tracing, -1 when out of memory. Tracking an address
 * again replaces its trace. */
tracealloc_api int tracealloc_track(unsigned int domain, uintptr_t ptr,
                                    size_t size) tracealloc_noexcept;
/* 0 (also for an address that is not tracked), -2 when not tracing. */
tracealloc_api int tracealloc_untrack(unsigned int domain,
                                      uintptr_t ptr) tracealloc_noexcept;

/* --- Frames and tracebacks ------------------------------------------------*/

typedef struct tracealloc_frame {
  const char *filename;
  unsigned int lineno;
  unsigned int column;  /* 0 when unknown, and in statistics */
  const char *function; /* "" when unknown */
} tracealloc_frame;

/* A traceback, oldest frame first (as tracemalloc.Traceback). */
typedef struct tracealloc_traceback {
  const tracealloc_frame *frames;
  size_t nframe;
  /* Frames before truncation to the traceback limit; 0 in statistics,
   * where Python's total_nframe is None. */
  size_t total_nframe;
} tracealloc_traceback;

/* tracemalloc.get_object_traceback for the block at `ptr` (any pointer):
 * 1 and *out (frames written to `frames`, at most max_frames) if the block
 * is traced, else 0. The names live as long as the process. */
tracealloc_api int
tracealloc_get_object_traceback(const void *ptr, tracealloc_frame *frames,
                                size_t max_frames,
                                tracealloc_traceback *out) tracealloc_noexcept;

/* --- Snapshots ------------------------------------------------------------*/

typedef struct tracealloc_snapshot tracealloc_snapshot;

typedef struct tracealloc_trace {
  unsigned int domain;
  size_t size;
  tracealloc_traceback traceback;
} tracealloc_trace;

/* tracemalloc.take_snapshot(); NULL when not tracing or out of memory. */
tracealloc_api tracealloc_nodiscard tracealloc_snapshot *
tracealloc_take_snapshot(void) tracealloc_noexcept;
tracealloc_api void
tracealloc_snapshot_free(tracealloc_snapshot *snapshot) tracealloc_noexcept;
tracealloc_api int tracealloc_snapshot_traceback_limit(
    const tracealloc_snapshot *snapshot) tracealloc_noexcept;
tracealloc_api size_t tracealloc_snapshot_trace_count(
    const tracealloc_snapshot *snapshot) tracealloc_noexcept;
/* The index-th trace; its frames live as long as the snapshot. */
tracealloc_api tracealloc_trace tracealloc_snapshot_trace(
    const tracealloc_snapshot *snapshot, size_t index) tracealloc_noexcept;

/* Snapshot.dump / Snapshot.load, in the format of docs/snapshot-format.md.
 * dump: 0 or -1; load: NULL for a missing, truncated, corrupt,
 * wrong-version or foreign file, with the reason in tracealloc_last_error. */
tracealloc_api int
tracealloc_snapshot_dump(const tracealloc_snapshot *snapshot,
                         const char *path) tracealloc_noexcept;
tracealloc_api tracealloc_nodiscard tracealloc_snapshot *
tracealloc_snapshot_load(const char *path) tracealloc_noexcept;

/* --- Filters --------------------------------------------------------------*/

typedef enum tracealloc_filter_kind {
  TRACEALLOC_FILTER = 0,       /* tracemalloc.Filter */
  TRACEALLOC_DOMAIN_FILTER = 1 /* tracemalloc.DomainFilter */
} tracealloc_filter_kind;

typedef struct tracealloc_filter {
  tracealloc_filter_kind kind;
  int inclusive;
  unsigned int domain; /* DomainFilter; Filter: only with has_domain */
  int has_domain;
  /* Filter only: */
  const char *filename_pattern; /* fnmatch, as Python's on Linux */
  int has_lineno;
  unsigned int lineno;
  int all_frames;
} tracealloc_filter;

/* Snapshot.filter_traces(filters); NULL when out of memory or a filter is
 * malformed. */
tracealloc_api tracealloc_nodiscard tracealloc_snapshot *
tracealloc_snapshot_filter_traces(const tracealloc_snapshot *snapshot,
                                  const tracealloc_filter *filters,
                                  size_t num_filters) tracealloc_noexcept;

/* --- Statistics -----------------------------------------------------------*/

typedef struct tracealloc_statistic {
  tracealloc_traceback traceback;
  size_t size;
  size_t count;
} tracealloc_statistic;

typedef struct tracealloc_statistic_diff {
  tracealloc_traceback traceback;
  size_t size;
  int64_t size_diff;
  size_t count;
  int64_t count_diff;
} tracealloc_statistic_diff;

/* A sorted list of statistics, or of differences (compare_to). */
typedef struct tracealloc_statistics tracealloc_statistics;

/* Snapshot.statistics(key_type, cumulative); key_type is "filename",
 * "lineno" or "traceback". NULL for a bad key type, cumulative with
 * "traceback", or no memory. */
tracealloc_api tracealloc_nodiscard tracealloc_statistics *
tracealloc_snapshot_statistics(const tracealloc_snapshot *snapshot,
                               const char *key_type,
                               int cumulative) tracealloc_noexcept;
/* new_snapshot.compare_to(old_snapshot, key_type, cumulative). */
tracealloc_api tracealloc_nodiscard tracealloc_statistics *
tracealloc_snapshot_compare_to(const tracealloc_snapshot *new_snapshot,
                               const tracealloc_snapshot *old_snapshot,
                               const char *key_type,
                               int cumulative) tracealloc_noexcept;
/* take_snapshot().statistics(key_type) at traceback limit 1, computed from
 * the runtime's per-line counters without a snapshot. */
tracealloc_api tracealloc_nodiscard tracealloc_statistics *
tracealloc_get_stats(const char *key_type) tracealloc_noexcept;

tracealloc_api size_t tracealloc_statistics_count(
    const tracealloc_statistics *list) tracealloc_noexcept;
/* Entry `index` of statistics() / get_stats(); NULL for a compare_to list
 * or an index out of range. Valid until the list is freed. */
tracealloc_api const tracealloc_statistic *
tracealloc_statistics_at(const tracealloc_statistics *list,
                         size_t index) tracealloc_noexcept;
/* Entry `index` of compare_to(); NULL otherwise. */
tracealloc_api const tracealloc_statistic_diff *
tracealloc_statistics_diff_at(const tracealloc_statistics *list,
                              size_t index) tracealloc_noexcept;
tracealloc_api void
tracealloc_statistics_free(tracealloc_statistics *list) tracealloc_noexcept;

/* --- Views: at peak, over the run, leaked ---------------------------------*/

/* What a statistic counts. Python's snapshots hold IN_USE only; the others
 * come from the runtime's per-line counters (docs/guide-peak.md). For
 * AT_PEAK and ALLOCATED a statistic's count is blocks (live at the peak,
 * or allocated over the run) and its size bytes. */
typedef enum tracealloc_view {
  TRACEALLOC_VIEW_IN_USE = 0,    /* live traces: what tracemalloc's snapshots hold */
  TRACEALLOC_VIEW_AT_PEAK = 1,   /* what each traceback held at the process's traced-memory peak */
  TRACEALLOC_VIEW_ALLOCATED = 2, /* everything allocated over the run (cumulative totals) */
  TRACEALLOC_VIEW_LEAKED = 3     /* live traces the leak check found unreachable */
} tracealloc_view;

/* 1 if the snapshot holds data for `view`, else 0. A live snapshot has
 * IN_USE, AT_PEAK and ALLOCATED; LEAKED only after a leak check. */
tracealloc_api int
tracealloc_snapshot_has_view(const tracealloc_snapshot *snapshot,
                             tracealloc_view view) tracealloc_noexcept;
/* statistics() over a view; NULL, with "the snapshot has no at-peak data"
 * (etc.) as the last error, when the snapshot lacks it. */
tracealloc_api tracealloc_nodiscard tracealloc_statistics *
tracealloc_snapshot_statistics_view(const tracealloc_snapshot *snapshot,
                                    tracealloc_view view, const char *key_type,
                                    int cumulative) tracealloc_noexcept;
/* compare_to() over a view; both snapshots must have it. */
tracealloc_api tracealloc_nodiscard tracealloc_statistics *
tracealloc_snapshot_compare_to_view(const tracealloc_snapshot *new_snapshot,
                                    const tracealloc_snapshot *old_snapshot,
                                    tracealloc_view view, const char *key_type,
                                    int cumulative) tracealloc_noexcept;
/* get_stats() over a view, from the per-line counters (LEAKED: NULL). */
tracealloc_api tracealloc_nodiscard tracealloc_statistics *
tracealloc_get_stats_view(tracealloc_view view,
                          const char *key_type) tracealloc_noexcept;

/* --- Timeline and snapshot information -----------------------------------*/

/* One point of the traced-memory timeline. */
typedef struct tracealloc_sample {
  uint64_t time_ns; /* since the runtime started */
  uint64_t current; /* traced bytes */
} tracealloc_sample;

/* The snapshot's timeline, oldest first: the number of samples, and
 * *samples (valid as long as the snapshot) pointing at them. */
tracealloc_api size_t
tracealloc_snapshot_timeline(const tracealloc_snapshot *snapshot,
                             const tracealloc_sample **samples)
    tracealloc_noexcept;

typedef struct tracealloc_snapshot_info {
  const char *program; /* argv[0], "" if unknown; valid as long as the snapshot */
  uint64_t pid;
  uint64_t time_ns; /* when taken, since the runtime started */
  uint64_t current; /* traced bytes then */
  uint64_t peak;    /* the most traced bytes ever in use before */
  uint64_t peak_time_ns;
  int leak_checked; /* leak verdicts present */
  uint64_t merged;  /* number of snapshots merged into this one, 1 for an original */
} tracealloc_snapshot_info;

/* 0 and *out filled, or -1. */
tracealloc_api int
tracealloc_snapshot_get_info(const tracealloc_snapshot *snapshot,
                             tracealloc_snapshot_info *out) tracealloc_noexcept;

/* The leak check's verdict on a trace of tracealloc_snapshot_trace(). */
enum {
  TRACEALLOC_LEAK_UNKNOWN = 0,
  TRACEALLOC_LEAK_LEAKED = 1,
  TRACEALLOC_LEAK_REACHABLE = 2
};
/* TRACEALLOC_LEAK_*; UNKNOWN for an index out of range or an unchecked
 * snapshot. */
tracealloc_api int
tracealloc_snapshot_trace_leak(const tracealloc_snapshot *snapshot,
                               size_t index) tracealloc_noexcept;

/* tracealloc_snapshot_load, calling progress(done, total, user) as it
 * reads (bytes; total is the file's size) when progress is not NULL. */
tracealloc_api tracealloc_nodiscard tracealloc_snapshot *
tracealloc_snapshot_load_progress(const char *path,
                                  void (*progress)(uint64_t done,
                                                   uint64_t total, void *user),
                                  void *user) tracealloc_noexcept;

/* The n snapshots (n >= 1: processes of one run, test binaries) as one:
 * traces concatenated, equal tracebacks shared, at-peak and allocated
 * totals summed per traceback, timelines summed, info.merged summed. A
 * view is kept only if every input has it. NULL (last error set) for
 * n == 0, a NULL input, or no memory. Details: docs/cli.md ("merge"). */
tracealloc_api tracealloc_nodiscard tracealloc_snapshot *
tracealloc_snapshot_merge(const tracealloc_snapshot *const *snapshots,
                          size_t n) tracealloc_noexcept;

/* --- Text, as Python's str() ----------------------------------------------*/

/* Each writes at most buf_size bytes, NUL included, and returns the length
 * of the whole text (as snprintf). */
/* tracemalloc._format_size(size, sign): "10.0 KiB", "+1536 B". */
tracealloc_api size_t tracealloc_format_size(char *buf, size_t buf_size,
                                             double size,
                                             int sign) tracealloc_noexcept;
/* str(Statistic): "a.c:12: size=10.0 KiB, count=5, average=2048 B". */
tracealloc_api size_t tracealloc_format_statistic(
    char *buf, size_t buf_size,
    const tracealloc_statistic *stat) tracealloc_noexcept;
/* str(StatisticDiff): "a.c:12: size=1000 B (+1000 B), count=1 (+1), ...". */
tracealloc_api size_t tracealloc_format_statistic_diff(
    char *buf, size_t buf_size,
    const tracealloc_statistic_diff *diff) tracealloc_noexcept;
/* linecache.getline(filename, lineno).strip(): 1 and the text, or 0 when
 * the line cannot be read or is blank. */
tracealloc_api int tracealloc_source_line(const char *filename,
                                          unsigned int lineno, char *buf,
                                          size_t buf_size) tracealloc_noexcept;

/* The tracemalloc documentation's first example in one call: takes a
 * snapshot and prints str() of its `limit` largest statistics of key_type,
 * one a line. 0, or -1 (not tracing, bad key type, write error). */
tracealloc_api int tracealloc_print_top(FILE *out, const char *key_type,
                                        size_t limit) tracealloc_noexcept;

/* --- Startup
 * ----------------------------------------------------------------*/

/* Makes the runtime keep the table of live blocks that snapshots and
 * get_object_traceback read, from now on (programs that never include this
 * header do not pay for it). Every file that includes this header calls it
 * from a constructor, before the program's own constructors. */
tracealloc_api void tracealloc_keep_traces(void) tracealloc_noexcept;

#if (defined(__GNUC__) || defined(__clang__)) &&                              \
    !defined(TRACEALLOC_BUILDING_RUNTIME)
__attribute__((constructor(101), used)) static void
tracealloc_keep_traces_at_startup(void) tracealloc_noexcept {
  tracealloc_keep_traces();
}
#endif

#ifdef __cplusplus
}
#endif

#endif /* TRACEALLOC_TRACEMALLOC_H */
