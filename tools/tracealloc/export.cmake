# tools/tracealloc/export.cmake - `tracealloc export` (docs/export.md),
# included by CMakeLists.txt: its sources, and the HTML report's page
# (html/report.html) carried in the binary as a string generated at build
# time, so the tool needs no data file at run time.

target_sources(tracealloc-cli PRIVATE
  export_collapsed.cpp
  export_command.cpp
  export_data.cpp
  export_html.cpp
  export_pprof.cpp
  gzip_writer.cpp
  protobuf_writer.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/report_html.cpp)
target_compile_definitions(tracealloc-cli PRIVATE TRACEALLOC_HAVE_EXPORT)

add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/report_html.cpp
  COMMAND ${CMAKE_COMMAND}
    -DINPUT=${CMAKE_CURRENT_SOURCE_DIR}/html/report.html
    -DOUTPUT=${CMAKE_CURRENT_BINARY_DIR}/report_html.cpp
    -DNAME=kReportHtml -P ${CMAKE_CURRENT_SOURCE_DIR}/html/embed.cmake
  DEPENDS html/report.html html/embed.cmake
  COMMENT "Embedding the HTML report page")
