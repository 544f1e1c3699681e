//===- SiteTable.h - Site records and their registration --------*- C++ -*-===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// Emits the static __tracealloc_site records (abi.h) of one module into the
// writable section TRACEALLOC_SITES_SECTION, and the module constructor that
// hands the bounds of that section - one per linked executable or DSO - to
// the runtime, as SanitizerCoverage does with its guard sections.
//
//===----------------------------------------------------------------------===//

#ifndef TRACEALLOC_PLUGIN_SITETABLE_H
#define TRACEALLOC_PLUGIN_SITETABLE_H

#include "SiteLocation.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <utility>

namespace llvm {
class Comdat;
class Constant;
class DILocation;
class GlobalValue;
class GlobalVariable;
class IntegerType;
class Module;
class PointerType;
class StructType;
} // namespace llvm

namespace tracealloc {

class SiteTable {
public:
  SiteTable(llvm::Module &M, const SiteLocator &Locator);
  SiteTable(const SiteTable &) = delete;
  SiteTable &operator=(const SiteTable &) = delete;

  /// Returns a new record for one allocation site at \p Loc, flagged
  /// TRACEALLOC_SITE_ALLOCATION, \p Loc's own flags and \p ExtraFlags. Its
  /// inline chain is emitted as needed, one record per DILocation.
  ///
  /// A record used only by code in comdat \p C (an inline function's copy)
  /// belongs in C: when the linker keeps another copy of that code, it drops
  /// this copy's records too, rather than register sites that cannot run.
  llvm::GlobalVariable *createSite(const SiteLocation &Loc,
                                   uint32_t ExtraFlags = 0,
                                   llvm::Comdat *C = nullptr);

  /// Returns a new record for a call that may lead to an allocation (the
  /// shadow stack's frames, abi.h), flagged TRACEALLOC_SITE_CALL and \p
  /// Loc's own flags, with its inline chain as for createSite().
  llvm::GlobalVariable *createCallSite(const SiteLocation &Loc,
                                       llvm::Comdat *C = nullptr);

  /// Keeps the records alive and emits the constructor that registers the
  /// section with the runtime. Call once, after the last createSite().
  void finalize();

private:
  llvm::GlobalVariable *createRecord(const SiteLocation &Loc, uint32_t Flags,
                                     llvm::Comdat *C, llvm::StringRef Name);
  llvm::GlobalVariable *getInlineFrame(const llvm::DILocation &DL,
                                       llvm::Comdat *C);
  llvm::Constant *getString(llvm::StringRef S);
  void createModuleCtor();

  llvm::Module &M;
  const SiteLocator &Locator;
  llvm::StructType *SiteTy;
  llvm::IntegerType *Int32Ty;
  llvm::PointerType *PtrTy;
  llvm::StringMap<llvm::Constant *> Strings;
  /// Frames are shared only within one comdat (or none), so that no record
  /// outside a comdat refers to one inside it.
  llvm::DenseMap<std::pair<const llvm::DILocation *, llvm::Comdat *>,
                 llvm::GlobalVariable *>
      InlineFrames;
  llvm::SmallVector<llvm::GlobalValue *, 16> Records;
};

} // namespace tracealloc

#endif // TRACEALLOC_PLUGIN_SITETABLE_H
