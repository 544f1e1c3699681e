# scripts/common.sh - helpers shared by quickstart.sh and test-all.sh (sourced).
# shellcheck shell=bash

# Repository root, whatever the caller's working directory.
TRACEALLOC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=$(nproc 2>/dev/null || echo 2)

header() {
  printf '\n==== %s\n' "$*"
}

# Supported LLVM majors installed on this machine, newest first.
installed_llvm_majors() {
  local major
  for major in 22 21 20 19; do
    if [ -f "/usr/lib/llvm-$major/lib/cmake/llvm/LLVMConfig.cmake" ] &&
       [ -x "/usr/lib/llvm-$major/bin/clang" ]; then
      echo "$major"
    fi
  done
}

# configure_and_build BUILD_DIR [CMAKE_ARGS...]
# Configures (Ninja when available) and builds; the output goes to
# BUILD_DIR/build.log and is shown only on failure.
configure_and_build() {
  local dir=$1
  shift
  local args=("$@")
  if [ ! -f "$dir/CMakeCache.txt" ] && command -v ninja >/dev/null; then
    args=(-G Ninja "${args[@]}")
  fi
  mkdir -p "$dir"
  if ! { cmake -S "$TRACEALLOC_ROOT" -B "$dir" "${args[@]}" &&
         cmake --build "$dir" -j "$JOBS"; } >"$dir/build.log" 2>&1; then
    tail -n 60 "$dir/build.log"
    echo "error: configuring or building $dir failed (log: $dir/build.log)" >&2
    return 1
  fi
  echo "built $dir ($(grep -m1 'building against LLVM' "$dir/build.log" | sed 's/.*building against //'))"
}
