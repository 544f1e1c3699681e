//===- root_regions.cpp - Where the leak check starts looking for pointers ===//
#include "leak/root_regions.h"

#include <dlfcn.h>
#include <link.h>

extern "C" void *__libc_malloc(size_t);

namespace tracealloc {
namespace rt {

namespace {

// Bytes below a stack pointer that a leaf function may use (x86-64 ABI).
constexpr uintptr_t kRedZone = 128;
// glibc's struct pthread (the TCB, at the thread pointer) is below 4 KiB.
constexpr uintptr_t kTcbBytes = 4096;
constexpr uintptr_t kPage = 4096;

size_t g_static_tls_size; // glibc's static TLS, all modules and the TCB

char g_own_marker; // an address inside the runtime's own segments

bool holds(const struct dl_phdr_info *info, uintptr_t address) {
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) &ph = info->dlpi_phdr[i];
    uintptr_t begin = info->dlpi_addr + ph.p_vaddr;
    if (ph.p_type == PT_LOAD && address >= begin &&
        address < begin + ph.p_memsz)
      return true;
  }
  return false;
}

int add_object_segments(struct dl_phdr_info *info, size_t, void *data) {
  auto *out = static_cast<ScratchArray<Range> *>(data);
  // The runtime's own data (its tables, the thread records) is not a root.
  if (holds(info, reinterpret_cast<uintptr_t>(&g_own_marker)))
    return 0;
  bool allocator = holds(info, reinterpret_cast<uintptr_t>(&__libc_malloc));
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) &ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD || !(ph.p_flags & PF_W))
      continue;
    uintptr_t begin = info->dlpi_addr + ph.p_vaddr;
    if (!out->push({begin, begin + ph.p_memsz, allocator}))
      return 1;
  }
  return 0;
}

void add_clipped(const ScratchArray<Mapping> &maps, uintptr_t begin,
                 uintptr_t end, ScratchArray<Range> &out) {
  for_each_readable_part(maps, begin, end, [&](uintptr_t b, uintptr_t e) {
    out.push({b, e, false});
  });
}

bool readable(const ScratchArray<Mapping> &maps, uintptr_t begin,
              uintptr_t end) {
  const Mapping *m = find_mapping(maps, begin);
  return m && m->readable && end <= m->end;
}

} // namespace

void init_root_regions() {
  using StaticInfoFn = void (*)(size_t *, size_t *);
  // GLIBC_PRIVATE, as LeakSanitizer uses it; without it, 64 KiB are
  // scanned below the thread pointer (clipped to its mapping).
  auto info = reinterpret_cast<StaticInfoFn>(
      dlsym(RTLD_DEFAULT, "_dl_get_tls_static_info"));
  size_t size = 0, align = 0;
  if (info)
    info(&size, &align);
  g_static_tls_size = size ? size : 64 * 1024;
}

bool collect_global_ranges(ScratchArray<Range> &out) {
  return dl_iterate_phdr(add_object_segments, &out) == 0;
}

void collect_thread_ranges(const ThreadRecord &thread, bool self,
                           const ScratchArray<Mapping> &maps,
                           ScratchArray<Range> &out) {
  if (thread.state == kThreadUnknown)
    return;
  uintptr_t sp = thread.sp, tp = thread.tp;
  const Mapping *stack = find_mapping(maps, sp);
  bool tls_on_stack = false;
  if (stack) {
    uintptr_t begin = self ? sp : sp - kRedZone;
    if (begin < stack->begin)
      begin = stack->begin;
    uintptr_t end = stack->end;
    // glibc puts a thread's TCB and static TLS at the top of its stack
    // mapping: the page of the thread pointer is the last one. Going no
    // further keeps an adjacent mapping that the kernel merged with the
    // stack out.
    if (tp > sp && tp < stack->end) {
      uintptr_t top = (tp + kPage) & ~(kPage - 1);
      if (top < end)
        end = top;
      tls_on_stack = true;
    }
    add_clipped(maps, begin, end, out);
  }
  if (!tp)
    return;
  if (!tls_on_stack) {
    // The main thread's TLS comes from the loader's own allocator.
    uintptr_t begin = tp > g_static_tls_size ? tp - g_static_tls_size : 0;
    const Mapping *m = find_mapping(maps, tp);
    if (m) {
      if (begin < m->begin)
        begin = m->begin;
      uintptr_t end = tp + kTcbBytes < m->end ? tp + kTcbBytes : m->end;
      add_clipped(maps, begin, end, out);
    }
  }
  // The dynamic thread vector: tcbhead_t {tcb, dtv, ...}; dtv[-1] holds
  // its length, each entry is {pointer, to_free}.
  if (!readable(maps, tp, tp + 2 * sizeof(uintptr_t)))
    return;
  uintptr_t dtv = reinterpret_cast<const uintptr_t *>(tp)[1];
  if (!dtv || dtv % sizeof(uintptr_t) || !readable(maps, dtv - 16, dtv))
    return;
  uintptr_t length = *reinterpret_cast<const uintptr_t *>(dtv - 16);
  if (length > (uintptr_t(1) << 20))
    return;
  add_clipped(maps, dtv - 16, dtv + 16 * (length + 1), out);
}

} // namespace rt
} // namespace tracealloc
