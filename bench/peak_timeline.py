#!/usr/bin/env python3
"""Cost of peak-per-line tracking and the timeline, and snapshot file I/O.

  bench/peak_timeline.py --with BUILD_ON --without BUILD_OFF [--runs N]

BUILD_ON and BUILD_OFF are two TraceAlloc build trees of the same sources,
the second configured with -DTRACEALLOC_PEAK_TIMELINE=OFF (which compiles
the hooks out of the runtime's hot path: the core alone). Each workload is
built with each tree's tracealloc-clang and run interleaved, round by round;
the table gives the median of the per-round ratios ON / OFF of the time the
workload reports. Then bench/workloads/snapshot_io.c, built with BUILD_ON,
times take_snapshot, dump, load and statistics for 1 million live blocks.
docs/guide-peak.md explains the figures. Standard library only.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
WORKLOAD_DIR = os.path.join(BENCH_DIR, "workloads")
WORKLOADS = [
    ("malloc_free_loop", "malloc_free_loop.c", []),
    ("realloc_heavy", "realloc_heavy.c", []),
    ("cross_thread_free", "cross_thread_free.c", ["-pthread"]),
    ("peak_ramp", "peak_ramp.c", []),
]
FIELDS_RE = re.compile(r"(\w+)=([0-9.]+)")


def build(tree, source, flags, out):
    cc = os.path.join(tree, "bin", "tracealloc-clang")
    cmd = [cc, "-O2", "-I", WORKLOAD_DIR, os.path.join(WORKLOAD_DIR, source),
           "-o", out] + flags
    subprocess.run(cmd, check=True)


def run(binary, args=()):
    env = dict(os.environ, TRACEALLOC_OPTIONS="report=0")
    out = subprocess.run([binary, *args], env=env, check=True,
                         capture_output=True, text=True).stdout
    return {k: float(v) for k, v in FIELDS_RE.findall(out)}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--with", dest="on", required=True,
                   help="build tree with the hooks (the default build)")
    p.add_argument("--without", dest="off", required=True,
                   help="build tree configured -DTRACEALLOC_PEAK_TIMELINE=OFF")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--scale", default="1")
    a = p.parse_args()
    tmp = tempfile.mkdtemp(prefix="peak-bench-")
    print("| workload | core alone s | with peak + timeline s | ratio |")
    print("|---|---|---|---|")
    for name, source, flags in WORKLOADS:
        bins = {}
        for variant, tree in (("off", a.off), ("on", a.on)):
            bins[variant] = os.path.join(tmp, "%s.%s" % (name, variant))
            build(tree, source, flags, bins[variant])
        secs = {"off": [], "on": []}
        ratios = []
        for _ in range(a.runs):
            off = run(bins["off"], [a.scale])["seconds"]
            on = run(bins["on"], [a.scale])["seconds"]
            secs["off"].append(off)
            secs["on"].append(on)
            ratios.append(on / off)
        print("| %s | %.3f | %.3f | %.3fx |" % (
            name, statistics.median(secs["off"]), statistics.median(secs["on"]),
            statistics.median(ratios)))
        sys.stdout.flush()
    binary = os.path.join(tmp, "snapshot_io")
    build(a.on, "snapshot_io.c", [], binary)
    snap = os.path.join(tmp, "io.snap")
    rows = [run(binary, [a.scale, snap]) for _ in range(a.runs)]
    med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    print()
    print("snapshot of %d live blocks (%d traces, file %.1f MiB), median of %d:"
          % (med["ops"], med["traces"], med["file_mib"], a.runs))
    print()
    print("| take_snapshot s | dump s | load s | statistics(lineno) s |")
    print("|---|---|---|---|")
    print("| %.3f | %.3f | %.3f | %.3f |" % (med["take_s"], med["dump_s"],
                                           med["load_s"], med["statistics_s"]))


if __name__ == "__main__":
    main()
