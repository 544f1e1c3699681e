//===- snapshot_json.h - Snapshots, tracebacks and queries as JSON --------===//
//
// The objects that several subcommands' JSON documents share; their fields
// are documented once in docs/json-format.md.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_SNAPSHOT_JSON_H
#define TRACEALLOC_TOOLS_SNAPSHOT_JSON_H

#include "cli_common.h"
#include "json_writer.h"

namespace tracealloc {
namespace tool {

// {"filename", "lineno", "column", "function"}
void write_frame(JsonWriter &json, const tracealloc_frame &frame);
// [frame, ...], oldest first.
void write_traceback(JsonWriter &json, const tracealloc_traceback &tb);
// The "snapshot" object: the file and what it says about its run.
void write_snapshot(JsonWriter &json, const tracealloc_snapshot &snapshot,
                    const std::string &path);
// "view", "key_type", "cumulative", "limit", "filters", "domain": the
// members of the enclosing object that say what was asked.
void write_query(JsonWriter &json, const StatsOptions &options);

} // namespace tool
} // namespace tracealloc

#endif
