//===- TraceAllocPass.cpp - Route allocation calls through TraceAlloc -----===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// Rewrites, in every function the module defines,
//
//   %p = call ptr @malloc(i64 %n)
// into
//   %p = call ptr @__tracealloc_malloc(i64 %n, ptr @tracealloc.site)
//
// where @tracealloc.site is the call's static site record (SiteTable.h).
// Where the program takes the address of an allocation function instead of
// calling it, the address becomes that of a per-site thunk with the
// function's own signature, so indirect calls are traced too, charged to the
// line that took the address.
//
// Then every function that may allocate through a call keeps a frame of the
// call-site shadow stack (ShadowStack.h), after the rewriting, so that the
// entry points, which carry their own records, need none.
//
// The pass is idempotent: a rewritten call no longer calls an allocation
// function, a function that uses the shadow stack keeps its frame already,
// and the registration constructor is created once per module.
//
//===----------------------------------------------------------------------===//

#include "TraceAllocPass.h"
#include "AllocFunctions.h"
#include "AllocatingCalls.h"
#include "ShadowStack.h"
#include "SiteLocation.h"
#include "SiteTable.h"

#include "tracealloc/abi.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Analysis/GlobalsModRef.h"
#include "llvm/IR/AttributeMask.h"
#include "llvm/IR/Attributes.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

using namespace llvm;
using namespace tracealloc;

static cl::opt<bool> ClAddressTaken(
    "tracealloc-address-taken",
    cl::desc("Replace address-taken allocation functions with per-site "
             "thunks (turn off to debug the pass)"),
    cl::Hidden, cl::init(true));

static cl::opt<bool> ClShadowStack(
    "tracealloc-shadow-stack",
    cl::desc("Keep the call-site shadow stack in functions that may allocate "
             "through a call (turn off to debug the pass or to measure it)"),
    cl::Hidden, cl::init(true));

namespace {

/// A TraceAlloc message for the frontend: clang prints it as a warning or
/// an error of its own, "-Wbackend-plugin" for warnings.
class DiagnosticInfoTraceAlloc : public DiagnosticInfo {
public:
  DiagnosticInfoTraceAlloc(const Twine &Msg, DiagnosticSeverity Severity)
      : DiagnosticInfo(getKindID(), Severity), Msg(Msg) {}

  void print(DiagnosticPrinter &DP) const override { DP << Msg; }

  static int getKindID() {
    static const int KindID = getNextAvailablePluginDiagnosticKind();
    return KindID;
  }

private:
  const Twine &Msg;
};

/// Where the address of an allocation function is taken, for sharing a
/// thunk: a debug location, or the function (no location) or global
/// variable (initializer) that takes it.
using AddressSite = PointerUnion<const DILocation *, const GlobalValue *>;

class ModuleTraceAlloc {
public:
  explicit ModuleTraceAlloc(Module &M);
  bool instrumentModule();

private:
  bool rewriteAllocations();
  bool keepFrames();
  bool shouldInstrument(const Function &F) const;
  bool isAllocatorCode(const DILocation &DL) const;
  bool refersToAllocFunction(const Value *V);
  FunctionCallee getEntry(Function &Callee);
  SiteLocation describe(const Instruction &I) const;
  void rewriteCall(CallBase &CB);
  void rewriteAddressTaken(Use &U);
  void rewriteAddressTaken(GlobalVariable &GV);
  Constant *replaceAllocFunctions(Constant *C, AddressSite Key,
                                  function_ref<SiteLocation()> Describe);
  Function *createThunk(Function &Callee, GlobalVariable *Site);

  Module &M;
  LLVMContext &C;
  PointerType *PtrTy;
  AllocFunctions Allocs;
  SiteLocator Locator;
  SiteTable Sites;
  /// The allocation functions the module declares (or defines), with their
  /// alloc_functions.def symbol.
  DenseMap<const Function *, StringRef> SymbolOf;
  /// Whether a constant refers to an allocation function, memoized.
  DenseMap<const Constant *, bool> RefersToAlloc;
  /// Entry point declarations, by the function they stand in for.
  DenseMap<const Function *, FunctionCallee> Entries;
  /// Thunks, by the function they stand in for and where its address is
  /// taken.
  DenseMap<std::pair<const Function *, AddressSite>, Function *> Thunks;
};

/// Hands out, while a constant is remapped, the thunk of each allocation
/// function it contains.
class ThunkMaterializer final : public ValueMaterializer {
public:
  explicit ThunkMaterializer(function_ref<Function *(Function &)> GetThunk)
      : GetThunk(GetThunk) {}
  Value *materialize(Value *V) override {
    auto *F = dyn_cast<Function>(V);
    return F ? GetThunk(*F) : nullptr;
  }

private:
  function_ref<Function *(Function &)> GetThunk;
};

} // namespace

/// Attributes that state the library function's allocator semantics. Kept on
/// an entry point, they would let LLVM delete its calls as unused
/// allocations (allockind), pair them by allocator family (alloc-family),
/// or assume it touches no memory the caller can see (memory), when it also
/// writes its site record. `builtin` and `nobuiltin` only mean something for
/// library functions. allocsize stays: object sizes (and _FORTIFY_SOURCE)
/// remain exact, and it does not make a call removable.
static AttributeList stripAllocatorSemantics(LLVMContext &C, AttributeList AL,
                                             unsigned NumArgs) {
  AttributeMask FnAttrs;
  FnAttrs.addAttribute(Attribute::AllocKind);
  FnAttrs.addAttribute("alloc-family");
  FnAttrs.addAttribute(Attribute::Memory);
  FnAttrs.addAttribute(Attribute::Builtin);
  FnAttrs.addAttribute(Attribute::NoBuiltin);
  AL = AL.removeFnAttributes(C, FnAttrs);
  for (unsigned ArgNo = 0; ArgNo != NumArgs; ++ArgNo)
    AL = AL.removeParamAttribute(C, ArgNo, Attribute::AllocatedPointer);
  return AL;
}

ModuleTraceAlloc::ModuleTraceAlloc(Module &M)
    : M(M), C(M.getContext()), PtrTy(PointerType::getUnqual(C)), Allocs(M),
      Locator(M), Sites(M, Locator) {}

bool ModuleTraceAlloc::shouldInstrument(const Function &F) const {
  // available_externally bodies are copies; the original is instrumented
  // where it is defined.
  if (F.isDeclaration() || F.hasAvailableExternallyLinkage())
    return false;
  if (F.hasFnAttribute(Attribute::Naked))
    return false;
  // The runtime's entry points, were they ever compiled with the plugin.
  if (F.getName().starts_with(TRACEALLOC_ENTRY_PREFIX))
    return false;
  // An allocation function the program defines (a replacement operator new,
  // its own malloc) is the allocator: the calls inside it are its own
  // business, and calls of it are charged to their callers.
  return !SymbolOf.count(&F);
}

FunctionCallee ModuleTraceAlloc::getEntry(Function &Callee) {
  FunctionCallee &Entry = Entries[&Callee];
  if (!Entry) {
    StringRef Symbol = SymbolOf.lookup(&Callee);
    // The function's own type plus the site record.
    FunctionType *FTy = Callee.getFunctionType();
    SmallVector<Type *, 4> Params(FTy->params());
    Params.push_back(PtrTy);
    Entry = M.getOrInsertFunction(
        (TRACEALLOC_ENTRY_PREFIX + Symbol).str(),
        FunctionType::get(FTy->getReturnType(), Params, /*isVarArg=*/false),
        stripAllocatorSemantics(C, Callee.getAttributes(),
                                FTy->getNumParams()));
    if (auto *F = dyn_cast<Function>(Entry.getCallee()))
      F->setCallingConv(Callee.getCallingConv());
  }
  return Entry;
}

bool ModuleTraceAlloc::isAllocatorCode(const DILocation &DL) const {
  const DISubprogram *SP = DL.getScope()->getSubprogram();
  if (!SP)
    return false;
  if (const Function *F = Locator.getFunction(*SP))
    return SymbolOf.count(F);
  // Inlined from another module (LTO), or since deleted: go by its symbol.
  return AllocFunctions::isSymbol(
      SP->getLinkageName().empty() ? SP->getName() : SP->getLinkageName());
}

/// TraceAlloc's C++ API header: its always-inline wrappers (track()) call
/// the C API for the line that called them.
static bool isTraceAllocApiHeader(const DILocation &DL) {
  return DL.getFilename().ends_with("tracealloc/tracemalloc.hpp");
}

SiteLocation ModuleTraceAlloc::describe(const Instruction &I) const {
  const DILocation *DL = I.getDebugLoc().get();
  if (!DL)
    return Locator.describeWithoutLocation(*I.getFunction());
  // Code inlined from an allocation function the program defines (its
  // operator new calling malloc, say) allocates for that function's caller:
  // charge the call it was inlined into, as when it is not inlined. The
  // same holds for TraceAlloc's own C++ wrappers.
  while (DL->getInlinedAt() &&
         (isAllocatorCode(*DL) || isTraceAllocApiHeader(*DL)))
    DL = DL->getInlinedAt();
  return Locator.describe(*DL);
}

void ModuleTraceAlloc::rewriteCall(CallBase &CB) {
  FunctionCallee Entry = getEntry(*CB.getCalledFunction());
  // The record goes where the call goes: into its function's comdat, if any.
  // (Thunks are functions of their own, outside comdats, and so are theirs.)
  GlobalVariable *Site = Sites.createSite(describe(CB), /*ExtraFlags=*/0,
                                          CB.getFunction()->getComdat());

  SmallVector<Value *, 4> Args(CB.args());
  Args.push_back(Site);
  SmallVector<OperandBundleDef, 1> Bundles;
  CB.getOperandBundlesAsDefs(Bundles);

  // A call cannot grow an argument in place: build its twin and swap.
  IRBuilder<> IRB(&CB);
  CallBase *NewCB;
  if (auto *II = dyn_cast<InvokeInst>(&CB)) {
    NewCB = IRB.CreateInvoke(Entry, II->getNormalDest(), II->getUnwindDest(),
                             Args, Bundles);
  } else {
    CallInst *NewCI = IRB.CreateCall(Entry, Args, Bundles);
    CallInst::TailCallKind TCK = cast<CallInst>(CB).getTailCallKind();
    // musttail requires the caller's prototype, which the site argument
    // breaks; a plain tail call is the closest that stays valid.
    NewCI->setTailCallKind(TCK == CallInst::TCK_MustTail ? CallInst::TCK_Tail
                                                         : TCK);
    NewCB = NewCI;
  }
  NewCB->setCallingConv(CB.getCallingConv());
  NewCB->setAttributes(
      stripAllocatorSemantics(C, CB.getAttributes(), CB.arg_size()));
  NewCB->copyMetadata(CB); // !dbg included
  NewCB->takeName(&CB);
  CB.replaceAllUsesWith(NewCB);
  CB.eraseFromParent();
}

bool ModuleTraceAlloc::refersToAllocFunction(const Value *V) {
  if (auto *F = dyn_cast<Function>(V))
    return SymbolOf.count(F);
  // Other globals take addresses in their own initializers, if at all.
  auto *CV = dyn_cast<Constant>(V);
  if (!CV || isa<GlobalValue>(CV) || CV->getNumOperands() == 0)
    return false;
  if (auto It = RefersToAlloc.find(CV); It != RefersToAlloc.end())
    return It->second;
  bool Refers = any_of(CV->operands(), [&](const Use &Op) {
    return refersToAllocFunction(Op.get());
  });
  RefersToAlloc[CV] = Refers;
  return Refers;
}

Constant *
ModuleTraceAlloc::replaceAllocFunctions(Constant *CV, AddressSite Key,
                                        function_ref<SiteLocation()> Describe) {
  auto GetThunk = [&](Function &F) -> Function * {
    if (!SymbolOf.count(&F))
      return nullptr;
    Function *&Thunk = Thunks[{&F, Key}];
    if (!Thunk)
      Thunk = createThunk(
          F, Sites.createSite(Describe(), TRACEALLOC_SITE_ADDRESS_TAKEN));
    return Thunk;
  };
  ThunkMaterializer Materializer(GetThunk);
  ValueToValueMapTy VMap;
  return cast<Constant>(MapValue(CV, VMap, RF_IgnoreMissingLocals,
                                 /*TypeMapper=*/nullptr, &Materializer));
}

void ModuleTraceAlloc::rewriteAddressTaken(Use &U) {
  auto *I = cast<Instruction>(U.getUser());
  // A phi takes the address on the edge the value comes in by.
  const Instruction *At = I;
  if (auto *PN = dyn_cast<PHINode>(I))
    At = PN->getIncomingBlock(U)->getTerminator();
  AddressSite Key = At->getDebugLoc() ? AddressSite(At->getDebugLoc().get())
                                      : AddressSite(I->getFunction());
  U.set(replaceAllocFunctions(cast<Constant>(U.get()), Key,
                              [&] { return describe(*At); }));
}

void ModuleTraceAlloc::rewriteAddressTaken(GlobalVariable &GV) {
  GV.setInitializer(replaceAllocFunctions(GV.getInitializer(), &GV, [&] {
    return Locator.describeInitializer(GV);
  }));
}

Function *ModuleTraceAlloc::createThunk(Function &Callee,
                                        GlobalVariable *Site) {
  Function *Thunk = Function::createWithDefaultAttr(
      Callee.getFunctionType(), GlobalValue::InternalLinkage,
      Callee.getAddressSpace(), "tracealloc.thunk." + SymbolOf.lookup(&Callee),
      &M);
  Thunk->setCallingConv(Callee.getCallingConv());
  if (Callee.doesNotThrow())
    Thunk->setDoesNotThrow();
  // -fsanitize=kcfi checks the type id of an indirect call's target; the
  // thunk answers for the function it stands in for.
  if (MDNode *Type = Callee.getMetadata(LLVMContext::MD_kcfi_type))
    Thunk->setMetadata(LLVMContext::MD_kcfi_type, Type);

  IRBuilder<> IRB(BasicBlock::Create(C, "", Thunk));
  SmallVector<Value *, 4> Args(make_pointer_range(Thunk->args()));
  Args.push_back(Site);
  CallInst *Call = IRB.CreateCall(getEntry(Callee), Args);
  Call->setCallingConv(Callee.getCallingConv());
  Call->setTailCall();
  if (Call->getType()->isVoidTy())
    IRB.CreateRetVoid();
  else
    IRB.CreateRet(Call);
  return Thunk;
}

bool ModuleTraceAlloc::rewriteAllocations() {
  if (SymbolOf.empty())
    return false;

  // Collect first, in program order: rewriting invalidates the iterators.
  SmallVector<CallBase *, 16> Calls;
  SmallVector<Use *, 8> AddressUses;
  SmallVector<GlobalVariable *, 4> AddressInits;
  for (Function &F : M) {
    if (!shouldInstrument(F))
      continue;
    for (Instruction &I : instructions(F)) {
      // callbr only ever calls inline asm.
      auto *CB = dyn_cast<CallBase>(&I);
      if (CB && !isa<CallBrInst>(CB) && CB->getCalledFunction() &&
          SymbolOf.count(CB->getCalledFunction()))
        Calls.push_back(CB);
      if (!ClAddressTaken)
        continue;
      // Any other operand naming an allocation function takes its address.
      // (A callee whose prototype does not match the call's is neither: that
      // call cannot take the site argument and is left alone.)
      for (Use &U : I.operands())
        if (!(CB && CB->isCallee(&U)) && refersToAllocFunction(U.get()))
          AddressUses.push_back(&U);
    }
  }
  if (ClAddressTaken)
    for (GlobalVariable &GV : M.globals())
      // llvm.used, llvm.global_ctors and the like name functions for the
      // compiler; the program never calls through them.
      if (GV.hasInitializer() && !GV.getName().starts_with("llvm.") &&
          refersToAllocFunction(GV.getInitializer()))
        AddressInits.push_back(&GV);
  if (Calls.empty() && AddressUses.empty() && AddressInits.empty())
    return false;

  // The runtime finds the records through __start_/__stop_ symbols, which
  // only ELF linkers define. Say so rather than leave the program untraced.
  Triple TT(M.getTargetTriple());
  if (!TT.isOSBinFormatELF()) {
    C.diagnose(DiagnosticInfoTraceAlloc(
        "TraceAlloc: " + M.getSourceFileName() + ": target '" + TT.str() +
            "' is not supported (TraceAlloc needs an ELF target)",
        DS_Error));
    return false;
  }

  // Address-taking operands first: a rewritten call copies its operands.
  for (Use *U : AddressUses)
    rewriteAddressTaken(*U);
  for (GlobalVariable *GV : AddressInits)
    rewriteAddressTaken(*GV);
  for (CallBase *CB : Calls)
    rewriteCall(*CB);

  // Once per module, not per site: the fix is a compiler flag.
  if (!Locator.moduleHasDebugInfo())
    C.diagnose(DiagnosticInfoTraceAlloc(
        "TraceAlloc: " + M.getSourceFileName() +
            ": no debug info; allocation sites have no line numbers "
            "(compile with -g or -gline-tables-only)",
        DS_Warning));
  return true;
}

bool ModuleTraceAlloc::keepFrames() {
  AllocatingCalls Reach(
      M, [&](const Function &F) { return SymbolOf.count(&F) != 0; });
  auto Describe = [&](const Instruction &I) { return describe(I); };
  ShadowStack Shadow(M, Sites, Reach, Describe);
  bool Changed = false;
  for (Function &F : M)
    if (shouldInstrument(F))
      Changed |= Shadow.instrumentFunction(F);
  return Changed;
}

bool ModuleTraceAlloc::instrumentModule() {
  for (Function &F : M)
    if (StringRef Symbol = Allocs.getSymbol(F); !Symbol.empty())
      SymbolOf[&F] = Symbol;
  bool Changed = rewriteAllocations();
  // Frames need the records' section too; rewriteAllocations() reported
  // the target if the module allocates.
  if (!Triple(M.getTargetTriple()).isOSBinFormatELF())
    return false;
  if (ClShadowStack)
    Changed |= keepFrames();
  Sites.finalize();
  return Changed;
}

PreservedAnalyses TraceAllocPass::run(Module &M, ModuleAnalysisManager &) {
  if (!ModuleTraceAlloc(M).instrumentModule())
    return PreservedAnalyses::all();
  PreservedAnalyses PA = PreservedAnalyses::none();
  // GlobalsAA is not invalidated by none(); new functions and globals
  // (thunks, records) change what it knows.
  PA.abandon<GlobalsAA>();
  return PA;
}
