//===- SiteLocation.cpp - Source locations from debug info ----------------===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//

#include "SiteLocation.h"

#include "tracealloc/abi.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cstdlib>

using namespace llvm;
using namespace tracealloc;

/// Directory + Filename as DIFile and DICompileUnit split them.
static std::string joinPath(StringRef Directory, StringRef Filename) {
  SmallString<256> Path;
  if (!sys::path::is_absolute(Filename))
    Path = Directory;
  sys::path::append(Path, Filename);
  // "./a.c", "b/../a.c" and "a.c" are one file to the report. Lexically,
  // as tools show paths: "link/.." is not resolved through the symlink.
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

static std::string getPath(const DIFile *File) {
  return File ? joinPath(File->getDirectory(), File->getFilename())
              : std::string();
}

/// A function's name as a debugger's backtrace shows it: qualified, without
/// its parameter list ("ns::Widget::resize", "main"). One form for every
/// frame, whether or not the function still has a linkage name: inlined
/// subprograms often keep only their plain name.
static std::string demangleSymbol(StringRef Name) {
  // The demangler points into the string it parses: keep it alive.
  std::string Mangled = GlobalValue::dropLLVMManglingEscape(Name).str();
  ItaniumPartialDemangler Demangler;
  if (Demangler.partialDemangle(Mangled.c_str()) || !Demangler.isFunction())
    return demangle(Mangled);
  char *Buf = Demangler.getFunctionName(nullptr, nullptr);
  std::string Result = Buf ? Buf : demangle(Mangled);
  std::free(Buf);
  return Result;
}

/// The scope-qualified name of a subprogram from its debug info, for one
/// without a linkage name.
static std::string qualifiedName(const DISubprogram &SP) {
  std::string Name = SP.getName().str();
  for (const DIScope *Scope = SP.getScope(); Scope;
       Scope = Scope->getScope()) {
    if (isa<DIFile>(Scope) || isa<DICompileUnit>(Scope) || Scope->getName().empty())
      break;
    Name = (Scope->getName() + "::" + Name).str();
  }
  return Name;
}

SiteLocator::SiteLocator(const Module &M) {
  for (const Function &F : M)
    if (const DISubprogram *SP = F.getSubprogram())
      FunctionOfSubprogram.try_emplace(SP, &F);

  auto CUs = M.debug_compile_units();
  if (!CUs.empty()) {
    // LTO merges several units; the first names the module. Only code
    // without a DISubprogram ever falls back to it.
    const DICompileUnit *CU = *CUs.begin();
    HasCompileUnit = true;
    ModuleFile = joinPath(CU->getDirectory(), CU->getFilename());
    return;
  }
  // Without debug info the command line's file name is all there is;
  // relative names are relative to the compiler's working directory.
  SmallString<256> Path(M.getSourceFileName());
  sys::fs::make_absolute(Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  ModuleFile = std::string(Path);
}

std::string SiteLocator::getFunctionName(const DISubprogram &SP) const {
  if (!SP.getLinkageName().empty())
    return demangleSymbol(SP.getLinkageName());
  if (const Function *F = FunctionOfSubprogram.lookup(&SP))
    return demangleSymbol(F->getName());
  return qualifiedName(SP);
}

SiteLocation SiteLocator::describe(const DILocation &DL) const {
  SiteLocation Loc;
  Loc.File = getPath(DL.getFile());
  if (Loc.File.empty())
    Loc.File = ModuleFile;
  if (const DISubprogram *SP = DL.getScope()->getSubprogram())
    Loc.Function = getFunctionName(*SP);
  Loc.Line = DL.getLine();
  Loc.Column = DL.getColumn();
  Loc.InlinedAt = DL.getInlinedAt();
  return Loc;
}

SiteLocation SiteLocator::describeWithoutLocation(const Function &F) const {
  SiteLocation Loc;
  Loc.Flags = TRACEALLOC_SITE_NO_DEBUG_INFO;
  const DISubprogram *SP = F.getSubprogram();
  Loc.File = SP ? getPath(SP->getFile()) : std::string();
  if (Loc.File.empty())
    Loc.File = ModuleFile;
  Loc.Function = demangleSymbol(F.getName());
  return Loc;
}

SiteLocation SiteLocator::describeInitializer(const GlobalVariable &GV) const {
  SiteLocation Loc;
  Loc.Function = demangleSymbol(GV.getName());
  SmallVector<DIGlobalVariableExpression *, 1> GVEs;
  GV.getDebugInfo(GVEs);
  const DIGlobalVariable *Var = GVEs.empty() ? nullptr : GVEs[0]->getVariable();
  if (!Var) {
    Loc.Flags = TRACEALLOC_SITE_NO_DEBUG_INFO;
    Loc.File = ModuleFile;
    return Loc;
  }
  Loc.File = getPath(Var->getFile());
  if (Loc.File.empty())
    Loc.File = ModuleFile;
  Loc.Line = Var->getLine();
  return Loc;
}
