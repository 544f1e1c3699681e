; What the pass leaves alone.
;  - An allocation function the program defines itself (its own malloc, a
;    replacement operator new) is the allocator: its body is not touched, and
;    calls of it are rewritten like any other (the runtime's entry point calls
;    through to it).
;  - Naked functions, available_externally copies and functions named like
;    the runtime's entry points, which get no shadow stack frame either.
;  - Functions that merely share a name: local ones, and ones whose prototype
;    is not the library function's.
;  - A call through a mismatched prototype, which cannot take the site
;    argument.

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @calloc(i64, i64)
declare ptr @sbrk(i64)

; CHECK-LABEL: define ptr @malloc(
; CHECK-NEXT: call ptr @sbrk(i64 %n)
; CHECK-NEXT: call ptr @calloc(i64 1, i64 %n)
define ptr @malloc(i64 %n) {
  %p = call ptr @sbrk(i64 %n)
  %q = call ptr @calloc(i64 1, i64 %n)
  ret ptr %q
}

; CHECK-LABEL: define ptr @_Znwm(
; CHECK-NEXT: call ptr @malloc(i64 %n)
define ptr @_Znwm(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  ret ptr %p
}

; CHECK-LABEL: define ptr @user(
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 1, ptr @{{tracealloc.site[.0-9]*}})
; CHECK-NEXT: call ptr @__tracealloc__Znwm(i64 2, ptr @{{tracealloc.site[.0-9]*}})
define ptr @user() {
  %p = call ptr @malloc(i64 1)
  %q = call ptr @_Znwm(i64 2)
  ret ptr %q
}

; CHECK-LABEL: define void @naked(
; CHECK-NEXT: call ptr @calloc(i64 1, i64 1)
define void @naked() naked {
  %p = call ptr @calloc(i64 1, i64 1)
  unreachable
}

; CHECK-LABEL: define available_externally ptr @inline_copy(
; CHECK-NEXT: call ptr @calloc(i64 1, i64 2)
define available_externally ptr @inline_copy() {
  %p = call ptr @calloc(i64 1, i64 2)
  ret ptr %p
}

; CHECK-LABEL: define ptr @__tracealloc_calloc(
; CHECK-NEXT: call ptr @calloc(i64 %n, i64 %m)
define ptr @__tracealloc_calloc(i64 %n, i64 %m, ptr %site) {
  %p = call ptr @calloc(i64 %n, i64 %m)
  ret ptr %p
}

; Not the C library's: local, or the wrong prototype.
define internal ptr @valloc(i64 %n) {
  ret ptr null
}
declare ptr @pvalloc(i32)
declare i32 @aligned_alloc(i64, i64)
declare ptr @memalign(i64, i64)

; They are calls like any other: the unknown ones are recorded by the
; shadow stack's frame (shadow-stack.ll), none is rewritten.
; CHECK-LABEL: define void @namesakes(
; CHECK-NOT: call {{[^(]*}}@__tracealloc_
; CHECK: call ptr @valloc(i64 1)
; CHECK-NOT: call {{[^(]*}}@__tracealloc_
; CHECK: call ptr @pvalloc(i32 2)
; CHECK-NOT: call {{[^(]*}}@__tracealloc_
; CHECK: call i32 @aligned_alloc(i64 8, i64 3)
; CHECK-NOT: call {{[^(]*}}@__tracealloc_
; CHECK: call ptr @memalign(i64 4)
; CHECK-NOT: call {{[^(]*}}@__tracealloc_
; CHECK: ret void
define void @namesakes() nounwind {
  %a = call ptr @valloc(i64 1)
  %b = call ptr @pvalloc(i32 2)
  %c = call i32 @aligned_alloc(i64 8, i64 3)
  %d = call ptr @memalign(i64 4)
  ret void
}

; CHECK-NOT: tracealloc.thunk
