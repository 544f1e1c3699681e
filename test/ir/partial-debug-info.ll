; A module with debug info in which one call has no location (as in a
; function built without a DISubprogram, or a compiler-made call): the record
; is flagged NO_DEBUG_INFO at line 0, in the function's own file when it has
; a DISubprogram, else the compile unit's. No warning: the module was built
; with debug info, there is no flag to suggest.

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s 2>%t.err | FileCheck %s
; RUN: count 0 < %t.err

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK: @[[HDR:tracealloc.str[.0-9]*]] = private unnamed_addr constant [15 x i8] c"/src/inc/hdr.h\00"
; CHECK: @[[F:tracealloc.str[.0-9]*]] = private unnamed_addr constant [2 x i8] c"f\00"
; CHECK: @[[SF:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 3, i32 0, i32 0, ptr @[[HDR]], ptr @[[F]], ptr null }
; CHECK: @[[CU:tracealloc.str[.0-9]*]] = private unnamed_addr constant [12 x i8] c"/src/main.c\00"
; CHECK: @[[G:tracealloc.str[.0-9]*]] = private unnamed_addr constant [2 x i8] c"g\00"
; CHECK: @[[SG:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 3, i32 0, i32 0, ptr @[[CU]], ptr @[[G]], ptr null }

declare ptr @malloc(i64)

; CHECK-LABEL: define ptr @f(
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 4, ptr @[[SF]]){{$}}
define ptr @f() !dbg !10 {
  %p = call ptr @malloc(i64 4)
  ret ptr %p, !dbg !12
}

; CHECK-LABEL: define ptr @g(
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 8, ptr @[[SG]]){{$}}
define ptr @g() {
  %p = call ptr @malloc(i64 8)
  ret ptr %p
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: false, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "main.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!9 = !DIFile(filename: "../src/inc/hdr.h", directory: "/src")
!10 = distinct !DISubprogram(name: "f", scope: !9, file: !9, line: 3, type: !11, scopeLine: 3, spFlags: DISPFlagDefinition, unit: !0)
!11 = !DISubroutineType(types: !{})
!12 = !DILocation(line: 5, column: 3, scope: !10)
