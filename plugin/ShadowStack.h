//===- ShadowStack.h - Keep the call-site shadow stack ----------*- C++ -*-===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// Makes a function that may allocate through a call a "frame function" of the
// call-site shadow stack (abi.h): it takes a slot of the thread's stack on
// entry, writes into it the static record of each call that may lead to an
// allocation while that call runs, and gives the slot back on the way out,
// by a return, a resume, a landing pad or a longjmp to its setjmp. An
// exception that unwinds through the frame passes through a cleanup that
// gives the slot back, whoever catches it.
//
//===----------------------------------------------------------------------===//

#ifndef TRACEALLOC_PLUGIN_SHADOWSTACK_H
#define TRACEALLOC_PLUGIN_SHADOWSTACK_H

#include "SiteLocation.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"

#include <utility>

namespace llvm {
class CallBase;
class Comdat;
class GlobalVariable;
class Instruction;
class IntegerType;
class Module;
class PointerType;
class StructType;
class Value;
} // namespace llvm

namespace tracealloc {

class AllocatingCalls;
class SiteTable;

class ShadowStack {
public:
  /// \p Describe gives the source location a call's record reports.
  ShadowStack(
      llvm::Module &M, SiteTable &Sites, const AllocatingCalls &Calls,
      llvm::function_ref<SiteLocation(const llvm::Instruction &)> Describe);
  ShadowStack(const ShadowStack &) = delete;
  ShadowStack &operator=(const ShadowStack &) = delete;

  /// Makes \p F a frame function if it makes a call that may allocate and
  /// is not one already (an earlier run of the pass). Returns true if it
  /// changed F.
  bool instrumentFunction(llvm::Function &F);

private:
  /// What a frame function holds in SSA values from its entry block on.
  struct Frame {
    llvm::Value *Stack; ///< &__tracealloc_shadow_stack
    llvm::Value *Depth; ///< d: the depth on entry, this frame's index
    llvm::Value *Inner; ///< d + 1: the depth while the frame is active
    llvm::Value *Slot;  ///< &frames[min(d, CAPACITY)]
  };

  bool isFrameFunction(const llvm::Function &F) const;
  bool isRecorded(const llvm::CallBase &CB) const;
  void addCleanups(llvm::Function &F);
  llvm::GlobalVariable *getStack();
  llvm::GlobalVariable *getCallRecord(llvm::CallBase &CB);
  Frame enterFrame(llvm::Function &F);
  void recordCall(const Frame &Fr, llvm::CallBase &CB);
  void resynchronize(const Frame &Fr, llvm::Instruction &At);
  void leaveFrame(const Frame &Fr, llvm::Instruction &Before);

  llvm::Module &M;
  SiteTable &Sites;
  const AllocatingCalls &Calls;
  llvm::function_ref<SiteLocation(const llvm::Instruction &)> Describe;
  llvm::IntegerType *IntPtrTy;
  llvm::PointerType *PtrTy;
  llvm::StructType *StackTy;
  /// Functions that use the stack already.
  llvm::DenseSet<const llvm::Function *> Instrumented;
  /// Call records, shared by the calls of one location (or, without one, of
  /// one function) in one comdat.
  using CallKey = std::pair<
      llvm::PointerUnion<const llvm::DILocation *, const llvm::Function *>,
      const llvm::Comdat *>;
  llvm::DenseMap<CallKey, llvm::GlobalVariable *> CallRecords;
};

} // namespace tracealloc

#endif // TRACEALLOC_PLUGIN_SHADOWSTACK_H
