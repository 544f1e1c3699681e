# PackageFiles.cmake - the files other build systems find TraceAlloc by:
# the CMake package (find_package(TraceAlloc CONFIG)) and pkg-config's
# tracealloc.pc. Included from the top CMakeLists.txt after tools/.
#
# Both are written for the install tree (<prefix>/lib/cmake/TraceAlloc,
# <prefix>/lib/pkgconfig) and for the build tree, which has the same layout,
# so CMAKE_PREFIX_PATH=<build> or PKG_CONFIG_PATH=<build>/lib/pkgconfig
# work without installing. See docs/build-systems.md.

include(CMakePackageConfigHelpers)

set(TRACEALLOC_CMAKE_FILES
  ${PROJECT_SOURCE_DIR}/cmake/TraceAllocInstrument.cmake
  ${PROJECT_SOURCE_DIR}/cmake/TraceAllocMergeSnapshots.cmake)

# --- CMake package ---------------------------------------------------------
# Install tree: paths relative to the config file, found at load time.
set(TRACEALLOC_CONFIG_LIBDIR ${CMAKE_INSTALL_LIBDIR})
set(TRACEALLOC_CONFIG_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR})
set(TRACEALLOC_CONFIG_BINDIR ${CMAKE_INSTALL_BINDIR})
set(TRACEALLOC_CONFIG_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/TraceAlloc)
configure_package_config_file(cmake/TraceAllocConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package-files/TraceAllocConfig.cmake
  INSTALL_DESTINATION ${TRACEALLOC_CONFIG_INSTALL_DIR}
  PATH_VARS TRACEALLOC_CONFIG_LIBDIR TRACEALLOC_CONFIG_INCLUDEDIR TRACEALLOC_CONFIG_BINDIR)
# 0.x releases: a minor release may change the interface.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/package-files/TraceAllocConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/package-files/TraceAllocConfig.cmake
  ${PROJECT_BINARY_DIR}/package-files/TraceAllocConfigVersion.cmake
  ${TRACEALLOC_CMAKE_FILES}
  DESTINATION ${TRACEALLOC_CONFIG_INSTALL_DIR})

# Build tree: <build>/lib/cmake/TraceAlloc, with lib/, include/, bin/.
set(TRACEALLOC_CONFIG_LIBDIR lib)
set(TRACEALLOC_CONFIG_INCLUDEDIR include)
set(TRACEALLOC_CONFIG_BINDIR bin)
configure_package_config_file(cmake/TraceAllocConfig.cmake.in
  ${PROJECT_BINARY_DIR}/lib/cmake/TraceAlloc/TraceAllocConfig.cmake
  INSTALL_DESTINATION lib/cmake/TraceAlloc
  INSTALL_PREFIX ${PROJECT_BINARY_DIR}
  PATH_VARS TRACEALLOC_CONFIG_LIBDIR TRACEALLOC_CONFIG_INCLUDEDIR TRACEALLOC_CONFIG_BINDIR)
configure_file(${PROJECT_BINARY_DIR}/package-files/TraceAllocConfigVersion.cmake
  ${PROJECT_BINARY_DIR}/lib/cmake/TraceAlloc/TraceAllocConfigVersion.cmake COPYONLY)
foreach(file IN LISTS TRACEALLOC_CMAKE_FILES)
  get_filename_component(name ${file} NAME)
  configure_file(${file} ${PROJECT_BINARY_DIR}/lib/cmake/TraceAlloc/${name} COPYONLY)
endforeach()

# --- pkg-config --------------------------------------------------------------
set(TRACEALLOC_PC_SANITIZER_CFLAGS "")
set(TRACEALLOC_PC_SANITIZER_LIBS "")
if(TRACEALLOC_SANITIZER)
  set(TRACEALLOC_PC_SANITIZER_CFLAGS " -fsanitize=${TRACEALLOC_SANITIZER}")
  set(TRACEALLOC_PC_SANITIZER_LIBS
    " -fsanitize=${TRACEALLOC_SANITIZER} -shared-libsan -Wl,-rpath,${TRACEALLOC_SANITIZER_LIBDIR}")
endif()

# Build tree: the prefix is known now.
set(TRACEALLOC_PC_PREFIX ${PROJECT_BINARY_DIR})
set(TRACEALLOC_PC_LIBDIR lib)
set(TRACEALLOC_PC_INCLUDEDIR include)
set(TRACEALLOC_PC_BINDIR bin)
configure_file(tools/tracealloc.pc.in ${PROJECT_BINARY_DIR}/lib/pkgconfig/tracealloc.pc @ONLY)

# Install tree: the prefix is only known at install time (`cmake --install
# --prefix`, cpack), so the file is made then, in a directory of its own per
# destination: tests install the same build tree to several prefixes at once.
set(TRACEALLOC_PC_PREFIX "@TRACEALLOC_PC_PREFIX@")
set(TRACEALLOC_PC_LIBDIR ${CMAKE_INSTALL_LIBDIR})
set(TRACEALLOC_PC_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR})
set(TRACEALLOC_PC_BINDIR ${CMAKE_INSTALL_BINDIR})
configure_file(tools/tracealloc.pc.in ${PROJECT_BINARY_DIR}/package-files/tracealloc.pc.in @ONLY)
install(CODE "
  get_filename_component(TRACEALLOC_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\" ABSOLUTE)
  string(MD5 destination \"\$ENV{DESTDIR}\${TRACEALLOC_PC_PREFIX}\")
  set(pc \"${PROJECT_BINARY_DIR}/package-files/install/\${destination}/tracealloc.pc\")
  configure_file(\"${PROJECT_BINARY_DIR}/package-files/tracealloc.pc.in\" \"\${pc}\" @ONLY)
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\"
    TYPE FILE FILES \"\${pc}\")
")
