//===- AllocFunctions.cpp - Recognise the functions TraceAlloc rewrites ---===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//

#include "AllocFunctions.h"
#include "LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;
using namespace tracealloc;

// The one list shared with the runtime; never re-typed here.
static constexpr StringLiteral AllocSymbols[] = {
#define TRACEALLOC_FUNCTION(SYMBOL, KIND) #SYMBOL,
#include "tracealloc/alloc_functions.def"
};

// TraceAlloc's own API functions that take their caller's site.
static constexpr StringLiteral ApiSymbols[] = {
#define TRACEALLOC_FUNCTION(SYMBOL, KIND)
#define TRACEALLOC_API_FUNCTION(SYMBOL) #SYMBOL,
#include "tracealloc/alloc_functions.def"
};

AllocFunctions::AllocFunctions(const Module &M)
    : TLII(Triple(M.getTargetTriple())), TLI(TLII),
      SizeTBits(TLI.getSizeTSize(M)) {
  for (StringRef Symbol : AllocSymbols) {
    LibFunc LF;
    if (TLI.getLibFunc(Symbol, LF))
      SymbolOfLibFunc[LF] = Symbol;
    else if (compat::hasPrototypeForUnknownLibFunc(Symbol))
      SymbolsUnknownToTLI.push_back(Symbol);
    else
      // Only reachable if the .def grows a function that neither this LLVM
      // nor LLVMCompat.h knows: the IR tests catch it before users do.
      report_fatal_error("TraceAlloc: alloc_functions.def lists '" + Symbol +
                             "', which this LLVM's TargetLibraryInfo does not "
                             "know; teach LLVMCompat.h its prototype",
                         /*gen_crash_diag=*/false);
  }
}

bool AllocFunctions::isSymbol(StringRef Name) {
  return is_contained(AllocSymbols, Name);
}

StringRef AllocFunctions::getSymbol(const Function &F) const {
  // A function with local linkage is the program's own, whatever its name.
  if (F.hasLocalLinkage())
    return StringRef();

  LibFunc LF;
  if (TLI.getLibFunc(F, LF))
    return TLI.has(LF) ? SymbolOfLibFunc.lookup(LF) : StringRef();

  StringRef Name = F.getName();
  for (StringRef Symbol : ApiSymbols)
    if (Name == Symbol)
      return Symbol;
  for (StringRef Symbol : SymbolsUnknownToTLI)
    if (Name == Symbol && compat::isValidProtoForUnknownLibFunc(
                              Name, *F.getFunctionType(), SizeTBits))
      return Symbol;
  return StringRef();
}
