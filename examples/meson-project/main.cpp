// main.cpp - two matrices for a computation, one kept until exit.
#include "matrix.h"

#include <cstdio>

static Matrix *g_cache; // still allocated at exit

int main() {
  Matrix a(3, 4);
  Matrix *b = new Matrix(4, 4);
  for (std::size_t i = 0; i < 4; i++)
    b->at(i, i) = 2.0;
  double trace = 0;
  for (std::size_t i = 0; i < 4; i++)
    trace += b->at(i, i);
  delete b;
  g_cache = new Matrix(2, 2);
  std::printf("a is %zux%zu, trace(b) = %g\n", a.rows(), a.cols(), trace);
  return 0;
}
