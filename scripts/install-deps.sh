#!/usr/bin/env bash
# scripts/install-deps.sh - install what TraceAlloc needs on Debian 12 / Ubuntu.
#
# Both supported LLVM releases (19 and 22: headers, clang, lld, lit/FileCheck,
# sanitizer and libFuzzer runtimes), CMake, Ninja and Python 3; and what the
# test suite's real consumers need: Go (go tool pprof), Chromium (the HTML
# report), Meson, Autotools and pkg-config (the build-system examples), and
# dpkg-dev (the .deb package). Asks apt only when a package is missing, so it
# is cheap to run again. Needs root (or sudo).
# Usage: scripts/install-deps.sh [LLVM_MAJOR...]   (default: 19 22)
set -euo pipefail

majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(19 22)

packages=(cmake ninja-build make g++ python3 golang-go chromium meson autoconf automake
  libtool pkgconf dpkg-dev file)
for major in "${majors[@]}"; do
  packages+=("llvm-$major-dev" "clang-$major" "llvm-$major-tools" "libclang-rt-$major-dev"
    "lld-$major")
done

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
