//===- python_fnmatch.cpp - File name patterns as Python's fnmatch --------===//
//
// The pattern is compiled as fnmatch.translate does it (CPython
// Lib/fnmatch.py), into tokens that each match one character, or any text
// ('*'); then the name is matched with one backtracking point, the last
// '*', which is enough when every other token matches exactly one
// character.
//
//===----------------------------------------------------------------------===//
#include "api/python_fnmatch.h"
#include "api/api_memory.h"
#include "core/common.h"

#include <string.h>

namespace tracealloc {
namespace rt {
namespace {

// A code point, or an invalid byte b as 0xDC00 + b (surrogateescape).
uint32_t next_code_point(const unsigned char *&s) {
  unsigned char c = *s++;
  if (c < 0x80)
    return c;
  int extra = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : -1;
  if (extra < 0 || c >= 0xF5)
    return 0xDC00 + c;
  uint32_t cp = c & (0x3F >> extra);
  for (int i = 0; i < extra; ++i) {
    if ((s[i] & 0xC0) != 0x80)
      return 0xDC00 + c;
    cp = cp << 6 | (s[i] & 0x3F);
  }
  s += extra;
  return cp;
}

// The text as code points, in runtime memory (n + 1 entries).
uint32_t *decode(const char *text, size_t *n) {
  size_t bytes = strlen(text);
  uint32_t *out = alloc_array<uint32_t>(bytes + 1);
  if (!out)
    return nullptr;
  const auto *s = reinterpret_cast<const unsigned char *>(text);
  size_t count = 0;
  while (*s)
    out[count++] = next_code_point(s);
  *n = count;
  return out;
}

enum class Kind : uint8_t { Star, Any, Literal, Set, Never };

struct Token {
  Kind kind;
  bool negated;   // Set
  uint32_t ch;    // Literal
  uint32_t first; // Set: its ranges are ranges[first, first + count)
  uint32_t count;
};

struct Range {
  uint32_t lo, hi;
};

// One element of a bracket's content after translate's chunking: a
// character, or a hyphen that joins its neighbours into a range.
struct Element {
  uint32_t ch;
  bool range_hyphen;
  bool alive;
};

struct Span {
  size_t begin, end; // elements [begin, end), some of them dead
};

struct Compiled {
  Token *tokens;
  size_t num_tokens;
  Range *ranges;
  size_t num_ranges;
};

constexpr uint32_t kHyphen = '-';

// First / last live element of a span, or SIZE_MAX.
size_t first_alive(const Element *e, Span s) {
  for (size_t x = s.begin; x < s.end; ++x)
    if (e[x].alive)
      return x;
  return SIZE_MAX;
}
size_t last_alive(const Element *e, Span s) {
  for (size_t x = s.end; x > s.begin; --x)
    if (e[x - 1].alive)
      return x - 1;
  return SIZE_MAX;
}

// The set p[i, j) (the text between '[' and ']') as fnmatch.translate reads
// it: split into chunks at the hyphens that make ranges, drop empty ranges
// ("z-a") with both their ends, and read the rest as a regex set. Chunks
// are kept in order in one array, so dropping a range's ends is marking
// two neighbouring elements dead. `elems` and `spans` have j - i + 1 room.
void compile_set(const uint32_t *p, size_t i, size_t j, Compiled &c,
                 Element *elems, Span *spans) {
  size_t n = 0, chunks = 0;
  bool has_hyphen = false;
  for (size_t k = i; k < j; ++k)
    has_hyphen |= p[k] == kHyphen;
  if (!has_hyphen) {
    for (size_t k = i; k < j; ++k)
      elems[n++] = {p[k], false, true};
    spans[chunks++] = {0, n};
  } else {
    size_t k = p[i] == '!' ? i + 2 : i + 1, from = i;
    for (;;) {
      while (k < j && p[k] != kHyphen)
        ++k;
      if (k >= j)
        break;
      size_t begin = n;
      for (size_t x = from; x < k; ++x)
        elems[n++] = {p[x], false, true};
      spans[chunks++] = {begin, n};
      from = k + 1;
      k += 3;
    }
    if (from < j) {
      size_t begin = n;
      for (size_t x = from; x < j; ++x)
        elems[n++] = {p[x], false, true};
      spans[chunks++] = {begin, n};
    } else {
      elems[n++] = {kHyphen, false, true}; // "[a-]": a literal hyphen
      spans[chunks - 1].end = n;
    }
    for (size_t q = chunks - 1; q > 0; --q) {
      size_t last = last_alive(elems, spans[q - 1]);
      size_t first = first_alive(elems, spans[q]);
      if (last == SIZE_MAX || first == SIZE_MAX)
        continue;
      if (elems[last].ch > elems[first].ch) {
        elems[last].alive = elems[first].alive = false;
        spans[q - 1].end = spans[q].end;
        for (size_t r = q; r + 1 < chunks; ++r)
          spans[r] = spans[r + 1];
        --chunks;
      }
    }
  }
  // Joined: chunk, range hyphen, chunk, ... (live elements only).
  Element *joined = elems + n; // room: n + chunks <= 2 (j - i) + 1
  size_t m = 0;
  for (size_t q = 0; q < chunks; ++q) {
    if (q)
      joined[m++] = {kHyphen, true, true};
    for (size_t x = spans[q].begin; x < spans[q].end; ++x)
      if (elems[x].alive)
        joined[m++] = elems[x];
  }
  Token &t = c.tokens[c.num_tokens++];
  t = {};
  if (m == 0) {
    t.kind = Kind::Never; // every character was an end of an empty range
    return;
  }
  size_t e = 0;
  if (joined[0].ch == '!' && !joined[0].range_hyphen) {
    if (m == 1) {
      t.kind = Kind::Any; // "[!]" left: a negated empty set
      return;
    }
    t.negated = true;
    e = 1;
  }
  t.kind = Kind::Set;
  t.first = uint32_t(c.num_ranges);
  while (e < m) {
    if (e + 2 < m && joined[e + 1].range_hyphen && !joined[e].range_hyphen &&
        !joined[e + 2].range_hyphen) {
      c.ranges[c.num_ranges++] = {joined[e].ch, joined[e + 2].ch};
      e += 3;
    } else {
      c.ranges[c.num_ranges++] = {joined[e].ch, joined[e].ch};
      ++e;
    }
  }
  t.count = uint32_t(c.num_ranges - t.first);
}

bool compile(const uint32_t *p, size_t n, Compiled &c, Element *elems,
             Span *spans) {
  size_t i = 0;
  while (i < n) {
    uint32_t ch = p[i++];
    if (ch == '*') {
      if (!c.num_tokens || c.tokens[c.num_tokens - 1].kind != Kind::Star)
        c.tokens[c.num_tokens++] = {Kind::Star, false, 0, 0, 0};
    } else if (ch == '?') {
      c.tokens[c.num_tokens++] = {Kind::Any, false, 0, 0, 0};
    } else if (ch == '[') {
      size_t j = i;
      if (j < n && p[j] == '!')
        ++j;
      if (j < n && p[j] == ']')
        ++j;
      while (j < n && p[j] != ']')
        ++j;
      if (j >= n) {
        c.tokens[c.num_tokens++] = {Kind::Literal, false, '[', 0, 0};
      } else {
        compile_set(p, i, j, c, elems, spans);
        i = j + 1;
      }
    } else {
      c.tokens[c.num_tokens++] = {Kind::Literal, false, ch, 0, 0};
    }
  }
  return true;
}

bool token_matches(const Compiled &c, const Token &t, uint32_t ch) {
  switch (t.kind) {
  case Kind::Any:
    return true;
  case Kind::Literal:
    return t.ch == ch;
  case Kind::Set: {
    bool in = false;
    for (uint32_t r = t.first; r < t.first + t.count && !in; ++r)
      in = c.ranges[r].lo <= ch && ch <= c.ranges[r].hi;
    return in != t.negated;
  }
  default:
    return false;
  }
}

bool match(const Compiled &c, const uint32_t *s, size_t n) {
  size_t ti = 0, si = 0, star_t = SIZE_MAX, star_s = 0;
  while (si < n) {
    if (ti < c.num_tokens && c.tokens[ti].kind == Kind::Star) {
      star_t = ti++;
      star_s = si;
    } else if (ti < c.num_tokens && token_matches(c, c.tokens[ti], s[si])) {
      ++ti;
      ++si;
    } else if (star_t != SIZE_MAX) {
      ti = star_t + 1;
      si = ++star_s;
    } else {
      return false;
    }
  }
  while (ti < c.num_tokens && c.tokens[ti].kind == Kind::Star)
    ++ti;
  return ti == c.num_tokens;
}

} // namespace

bool python_fnmatch(const char *name, const char *pattern) {
  size_t pn = 0, sn = 0;
  uint32_t *p = decode(pattern, &pn);
  uint32_t *s = decode(name, &sn);
  Compiled c = {alloc_array<Token>(pn + 1), 0, alloc_array<Range>(pn + 1), 0};
  // A set's ranges, elements and chunks never outnumber its characters.
  Element *elems = alloc_array<Element>(4 * pn + 4);
  Span *spans = alloc_array<Span>(pn + 1);
  bool matched = p && s && c.tokens && c.ranges && elems && spans &&
                 compile(p, pn, c, elems, spans) && match(c, s, sn);
  free_array(p, pn + 1);
  free_array(s, sn + 1);
  free_array(c.tokens, pn + 1);
  free_array(c.ranges, pn + 1);
  free_array(elems, 4 * pn + 4);
  free_array(spans, pn + 1);
  return matched;
}

} // namespace rt
} // namespace tracealloc
