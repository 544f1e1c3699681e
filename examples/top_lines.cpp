//===- top_lines.cpp - tracemalloc's "Display the top 10", in C++ ---------===//
//
// The first example of Python's tracemalloc documentation: trace a region
// of the program and print the 10 lines that allocated the most memory
// still in use. The region here fills a small message log.
//
//   tracealloc-clang++ -std=c++17 -O2 examples/top_lines.cpp -o top_lines
//   ./top_lines
//
// In Python:
//   tracemalloc.start()
//   # ... run your application ...
//   snapshot = tracemalloc.take_snapshot()
//   top_stats = snapshot.statistics('lineno')
//   print("[ Top 10 ]")
//   for stat in top_stats[:10]:
//       print(stat)
//
//===----------------------------------------------------------------------===//

#include <tracealloc/tracemalloc.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>

struct Message {
  char text[48];
  int level;
  int id;
};

// A log of `count` messages, read through a 16 KiB buffer.
Message **fill_log(int count) {
  char *buffer = static_cast<char *>(malloc(16 * 1024));
  Message **log = new Message *[count];
  for (int i = 0; i < count; i++) {
    snprintf(buffer, 16 * 1024, "message %d", i);
    log[i] = new Message{{}, i % 3, i};
    snprintf(log[i]->text, sizeof log[i]->text, "%s", buffer);
  }
  return log; // the buffer is never freed: it shows at the top
}

int main() {
  tracealloc::start();

  Message **log = fill_log(100);

  auto snapshot = tracealloc::take_snapshot();
  auto top_stats = snapshot.statistics("lineno");

  std::cout << "[ Top 10 ]\n";
  for (size_t i = 0; i < top_stats.size() && i < 10; i++)
    std::cout << top_stats[i] << '\n';

  std::cout << "last message: " << log[99]->text << '\n';
  return 0;
}
