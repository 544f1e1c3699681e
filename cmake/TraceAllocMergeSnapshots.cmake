# TraceAllocMergeSnapshots.cmake - the setup and cleanup steps of a test
# suite run with tracealloc_add_test_environment(SNAPSHOT_DIR <dir>).
#
#   cmake -DMODE=clean -DDIR=<dir> -P TraceAllocMergeSnapshots.cmake
#     removes the snapshots and report of an earlier run
#   cmake -DMODE=merge -DDIR=<dir> -DTRACEALLOC=<tracealloc> [-DLEAKS=ON] -P ...
#     merges <dir>/*.snap into <dir>/merged.snap (`tracealloc merge`) and
#     writes the suite's report to <dir>/report.txt and to the output:
#     `tracealloc stats --all-time` (allocated over the runs), `tracealloc
#     stats` (in use at exit) and, with LEAKS, `tracealloc leaks`
#
# A script, not a command line: the snapshot files exist only once the tests
# have run.

if(NOT DIR)
  message(FATAL_ERROR "TraceAllocMergeSnapshots.cmake: set -DDIR=<snapshot directory>")
endif()

if(MODE STREQUAL "clean")
  file(GLOB old "${DIR}/*.snap")
  file(REMOVE ${old} "${DIR}/report.txt")
  file(MAKE_DIRECTORY "${DIR}")
elseif(MODE STREQUAL "merge")
  file(GLOB snapshots "${DIR}/*.snap")
  list(REMOVE_ITEM snapshots "${DIR}/merged.snap")
  list(LENGTH snapshots count)
  if(count EQUAL 0)
    message(FATAL_ERROR "no snapshots in ${DIR}: did the tests run instrumented "
      "(tracealloc_instrument) with tracealloc_add_test_environment(SNAPSHOT_DIR)?")
  endif()
  list(SORT snapshots)
  execute_process(COMMAND "${TRACEALLOC}" merge "${DIR}/merged.snap" ${snapshots} --force
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "tracealloc merge failed (exit ${result})")
  endif()
  set(commands "stats --all-time" "stats")
  if(LEAKS)
    list(APPEND commands "leaks")
  endif()
  set(report "")
  foreach(command IN LISTS commands)
    separate_arguments(command UNIX_COMMAND "${command}")
    execute_process(COMMAND "${TRACEALLOC}" ${command} "${DIR}/merged.snap"
      OUTPUT_VARIABLE output RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "tracealloc ${command} failed (exit ${result})")
    endif()
    string(APPEND report "${output}\n")
  endforeach()
  file(WRITE "${DIR}/report.txt" "${report}")
  message("TraceAlloc: ${count} snapshots merged into ${DIR}/merged.snap, "
    "report in ${DIR}/report.txt\n${report}")
else()
  message(FATAL_ERROR "TraceAllocMergeSnapshots.cmake: MODE must be clean or merge, not '${MODE}'")
endif()
