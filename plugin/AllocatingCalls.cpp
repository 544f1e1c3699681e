//===- AllocatingCalls.cpp - Which calls may lead to an allocation --------===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//

#include "AllocatingCalls.h"
#include "LLVMCompat.h"

#include "tracealloc/abi.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/ModRef.h"

using namespace llvm;
using namespace tracealloc;

static bool isEntryPoint(const Function &F) {
  return F.getName().starts_with(TRACEALLOC_ENTRY_PREFIX);
}

bool AllocatingCalls::isExempt(const CallBase &CB) {
  if (CB.isInlineAsm())
    return true;
  if (const Function *Callee = CB.getCalledFunction();
      Callee && Callee->isIntrinsic())
    return true;
  // setjmp and the like save a context; the shadow stack resynchronises
  // after them instead (ShadowStack.cpp).
  if (CB.hasFnAttr(Attribute::ReturnsTwice))
    return true;
  // Allocating writes the allocator's state, which is neither the
  // arguments' memory nor errno: so a call that writes no other memory (the
  // call's own attributes count too) cannot allocate.
  MemoryEffects ME = CB.getMemoryEffects().getWithoutLoc(IRMemLocation::ArgMem);
  return compat::withoutErrnoMemory(ME).onlyReadsMemory();
}

const Function *AllocatingCalls::getAnalysedCallee(const CallBase &CB) const {
  const Function *Callee = CB.getCalledFunction();
  return Callee && Analysed.contains(Callee) ? Callee : nullptr;
}

AllocatingCalls::AllocatingCalls(
    const Module &M,
    function_ref<bool(const Function &)> IsAllocationFunction) {
  // A body decides only if it is the one that runs: not a weak definition
  // another may replace, not naked (its asm may call anything), not an
  // allocator or the runtime.
  for (const Function &F : M)
    if (!F.isDeclaration() && F.hasExactDefinition() &&
        !F.hasFnAttribute(Attribute::Naked) && !IsAllocationFunction(F) &&
        !isEntryPoint(F))
      Analysed.insert(&F);

  // Start from "nothing allocates" and take back every function that makes
  // a call that may, then every caller of one, until nothing changes.
  DenseMap<const Function *, SmallVector<const Function *, 4>> CallersOf;
  SmallVector<const Function *, 16> Allocating;
  for (const Function &F : M) {
    if (!Analysed.contains(&F))
      continue;
    bool Allocates = false;
    for (const Instruction &I : instructions(F)) {
      auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || isExempt(*CB))
        continue;
      if (const Function *Callee = getAnalysedCallee(*CB)) {
        CallersOf[Callee].push_back(&F);
        continue;
      }
      // An entry point, an allocation function, an unknown or indirect
      // callee.
      Allocates = true;
      break;
    }
    if (Allocates)
      Allocating.push_back(&F);
    else
      NoAllocation.insert(&F);
  }
  while (!Allocating.empty())
    for (const Function *Caller : CallersOf.lookup(Allocating.pop_back_val()))
      if (NoAllocation.erase(Caller))
        Allocating.push_back(Caller);
}

bool AllocatingCalls::mayAllocate(const CallBase &CB) const {
  if (isExempt(CB))
    return false;
  const Function *Callee = CB.getCalledFunction();
  // An entry point carries its own record.
  if (Callee && isEntryPoint(*Callee))
    return false;
  return !(Callee && NoAllocation.contains(Callee));
}
