; A module with sites registers them: a constructor, in a comdat keyed on its
; name so a link unit keeps one, at priority 1 (before ordinary constructors;
; the module's own ones stay), hands the runtime the bounds of the link
; unit's sites section. The bounds are hidden (each executable and DSO
; registers its own section) and extern_weak (a section the linker dropped
; yields null bounds, not a link error).

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK: $tracealloc.module_ctor = comdat any
; CHECK: @__start___tracealloc_sites = extern_weak hidden global %tracealloc.site
; CHECK: @__stop___tracealloc_sites = extern_weak hidden global %tracealloc.site
; CHECK: @llvm.used = appending global [1 x ptr] [ptr @tracealloc.module_ctor], section "llvm.metadata"
; CHECK: @llvm.global_ctors = appending global [2 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @user_ctor, ptr null }, { i32, ptr, ptr } { i32 1, ptr @tracealloc.module_ctor, ptr @tracealloc.module_ctor }]
@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @user_ctor, ptr null }]

declare ptr @malloc(i64)

define void @user_ctor() {
  %p = call ptr @malloc(i64 1)
  ret void
}

; CHECK: declare void @__tracealloc_register_sites_v2(ptr, ptr)
; CHECK: define internal void @tracealloc.module_ctor() #[[ATTRS:[0-9]+]] comdat {
; CHECK-NEXT: call void @__tracealloc_register_sites_v2(ptr @__start___tracealloc_sites, ptr @__stop___tracealloc_sites)
; CHECK-NEXT: ret void
; CHECK: attributes #[[ATTRS]] = { nounwind }
