//===- ShadowStack.cpp - Keep the call-site shadow stack ------------------===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// The protocol is abi.h's, instruction for instruction. In a frame function:
//
//   entry:   %s = threadlocal.address(@__tracealloc_shadow_stack)
//            %d = load volatile depth; %slot = &frames[umin(%d, CAPACITY)]
//            store volatile null, %slot; store volatile %d + 1, depth
//   a call:  store volatile @record, %slot; call; store volatile null, %slot
//            (and first store volatile %d + 1, depth, if the callee is not
//            this module's: see recordCall())
//   ret, resume, before a musttail call:     store volatile %d, depth
//   landing pad, after setjmp returns:       store volatile %d + 1, depth
//                                            store volatile null, %slot
//
// So that an exception caught by code we did not compile does not leave the
// frame counted, a frame function that may unwind gets a cleanup landing pad
// on every call that may throw (addCleanups()).
//
// Volatile because a signal handler on the same thread reads the stack at
// any instruction: the stores must happen, each where it is, in this order.
// They compile to plain moves; the stack's address and %d stay in SSA
// values, so the hot path is one TLS address, one load and stores.
//
//===----------------------------------------------------------------------===//

#include "ShadowStack.h"
#include "AllocatingCalls.h"
#include "SiteTable.h"

#include "tracealloc/abi.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

using namespace llvm;
using namespace tracealloc;

ShadowStack::ShadowStack(
    Module &M, SiteTable &Sites, const AllocatingCalls &Calls,
    function_ref<SiteLocation(const Instruction &)> Describe)
    : M(M), Sites(Sites), Calls(Calls), Describe(Describe) {
  LLVMContext &C = M.getContext();
  IntPtrTy = M.getDataLayout().getIntPtrType(C);
  PtrTy = PointerType::getUnqual(C);
  // abi.h's __tracealloc_shadow_stack_t: { uintptr_t depth;
  // const __tracealloc_site *frames[CAPACITY + 1]; }.
  StackTy = StructType::get(
      C, {IntPtrTy, ArrayType::get(PtrTy, TRACEALLOC_SHADOW_CAPACITY + 1)});

  // A function that uses the stack keeps its frame already (an earlier run,
  // or code inlined from one, in a merged LTO module).
  GlobalVariable *GV = M.getNamedGlobal(TRACEALLOC_SHADOW_STACK_NAME);
  if (!GV)
    return;
  SmallVector<const User *, 8> Users(GV->users());
  while (!Users.empty()) {
    const User *U = Users.pop_back_val();
    if (auto *I = dyn_cast<Instruction>(U))
      Instrumented.insert(I->getFunction());
    else if (isa<ConstantExpr>(U))
      Users.append(U->user_begin(), U->user_end());
  }
}

GlobalVariable *ShadowStack::getStack() {
  if (GlobalVariable *GV = M.getNamedGlobal(TRACEALLOC_SHADOW_STACK_NAME))
    return GV;
  // The runtime defines it. Initial-exec: the address is the thread pointer
  // plus a constant the loader fixes, no call to __tls_get_addr.
  auto *GV = new GlobalVariable(
      M, StackTy, /*isConstant=*/false, GlobalValue::ExternalLinkage,
      /*Initializer=*/nullptr, TRACEALLOC_SHADOW_STACK_NAME, nullptr,
      GlobalValue::InitialExecTLSModel);
  GV->setAlignment(M.getDataLayout().getABITypeAlign(StackTy));
  return GV;
}

GlobalVariable *ShadowStack::getCallRecord(CallBase &CB) {
  Function &F = *CB.getFunction();
  CallKey Key{CB.getDebugLoc() ? CallKey::first_type(CB.getDebugLoc().get())
                               : CallKey::first_type(&F),
              F.getComdat()};
  GlobalVariable *&Record = CallRecords[Key];
  if (!Record)
    // In the caller's comdat, as allocation sites are (SiteTable.h).
    Record = Sites.createCallSite(Describe(CB), F.getComdat());
  return Record;
}

bool ShadowStack::isRecorded(const CallBase &CB) const {
  return !CB.isMustTailCall() && !CB.hasFnAttr(Attribute::ReturnsTwice) &&
         Calls.mayAllocate(CB);
}

ShadowStack::Frame ShadowStack::enterFrame(Function &F) {
  // After the static allocas, which later passes expect first.
  BasicBlock &Entry = F.getEntryBlock();
  BasicBlock::iterator IP = Entry.getFirstInsertionPt();
  while (IP != Entry.end() && isa<AllocaInst>(*IP) &&
         cast<AllocaInst>(*IP).isStaticAlloca())
    ++IP;
  IRBuilder<> IRB(&Entry, IP);

  Frame Fr;
  Fr.Stack = IRB.CreateThreadLocalAddress(getStack());
  Fr.Depth = IRB.CreateLoad(IntPtrTy, Fr.Stack, /*isVolatile=*/true,
                            "tracealloc.depth");
  // Frames beyond the capacity share the last, never read, element.
  Value *Index = IRB.CreateBinaryIntrinsic(
      Intrinsic::umin, Fr.Depth,
      ConstantInt::get(IntPtrTy, TRACEALLOC_SHADOW_CAPACITY));
  Fr.Slot = IRB.CreateInBoundsGEP(StackTy, Fr.Stack,
                                  {IRB.getInt32(0), IRB.getInt32(1), Index},
                                  "tracealloc.slot");
  // Cleared before the depth covers it: a signal handler that reads the
  // stack in between must not see the slot's previous owner's record.
  IRB.CreateStore(ConstantPointerNull::get(PtrTy), Fr.Slot,
                  /*isVolatile=*/true);
  Fr.Inner = IRB.CreateNUWAdd(Fr.Depth, ConstantInt::get(IntPtrTy, 1));
  IRB.CreateStore(Fr.Inner, Fr.Stack, /*isVolatile=*/true);
  return Fr;
}

/// Where the code that runs once \p CB has returned goes: after a call, or
/// at the start of an invoke's normal destination, given an edge of its own
/// when other blocks branch there too.
static BasicBlock::iterator getReturnPoint(CallBase &CB) {
  auto *II = dyn_cast<InvokeInst>(&CB);
  if (!II)
    return std::next(CB.getIterator());
  BasicBlock *Dest = II->getNormalDest();
  if (Dest->getSinglePredecessor() != II->getParent()) {
    BasicBlock *Edge = BasicBlock::Create(CB.getContext(), "tracealloc.ret",
                                          CB.getFunction(), Dest);
    BranchInst::Create(Dest, Edge)->setDebugLoc(II->getDebugLoc());
    II->setNormalDest(Edge);
    // The invoke's block reaches Dest by this one edge: the unwind edge
    // goes to a landing pad.
    Dest->replacePhiUsesWith(II->getParent(), Edge);
    Dest = Edge;
  }
  return Dest->getFirstInsertionPt();
}

/// True if \p CB calls a function whose body is this module's and so keeps
/// a frame of its own, if any: the depth it returns with is the one it was
/// called with.
static bool keepsDepth(const CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  return Callee && !Callee->isDeclaration() && Callee->hasExactDefinition() &&
         !Callee->hasAvailableExternallyLinkage() &&
         !Callee->hasFnAttribute(Attribute::Naked);
}

void ShadowStack::recordCall(const Frame &Fr, CallBase &CB) {
  IRBuilder<> IRB(CB.getParent(), CB.getIterator());
  IRB.CreateStore(getCallRecord(CB), Fr.Slot, /*isVolatile=*/true);
  // Nothing runs after a call that does not return but landing pads, which
  // clear the slot themselves.
  if (CB.doesNotReturn())
    return;
  BasicBlock::iterator Return = getReturnPoint(CB);
  // Code we did not compile may have caught an exception or taken a
  // longjmp past instrumented frames it called back, which then left
  // their slots taken: the depth is set again, not trusted.
  if (!keepsDepth(CB))
    return resynchronize(Fr, *Return);
  IRB.SetInsertPoint(Return);
  IRB.CreateStore(ConstantPointerNull::get(PtrTy), Fr.Slot,
                  /*isVolatile=*/true);
}

void ShadowStack::resynchronize(const Frame &Fr, Instruction &At) {
  // Frames that an exception or a longjmp skipped did not give theirs back.
  IRBuilder<> IRB(At.getParent(), At.getIterator());
  IRB.CreateStore(Fr.Inner, Fr.Stack, /*isVolatile=*/true);
  IRB.CreateStore(ConstantPointerNull::get(PtrTy), Fr.Slot,
                  /*isVolatile=*/true);
}

void ShadowStack::leaveFrame(const Frame &Fr, Instruction &Before) {
  IRBuilder<> IRB(Before.getParent(), Before.getIterator());
  IRB.CreateStore(Fr.Depth, Fr.Stack, /*isVolatile=*/true);
}

bool ShadowStack::isFrameFunction(const Function &F) const {
  bool Records = false;
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      // Funclet-based EH (Windows) has no landingpad to resynchronise in;
      // TraceAlloc targets ELF, where such functions do not occur. Leave
      // them out rather than keep a frame that an exception could skip.
      if (I.isEHPad() && !isa<LandingPadInst>(I))
        return false;
      auto *CB = dyn_cast<CallBase>(&I);
      Records |= CB && isRecorded(*CB);
    }
  return Records;
}

/// A call an exception may leave this frame by, and that can become an
/// invoke.
static bool mayUnwindThrough(const CallInst &CI) {
  if (CI.doesNotThrow() || CI.isInlineAsm() || CI.isMustTailCall() ||
      CI.hasFnAttr(Attribute::ReturnsTwice))
    return false;
  const Function *Callee = CI.getCalledFunction();
  return !(Callee && Callee->isIntrinsic());
}

void ShadowStack::addCleanups(Function &F) {
  // A catch-only landing pad is not entered by an exception it does not
  // catch; with a cleanup it is, and clang's dispatch then resumes (the
  // resume gives the slot back). Catch-all pads are entered anyway, and
  // filters (exception specifications) are left as they are.
  bool HasLandingPad = false;
  for (BasicBlock &BB : F)
    if (LandingPadInst *LP = BB.getLandingPadInst()) {
      HasLandingPad = true;
      bool TypedCatchesOnly = !LP->isCleanup() && LP->getNumClauses() != 0;
      for (unsigned I = 0, E = LP->getNumClauses(); I != E; ++I)
        TypedCatchesOnly &=
            LP->isCatch(I) && !isa<ConstantPointerNull>(LP->getClause(I));
      if (TypedCatchesOnly)
        LP->setCleanup(true);
    }

  SmallVector<CallInst *, 8> Unwinding;
  for (BasicBlock &BB : F)
    for (Instruction &I : BB)
      if (auto *CI = dyn_cast<CallInst>(&I); CI && mayUnwindThrough(*CI))
        Unwinding.push_back(CI);
  if (Unwinding.empty())
    return;
  // One cleanup for the frame: landing pad and resume give its slot back
  // like any other (instrumentFunction()).
  LLVMContext &C = F.getContext();
  if (!F.hasPersonalityFn()) {
    // Cleanups only, in any language: the C personality (libgcc,
    // compiler-rt) is enough, and every program that unwinds links it.
    if (HasLandingPad)
      return; // Not possible in valid IR: a landing pad needs a personality.
    F.setPersonalityFn(cast<Constant>(
        M.getOrInsertFunction("__gcc_personality_v0",
                              FunctionType::get(Type::getInt32Ty(C),
                                                /*isVarArg=*/true))
            .getCallee()));
  }
  BasicBlock *Cleanup = BasicBlock::Create(C, "tracealloc.cleanup", &F);
  auto *LP = LandingPadInst::Create(StructType::get(PtrTy, Type::getInt32Ty(C)),
                                    0, "", Cleanup);
  LP->setCleanup(true);
  ResumeInst::Create(LP, Cleanup);
  for (CallInst *CI : Unwinding)
    changeToInvokeAndSplitBasicBlock(CI, Cleanup);
}

bool ShadowStack::instrumentFunction(Function &F) {
  if (Instrumented.contains(&F))
    return false;
  if (!isFrameFunction(F))
    return false;
  // Exceptions that code we did not compile catches must not skip the
  // frame without giving its slot back.
  if (!F.doesNotThrow())
    addCleanups(F);

  SmallVector<CallBase *, 16> RecordedCalls;
  SmallVector<CallBase *, 2> MustTailCalls;
  SmallVector<CallBase *, 2> SetjmpCalls;
  SmallVector<Instruction *, 4> Exits;
  SmallVector<Instruction *, 4> LandingPads;
  for (BasicBlock &BB : F) {
    for (Instruction &I : BB) {
      if (isa<LandingPadInst>(I))
        LandingPads.push_back(&I);
      else if (isa<ResumeInst>(I) ||
               (isa<ReturnInst>(I) && !BB.getTerminatingMustTailCall()))
        Exits.push_back(&I);
      else if (auto *CB = dyn_cast<CallBase>(&I)) {
        // A musttail call replaces the frame: it leaves before the call,
        // as nothing may come between the call and its ret.
        if (CB->isMustTailCall())
          MustTailCalls.push_back(CB);
        else if (CB->hasFnAttr(Attribute::ReturnsTwice))
          SetjmpCalls.push_back(CB);
        else if (isRecorded(*CB))
          RecordedCalls.push_back(CB);
      }
    }
  }
  Frame Fr = enterFrame(F);
  for (CallBase *CB : RecordedCalls)
    recordCall(Fr, *CB);
  for (CallBase *CB : SetjmpCalls)
    resynchronize(Fr, *getReturnPoint(*CB));
  for (Instruction *LP : LandingPads)
    resynchronize(Fr, *LP->getParent()->getFirstInsertionPt());
  for (CallBase *CB : MustTailCalls)
    leaveFrame(Fr, *CB);
  for (Instruction *Exit : Exits)
    leaveFrame(Fr, *Exit);
  return true;
}
