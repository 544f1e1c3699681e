# SelectLLVM.cmake - choose the LLVM that TraceAlloc builds against.
#
# Included before project(): with -DLLVM_DIR=... that LLVM is used; otherwise
# the newest supported LLVM installed under /usr/lib/llvm-N. The compilers
# default to that LLVM's clang, so the runtime, the tests and the wrappers all
# use one toolchain (Debian's /usr/bin/clang may be an older release).

set(TRACEALLOC_SUPPORTED_LLVM_MAJORS 22 21 20 19)

if(LLVM_DIR AND NOT EXISTS "${LLVM_DIR}/LLVMConfig.cmake")
  message(FATAL_ERROR
    "LLVM_DIR=${LLVM_DIR} has no LLVMConfig.cmake; pass the directory that "
    "holds it, e.g. -DLLVM_DIR=/usr/lib/llvm-22/lib/cmake/llvm")
endif()

if(NOT LLVM_DIR)
  foreach(major IN LISTS TRACEALLOC_SUPPORTED_LLVM_MAJORS)
    if(EXISTS "/usr/lib/llvm-${major}/lib/cmake/llvm/LLVMConfig.cmake")
      set(LLVM_DIR "/usr/lib/llvm-${major}/lib/cmake/llvm" CACHE PATH "LLVM CMake package directory")
      break()
    endif()
  endforeach()
  if(NOT LLVM_DIR)
    message(FATAL_ERROR
      "No supported LLVM found (looked for /usr/lib/llvm-{${TRACEALLOC_SUPPORTED_LLVM_MAJORS}}). "
      "Install llvm-22-dev clang-22 llvm-22-tools (or the -19 packages), "
      "or pass -DLLVM_DIR=<prefix>/lib/cmake/llvm.")
  endif()
endif()

# <prefix>/lib/cmake/llvm -> <prefix>
get_filename_component(TRACEALLOC_LLVM_PREFIX "${LLVM_DIR}/../../.." ABSOLUTE)

if(NOT CMAKE_C_COMPILER AND EXISTS "${TRACEALLOC_LLVM_PREFIX}/bin/clang")
  set(CMAKE_C_COMPILER "${TRACEALLOC_LLVM_PREFIX}/bin/clang")
endif()
if(NOT CMAKE_CXX_COMPILER AND EXISTS "${TRACEALLOC_LLVM_PREFIX}/bin/clang++")
  set(CMAKE_CXX_COMPILER "${TRACEALLOC_LLVM_PREFIX}/bin/clang++")
endif()
