// C++ in clang's pipeline: operator new and delete from new- and
// delete-expressions, as calls and, where an exception must unwind through
// a destructor, as invokes; the function names are demangled. At -O2 a
// new/delete pair LLVM elides stays elided.

// RUN: %clangxx -O0 -g -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clangxx -O2 -g -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s --check-prefixes=CHECK,O2

namespace app {
struct Widget {
  Widget();
  ~Widget();
  int x;
};
struct Guard {
  ~Guard();
};
void consume(Widget *);

// The new-expression's line has a second record: the operator delete that
// frees the memory if the constructor throws.
// CHECK: @[[MAKE:tracealloc.str[.0-9]*]] = private unnamed_addr constant [10 x i8] c"app::make\00"
// CHECK: @[[NEW_WIDGET:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+4]], i32 15, ptr @{{tracealloc.str[.0-9]*}}, ptr @[[MAKE]], ptr null }
// CHECK: @[[DELETE_WIDGET:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+5]], i32 3,
// CHECK: @[[DELETE_FAILED:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+2]], i32 15,
void make() {
  Widget *w = new Widget;
  consume(w);
  delete w;
}

// CHECK: @[[GUARDED:tracealloc.str[.0-9]*]] = private unnamed_addr constant [13 x i8] c"app::guarded\00"
// CHECK: @[[NEW_ARRAY:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+3]], i32 10, ptr @{{tracealloc.str[.0-9]*}}, ptr @[[GUARDED]], ptr null }
int *guarded(long n) {
  Guard g;
  return new int[n];
}

// O0: @[[PAIR_NEW:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+4]], i32 12,
// O0: @[[PAIR_DELETE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+5]], i32 3,
// O2-NOT: c"app::pair()\00"
int pair() {
  int *p = new int(3);
  int r = *p;
  delete p;
  return r;
}
} // namespace app

// make() keeps a shadow stack frame (it calls consume()), so its calls that
// may throw unwind through the frame's cleanup: invokes at -O0.
// CHECK-LABEL: define {{.*}}void @_ZN3app4makeEv(
// CHECK: {{call|invoke}} {{.*}}ptr @__tracealloc__Znwm(i64 noundef 4, ptr @[[NEW_WIDGET]])
// CHECK: call void @__tracealloc__ZdlPvm(ptr noundef {{(nonnull )?}}%{{[0-9a-z]+}}, i64 noundef 4, ptr @[[DELETE_WIDGET]])
// CHECK: call void @__tracealloc__ZdlPvm(ptr noundef {{(nonnull )?}}%{{[0-9a-z]+}}, i64 noundef 4, ptr @[[DELETE_FAILED]])

// ~Guard must run if new[] throws: the call stays an invoke.
// CHECK-LABEL: define {{.*}}ptr @_ZN3app7guardedEl(
// CHECK: invoke {{.*}}ptr @__tracealloc__Znam(i64 noundef %{{[0-9a-z]+}}, ptr @[[NEW_ARRAY]])
// CHECK-NEXT: to label %{{[0-9a-z.]+}} unwind label %{{[0-9a-z.]+}}

// CHECK-LABEL: define {{.*}}i32 @_ZN3app4pairEv(
// O0: call {{.*}}ptr @__tracealloc__Znwm(i64 noundef 4, ptr @[[PAIR_NEW]])
// O0: call void @__tracealloc__ZdlPvm(ptr noundef %{{[0-9a-z]+}}, i64 noundef 4, ptr @[[PAIR_DELETE]])
// O2-NOT: __tracealloc_
// O2: ret i32 3
