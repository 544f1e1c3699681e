"""Compares TraceAlloc's tracemalloc semantics with Python's own.

Random cases, from fixed seeds, go to python_semantics (the runtime's API
code, built alone) and to Python's fnmatch and tracemalloc classes
(tracemalloc.Snapshot accepts raw traces, so no tracing is needed); every
answer must be the same: fnmatch results, filter_traces, and the str(),
traceback and order of every Statistic and StatisticDiff of statistics()
and compare_to() for each key type, cumulative or not.

Usage: python3 python_semantics.py HARNESS [SEEDS]
"""
import fnmatch
import random
import subprocess
import sys
import tracemalloc

NAMES = ["fa", "fb", "fc", "fd"]


def run(harness, mode, text):
    return subprocess.run([harness, mode], input=text, capture_output=True,
                          text=True, check=True).stdout.splitlines()


def check_fnmatch(harness, count):
    rng = random.Random(1)
    alphabet = "ab-!^][*?\\/zc.é"
    cases = []
    for _ in range(count):
        pattern = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        name = "".join(rng.choice("ab-!^]z[c/\\.é") for _ in range(rng.randint(0, 6)))
        cases.append((pattern, name))
    got = run(harness, "fnmatch", "".join(f"{p}\t{n}\n" for p, n in cases))
    bad = [(p, n, g) for (p, n), g in zip(cases, got)
           if int(g) != fnmatch.fnmatchcase(n, p)]
    for p, n, g in bad[:5]:
        print(f"fnmatch({n!r}, {p!r}): got {g}")
    print(f"fnmatch: {len(bad)} mismatches in {count}")


def random_snapshot(rng):
    limit = rng.randint(1, 4)
    traces = []
    for _ in range(rng.randint(0, 12)):
        frames = tuple((rng.choice(NAMES), rng.randint(0, 4))
                       for _ in range(rng.randint(1, limit)))
        size = rng.choice([0, 1, 10, 100, 1000, 5000, 12000, 2**20 + 7,
                           rng.randint(0, 3000)])
        traces.append((rng.randint(0, 2), size, frames, len(frames)))
    return limit, traces


def encode(limit, traces):
    lines = [f"{limit} {len(traces)}"]
    for domain, size, frames, _ in traces:
        lines.append(f"{domain} {size} {len(frames)} " +
                     " ".join(f"{NAMES.index(f)} {line}" for f, line in frames))
    return "\n".join(lines) + "\n"


def random_filters(rng):
    filters, spec = [], []
    for _ in range(rng.randint(0, 3)):
        inclusive = rng.random() < 0.5
        if rng.random() < 0.3:
            domain = rng.randint(0, 2)
            filters.append(tracemalloc.DomainFilter(inclusive, domain))
            spec.append(f"1 {int(inclusive)} 0 0 0 0 {domain} -")
            continue
        pattern = rng.choice(["f[ab]", "f?", "*a", "f[!a-b]", "*", "fc",
                              "f[c-a]*", "[f]d", "f[^b]"])
        lineno = rng.choice([None, rng.randint(0, 4)])
        all_frames = rng.random() < 0.5
        domain = rng.choice([None, rng.randint(0, 2)])
        filters.append(tracemalloc.Filter(inclusive, pattern, lineno,
                                          all_frames, domain))
        spec.append(f"0 {int(inclusive)} {int(lineno is not None)} "
                    f"{lineno or 0} {int(all_frames)} "
                    f"{int(domain is not None)} {domain or 0} {pattern}")
    return filters, f"{len(spec)}\n" + "".join(s + "\n" for s in spec)


def frames_text(traceback):
    return "".join(f" {f.filename}:{f.lineno}" for f in traceback)


def check_snapshots(harness, seeds):
    bad = 0
    for seed in range(seeds):
        rng = random.Random(seed)
        (limit_a, traces_a), (limit_b, traces_b) = (random_snapshot(rng),
                                                    random_snapshot(rng))
        new = tracemalloc.Snapshot(traces_a, limit_a)
        old = tracemalloc.Snapshot(traces_b, limit_b)
        filters, filter_spec = random_filters(rng)
        want = ["F"] + [f"{t.domain} {t.size} |{frames_text(t.traceback)}"
                        for t in new.filter_traces(filters).traces]
        for key in ("filename", "lineno", "traceback"):
            for cumulative in (0, 1):
                if key == "traceback" and cumulative:
                    continue
                want.append(f"S {key} {cumulative}")
                want += [f"{s} |{frames_text(s.traceback)}"
                         for s in new.statistics(key, bool(cumulative))]
                want.append(f"D {key} {cumulative}")
                want += [f"{s} |{frames_text(s.traceback)}"
                         for s in new.compare_to(old, key, bool(cumulative))]
        got = run(harness, "snapshot", encode(limit_a, traces_a) +
                  encode(limit_b, traces_b) + filter_spec)
        if got != want:
            bad += 1
            if bad <= 3:
                print(f"seed {seed}: got {got}\n    want {want}")
    print(f"snapshots: {bad} mismatches in {seeds}")


if __name__ == "__main__":
    if sys.version_info < (3, 9):
        sys.exit("Python 3.9 or newer is needed (tracemalloc's total_nframe)")
    harness = sys.argv[1]
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    check_fnmatch(harness, 20000)
    check_snapshots(harness, seeds)
