//===- json_writer.cpp - Indented JSON, written as it is produced ---------===//
#include "json_writer.h"

#include <cstdio>

namespace tracealloc {
namespace tool {

namespace {

// The length of the valid UTF-8 sequence at s[i], or 0.
size_t utf8_length(const std::string &s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t n = c < 0x80         ? 1
             : (c >> 5) == 6  ? 2
             : (c >> 4) == 14 ? 3
             : (c >> 3) == 30 ? 4
                              : 0;
  if (n == 0 || i + n > s.size())
    return 0;
  for (size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80)
      return 0;
  // Overlong forms and surrogates are not valid UTF-8 either.
  uint32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

} // namespace

std::string json_quote(const std::string &text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = utf8_length(text, i);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", c);
      out += escape;
    } else {
      out.append(text, i, n);
    }
    i += n;
  }
  return out + "\"";
}

JsonWriter::~JsonWriter() { out_ << '\n'; }

void JsonWriter::newline() {
  out_ << '\n';
  for (size_t i = 0; i < levels_.size(); ++i)
    out_ << "  ";
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty())
    return;
  if (!levels_.back().empty)
    out_ << ',';
  levels_.back().empty = false;
  newline();
}

void JsonWriter::close(char bracket) {
  bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty)
    newline();
  out_ << bracket;
}

JsonWriter &JsonWriter::begin_object() {
  before_value();
  out_ << '{';
  levels_.push_back({false, true});
  return *this;
}

JsonWriter &JsonWriter::end_object() {
  close('}');
  return *this;
}

JsonWriter &JsonWriter::begin_array() {
  before_value();
  out_ << '[';
  levels_.push_back({true, true});
  return *this;
}

JsonWriter &JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter &JsonWriter::key(const std::string &name) {
  before_value();
  out_ << json_quote(name) << ": ";
  after_key_ = true;
  return *this;
}

JsonWriter &JsonWriter::value(const std::string &s) {
  before_value();
  out_ << json_quote(s);
  return *this;
}

JsonWriter &JsonWriter::value(const char *s) {
  return value(std::string(s ? s : ""));
}

JsonWriter &JsonWriter::value(uint64_t n) {
  before_value();
  out_ << n;
  return *this;
}

JsonWriter &JsonWriter::value(int64_t n) {
  before_value();
  out_ << n;
  return *this;
}

JsonWriter &JsonWriter::value(bool b) {
  before_value();
  out_ << (b ? "true" : "false");
  return *this;
}

JsonWriter &JsonWriter::null() {
  before_value();
  out_ << "null";
  return *this;
}

} // namespace tool
} // namespace tracealloc
