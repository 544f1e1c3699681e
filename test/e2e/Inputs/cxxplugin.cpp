// An instrumented C++ library that a C program dlopens (dlopen-cxx.c).
#include <string>
#include <vector>

static std::vector<std::string *> *g_names;

extern "C" int cxxplugin_run(int n) {
  g_names = new std::vector<std::string *>; // LPLUGINVEC
  g_names->reserve(n);
  for (int i = 0; i < n; i++)
    g_names->push_back(new std::string(40, 'x')); // LPLUGINSTR
  return static_cast<int>(g_names->size());
}

extern "C" void cxxplugin_release(void) {
  for (std::string *s : *g_names)
    delete s;
  delete g_names;
}
