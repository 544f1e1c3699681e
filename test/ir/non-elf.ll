; The runtime finds a link unit's records through the __start_/__stop_
; symbols ELF linkers define. On other object formats the pass refuses with
; an error rather than leave the program untraced.

; RUN: not %opt -load-pass-plugin=%plugin -passes=tracealloc -disable-output %s 2>&1 | FileCheck %s

; CHECK: error: TraceAlloc: {{.*}}non-elf.ll: target 'x86_64-apple-macosx14.0.0' is not supported (TraceAlloc needs an ELF target)

target datalayout = "e-m:o-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-apple-macosx14.0.0"

declare ptr @malloc(i64)

define ptr @f() {
  %p = call ptr @malloc(i64 1)
  ret ptr %p
}
