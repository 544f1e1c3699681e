; Every C allocation function of alloc_functions.def: each call becomes a call
; of __tracealloc_<SYMBOL> with the same arguments plus its site record, whose
; file, line, column and function come from the call's debug location.
; LLVM 19's TargetLibraryInfo knows neither pvalloc nor reallocarray; they
; are matched by name and prototype there (LLVMCompat.h).

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK: %tracealloc.site = type { i32, i32, i32, i32, ptr, ptr, ptr }

; A record: { id = 0, flags = ALLOCATION, line, column, file, function, no
; inline chain }, writable, in the sites section, 8-aligned.
; CHECK: @[[FILE:tracealloc.str[.0-9]*]] = private unnamed_addr constant [13 x i8] c"/src/calls.c\00", align 1
; CHECK: @[[FN:tracealloc.str[.0-9]*]] = private unnamed_addr constant [4 x i8] c"all\00", align 1
; CHECK: @[[MALLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 20, i32 3, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[CALLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 21, i32 4, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[REALLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 22, i32 5, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[REALLOCARRAY:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 23, i32 6, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[FREE:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 24, i32 7, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[ALIGNED_ALLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 25, i32 8, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[POSIX_MEMALIGN:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 26, i32 9, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[MEMALIGN:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 27, i32 10, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[VALLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 28, i32 11, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[PVALLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 29, i32 12, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[STRDUP:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 30, i32 13, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[STRNDUP:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 31, i32 14, ptr @[[FILE]], ptr @[[FN]], ptr null }, section "__tracealloc_sites", align 8
; Nothing else refers to the records but the calls: keep them all.
; CHECK: @llvm.compiler.used = appending global [12 x ptr] [ptr @[[MALLOC]], ptr @[[CALLOC]], ptr @[[REALLOC]], ptr @[[REALLOCARRAY]], ptr @[[FREE]], ptr @[[ALIGNED_ALLOC]], ptr @[[POSIX_MEMALIGN]], ptr @[[MEMALIGN]], ptr @[[VALLOC]], ptr @[[PVALLOC]], ptr @[[STRDUP]], ptr @[[STRNDUP]]], section "llvm.metadata"

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare ptr @reallocarray(ptr, i64, i64)
declare void @free(ptr)
declare ptr @aligned_alloc(i64, i64)
declare i32 @posix_memalign(ptr, i64, i64)
declare ptr @memalign(i64, i64)
declare ptr @valloc(i64)
declare ptr @pvalloc(i64)
declare ptr @strdup(ptr)
declare ptr @strndup(ptr, i64)

; CHECK-LABEL: define void @all(
define void @all(ptr %p, ptr %s, ptr %out) !dbg !10 {
; CHECK-NEXT: %r0 = call ptr @__tracealloc_malloc(i64 1, ptr @[[MALLOC]]), !dbg ![[L0:[0-9]+]]
  %r0 = call ptr @malloc(i64 1), !dbg !20
; CHECK-NEXT: %r1 = call ptr @__tracealloc_calloc(i64 2, i64 3, ptr @[[CALLOC]]), !dbg ![[L1:[0-9]+]]
  %r1 = call ptr @calloc(i64 2, i64 3), !dbg !21
; CHECK-NEXT: %r2 = call ptr @__tracealloc_realloc(ptr %p, i64 4, ptr @[[REALLOC]]), !dbg ![[L2:[0-9]+]]
  %r2 = call ptr @realloc(ptr %p, i64 4), !dbg !22
; CHECK-NEXT: %r3 = call ptr @__tracealloc_reallocarray(ptr %p, i64 5, i64 6, ptr @[[REALLOCARRAY]]), !dbg ![[L3:[0-9]+]]
  %r3 = call ptr @reallocarray(ptr %p, i64 5, i64 6), !dbg !23
; CHECK-NEXT: call void @__tracealloc_free(ptr %p, ptr @[[FREE]]), !dbg ![[L4:[0-9]+]]
  call void @free(ptr %p), !dbg !24
; CHECK-NEXT: %r5 = call ptr @__tracealloc_aligned_alloc(i64 16, i64 32, ptr @[[ALIGNED_ALLOC]]), !dbg ![[L5:[0-9]+]]
  %r5 = call ptr @aligned_alloc(i64 16, i64 32), !dbg !25
; CHECK-NEXT: %r6 = call i32 @__tracealloc_posix_memalign(ptr %out, i64 16, i64 7, ptr @[[POSIX_MEMALIGN]]), !dbg ![[L6:[0-9]+]]
  %r6 = call i32 @posix_memalign(ptr %out, i64 16, i64 7), !dbg !26
; CHECK-NEXT: %r7 = call ptr @__tracealloc_memalign(i64 16, i64 8, ptr @[[MEMALIGN]]), !dbg ![[L7:[0-9]+]]
  %r7 = call ptr @memalign(i64 16, i64 8), !dbg !27
; CHECK-NEXT: %r8 = call ptr @__tracealloc_valloc(i64 9, ptr @[[VALLOC]]), !dbg ![[L8:[0-9]+]]
  %r8 = call ptr @valloc(i64 9), !dbg !28
; CHECK-NEXT: %r9 = call ptr @__tracealloc_pvalloc(i64 10, ptr @[[PVALLOC]]), !dbg ![[L9:[0-9]+]]
  %r9 = call ptr @pvalloc(i64 10), !dbg !29
; CHECK-NEXT: %r10 = call ptr @__tracealloc_strdup(ptr %s, ptr @[[STRDUP]]), !dbg ![[L10:[0-9]+]]
  %r10 = call ptr @strdup(ptr %s), !dbg !30
; CHECK-NEXT: %r11 = call ptr @__tracealloc_strndup(ptr %s, i64 11, ptr @[[STRNDUP]]), !dbg ![[L11:[0-9]+]]
  %r11 = call ptr @strndup(ptr %s, i64 11), !dbg !31
; CHECK-NEXT: ret void
  ret void
}

; The entry points: the library function's type plus a trailing ptr.
; CHECK-DAG: declare ptr @__tracealloc_malloc(i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc_calloc(i64, i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc_realloc(ptr, i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc_reallocarray(ptr, i64, i64, ptr)
; CHECK-DAG: declare void @__tracealloc_free(ptr, ptr)
; CHECK-DAG: declare ptr @__tracealloc_aligned_alloc(i64, i64, ptr)
; CHECK-DAG: declare i32 @__tracealloc_posix_memalign(ptr, i64, i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc_memalign(i64, i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc_valloc(i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc_pvalloc(i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc_strdup(ptr, ptr)
; CHECK-DAG: declare ptr @__tracealloc_strndup(ptr, i64, ptr)

; The debug locations stay on the rewritten calls.
; CHECK-DAG: ![[L0]] = !DILocation(line: 20, column: 3,
; CHECK-DAG: ![[L1]] = !DILocation(line: 21, column: 4,
; CHECK-DAG: ![[L2]] = !DILocation(line: 22, column: 5,
; CHECK-DAG: ![[L3]] = !DILocation(line: 23, column: 6,
; CHECK-DAG: ![[L4]] = !DILocation(line: 24, column: 7,
; CHECK-DAG: ![[L5]] = !DILocation(line: 25, column: 8,
; CHECK-DAG: ![[L6]] = !DILocation(line: 26, column: 9,
; CHECK-DAG: ![[L7]] = !DILocation(line: 27, column: 10,
; CHECK-DAG: ![[L8]] = !DILocation(line: 28, column: 11,
; CHECK-DAG: ![[L9]] = !DILocation(line: 29, column: 12,
; CHECK-DAG: ![[L10]] = !DILocation(line: 30, column: 13,
; CHECK-DAG: ![[L11]] = !DILocation(line: 31, column: 14,

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: false, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "calls.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!10 = distinct !DISubprogram(name: "all", scope: !1, file: !1, line: 19, type: !11, scopeLine: 19, spFlags: DISPFlagDefinition, unit: !0)
!11 = !DISubroutineType(types: !{})
!20 = !DILocation(line: 20, column: 3, scope: !10)
!21 = !DILocation(line: 21, column: 4, scope: !10)
!22 = !DILocation(line: 22, column: 5, scope: !10)
!23 = !DILocation(line: 23, column: 6, scope: !10)
!24 = !DILocation(line: 24, column: 7, scope: !10)
!25 = !DILocation(line: 25, column: 8, scope: !10)
!26 = !DILocation(line: 26, column: 9, scope: !10)
!27 = !DILocation(line: 27, column: 10, scope: !10)
!28 = !DILocation(line: 28, column: 11, scope: !10)
!29 = !DILocation(line: 29, column: 12, scope: !10)
!30 = !DILocation(line: 30, column: 13, scope: !10)
!31 = !DILocation(line: 31, column: 14, scope: !10)
