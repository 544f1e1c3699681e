# Packaging.cmake - `cpack -G DEB` in the build directory makes a Debian
# package of the install tree; see docs/install.md. Included from the top
# CMakeLists.txt after every install() rule.
#
# The package is named after the LLVM the plugin is tied to
# (tracealloc-llvm22) and depends on that LLVM's clang, which the wrappers
# run. Packages for different LLVMs install the same files, so each
# provides and conflicts with the virtual package `tracealloc`: one at a
# time.

set(CPACK_PACKAGE_NAME "tracealloc-llvm${LLVM_VERSION_MAJOR}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Python's tracemalloc for C and C++ (Clang ${LLVM_VERSION_MAJOR} pass plugin and runtime)")
set(CPACK_PACKAGE_DESCRIPTION
  "TraceAlloc rewrites every allocation call at compile time into a call that\n\
carries its source line, and reports per-line allocation statistics at exit,\n\
with tracemalloc's C and C++ API. This package is built for LLVM\n\
${LLVM_PACKAGE_VERSION}: tracealloc-clang and tracealloc-clang++ run\n\
${TRACEALLOC_DRIVER_PATH_clang}. It also has the CMake package\n\
(find_package(TraceAlloc)) and pkg-config's tracealloc.pc.")
set(CPACK_PACKAGE_CONTACT "TraceAlloc maintainers <tracealloc@localhost>"
  CACHE STRING "Maintainer field of the packages cpack makes")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES OFF)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PROVIDES tracealloc)
set(CPACK_DEBIAN_PACKAGE_CONFLICTS tracealloc)
set(CPACK_DEBIAN_PACKAGE_REPLACES tracealloc)
# Debian's package of the selected LLVM's clang; another LLVM install
# (built from source, apt.llvm.org) may need this changed.
set(TRACEALLOC_DEB_DEPENDS "clang-${LLVM_VERSION_MAJOR}"
  CACHE STRING "Depends of the .deb besides the libraries its files link")
set(deb_depends "${TRACEALLOC_DEB_DEPENDS}")
if(TRACEALLOC_SANITIZER)
  string(APPEND deb_depends ", libclang-rt-${LLVM_VERSION_MAJOR}-dev")
endif()
# dpkg-shlibdeps (dpkg-dev) derives libc6 (>= ...) and the plugin's
# libstdc++6 from the files' DT_NEEDED entries and symbol versions.
find_program(TRACEALLOC_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(TRACEALLOC_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  string(APPEND deb_depends ", libc6")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${deb_depends}")

include(CPack)
