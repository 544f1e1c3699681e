//===- snapshot_loader_fuzzer.cpp - Fuzzes the snapshot file loader -------===//
//
// Each input is written to a memory file and loaded as a snapshot file.
// A random change almost always breaks the file's CRC-32 and its body
// size, which would stop the loader before it reads the body; so inputs
// of even length get both fixed first (docs/snapshot-format.md: the body
// size at offset 16, the CRC of all before it in the last 4 bytes), and
// odd ones are loaded as they are.
// The loader must reject it with a message or load it; a snapshot it loads
// then goes through everything the CLI does with one (statistics of every
// view and key type, compare_to, filters, merge), and must dump and load
// again with the same traces. A crash, a sanitizer report or a failed
// round trip is a bug.
//
//===----------------------------------------------------------------------===//
#include "core/crc32.h"
#include "tracealloc/tracemalloc.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace {

constexpr size_t kHeaderSize = 72; // version 3
constexpr size_t kBodySizeOffset = 16;
constexpr size_t kChecksumSize = 4;

void put_le(uint8_t *at, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i)
    at[i] = uint8_t(value >> (8 * i));
}

// A fixed copy of `data` (even sizes only), in `out`.
const uint8_t *fix_up(const uint8_t *data, size_t size, uint8_t *out) {
  if (size % 2 || size < kHeaderSize + kChecksumSize)
    return data;
  memcpy(out, data, size);
  put_le(out + kBodySizeOffset, size - kHeaderSize - kChecksumSize, 8);
  put_le(out + size - kChecksumSize,
         tracealloc::rt::crc32(out, size - kChecksumSize), 4);
  return out;
}

// A memory file, reached by its /proc/self/fd path, rewritten per input.
struct MemoryFile {
  int fd;
  char path[64];

  explicit MemoryFile(const char *name) {
    fd = memfd_create(name, MFD_CLOEXEC);
    if (fd < 0) {
      perror("memfd_create");
      abort();
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  }

  void write(const uint8_t *data, size_t size) {
    if (ftruncate(fd, 0) != 0 ||
        (size && pwrite(fd, data, size, 0) != ssize_t(size))) {
      perror("memory file");
      abort();
    }
  }
};

void use_statistics(tracealloc_statistics *list, bool diffs) {
  if (!list)
    return;
  char text[256];
  size_t n = tracealloc_statistics_count(list);
  for (size_t i = 0; i < n; ++i) {
    if (diffs)
      tracealloc_format_statistic_diff(text, sizeof text,
                                       tracealloc_statistics_diff_at(list, i));
    else
      tracealloc_format_statistic(text, sizeof text,
                                  tracealloc_statistics_at(list, i));
  }
  tracealloc_statistics_free(list);
}

void check(bool ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "snapshot fuzzer: %s (%s)\n", what,
            tracealloc_last_error());
    abort();
  }
}

void exercise(tracealloc_snapshot *s, MemoryFile &dumped) {
  static const char *const kKeys[] = {"lineno", "filename", "traceback"};
  for (int v = TRACEALLOC_VIEW_IN_USE; v <= TRACEALLOC_VIEW_LEAKED; ++v) {
    auto view = tracealloc_view(v);
    for (const char *key : kKeys)
      for (int cumulative = 0; cumulative < 2; ++cumulative) {
        use_statistics(
            tracealloc_snapshot_statistics_view(s, view, key, cumulative),
            false);
        use_statistics(
            tracealloc_snapshot_compare_to_view(s, s, view, key, cumulative),
            true);
      }
  }
  size_t n = tracealloc_snapshot_trace_count(s);
  for (size_t i = 0; i < n; ++i) {
    tracealloc_trace t = tracealloc_snapshot_trace(s, i);
    for (size_t k = 0; k < t.traceback.nframe; ++k)
      check(t.traceback.frames[k].filename != nullptr,
            "a frame without a file");
    tracealloc_snapshot_trace_leak(s, i);
  }
  const tracealloc_sample *samples;
  size_t num_samples = tracealloc_snapshot_timeline(s, &samples);
  uint64_t sum = 0;
  for (size_t i = 0; i < num_samples; ++i)
    sum += samples[i].current + samples[i].time_ns;
  tracealloc_snapshot_info info;
  check(tracealloc_snapshot_get_info(s, &info) == 0, "get_info failed");
  check(info.program != nullptr, "no program name");
  (void)sum;

  tracealloc_filter filters[2] = {};
  filters[0].kind = TRACEALLOC_FILTER;
  filters[0].inclusive = 1;
  filters[0].filename_pattern = "*[a-m]*.c";
  filters[0].all_frames = 1;
  filters[1].kind = TRACEALLOC_DOMAIN_FILTER;
  filters[1].inclusive = 0;
  filters[1].domain = 1;
  tracealloc_snapshot *filtered =
      tracealloc_snapshot_filter_traces(s, filters, 2);
  check(filtered != nullptr, "filter_traces failed");
  tracealloc_snapshot_free(filtered);

  const tracealloc_snapshot *twice[2] = {s, s};
  tracealloc_snapshot *merged = tracealloc_snapshot_merge(twice, 2);
  check(merged != nullptr, "merge failed");
  check(tracealloc_snapshot_trace_count(merged) == 2 * n, "merge lost traces");

  // What loads must dump, and load back the same.
  check(tracealloc_snapshot_dump(merged, dumped.path) == 0, "dump failed");
  tracealloc_snapshot *again = tracealloc_snapshot_load(dumped.path);
  check(again != nullptr, "a dumped snapshot does not load");
  check(tracealloc_snapshot_trace_count(again) == 2 * n,
        "the round trip changed the traces");
  tracealloc_snapshot_free(again);
  tracealloc_snapshot_free(merged);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static MemoryFile input("snapshot-input");
  static MemoryFile dumped("snapshot-dumped");
  static uint8_t *fixed = nullptr;
  static size_t fixed_size = 0;
  if (size > fixed_size) {
    free(fixed);
    fixed = static_cast<uint8_t *>(malloc(size));
    fixed_size = size;
  }
  input.write(fix_up(data, size, fixed), size);
  tracealloc_snapshot *s = tracealloc_snapshot_load(input.path);
  if (!s) {
    check(*tracealloc_last_error() != '\0',
          "a rejected file without a message");
    return 0;
  }
  exercise(s, dumped);
  tracealloc_snapshot_free(s);
  return 0;
}
