// The plugin in clang's real pipeline (-fpass-plugin): at -O0 every call is
// rewritten, optnone functions included; at -O2 the pass runs after the
// optimizer, so calls it inlined carry their inline chain and allocations
// it elided stay elided. -fno-builtin does not hide malloc from the pass, and
// -flto compiles are instrumented in the pre-link compile.

// RUN: %clang -O0 -g -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s --check-prefix=O0 -DSRC=%s
// RUN: %clang -O2 -g -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s --check-prefix=O2 -DSRC=%s
// RUN: %clang -O2 -g -flto=thin -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s --check-prefix=O2 -DSRC=%s
// RUN: %clang -O2 -g -flto -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s --check-prefix=O2 -DSRC=%s

// -fno-builtin (which also keeps LLVM from eliding the pair) turns library
// functions off for the optimizer, not for the pass.
// RUN: %clang -O2 -gline-tables-only -fno-builtin -fpass-plugin=%plugin -S -emit-llvm -o - %s | FileCheck %s --check-prefix=NOBUILTIN
// NOBUILTIN-LABEL: define {{.*}}i32 @elided(
// NOBUILTIN: call {{.*}}ptr @__tracealloc_malloc(i64 noundef 4, ptr
// NOBUILTIN: call void @__tracealloc_free(ptr

// Without debug info clang shows the pass's warning, once, as its own; it
// is an error under -Werror and silenced by -Wno-backend-plugin.
// RUN: %clang -O1 -fpass-plugin=%plugin -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=warning:
// RUN: not %clang -O1 -Werror -fpass-plugin=%plugin -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=WERROR
// RUN: %clang -O1 -Wno-backend-plugin -fpass-plugin=%plugin -c -o /dev/null %s 2>&1 | count 0

// WARN: warning: TraceAlloc: {{.*}}clang-pipeline.c: no debug info; allocation sites have no line numbers (compile with -g or -gline-tables-only) [-Wbackend-plugin]
// WERROR: error: TraceAlloc: {{.*}}clang-pipeline.c: no debug info; allocation sites have no line numbers (compile with -g or -gline-tables-only) [-Werror,-Wbackend-plugin]

typedef __SIZE_TYPE__ size_t;
void *malloc(size_t);
void free(void *);

// The records, in program order. Inlined at -O2, helper's call is a record
// at helper's line, in helper, whose inline chain is a frame at outer's line.
// O0: @[[FILE:tracealloc.str[.0-9]*]] = private unnamed_addr constant [{{[0-9]+}} x i8] c"[[SRC]]\00"
// O2: @[[FILE:tracealloc.str[.0-9]*]] = private unnamed_addr constant [{{[0-9]+}} x i8] c"[[SRC]]\00"
// O2: @[[OUTER:tracealloc.str[.0-9]*]] = private unnamed_addr constant [6 x i8] c"outer\00"
// O2: @[[FRAME:tracealloc.frame[.0-9]*]] = private global %tracealloc.site { i32 0, i32 0, i32 [[#@LINE+7]], i32 32, ptr @[[FILE]], ptr @[[OUTER]], ptr null }
// O2: @[[HELPER:tracealloc.str[.0-9]*]] = private unnamed_addr constant [7 x i8] c"helper\00"
// O2: @[[INLINED_SITE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+4]], i32 40, ptr @[[FILE]], ptr @[[HELPER]], ptr @[[FRAME]] }
// O0: @[[HELPER:tracealloc.str[.0-9]*]] = private unnamed_addr constant [7 x i8] c"helper\00"
// O0: @[[HELPER_SITE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+2]], i32 40, ptr @[[FILE]], ptr @[[HELPER]], ptr null }
// O0-NOT: c"outer\00"
static void *helper(size_t n) { return malloc(n); }
void *outer(size_t n) { return helper(n + 1); }

// Elided at -O2: no record.
// O0: @[[ELIDED_MALLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+3]], i32 29,
// O0: @[[ELIDED_FREE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+2]], i32 68,
// O2-NOT: c"elided\00"
int elided(void) { int *p = malloc(sizeof *p); *p = 1; int r = *p; free(p); return r; }

// O0: @[[RELEASE_SITE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+2]], i32 25,
// O2: @[[RELEASE_SITE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 [[#@LINE+1]], i32 25,
void release(void *p) { free(p); }

// O0-LABEL: define internal ptr @helper(
// O0: call ptr @__tracealloc_malloc(i64 noundef %{{.*}}, ptr @[[HELPER_SITE]])

// O0-LABEL: define {{.*}}i32 @elided()
// O0-SAME: #[[OPTNONE:[0-9]+]]
// O0: call ptr @__tracealloc_malloc(i64 noundef 4, ptr @[[ELIDED_MALLOC]])
// O0: call void @__tracealloc_free(ptr noundef %{{.*}}, ptr @[[ELIDED_FREE]])
// O0-LABEL: define {{.*}}void @release(
// O0: call void @__tracealloc_free(ptr noundef %{{.*}}, ptr @[[RELEASE_SITE]])
// O0: attributes #[[OPTNONE]] = { {{.*}}optnone

// O2-LABEL: define {{.*}}ptr @outer(
// O2: call {{.*}}ptr @__tracealloc_malloc(i64 noundef %{{.*}}, ptr {{(nonnull )?}}@[[INLINED_SITE]])
// O2-LABEL: define {{.*}}i32 @elided(
// O2-NOT: __tracealloc_
// O2: ret i32 1
// O2-LABEL: define {{.*}}void @release(
// O2: call void @__tracealloc_free(ptr noundef %{{[0-9a-z]+}}, ptr {{(nonnull )?}}@[[RELEASE_SITE]])
