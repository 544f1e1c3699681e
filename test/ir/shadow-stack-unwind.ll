; Ways out of frames that skip their returns. An exception unwinds through
; frames that do not give their slots back, and a longjmp skips them
; altogether; so where control lands again in a frame function - its landing
; pads, and the second return of setjmp (any returns_twice call) - the frame
; sets the depth back to its own (d + 1) and clears its slot. `resume`
; leaves the frame like `ret`.
;
; So that code we did not compile may catch an exception that unwinds
; through a frame, every call that may throw leaves the frame through a
; cleanup landing pad of its own (with the C personality if the function had
; none); catch-only landing pads with typed clauses get the cleanup flag (an
; exception they do not catch enters them too, and leaves by their resume).
;
; An invoke's "after the call" is its normal destination: shared with another
; predecessor, the edge is split so the store runs only after this call.

; RUN: %opt -load-pass-plugin=%plugin -passes=tracealloc -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @may_throw()
declare i32 @setjmp(ptr) returns_twice
declare i32 @__gxx_personality_v0(...)

; CHECK-LABEL: define void @invokes(
; CHECK: %tracealloc.depth = load volatile i64, ptr %[[S:[0-9]+]]
; CHECK: %[[D1:[0-9]+]] = add nuw i64 %tracealloc.depth, 1
; CHECK: store volatile ptr @[[REC:tracealloc.call[.0-9]*]], ptr %tracealloc.slot
; CHECK-NEXT: invoke void @may_throw()
; CHECK-NEXT: to label %[[EDGE:tracealloc.ret]] unwind label %lp
; The normal destination %join has two predecessors: a block of its own,
; placed before it, where the callee is not this module's: depth and slot set
; again.
; CHECK: [[EDGE]]:
; CHECK-NEXT: store volatile i64 %[[D1]], ptr %[[S]]
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot
; CHECK-NEXT: br label %join
; CHECK: join:
; CHECK-NEXT: %v = phi i32 [ 1, %[[EDGE]] ], [ 2, %other ]
; CHECK-NEXT: store volatile i64 %tracealloc.depth, ptr %[[S]]
; CHECK-NEXT: ret void
; CHECK: lp:
; CHECK-NEXT: %l = landingpad { ptr, i32 }
; CHECK-NEXT: catch ptr null
; CHECK-NEXT: store volatile i64 %[[D1]], ptr %[[S]]
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot
; CHECK-NEXT: br i1 %c, label %other, label %rethrow
; CHECK: rethrow:
; CHECK-NEXT: store volatile i64 %tracealloc.depth, ptr %[[S]]
; CHECK-NEXT: resume { ptr, i32 } %l
define void @invokes(i1 %c) personality ptr @__gxx_personality_v0 {
entry:
  invoke void @may_throw()
          to label %join unwind label %lp
other:
  br label %join
join:
  %v = phi i32 [ 1, %entry ], [ 2, %other ]
  ret void
lp:
  %l = landingpad { ptr, i32 }
          catch ptr null
  br i1 %c, label %other, label %rethrow
rethrow:
  resume { ptr, i32 } %l
}

; setjmp itself cannot allocate: no record around it, but the resync after.
; CHECK-LABEL: define i32 @uses_setjmp(
; CHECK: %[[D1:[0-9]+]] = add nuw i64 %tracealloc.depth, 1
; CHECK-NEXT: store volatile i64 %[[D1]], ptr %[[S:[0-9]+]]
; CHECK-NEXT: %r = call i32 @setjmp(ptr %buf)
; CHECK-NEXT: store volatile i64 %[[D1]], ptr %[[S]]
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot
; CHECK-NEXT: store volatile ptr @{{tracealloc.call[.0-9]*}}, ptr %tracealloc.slot
; CHECK-NEXT: call void @may_throw()
define i32 @uses_setjmp(ptr %buf) nounwind {
  %r = call i32 @setjmp(ptr %buf)
  call void @may_throw()
  ret i32 %r
}

@_ZTIi = external constant ptr

; A call that may throw in a function without a personality: an invoke to the
; frame's cleanup, which gives the slot back like any landing pad and resume.
; CHECK-LABEL: define void @unwinds() personality ptr @__gcc_personality_v0 {
; CHECK: %[[D1:[0-9]+]] = add nuw i64 %tracealloc.depth, 1
; CHECK-NEXT: store volatile i64 %[[D1]], ptr %[[S:[0-9]+]]
; CHECK-NEXT: store volatile ptr @{{tracealloc.call[.0-9]*}}, ptr %tracealloc.slot
; CHECK-NEXT: invoke void @may_throw()
; CHECK-NEXT: to label %[[CONT:.*]] unwind label %tracealloc.cleanup
; CHECK: [[CONT]]:
; CHECK-NEXT: store volatile i64 %[[D1]], ptr %[[S]]
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot
; CHECK-NEXT: store volatile i64 %tracealloc.depth, ptr %[[S]]
; CHECK-NEXT: ret void
; CHECK: tracealloc.cleanup:
; CHECK-NEXT: %[[LP:[0-9]+]] = landingpad { ptr, i32 }
; CHECK-NEXT: cleanup
; CHECK-NEXT: store volatile i64 %[[D1]], ptr %[[S]]
; CHECK-NEXT: store volatile ptr null, ptr %tracealloc.slot
; CHECK-NEXT: store volatile i64 %tracealloc.depth, ptr %[[S]]
; CHECK-NEXT: resume { ptr, i32 } %[[LP]]
define void @unwinds() {
  call void @may_throw()
  ret void
}

; catch (int): the cleanup flag is added. A call that cannot throw stays a
; call.
; CHECK-LABEL: define void @typed_catch(
; CHECK: call void @may_throw() #[[NOUNWIND:[0-9]+]]
; CHECK: %l = landingpad { ptr, i32 }
; CHECK-NEXT: cleanup
; CHECK-NEXT: catch ptr @_ZTIi
; CHECK-NOT: tracealloc.cleanup
; CHECK: }
define void @typed_catch() personality ptr @__gxx_personality_v0 {
entry:
  invoke void @may_throw()
          to label %done unwind label %lp
done:
  call void @may_throw() nounwind
  ret void
lp:
  %l = landingpad { ptr, i32 }
          catch ptr @_ZTIi
  resume { ptr, i32 } %l
}

; An exception specification (filter) is left as it is.
; CHECK-LABEL: define void @filtered(
; CHECK: %l = landingpad { ptr, i32 }
; CHECK-NEXT: filter [1 x ptr] [ptr @_ZTIi]
; CHECK-NEXT: store volatile
define void @filtered() personality ptr @__gxx_personality_v0 {
entry:
  invoke void @may_throw()
          to label %done unwind label %lp
done:
  ret void
lp:
  %l = landingpad { ptr, i32 }
          filter [1 x ptr] [ptr @_ZTIi]
  resume { ptr, i32 } %l
}

; CHECK: declare i32 @__gcc_personality_v0(...)
; CHECK: attributes #[[NOUNWIND]] = { nounwind }
