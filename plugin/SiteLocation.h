//===- SiteLocation.h - Source locations from debug info --------*- C++ -*-===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// Turns debug info into the source location a site record reports: absolute
// file, line, column, demangled function and the call it was inlined into.
// Code without debug info still gets a location: its file as far as the
// module knows it and the enclosing function, at line 0.
//
//===----------------------------------------------------------------------===//

#ifndef TRACEALLOC_PLUGIN_SITELOCATION_H
#define TRACEALLOC_PLUGIN_SITELOCATION_H

#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <string>

namespace llvm {
class DILocation;
class DISubprogram;
class Function;
class GlobalVariable;
class Module;
} // namespace llvm

namespace tracealloc {

/// The source-level fields of one __tracealloc_site (see abi.h).
struct SiteLocation {
  std::string File;     ///< Absolute when the compiler knew the directory.
  std::string Function; ///< Demangled.
  uint32_t Line = 0;
  uint32_t Column = 0;
  /// TRACEALLOC_SITE_NO_DEBUG_INFO when there was no debug location, else 0.
  uint32_t Flags = 0;
  /// The call site this location was inlined into, if any.
  const llvm::DILocation *InlinedAt = nullptr;
};

class SiteLocator {
public:
  explicit SiteLocator(const llvm::Module &M);

  /// The innermost frame of \p DL: its own line, in the (possibly inlined)
  /// function its scope belongs to.
  SiteLocation describe(const llvm::DILocation &DL) const;

  /// Code of \p F without a debug location: F's file if F has a
  /// DISubprogram, else the module's source file; line 0.
  SiteLocation describeWithoutLocation(const llvm::Function &F) const;

  /// The initializer of \p GV: the variable's declaration line if it has
  /// debug info. As no function contains it, the variable's demangled name
  /// stands in for the function.
  SiteLocation describeInitializer(const llvm::GlobalVariable &GV) const;

  /// True if the module has any debug info (a DICompileUnit).
  bool moduleHasDebugInfo() const { return HasCompileUnit; }

  /// The function \p SP describes, if the module still defines it.
  const llvm::Function *getFunction(const llvm::DISubprogram &SP) const {
    return FunctionOfSubprogram.lookup(&SP);
  }

private:
  std::string getFunctionName(const llvm::DISubprogram &SP) const;

  std::string ModuleFile;
  bool HasCompileUnit = false;
  /// With -gline-tables-only a DISubprogram has neither a linkage name nor
  /// a qualified name; the function it describes still has its mangled name.
  llvm::DenseMap<const llvm::DISubprogram *, const llvm::Function *>
      FunctionOfSubprogram;
};

} // namespace tracealloc

#endif // TRACEALLOC_PLUGIN_SITELOCATION_H
