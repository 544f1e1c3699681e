; Calls of TraceAlloc's own tracealloc_track() are charged to their caller's
; line like allocation calls: the pass passes the site to the runtime's
; __tracealloc_tracealloc_track. The C++ API's always-inline wrapper
; (tracealloc::track in tracealloc/tracemalloc.hpp) is skipped: its call is
; charged to the line that called the wrapper.
;
;   /src/pool.cpp:7   tracealloc_track(1, p, 64)          (C API, direct)
;   /src/pool.cpp:9   tracealloc::track(1, q, 32)          (C++ API, inlined)
;   /usr/include/tracealloc/tracemalloc.hpp:120  the wrapper's call

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK: @[[DIRECT:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 7, i32 3,
; CHECK: @[[WRAPPED:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 9, i32 3,
; CHECK-SAME: ptr null }

declare i32 @tracealloc_track(i32, i64, i64)

; CHECK-LABEL: define i32 @register_pool(
; CHECK-NEXT: call i32 @__tracealloc_tracealloc_track(i32 1, i64 %p, i64 64, ptr @[[DIRECT]])
; CHECK-NEXT: call i32 @__tracealloc_tracealloc_track(i32 1, i64 %q, i64 32, ptr @[[WRAPPED]])
define i32 @register_pool(i64 %p, i64 %q) !dbg !10 {
  %a = call i32 @tracealloc_track(i32 1, i64 %p, i64 64), !dbg !11
  %b = call i32 @tracealloc_track(i32 1, i64 %q, i64 32), !dbg !21
  ret i32 %a
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "pool.cpp", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "register_pool", scope: !1, file: !1, line: 6, type: !5, scopeLine: 6, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 7, column: 3, scope: !10)
!12 = !DILocation(line: 9, column: 3, scope: !10)
!13 = !DIFile(filename: "/usr/include/tracealloc/tracemalloc.hpp", directory: "/src")
!20 = distinct !DISubprogram(name: "track", linkageName: "_ZN10tracealloc5trackEjmm", scope: !13, file: !13, line: 118, type: !5, scopeLine: 118, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 120, column: 10, scope: !20, inlinedAt: !12)
