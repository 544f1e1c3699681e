// Many allocation sites in one module (more than one 1024-site chunk of the
// runtime's counter tables): a generated program with 1500 lines, line k+3
// allocating k bytes, all kept. Every site is counted at its own line.
//
// RUN: sh -c 'printf "#include <stdlib.h>\nvoid *volatile g_sink;\nint main(void) {\n"; i=1; while [ $i -le 1500 ]; do printf "  g_sink = malloc(%%d);\n" $i; i=$((i+1)); done; printf "  return 0;\n}\n"' > %t.gen.c
// RUN: %tracealloc_cc -O2 %t.gen.c -o %t
// RUN: env TRACEALLOC_OPTIONS=report_top=3 %t 2> %t.err
// RUN: FileCheck %s --input-file %t.err -DGEN=%t.gen.c
// RUN: env TRACEALLOC_OPTIONS=report_top=2000 %t 2> %t.all.err
// RUN: FileCheck %s --check-prefix=ALL --input-file %t.all.err -DGEN=%t.gen.c

// Sum 1..1500 = 1125750 B = 1099.4 KiB; the 1497 smallest: 1121253 B.
// CHECK: TraceAlloc report for
// CHECK-NEXT: Traced memory: current=1099 KiB, peak=1099 KiB
// CHECK-EMPTY:
// CHECK-NEXT: Top 3 lines by memory allocated over the run:
// CHECK-NEXT: #1: [[GEN]]:1503: size=1500 B, count=1, average=1500 B
// CHECK-NEXT: g_sink = malloc(1500);
// CHECK-NEXT: #2: [[GEN]]:1502: size=1499 B, count=1, average=1499 B
// CHECK-NEXT: g_sink = malloc(1499);
// CHECK-NEXT: #3: [[GEN]]:1501: size=1498 B, count=1, average=1498 B
// CHECK-NEXT: g_sink = malloc(1498);
// CHECK-NEXT: 1497 other: size=1095 KiB, count=1497
// CHECK-NEXT: Total: size=1099 KiB, count=1500

// Every line, in order: line k+3 has k bytes.
// ALL: Top 2000 lines by memory allocated over the run:
// ALL-NEXT: #1: [[GEN]]:1503: size=1500 B, count=1, average=1500 B
// ALL-NEXT: g_sink = malloc(1500);
// ALL-COUNT-1497: {{^#[0-9]+: .*:[0-9]+: size=[0-9]+ B, count=1, average=[0-9]+ B$}}
// ALL: #1499: [[GEN]]:5: size=2 B, count=1, average=2 B
// ALL-NEXT: g_sink = malloc(2);
// ALL-NEXT: #1500: [[GEN]]:4: size=1 B, count=1, average=1 B
// ALL-NEXT: g_sink = malloc(1);
// ALL-NEXT: Total: size=1099 KiB, count=1500
