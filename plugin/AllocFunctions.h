//===- AllocFunctions.h - Functions TraceAlloc rewrites ---------*- C++ -*-===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// Decides whether a function is one of the allocation functions listed in
// include/tracealloc/alloc_functions.def, the way LLVM's own passes recognise
// library functions: through TargetLibraryInfo, by name and prototype.
//
//===----------------------------------------------------------------------===//

#ifndef TRACEALLOC_PLUGIN_ALLOCFUNCTIONS_H
#define TRACEALLOC_PLUGIN_ALLOCFUNCTIONS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Analysis/TargetLibraryInfo.h"

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace tracealloc {

class AllocFunctions {
public:
  explicit AllocFunctions(const llvm::Module &M);
  AllocFunctions(const AllocFunctions &) = delete;
  AllocFunctions &operator=(const AllocFunctions &) = delete;

  /// Returns the alloc_functions.def SYMBOL that \p F is (e.g. "malloc",
  /// "_Znwm"), or an empty StringRef if F is not one of those functions.
  llvm::StringRef getSymbol(const llvm::Function &F) const;

  /// True if \p Name is one of the symbols of alloc_functions.def.
  static bool isSymbol(llvm::StringRef Name);

private:
  // The module-level library info, deliberately not the per-function one
  // from TargetLibraryAnalysis: -fno-builtin (and -ffreestanding) mark
  // functions "no-builtins", which turns every LibFunc off for optimisation
  // purposes, yet a call of malloc in such a function still allocates.
  llvm::TargetLibraryInfoImpl TLII;
  llvm::TargetLibraryInfo TLI;
  unsigned SizeTBits;
  /// LibFunc -> SYMBOL, for the symbols this LLVM's TLI knows.
  llvm::SmallDenseMap<unsigned, llvm::StringRef, 32> SymbolOfLibFunc;
  /// Symbols this LLVM's TLI does not know (see LLVMCompat.h).
  llvm::SmallVector<llvm::StringRef, 2> SymbolsUnknownToTLI;
};

} // namespace tracealloc

#endif // TRACEALLOC_PLUGIN_ALLOCFUNCTIONS_H
