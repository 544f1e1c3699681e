//===- AllocatingCalls.h - Calls that may lead to an allocation -*- C++ -*-===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// Decides, for the call-site shadow stack (abi.h), whether a call may lead to
// an allocation, so that a frame records it only around the calls that
// matter. A call cannot allocate when it calls an intrinsic or inline asm, a
// TraceAlloc entry point (which takes its own site record), setjmp-like
// (returns_twice) functions, a function that at most reads memory or touches
// only its arguments' memory (malloc writes the allocator's state), or a
// function of this module that cannot allocate. Every other call may.
//
// "Cannot allocate" is the greatest fixpoint over the module's functions:
// functions that call only each other and the calls above allocate nothing,
// recursion included.
//
//===----------------------------------------------------------------------===//

#ifndef TRACEALLOC_PLUGIN_ALLOCATINGCALLS_H
#define TRACEALLOC_PLUGIN_ALLOCATINGCALLS_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace llvm {
class CallBase;
class Function;
class Module;
} // namespace llvm

namespace tracealloc {

class AllocatingCalls {
public:
  /// \p IsAllocationFunction names the alloc_functions.def functions the
  /// module declares or defines: a call of one that the pass did not rewrite
  /// allocates without a record.
  AllocatingCalls(
      const llvm::Module &M,
      llvm::function_ref<bool(const llvm::Function &)> IsAllocationFunction);

  /// True if \p CB may lead to an allocation other than through a
  /// TraceAlloc entry point it calls itself: a shadow stack frame records it.
  bool mayAllocate(const llvm::CallBase &CB) const;

private:
  /// True if a call of \p CB cannot allocate whatever its callee does.
  static bool isExempt(const llvm::CallBase &CB);
  /// The module's function \p CB calls whose allocations can be decided
  /// here, or null.
  const llvm::Function *getAnalysedCallee(const llvm::CallBase &CB) const;

  /// Functions of this module that cannot reach an allocation.
  llvm::DenseSet<const llvm::Function *> NoAllocation;
  /// Functions whose bodies decide whether they allocate.
  llvm::DenseSet<const llvm::Function *> Analysed;
};

} // namespace tracealloc

#endif // TRACEALLOC_PLUGIN_ALLOCATINGCALLS_H
