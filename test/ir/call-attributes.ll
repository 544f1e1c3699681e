; How a rewritten call inherits the original: name, tail-call kind, return
; and parameter attributes, operand bundles, metadata and invoke edges stay;
; attributes that make LLVM treat the call as a library allocation
; (allockind, alloc-family, memory, builtin, nobuiltin, allocptr) go, so the
; optimizer can never delete or fold a traced call. allocsize stays: it only
; informs object-size queries.

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; As InferFunctionAttrs leaves them at -O2.
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef) #1
declare noalias noundef nonnull ptr @_Znwm(i64 noundef) #2

; CHECK-LABEL: define ptr @attrs(
define ptr @attrs() {
; CHECK-NEXT: %p = tail call noalias noundef ptr @__tracealloc_malloc(i64 noundef 8, ptr @{{tracealloc.site[.0-9]*}}) #[[CALLSITE:[0-9]+]]
  %p = tail call noalias noundef ptr @malloc(i64 noundef 8) #3
; CHECK-NEXT: %q = notail call noalias noundef nonnull ptr @__tracealloc__Znwm(i64 noundef 4, ptr @{{tracealloc.site[.0-9]*}}) #[[NEWSITE:[0-9]+]], !annotation ![[ANN:[0-9]+]]
  %q = notail call noalias noundef nonnull ptr @_Znwm(i64 noundef 4) #4, !annotation !0
; CHECK-NEXT: call void @__tracealloc_free(ptr %q, ptr @{{tracealloc.site[.0-9]*}}) [ "deopt"(i32 7) ]
  call void @free(ptr %q) [ "deopt"(i32 7) ]
; CHECK-NEXT: ret ptr %p
  ret ptr %p
}

; musttail needs the caller's prototype, which the site argument breaks: the
; call degrades to a plain tail call.
; CHECK-LABEL: define ptr @forward(
define ptr @forward(i64 %n) {
; CHECK-NEXT: %r = tail call ptr @__tracealloc_malloc(i64 %n, ptr @{{tracealloc.site[.0-9]*}})
; CHECK-NEXT: ret ptr %r
  %r = musttail call ptr @malloc(i64 %n)
  ret ptr %r
}

declare i32 @__gxx_personality_v0(...)

; CHECK-LABEL: define ptr @invoked(
define ptr @invoked() personality ptr @__gxx_personality_v0 {
entry:
; CHECK: %obj = invoke noalias noundef nonnull ptr @__tracealloc__Znwm(i64 noundef 16, ptr @{{tracealloc.site[.0-9]*}}) #[[NEWSITE]]
; CHECK-NEXT: to label %ok unwind label %lpad
  %obj = invoke noalias noundef nonnull ptr @_Znwm(i64 noundef 16) #4
          to label %ok unwind label %lpad
ok:
  ret ptr %obj
lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  resume { ptr, i32 } %lp
}

; The entry points keep the library declaration's return, parameter and
; function attributes minus the allocator semantics.
; CHECK-DAG: declare noalias noundef ptr @__tracealloc_malloc(i64 noundef, ptr) #[[MALLOC:[0-9]+]]
; CHECK-DAG: declare noalias noundef nonnull ptr @__tracealloc__Znwm(i64 noundef, ptr) #[[NEW:[0-9]+]]
; CHECK-DAG: declare void @__tracealloc_free(ptr noundef, ptr) #[[FREE:[0-9]+]]

; CHECK-DAG: attributes #[[MALLOC]] = { mustprogress nofree nounwind willreturn allocsize(0) }
; CHECK-DAG: attributes #[[FREE]] = { mustprogress nounwind willreturn }
; CHECK-DAG: attributes #[[NEW]] = { allocsize(0) }
; CHECK-DAG: attributes #[[CALLSITE]] = { nounwind allocsize(0) }
; CHECK-DAG: attributes #[[NEWSITE]] = { allocsize(0) "kept" }
; CHECK-DAG: ![[ANN]] = !{!"kept"}

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nobuiltin allocsize(0) }
attributes #3 = { nounwind allocsize(0) memory(inaccessiblemem: readwrite) }
attributes #4 = { builtin allocsize(0) "kept" }

!0 = !{!"kept"}
