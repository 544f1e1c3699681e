//===- SiteTable.cpp - A module's site records and their registration -----===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//

#include "SiteTable.h"

#include "tracealloc/abi.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;
using namespace tracealloc;

static constexpr char SiteTypeName[] = "tracealloc.site";
static constexpr char SectionStartName[] = "__start_" TRACEALLOC_SITES_SECTION;
static constexpr char SectionStopName[] = "__stop_" TRACEALLOC_SITES_SECTION;

SiteTable::SiteTable(Module &M, const SiteLocator &Locator)
    : M(M), Locator(Locator) {
  LLVMContext &C = M.getContext();
  Int32Ty = Type::getInt32Ty(C);
  PtrTy = PointerType::getUnqual(C);
  // Field for field abi.h's __tracealloc_site. An earlier run of the pass
  // (see idempotence, TraceAllocPass.cpp) may have created the type already.
  Type *Fields[] = {Int32Ty, Int32Ty, Int32Ty, Int32Ty, PtrTy, PtrTy, PtrTy};
  SiteTy = StructType::getTypeByName(C, SiteTypeName);
  if (!SiteTy || SiteTy->elements() != ArrayRef<Type *>(Fields))
    SiteTy = StructType::create(Fields, SiteTypeName);
}

Constant *SiteTable::getString(StringRef S) {
  Constant *&Str = Strings[S];
  if (!Str) {
    Constant *Init = ConstantDataArray::getString(M.getContext(), S);
    auto *GV =
        new GlobalVariable(M, Init->getType(), /*isConstant=*/true,
                           GlobalValue::PrivateLinkage, Init, "tracealloc.str");
    GV->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
    GV->setAlignment(Align(1));
    Str = GV;
  }
  return Str;
}

GlobalVariable *SiteTable::createRecord(const SiteLocation &Loc, uint32_t Flags,
                                        Comdat *C, StringRef Name) {
  Constant *InlinedAt = ConstantPointerNull::get(PtrTy);
  if (Loc.InlinedAt)
    InlinedAt = getInlineFrame(*Loc.InlinedAt, C);
  Constant *Init = ConstantStruct::get(
      SiteTy, {ConstantInt::get(Int32Ty, 0), // id: the runtime assigns it
               ConstantInt::get(Int32Ty, Flags | Loc.Flags),
               ConstantInt::get(Int32Ty, Loc.Line),
               ConstantInt::get(Int32Ty, Loc.Column), getString(Loc.File),
               getString(Loc.Function), InlinedAt});
  // Not constant: the runtime writes the id into the record.
  auto *Record = new GlobalVariable(M, SiteTy, /*isConstant=*/false,
                                    GlobalValue::PrivateLinkage, Init, Name);
  Record->setSection(TRACEALLOC_SITES_SECTION);
  // The runtime walks the section as an array of records: no padding.
  Record->setAlignment(M.getDataLayout().getABITypeAlign(SiteTy));
  Record->setComdat(C);
  Records.push_back(Record);
  return Record;
}

GlobalVariable *SiteTable::getInlineFrame(const DILocation &DL, Comdat *C) {
  if (GlobalVariable *Frame = InlineFrames.lookup({&DL, C}))
    return Frame;
  GlobalVariable *Frame =
      createRecord(Locator.describe(DL), /*Flags=*/0, C, "tracealloc.frame");
  InlineFrames[{&DL, C}] = Frame;
  return Frame;
}

GlobalVariable *SiteTable::createSite(const SiteLocation &Loc,
                                      uint32_t ExtraFlags, Comdat *C) {
  return createRecord(Loc, TRACEALLOC_SITE_ALLOCATION | ExtraFlags, C,
                      "tracealloc.site");
}

GlobalVariable *SiteTable::createCallSite(const SiteLocation &Loc, Comdat *C) {
  return createRecord(Loc, TRACEALLOC_SITE_CALL, C, "tracealloc.call");
}

/// A linker-defined bound of the sites section. Hidden, so each executable
/// and DSO registers its own section; extern_weak, so that a section the
/// linker garbage-collected entirely leaves null bounds, not a link error.
static GlobalVariable *getSectionBound(Module &M, Type *Ty, StringRef Name) {
  if (GlobalVariable *GV = M.getNamedGlobal(Name))
    return GV;
  auto *GV = new GlobalVariable(M, Ty, /*isConstant=*/false,
                                GlobalValue::ExternalWeakLinkage,
                                /*Initializer=*/nullptr, Name);
  GV->setVisibility(GlobalValue::HiddenVisibility);
  return GV;
}

void SiteTable::createModuleCtor() {
  // Every module's constructor registers the same, link-unit-wide section,
  // so one copy per link unit is enough: the comdat lets the linker keep one.
  // A module already holding it (LTO ran us before) is registered already.
  if (M.getFunction(TRACEALLOC_MODULE_CTOR_NAME))
    return;
  GlobalVariable *Start = getSectionBound(M, SiteTy, SectionStartName);
  GlobalVariable *Stop = getSectionBound(M, SiteTy, SectionStopName);
  Function *Ctor =
      createSanitizerCtorAndInitFunctions(M, TRACEALLOC_MODULE_CTOR_NAME,
                                          TRACEALLOC_REGISTER_SITES_NAME,
                                          {PtrTy, PtrTy}, {Start, Stop})
          .first;
  if (Triple(M.getTargetTriple()).supportsCOMDAT()) {
    Ctor->setComdat(M.getOrInsertComdat(TRACEALLOC_MODULE_CTOR_NAME));
    appendToGlobalCtors(M, Ctor, TRACEALLOC_MODULE_CTOR_PRIORITY, Ctor);
  } else {
    appendToGlobalCtors(M, Ctor, TRACEALLOC_MODULE_CTOR_PRIORITY);
  }
}

void SiteTable::finalize() {
  if (Records.empty())
    return;
  // Nothing refers to a record but calls that may yet be optimised away; the
  // runtime finds them through the section all the same.
  appendToCompilerUsed(M, Records);
  createModuleCtor();
}
