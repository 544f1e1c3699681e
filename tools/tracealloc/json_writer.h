//===- json_writer.h - Indented JSON, written as it is produced -----------===//
//
// The --format json output of every subcommand. Commas, indentation and
// string escapes are the writer's business; the caller says what comes:
//
//   JsonWriter json(std::cout);
//   json.begin_object();
//   json.key("schema").value("tracealloc-stats/1");
//   json.end_object();
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_TOOLS_JSON_WRITER_H
#define TRACEALLOC_TOOLS_JSON_WRITER_H

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace tracealloc {
namespace tool {

class JsonWriter {
public:
  explicit JsonWriter(std::ostream &out) : out_(out) {}
  // Ends the document with a newline.
  ~JsonWriter();

  JsonWriter &begin_object();
  JsonWriter &end_object();
  JsonWriter &begin_array();
  JsonWriter &end_array();
  // The next value's name, inside an object.
  JsonWriter &key(const std::string &name);
  JsonWriter &value(const std::string &s);
  JsonWriter &value(const char *s);
  JsonWriter &value(uint64_t n);
  JsonWriter &value(int64_t n);
  JsonWriter &value(unsigned n) { return value(uint64_t(n)); }
  JsonWriter &value(int n) { return value(int64_t(n)); }
  JsonWriter &value(bool b);
  JsonWriter &null();

private:
  struct Level {
    bool array;
    bool empty;
  };
  void before_value();
  void close(char bracket);
  void newline();

  std::ostream &out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

// `text` as a JSON string, quotes included. Bytes that are not valid
// UTF-8 (a file name is bytes) become U+FFFD, so the output always parses.
std::string json_quote(const std::string &text);

} // namespace tool
} // namespace tracealloc

#endif
