; A call inlined from elsewhere: its record describes the innermost frame
; (the inlined function's own line) and links, through inlined_at, to one
; record per enclosing call site (flags = 0: a frame, not an allocation),
; outwards to the function that holds the call. Frame records are shared by
; every call inlined through the same site.
;
;   /src/inc/inner.h:3   inner() { return malloc(n); }  <- inlined into
;   /abs/mid.h:8         mid()   { return inner(); }     <- inlined into
;   /src/outer.c:12      outer() { ... mid() ... }

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; Frames are emitted outermost first, before the record that needs them.
; CHECK: @[[OUTER_C:tracealloc.str[.0-9]*]] = private unnamed_addr constant [13 x i8] c"/src/outer.c\00"
; CHECK: @[[OUTER:tracealloc.str[.0-9]*]] = private unnamed_addr constant [6 x i8] c"outer\00"
; CHECK: @[[F12:tracealloc.frame[.0-9]*]] = private global %tracealloc.site { i32 0, i32 0, i32 12, i32 3, ptr @[[OUTER_C]], ptr @[[OUTER]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[MID_H:tracealloc.str[.0-9]*]] = private unnamed_addr constant [11 x i8] c"/abs/mid.h\00"
; CHECK: @[[MID:tracealloc.str[.0-9]*]] = private unnamed_addr constant [8 x i8] c"ns::mid\00"
; CHECK: @[[F8:tracealloc.frame[.0-9]*]] = private global %tracealloc.site { i32 0, i32 0, i32 8, i32 10, ptr @[[MID_H]], ptr @[[MID]], ptr @[[F12]] }, section "__tracealloc_sites", align 8
; CHECK: @[[INNER_H:tracealloc.str[.0-9]*]] = private unnamed_addr constant [17 x i8] c"/src/inc/inner.h\00"
; CHECK: @[[INNER:tracealloc.str[.0-9]*]] = private unnamed_addr constant [6 x i8] c"inner\00"
; CHECK: @[[MALLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 3, i32 17, ptr @[[INNER_H]], ptr @[[INNER]], ptr @[[F8]] }, section "__tracealloc_sites", align 8
; CHECK: @[[FREE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 4, i32 3, ptr @[[INNER_H]], ptr @[[INNER]], ptr @[[F8]] }, section "__tracealloc_sites", align 8
; A call of the outer function itself needs no frame.
; CHECK: @[[OWN:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 13, i32 3, ptr @[[OUTER_C]], ptr @[[OUTER]], ptr null }, section "__tracealloc_sites", align 8
; CHECK-NOT: tracealloc.frame
; CHECK: @llvm.compiler.used = appending global [5 x ptr] [ptr @[[F12]], ptr @[[F8]], ptr @[[MALLOC]], ptr @[[FREE]], ptr @[[OWN]]]

declare ptr @malloc(i64)
declare void @free(ptr)

; CHECK-LABEL: define void @_Z5outerv(
; CHECK-NEXT: %p = call ptr @__tracealloc_malloc(i64 4, ptr @[[MALLOC]]), !dbg
; CHECK-NEXT: call void @__tracealloc_free(ptr %p, ptr @[[FREE]]), !dbg
; CHECK-NEXT: %q = call ptr @__tracealloc_malloc(i64 8, ptr @[[OWN]]), !dbg
define void @_Z5outerv() !dbg !10 {
  %p = call ptr @malloc(i64 4), !dbg !30
  call void @free(ptr %p), !dbg !31
  %q = call ptr @malloc(i64 8), !dbg !13
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "outer.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "outer", scope: !1, file: !1, line: 11, type: !5, scopeLine: 11, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!12 = !DILocation(line: 12, column: 3, scope: !10)
!13 = !DILocation(line: 13, column: 3, scope: !10)
!20 = !DIFile(filename: "/abs/mid.h", directory: "/src")
!21 = distinct !DISubprogram(name: "mid", linkageName: "_ZN2ns3midEi", scope: !20, file: !20, line: 7, type: !5, scopeLine: 7, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!22 = distinct !DILocation(line: 8, column: 10, scope: !21, inlinedAt: !12)
!25 = !DIFile(filename: "inc/inner.h", directory: "/src")
!26 = distinct !DISubprogram(name: "inner", scope: !25, file: !25, line: 2, type: !5, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!27 = distinct !DILexicalBlock(scope: !26, file: !25, line: 2, column: 20)
!30 = !DILocation(line: 3, column: 17, scope: !27, inlinedAt: !22)
!31 = !DILocation(line: 4, column: 3, scope: !26, inlinedAt: !22)
