; A module without debug info: every record is at line 0 of the module's
; source file, made absolute, in the enclosing function (demangled), flagged
; NO_DEBUG_INFO (flags = 3). The pass warns once per module, not per site.

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s 2>%t.err | FileCheck %s
; RUN: FileCheck %s --check-prefix=WARN --implicit-check-not=warning < %t.err

; A relative source file name is taken relative to the compiler's directory;
; "." and ".." are resolved lexically.
; RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
; RUN: sed -e 's|"/src/nodbg.c"|"./sub/../sub/./nodbg.c"|' %s | %opt -load-pass-plugin=%plugin -passes=tracealloc -S 2>&1 | FileCheck %s --check-prefix=REL -DCWD=%t.dir

source_filename = "/src/nodbg.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK: @[[FILE:tracealloc.str[.0-9]*]] = private unnamed_addr constant [13 x i8] c"/src/nodbg.c\00"
; CHECK: @[[F:tracealloc.str[.0-9]*]] = private unnamed_addr constant [2 x i8] c"f\00"
; CHECK: @[[SF:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 3, i32 0, i32 0, ptr @[[FILE]], ptr @[[F]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[G:tracealloc.str[.0-9]*]] = private unnamed_addr constant [6 x i8] c"ns::g\00"
; CHECK: @[[SG:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 3, i32 0, i32 0, ptr @[[FILE]], ptr @[[G]], ptr null }, section "__tracealloc_sites", align 8

; REL: warning: TraceAlloc: ./sub/../sub/./nodbg.c: no debug info; allocation sites have no line numbers (compile with -g or -gline-tables-only)
; REL: c"[[CWD]]/sub/nodbg.c\00"

; WARN: warning: TraceAlloc: /src/nodbg.c: no debug info; allocation sites have no line numbers (compile with -g or -gline-tables-only)

declare ptr @malloc(i64)
declare ptr @strdup(ptr)

; CHECK-LABEL: define ptr @f(
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 4, ptr @[[SF]])
define ptr @f() {
  %p = call ptr @malloc(i64 4)
  ret ptr %p
}

; CHECK-LABEL: define ptr @_ZN2ns1gEPc(
; CHECK-NEXT: call ptr @__tracealloc_strdup(ptr %s, ptr @[[SG]])
define ptr @_ZN2ns1gEPc(ptr %s) {
  %p = call ptr @strdup(ptr %s)
  ret ptr %p
}
