//===- tracemalloc.hpp - Python's tracemalloc API, for C++ ----------------===//
//
// namespace tracealloc: tracemalloc's functions and classes with their
// Python names, attributes and str() text (operator<<). Header-only, C++17,
// over the C API (tracemalloc.h), so the runtime needs no C++ library.
// Python's exceptions become: ValueError -> std::invalid_argument,
// RuntimeError -> std::runtime_error, failed file access or a bad snapshot
// file -> std::runtime_error, no memory -> std::bad_alloc. Side by side
// with Python: docs/api.md.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TRACEMALLOC_HPP
#define TRACEALLOC_TRACEMALLOC_HPP

#include "tracealloc/tracemalloc.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace tracealloc {

namespace detail {

[[noreturn]] inline void throw_last_error_as_runtime_error() {
  std::string message = tracealloc_last_error();
  if (message == "out of memory")
    throw std::bad_alloc();
  throw std::runtime_error(message);
}

// Key type and limit errors are ValueErrors in Python.
[[noreturn]] inline void throw_last_error_as_invalid_argument() {
  std::string message = tracealloc_last_error();
  if (message == "out of memory")
    throw std::bad_alloc();
  throw std::invalid_argument(message);
}

// The text a C formatter writes, whatever its length.
template <typename Format> std::string format_text(Format format) {
  char small[256];
  std::size_t n = format(small, sizeof small);
  if (n < sizeof small)
    return std::string(small, n);
  std::string text(n + 1, '\0');
  format(&text[0], text.size());
  text.resize(n);
  return text;
}

} // namespace detail

// --- Frame, Traceback -------------------------------------------------------

// tracemalloc.Frame. As in Python, frames are equal and ordered by
// (filename, lineno); function and column are extras.
struct Frame {
  std::string filename;
  int lineno = 0;
  std::string function;
  int column = 0;

  Frame() = default;
  Frame(std::string filename_, int lineno_, std::string function_ = {},
        int column_ = 0)
      : filename(std::move(filename_)), lineno(lineno_),
        function(std::move(function_)), column(column_) {}
  explicit Frame(const tracealloc_frame &f)
      : filename(f.filename ? f.filename : ""), lineno(int(f.lineno)),
        function(f.function ? f.function : ""), column(int(f.column)) {}

  friend bool operator==(const Frame &a, const Frame &b) {
    return a.lineno == b.lineno && a.filename == b.filename;
  }
  friend bool operator!=(const Frame &a, const Frame &b) { return !(a == b); }
  friend bool operator<(const Frame &a, const Frame &b) {
    int c = a.filename.compare(b.filename);
    return c != 0 ? c < 0 : a.lineno < b.lineno;
  }
};

// str(Frame): "filename:lineno".
inline std::ostream &operator<<(std::ostream &os, const Frame &f) {
  return os << f.filename << ':' << f.lineno;
}

// tracemalloc.Traceback: frames from the oldest to the most recent (the
// allocation's own line is back()); total_nframe() is the length before
// truncation to the traceback limit, or nullopt in statistics.
class Traceback {
public:
  using const_iterator = std::vector<Frame>::const_iterator;

  Traceback() = default;
  explicit Traceback(std::vector<Frame> frames,
                     std::optional<std::size_t> total_nframe = std::nullopt)
      : frames_(std::move(frames)), total_nframe_(total_nframe) {}
  explicit Traceback(const tracealloc_traceback &tb) {
    frames_.reserve(tb.nframe);
    for (std::size_t i = 0; i < tb.nframe; ++i)
      frames_.emplace_back(tb.frames[i]);
    if (tb.total_nframe)
      total_nframe_ = tb.total_nframe;
  }

  std::size_t size() const { return frames_.size(); }
  bool empty() const { return frames_.empty(); }
  const Frame &operator[](std::size_t i) const { return frames_[i]; }
  const_iterator begin() const { return frames_.begin(); }
  const_iterator end() const { return frames_.end(); }
  const Frame &front() const { return frames_.front(); }
  const Frame &back() const { return frames_.back(); }
  std::optional<std::size_t> total_nframe() const { return total_nframe_; }

  // Traceback.format(limit, most_recent_first): '  File "f.c", line 3'
  // then the line's source text, for the last `limit` frames (limit > 0),
  // or all but the last -limit (limit <= 0).
  std::vector<std::string> format(std::optional<int> limit = std::nullopt,
                                  bool most_recent_first = false) const {
    std::size_t n = frames_.size(), begin = 0, end = n;
    if (limit) {
      std::size_t l = std::size_t(*limit > 0 ? *limit : -*limit);
      if (*limit > 0)
        begin = l < n ? n - l : 0; // self[-limit:]
      else if (*limit < 0)
        end = l < n ? n - l : 0; // self[:limit]
      else
        end = 0; // self[:0]
    }
    std::vector<std::string> lines;
    for (std::size_t k = begin; k < end; ++k) {
      const Frame &f = frames_[most_recent_first ? end - 1 - (k - begin) : k];
      lines.push_back("  File \"" + f.filename + "\", line " +
                      std::to_string(f.lineno));
      char text[4096];
      if (tracealloc_source_line(f.filename.c_str(), unsigned(f.lineno), text,
                                 sizeof text))
        lines.push_back(std::string("    ") + text);
    }
    return lines;
  }

  friend bool operator==(const Traceback &a, const Traceback &b) {
    return a.frames_ == b.frames_;
  }
  friend bool operator!=(const Traceback &a, const Traceback &b) {
    return !(a == b);
  }
  friend bool operator<(const Traceback &a, const Traceback &b) {
    return a.frames_ < b.frames_;
  }

private:
  std::vector<Frame> frames_;
  std::optional<std::size_t> total_nframe_;
};

// str(Traceback) is str(traceback[0]): the oldest frame, as in Python.
inline std::ostream &operator<<(std::ostream &os, const Traceback &tb) {
  if (tb.empty())
    return os << "<unknown>:0";
  return os << tb[0];
}

namespace detail {

// The C view of a traceback's first frame, which is all str() shows.
struct FirstFrame {
  tracealloc_frame frame;
  explicit FirstFrame(const Traceback &tb) : frame() {
    static const char unknown[] = "<unknown>";
    frame.filename = tb.empty() ? unknown : tb[0].filename.c_str();
    frame.lineno = tb.empty() ? 0 : unsigned(tb[0].lineno);
    frame.function = "";
  }
  tracealloc_traceback view() const { return {&frame, 1, 0}; }
};

} // namespace detail

// --- Trace, Statistic, StatisticDiff
// ------------------------------------------

// tracemalloc.Trace; str(): "f.c:3: 100 B".
struct Trace {
  unsigned int domain = 0;
  std::size_t size = 0;
  Traceback traceback;
};

inline std::string format_size(double size, bool sign = false) {
  return detail::format_text([&](char *buf, std::size_t n) {
    return tracealloc_format_size(buf, n, size, sign);
  });
}

inline std::ostream &operator<<(std::ostream &os, const Trace &t) {
  return os << t.traceback << ": " << format_size(double(t.size));
}

// tracemalloc.Statistic.
struct Statistic {
  Traceback traceback;
  std::size_t size = 0;
  std::size_t count = 0;

  friend bool operator==(const Statistic &a, const Statistic &b) {
    return a.size == b.size && a.count == b.count && a.traceback == b.traceback;
  }
  friend bool operator!=(const Statistic &a, const Statistic &b) {
    return !(a == b);
  }
};

// "f.c:3: size=1000 B, count=10, average=100 B"
inline std::ostream &operator<<(std::ostream &os, const Statistic &s) {
  detail::FirstFrame first(s.traceback);
  tracealloc_statistic c = {first.view(), s.size, s.count};
  return os << detail::format_text([&](char *buf, std::size_t n) {
           return tracealloc_format_statistic(buf, n, &c);
         });
}

// tracemalloc.StatisticDiff.
struct StatisticDiff {
  Traceback traceback;
  std::size_t size = 0;
  std::ptrdiff_t size_diff = 0;
  std::size_t count = 0;
  std::ptrdiff_t count_diff = 0;

  friend bool operator==(const StatisticDiff &a, const StatisticDiff &b) {
    return a.size == b.size && a.size_diff == b.size_diff &&
           a.count == b.count && a.count_diff == b.count_diff &&
           a.traceback == b.traceback;
  }
  friend bool operator!=(const StatisticDiff &a, const StatisticDiff &b) {
    return !(a == b);
  }
};

// "f.c:3: size=1000 B (+1000 B), count=10 (+10), average=100 B"
inline std::ostream &operator<<(std::ostream &os, const StatisticDiff &s) {
  detail::FirstFrame first(s.traceback);
  tracealloc_statistic_diff c = {first.view(), s.size, int64_t(s.size_diff),
                                 s.count, int64_t(s.count_diff)};
  return os << detail::format_text([&](char *buf, std::size_t n) {
           return tracealloc_format_statistic_diff(buf, n, &c);
         });
}

// --- Filters
// ------------------------------------------------------------------

// tracemalloc.Filter: filename_pattern is an fnmatch pattern (Python's
// rules on Linux); lineno and domain are Python's None when empty.
struct Filter {
  bool inclusive;
  std::string filename_pattern;
  std::optional<int> lineno;
  bool all_frames;
  std::optional<unsigned int> domain;

  Filter(bool inclusive_, std::string filename_pattern_,
         std::optional<int> lineno_ = std::nullopt, bool all_frames_ = false,
         std::optional<unsigned int> domain_ = std::nullopt)
      : inclusive(inclusive_), filename_pattern(std::move(filename_pattern_)),
        lineno(lineno_), all_frames(all_frames_), domain(domain_) {}
};

// tracemalloc.DomainFilter.
struct DomainFilter {
  bool inclusive;
  unsigned int domain;

  DomainFilter(bool inclusive_, unsigned int domain_)
      : inclusive(inclusive_), domain(domain_) {}
};

// An element of filter_traces()'s list, which mixes both kinds.
using BaseFilter = std::variant<Filter, DomainFilter>;

namespace detail {

// The entries of a C statistics list (null: the call failed, with a
// ValueError's reason), as C++ values; the list is freed.
template <typename Read>
auto read_list(tracealloc_statistics *list, Read read)
    -> std::vector<decltype(read(list, 0))> {
  if (!list)
    throw_last_error_as_invalid_argument();
  std::unique_ptr<tracealloc_statistics, void (*)(tracealloc_statistics *)>
      owner(list, tracealloc_statistics_free);
  std::vector<decltype(read(list, 0))> out;
  std::size_t n = tracealloc_statistics_count(list);
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(read(list, i));
  return out;
}

} // namespace detail

// --- Views, timeline, snapshot information
// -----------------------------------------------------------------

// What statistics count (tracealloc_view): live traces (Python's only
// view), what each line held at the traced-memory peak, everything
// allocated over the run, or the live traces the leak check found lost.
enum class View {
  in_use = TRACEALLOC_VIEW_IN_USE,
  at_peak = TRACEALLOC_VIEW_AT_PEAK,
  allocated = TRACEALLOC_VIEW_ALLOCATED,
  leaked = TRACEALLOC_VIEW_LEAKED,
};

// The leak check's verdict on one trace.
enum class Leak {
  unknown = TRACEALLOC_LEAK_UNKNOWN,
  leaked = TRACEALLOC_LEAK_LEAKED,
  reachable = TRACEALLOC_LEAK_REACHABLE,
};

// One (time since the runtime started, traced bytes) point.
struct Sample {
  std::uint64_t time_ns = 0;
  std::uint64_t current = 0;
};

// Where and when a snapshot was taken (tracealloc_snapshot_info).
struct SnapshotInfo {
  std::string program;
  std::uint64_t pid = 0;
  std::uint64_t time_ns = 0;
  std::uint64_t current = 0;
  std::uint64_t peak = 0;
  std::uint64_t peak_time_ns = 0;
  bool leak_checked = false;
  std::uint64_t merged = 1;
};

// --- Snapshot
// -----------------------------------------------------------------

// tracemalloc.Snapshot. Immutable. It lives in the runtime's memory, not
// the program's heap, so keeping one adds nothing to later snapshots.
class Snapshot {
public:
  // Takes ownership of a C snapshot handle.
  explicit Snapshot(tracealloc_snapshot *owned) : handle_(owned) {}
  Snapshot(const Snapshot &other) : handle_(copy_of(other.handle_)) {}
  Snapshot(Snapshot &&other) noexcept : handle_(other.handle_) {
    other.handle_ = nullptr;
  }
  Snapshot &operator=(Snapshot other) noexcept {
    std::swap(handle_, other.handle_);
    return *this;
  }
  ~Snapshot() { tracealloc_snapshot_free(handle_); }

  int traceback_limit() const {
    return tracealloc_snapshot_traceback_limit(handle_);
  }

  std::vector<Trace> traces() const {
    std::size_t n = tracealloc_snapshot_trace_count(handle_);
    std::vector<Trace> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      tracealloc_trace t = tracealloc_snapshot_trace(handle_, i);
      out.push_back({t.domain, t.size, Traceback(t.traceback)});
    }
    return out;
  }

  // Sorted as tracemalloc sorts them: size, count, traceback, descending.
  std::vector<Statistic> statistics(std::string_view key_type,
                                    bool cumulative = false) const {
    return read_statistics(tracealloc_snapshot_statistics(
        handle_, std::string(key_type).c_str(), cumulative));
  }

  std::vector<StatisticDiff> compare_to(const Snapshot &old_snapshot,
                                        std::string_view key_type,
                                        bool cumulative = false) const {
    return read_statistic_diffs(tracealloc_snapshot_compare_to(
        handle_, old_snapshot.handle_, std::string(key_type).c_str(),
        cumulative));
  }

  Snapshot filter_traces(const std::vector<BaseFilter> &filters) const {
    std::vector<tracealloc_filter> c(filters.size());
    for (std::size_t i = 0; i < filters.size(); ++i) {
      tracealloc_filter &f = c[i];
      if (auto *d = std::get_if<DomainFilter>(&filters[i])) {
        f.kind = TRACEALLOC_DOMAIN_FILTER;
        f.inclusive = d->inclusive;
        f.domain = d->domain;
      } else {
        const Filter &p = std::get<Filter>(filters[i]);
        f.kind = TRACEALLOC_FILTER;
        f.inclusive = p.inclusive;
        f.filename_pattern = p.filename_pattern.c_str();
        f.has_lineno = p.lineno.has_value();
        f.lineno = unsigned(p.lineno.value_or(0));
        f.all_frames = p.all_frames;
        f.has_domain = p.domain.has_value();
        f.domain = p.domain.value_or(0);
      }
    }
    tracealloc_snapshot *filtered =
        tracealloc_snapshot_filter_traces(handle_, c.data(), c.size());
    if (!filtered)
      detail::throw_last_error_as_runtime_error();
    return Snapshot(filtered);
  }

  bool has_view(View view) const {
    return tracealloc_snapshot_has_view(handle_, tracealloc_view(view)) != 0;
  }

  // statistics() over a view; std::invalid_argument when the snapshot has
  // no data for it.
  std::vector<Statistic> statistics(View view, std::string_view key_type,
                                    bool cumulative = false) const {
    return read_statistics(tracealloc_snapshot_statistics_view(
        handle_, tracealloc_view(view), std::string(key_type).c_str(),
        cumulative));
  }

  std::vector<StatisticDiff> compare_to(const Snapshot &old_snapshot,
                                        View view, std::string_view key_type,
                                        bool cumulative = false) const {
    return read_statistic_diffs(tracealloc_snapshot_compare_to_view(
        handle_, old_snapshot.handle_, tracealloc_view(view),
        std::string(key_type).c_str(), cumulative));
  }

  // Traced memory over time, oldest first.
  std::vector<Sample> timeline() const {
    const tracealloc_sample *samples = nullptr;
    std::size_t n = tracealloc_snapshot_timeline(handle_, &samples);
    std::vector<Sample> out(n);
    for (std::size_t i = 0; i < n; ++i)
      out[i] = {samples[i].time_ns, samples[i].current};
    return out;
  }

  SnapshotInfo info() const {
    tracealloc_snapshot_info c = {};
    SnapshotInfo out;
    if (tracealloc_snapshot_get_info(handle_, &c) != 0)
      return out;
    out.program = c.program ? c.program : "";
    out.pid = c.pid;
    out.time_ns = c.time_ns;
    out.current = c.current;
    out.peak = c.peak;
    out.peak_time_ns = c.peak_time_ns;
    out.leak_checked = c.leak_checked != 0;
    out.merged = c.merged;
    return out;
  }

  // The verdict on traces()[index].
  Leak trace_leak(std::size_t index) const {
    return Leak(tracealloc_snapshot_trace_leak(handle_, index));
  }

  void dump(const std::string &path) const {
    if (tracealloc_snapshot_dump(handle_, path.c_str()) != 0)
      detail::throw_last_error_as_runtime_error();
  }

  // load() that calls progress(done, total, user) as it reads.
  static Snapshot load(const std::string &path,
                       void (*progress)(std::uint64_t done,
                                        std::uint64_t total, void *user),
                       void *user = nullptr) {
    tracealloc_snapshot *loaded =
        tracealloc_snapshot_load_progress(path.c_str(), progress, user);
    if (!loaded)
      detail::throw_last_error_as_runtime_error();
    return Snapshot(loaded);
  }

  static Snapshot load(const std::string &path) {
    tracealloc_snapshot *loaded = tracealloc_snapshot_load(path.c_str());
    if (!loaded)
      detail::throw_last_error_as_runtime_error();
    return Snapshot(loaded);
  }

  // The snapshots as one (tracealloc_snapshot_merge: traces concatenated,
  // equal tracebacks shared, at-peak, allocated and timelines summed, a
  // view kept only if every snapshot has it); std::invalid_argument for
  // an empty list.
  static Snapshot merge(const std::vector<Snapshot> &snapshots) {
    std::vector<const tracealloc_snapshot *> handles;
    handles.reserve(snapshots.size());
    for (const Snapshot &s : snapshots)
      handles.push_back(s.handle_);
    tracealloc_snapshot *merged =
        tracealloc_snapshot_merge(handles.data(), handles.size());
    if (!merged && snapshots.empty())
      detail::throw_last_error_as_invalid_argument();
    if (!merged)
      detail::throw_last_error_as_runtime_error();
    return Snapshot(merged);
  }

  // The C handle, for the C API; owned by this snapshot.
  const tracealloc_snapshot *c_snapshot() const { return handle_; }

private:
  friend std::vector<Statistic> get_stats(std::string_view key_type);
  friend std::vector<Statistic> get_stats(View view,
                                          std::string_view key_type);

  static std::vector<Statistic> read_statistics(tracealloc_statistics *list) {
    return detail::read_list(
        list, [](const tracealloc_statistics *l, std::size_t i) {
          const tracealloc_statistic *s = tracealloc_statistics_at(l, i);
          return Statistic{Traceback(s->traceback), s->size, s->count};
        });
  }

  static std::vector<StatisticDiff>
  read_statistic_diffs(tracealloc_statistics *list) {
    return detail::read_list(
        list, [](const tracealloc_statistics *l, std::size_t i) {
          const tracealloc_statistic_diff *d =
              tracealloc_statistics_diff_at(l, i);
          return StatisticDiff{Traceback(d->traceback), d->size,
                               std::ptrdiff_t(d->size_diff), d->count,
                               std::ptrdiff_t(d->count_diff)};
        });
  }

  // Python's filter_traces([]) is a copy of the snapshot.
  static tracealloc_snapshot *copy_of(const tracealloc_snapshot *s) {
    tracealloc_snapshot *copy =
        tracealloc_snapshot_filter_traces(s, nullptr, 0);
    if (!copy)
      throw std::bad_alloc();
    return copy;
  }

  tracealloc_snapshot *handle_;
};

// --- Functions
// ----------------------------------------------------------------

// tracemalloc.start(nframe); std::invalid_argument unless 1 <= nframe <= 64.
inline void start(int nframe = 1) {
  if (tracealloc_start(nframe) != 0)
    detail::throw_last_error_as_invalid_argument();
}
inline void stop() { tracealloc_stop(); }
inline bool is_tracing() { return tracealloc_is_tracing() != 0; }
inline void clear_traces() { tracealloc_clear_traces(); }

// (current, peak) traced bytes.
inline std::pair<std::size_t, std::size_t> get_traced_memory() {
  std::size_t current = 0, peak = 0;
  tracealloc_get_traced_memory(&current, &peak);
  return {current, peak};
}
inline void reset_peak() { tracealloc_reset_peak(); }

inline int get_traceback_limit() { return tracealloc_get_traceback_limit(); }
inline void set_traceback_limit(int nframe) {
  if (tracealloc_set_traceback_limit(nframe) != 0)
    detail::throw_last_error_as_invalid_argument();
}
inline void set_traceback_limit_max() {
  set_traceback_limit(TRACEALLOC_MAX_NFRAME);
}

inline std::size_t get_tracemalloc_memory() {
  return tracealloc_get_tracemalloc_memory();
}

// Any pointer may be passed; nullopt unless it is a traced block's start.
inline std::optional<Traceback> get_object_traceback(const void *ptr) {
  tracealloc_frame frames[TRACEALLOC_MAX_NFRAME];
  tracealloc_traceback tb;
  if (!tracealloc_get_object_traceback(ptr, frames, TRACEALLOC_MAX_NFRAME, &tb))
    return std::nullopt;
  return Traceback(tb);
}

// take_snapshot().statistics(key_type) at nframe 1, from the runtime's
// per-line counters, without a snapshot.
inline std::vector<Statistic> get_stats(std::string_view key_type = "lineno") {
  return Snapshot::read_statistics(
      tracealloc_get_stats(std::string(key_type).c_str()));
}

// get_stats() over a view (in_use, at_peak or allocated), from the
// runtime's per-line counters.
inline std::vector<Statistic> get_stats(View view,
                                        std::string_view key_type = "lineno") {
  return Snapshot::read_statistics(tracealloc_get_stats_view(
      tracealloc_view(view), std::string(key_type).c_str()));
}

// std::runtime_error when not tracing, as tracemalloc raises RuntimeError.
inline Snapshot take_snapshot() {
  tracealloc_snapshot *s = tracealloc_take_snapshot();
  if (!s)
    detail::throw_last_error_as_runtime_error();
  return Snapshot(s);
}

// PyTraceMalloc_Track / Untrack: 0, or -2 when not tracing. Always inlined,
// so the block is charged to the line that calls track().
__attribute__((always_inline)) inline int
track(unsigned int domain, std::uintptr_t ptr, std::size_t size) {
  return tracealloc_track(domain, ptr, size);
}
inline int untrack(unsigned int domain, std::uintptr_t ptr) {
  return tracealloc_untrack(domain, ptr);
}

} // namespace tracealloc

#endif
