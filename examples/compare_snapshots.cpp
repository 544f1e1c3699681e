//===- compare_snapshots.cpp - tracemalloc's "Compute differences" --------===//
//
// The second example of Python's tracemalloc documentation: take a
// snapshot, run some code, take another, and print the 10 lines whose
// memory changed the most. Each request below leaks its Session; the
// warm-up buffer is freed between the snapshots.
//
//   cd examples && tracealloc-clang++ -std=c++17 -O2 compare_snapshots.cpp
//   ./a.out
//
// Python:
//   snapshot1 = tracemalloc.take_snapshot()
//   # ... call the function leaking memory ...
//   snapshot2 = tracemalloc.take_snapshot()
//   top_stats = snapshot2.compare_to(snapshot1, 'lineno')
//   for stat in top_stats[:10]: print(stat)
//
//===----------------------------------------------------------------------===//

#include <tracealloc/tracemalloc.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>

struct Session {
  char user[24];
  long started;
};

Session *sessions[200];
int num_sessions;

// Answers a request; the caller frees the response. The session is kept
// for ever: the leak.
char *handle_request(int id) {
  char *response = static_cast<char *>(malloc(1024));
  snprintf(response, 1024, "hello, user%d", id);
  sessions[num_sessions++] = new Session{{}, id};
  return response;
}

void serve(int first, int count) {
  for (int id = first; id < first + count; id++)
    free(handle_request(id));
}

int main() {
  tracealloc::start();
  char *warmup = static_cast<char *>(malloc(4096));
  snprintf(warmup, 4096, "warm-up: %d requests", 10);
  serve(0, 10);
  std::cout << warmup << '\n';

  auto snapshot1 = tracealloc::take_snapshot();
  free(warmup);
  serve(10, 100);
  auto snapshot2 = tracealloc::take_snapshot();

  auto top_stats = snapshot2.compare_to(snapshot1, "lineno");
  std::cout << "[ Top 10 differences ]\n";
  for (size_t i = 0; i < top_stats.size() && i < 10; i++)
    std::cout << top_stats[i] << '\n';
  return 0;
}
