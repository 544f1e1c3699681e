; What the pass emitted for ABI version 1, before the shadow stack (see
; abi-version.test).
declare void @__tracealloc_register_sites_v1(ptr, ptr)

define i32 @main() {
  call void @__tracealloc_register_sites_v1(ptr null, ptr null)
  ret i32 0
}
