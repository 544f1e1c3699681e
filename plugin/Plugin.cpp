//===- Plugin.cpp - Load TraceAlloc into clang and opt --------------------===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// The pass plugin's entry point. `clang -fpass-plugin=libTraceAlloc.so` runs
// the pass at the end of the optimisation pipeline, at every -O level;
// `opt -load-pass-plugin=libTraceAlloc.so -passes=tracealloc` runs it alone.
//
//===----------------------------------------------------------------------===//

#include "LLVMCompat.h"
#include "TraceAllocPass.h"

#include "llvm/Passes/PassBuilder.h"

using namespace llvm;
using namespace tracealloc;

static void registerCallbacks(PassBuilder &PB) {
  // Last, so the program is optimised as it would be without TraceAlloc:
  // allocations LLVM elides or merges are gone, and inlined calls carry their
  // inline chain. OptimizerLast also runs at -O0 and, for -flto, in the
  // pre-link compile (see docs/pass.md).
  compat::registerOptimizerLastEPCallback(
      PB, [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(TraceAllocPass());
      });

  // Full LTO's link-time pipeline has no OptimizerLast: this runs the pass
  // when the plugin is given to the linker (lld --load-pass-plugin) for
  // objects compiled without it. Objects instrumented at compile time are
  // left as they are (the pass is idempotent).
  PB.registerFullLinkTimeOptimizationLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(TraceAllocPass());
      });

  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name != "tracealloc")
          return false;
        MPM.addPass(TraceAllocPass());
        return true;
      });
}

// The plugin's one exported symbol (everything else is hidden).
extern "C" LLVM_ATTRIBUTE_VISIBILITY_DEFAULT
    LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo
    llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "TraceAlloc", TRACEALLOC_VERSION,
          registerCallbacks};
}
