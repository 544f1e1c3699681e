// stock.h - a fixed-capacity list of named items.
#pragma once

#include <cstddef>

struct Item {
  char *name;
  long count;
  char unit[16];
};

class Stock {
public:
  explicit Stock(std::size_t capacity);
  ~Stock();
  Stock(const Stock &) = delete;
  Stock &operator=(const Stock &) = delete;

  bool add(const char *name, long count);
  std::size_t size() const { return size_; }
  long total() const;

private:
  Item *items_;
  std::size_t capacity_;
  std::size_t size_ = 0;
};
