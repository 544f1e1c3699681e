; An allocation function the program defines - a replacement operator new
; calling malloc - allocates on behalf of its caller. Where the optimizer
; inlined it, its malloc is charged to the call it was inlined into (the
; new-expression), as the call of operator new would be had it not been
; inlined; the allocator's own frames are not part of the chain. Frames of
; other inlined functions stay.
;
;   /src/new.cpp:3   void *operator new(size_t n) { return malloc(n); }
;   /src/new.cpp:5   void *xalloc(size_t n) { return new char[n]; } (not an allocator)
;   /src/new.cpp:9   in main: new Foo; inlined operator new
;   /src/new.cpp:10  in main: xalloc(8); inlined xalloc, inlined operator new[]
;   /src/new.cpp:11  in main: malloc inlined from a program-defined malloc that
;                    is not in this module any more (LTO import): by its name

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK: @[[MAIN:tracealloc.str[.0-9]*]] = private unnamed_addr constant [5 x i8] c"main\00"
; CHECK: @[[NEW_FOO:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 9, i32 3, ptr @{{tracealloc.str[.0-9]*}}, ptr @[[MAIN]], ptr null }
; CHECK: @[[FRAME:tracealloc.frame[.0-9]*]] = private global %tracealloc.site { i32 0, i32 0, i32 10, i32 3, ptr @{{tracealloc.str[.0-9]*}}, ptr @[[MAIN]], ptr null }
; CHECK: @[[XALLOC:tracealloc.str[.0-9]*]] = private unnamed_addr constant [7 x i8] c"xalloc\00"
; CHECK: @[[NEW_ARRAY:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 5, i32 34, ptr @{{tracealloc.str[.0-9]*}}, ptr @[[XALLOC]], ptr @[[FRAME]] }
; CHECK: @[[IMPORTED:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 11, i32 3, ptr @{{tracealloc.str[.0-9]*}}, ptr @[[MAIN]], ptr null }
; CHECK-NOT: c"operator new
; CHECK-NOT: c"malloc

declare ptr @malloc(i64)

define ptr @_Znwm(i64 %n) !dbg !20 {
  %p = call ptr @malloc(i64 %n), !dbg !21
  ret ptr %p
}

define ptr @_Znam(i64 %n) !dbg !22 {
  %p = call ptr @malloc(i64 %n), !dbg !23
  ret ptr %p
}

; CHECK-LABEL: define i32 @main(
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 40, ptr @[[NEW_FOO]])
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 8, ptr @[[NEW_ARRAY]])
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 16, ptr @[[IMPORTED]])
define i32 @main() !dbg !10 {
  %foo = call ptr @malloc(i64 40), !dbg !30
  %arr = call ptr @malloc(i64 8), !dbg !40
  %imp = call ptr @malloc(i64 16), !dbg !50
  ret i32 0
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "new.cpp", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "main", scope: !1, file: !1, line: 8, type: !5, scopeLine: 8, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!20 = distinct !DISubprogram(name: "operator new", linkageName: "_Znwm", scope: !1, file: !1, line: 3, type: !5, scopeLine: 3, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 3, column: 40, scope: !20)
!22 = distinct !DISubprogram(name: "operator new[]", scope: !1, file: !1, line: 4, type: !5, scopeLine: 4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!23 = !DILocation(line: 4, column: 40, scope: !22)
!24 = distinct !DISubprogram(name: "xalloc", linkageName: "_Z6xallocm", scope: !1, file: !1, line: 5, type: !5, scopeLine: 5, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!25 = distinct !DISubprogram(name: "malloc", scope: !1, file: !1, line: 6, type: !5, scopeLine: 6, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
; new Foo, with operator new inlined.
!30 = !DILocation(line: 3, column: 40, scope: !20, inlinedAt: !31)
!31 = distinct !DILocation(line: 9, column: 3, scope: !10)
; xalloc(8), with xalloc and its operator new[] (no linkage name, as with
; -gline-tables-only: found through the function) inlined.
!40 = !DILocation(line: 4, column: 40, scope: !22, inlinedAt: !41)
!41 = distinct !DILocation(line: 5, column: 34, scope: !24, inlinedAt: !42)
!42 = distinct !DILocation(line: 10, column: 3, scope: !10)
; A program-defined malloc whose definition is not in this module.
!50 = !DILocation(line: 6, column: 30, scope: !25, inlinedAt: !51)
!51 = distinct !DILocation(line: 11, column: 3, scope: !10)
