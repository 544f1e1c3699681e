; The pass is idempotent, which is what makes LTO safe: clang runs it in the
; pre-link compile, and should a linker load the plugin too, the post-link
; pipeline (ThinLTO's runs OptimizerLast again) finds nothing left to do but
; code that was not compiled with the plugin. A rewritten call calls no
; allocation function any more, and the registration constructor is made
; once per module.

; Twice in a row is once.
; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s -o %t.once.ll
; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc,tracealloc -S %s -o %t.twice.ll
; RUN: diff %t.once.ll %t.twice.ll

; An instrumented module merged with one that was not: only the new call is
; rewritten, into the existing record type, and the existing constructor
; keeps registering the whole section.
; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s
; And that is what ThinLTO's post-link pipeline does.
; RUN: %opt -load-pass-plugin=%plugin -passes='thinlto<O2>' -S %s | FileCheck %s --check-prefix=POSTLINK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%tracealloc.site = type { i32, i32, i32, i32, ptr, ptr, ptr }

$tracealloc.module_ctor = comdat any

@sink = global ptr null
@tracealloc.str = private unnamed_addr constant [9 x i8] c"/src/a.c\00", align 1
@tracealloc.str.1 = private unnamed_addr constant [9 x i8] c"compiled\00", align 1
@tracealloc.site = private global %tracealloc.site { i32 0, i32 1, i32 3, i32 5, ptr @tracealloc.str, ptr @tracealloc.str.1, ptr null }, section "__tracealloc_sites", align 8
@llvm.compiler.used = appending global [1 x ptr] [ptr @tracealloc.site], section "llvm.metadata"
@__start___tracealloc_sites = extern_weak hidden global %tracealloc.site
@__stop___tracealloc_sites = extern_weak hidden global %tracealloc.site
@llvm.used = appending global [1 x ptr] [ptr @tracealloc.module_ctor], section "llvm.metadata"
@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 1, ptr @tracealloc.module_ctor, ptr @tracealloc.module_ctor }]

; CHECK-NOT: %tracealloc.site.{{[0-9]+}} = type
; CHECK-NOT: @__tracealloc_shadow_stack.{{[0-9]+}} =
; CHECK: @llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 1, ptr @tracealloc.module_ctor, ptr @tracealloc.module_ctor }]
; CHECK: @[[NEW:tracealloc.site[.0-9]+]] = private global %tracealloc.site { i32 0, i32 3, i32 0, i32 0,
; The new frame's call record (no location: CALL | NO_DEBUG_INFO = 10).
; CHECK: @[[CALL:tracealloc.call[.0-9]*]] = private global %tracealloc.site { i32 0, i32 10, i32 0, i32 0,
; CHECK: @llvm.compiler.used = appending global [3 x ptr] [ptr @tracealloc.site, ptr @[[NEW]], ptr @[[CALL]]]

declare ptr @malloc(i64)
declare ptr @__tracealloc_malloc(i64, ptr)
declare void @__tracealloc_register_sites_v2(ptr, ptr)

; CHECK-LABEL: define void @compiled(
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 1, ptr @tracealloc.site)
; POSTLINK-LABEL: define void @compiled(
; POSTLINK-NEXT: call ptr @__tracealloc_malloc(i64 1, ptr {{(nonnull )?}}@tracealloc.site)
define void @compiled() {
  %p = call ptr @__tracealloc_malloc(i64 1, ptr @tracealloc.site)
  store ptr %p, ptr @sink
  ret void
}

; CHECK-LABEL: define void @merged(
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 2, ptr @[[NEW]])
; POSTLINK-LABEL: define void @merged(
; POSTLINK-NEXT: call ptr @__tracealloc_malloc(i64 2, ptr {{(nonnull )?}}@{{tracealloc.site[.0-9]+}})
define void @merged() {
  %p = call ptr @malloc(i64 2)
  store ptr %p, ptr @sink
  ret void
}

; A function that keeps a frame already is left as it is; a new one that
; may allocate gets its frame, from the same declaration of the stack.
@__tracealloc_shadow_stack = external thread_local(initialexec) global { i64, [257 x ptr] }, align 8
declare void @g()

; CHECK-LABEL: define void @framed(
; CHECK-NEXT: %s = call ptr @llvm.threadlocal.address.p0(ptr @__tracealloc_shadow_stack)
; CHECK-NEXT: %d = load volatile i64, ptr %s
; CHECK-NEXT: store volatile i64 %d, ptr %s
; CHECK-NEXT: call void @g()
; CHECK-NEXT: ret void
define void @framed() {
  %s = call ptr @llvm.threadlocal.address.p0(ptr @__tracealloc_shadow_stack)
  %d = load volatile i64, ptr %s
  store volatile i64 %d, ptr %s
  call void @g()
  ret void
}
; CHECK-LABEL: define void @unframed(
; CHECK-NEXT: call align 8 ptr @llvm.threadlocal.address.p0(ptr align 8 @__tracealloc_shadow_stack)
; CHECK: call void @g()
define void @unframed() nounwind {
  call void @g()
  ret void
}
declare ptr @llvm.threadlocal.address.p0(ptr)

define internal void @tracealloc.module_ctor() comdat {
  call void @__tracealloc_register_sites_v2(ptr @__start___tracealloc_sites, ptr @__stop___tracealloc_sites)
  ret void
}

; CHECK-NOT: define {{.*}} @tracealloc.module_ctor.
; POSTLINK-NOT: define {{.*}} @tracealloc.module_ctor.
