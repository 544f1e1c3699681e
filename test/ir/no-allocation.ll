; A module that allocates nothing, and makes no call that may allocate (@use
; only reads memory), is left exactly as it was: no records, no frames, no
; constructor, no entry declarations - even if it declares malloc.

; RUN: %opt -passes=verify -S %s -o %t.before.ll
; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s -o %t.after.ll 2>&1 | count 0
; RUN: diff %t.before.ll %t.after.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @malloc(i64)
declare void @use(ptr) memory(read)

define void @f(ptr %p) {
  call void @use(ptr %p)
  ret void
}
