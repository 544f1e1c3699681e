#!/bin/sh
# lines.sh FILE: FileCheck's -D#NAME=LINE for each "// NAME" marker that
# ends a line of FILE (phases.c: LK, LA, LB, LT, LM, LH, LC).
grep -n '// L[A-Z]$' "$1" | sed 's|^\([0-9]*\):.*// \(L[A-Z]\)$|-D#\2=\1|' | tr '\n' ' '
