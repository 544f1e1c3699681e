; A function that makes a call that may allocate keeps a frame of the
; call-site shadow stack (abi.h): on entry it takes the slot frames[depth]
; (clamped to the spare element frames[128]), clears it, then counts itself
; in the depth; around each such call the slot holds the call's record; on
; return the depth is what it was. All accesses are volatile (a signal
; handler may read the stack at any instruction) and the stack's address is
; taken once, in the entry block.
;
; The depth is set again after a call of code this module did not define
; (it may have caught an exception or taken a longjmp past frames it called
; back); a call of this module's own function only clears the slot.
;
; (Functions here are nounwind: cleanups are shadow-stack-unwind.ll's.)
;
; Functions with nothing to record are left alone: a leaf, and one that only
; calls intrinsics and functions that cannot allocate (they at most read
; memory, or touch only their arguments' memory, by their declaration or the
; call's attributes).

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; The stack: { uintptr_t depth; const site *frames[128 + 1]; }.
; CHECK: @__tracealloc_shadow_stack = external thread_local(initialexec) global { i64, [129 x ptr] }, align 8
; One record per call location: flags = TRACEALLOC_SITE_CALL (8).
; CHECK: @[[EXT:tracealloc.call[.0-9]*]] = private global %tracealloc.site { i32 0, i32 8, i32 5, i32 3,
; CHECK: @[[LOCAL:tracealloc.call[.0-9]*]] = private global %tracealloc.site { i32 0, i32 8, i32 6, i32 3,
; Without a location: flags = CALL | NO_DEBUG_INFO (8 + 2 = 10), line 0.
; CHECK: @[[NOLOC:tracealloc.call[.0-9]*]] = private global %tracealloc.site { i32 0, i32 10, i32 0, i32 0,
; CHECK: @llvm.compiler.used = appending global [3 x ptr] [ptr @[[EXT]], ptr @[[LOCAL]], ptr @[[NOLOC]]]

declare void @external()
declare i64 @strlen(ptr) memory(read)
declare void @copy(ptr, ptr) memory(argmem: readwrite)
declare void @opaque(ptr)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; CHECK-LABEL: define i32 @leaf(
; CHECK-NEXT: %y = add i32 %x, 1
; CHECK-NEXT: ret i32 %y
define i32 @leaf(i32 %x) {
  %y = add i32 %x, 1
  ret i32 %y
}

; CHECK-LABEL: define void @cannot_allocate(
; CHECK-NEXT: call void @llvm.memset.p0.i64(
; CHECK-NEXT: call i64 @strlen(ptr %p)
; CHECK-NEXT: call void @copy(ptr %p, ptr %p)
; CHECK-NEXT: call void @opaque(ptr %p) #[[READONLY:[0-9]+]]
; CHECK-NEXT: call i32 @leaf(i32 1)
; CHECK-NEXT: ret void
define void @cannot_allocate(ptr %p) {
  call void @llvm.memset.p0.i64(ptr %p, i8 0, i64 8, i1 false)
  call i64 @strlen(ptr %p)
  call void @copy(ptr %p, ptr %p)
  call void @opaque(ptr %p) memory(read)
  call i32 @leaf(i32 1)
  ret void
}

; The static alloca stays first.
; CHECK-LABEL: define void @frame(
; CHECK-NEXT: %a = alloca i32
; CHECK-NEXT: %[[S:[0-9]+]] = call align 8 ptr @llvm.threadlocal.address.p0(ptr align 8 @__tracealloc_shadow_stack), !dbg
; CHECK-NEXT: %tracealloc.depth = load volatile i64, ptr %[[S]], align 8, !dbg
; CHECK-NEXT: %[[I:[0-9]+]] = call i64 @llvm.umin.i64(i64 %tracealloc.depth, i64 128), !dbg
; CHECK-NEXT: %tracealloc.slot = getelementptr inbounds { i64, [129 x ptr] }, ptr %[[S]], i32 0, i32 1, i64 %[[I]], !dbg
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot, align 8, !dbg
; CHECK-NEXT: %[[D1:[0-9]+]] = add nuw i64 %tracealloc.depth, 1, !dbg
; CHECK-NEXT: store volatile i64 %[[D1]], ptr %[[S]], align 8, !dbg
; Not this module's function: record, call, then depth and slot set again.
; CHECK-NEXT: store volatile ptr @[[EXT]], ptr %tracealloc.slot, align 8, !dbg
; CHECK-NEXT: call void @external(), !dbg
; CHECK-NEXT: store volatile i64 %[[D1]], ptr %[[S]], align 8, !dbg
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot, align 8, !dbg
; This module's frame function: record, call, slot cleared.
; CHECK-NEXT: store volatile ptr @[[LOCAL]], ptr %tracealloc.slot, align 8, !dbg
; CHECK-NEXT: call void @calls_external(), !dbg
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot, align 8, !dbg
; Calls that cannot allocate are left as they are.
; CHECK-NEXT: call i32 @leaf(i32 2), !dbg
; CHECK-NEXT: store volatile i64 %tracealloc.depth, ptr %[[S]], align 8, !dbg
; CHECK-NEXT: ret void
define void @frame() nounwind !dbg !10 {
  %a = alloca i32
  call void @external(), !dbg !11
  call void @calls_external(), !dbg !12
  call i32 @leaf(i32 2), !dbg !13
  ret void, !dbg !13
}

; CHECK-LABEL: define void @calls_external(
; CHECK: call align 8 ptr @llvm.threadlocal.address.p0(ptr align 8 @__tracealloc_shadow_stack)
; CHECK: store volatile ptr @[[NOLOC]], ptr %tracealloc.slot, align 8
; CHECK-NEXT: call void @external()
define void @calls_external() nounwind {
  call void @external()
  ret void
}

; CHECK: attributes #[[READONLY]] = { memory(read) }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "frame.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "frame", scope: !1, file: !1, line: 4, type: !5, scopeLine: 4, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 5, column: 3, scope: !10)
!12 = !DILocation(line: 6, column: 3, scope: !10)
!13 = !DILocation(line: 7, column: 3, scope: !10)
