//===- exit_frame.h - Where the exiting thread's live stack begins --------===//
//
// The check runs from an exit handler, under exit()'s own frames (exit,
// __run_exit_handlers, _dl_fini, __cxa_finalize ...). Those hold nothing of
// the program's, but their uninitialised parts still hold what the
// program's dead frames left there, often the very pointer the program
// just lost. So the exiting thread's stack is scanned from the frame that
// called exit() (the program's, or __libc_start_call_main after main
// returned) up, plus the callee-saved registers that exit()'s callee
// pushed (the caller's values, as exit() does not change them).
//
// The unwinder cannot get there (the runtime's exit handler is called from
// crtstuff code without unwind tables), so the frame is found on the stack:
// the return address into exit(), then the first return address above it.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_EXIT_FRAME_H
#define TRACEALLOC_RUNTIME_LEAK_EXIT_FRAME_H

#include "core/common.h"
#include "leak/proc_files.h"

namespace tracealloc {
namespace rt {

struct ExitFrame {
  uintptr_t sp;          // exit()'s caller's stack pointer at the call
  uintptr_t saved_begin; // the registers pushed by exit()'s callee:
  uintptr_t saved_end;   // [saved_begin, saved_end)
};

// Looks up exit() once (at startup: dlsym may allocate).
void init_exit_frame();
// Finds exit()'s caller on the calling thread's stack, from `sp` up; false
// when the stack holds no call of exit() (the handler ran another way).
bool find_exit_frame(uintptr_t sp, const ScratchArray<Mapping> &maps,
                     ExitFrame *out);

} // namespace rt
} // namespace tracealloc

#endif
