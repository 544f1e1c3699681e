#!/usr/bin/env bash
# scripts/test-all.sh - the whole test suite, on every supported LLVM installed.
#
# For each LLVM (newest first): build in build-llvmN/ and run every lit test
# through ctest. Then, with the newest LLVM, build the runtime with
# ThreadSanitizer (build-llvmN-tsan/) and with AddressSanitizer
# (build-llvmN-asan/) and run the end-to-end, API and example tests against each.
# Ends with one line "N passed, N failed" summed over all runs; exits
# non-zero if any test, build or run failed.
#
# Environment: TRACEALLOC_LLVM_MAJORS="22 19" to choose the LLVMs,
# TRACEALLOC_SKIP_SANITIZERS=1 to skip the sanitizer runs.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$TRACEALLOC_ROOT"

passed=0
failed=0
skipped=0
status=0

# run_ctest BUILD_DIR [CTEST_ARGS...]: runs ctest, prints its summary (and
# the output of failed tests), adds its counts to the totals.
run_ctest() {
  local dir=$1
  shift
  local log=$dir/ctest.log junit=$PWD/$dir/ctest-junit.xml
  rm -f "$junit"
  local rc=0
  ctest --test-dir "$dir" -j "$JOBS" --output-on-failure --no-tests=error \
    --output-junit "$junit" "$@" >"$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    # The failed tests' output, without the lines of passing tests.
    { grep -v -E '^ *(Start +[0-9]+:|[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed)' "$log" || true; } |
      sed -n '/tests passed/q;p' | tail -n 200
    status=1
  fi
  sed -n '/tests passed/,$p' "$log"
  if [ ! -f "$junit" ]; then
    echo "error: ctest wrote no results for $dir (exit $rc)" >&2
    failed=$((failed + 1))
    return
  fi
  local counts
  counts=$(python3 - "$junit" <<'PY'
import sys
import xml.etree.ElementTree as ET
s = ET.parse(sys.argv[1]).getroot()
tests = int(s.get("tests", 0))
failures = int(s.get("failures", 0)) + int(s.get("errors", 0) or 0)
skipped = int(s.get("skipped", 0)) + int(s.get("disabled", 0) or 0)
print(tests - failures - skipped, failures, skipped)
PY
) || true
  local p=0 f=1 s=0
  read -r p f s <<<"$counts" || true
  if ! [[ "$p $f $s" =~ ^[0-9]+\ [0-9]+\ [0-9]+$ ]]; then
    echo "error: could not read ctest's results for $dir" >&2
    p=0 f=1 s=0
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    failed=$((failed + 1)) # ctest failed without a failed test
  fi
}

# build_failed WHAT: a configure/build that failed counts as one failure.
build_failed() {
  echo "error: $1 failed; its tests did not run" >&2
  failed=$((failed + 1))
  status=1
}

read -r -a majors <<<"${TRACEALLOC_LLVM_MAJORS:-$(installed_llvm_majors | tr '\n' ' ')}"
if [ ${#majors[@]} -eq 0 ]; then
  echo "error: no supported LLVM (19..22) installed; run scripts/install-deps.sh" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "LLVM releases to test: ${majors[*]}"

start=$SECONDS
for major in "${majors[@]}"; do
  dir=build-llvm$major
  header "LLVM $major: build ($dir)"
  if ! configure_and_build "$dir" -DLLVM_DIR="/usr/lib/llvm-$major/lib/cmake/llvm"; then
    build_failed "the LLVM $major build"
    continue
  fi
  header "LLVM $major: all tests (ctest)"
  run_ctest "$dir"
done

if [ -z "${TRACEALLOC_SKIP_SANITIZERS:-}" ]; then
  major=${majors[0]}
  for sanitizer in thread address; do
    case $sanitizer in
      thread) dir=build-llvm$major-tsan ;;
      address) dir=build-llvm$major-asan ;;
    esac
    header "LLVM $major, runtime with -fsanitize=$sanitizer: build ($dir)"
    if ! configure_and_build "$dir" -DLLVM_DIR="/usr/lib/llvm-$major/lib/cmake/llvm" \
        -DTRACEALLOC_SANITIZER=$sanitizer; then
      build_failed "the $sanitizer-sanitized build"
      continue
    fi
    header "LLVM $major, runtime with -fsanitize=$sanitizer: end-to-end, API and example tests"
    run_ctest "$dir" -R '^(e2e|api|examples)/'
  done
fi

header "Summary ($((SECONDS - start)) s)"
if [ "$skipped" -gt 0 ]; then
  echo "$skipped tests skipped (UNSUPPORTED in that configuration)"
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
