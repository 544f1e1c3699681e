// matrix.h - a dense matrix of doubles.
#pragma once

#include <cstddef>

class Matrix {
public:
  Matrix(std::size_t rows, std::size_t cols);
  ~Matrix();
  Matrix(const Matrix &) = delete;
  Matrix &operator=(const Matrix &) = delete;

  double &at(std::size_t row, std::size_t col) { return data_[row * cols_ + col]; }
  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }

private:
  std::size_t rows_, cols_;
  double *data_;
};
