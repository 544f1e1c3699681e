#!/usr/bin/env python3
"""TraceAlloc benchmark runner (called by bench/run.sh; see docs/benchmarks.md).

Builds the workloads in bench/workloads plain (the selected LLVM's clang) and
instrumented (tracealloc-clang), runs them interleaved with heaptrack and
Valgrind massif on the plain binary, and prints wall-time and peak-RSS ratios
against the plain build, the per-block memory overhead, and the compile-time
cost of the pass. Standard library only.
"""
import argparse
import datetime
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
WORKLOAD_DIR = os.path.join(BENCH_DIR, "workloads")

# name, source, extra link flags, target for instrumented/plain wall time
# (None: no time target; live_blocks has a memory target instead).
WORKLOADS = [
    ("malloc_free_loop", "malloc_free_loop.c", [], 1.5),
    ("realloc_heavy", "realloc_heavy.c", [], 1.5),
    ("mixed_cxx", "mixed_cxx.cpp", [], 1.10),
    ("cross_thread_free", "cross_thread_free.c", ["-pthread"], 1.3),
    ("live_blocks", "live_blocks.c", [], None),
    # The call-site shadow stack's cost where calls dominate (issue 4).
    ("call_heavy", "call_heavy.c", [], None),
]
BYTES_PER_BLOCK_TARGET = 24
# Workload line printed on stdout by each program (bench_util.h).
RESULT_RE = re.compile(r"^(\w+): (checksum=.*)$", re.M)
# Extra per-workload figure shown in the table's last column.
EXTRA_KEY = {
    "malloc_free_loop": ("ns_per_pair", "ns/pair"),
    "realloc_heavy": None,
    "mixed_cxx": None,
    "cross_thread_free": ("mfrees_per_s", "M frees/s"),
    "live_blocks": None,
    "call_heavy": ("ns_per_call", "ns/call"),
}
TOOLS = ("heaptrack", "massif")
GNU_TIME = "/usr/bin/time"  # Debian package "time"
LOAD_AT_START = "?"

# -gdwarf-4: Valgrind 3.19 (Debian 12) cannot read clang's default DWARF 5
# and warns on every run; the same flags are used for every variant.
CFLAGS = ["-O2", "-g", "-gdwarf-4"]
CXXFLAGS = ["-std=c++17"] + CFLAGS


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def die(msg):
    log("bench: error: " + msg)
    sys.exit(1)


def run_checked(cmd, **kw):
    log("+ " + " ".join(shlex.quote(c) for c in cmd))
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, **kw)
    if r.returncode != 0:
        log(r.stdout)
        raise RuntimeError("command failed (%d): %s" % (r.returncode, cmd[0]))
    return r.stdout


def newest_llvm():
    for major in (22, 21, 20, 19):
        if os.path.exists("/usr/lib/llvm-%d/bin/clang" % major):
            return major
    die("no LLVM 19..22 found under /usr/lib/llvm-N")


# ---------------------------------------------------------------- building --

def build_tracealloc(args, llvm_prefix):
    """Returns the TraceAlloc prefix (dir with bin/tracealloc-clang), or None."""
    if args.tracealloc:
        prefix = os.path.abspath(args.tracealloc)
    else:
        build = os.path.join(args.workdir, "tracealloc-build")
        gen = ["-G", "Ninja"] if shutil.which("ninja") else []
        try:
            if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
                run_checked(["cmake", "-S", REPO_DIR, "-B", build] + gen + [
                    "-DLLVM_DIR=%s/lib/cmake/llvm" % llvm_prefix,
                    "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_TESTING=OFF"])
            run_checked(["cmake", "--build", build])
        except RuntimeError as e:
            log("bench: building TraceAlloc failed: %s" % e)
            return None
        prefix = build
    for tool in ("tracealloc-clang", "tracealloc-clang++"):
        if not os.access(os.path.join(prefix, "bin", tool), os.X_OK):
            log("bench: %s/bin/%s is missing" % (prefix, tool))
            return None
    return prefix


def build_workloads(args, llvm_prefix, ta_prefix):
    """Compiles every selected workload; returns {name: {variant: path}}."""
    bindir = os.path.join(args.workdir, "bin")
    os.makedirs(bindir, exist_ok=True)
    out = {}
    for name, src, ldflags, _ in args.workload_list:
        path = os.path.join(WORKLOAD_DIR, src)
        cxx = src.endswith(".cpp")
        flags = (CXXFLAGS if cxx else CFLAGS) + ["-I" + WORKLOAD_DIR]
        plain_cc = os.path.join(llvm_prefix, "bin", "clang++" if cxx else "clang")
        exe = {"plain": os.path.join(bindir, name + ".plain")}
        run_checked([plain_cc] + flags + [path, "-o", exe["plain"]] + ldflags)
        if ta_prefix:
            ta_cc = os.path.join(ta_prefix, "bin",
                                 "tracealloc-clang++" if cxx else "tracealloc-clang")
            exe["tracealloc"] = os.path.join(bindir, name + ".tracealloc")
            run_checked([ta_cc] + flags + [path, "-o", exe["tracealloc"]] + ldflags)
            check_instrumented(exe["tracealloc"])
        out[name] = exe
    return out


def check_instrumented(exe):
    """A wrapper that silently dropped the plugin would make the numbers lie."""
    try:
        sections = subprocess.run(["readelf", "-SW", exe], stdout=subprocess.PIPE,
                                  text=True).stdout
    except OSError:
        return
    if "__tracealloc_sites" not in sections:
        die("%s has no __tracealloc_sites section: not instrumented" % exe)


# ---------------------------------------------------------------- running ---

class Run:
    def __init__(self, wall, cpu, maxrss_kb, result, output):
        self.round = 0  # set by run_workloads
        self.wall = wall
        self.cpu = cpu  # user + system seconds, of the process and its children
        self.maxrss_kb = maxrss_kb
        self.result = result  # dict of key=value from the workload's line
        self.output = output


def cpu_busy(interval=0.3):
    """Fraction of all CPUs busy (not idle/iowait) over `interval` seconds."""
    def sample():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return sum(v), v[3] + v[4]
    try:
        t1, i1 = sample()
        time.sleep(interval)
        t2, i2 = sample()
    except (OSError, ValueError, IndexError):
        return 0.0
    return 1.0 - (i2 - i1) / max(1, t2 - t1)


BUSY_RUNS = [0, 0]  # [runs started on a busy machine, runs]
WAIT_LEFT = [0.0]   # seconds of --max-wait not yet spent


def wait_for_idle(args):
    """Before a measured run: wait until other processes use under 10% of
    the machine, so their load does not land in one variant's runs. All the
    waits of a session share one budget (--max-wait), which bounds the total
    time; once it is spent, runs start at once and busy ones are counted."""
    BUSY_RUNS[1] += 1
    if args.smoke:
        return
    busy = cpu_busy()
    if busy < 0.10:
        return
    if WAIT_LEFT[0] > 0:
        log("bench: machine %.0f%% busy, waiting (budget left %.0f s)..." % (
            100 * busy, WAIT_LEFT[0]))
    while WAIT_LEFT[0] > 0:
        t0 = time.time()
        time.sleep(2)
        busy = cpu_busy()
        WAIT_LEFT[0] -= time.time() - t0
        if busy < 0.10:
            return
    BUSY_RUNS[0] += 1
    log("bench: warning: machine %.0f%% busy; running anyway" % (100 * busy))


def measure(cmd, env, tmp):
    """Runs cmd under GNU time: wall time (s), CPU time (s), peak RSS (KiB).

    Peak RSS comes from GNU time (%M), not from this process's wait4: a child
    forked from Python starts with Python's RSS as its high-water mark. %M
    covers the process and every descendant it waited for, so for heaptrack
    (a shell script) it is the largest of the program, the interpreter and
    the compressor; for massif it includes Valgrind."""
    out_path = os.path.join(tmp, "out.txt")
    rss_path = os.path.join(tmp, "rss.txt")
    with open(out_path, "w+") as out:
        t0 = time.perf_counter()
        p = subprocess.run([GNU_TIME, "-f", "%M %U %S", "-o", rss_path] + cmd,
                           stdout=out, stderr=subprocess.STDOUT, env=env, cwd=tmp)
        wall = time.perf_counter() - t0
        out.seek(0)
        text = out.read()
    if p.returncode != 0:
        raise RuntimeError("exit status %d from %s\n%s" % (p.returncode,
                                                           " ".join(cmd), text[-4000:]))
    with open(rss_path) as f:
        fields = f.read().split()[-3:]
    maxrss, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
    m = RESULT_RE.search(text)
    if not m:
        raise RuntimeError("no result line from %s\n%s" % (" ".join(cmd), text[-4000:]))
    result = dict(kv.split("=", 1) for kv in m.group(2).split())
    return Run(wall, cpu, maxrss, result, text)


def variant_commands(args, name, exes, tmp):
    """[(variant, argv, env)] for one round, in the order they run."""
    scale = "%g" % args.scale
    base_env = {k: v for k, v in os.environ.items() if k != "TRACEALLOC_OPTIONS"}
    cmds = [("plain", [exes["plain"], scale], base_env)]
    if "tracealloc" in exes:
        for nf in args.nframes:
            env = dict(base_env)
            if nf != 1:
                env["TRACEALLOC_OPTIONS"] = "nframe=%d" % nf
            cmds.append(("tracealloc-nframe%d" % nf, [exes["tracealloc"], scale], env))
    if "heaptrack" in args.tools:
        cmds.append(("heaptrack", ["heaptrack", "-o", os.path.join(tmp, "heaptrack"),
                                   exes["plain"], scale], base_env))
    if "massif" in args.tools:
        cmds.append(("massif", ["valgrind", "--tool=massif",
                                "--massif-out-file=" + os.path.join(tmp, "massif.out"),
                                exes["plain"], scale], base_env))
    return cmds


def run_workloads(args, binaries):
    """Returns {workload: {variant: [Run]}}, rounds interleaved per workload."""
    results = {}
    t_start = time.time()
    for name, _, _, _ in args.workload_list:
        results[name] = {}
        for rnd in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="tabench-") as tmp:
                for variant, cmd, env in variant_commands(args, name, binaries[name], tmp):
                    if variant in TOOLS and rnd >= args.tool_runs:
                        continue
                    wait_for_idle(args)
                    r = measure(cmd, env, tmp)
                    r.round = rnd
                    for f in os.listdir(tmp):  # heaptrack/massif data files
                        if f not in ("out.txt", "rss.txt"):
                            os.unlink(os.path.join(tmp, f))
                    if variant.startswith("tracealloc") and "TraceAlloc: warning:" in r.output:
                        raise RuntimeError("%s %s: the runtime warned:\n%s" % (
                            name, variant, "\n".join(l for l in r.output.splitlines()
                                                      if "TraceAlloc: warning" in l)))
                    if variant.startswith("tracealloc") and args.smoke and \
                            "TraceAlloc report for" not in r.output:
                        raise RuntimeError("%s: no TraceAlloc report on stderr" % name)
                    results[name].setdefault(variant, []).append(r)
                    log("[%5.0fs] %-18s round %d %-22s %7.3f s %7.2f cpu-s %8d KiB" % (
                        time.time() - t_start, name, rnd + 1, variant, r.wall,
                        r.cpu, r.maxrss_kb))
        check_checksums(name, results[name])
    return results


def check_checksums(name, by_variant):
    want = by_variant["plain"][0].result.get("checksum")
    for variant, runs in by_variant.items():
        for r in runs:
            if r.result.get("checksum") != want:
                raise RuntimeError("%s: checksum %s under %s differs from plain %s" % (
                    name, r.result.get("checksum"), variant, want))


# ------------------------------------------------------------ compile time --

def compile_time(args, llvm_prefix, ta_prefix):
    """Median -O2 -g compile time of the generated TU without/with the pass."""
    src = os.path.join(args.workdir, "big_tu.cpp")
    funcs = ["--funcs", "2"] if args.smoke else []
    run_checked([sys.executable, os.path.join(BENCH_DIR, "gen_big_tu.py"), src] + funcs)
    obj = os.path.join(args.workdir, "big_tu.o")
    base = [os.path.join(llvm_prefix, "bin", "clang++")] + CXXFLAGS + ["-c", src, "-o", obj]
    variants = [("plain", base)]
    if ta_prefix:
        variants.append(("tracealloc", base + [
            "-fpass-plugin=" + os.path.join(ta_prefix, "lib", "libTraceAlloc.so")]))
    times = {v: [] for v, _ in variants}
    for rnd in range(args.compile_runs):
        for v, cmd in variants:
            wait_for_idle(args)
            t0 = time.perf_counter()
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
            dt = time.perf_counter() - t0
            if r.returncode != 0:
                raise RuntimeError("compile failed: %s\n%s" % (" ".join(cmd), r.stdout))
            times[v].append(dt)
            log("compile round %d %-10s %7.3f s" % (rnd + 1, v, dt))
    return times, " ".join(shlex.quote(c) for c in base)


# ----------------------------------------------------------------- report ---

def med(xs):
    return statistics.median(xs) if xs else None


def paired_ratio(byv, variant, attr):
    """Median over rounds of variant/plain, each run paired with the plain run
    of its own round. Machine state drifts in streaks (e.g. cross_thread_free
    runs 1.2 s or 4.2 s plain for minutes at a time, depending on where the
    host puts the two vCPUs); adjacent runs share it, so per-round ratios are
    far steadier than a ratio of medians."""
    if variant not in byv:
        return None
    plain = {r.round: getattr(r, attr) for r in byv["plain"]}
    ratios = [getattr(r, attr) / plain[r.round] for r in byv[variant]
              if plain.get(r.round)]
    return med(ratios)


def fmt_ratio(x, target=None):
    if x is None:
        return "n/a"
    s = "%.2fx" % x
    if target is not None:
        s += " ✓" if x <= target else " ✗"
    return s


def machine_info(llvm_prefix, smoke):
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def first_line(cmd):
        try:
            return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True).stdout.splitlines()[0].strip()
        except (OSError, IndexError):
            return "?"

    commit = first_line(["git", "-C", REPO_DIR, "rev-parse", "--short", "HEAD"])
    if not re.fullmatch(r"[0-9a-f]+", commit):
        commit = "(no commit)"
    dirty = subprocess.run(["git", "-C", REPO_DIR, "status", "--porcelain"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True).stdout.strip()
    return [
        "machine: %d vCPU, %s, Linux %s, %s" % (os.cpu_count(), cpu, platform.release(),
                                               first_line(["ldd", "--version"])),
        "compiler: " + first_line([os.path.join(llvm_prefix, "bin", "clang"), "--version"]),
        "tools: heaptrack %s; %s" % (first_line(["heaptrack", "-v"]).split()[-1],
                                     first_line(["valgrind", "--version"])),
        "TraceAlloc: %s%s" % (commit, " + uncommitted changes" if dirty else ""),
        "load average at start: %s; runs that started while other processes "
        "kept the machine busy: %s" % (LOAD_AT_START, "not checked (--smoke)" if smoke
                                       else "%d of %d" % tuple(BUSY_RUNS)),
    ]


def report(args, llvm_prefix, results, ctimes, compile_cmd, elapsed):
    inst_variants = ["tracealloc-nframe%d" % nf for nf in args.nframes] \
        if args.instrumented else []
    lines = []
    add = lines.append
    add("# TraceAlloc benchmarks, %s, LLVM %d" % (
        datetime.date.today().isoformat(), args.llvm))
    add("")
    add("Command: `%s`  " % args.command_line)
    for info in machine_info(llvm_prefix, args.smoke):
        add(info + "  ")
    add("Runs: %d per workload for plain/TraceAlloc, %d for heaptrack/massif "
        "(interleaved by round); scale %g; total %.0f s. Time ratios are medians of "
        "per-round ratios (each run over the plain run of its round); seconds and "
        "RSS are medians." % (args.runs, args.tool_runs, args.scale, elapsed))
    add("")

    hdr = ["workload", "plain s"]
    hdr += ["TraceAlloc nframe=%d" % nf for nf in args.nframes] if args.instrumented else []
    hdr += [t for t in TOOLS if t in args.tools]
    hdr += ["target", "plain RSS MiB"]
    hdr += ["RSS TraceAlloc nf=%d" % nf for nf in args.nframes] if args.instrumented else []
    hdr += ["RSS " + t for t in TOOLS if t in args.tools]
    hdr += ["other (median)"]
    add("## Wall time and peak RSS, ratio to plain")
    add("")
    add("| " + " | ".join(hdr) + " |")
    add("|" + "|".join(["---"] * len(hdr)) + "|")
    for name, _, _, target in args.workload_list:
        byv = results[name]
        p_wall = med([r.wall for r in byv["plain"]])
        p_rss = med([r.maxrss_kb for r in byv["plain"]])
        row = [name, "%.3f" % p_wall]
        variants = inst_variants + [t for t in TOOLS if t in args.tools]
        for v in variants:
            tgt = target if v == "tracealloc-nframe1" and not args.smoke else None
            row.append(fmt_ratio(paired_ratio(byv, v, "wall"), tgt))
        row.append("≤ %.2fx" % target if target else
                   "≤ %d B/block" % BYTES_PER_BLOCK_TARGET if name == "live_blocks"
                   else "")
        row.append("%.1f" % (p_rss / 1024))
        for v in variants:
            row.append(fmt_ratio(med([r.maxrss_kb for r in byv[v]]) / p_rss
                                 if v in byv else None))
        extra = EXTRA_KEY.get(name)
        if extra:
            key, unit = extra
            parts = []
            for v in ["plain"] + variants:
                if v in byv:
                    parts.append("%s %.1f" % (v.replace("tracealloc-", "TA "),
                                              med([float(r.result[key]) for r in byv[v]])))
            row.append(unit + ": " + ", ".join(parts))
        else:
            row.append("")
        add("| " + " | ".join(row) + " |")
    add("")

    # Interference only ever adds time, so the fastest run of each variant is
    # the least disturbed one. On this VM the host does not always run both
    # vCPUs at once (a two-thread ping-pong takes 50 ns to 5 us per round
    # trip from one second to the next), which puts cross_thread_free in a
    # 3x slower mode for seconds at a time; best-of-N compares the fast modes.
    variants = inst_variants + [t for t in TOOLS if t in args.tools]

    def ratio_table(title, plain_header, plain_cell, ratio_of, with_targets):
        """One row per workload: plain's figure, then each variant's ratio."""
        add(title)
        add("")
        hdr = ["workload", plain_header] + [v.replace("tracealloc-", "TraceAlloc ")
                                            for v in variants]
        add("| " + " | ".join(hdr) + " |")
        add("|" + "|".join(["---"] * len(hdr)) + "|")
        for name, _, _, target in args.workload_list:
            byv = results[name]
            row = [name, plain_cell(byv)]
            for v in variants:
                tgt = (target if with_targets and v == "tracealloc-nframe1"
                       and not args.smoke else None)
                row.append(fmt_ratio(ratio_of(byv, v), tgt))
            add("| " + " | ".join(row) + " |")
        add("")

    def best_ratio(byv, v):
        if v not in byv:
            return None
        return min(r.wall for r in byv[v]) / min(r.wall for r in byv["plain"])

    ratio_table("## Wall time, best run, ratio to plain's best run", "plain best s",
                lambda byv: "%.3f" % min(r.wall for r in byv["plain"]),
                best_ratio, with_targets=True)
    # CPU time (user + system, children included) is less sensitive than wall
    # time to other work on the machine; for cross_thread_free it also counts
    # the time the two threads spin or yield.
    ratio_table("## CPU time (user + system), ratio to plain", "plain CPU s",
                lambda byv: "%.2f" % med([r.cpu for r in byv["plain"]]),
                lambda byv, v: paired_ratio(byv, v, "cpu"), with_targets=False)

    if "live_blocks" in results:
        byv = results["live_blocks"]
        blocks = int(byv["plain"][0].result["blocks"])
        p_rss = med([r.maxrss_kb for r in byv["plain"]])
        add("## Memory overhead per live block (live_blocks, %d blocks of 16..32 B)" % blocks)
        add("")
        add("| variant | peak RSS MiB | overhead bytes/block | target |")
        add("|---|---|---|---|")
        add("| plain | %.1f | 0 | |" % (p_rss / 1024))
        for v in inst_variants + [t for t in TOOLS if t in args.tools]:
            if v not in byv:
                continue
            rss = med([r.maxrss_kb for r in byv[v]])
            per = (rss - p_rss) * 1024.0 / blocks
            tgt = ""
            if v == "tracealloc-nframe1" and not args.smoke:
                tgt = "≤ %d %s" % (BYTES_PER_BLOCK_TARGET,
                                   "✓" if per <= BYTES_PER_BLOCK_TARGET else "✗")
            add("| %s | %.1f | %.1f | %s |" % (v, rss / 1024, per, tgt))
        add("")
        add("(heaptrack's RSS is the largest of its processes, massif's includes "
            "Valgrind itself.)")
        add("")

    if ctimes:
        add("## Compile time of the pass (bench/gen_big_tu.py TU, median of %d)"
            % args.compile_runs)
        add("")
        add("`%s` [`-fpass-plugin=.../libTraceAlloc.so`]" % compile_cmd)
        add("")
        add("| plain s | with pass s | ratio |")
        add("|---|---|---|")
        p = med(ctimes["plain"])
        t = med(ctimes.get("tracealloc", []))
        add("| %.2f | %s | %s |" % (p, "%.2f" % t if t else "n/a",
                                      fmt_ratio(t / p if t else None)))
        add("")

    add("<details><summary>All runs (wall s / CPU s / peak RSS KiB)</summary>")
    add("")
    for name, _, _, _ in args.workload_list:
        for v, runs in results[name].items():
            add("- %s %s: %s" % (name, v, ", ".join(
                "%.3f/%.2f/%d" % (r.wall, r.cpu, r.maxrss_kb) for r in runs)))
    if ctimes:
        for v, ts in ctimes.items():
            add("- compile %s: %s" % (v, ", ".join("%.2f" % x for x in ts)))
    add("")
    add("</details>")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------- main ---

def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="bench/run.sh",
        description="Run the TraceAlloc benchmarks (see docs/benchmarks.md).")
    ap.add_argument("--runs", type=int, help="runs per workload for plain and "
                    "TraceAlloc (default 5; --quick 3)")
    ap.add_argument("--tool-runs", type=int, help="runs for heaptrack and massif "
                    "(default 1: at 5-30x their noise is small next to the ratio)")
    ap.add_argument("--compile-runs", type=int, help="compile-time runs (default 5; "
                    "--quick 3)")
    ap.add_argument("--scale", type=float, help="work per workload run relative to "
                    "the default (~1.5 s plain); default 1, --quick 0.25")
    ap.add_argument("--quick", action="store_true", help="smaller work, fewer runs "
                    "(about 3 min)")
    ap.add_argument("--smoke", action="store_true", help="build everything and run "
                    "each workload once at a tiny size; no results file")
    ap.add_argument("--llvm", type=int, help="LLVM major under /usr/lib/llvm-N "
                    "(default: newest of 22..19)")
    ap.add_argument("--tracealloc", metavar="PREFIX", help="use this TraceAlloc "
                    "build or install (bin/tracealloc-clang) instead of building "
                    "the checkout")
    ap.add_argument("--no-instrumented", dest="instrumented", action="store_false",
                    help="skip TraceAlloc (plain/heaptrack/massif only)")
    ap.add_argument("--nframe", default="1", help="comma list of nframe values to "
                    "run TraceAlloc with, e.g. 1,16 (default 1)")
    ap.add_argument("--tools", default="heaptrack,massif", help="comma list of "
                    "heaptrack,massif or 'none'")
    ap.add_argument("--workloads", default="all", help="comma list of workloads "
                    "(%s) or 'all'" % ",".join(w[0] for w in WORKLOADS))
    ap.add_argument("--no-compile", dest="compile", action="store_false",
                    help="skip the compile-time measurement")
    ap.add_argument("--max-wait", type=int, help="seconds, in all, that the runs "
                    "may wait for other processes to leave the machine idle "
                    "(default 1800; --smoke 0)")
    ap.add_argument("--workdir", help="build and scratch dir (default "
                    "$TMPDIR/tracealloc-bench/llvmN)")
    ap.add_argument("--out", help="Markdown results file (default "
                    "bench/results/DATE-llvmN.md; '-' for none)")
    args = ap.parse_args(argv)

    if args.smoke:
        dflt = dict(runs=1, tool_runs=1, compile_runs=1, scale=0.01, max_wait=0)
    elif args.quick:
        dflt = dict(runs=3, tool_runs=1, compile_runs=3, scale=0.25, max_wait=1800)
    else:
        dflt = dict(runs=5, tool_runs=1, compile_runs=5, scale=1.0, max_wait=1800)
    for k, v in dflt.items():
        if getattr(args, k) is None:
            setattr(args, k, v)
    args.tool_runs = min(args.tool_runs, args.runs)
    if args.runs < 1 or args.scale <= 0:
        ap.error("--runs must be >= 1 and --scale > 0")
    args.llvm = args.llvm or newest_llvm()
    args.nframes = [int(x) for x in args.nframe.split(",") if x]
    args.tools = [] if args.tools == "none" else args.tools.split(",")
    for t in args.tools:
        if t not in TOOLS:
            ap.error("unknown tool %r" % t)
        if not shutil.which("heaptrack" if t == "heaptrack" else "valgrind"):
            ap.error("%s is not installed (use --tools)" % t)
    names = [w[0] for w in WORKLOADS]
    sel = names if args.workloads == "all" else args.workloads.split(",")
    for n in sel:
        if n not in names:
            ap.error("unknown workload %r" % n)
    args.workload_list = [w for w in WORKLOADS if w[0] in sel]
    if not args.workdir:
        args.workdir = os.path.join(tempfile.gettempdir(), "tracealloc-bench",
                                    "llvm%d" % args.llvm)
    args.workdir = os.path.abspath(args.workdir)
    if args.out is None:
        args.out = "-" if args.smoke else os.path.join(
            BENCH_DIR, "results", "%s-llvm%d.md" % (datetime.date.today().isoformat(),
                                                   args.llvm))
    args.command_line = "bench/run.sh " + " ".join(shlex.quote(a) for a in argv)
    return args


def main(argv):
    args = parse_args(argv)
    llvm_prefix = "/usr/lib/llvm-%d" % args.llvm
    if not os.access(GNU_TIME, os.X_OK):
        die("%s not found: install GNU time (apt-get install time)" % GNU_TIME)
    if not os.access(os.path.join(llvm_prefix, "bin", "clang"), os.X_OK):
        die("%s/bin/clang not found" % llvm_prefix)
    os.makedirs(args.workdir, exist_ok=True)
    t0 = time.time()
    WAIT_LEFT[0] = args.max_wait
    global LOAD_AT_START
    LOAD_AT_START = "%.2f %.2f %.2f" % os.getloadavg()
    if os.getloadavg()[0] > 0.5 and not args.smoke:
        log("bench: warning: load average %s: other processes are running, "
            "timings will be noisy" % LOAD_AT_START)

    ta_prefix = None
    if args.instrumented:
        ta_prefix = build_tracealloc(args, llvm_prefix)
        if not ta_prefix:
            die("no usable TraceAlloc build; fix it, pass --tracealloc PREFIX, "
                "or run with --no-instrumented")
    try:
        binaries = build_workloads(args, llvm_prefix, ta_prefix)
        results = run_workloads(args, binaries)
        ctimes, compile_cmd = (compile_time(args, llvm_prefix, ta_prefix)
                               if args.compile else (None, None))
    except RuntimeError as e:
        die(str(e))
    text = report(args, llvm_prefix, results, ctimes, compile_cmd, time.time() - t0)
    print(text)
    if args.out != "-":
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write(text)
        log("bench: results written to %s" % args.out)
    if args.smoke:
        log("bench: smoke OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
