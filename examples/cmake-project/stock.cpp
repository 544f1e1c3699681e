// stock.cpp - the library part: its allocations are charged to these lines.
#include "stock.h"

#include <cstdlib>
#include <cstring>

Stock::Stock(std::size_t capacity)
    : items_(new Item[capacity]), capacity_(capacity) {}

Stock::~Stock() {
  for (std::size_t i = 0; i < size_; i++)
    free(items_[i].name);
  delete[] items_;
}

bool Stock::add(const char *name, long count) {
  if (size_ == capacity_)
    return false;
  items_[size_].name = strdup(name);
  items_[size_].count = count;
  std::strcpy(items_[size_].unit, "pieces");
  size_++;
  return true;
}

long Stock::total() const {
  long sum = 0;
  for (std::size_t i = 0; i < size_; i++)
    sum += items_[i].count;
  return sum;
}
