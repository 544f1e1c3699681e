; All 12 replaceable operator new and 12 operator delete forms, called and
; invoked: calls become calls of __tracealloc_<SYMBOL>, invokes stay invokes
; with the same normal and unwind destinations.

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@_ZSt7nothrow = external global i8

; The function is the demangled linkage name of the DISubprogram, or (as
; with -gline-tables-only, where there is none) of the function it describes.
; CHECK: @[[FILE:tracealloc.str[.0-9]*]] = private unnamed_addr constant [13 x i8] c"/src/new.cpp\00", align 1
; CHECK: @[[CALLS:tracealloc.str[.0-9]*]] = private unnamed_addr constant [6 x i8] c"calls\00", align 1
; CHECK: @[[C0:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 100, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C1:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 101, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C2:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 102, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C3:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 103, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C4:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 104, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C5:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 105, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C6:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 106, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C7:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 107, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C8:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 108, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C9:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 109, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C10:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 110, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C11:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 111, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C12:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 112, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C13:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 113, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C14:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 114, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C15:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 115, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C16:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 116, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C17:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 117, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C18:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 118, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[C19:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 119, i32 5, ptr @[[FILE]], ptr @[[CALLS]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[INVOKES:tracealloc.str[.0-9]*]] = private unnamed_addr constant [8 x i8] c"invokes\00", align 1
; CHECK: @[[I0:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 200, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I1:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 201, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I2:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 202, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I3:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 203, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I4:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 204, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I5:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 205, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I6:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 206, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I7:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 207, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I8:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 208, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I9:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 209, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I10:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 210, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I11:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 211, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I12:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 212, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I13:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 213, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I14:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 214, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I15:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 215, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I16:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 216, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I17:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 217, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I18:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 218, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8
; CHECK: @[[I19:tracealloc.site[.0-9]*]] = private global %tracealloc.site { i32 0, i32 1, i32 219, i32 7, ptr @[[FILE]], ptr @[[INVOKES]], ptr null }, section "__tracealloc_sites", align 8

declare ptr @_Znwm(i64)
declare ptr @_ZnwmRKSt9nothrow_t(i64, ptr)
declare ptr @_ZnwmSt11align_val_t(i64, i64)
declare ptr @_ZnwmSt11align_val_tRKSt9nothrow_t(i64, i64, ptr)
declare ptr @_Znam(i64)
declare ptr @_ZnamRKSt9nothrow_t(i64, ptr)
declare ptr @_ZnamSt11align_val_t(i64, i64)
declare ptr @_ZnamSt11align_val_tRKSt9nothrow_t(i64, i64, ptr)
declare void @_ZdlPv(ptr)
declare void @_ZdlPvm(ptr, i64)
declare void @_ZdlPvRKSt9nothrow_t(ptr, ptr)
declare void @_ZdlPvSt11align_val_t(ptr, i64)
declare void @_ZdlPvmSt11align_val_t(ptr, i64, i64)
declare void @_ZdlPvSt11align_val_tRKSt9nothrow_t(ptr, i64, ptr)
declare void @_ZdaPv(ptr)
declare void @_ZdaPvm(ptr, i64)
declare void @_ZdaPvRKSt9nothrow_t(ptr, ptr)
declare void @_ZdaPvSt11align_val_t(ptr, i64)
declare void @_ZdaPvmSt11align_val_t(ptr, i64, i64)
declare void @_ZdaPvSt11align_val_tRKSt9nothrow_t(ptr, i64, ptr)
declare i32 @__gxx_personality_v0(...)

; CHECK-LABEL: define void @_Z5callsv(
define void @_Z5callsv(ptr %p) !dbg !10 {
; CHECK-NEXT: %c0 = call ptr @__tracealloc__Znwm(i64 1, ptr @[[C0]]), !dbg
  %c0 = call ptr @_Znwm(i64 1), !dbg !100
; CHECK-NEXT: %c1 = call ptr @__tracealloc__ZnwmRKSt9nothrow_t(i64 2, ptr @_ZSt7nothrow, ptr @[[C1]]), !dbg
  %c1 = call ptr @_ZnwmRKSt9nothrow_t(i64 2, ptr @_ZSt7nothrow), !dbg !101
; CHECK-NEXT: %c2 = call ptr @__tracealloc__ZnwmSt11align_val_t(i64 3, i64 32, ptr @[[C2]]), !dbg
  %c2 = call ptr @_ZnwmSt11align_val_t(i64 3, i64 32), !dbg !102
; CHECK-NEXT: %c3 = call ptr @__tracealloc__ZnwmSt11align_val_tRKSt9nothrow_t(i64 4, i64 32, ptr @_ZSt7nothrow, ptr @[[C3]]), !dbg
  %c3 = call ptr @_ZnwmSt11align_val_tRKSt9nothrow_t(i64 4, i64 32, ptr @_ZSt7nothrow), !dbg !103
; CHECK-NEXT: %c4 = call ptr @__tracealloc__Znam(i64 5, ptr @[[C4]]), !dbg
  %c4 = call ptr @_Znam(i64 5), !dbg !104
; CHECK-NEXT: %c5 = call ptr @__tracealloc__ZnamRKSt9nothrow_t(i64 6, ptr @_ZSt7nothrow, ptr @[[C5]]), !dbg
  %c5 = call ptr @_ZnamRKSt9nothrow_t(i64 6, ptr @_ZSt7nothrow), !dbg !105
; CHECK-NEXT: %c6 = call ptr @__tracealloc__ZnamSt11align_val_t(i64 7, i64 32, ptr @[[C6]]), !dbg
  %c6 = call ptr @_ZnamSt11align_val_t(i64 7, i64 32), !dbg !106
; CHECK-NEXT: %c7 = call ptr @__tracealloc__ZnamSt11align_val_tRKSt9nothrow_t(i64 8, i64 32, ptr @_ZSt7nothrow, ptr @[[C7]]), !dbg
  %c7 = call ptr @_ZnamSt11align_val_tRKSt9nothrow_t(i64 8, i64 32, ptr @_ZSt7nothrow), !dbg !107
; CHECK-NEXT: call void @__tracealloc__ZdlPv(ptr %p, ptr @[[C8]]), !dbg
  call void @_ZdlPv(ptr %p), !dbg !108
; CHECK-NEXT: call void @__tracealloc__ZdlPvm(ptr %p, i64 8, ptr @[[C9]]), !dbg
  call void @_ZdlPvm(ptr %p, i64 8), !dbg !109
; CHECK-NEXT: call void @__tracealloc__ZdlPvRKSt9nothrow_t(ptr %p, ptr @_ZSt7nothrow, ptr @[[C10]]), !dbg
  call void @_ZdlPvRKSt9nothrow_t(ptr %p, ptr @_ZSt7nothrow), !dbg !110
; CHECK-NEXT: call void @__tracealloc__ZdlPvSt11align_val_t(ptr %p, i64 32, ptr @[[C11]]), !dbg
  call void @_ZdlPvSt11align_val_t(ptr %p, i64 32), !dbg !111
; CHECK-NEXT: call void @__tracealloc__ZdlPvmSt11align_val_t(ptr %p, i64 8, i64 32, ptr @[[C12]]), !dbg
  call void @_ZdlPvmSt11align_val_t(ptr %p, i64 8, i64 32), !dbg !112
; CHECK-NEXT: call void @__tracealloc__ZdlPvSt11align_val_tRKSt9nothrow_t(ptr %p, i64 32, ptr @_ZSt7nothrow, ptr @[[C13]]), !dbg
  call void @_ZdlPvSt11align_val_tRKSt9nothrow_t(ptr %p, i64 32, ptr @_ZSt7nothrow), !dbg !113
; CHECK-NEXT: call void @__tracealloc__ZdaPv(ptr %p, ptr @[[C14]]), !dbg
  call void @_ZdaPv(ptr %p), !dbg !114
; CHECK-NEXT: call void @__tracealloc__ZdaPvm(ptr %p, i64 8, ptr @[[C15]]), !dbg
  call void @_ZdaPvm(ptr %p, i64 8), !dbg !115
; CHECK-NEXT: call void @__tracealloc__ZdaPvRKSt9nothrow_t(ptr %p, ptr @_ZSt7nothrow, ptr @[[C16]]), !dbg
  call void @_ZdaPvRKSt9nothrow_t(ptr %p, ptr @_ZSt7nothrow), !dbg !116
; CHECK-NEXT: call void @__tracealloc__ZdaPvSt11align_val_t(ptr %p, i64 32, ptr @[[C17]]), !dbg
  call void @_ZdaPvSt11align_val_t(ptr %p, i64 32), !dbg !117
; CHECK-NEXT: call void @__tracealloc__ZdaPvmSt11align_val_t(ptr %p, i64 8, i64 32, ptr @[[C18]]), !dbg
  call void @_ZdaPvmSt11align_val_t(ptr %p, i64 8, i64 32), !dbg !118
; CHECK-NEXT: call void @__tracealloc__ZdaPvSt11align_val_tRKSt9nothrow_t(ptr %p, i64 32, ptr @_ZSt7nothrow, ptr @[[C19]]), !dbg
  call void @_ZdaPvSt11align_val_tRKSt9nothrow_t(ptr %p, i64 32, ptr @_ZSt7nothrow), !dbg !119
  ret void
}

; CHECK-LABEL: define void @_Z7invokesv(
define void @_Z7invokesv(ptr %p) personality ptr @__gxx_personality_v0 !dbg !12 {
entry:
; CHECK: %i0 = invoke ptr @__tracealloc__Znwm(i64 1, ptr @[[I0]])
; CHECK-NEXT: to label %bb1 unwind label %lpad, !dbg
  %i0 = invoke ptr @_Znwm(i64 1)
          to label %bb1 unwind label %lpad, !dbg !200
bb1:
; CHECK: %i1 = invoke ptr @__tracealloc__ZnwmRKSt9nothrow_t(i64 2, ptr @_ZSt7nothrow, ptr @[[I1]])
; CHECK-NEXT: to label %bb2 unwind label %lpad, !dbg
  %i1 = invoke ptr @_ZnwmRKSt9nothrow_t(i64 2, ptr @_ZSt7nothrow)
          to label %bb2 unwind label %lpad, !dbg !201
bb2:
; CHECK: %i2 = invoke ptr @__tracealloc__ZnwmSt11align_val_t(i64 3, i64 32, ptr @[[I2]])
; CHECK-NEXT: to label %bb3 unwind label %lpad, !dbg
  %i2 = invoke ptr @_ZnwmSt11align_val_t(i64 3, i64 32)
          to label %bb3 unwind label %lpad, !dbg !202
bb3:
; CHECK: %i3 = invoke ptr @__tracealloc__ZnwmSt11align_val_tRKSt9nothrow_t(i64 4, i64 32, ptr @_ZSt7nothrow, ptr @[[I3]])
; CHECK-NEXT: to label %bb4 unwind label %lpad, !dbg
  %i3 = invoke ptr @_ZnwmSt11align_val_tRKSt9nothrow_t(i64 4, i64 32, ptr @_ZSt7nothrow)
          to label %bb4 unwind label %lpad, !dbg !203
bb4:
; CHECK: %i4 = invoke ptr @__tracealloc__Znam(i64 5, ptr @[[I4]])
; CHECK-NEXT: to label %bb5 unwind label %lpad, !dbg
  %i4 = invoke ptr @_Znam(i64 5)
          to label %bb5 unwind label %lpad, !dbg !204
bb5:
; CHECK: %i5 = invoke ptr @__tracealloc__ZnamRKSt9nothrow_t(i64 6, ptr @_ZSt7nothrow, ptr @[[I5]])
; CHECK-NEXT: to label %bb6 unwind label %lpad, !dbg
  %i5 = invoke ptr @_ZnamRKSt9nothrow_t(i64 6, ptr @_ZSt7nothrow)
          to label %bb6 unwind label %lpad, !dbg !205
bb6:
; CHECK: %i6 = invoke ptr @__tracealloc__ZnamSt11align_val_t(i64 7, i64 32, ptr @[[I6]])
; CHECK-NEXT: to label %bb7 unwind label %lpad, !dbg
  %i6 = invoke ptr @_ZnamSt11align_val_t(i64 7, i64 32)
          to label %bb7 unwind label %lpad, !dbg !206
bb7:
; CHECK: %i7 = invoke ptr @__tracealloc__ZnamSt11align_val_tRKSt9nothrow_t(i64 8, i64 32, ptr @_ZSt7nothrow, ptr @[[I7]])
; CHECK-NEXT: to label %bb8 unwind label %lpad, !dbg
  %i7 = invoke ptr @_ZnamSt11align_val_tRKSt9nothrow_t(i64 8, i64 32, ptr @_ZSt7nothrow)
          to label %bb8 unwind label %lpad, !dbg !207
bb8:
; CHECK: invoke void @__tracealloc__ZdlPv(ptr %p, ptr @[[I8]])
; CHECK-NEXT: to label %bb9 unwind label %lpad, !dbg
  invoke void @_ZdlPv(ptr %p)
          to label %bb9 unwind label %lpad, !dbg !208
bb9:
; CHECK: invoke void @__tracealloc__ZdlPvm(ptr %p, i64 8, ptr @[[I9]])
; CHECK-NEXT: to label %bb10 unwind label %lpad, !dbg
  invoke void @_ZdlPvm(ptr %p, i64 8)
          to label %bb10 unwind label %lpad, !dbg !209
bb10:
; CHECK: invoke void @__tracealloc__ZdlPvRKSt9nothrow_t(ptr %p, ptr @_ZSt7nothrow, ptr @[[I10]])
; CHECK-NEXT: to label %bb11 unwind label %lpad, !dbg
  invoke void @_ZdlPvRKSt9nothrow_t(ptr %p, ptr @_ZSt7nothrow)
          to label %bb11 unwind label %lpad, !dbg !210
bb11:
; CHECK: invoke void @__tracealloc__ZdlPvSt11align_val_t(ptr %p, i64 32, ptr @[[I11]])
; CHECK-NEXT: to label %bb12 unwind label %lpad, !dbg
  invoke void @_ZdlPvSt11align_val_t(ptr %p, i64 32)
          to label %bb12 unwind label %lpad, !dbg !211
bb12:
; CHECK: invoke void @__tracealloc__ZdlPvmSt11align_val_t(ptr %p, i64 8, i64 32, ptr @[[I12]])
; CHECK-NEXT: to label %bb13 unwind label %lpad, !dbg
  invoke void @_ZdlPvmSt11align_val_t(ptr %p, i64 8, i64 32)
          to label %bb13 unwind label %lpad, !dbg !212
bb13:
; CHECK: invoke void @__tracealloc__ZdlPvSt11align_val_tRKSt9nothrow_t(ptr %p, i64 32, ptr @_ZSt7nothrow, ptr @[[I13]])
; CHECK-NEXT: to label %bb14 unwind label %lpad, !dbg
  invoke void @_ZdlPvSt11align_val_tRKSt9nothrow_t(ptr %p, i64 32, ptr @_ZSt7nothrow)
          to label %bb14 unwind label %lpad, !dbg !213
bb14:
; CHECK: invoke void @__tracealloc__ZdaPv(ptr %p, ptr @[[I14]])
; CHECK-NEXT: to label %bb15 unwind label %lpad, !dbg
  invoke void @_ZdaPv(ptr %p)
          to label %bb15 unwind label %lpad, !dbg !214
bb15:
; CHECK: invoke void @__tracealloc__ZdaPvm(ptr %p, i64 8, ptr @[[I15]])
; CHECK-NEXT: to label %bb16 unwind label %lpad, !dbg
  invoke void @_ZdaPvm(ptr %p, i64 8)
          to label %bb16 unwind label %lpad, !dbg !215
bb16:
; CHECK: invoke void @__tracealloc__ZdaPvRKSt9nothrow_t(ptr %p, ptr @_ZSt7nothrow, ptr @[[I16]])
; CHECK-NEXT: to label %bb17 unwind label %lpad, !dbg
  invoke void @_ZdaPvRKSt9nothrow_t(ptr %p, ptr @_ZSt7nothrow)
          to label %bb17 unwind label %lpad, !dbg !216
bb17:
; CHECK: invoke void @__tracealloc__ZdaPvSt11align_val_t(ptr %p, i64 32, ptr @[[I17]])
; CHECK-NEXT: to label %bb18 unwind label %lpad, !dbg
  invoke void @_ZdaPvSt11align_val_t(ptr %p, i64 32)
          to label %bb18 unwind label %lpad, !dbg !217
bb18:
; CHECK: invoke void @__tracealloc__ZdaPvmSt11align_val_t(ptr %p, i64 8, i64 32, ptr @[[I18]])
; CHECK-NEXT: to label %bb19 unwind label %lpad, !dbg
  invoke void @_ZdaPvmSt11align_val_t(ptr %p, i64 8, i64 32)
          to label %bb19 unwind label %lpad, !dbg !218
bb19:
; CHECK: invoke void @__tracealloc__ZdaPvSt11align_val_tRKSt9nothrow_t(ptr %p, i64 32, ptr @_ZSt7nothrow, ptr @[[I19]])
; CHECK-NEXT: to label %bb20 unwind label %lpad, !dbg
  invoke void @_ZdaPvSt11align_val_tRKSt9nothrow_t(ptr %p, i64 32, ptr @_ZSt7nothrow)
          to label %bb20 unwind label %lpad, !dbg !219
bb20:
  ret void

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  resume { ptr, i32 } %lp
}

; The entry points: the operator's own type plus a trailing ptr.
; CHECK-DAG: declare ptr @__tracealloc__Znwm(i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc__ZnwmRKSt9nothrow_t(i64, ptr, ptr)
; CHECK-DAG: declare ptr @__tracealloc__ZnwmSt11align_val_t(i64, i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc__ZnwmSt11align_val_tRKSt9nothrow_t(i64, i64, ptr, ptr)
; CHECK-DAG: declare ptr @__tracealloc__Znam(i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc__ZnamRKSt9nothrow_t(i64, ptr, ptr)
; CHECK-DAG: declare ptr @__tracealloc__ZnamSt11align_val_t(i64, i64, ptr)
; CHECK-DAG: declare ptr @__tracealloc__ZnamSt11align_val_tRKSt9nothrow_t(i64, i64, ptr, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdlPv(ptr, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdlPvm(ptr, i64, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdlPvRKSt9nothrow_t(ptr, ptr, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdlPvSt11align_val_t(ptr, i64, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdlPvmSt11align_val_t(ptr, i64, i64, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdlPvSt11align_val_tRKSt9nothrow_t(ptr, i64, ptr, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdaPv(ptr, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdaPvm(ptr, i64, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdaPvRKSt9nothrow_t(ptr, ptr, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdaPvSt11align_val_t(ptr, i64, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdaPvmSt11align_val_t(ptr, i64, i64, ptr)
; CHECK-DAG: declare void @__tracealloc__ZdaPvSt11align_val_tRKSt9nothrow_t(ptr, i64, ptr, ptr)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang", isOptimized: false, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "new.cpp", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!10 = distinct !DISubprogram(name: "calls", linkageName: "_Z5callsv", scope: !1, file: !1, line: 99, type: !11, scopeLine: 99, spFlags: DISPFlagDefinition, unit: !0)
!11 = !DISubroutineType(types: !{})
!12 = distinct !DISubprogram(name: "invokes", scope: !1, file: !1, line: 199, type: !11, scopeLine: 199, spFlags: DISPFlagDefinition, unit: !0)
!100 = !DILocation(line: 100, column: 5, scope: !10)
!101 = !DILocation(line: 101, column: 5, scope: !10)
!102 = !DILocation(line: 102, column: 5, scope: !10)
!103 = !DILocation(line: 103, column: 5, scope: !10)
!104 = !DILocation(line: 104, column: 5, scope: !10)
!105 = !DILocation(line: 105, column: 5, scope: !10)
!106 = !DILocation(line: 106, column: 5, scope: !10)
!107 = !DILocation(line: 107, column: 5, scope: !10)
!108 = !DILocation(line: 108, column: 5, scope: !10)
!109 = !DILocation(line: 109, column: 5, scope: !10)
!110 = !DILocation(line: 110, column: 5, scope: !10)
!111 = !DILocation(line: 111, column: 5, scope: !10)
!112 = !DILocation(line: 112, column: 5, scope: !10)
!113 = !DILocation(line: 113, column: 5, scope: !10)
!114 = !DILocation(line: 114, column: 5, scope: !10)
!115 = !DILocation(line: 115, column: 5, scope: !10)
!116 = !DILocation(line: 116, column: 5, scope: !10)
!117 = !DILocation(line: 117, column: 5, scope: !10)
!118 = !DILocation(line: 118, column: 5, scope: !10)
!119 = !DILocation(line: 119, column: 5, scope: !10)
!200 = !DILocation(line: 200, column: 7, scope: !12)
!201 = !DILocation(line: 201, column: 7, scope: !12)
!202 = !DILocation(line: 202, column: 7, scope: !12)
!203 = !DILocation(line: 203, column: 7, scope: !12)
!204 = !DILocation(line: 204, column: 7, scope: !12)
!205 = !DILocation(line: 205, column: 7, scope: !12)
!206 = !DILocation(line: 206, column: 7, scope: !12)
!207 = !DILocation(line: 207, column: 7, scope: !12)
!208 = !DILocation(line: 208, column: 7, scope: !12)
!209 = !DILocation(line: 209, column: 7, scope: !12)
!210 = !DILocation(line: 210, column: 7, scope: !12)
!211 = !DILocation(line: 211, column: 7, scope: !12)
!212 = !DILocation(line: 212, column: 7, scope: !12)
!213 = !DILocation(line: 213, column: 7, scope: !12)
!214 = !DILocation(line: 214, column: 7, scope: !12)
!215 = !DILocation(line: 215, column: 7, scope: !12)
!216 = !DILocation(line: 216, column: 7, scope: !12)
!217 = !DILocation(line: 217, column: 7, scope: !12)
!218 = !DILocation(line: 218, column: 7, scope: !12)
!219 = !DILocation(line: 219, column: 7, scope: !12)
