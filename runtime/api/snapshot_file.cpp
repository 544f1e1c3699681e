//===- snapshot_file.cpp - Snapshot.dump and Snapshot.load ----------------===//
//
// The file format is docs/snapshot-format.md: a fixed header, the names,
// frames, tracebacks, traces and their leak verdicts, the at-peak and
// allocated totals, the timeline and the process's information, then a
// CRC-32 of everything before it.
// Every integer is little-endian whatever the machine. The loader trusts
// nothing: it checks the header, the length, the checksum, then every
// count and index against what the file can hold before using it, so a
// truncated, corrupt or foreign file gives a message, never a crash.
//
//===----------------------------------------------------------------------===//
#include "api/api_error.h"
#include "api/api_memory.h"
#include "api/snapshot.h"
#include "core/crc32.h"
#include "core/diagnostics.h"
#include "core/live_traces.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tracealloc {
namespace rt {
namespace {

constexpr unsigned char kMagic[8] = {0x89, 'T', 'A', 'S', 'N', 'A', 'P', '\n'};
constexpr uint32_t kFormatVersion = 3;
constexpr size_t kHeaderSize = 72;
constexpr size_t kChecksumSize = 4;
// Smallest encodings, to bound counts by the bytes that hold them.
constexpr size_t kMinString = 4, kFrameSize = 16, kMinTraceback = 16,
                 kTraceSize = 16, kTotalSize = 24, kSampleSize = 16,
                 kInfoSize = 56;
// Header flags: which optional parts the body has.
constexpr uint32_t kHasLeakVerdicts = 1, kHasAtPeak = 2, kHasAllocated = 4,
                   kKnownFlags = 7;

// The header's counts.
struct Counts {
  uint32_t strings, frames, tracebacks, flags;
  uint64_t traces, at_peak, allocated;
  uint32_t samples;
};

// --- Writing ---------------------------------------------------------------

struct Writer {
  unsigned char *data;
  size_t size;
  size_t used;

  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i)
      data[used++] = static_cast<unsigned char>(v >> (8 * i));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i)
      data[used++] = static_cast<unsigned char>(v >> (8 * i));
  }
  void bytes(const void *p, size_t n) {
    memcpy(data + used, p, n);
    used += n;
  }
};

int by_address(const void *a, const void *b) {
  auto x = reinterpret_cast<uintptr_t>(*static_cast<const char *const *>(a));
  auto y = reinterpret_cast<uintptr_t>(*static_cast<const char *const *>(b));
  return x < y ? -1 : x > y;
}

const char *name_or_empty(const char *s) { return s ? s : ""; }

// Entry i of a dumped frame table: the snapshot's frames, then one line
// frame per traceback.
const tracealloc_frame &table_frame(const tracealloc_snapshot &s, size_t i) {
  return i < s.num_frames ? s.frames[i] : s.tracebacks[i - s.num_frames].line;
}

// Index of `s` in the sorted, distinct `names`.
uint32_t name_index(const char *const *names, size_t n, const char *s) {
  s = name_or_empty(s);
  auto *found = static_cast<const char *const *>(
      bsearch(&s, names, n, sizeof *names, by_address));
  return uint32_t(found - names);
}

// --- Reading ---------------------------------------------------------------

struct Reader {
  const unsigned char *data;
  size_t size;
  size_t pos;

  bool has(size_t n) const { return size - pos >= n; }
  uint32_t u32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= uint32_t(data[pos++]) << (8 * i);
    return v;
  }
  uint64_t u64() {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= uint64_t(data[pos++]) << (8 * i);
    return v;
  }
};

// The whole file in runtime memory; false (last error set) if unreadable.
// progress(done, total, user), if not null, as reading goes on.
bool read_file(const char *path, unsigned char **data, size_t *size,
               void (*progress)(uint64_t, uint64_t, void *), void *user) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    set_last_error("cannot load snapshot '%s': %s", path, strerror(errno));
    return false;
  }
  struct stat st;
  const char *problem = nullptr;
  if (fstat(fd, &st) != 0)
    problem = strerror(errno);
  else if (S_ISDIR(st.st_mode))
    problem = strerror(EISDIR);
  else if (!S_ISREG(st.st_mode))
    problem = "not a regular file";
  size_t n = problem ? 0 : size_t(st.st_size);
  unsigned char *buf = problem ? nullptr : alloc_array<unsigned char>(n);
  if (!problem && !buf)
    problem = "out of memory";
  size_t got = 0;
  // Pieces of 4 MiB, so progress moves on a large file.
  constexpr size_t kPiece = size_t(4) << 20;
  while (!problem && got < n) {
    if (progress)
      progress(got, n, user);
    ssize_t r = read(fd, buf + got, n - got < kPiece ? n - got : kPiece);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0)
      problem = strerror(errno);
    if (r <= 0)
      break; // a file that shrank while read is simply shorter
    got += size_t(r);
  }
  close(fd);
  if (problem) {
    set_last_error("cannot load snapshot '%s': %s", path, problem);
    free_array(buf, n);
    return false;
  }
  *data = buf;
  *size = n;
  // Bytes past `got` stay zero: they read as a truncated or corrupt file.
  return true;
}

bool corrupt(const char *path, const char *what) {
  set_last_error("cannot load snapshot '%s': the file is corrupt (%s)", path,
                 what);
  return false;
}

bool truncated(const char *path) {
  set_last_error("cannot load snapshot '%s': the file is truncated", path);
  return false;
}

// The optional parts after the traces: leak verdicts, totals, timeline,
// information. `problem` set on the first bad thing.
void parse_extras(Reader &in, tracealloc_snapshot *s, const Counts &c,
                  const tracealloc_frame *table, const char **names,
                  const char **problem) {
  if (c.flags & kHasLeakVerdicts) {
    if (!alloc_leak_verdicts(s)) {
      *problem = "out of memory";
      return;
    }
    for (uint64_t i = 0; i < c.traces; ++i) {
      uint8_t v = in.data[in.pos++];
      if (v > TRACEALLOC_LEAK_REACHABLE) {
        *problem = "a leak verdict is out of range";
        return;
      }
      s->leak[i] = v;
    }
  }
  SnapshotTotals *views[2] = {&s->at_peak, &s->allocated};
  uint64_t counts[2] = {c.at_peak, c.allocated};
  uint32_t flags[2] = {kHasAtPeak, kHasAllocated};
  for (int v = 0; v < 2; ++v) {
    if (!(c.flags & flags[v]))
      continue;
    if (!alloc_totals(views[v], counts[v])) {
      *problem = "out of memory";
      return;
    }
    for (uint64_t i = 0; i < counts[v]; ++i) {
      uint32_t domain = in.u32(), traceback = in.u32();
      uint64_t size = in.u64(), count = in.u64();
      if (traceback >= s->num_tracebacks) {
        *problem = "a total names a traceback that does not exist";
        return;
      }
      views[v]->items[i] = {size, count, domain, traceback};
    }
  }
  if (!alloc_timeline(s, c.samples)) {
    *problem = "out of memory";
    return;
  }
  for (uint32_t i = 0; i < c.samples; ++i) {
    uint64_t time_ns = in.u64(), current = in.u64();
    if (i && time_ns < s->timeline[i - 1].time_ns) {
      *problem = "the timeline goes back in time";
      return;
    }
    s->timeline[i] = {time_ns, current};
  }
  uint32_t program = in.u32();
  in.u32(); // reserved
  tracealloc_snapshot_info &info = s->info;
  info.pid = in.u64();
  info.time_ns = in.u64();
  info.current = in.u64();
  info.peak = in.u64();
  info.peak_time_ns = in.u64();
  info.merged = in.u64();
  if (program >= c.strings)
    *problem = "the program's name is a string that does not exist";
  else if (info.merged == 0)
    *problem = "the number of merged snapshots is 0";
  else
    info.program = names[program];
}

// Parses a body whose header, length and checksum are known to be good.
tracealloc_snapshot *parse_body(const char *path, Reader &in,
                                int traceback_limit, const Counts &c) {
  size_t body = in.size - in.pos;
  if (c.strings > body / kMinString || c.frames > body / kFrameSize ||
      c.tracebacks > body / kMinTraceback || c.traces > body / kTraceSize ||
      c.at_peak > body / kTotalSize || c.allocated > body / kTotalSize ||
      c.samples > body / kSampleSize) {
    corrupt(path, "a count exceeds the file's size");
    return nullptr;
  }
  if (((c.flags & kHasAtPeak) == 0 && c.at_peak) ||
      ((c.flags & kHasAllocated) == 0 && c.allocated)) {
    corrupt(path, "a view has totals but its flag is not set");
    return nullptr;
  }
  // Names: the pool gets them NUL-terminated, one after the other.
  size_t pool_size = 0;
  Reader scan = in;
  for (uint32_t i = 0; i < c.strings; ++i) {
    if (!scan.has(4)) {
      corrupt(path, "the names run past the end");
      return nullptr;
    }
    uint32_t len = scan.u32();
    if (!scan.has(len)) {
      corrupt(path, "the names run past the end");
      return nullptr;
    }
    if (memchr(scan.data + scan.pos, '\0', len)) {
      corrupt(path, "a name contains a NUL byte");
      return nullptr;
    }
    scan.pos += len;
    pool_size += size_t(len) + 1;
  }
  StringPool *pool = new_string_pool(pool_size ? pool_size : 1);
  const char **names = alloc_array<const char *>(c.strings);
  tracealloc_frame *table = alloc_array<tracealloc_frame>(c.frames);
  tracealloc_snapshot *s = nullptr;
  const char *problem = nullptr;
  if (!pool || !names || !table) {
    problem = "out of memory";
  } else {
    size_t used = 0;
    for (uint32_t i = 0; i < c.strings; ++i) {
      uint32_t len = in.u32();
      names[i] = pool->data + used;
      memcpy(pool->data + used, in.data + in.pos, len);
      in.pos += len;
      used += size_t(len) + 1;
    }
    if (!in.has(size_t(c.frames) * kFrameSize))
      problem = "the frames run past the end";
    for (uint32_t i = 0; !problem && i < c.frames; ++i) {
      uint32_t file = in.u32(), function = in.u32();
      uint32_t line = in.u32(), column = in.u32();
      if (file >= c.strings || function >= c.strings)
        problem = "a frame names a string that does not exist";
      else
        table[i] = {names[file], line, column, names[function]};
    }
    // Tracebacks: first pass for the number of frames they hold.
    Reader tb = in;
    size_t total_frames = 0;
    for (uint32_t i = 0; !problem && i < c.tracebacks; ++i) {
      if (!tb.has(12)) {
        problem = "the tracebacks run past the end";
        break;
      }
      uint32_t nframe = tb.u32(), total = tb.u32();
      tb.u32(); // the line frame, checked below
      if (nframe < 1 || nframe > uint32_t(traceback_limit) || total < nframe)
        problem = "a traceback has an impossible number of frames";
      else if (!tb.has(size_t(nframe) * 4))
        problem = "the tracebacks run past the end";
      else
        tb.pos += size_t(nframe) * 4;
      total_frames += nframe;
    }
    // What follows the tracebacks has a known size: check it before
    // allocating for it.
    uint64_t rest = c.traces * kTraceSize +
                    (c.flags & kHasLeakVerdicts ? c.traces : 0) +
                    (c.at_peak + c.allocated) * kTotalSize +
                    uint64_t(c.samples) * kSampleSize + kInfoSize;
    if (!problem && !tb.has(rest))
      problem = "the traces and what follows run past the end";
    else if (!problem && tb.size - tb.pos != rest)
      problem = "there are bytes after the snapshot's information";
    if (!problem) {
      s = new_snapshot(traceback_limit, total_frames, c.tracebacks, c.traces);
      if (!s)
        problem = "out of memory";
    }
    size_t f = 0;
    for (uint32_t i = 0; !problem && i < c.tracebacks; ++i) {
      uint32_t nframe = in.u32(), total = in.u32(), line = in.u32();
      s->tracebacks[i] = {uint32_t(f), nframe, total, {}};
      if (line >= c.frames)
        problem = "a traceback names a frame that does not exist";
      else
        s->tracebacks[i].line = table[line];
      for (uint32_t k = 0; k < nframe && !problem; ++k) {
        uint32_t index = in.u32();
        if (index >= c.frames)
          problem = "a traceback names a frame that does not exist";
        else
          s->frames[f++] = table[index];
      }
    }
    for (uint64_t i = 0; !problem && i < c.traces; ++i) {
      uint32_t domain = in.u32(), traceback = in.u32();
      uint64_t size = in.u64();
      if (traceback >= c.tracebacks)
        problem = "a trace names a traceback that does not exist";
      else
        s->traces[i] = {size, domain, traceback};
    }
    if (!problem)
      parse_extras(in, s, c, table, names, &problem);
  }
  free_array(names, c.strings);
  free_array(table, c.frames);
  if (problem) {
    if (strcmp(problem, "out of memory") == 0)
      set_last_error("cannot load snapshot '%s': out of memory", path);
    else
      corrupt(path, problem);
    free_snapshot(s);
    release(pool);
    return nullptr;
  }
  s->pool = pool;
  return s;
}

tracealloc_snapshot *load(const char *path, const unsigned char *data,
                          size_t size) {
  size_t magic = size < sizeof kMagic ? size : sizeof kMagic;
  if (memcmp(data, kMagic, magic) != 0 || size == 0) {
    set_last_error("cannot load snapshot '%s': not a TraceAlloc snapshot "
                   "file",
                   path);
    return nullptr;
  }
  // The version first: an older file is shorter than this header.
  if (size < sizeof kMagic + 4) {
    truncated(path);
    return nullptr;
  }
  Reader in = {data, size, sizeof kMagic};
  uint32_t version = in.u32();
  if (version != kFormatVersion) {
    set_last_error("cannot load snapshot '%s': snapshot format version %u "
                   "is not supported (this runtime reads version %u)",
                   path, version, kFormatVersion);
    return nullptr;
  }
  if (size < kHeaderSize) {
    truncated(path);
    return nullptr;
  }
  uint32_t limit = in.u32();
  uint64_t body_size = in.u64();
  Counts c;
  c.strings = in.u32();
  c.frames = in.u32();
  c.tracebacks = in.u32();
  c.flags = in.u32();
  c.traces = in.u64();
  c.at_peak = in.u64();
  c.allocated = in.u64();
  c.samples = in.u32();
  uint32_t reserved = in.u32();
  if (body_size > size - kHeaderSize ||
      size - kHeaderSize - body_size < kChecksumSize) {
    truncated(path);
    return nullptr;
  }
  if (size - kHeaderSize - body_size > kChecksumSize) {
    corrupt(path, "there are bytes after the end of the snapshot");
    return nullptr;
  }
  Reader sum = {data, size, kHeaderSize + body_size};
  if (sum.u32() != crc32(data, kHeaderSize + body_size)) {
    corrupt(path, "checksum mismatch");
    return nullptr;
  }
  if (limit < 1 || limit > uint32_t(kMaxTracebackLimit)) {
    corrupt(path, "the traceback limit is out of range");
    return nullptr;
  }
  if ((c.flags & ~kKnownFlags) || reserved) {
    corrupt(path, "unknown flags or a reserved field set");
    return nullptr;
  }
  Reader body = {data, kHeaderSize + body_size, kHeaderSize};
  return parse_body(path, body, int(limit), c);
}

// The names a dump refers to, distinct and sorted by address (live names
// are interned, loaded ones pooled once each, so equal names are nearly
// always one pointer): the frames', the line frames', the program's.
const char **dump_names(const tracealloc_snapshot &s, size_t num_table,
                        size_t *max_names, size_t *num_names) {
  *max_names = 2 * num_table + 1;
  const char **names = alloc_array<const char *>(*max_names);
  if (!names)
    return nullptr;
  for (size_t i = 0; i < num_table; ++i) {
    const tracealloc_frame &f = table_frame(s, i);
    names[2 * i] = name_or_empty(f.filename);
    names[2 * i + 1] = name_or_empty(f.function);
  }
  names[2 * num_table] = name_or_empty(s.info.program);
  qsort(names, *max_names, sizeof *names, by_address);
  size_t n = 0;
  for (size_t i = 0; i < *max_names; ++i)
    if (!n || names[n - 1] != names[i])
      names[n++] = names[i];
  *num_names = n;
  return names;
}

void write_totals(Writer &out, const SnapshotTotals &totals) {
  for (size_t i = 0; i < totals.count; ++i) {
    const SnapshotTotal &t = totals.items[i];
    out.u32(t.domain);
    out.u32(t.traceback);
    out.u64(t.size);
    out.u64(t.count);
  }
}

// The whole file in `out`; false (last error set) when out of memory.
bool encode(const tracealloc_snapshot &s, Writer &out) {
  // The frame table: the tracebacks' frames, then each traceback's line
  // frame (what "lineno" statistics charge, not always one of its frames).
  size_t num_table = s.num_frames + s.num_tracebacks;
  size_t max_names = 0, num_names = 0;
  const char **names = dump_names(s, num_table, &max_names, &num_names);
  if (!names) {
    set_out_of_memory();
    return false;
  }
  uint32_t flags = (s.leak ? kHasLeakVerdicts : 0) |
                   (s.at_peak.present ? kHasAtPeak : 0) |
                   (s.allocated.present ? kHasAllocated : 0);
  size_t body = 0;
  for (size_t i = 0; i < num_names; ++i)
    body += 4 + strlen(names[i]);
  body += num_table * kFrameSize;
  for (size_t i = 0; i < s.num_tracebacks; ++i)
    body += 12 + 4 * size_t(s.tracebacks[i].nframe);
  body += s.num_traces * kTraceSize + (s.leak ? s.num_traces : 0);
  body += (s.at_peak.count + s.allocated.count) * kTotalSize;
  body += s.num_timeline * kSampleSize + kInfoSize;
  size_t file_size = kHeaderSize + body + kChecksumSize;
  out = {alloc_array<unsigned char>(file_size), file_size, 0};
  if (!out.data) {
    free_array(names, max_names);
    set_out_of_memory();
    return false;
  }
  out.bytes(kMagic, sizeof kMagic);
  out.u32(kFormatVersion);
  out.u32(uint32_t(s.traceback_limit));
  out.u64(body);
  out.u32(uint32_t(num_names));
  out.u32(uint32_t(num_table));
  out.u32(uint32_t(s.num_tracebacks));
  out.u32(flags);
  out.u64(s.num_traces);
  out.u64(s.at_peak.count);
  out.u64(s.allocated.count);
  out.u32(uint32_t(s.num_timeline));
  out.u32(0);
  for (size_t i = 0; i < num_names; ++i) {
    size_t len = strlen(names[i]);
    out.u32(uint32_t(len));
    out.bytes(names[i], len);
  }
  for (size_t i = 0; i < num_table; ++i) {
    const tracealloc_frame &f = table_frame(s, i);
    out.u32(name_index(names, num_names, f.filename));
    out.u32(name_index(names, num_names, f.function));
    out.u32(f.lineno);
    out.u32(f.column);
  }
  for (size_t i = 0; i < s.num_tracebacks; ++i) {
    const SnapshotTraceback &t = s.tracebacks[i];
    out.u32(t.nframe);
    out.u32(t.total_nframe);
    out.u32(uint32_t(s.num_frames + i));
    for (uint32_t k = 0; k < t.nframe; ++k)
      out.u32(t.first_frame + k);
  }
  for (size_t i = 0; i < s.num_traces; ++i) {
    out.u32(s.traces[i].domain);
    out.u32(s.traces[i].traceback);
    out.u64(s.traces[i].size);
  }
  if (s.leak)
    out.bytes(s.leak, s.num_traces);
  write_totals(out, s.at_peak);
  write_totals(out, s.allocated);
  for (size_t i = 0; i < s.num_timeline; ++i) {
    out.u64(s.timeline[i].time_ns);
    out.u64(s.timeline[i].current);
  }
  out.u32(name_index(names, num_names, s.info.program));
  out.u32(0);
  out.u64(s.info.pid);
  out.u64(s.info.time_ns);
  out.u64(s.info.current);
  out.u64(s.info.peak);
  out.u64(s.info.peak_time_ns);
  out.u64(s.info.merged ? s.info.merged : 1);
  out.u32(crc32(out.data, out.used));
  free_array(names, max_names);
  return true;
}

} // namespace
} // namespace rt
} // namespace tracealloc

using namespace tracealloc::rt;

TA_EXPORT int tracealloc_snapshot_dump(const tracealloc_snapshot *snapshot,
                                       const char *path) noexcept {
  Writer out = {};
  if (!encode(*snapshot, out))
    return -1;
  int result = -1;
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    set_last_error("cannot dump snapshot to '%s': %s", path, strerror(errno));
  } else {
    bool written = write_all(fd, reinterpret_cast<char *>(out.data), out.used);
    int saved = errno;
    if (close(fd) != 0 && written) {
      written = false;
      saved = errno;
    }
    if (written)
      result = 0;
    else
      set_last_error("cannot dump snapshot to '%s': %s", path, strerror(saved));
  }
  free_array(out.data, out.size);
  return result;
}

TA_EXPORT tracealloc_snapshot *
tracealloc_snapshot_load_progress(const char *path,
                                  void (*progress)(uint64_t, uint64_t, void *),
                                  void *user) noexcept {
  unsigned char *data = nullptr;
  size_t size = 0;
  if (!read_file(path, &data, &size, progress, user))
    return nullptr;
  tracealloc_snapshot *s = load(path, data, size);
  free_array(data, size);
  if (s && progress)
    progress(size, size, user);
  return s;
}

TA_EXPORT tracealloc_snapshot *
tracealloc_snapshot_load(const char *path) noexcept {
  return tracealloc_snapshot_load_progress(path, nullptr, nullptr);
}
