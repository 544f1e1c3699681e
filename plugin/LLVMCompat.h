//===- LLVMCompat.h - LLVM API differences TraceAlloc spans -----*- C++ -*-===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// TraceAlloc builds against LLVM 19 to 22. Every difference between those
// APIs that the plugin meets is absorbed here, so the rest of the plugin is
// written against one API.
//
//===----------------------------------------------------------------------===//

#ifndef TRACEALLOC_PLUGIN_LLVMCOMPAT_H
#define TRACEALLOC_PLUGIN_LLVMCOMPAT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/Pass.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/ModRef.h"
#include <functional>

// LLVM 22 moved the plugin interface out of llvm/Passes.
#if __has_include("llvm/Plugins/PassPlugin.h")
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

namespace tracealloc {
namespace compat {

using OptimizerLastCallback =
    std::function<void(llvm::ModulePassManager &, llvm::OptimizationLevel)>;

/// Registers \p C at the OptimizerLast extension point. LLVM 20 added a
/// ThinOrFullLTOPhase parameter to these callbacks; TraceAlloc does not need
/// it (the pass is idempotent, so whichever phase runs it first instruments
/// and later runs change nothing), so the adaptor drops it.
inline void registerOptimizerLastEPCallback(llvm::PassBuilder &PB,
                                            const OptimizerLastCallback &C) {
#if LLVM_VERSION_MAJOR >= 20
  PB.registerOptimizerLastEPCallback(
      [C](llvm::ModulePassManager &MPM, llvm::OptimizationLevel Level,
          llvm::ThinOrFullLTOPhase) { C(MPM, Level); });
#else
  PB.registerOptimizerLastEPCallback(C);
#endif
}

/// Matches allocation functions that this LLVM's TargetLibraryInfo does not
/// know, by name and prototype, as TargetLibraryInfo would. LLVM 19 has no
/// LibFunc_pvalloc or LibFunc_reallocarray (later releases do, and then this
/// is never asked about them). Returns false for names it does not know
/// either; \p SizeTBits is the width of size_t on the target.
inline bool isValidProtoForUnknownLibFunc(llvm::StringRef Name,
                                          const llvm::FunctionType &FTy,
                                          unsigned SizeTBits) {
  auto IsSizeT = [&](const llvm::Type *T) { return T->isIntegerTy(SizeTBits); };
  if (FTy.isVarArg() || !FTy.getReturnType()->isPointerTy())
    return false;
  // void *pvalloc(size_t size);
  if (Name == "pvalloc")
    return FTy.getNumParams() == 1 && IsSizeT(FTy.getParamType(0));
  // void *reallocarray(void *ptr, size_t nmemb, size_t size);
  if (Name == "reallocarray")
    return FTy.getNumParams() == 3 && FTy.getParamType(0)->isPointerTy() &&
           IsSizeT(FTy.getParamType(1)) && IsSizeT(FTy.getParamType(2));
  return false;
}

/// True if this LLVM's isValidProtoForUnknownLibFunc() can match \p Name.
inline bool hasPrototypeForUnknownLibFunc(llvm::StringRef Name) {
  return Name == "pvalloc" || Name == "reallocarray";
}

/// \p ME without its effects on errno, which LLVM 21 made a location of its
/// own (before, errno was part of "other" memory, and stays in \p ME).
inline llvm::MemoryEffects withoutErrnoMemory(llvm::MemoryEffects ME) {
#if LLVM_VERSION_MAJOR >= 21
  return ME.getWithoutLoc(llvm::IRMemLocation::ErrnoMem);
#else
  return ME;
#endif
}

} // namespace compat
} // namespace tracealloc

#endif // TRACEALLOC_PLUGIN_LLVMCOMPAT_H
