; Code in a comdat (an inline function or template instantiation, one copy
; per object file) keeps its call records, inline frames included, in that
; comdat: the copies the linker discards take their records with them, and
; the sites of one link unit are registered once. Thunks, and the records
; they use, stay outside comdats.

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

$_Z6inlinev = comdat any

; CHECK: @[[THUNK_SITE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 5, i32 6, {{.*}} }, section "__tracealloc_sites", align 8
; CHECK: @[[FRAME:tracealloc.frame[.0-9]*]] = private global %tracealloc.site { i32 0, i32 0, i32 5, {{.*}} }, section "__tracealloc_sites", comdat($_Z6inlinev), align 8
; CHECK: @[[CALL:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 2, {{.*}}, ptr @[[FRAME]] }, section "__tracealloc_sites", comdat($_Z6inlinev), align 8
; CHECK: @[[OUTSIDE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 9, {{.*}} }, section "__tracealloc_sites", align 8

declare ptr @malloc(i64)

; CHECK-LABEL: define linkonce_odr ptr @_Z6inlinev() comdat
; CHECK-NEXT: store ptr @[[THUNK:tracealloc.thunk.malloc[.0-9]*]], ptr @slot
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 1, ptr @[[CALL]])
define linkonce_odr ptr @_Z6inlinev() comdat !dbg !10 {
  store ptr @malloc, ptr @slot, !dbg !13
  %p = call ptr @malloc(i64 1), !dbg !12
  ret ptr %p
}

; CHECK-LABEL: define ptr @outside()
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 2, ptr @[[OUTSIDE]])
define ptr @outside() !dbg !20 {
  %p = call ptr @malloc(i64 2), !dbg !21
  ret ptr %p
}

; CHECK: define internal ptr @[[THUNK]](i64 %0) {
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 %0, ptr @[[THUNK_SITE]])
@slot = global ptr null

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "comdat.cpp", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "inline", linkageName: "_Z6inlinev", scope: !1, file: !1, line: 4, type: !5, scopeLine: 4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = distinct !DISubprogram(name: "helper", scope: !1, file: !1, line: 1, type: !5, scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!12 = !DILocation(line: 2, column: 3, scope: !11, inlinedAt: !14)
!13 = !DILocation(line: 6, column: 3, scope: !10)
!14 = distinct !DILocation(line: 5, column: 3, scope: !10)
!20 = distinct !DISubprogram(name: "outside", scope: !1, file: !1, line: 8, type: !5, scopeLine: 8, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 9, column: 3, scope: !20)
