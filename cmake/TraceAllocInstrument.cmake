# TraceAllocInstrument.cmake - tracealloc_instrument() and
# tracealloc_add_test_environment(), loaded by TraceAllocConfig.cmake.
#
# Expects the variables and imported targets TraceAllocConfig.cmake defines.
# See docs/build-systems.md for the user's side.

include_guard(GLOBAL)

# The options that choose a debug-info level, as the compiler wrappers
# recognise them (tools/tracealloc-clang.in). Options that only tune debug
# info (-gz, -gsplit-dwarf, ...) do not count.
set(_TRACEALLOC_DEBUG_LEVEL_REGEX
  "(^|[ ;])-(g|g[0-3]|ggdb[0-3]?|glldb|gsce|gdbx|gline-tables-only|gline-directives-only|gdwarf|gdwarf-[0-9]|gmodules|gfull|gused)($|[ ;])")

set(_TRACEALLOC_MERGE_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/TraceAllocMergeSnapshots.cmake")

# tracealloc_instrument(<target>...)
#
# Compiles each target's C and C++ sources with the TraceAlloc pass
# (-fpass-plugin) and line tables (-gline-tables-only, unless the build
# already chooses a debug-info level), and links the runtime, with an RPATH
# entry for it in the built and the installed binary. Static and object
# libraries pass the runtime on to whatever links them.
#
# The plugin runs only inside the Clang of the LLVM it was built against:
# any other C or C++ compiler the targets use (GCC, another Clang release) is
# refused with the option to set. The debug-info choice is made at the end of
# the calling directory, so options added after this call count too.
function(tracealloc_instrument)
  if(ARGC EQUAL 0)
    message(FATAL_ERROR "tracealloc_instrument() needs at least one target")
  endif()
  foreach(target IN LISTS ARGN)
    if(NOT TARGET ${target})
      message(FATAL_ERROR "tracealloc_instrument(${target}): no such target")
    endif()
    get_target_property(type ${target} TYPE)
    if(NOT type MATCHES "^(EXECUTABLE|SHARED_LIBRARY|MODULE_LIBRARY|STATIC_LIBRARY|OBJECT_LIBRARY)$")
      message(FATAL_ERROR "tracealloc_instrument(${target}): a ${type} has no "
        "sources to instrument; name an executable or a library")
    endif()
    get_target_property(done ${target} TRACEALLOC_INSTRUMENTED)
    if(done)
      continue()
    endif()
    set_target_properties(${target} PROPERTIES TRACEALLOC_INSTRUMENTED ON)
    _tracealloc_target_languages(${target} languages)
    foreach(lang IN LISTS languages)
      _tracealloc_check_compiler(${target} ${lang})
    endforeach()

    target_compile_options(${target} PRIVATE
      "$<$<COMPILE_LANGUAGE:C,CXX>:-fpass-plugin=${TRACEALLOC_PLUGIN}>")

    # Static and object libraries are linked by others: they pass the
    # runtime on. Executables and shared libraries link it themselves.
    if(type MATCHES "^(STATIC_LIBRARY|OBJECT_LIBRARY)$")
      set(scope INTERFACE)
    else()
      set(scope PRIVATE)
    endif()
    # The runtime is the process's malloc: a DT_NEEDED entry even under
    # --as-needed, so it is loaded before libc.
    target_link_libraries(${target} ${scope}
      "-Wl,--push-state,--no-as-needed" TraceAlloc::runtime "-Wl,--pop-state")
    if(scope STREQUAL "PRIVATE")
      _tracealloc_add_install_rpath(${target} "${TRACEALLOC_LIBRARY_DIR}")
    endif()

    if(TRACEALLOC_SANITIZER)
      # The runtime was built with this sanitizer and its shared runtime
      # library: the program must use the same one.
      target_compile_options(${target} PRIVATE
        "$<$<COMPILE_LANGUAGE:C,CXX>:-fsanitize=${TRACEALLOC_SANITIZER}>")
      target_link_options(${target} ${scope}
        "-fsanitize=${TRACEALLOC_SANITIZER}" "-shared-libsan"
        "LINKER:-rpath,${TRACEALLOC_SANITIZER_LIBDIR}")
    endif()

    cmake_language(EVAL CODE
      "cmake_language(DEFER CALL _tracealloc_finish_target [[${target}]])")
  endforeach()
endfunction()

# Adds DIR to TARGET's INSTALL_RPATH unless the linker searches it anyway.
# (CMake puts the directories of linked libraries in the build tree's RPATH
# by itself.)
function(_tracealloc_add_install_rpath target dir)
  foreach(lang C CXX)
    if(dir IN_LIST CMAKE_${lang}_IMPLICIT_LINK_DIRECTORIES)
      return()
    endif()
  endforeach()
  set_property(TARGET ${target} APPEND PROPERTY INSTALL_RPATH "${dir}")
endfunction()

# The languages among C and CXX that TARGET compiles, from its sources'
# extensions; when none is recognised, every enabled one of the two.
function(_tracealloc_target_languages target out)
  get_property(enabled GLOBAL PROPERTY ENABLED_LANGUAGES)
  get_target_property(sources ${target} SOURCES)
  set(languages)
  foreach(source IN LISTS sources)
    get_source_file_property(language "${source}" LANGUAGE)
    if(NOT language)
      get_filename_component(extension "${source}" LAST_EXT)
      string(REGEX REPLACE "^\\." "" extension "${extension}")
      foreach(lang C CXX)
        if(lang IN_LIST enabled AND extension IN_LIST CMAKE_${lang}_SOURCE_FILE_EXTENSIONS)
          set(language ${lang})
        endif()
      endforeach()
    endif()
    if(language MATCHES "^(C|CXX)$")
      list(APPEND languages ${language})
    endif()
  endforeach()
  if(NOT languages)
    foreach(lang C CXX)
      if(lang IN_LIST enabled)
        list(APPEND languages ${lang})
      endif()
    endforeach()
  endif()
  list(REMOVE_DUPLICATES languages)
  set(${out} ${languages} PARENT_SCOPE)
endfunction()

# Refuses a compiler that cannot load the plugin: anything but the Clang of
# TraceAlloc's LLVM release.
function(_tracealloc_check_compiler target lang)
  set(id "${CMAKE_${lang}_COMPILER_ID}")
  set(version "${CMAKE_${lang}_COMPILER_VERSION}")
  string(REGEX MATCH "^[0-9]+" major "${version}")
  if(id STREQUAL "Clang" AND major STREQUAL TRACEALLOC_LLVM_VERSION_MAJOR)
    return()
  endif()
  if(lang STREQUAL "CXX")
    set(driver "${TRACEALLOC_CXX_COMPILER}")
  else()
    set(driver "${TRACEALLOC_C_COMPILER}")
  endif()
  message(FATAL_ERROR
    "tracealloc_instrument(${target}): the ${lang} compiler is ${id} ${version} "
    "(${CMAKE_${lang}_COMPILER}), but TraceAlloc's plugin runs only in Clang "
    "${TRACEALLOC_LLVM_VERSION_MAJOR}: it was built against LLVM "
    "${TRACEALLOC_LLVM_VERSION}. Configure a new build directory with "
    "-DCMAKE_${lang}_COMPILER=${driver}")
endfunction()

# Run at the end of the directory that called tracealloc_instrument(TARGET):
# adds -gline-tables-only for each configuration whose flags choose no
# debug-info level.
function(_tracealloc_finish_target target)
  _tracealloc_target_languages(${target} languages)
  get_target_property(target_options ${target} COMPILE_OPTIONS)
  if(NOT target_options)
    set(target_options "")
  endif()
  get_property(multi_config GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
  foreach(lang IN LISTS languages)
    if(multi_config)
      set(needing)
      foreach(config IN LISTS CMAKE_CONFIGURATION_TYPES)
        string(TOUPPER "${config}" upper)
        set(flags "${CMAKE_${lang}_FLAGS} ${CMAKE_${lang}_FLAGS_${upper}} ${target_options}")
        if(NOT flags MATCHES "${_TRACEALLOC_DEBUG_LEVEL_REGEX}")
          list(APPEND needing "${config}")
        endif()
      endforeach()
      if(needing)
        string(REPLACE ";" "," needing "${needing}")
        target_compile_options(${target} PRIVATE
          "$<$<AND:$<COMPILE_LANGUAGE:${lang}>,$<CONFIG:${needing}>>:-gline-tables-only>")
      endif()
    else()
      # An empty CMAKE_BUILD_TYPE leaves CMAKE_<LANG>_FLAGS alone.
      string(TOUPPER "${CMAKE_BUILD_TYPE}" upper)
      set(flags "${CMAKE_${lang}_FLAGS} ${CMAKE_${lang}_FLAGS_${upper}} ${target_options}")
      if(NOT flags MATCHES "${_TRACEALLOC_DEBUG_LEVEL_REGEX}")
        target_compile_options(${target} PRIVATE
          "$<$<COMPILE_LANGUAGE:${lang}>:-gline-tables-only>")
      endif()
    endif()
  endforeach()
endfunction()

# tracealloc_add_test_environment(<test>... [SNAPSHOT_DIR <dir>] [LEAK_CHECK]
#                                 [LEAK_EXITCODE <n>] [OPTIONS <key=value>...])
#
# Runs the tests (built with tracealloc_instrument) with TRACEALLOC_OPTIONS:
#   SNAPSHOT_DIR  each process of each test writes its snapshot at exit to
#                 <dir>/<test>.<pid>.snap. A setup test empties the directory
#                 before the tests run, and a cleanup test merges every
#                 snapshot into <dir>/merged.snap and writes its statistics
#                 to <dir>/report.txt once they have run (ctest fixtures, so
#                 `ctest -R <one>` does it too).
#   LEAK_CHECK    leak_check=1: a process that leaks fails its test (exit
#                 code LEAK_EXITCODE, 23 unless given).
#   OPTIONS       more key=value options (docs/runtime.md).
# The test's own ENVIRONMENT entries stay.
function(tracealloc_add_test_environment)
  cmake_parse_arguments(PARSE_ARGV 0 arg "LEAK_CHECK" "SNAPSHOT_DIR;LEAK_EXITCODE" "OPTIONS")
  set(tests ${arg_UNPARSED_ARGUMENTS})
  if(NOT tests)
    message(FATAL_ERROR "tracealloc_add_test_environment() needs at least one test")
  endif()
  set(common ${arg_OPTIONS})
  if(arg_LEAK_CHECK)
    if(NOT DEFINED arg_LEAK_EXITCODE)
      set(arg_LEAK_EXITCODE 23)
    endif()
    list(APPEND common "leak_check=1" "exitcode=${arg_LEAK_EXITCODE}")
  endif()

  if(arg_SNAPSHOT_DIR)
    get_filename_component(dir "${arg_SNAPSHOT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    if(dir MATCHES "[:%]")
      message(FATAL_ERROR "tracealloc_add_test_environment: SNAPSHOT_DIR '${dir}' "
        "may not contain ':' or '%' (TRACEALLOC_OPTIONS separators)")
    endif()
    _tracealloc_add_snapshot_fixture("${dir}" "${arg_LEAK_CHECK}" fixture)
  endif()

  foreach(test IN LISTS tests)
    set(options ${common})
    if(arg_SNAPSHOT_DIR)
      string(MAKE_C_IDENTIFIER "${test}" name)
      list(APPEND options "snapshot=${dir}/${name}.%p.snap")
      set_property(TEST ${test} APPEND PROPERTY FIXTURES_REQUIRED ${fixture})
    endif()
    string(REPLACE ";" ":" options "${options}")
    set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT "TRACEALLOC_OPTIONS=${options}")
  endforeach()
endfunction()

# Once per snapshot directory: the setup test that empties it and the
# cleanup test that merges what the tests wrote (with the leak report when
# LEAK_CHECK). FIXTURE receives the fixture's name.
function(_tracealloc_add_snapshot_fixture dir leak_check fixture)
  string(MD5 hash "${dir}")
  string(SUBSTRING "${hash}" 0 8 hash)
  set(name "tracealloc_snapshots_${hash}")
  set(${fixture} ${name} PARENT_SCOPE)
  if(leak_check)
    set(leak_check ON)
  else()
    set(leak_check OFF)
  endif()
  get_property(registered GLOBAL PROPERTY ${name}_leak_check SET)
  if(registered)
    get_property(first GLOBAL PROPERTY ${name}_leak_check)
    if(NOT first STREQUAL leak_check)
      message(FATAL_ERROR "tracealloc_add_test_environment: the tests writing "
        "snapshots to ${dir} must all use LEAK_CHECK, or none (the merged "
        "snapshot has leak data only if every snapshot has)")
    endif()
    return()
  endif()
  set_property(GLOBAL PROPERTY ${name}_leak_check ${leak_check})
  if(NOT TRACEALLOC_EXECUTABLE)
    message(FATAL_ERROR "tracealloc_add_test_environment(SNAPSHOT_DIR): this "
      "TraceAlloc install has no `tracealloc` command to merge snapshots with")
  endif()
  add_test(NAME ${name}_clean
    COMMAND ${CMAKE_COMMAND} -DMODE=clean -DDIR=${dir} -P ${_TRACEALLOC_MERGE_SCRIPT})
  add_test(NAME ${name}_merge
    COMMAND ${CMAKE_COMMAND} -DMODE=merge -DDIR=${dir} -DLEAKS=${leak_check}
            -DTRACEALLOC=${TRACEALLOC_EXECUTABLE} -P ${_TRACEALLOC_MERGE_SCRIPT})
  set_tests_properties(${name}_clean PROPERTIES FIXTURES_SETUP ${name})
  set_tests_properties(${name}_merge PROPERTIES FIXTURES_CLEANUP ${name})
endfunction()
