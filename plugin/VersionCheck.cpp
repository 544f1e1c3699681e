//===- VersionCheck.cpp - Refuse to run inside another LLVM ---------------===//
//
// Part of TraceAlloc.
//
//===----------------------------------------------------------------------===//
//
// The plugin takes its LLVM symbols from the clang or opt that loads it, and
// LLVM's C++ ABI changes with every major release. Loaded by another major,
// the plugin crashes while dlopen() runs its static constructors (the first
// cl::opt registration), long before llvmGetPassPluginInfo() could report a
// mismatch. So the check runs as a constructor of higher priority than any
// C++ static initializer of this library, and uses only the stable C API.
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <unistd.h>

// Weak: should a host not export the C API (LLVMGetVersion exists since
// LLVM 16), the check is skipped rather than the load failed.
extern "C" __attribute__((weak)) void
LLVMGetVersion(unsigned *Major, unsigned *Minor, unsigned *Patch);

__attribute__((constructor(101))) static void checkHostLLVMVersion() {
  if (!LLVMGetVersion)
    return;
  unsigned Major = 0, Minor = 0, Patch = 0;
  LLVMGetVersion(&Major, &Minor, &Patch);
  if (Major == LLVM_VERSION_MAJOR)
    return;

  const char *Path = "libTraceAlloc.so";
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&checkHostLLVMVersion), &Info) &&
      Info.dli_fname)
    Path = Info.dli_fname;
  fprintf(stderr,
          "error: TraceAlloc plugin '%s' was built for LLVM %s but is loaded "
          "by LLVM %u.%u.%u; use the LLVM %d clang, or rebuild TraceAlloc "
          "against LLVM %u\n",
          Path, LLVM_VERSION_STRING, Major, Minor, Patch, LLVM_VERSION_MAJOR,
          Major);
  // Continuing would crash in the next static constructor, and exit() would
  // run the host's destructors mid-dlopen.
  _exit(1);
}
