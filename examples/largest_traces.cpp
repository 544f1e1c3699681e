//===- largest_traces.cpp - The largest blocks, with their tracebacks -----===//
//
// Which objects use the most memory, and how did the program get to the
// line that allocated them? The three largest traces with their
// tracebacks (Traceback.format(), as Python prints them), then the
// current and peak traced memory.
//
//   cd examples && tracealloc-clang++ -std=c++17 -O2 largest_traces.cpp
//   ./a.out
//
// TraceAlloc's tracebacks are the chain of inlined calls known at compile
// time, so the helpers here are always inlined: each shows as a frame.
//
//===----------------------------------------------------------------------===//

#include <tracealloc/tracemalloc.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

struct Image {
  int width, height;
  unsigned char *pixels;
};

__attribute__((always_inline)) inline unsigned char *alloc_pixels(int w,
                                                                  int h) {
  return static_cast<unsigned char *>(calloc(size_t(w) * h, 4));
}

__attribute__((always_inline)) inline Image *load_image(int w, int h) {
  Image *image = new Image{w, h, nullptr};
  image->pixels = alloc_pixels(w, h);
  return image;
}

// What the program shows; the images stay loaded.
Image *gallery[3];

int main() {
  tracealloc::start(25); // keep up to 25 frames per traceback

  Image *photo = gallery[0] = load_image(64, 48);
  gallery[1] = load_image(16, 16);
  // A scratch buffer that is freed again: it only raises the peak.
  char *scratch = static_cast<char *>(malloc(32 * 1024));
  snprintf(scratch, 32 * 1024, "%dx%d", photo->width, photo->height);
  std::cout << "photo: " << scratch << '\n';
  free(scratch);
  gallery[2] = load_image(32, 24);

  auto [current, peak] = tracealloc::get_traced_memory();

  auto snapshot = tracealloc::take_snapshot();
  auto traces = snapshot.traces();
  std::sort(traces.begin(), traces.end(),
            [](const auto &a, const auto &b) { return a.size > b.size; });
  for (size_t i = 0; i < traces.size() && i < 3; i++) {
    std::cout << "#" << i + 1 << ": " << traces[i] << '\n';
    for (const auto &line : traces[i].traceback.format())
      std::cout << line << '\n';
  }

  std::cout << "Current memory usage: " << tracealloc::format_size(current)
            << "; peak: " << tracealloc::format_size(peak) << '\n';
  return 0;
}
