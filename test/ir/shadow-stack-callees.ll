; Which calls of the module's own functions may allocate: those of a function
; that makes an allocation (a rewritten entry), a call that may allocate, or a
; call of such a function, transitively. Functions that only call each other
; and calls that cannot allocate cannot either, recursion included; their
; callers record nothing for them. A weak definition may be replaced at link
; time: its callers take it for unknown. A musttail call ends the frame
; before it (nothing may come between it and its ret), and records nothing.
; (All nounwind: cleanups are shadow-stack-unwind.ll's.)

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @malloc(i64)
declare void @external()

; @even and @odd recurse into each other and allocate nothing: untouched, and
; so is their caller.
; CHECK-LABEL: define i1 @even(
; CHECK-NEXT: %z = icmp eq i32 %n, 0
define i1 @even(i32 %n) nounwind {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %yes, label %no
yes:
  ret i1 true
no:
  %m = sub i32 %n, 1
  %r = call i1 @odd(i32 %m)
  ret i1 %r
}
; CHECK-LABEL: define i1 @odd(
; CHECK-NEXT: %z = icmp eq i32 %n, 0
define i1 @odd(i32 %n) nounwind {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %yes, label %no
yes:
  ret i1 false
no:
  %m = sub i32 %n, 1
  %r = call i1 @even(i32 %m)
  ret i1 %r
}
; CHECK-LABEL: define i1 @parity_user(
; CHECK-NEXT: %r = call i1 @even(i32 %n)
; CHECK-NEXT: ret i1 %r
define i1 @parity_user(i32 %n) nounwind {
  %r = call i1 @even(i32 %n)
  ret i1 %r
}

; @allocates only allocates: its allocation carries its own record, so it
; keeps no frame; @wraps calls it, so it does, and so does @wraps_wrapper,
; two levels up.
; CHECK-LABEL: define ptr @allocates(
; CHECK-NEXT: %p = call ptr @__tracealloc_malloc(
; CHECK-NEXT: ret ptr %p
define ptr @allocates() nounwind {
  %p = call ptr @malloc(i64 1)
  ret ptr %p
}
; CHECK-LABEL: define ptr @wraps(
; CHECK: store volatile ptr @{{tracealloc.call[.0-9]*}}, ptr %tracealloc.slot
; CHECK-NEXT: %p = call ptr @allocates()
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot
define ptr @wraps() nounwind {
  %p = call ptr @allocates()
  ret ptr %p
}
; CHECK-LABEL: define ptr @wraps_wrapper(
; CHECK: store volatile ptr @{{tracealloc.call[.0-9]*}}, ptr %tracealloc.slot
; CHECK-NEXT: %p = call ptr @wraps()
define ptr @wraps_wrapper() nounwind {
  %p = call ptr @wraps()
  ret ptr %p
}

; Recursion that allocates: each level keeps a frame, and records the call
; of itself like any other (its own function: the slot is only cleared).
; CHECK-LABEL: define void @tree(
; CHECK: store volatile ptr @[[REC:tracealloc.call[.0-9]*]], ptr %tracealloc.slot
; CHECK-NEXT: call void @tree(i32 %m)
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot
; CHECK-NEXT: store volatile i64 %tracealloc.depth,
; CHECK-NEXT: ret void
define void @tree(i32 %n) nounwind {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %leaf, label %inner
leaf:
  %p = call ptr @malloc(i64 1)
  ret void
inner:
  %m = sub i32 %n, 1
  call void @tree(i32 %m)
  ret void
}

; Weak: another definition may win at link time.
; CHECK-LABEL: define weak void @weak_nothing(
; CHECK-NEXT: ret void
define weak void @weak_nothing() nounwind {
  ret void
}
; CHECK-LABEL: define void @calls_weak(
; CHECK: store volatile ptr @{{tracealloc.call[.0-9]*}}, ptr %tracealloc.slot
; CHECK-NEXT: call void @weak_nothing()
define void @calls_weak() nounwind {
  call void @weak_nothing()
  ret void
}

; A frame whose last call is musttail: the depth goes back before it, no
; record is stored, and nothing follows it but its ret.
; CHECK-LABEL: define void @tail(
; CHECK: store volatile ptr @{{tracealloc.call[.0-9]*}}, ptr %tracealloc.slot
; CHECK-NEXT: call void @external()
; CHECK-NEXT: store volatile i64 %[[D1:[0-9]+]],
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot
; CHECK-NEXT: store volatile i64 %tracealloc.depth,
; CHECK-NEXT: musttail call void @tail(i32 %n)
; CHECK-NEXT: ret void
define void @tail(i32 %n) nounwind {
  call void @external()
  musttail call void @tail(i32 %n)
  ret void
}
; A musttail call alone does not make a frame: the callee takes the place.
; CHECK-LABEL: define void @only_tail(
; CHECK-NEXT: musttail call void @external()
; CHECK-NEXT: ret void
define void @only_tail() nounwind {
  musttail call void @external()
  ret void
}
