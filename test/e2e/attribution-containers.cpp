// A program that lives on the standard containers (vector, string, map,
// unordered_map, shared_ptr, stringstream, sort): with the default options
// (nframe=1) every line of its report, at -O0 and -O2, is one of this
// file's lines, never a library header's (docs/runtime.md, "Which line is
// charged"): inlined library code through its static inline chain, real
// calls through the call-site shadow stack, and code compiled into
// libstdc++.so through trace_libraries. report_top=1000 lists every line,
// so no "other" line can hide one. With attribute_to_user=0 the library
// headers come back.
//
// UNSUPPORTED: asan
// RUN: %tracealloc_cxx -O0 %s -o %t0
// RUN: %tracealloc_cxx -O2 %s -o %t2
// RUN: env TRACEALLOC_OPTIONS=report_top=1000 %t0 > %t0.out 2> %t0.err
// RUN: FileCheck %s --input-file %t0.err
// RUN: grep '^#[0-9]*:' %t0.err | not grep -v 'attribution-containers.cpp:'
// RUN: env TRACEALLOC_OPTIONS=report_top=1000 %t2 > %t2.out 2> %t2.err
// RUN: FileCheck %s --input-file %t2.err
// RUN: grep '^#[0-9]*:' %t2.err | not grep -v 'attribution-containers.cpp:'
// RUN: env TRACEALLOC_OPTIONS=report_top=1000:attribute_to_user=0 %t2 2> %t2.off.err > /dev/null
// RUN: FileCheck %s --check-prefix=OFF --input-file %t2.off.err
//
// CHECK: Top 1000 lines by memory allocated over the run:
// CHECK-NEXT: #1: {{.*}}attribution-containers.cpp:
// CHECK-NOT: other:
// CHECK: Total:
// OFF: Top 1000 lines by memory allocated over the run:
// OFF: #{{[0-9]+}}: /usr/{{.*}}/new_allocator.h:

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

struct Record {
  std::string name;
  std::vector<int> values;
};

static std::vector<Record> load(int n) {
  std::vector<Record> records;
  for (int i = 0; i < n; ++i) {
    Record r;
    r.name = "record-number-" + std::to_string(i);
    for (int k = 0; k <= i % 7; ++k)
      r.values.push_back(i * k);
    records.push_back(std::move(r));
  }
  return records;
}

static std::map<std::string, int> index_by_name(const std::vector<Record> &rs) {
  std::map<std::string, int> index;
  for (size_t i = 0; i < rs.size(); ++i)
    index[rs[i].name] = int(i);
  return index;
}

int main() {
  std::vector<Record> records = load(300);
  std::map<std::string, int> index = index_by_name(records);
  std::unordered_map<std::string, std::vector<int>> groups;
  for (const Record &r : records)
    groups[r.name.substr(0, 15)].push_back(int(r.values.size()));
  std::vector<std::shared_ptr<std::string>> shared;
  for (int i = 0; i < 50; ++i)
    shared.push_back(std::make_shared<std::string>(40, char('a' + i % 26)));
  std::sort(records.begin(), records.end(),
            [](const Record &a, const Record &b) { return a.name > b.name; });
  std::ostringstream text;
  for (const auto &entry : index)
    text << entry.first << '=' << entry.second << '\n';
  std::string all = text.str();
  std::cout << records.front().name << ' ' << index.size() << ' '
            << groups.size() << ' ' << shared.size() << ' ' << all.size()
            << '\n';
  return 0;
}
