; What the pass would emit for ABI version 3 (see abi-version.test).
declare void @__tracealloc_register_sites_v3(ptr, ptr)

define i32 @main() {
  call void @__tracealloc_register_sites_v3(ptr null, ptr null)
  ret i32 0
}
