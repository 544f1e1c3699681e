//===- scratch_array.h - Growable arrays straight from mmap, for leaks ===//
//
// While the leak check has the other threads stopped, one of them may hold
// any lock: glibc's malloc, the runtime's internal allocator, stdio. So
// the check's own memory comes from mmap and mremap system calls, which
// take no user-space lock.
//
//===----------------------------------------------------------------------===//
#ifndef TRACEALLOC_RUNTIME_LEAK_SCRATCH_ARRAY_H
#define TRACEALLOC_RUNTIME_LEAK_SCRATCH_ARRAY_H

#include "core/internal_alloc.h"

namespace tracealloc {
namespace rt {

// Pages from map_pages (internal_alloc.h) go back, or grow, with these.
void scratch_unmap(void *p, size_t bytes);
// Grows a mapping (maybe moving it); null when out of memory (the old one
// is left as it was).
void *scratch_remap(void *p, size_t old_bytes, size_t new_bytes);

template <typename T> class ScratchArray {
public:
  ScratchArray() = default;
  ~ScratchArray() { reset(); }
  ScratchArray(const ScratchArray &) = delete;
  ScratchArray &operator=(const ScratchArray &) = delete;

  // False (and the array unchanged) when out of memory.
  bool push(const T &item) {
    if (size_ == capacity_ &&
        !reserve(capacity_ ? capacity_ * 2 : 4096 / sizeof(T)))
      return false;
    items_[size_++] = item;
    return true;
  }
  bool reserve(size_t capacity) {
    if (capacity <= capacity_)
      return true;
    void *grown = items_
                      ? scratch_remap(items_, bytes(capacity_), bytes(capacity))
                      : map_pages(bytes(capacity));
    if (!grown)
      return false;
    items_ = static_cast<T *>(grown);
    capacity_ = capacity;
    return true;
  }
  void reset() {
    if (items_)
      scratch_unmap(items_, bytes(capacity_));
    items_ = nullptr;
    size_ = capacity_ = 0;
  }
  // Hands the memory over (to be kept for the life of the process).
  T *release() {
    T *items = items_;
    items_ = nullptr;
    size_ = capacity_ = 0;
    return items;
  }
  void clear() { size_ = 0; }
  void pop() { --size_; }

  T *data() { return items_; }
  size_t size() const { return size_; }
  T &operator[](size_t i) { return items_[i]; }
  const T &operator[](size_t i) const { return items_[i]; }
  T &back() { return items_[size_ - 1]; }

private:
  static size_t bytes(size_t n) { return round_to_pages(n * sizeof(T)); }
  T *items_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

} // namespace rt
} // namespace tracealloc

#endif
