//===- exit_frame.cpp - Where the exiting thread's live stack begins ------===//
#include "leak/exit_frame.h"

#include <dlfcn.h>
#include <link.h>

namespace tracealloc {
namespace rt {

namespace {

uintptr_t g_exit_begin, g_exit_end; // exit()'s code
// x86-64's callee-saved registers, which a function saves first thing.
constexpr uintptr_t kSavedBytes = 6 * 8;
// exit()'s frame is a few words: its caller's return address is near.
constexpr int kMaxExitFrameWords = 16;

bool is_code(const ScratchArray<Mapping> &maps, uintptr_t address) {
  const Mapping *m = find_mapping(maps, address);
  return m && m->executable;
}

} // namespace

void init_exit_frame() {
  void *exit_fn = dlsym(RTLD_DEFAULT, "exit");
  Dl_info info;
  void *extra = nullptr;
  if (!exit_fn || !dladdr1(exit_fn, &info, &extra, RTLD_DL_SYMENT))
    return;
  const auto *sym = static_cast<const ElfW(Sym) *>(extra);
  if (!sym || info.dli_saddr != exit_fn)
    return;
  g_exit_begin = reinterpret_cast<uintptr_t>(exit_fn);
  g_exit_end = g_exit_begin + sym->st_size;
}

bool find_exit_frame(uintptr_t sp, const ScratchArray<Mapping> &maps,
                     ExitFrame *out) {
  const Mapping *stack = find_mapping(maps, sp);
  if (!g_exit_begin || !stack)
    return false;
  sp = (sp + 7) & ~uintptr_t(7);
  for (uintptr_t at = sp; at + 8 <= stack->end; at += 8) {
    uintptr_t word = *reinterpret_cast<const uintptr_t *>(at);
    // A return address into exit(): it is past the call, so past its start.
    if (word <= g_exit_begin || word > g_exit_end)
      continue;
    out->saved_begin = at - kSavedBytes < sp ? sp : at - kSavedBytes;
    out->saved_end = at;
    out->sp = at + 8;
    for (int i = 1; i <= kMaxExitFrameWords; ++i) {
      uintptr_t above = at + 8 * uintptr_t(i);
      if (above + 8 > stack->end)
        break;
      if (is_code(maps, *reinterpret_cast<const uintptr_t *>(above))) {
        out->sp = above + 8;
        break;
      }
    }
    return true;
  }
  return false;
}

} // namespace rt
} // namespace tracealloc
