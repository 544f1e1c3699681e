; A call's record is built like an allocation site's (SiteTable.h): the
; innermost frame's own line, its inline chain in frame records - shared with
; the allocations inlined through the same call site - in the same section,
; and in the calling function's comdat. Flags: TRACEALLOC_SITE_CALL (8), not
; ALLOCATION. Calls at one location share one record.
;
;   /src/h.h:3        helper() { g(); p = malloc(n); }  <- inlined into
;   /src/outer.c:12   outer()  { ... helper() ... }
;                              { g(); g(); }  at outer.c:13, one location

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s
; The pass is idempotent with frames too: twice in a row is once.
; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s -o %t.once.ll
; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc,tracealloc -S %s -o %t.twice.ll
; RUN: diff %t.once.ll %t.twice.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

$_Z5outerv = comdat any

; The allocation comes first (rewriting precedes frames) and creates the
; frame of outer.c:12; the call record reuses it.
; CHECK: @[[OUTER_C:tracealloc.str[.0-9]*]] = private unnamed_addr constant [13 x i8] c"/src/outer.c\00"
; CHECK: @[[OUTER:tracealloc.str[.0-9]*]] = private unnamed_addr constant [6 x i8] c"outer\00"
; CHECK: @[[F12:tracealloc.frame[.0-9]*]] = private global %tracealloc.site { i32 0, i32 0, i32 12, i32 3, ptr @[[OUTER_C]], ptr @[[OUTER]], ptr null }, section "__tracealloc_sites", comdat($_Z5outerv), align 8
; CHECK: @[[H:tracealloc.str[.0-9]*]] = private unnamed_addr constant [9 x i8] c"/src/h.h\00"
; CHECK: @[[HELPER:tracealloc.str[.0-9]*]] = private unnamed_addr constant [7 x i8] c"helper\00"
; CHECK: @[[MALLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 3, i32 9, ptr @[[H]], ptr @[[HELPER]], ptr @[[F12]] }, section "__tracealloc_sites", comdat($_Z5outerv), align 8
; CHECK: @[[CALL3:tracealloc.call[.0-9]*]] = private global %tracealloc.site { i32 0, i32 8, i32 3, i32 3, ptr @[[H]], ptr @[[HELPER]], ptr @[[F12]] }, section "__tracealloc_sites", comdat($_Z5outerv), align 8
; CHECK: @[[CALL13:tracealloc.call[.0-9]*]] = private global %tracealloc.site { i32 0, i32 8, i32 13, i32 3, ptr @[[OUTER_C]], ptr @[[OUTER]], ptr null }, section "__tracealloc_sites", comdat($_Z5outerv), align 8
; CHECK-NOT: tracealloc.call
; CHECK-NOT: tracealloc.frame
; CHECK: @llvm.compiler.used = appending global [4 x ptr] [ptr @[[F12]], ptr @[[MALLOC]], ptr @[[CALL3]], ptr @[[CALL13]]]

declare ptr @malloc(i64)
declare void @g()

; CHECK-LABEL: define linkonce_odr ptr @_Z5outerv(
; CHECK: store volatile ptr @[[CALL3]], ptr %tracealloc.slot
; CHECK-NEXT: call void @g(), !dbg
; CHECK: call ptr @__tracealloc_malloc(i64 4, ptr @[[MALLOC]]), !dbg
; CHECK: store volatile ptr @[[CALL13]], ptr %tracealloc.slot
; CHECK-NEXT: call void @g(), !dbg
; CHECK: store volatile ptr @[[CALL13]], ptr %tracealloc.slot
; CHECK-NEXT: call void @g(), !dbg
define linkonce_odr ptr @_Z5outerv() nounwind comdat !dbg !10 {
  call void @g(), !dbg !30
  %p = call ptr @malloc(i64 4), !dbg !31
  call void @g(), !dbg !13
  call void @g(), !dbg !13
  ret ptr %p
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "outer.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "outer", linkageName: "_Z5outerv", scope: !1, file: !1, line: 11, type: !5, scopeLine: 11, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!12 = distinct !DILocation(line: 12, column: 3, scope: !10)
!13 = !DILocation(line: 13, column: 3, scope: !10)
!20 = !DIFile(filename: "h.h", directory: "/src")
!21 = distinct !DISubprogram(name: "helper", scope: !20, file: !20, line: 2, type: !5, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!30 = !DILocation(line: 3, column: 3, scope: !21, inlinedAt: !12)
!31 = !DILocation(line: 3, column: 9, scope: !21, inlinedAt: !12)
