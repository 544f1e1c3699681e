//===- TraceAllocPass.h - The TraceAlloc instrumentation pass ---*- C++ -*-===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// The TraceAlloc instrumentation pass: every call of an allocation function
// listed in alloc_functions.def becomes a call of the runtime entry point
// __tracealloc_<SYMBOL> with one more argument, the call's static site record.
//
//===----------------------------------------------------------------------===//

#ifndef TRACEALLOC_PLUGIN_TRACEALLOCPASS_H
#define TRACEALLOC_PLUGIN_TRACEALLOCPASS_H

#include "llvm/IR/PassManager.h"

namespace tracealloc {

class TraceAllocPass : public llvm::PassInfoMixin<TraceAllocPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  /// Instrument optnone functions too: -O0 builds are traced like any other.
  static bool isRequired() { return true; }
};

} // namespace tracealloc

#endif // TRACEALLOC_PLUGIN_TRACEALLOCPASS_H
