// matrix.cpp - every matrix's storage is charged to the constructor's line.
#include "matrix.h"

Matrix::Matrix(std::size_t rows, std::size_t cols)
    : rows_(rows), cols_(cols), data_(new double[rows * cols]()) {}

Matrix::~Matrix() { delete[] data_; }
