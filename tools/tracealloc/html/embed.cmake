# Turns a text file into a C++ source defining `const char NAME[]` with its
# contents, at build time, so the tool carries its HTML template.
#   cmake -DINPUT=report.html -DOUTPUT=report_html.cpp -DNAME=kReportHtml -P embed.cmake
file(READ "${INPUT}" content)
set(delimiter "TRACEALLOC_EMBED")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string's delimiter )${delimiter}\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed.cmake: edit that file, not this one.\n"
  "namespace tracealloc {\nnamespace tool {\n"
  "extern const char ${NAME}[];\n"
  "const char ${NAME}[] = R\"${delimiter}(${content})${delimiter}\";\n"
  "} // namespace tool\n} // namespace tracealloc\n")
# Only touch OUTPUT when it changes, so an unchanged template recompiles nothing.
execute_process(COMMAND "${CMAKE_COMMAND}" -E copy_if_different
  "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
