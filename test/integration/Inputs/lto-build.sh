#!/bin/sh
# lto-build.sh OUT LTO LINKER CC [CFLAGS...]
#   Compiles Inputs/lto-main.c and Inputs/lto-lib.c with `CC -O2 -flto=LTO
#   CFLAGS` and links them with `CC -O2 -flto=LTO -fuse-ld=LINKER CFLAGS`
#   into OUT; fails unless both objects are LLVM bitcode, so the link really
#   is link-time optimized.
set -eu
out=$1 lto=$2 linker=$3 cc=$4
shift 4
inputs=$(dirname "$0")
"$cc" -O2 "-flto=$lto" "$@" -c "$inputs/lto-main.c" -o "$out.main.o"
"$cc" -O2 "-flto=$lto" "$@" -c "$inputs/lto-lib.c" -o "$out.lib.o"
for object in "$out.main.o" "$out.lib.o"; do
  if [ "$(head -c 4 "$object" | od -An -tx1 | tr -d ' \n')" != "4243c0de" ]; then
    echo "lto-build.sh: $object is not LLVM bitcode" >&2
    exit 1
  fi
done
"$cc" -O2 "-flto=$lto" "-fuse-ld=$linker" "$@" "$out.main.o" "$out.lib.o" -o "$out"
