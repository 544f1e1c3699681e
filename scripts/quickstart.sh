#!/usr/bin/env bash
# scripts/quickstart.sh - install, build, and run the demo with its report.
#
# 1. installs the missing Debian packages (LLVM/Clang 19 and 22, CMake, ...),
# 2. builds TraceAlloc in build/ against the newest supported LLVM,
# 3. compiles examples/wordfreq.cpp with build/bin/tracealloc-clang++ and runs
#    it on the documentation: its report goes to stderr when it exits.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$TRACEALLOC_ROOT"

header "Installing dependencies"
bash scripts/install-deps.sh

header "Building TraceAlloc in build/"
configure_and_build build

header "Compiling examples/wordfreq.cpp with the wrapper"
echo "+ build/bin/tracealloc-clang++ -O2 examples/wordfreq.cpp -o build/wordfreq"
build/bin/tracealloc-clang++ -O2 examples/wordfreq.cpp -o build/wordfreq

header "Running it: its output, and the TraceAlloc report (stderr, at exit)"
echo "+ build/wordfreq README.md docs/*.md"
build/wordfreq README.md docs/*.md
