#!/bin/sh
# Run the whole benchmark suite: build (if needed) an optimised tree, run
# every workload at its issue size (median of $ROUNDS runs, each with its
# baseline in the same process), then 1x, 2x, 4x input sizes, then the
# Python batch paths; print every key=value line and a summary table of
# ratios against the targets. Informational: exits 0 unless a program fails.
#
#   sh bench/run.sh                 # from the repository root
#   ROUNDS=3 SCALES="1 2" sh bench/run.sh
#
# BUILD (default build-bench) is configured with buildtype=debugoptimized
# (-O2 -g, the project's default), tests and docs off. Shared data: $ECOGRID_SHARED_DATA or
# ../shared/data (grid workloads print skipped=1 without it).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-build-bench}
ROUNDS=${ROUNDS:-5}
SCALES=${SCALES:-"1 2 4"}
JOBS=${JOBS:-2}
LOG=$(mktemp "${TMPDIR:-/tmp}/ecogrid-bench.XXXXXX")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ecogrid-bench-data.XXXXXX")
trap 'rm -rf "$TMP" "$LOG"' EXIT
FAILED=0

if [ ! -f "$BUILD/build.ninja" ]; then
	meson setup "$BUILD" -Dbuildtype=debugoptimized -Dtests=false -Ddocs=disabled -Dtool=disabled -Dbench=true
fi
meson compile -C "$BUILD" -j "$JOBS" >/dev/null

echo "== machine"
echo "machine nproc=$(nproc) cpu=\"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)\" mem_kib=$(sed -n 's/^MemTotal: *\([0-9]*\).*/\1/p' /proc/meminfo) load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" build=$BUILD buildtype=debugoptimized cc=\"$(cc --version | head -1)\""

# run NAME ARGS...: one benchmark; its lines go to the screen, its
# key=value line to the log; LAST_OK=1 when it succeeded.
run() {
	name=$1
	shift
	LAST_OK=0
	if "$BUILD/bench/bench_$name" "$@" >"$TMP/out" 2>"$TMP/err"; then
		cat "$TMP/out"
		sed -n '1p' "$TMP/out" >>"$LOG"
		LAST_OK=1
	else
		echo "bench_$name $*: FAILED" >&2
		cat "$TMP/err" >&2
		FAILED=1
	fi
}

echo "== workloads at their issue sizes (median of $ROUNDS)"
run grid_load --rounds "$ROUNDS"
run grid_lookup --rounds "$ROUNDS"
run airq_stats --rounds "$ROUNDS"
run assess_ladder --rounds "$ROUNDS"
run inspect_draw --rounds "$ROUNDS"

echo "== 1x / 2x / 4x input sizes (median of $ROUNDS)"
# Workload 1: bench_grid_load --rows N loads the first N rows of the
# national file (parents come before children, so every prefix is a grid).
NODES=665271
for s in $SCALES; do
	run grid_load --rows $((NODES * s / 4)) --rounds "$ROUNDS"
	if [ "$LAST_OK" = 1 ]; then
		sed -i '$ s/^bench=grid_load /bench=grid_load scale='"$s"' /' "$LOG"
	fi
done
for s in $SCALES; do run grid_lookup --scale "$s" --rounds "$ROUNDS"; done
for s in $SCALES; do run airq_stats --scale "$s" --rounds "$ROUNDS"; done
for s in $SCALES; do run assess_ladder --scale "$s" --rounds "$ROUNDS" --no-api; done
for s in $SCALES; do run inspect_draw --scale "$s" --rounds "$ROUNDS"; done

echo "== Python batch paths (workload 6, median of $ROUNDS)"
if python3 bench/python_batch.py --build "$BUILD" --rounds "$ROUNDS" >"$TMP/out" 2>"$TMP/err"; then
	cat "$TMP/out"
	sed -n '1p' "$TMP/out" >>"$LOG"
else
	cat "$TMP/out" "$TMP/err" >&2
	FAILED=1
fi

TOOL=${ECOGRID_TOOL:-build/tools/ecogrid/ecogrid}
echo "== national grid into an ecogrid workspace (tool: $TOOL)"
if [ -x "$TOOL" ]; then
	if python3 bench/tool_import.py --tool "$TOOL" --runs 3 >"$TMP/out" 2>"$TMP/err"; then
		cat "$TMP/out"
	else
		cat "$TMP/out" "$TMP/err" >&2
		FAILED=1
	fi
else
	echo "tool_import: skipped, no tool at $TOOL (the README's first command builds it)"
fi

[ ! -x "$TOOL" ] || python3 bench/month_run.py --tool "$TOOL" --repeats "$ROUNDS" | tee -a "$LOG" || FAILED=1
echo "== summary"
python3 - "$LOG" <<'EOF'
import math
import sys

rows = []
for line in open(sys.argv[1]):
    kv = dict(f.split("=", 1) for f in line.split() if "=" in f)
    if kv.get("bench"):
        rows.append(kv)


def first(name, scale=None):
    for r in rows:
        if r["bench"] == name and (scale is None or r.get("scale") == str(scale)) and "skipped" not in r:
            return r
    return None


def verdict(ok):
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


print("%-22s %-34s %-28s %8s  %-22s %s" % ("workload", "figure (median)", "baseline (median)", "ratio", "target", ""))
g = first("grid_load")
if g and "skipped" not in g:
    floor = g.get("floor_read_count_s", g.get("baseline_linecount_s", "?"))
    ratio = g.get("load_over_floor", g.get("load_over_baseline", "?"))
    print("%-22s %-34s %-28s %8s  %-22s %s" % ("1 grid load", "%s s, %.2f M nodes/s, %s B/node" % (
        g["load_s"], float(g["nodes_per_s"]) / 1e6, g.get("bytes_per_node", "?")), "read+count %s s" % floor,
        ratio + "x", "(bench_grid_load's owner)", ""))
else:
    print("1 grid load            skipped (no shared data)")
l = first("grid_lookup", 4)
if l:
    print("%-22s %-34s %-28s %8s  %-22s %s" % ("2 lookups", "%s s for %s" % (l["lookup_s"], l["lookups"]),
          "bsearch %s s" % l["bsearch_s"], l["lookup_ratio"] + "x", "-", ""))
    print("%-22s %-34s %-28s %8s  %-22s %s" % ("2 roll-up", "%s s, %s nodes" % (l["rollup_s"], l["nodes"]),
          "sum pass %s s" % l["baseline_sum_s"], l["rollup_ratio"] + "x", "-", ""))
else:
    print("2 lookups / roll-up    skipped (no shared data)")
a = first("airq_stats", 1)
if a:
    print("%-22s %-34s %-28s %8s  %-22s %s" % ("3 monthly air stats", "%s s, %.0f M values/s" % (
        a["stats_s"], float(a["values_per_s"]) / 1e6), "sum pass %s s" % a["baseline_sum_s"], a["ratio"] + "x",
        "<= 3x the sum pass", verdict(float(a["ratio"]) <= 3)))
    print("%-22s %-34s %-28s %8s  %-22s %s" % ("3 (CPU time)", "%s s" % a["stats_cpu_s"],
        "sum pass %s s" % a["baseline_cpu_s"], a["cpu_ratio"] + "x", "<= 3x the sum pass",
        verdict(float(a["cpu_ratio"]) <= 3)))
s = first("assess_ladder", 1)
if s:
    print("%-22s %-34s %-28s %8s  %-22s %s" % ("4 assess + escalate", "%s s, %.2f M unit-months/s" % (
        s["batch_s"], float(s["unit_months_per_s"]) / 1e6), "naive pass %s s" % s["baseline_s"], s["ratio"] + "x",
        "-", "(per-unit API %s s)" % s["api_s"]))
d = first("inspect_draw", 1)
if d:
    print("%-22s %-34s %-28s %8s  %-22s %s" % ("5 pool + draw", "%s s for %s" % (d["draw_s"], d["enterprises"]),
          "SHA-256 of frame %s s" % d["baseline_sha256_s"], d["ratio"] + "x", "-", ""))
p = first("python_batch")
if p:
    for key, label in (("airq", "6 Python: air stats"), ("assess", "6 Python: assess")):
        r, rd = float(p[key + "_py_over_c"]), float(p[key + "_py_over_direct"])
        print("%-22s %-34s %-28s %8s  %-22s %s" % (label, "%s s" % p[key + "_py_s"],
              "C program %s s" % p[key + "_c_s"], "%.2fx" % r, "<= 1.5x C",
              verdict(r <= 1.5 and rd <= 1.5 and p[key + "_agree"] == "1")))
        print("%-22s %-34s %-28s %8s" % ("  same process", "", "C via ctypes %s s" % p[key + "_direct_s"],
              "%.2fx" % rd))

print()
print("scaling: median seconds at 1x / 2x / 4x input and growth per doubling; the same for the")
print("workload's baseline (a linear pass, or binary search), which shows what the machine's caches and")
print("memory do to work that is O(n) by construction. O(n log n) allows ~2.1-2.2 per doubling; PASS")
print("when the workload grows <= 2.5x per doubling, or no faster than 1.15 x its baseline's growth")
specs = [("grid_load", "load_s", "floor_read_count_s", "1 grid load"),
         ("grid_lookup", "lookup_s", "bsearch_s", "2 lookups"),
         ("grid_lookup", "rollup_s", "baseline_sum_s", "2 roll-up"),
         ("airq_stats", "stats_s", "baseline_sum_s", "3 monthly air stats"),
         ("assess_ladder", "batch_s", "baseline_s", "4 assess + escalate"),
         ("inspect_draw", "draw_s", "baseline_sha256_s", "5 pool + draw")]
print("%-22s %9s %9s %9s %13s   %-28s %s" % ("", "1x", "2x", "4x", "growth", "baseline growth", ""))
for name, key, bkey, label in specs:
    ts, bs = [], []
    for sc in (1, 2, 4):
        r = [x for x in rows if x["bench"] == name and x.get("scale") == str(sc)]
        r = r[-1] if r else None
        ts.append(float(r[key]) if r and key in r else None)
        bs.append(float(r[bkey]) if r and bkey in r else None)
    if None in ts:
        print("%-22s %s" % (label, "not run"))
        continue
    g1, g2 = ts[1] / ts[0], ts[2] / ts[1]
    bg = "x%.2f x%.2f" % (bs[1] / bs[0], bs[2] / bs[1]) if None not in bs and min(bs) > 0 else "-"
    ok = all(g <= 2.5 or (None not in bs and g <= 1.15 * b) for g, b in
             ((g1, bs[1] / bs[0] if None not in bs and bs[0] else 0), (g2, bs[2] / bs[1] if None not in bs and bs[1] else 0)))
    print("%-22s %9.4f %9.4f %9.4f   x%.2f x%.2f   %-28s %s" % (label, ts[0], ts[1], ts[2], g1, g2, bg, verdict(ok)))
EOF
exit $FAILED
