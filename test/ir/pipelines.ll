; Loaded into opt (or clang), the plugin runs the pass at the OptimizerLast
; extension point of every per-module pipeline: -O0 and -O2, and the
; pre-link pipelines of full and thin LTO, so -flto builds are instrumented
; when compiled. The function is optnone, as at -O0: instrumentation is
; required, not an optimisation.

; RUN: %opt -load-pass-plugin=%plugin -passes='default<O0>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='default<O2>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='thinlto-pre-link<O2>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='lto-pre-link<O2>' -S %s | FileCheck %s
; Without the plugin, nothing happens.
; RUN: %opt -passes='default<O2>' -S %s | FileCheck %s --check-prefix=NOPLUGIN

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@sink = global ptr null

declare ptr @malloc(i64)

; CHECK-LABEL: define void @f(
; CHECK: call ptr @__tracealloc_malloc(i64 %n, ptr {{(nonnull )?}}@tracealloc.site)
; CHECK: define internal void @tracealloc.module_ctor()
; NOPLUGIN: call ptr @malloc(i64 %n)
define void @f(i64 %n) noinline optnone {
  %p = call ptr @malloc(i64 %n)
  store ptr %p, ptr @sink
  ret void
}
