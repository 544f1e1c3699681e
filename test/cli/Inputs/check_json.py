"""check_json.py KIND FILE PHASES_C: parses FILE (the output of
`tracealloc KIND --format json` on Inputs/phases.c's snapshots) with
Python's json module and checks every value against what phases.c
allocates (its header comment has the arithmetic). Prints "KIND: ok"."""
import json
import re
import sys

kind, path, source = sys.argv[1:4]
doc = json.load(open(path))
lines = {}
for number, text in enumerate(open(source), 1):
    m = re.search(r"// (L[A-Z])$", text.rstrip("\n"))
    if m:
        lines[m.group(1)] = number


def check(what, got, want):
    if got != want:
        sys.exit("%s: %s is %r, expected %r" % (kind, what, got, want))


def check_snapshot(s, name, traces, current):
    check("file", s["file"].endswith(name), True)
    check("program", s["program"].endswith("phases"), True)
    check("pid > 0", s["pid"] > 0, True)
    check("traces", s["traces"], traces)
    check("current", s["current"], current)
    # The peak: LK 4096 + LA 4000 + LB 3000 + LT 500 = 11596 B.
    check("peak", s["peak"], 11596)
    check("merged", s["merged"], 1)
    check("traceback_limit", s["traceback_limit"], 2)
    check("views", s["views"], ["in-use", "at-peak", "allocated"])


def frame_lines(tb):
    return [(f["lineno"], f["function"]) for f in tb]


if kind == "stats":
    check("schema", doc["schema"], "tracealloc-stats/1")
    # "traces" counts the traces left by the filters: --domain 0 drops LK.
    check_snapshot(doc["snapshot"], "one.snap", 6, 11296)
    check("view", doc["view"], "in-use")
    check("key_type", doc["key_type"], "traceback")
    check("cumulative", doc["cumulative"], False)
    check("limit", doc["limit"], 3)
    check("domain", doc["domain"], 0)
    check("filters", doc["filters"], [])
    stats = doc["statistics"]
    # The heap only (domain 0): LA 4000 (4), LB 3000 (1), LM 200 (1); the
    # limit 3 shows them all.
    check("sizes", [s["size"] for s in stats], [4000, 3000, 200])
    check("counts", [s["count"] for s in stats], [4, 1, 1])
    check("LA frames", frame_lines(stats[0]["traceback"]), [(lines["LA"], "main")])
    check("LM frames", frame_lines(stats[2]["traceback"]),
          [(lines["LH"], "helper"), (lines["LM"], "make")])
    check("filename", stats[2]["traceback"][1]["filename"].endswith("phases.c"), True)
    check("other", doc["other"], {"entries": 0, "size": 0, "count": 0})
    check("total", doc["total"], {"entries": 3, "size": 7200, "count": 6})
elif kind == "stats-filtered":
    # --include '*:LA' --limit 0 --at-peak: LA's 4 blocks were live at the peak.
    check("view", doc["view"], "at-peak")
    check("limit", doc["limit"], 0)
    check("filters", doc["filters"], [{"inclusive": True, "pattern": "*",
                                       "lineno": lines["LA"], "all_frames": False}])
    check("sizes", [s["size"] for s in doc["statistics"]], [4000])
    check("total", doc["total"], {"entries": 1, "size": 4000, "count": 4})
elif kind == "diff":
    check("schema", doc["schema"], "tracealloc-diff/1")
    check_snapshot(doc["old"], "one.snap", 7, 11296)
    check_snapshot(doc["new"], "two.snap", 6, 10392)
    d = doc["differences"]
    # LC +4096, LB -3000, LA -2000 (--limit 3); LK and LM (+0) are "other".
    check("lines", [x["traceback"][0]["lineno"] for x in d],
          [lines["LC"], lines["LB"], lines["LA"]])
    check("size_diff", [x["size_diff"] for x in d], [4096, -3000, -2000])
    check("size", [x["size"] for x in d], [4096, 0, 2000])
    check("count_diff", [x["count_diff"] for x in d], [2, -1, -2])
    check("count", [x["count"] for x in d], [2, 0, 2])
    check("other", doc["other"], {"entries": 2, "size": 4296, "size_diff": 0,
                                  "count": 2, "count_diff": 0})
    # 10392 - 11296 = -904 B; 6 - 7 = -1 block.
    check("total", doc["total"], {"entries": 5, "size": 10392, "size_diff": -904,
                                  "count": 6, "count_diff": -1})
elif kind == "traces":
    check("schema", doc["schema"], "tracealloc-traces/1")
    t = doc["traces"]
    check("sizes", [x["size"] for x in t], [4096, 3000])
    check("domains", [x["domain"] for x in t], [5, 0])
    check("leak", [x["leak"] for x in t], [None, None])
    check("frames", [frame_lines(x["traceback"]) for x in t],
          [[(lines["LK"], "main")], [(lines["LB"], "main")]])
    check("total", doc["total"], {"entries": 7, "size": 11296, "count": 7})
elif kind == "merge":
    check("schema", doc["schema"], "tracealloc-merge/1")
    check("inputs", len(doc["inputs"]), 2)
    out = doc["output"]
    check("merged", out["merged"], 2)
    # Two runs' one.snap: 2 x 7 traces, 2 x 11296 B current, 2 x 11596 peak.
    check("traces", out["traces"], 14)
    check("current", out["current"], 22592)
    check("peak", out["peak"], 23192)
    check("pid", out["pid"], 0)  # two processes
    check("views", out["views"], ["in-use", "at-peak", "allocated"])
else:
    sys.exit("unknown kind " + kind)
print(kind + ": ok")
