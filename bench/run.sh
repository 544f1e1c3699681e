#!/bin/sh
# Runs the TraceAlloc benchmarks: bench/run.sh [--quick|--smoke] [--runs N]
# [--llvm N] [--nframe 1,16] ... (--help lists all options).
# See docs/benchmarks.md for what is measured and how to read the table.
exec python3 "$(dirname "$0")/bench.py" "$@"
