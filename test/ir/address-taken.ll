; Where the program takes an allocation function's address instead of calling
; it, the address becomes that of a thunk with the function's own signature
; that calls the entry point with a site record of its own: the line that
; took the address, flagged ADDRESS_TAKEN (flags = 5; 7 without a location).
; One thunk per function and site; calls, llvm.used and the allocation
; functions' own declarations are left alone.

; (The shadow stack's frames, which the calls here would get, are
; shadow-stack.ll's business: off.)
; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -tracealloc-shadow-stack=0 -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -tracealloc-shadow-stack=0 -tracealloc-address-taken=0 -S %s | FileCheck %s --check-prefix=OFF

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; A global initializer is charged to the variable's declaration line, or to
; line 0 when the variable has no debug info; the variable's name stands in
; for the function. A constant naming two functions gets two thunks.
; CHECK: @fp = global ptr @[[FP_THUNK:tracealloc.thunk.malloc[.0-9]*]], !dbg
; CHECK: @nodbg = global ptr @[[NODBG_THUNK:tracealloc.thunk.free[.0-9]*]]
; CHECK: @table = global { i32, ptr, ptr } { i32 1, ptr @[[TABLE_MALLOC:tracealloc.thunk.malloc[.0-9]*]], ptr @[[TABLE_FREE:tracealloc.thunk.free[.0-9]*]] }
; OFF: @fp = global ptr @malloc, !dbg

; The records, in program order: { id, flags, line, column, file, function }.
; CHECK: @[[FILE:tracealloc.str[.0-9]*]] = private unnamed_addr constant [15 x i8] c"/src/address.c\00"
; CHECK: @[[STORES:tracealloc.str[.0-9]*]] = private unnamed_addr constant [7 x i8] c"stores\00"
; CHECK: @[[S12:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 5, i32 12, i32 9, ptr @[[FILE]], ptr @[[STORES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[S13:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 5, i32 13, i32 9, ptr @[[FILE]], ptr @[[STORES]], ptr null }
; CHECK: @[[S14:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 5, i32 14, i32 8, ptr @[[FILE]], ptr @[[STORES]], ptr null }
; CHECK: @[[S15:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 5, i32 15, i32 9, ptr @[[FILE]], ptr @[[STORES]], ptr null }
; CHECK: @[[PHI:tracealloc.str[.0-9]*]] = private unnamed_addr constant [4 x i8] c"phi\00"
; CHECK: @[[S32:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 5, i32 32, i32 5, ptr @[[FILE]], ptr @[[PHI]], ptr null }
; CHECK: @[[S33:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 5, i32 33, i32 5, ptr @[[FILE]], ptr @[[PHI]], ptr null }
; CHECK: @[[NOLOCATION:tracealloc.str[.0-9]*]] = private unnamed_addr constant [11 x i8] c"nolocation\00"
; CHECK: @[[SNOLOC:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 7, i32 0, i32 0, ptr @[[FILE]], ptr @[[NOLOCATION]], ptr null }
; CHECK: @[[FP:tracealloc.str[.0-9]*]] = private unnamed_addr constant [3 x i8] c"fp\00"
; CHECK: @[[SFP:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 5, i32 3, i32 0, ptr @[[FILE]], ptr @[[FP]], ptr null }
; CHECK: @[[NODBG:tracealloc.str[.0-9]*]] = private unnamed_addr constant [6 x i8] c"nodbg\00"
; CHECK: @[[SNODBG:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 7, i32 0, i32 0, ptr @[[FILE]], ptr @[[NODBG]], ptr null }
; CHECK: @[[TABLE:tracealloc.str[.0-9]*]] = private unnamed_addr constant [6 x i8] c"table\00"
; CHECK: @[[STABLE1:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 7, i32 0, i32 0, ptr @[[FILE]], ptr @[[TABLE]], ptr null }
; CHECK: @[[STABLE2:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 7, i32 0, i32 0, ptr @[[FILE]], ptr @[[TABLE]], ptr null }
; The call's own record.
; CHECK: @[[SCALL:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 16, i32 3, ptr @[[FILE]], ptr @[[STORES]], ptr null }
; CHECK: @llvm.used = appending global [2 x ptr] [ptr @valloc, ptr @tracealloc.module_ctor], section "llvm.metadata"
@fp = global ptr @malloc, !dbg !20
@nodbg = global ptr @free
@table = global { i32, ptr, ptr } { i32 1, ptr @malloc, ptr @free }
@llvm.used = appending global [1 x ptr] [ptr @valloc], section "llvm.metadata"

declare ptr @malloc(i64)
declare !kcfi_type !40 ptr @valloc(i64)
declare void @free(ptr) nounwind
declare void @take(ptr)

; CHECK-LABEL: define void @stores(
define void @stores(ptr %slot) !dbg !10 {
; Same location, same thunk; another location, another thunk.
; CHECK-NEXT: store ptr @[[T12:tracealloc.thunk.malloc[.0-9]*]], ptr %slot, align 8, !dbg
; CHECK-NEXT: store ptr @[[T12]], ptr %slot, align 8, !dbg
; CHECK-NEXT: store ptr @[[T13:tracealloc.thunk.malloc[.0-9]*]], ptr %slot, align 8, !dbg
  store ptr @malloc, ptr %slot, align 8, !dbg !12
  store ptr @malloc, ptr %slot, align 8, !dbg !12
  store ptr @malloc, ptr %slot, align 8, !dbg !13
; Passing free to a function.
; CHECK-NEXT: call void @take(ptr @[[T14:tracealloc.thunk.free[.0-9]*]]), !dbg
  call void @take(ptr @free), !dbg !14
; Inside a constant expression.
; CHECK-NEXT: store i64 ptrtoint (ptr @[[T15:tracealloc.thunk.malloc[.0-9]*]] to i64), ptr %slot, align 8, !dbg
  store i64 ptrtoint (ptr @malloc to i64), ptr %slot, align 8, !dbg !15
; A call is rewritten as a call, not through a thunk.
; CHECK-NEXT: call ptr @__tracealloc_malloc(i64 1, ptr @[[SCALL]]), !dbg
  %p = call ptr @malloc(i64 1), !dbg !16
; CHECK-NEXT: ret void
  ret void
}
; OFF-LABEL: define void @stores(
; OFF-NEXT: store ptr @malloc, ptr %slot

; A phi takes the address on the edge its value comes in by.
; CHECK-LABEL: define ptr @phi(
define ptr @phi(i1 %c) !dbg !30 {
entry:
  br i1 %c, label %a, label %b, !dbg !31
a:
  br label %join, !dbg !32
b:
  br label %join, !dbg !33
join:
; CHECK: %f = phi ptr [ @[[T32:tracealloc.thunk.malloc[.0-9]*]], %a ], [ @[[T33:tracealloc.thunk.valloc[.0-9]*]], %b ]
  %f = phi ptr [ @malloc, %a ], [ @valloc, %b ]
  ret ptr %f, !dbg !34
}

; No debug location, no DISubprogram: the module's file at line 0.
; CHECK-LABEL: define void @nolocation(
define void @nolocation(ptr %slot) {
; CHECK-NEXT: store ptr @[[TNOLOC:tracealloc.thunk.malloc[.0-9]*]], ptr %slot
  store ptr @malloc, ptr %slot
  ret void
}

; A thunk: the function's signature, a tail call of the entry point with its
; own site record; nounwind only if the function is.
; CHECK: define internal ptr @[[T12]](i64 %0) {
; CHECK-NEXT: %2 = tail call ptr @__tracealloc_malloc(i64 %0, ptr @[[S12]])
; CHECK-NEXT: ret ptr %2
; CHECK: define internal ptr @[[T13]](i64 %0) {
; CHECK-NEXT: tail call ptr @__tracealloc_malloc(i64 %0, ptr @[[S13]])
; CHECK: define internal void @[[T14]](ptr %0) #[[NOUNWIND:[0-9]+]] {
; CHECK-NEXT: tail call void @__tracealloc_free(ptr %0, ptr @[[S14]])
; CHECK-NEXT: ret void
; CHECK: define internal ptr @[[T15]](i64 %0) {
; CHECK-NEXT: tail call ptr @__tracealloc_malloc(i64 %0, ptr @[[S15]])
; CHECK: define internal ptr @[[T32]](i64 %0) {
; CHECK-NEXT: tail call ptr @__tracealloc_malloc(i64 %0, ptr @[[S32]])
; With -fsanitize=kcfi, indirect calls check the target's type id.
; CHECK: define internal ptr @[[T33]](i64 %0) !kcfi_type ![[KCFI:[0-9]+]] {
; CHECK-NEXT: tail call ptr @__tracealloc_valloc(i64 %0, ptr @[[S33]])
; CHECK: define internal ptr @[[TNOLOC]](i64 %0) {
; CHECK-NEXT: tail call ptr @__tracealloc_malloc(i64 %0, ptr @[[SNOLOC]])
; CHECK: define internal ptr @[[FP_THUNK]](i64 %0) {
; CHECK-NEXT: tail call ptr @__tracealloc_malloc(i64 %0, ptr @[[SFP]])
; CHECK: define internal void @[[NODBG_THUNK]](ptr %0) #[[NOUNWIND]] {
; CHECK-NEXT: tail call void @__tracealloc_free(ptr %0, ptr @[[SNODBG]])
; CHECK: define internal ptr @[[TABLE_MALLOC]](i64 %0) {
; CHECK-NEXT: tail call ptr @__tracealloc_malloc(i64 %0, ptr @[[STABLE1]])
; CHECK: define internal void @[[TABLE_FREE]](ptr %0) #[[NOUNWIND]] {
; CHECK-NEXT: tail call void @__tracealloc_free(ptr %0, ptr @[[STABLE2]])
; CHECK: attributes #[[NOUNWIND]] = { nounwind }
; CHECK: ![[KCFI]] = !{i32 12345}

; OFF-NOT: tracealloc.thunk

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, globals: !21)
!1 = !DIFile(filename: "address.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!10 = distinct !DISubprogram(name: "stores", scope: !1, file: !1, line: 10, type: !11, scopeLine: 10, spFlags: DISPFlagDefinition, unit: !0)
!11 = !DISubroutineType(types: !{})
!12 = !DILocation(line: 12, column: 9, scope: !10)
!13 = !DILocation(line: 13, column: 9, scope: !10)
!14 = !DILocation(line: 14, column: 8, scope: !10)
!15 = !DILocation(line: 15, column: 9, scope: !10)
!16 = !DILocation(line: 16, column: 3, scope: !10)
!20 = !DIGlobalVariableExpression(var: !22, expr: !DIExpression())
!21 = !{!20}
!22 = distinct !DIGlobalVariable(name: "fp", scope: !0, file: !1, line: 3, type: !23, isLocal: false, isDefinition: true)
!23 = !DIBasicType(name: "long", size: 64, encoding: DW_ATE_signed)
!30 = distinct !DISubprogram(name: "phi", scope: !1, file: !1, line: 30, type: !11, scopeLine: 30, spFlags: DISPFlagDefinition, unit: !0)
!31 = !DILocation(line: 31, column: 3, scope: !30)
!32 = !DILocation(line: 32, column: 5, scope: !30)
!33 = !DILocation(line: 33, column: 5, scope: !30)
!34 = !DILocation(line: 34, column: 3, scope: !30)
!40 = !{i32 12345}
