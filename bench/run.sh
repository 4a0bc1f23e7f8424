#!/bin/sh
# Run the whole benchmark suite and end with one verdict table: for every
# goal of issues 10, 16, 19 and 21 the measured figure, its spread over the
# rounds (min / median / max), the goal, PASS or FAIL, and for a FAIL the
# floor measured and why it is not closed. Then the scaling checks (1x, 2x,
# 4x input in one process, interleaved round by round, against a linear
# baseline, with three controls of known growth).
#
#   sh bench/run.sh                 # from the repository root
#   ROUNDS=9 SCALING_ROUNDS=9 sh bench/run.sh
#
# BUILD (default build-bench) is configured with buildtype=debugoptimized
# (-O2 -g, the project's default), tests and docs off, the tool built when
# its libraries are installed. Shared data: $ECOGRID_SHARED_DATA or
# ../shared/data (grid workloads print skipped=1 without it). PYTHON
# (default python3) runs the binding's benchmarks; the pandas comparison
# uses the first of $PYTHON and /usr/bin/python3 that has pandas.
#
# Verdicts are taken on CPU time (user + system of the process; the
# programs are single-threaded, so on an idle machine it equals wall time)
# because this machine is shared: wall time also counts other processes'
# turns on its 2 cores. Wall-time figures are printed beside them.
# Informational: exits 0 unless a program fails.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-build-bench}
ROUNDS=${ROUNDS:-7}
SCALING_ROUNDS=${SCALING_ROUNDS:-9}
JOBS=${JOBS:-2}
PYTHON=${PYTHON:-python3}
LOG=$(mktemp "${TMPDIR:-/tmp}/ecogrid-bench.XXXXXX")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ecogrid-bench-data.XXXXXX")
trap 'rm -rf "$TMP" "$LOG"' EXIT
FAILED=0

if [ ! -f "$BUILD/build.ninja" ]; then
	meson setup "$BUILD" -Dbuildtype=debugoptimized -Dtests=false -Ddocs=disabled -Dbench=true
fi
meson compile -C "$BUILD" -j "$JOBS" >/dev/null

machine() {
	echo "machine nproc=$(nproc) cpu=\"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)\" mem_kib=$(sed -n 's/^MemTotal: *\([0-9]*\).*/\1/p' /proc/meminfo) load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" thp=\"$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown)\" build=$BUILD buildtype=debugoptimized cc=\"$(cc --version | head -1)\""
}
echo "== machine"
machine

# log_lines FILE: keep its key=value lines (bench=...) for the summary.
log_lines() {
	grep '^bench=' "$1" >>"$LOG" || true
}

# run NAME ARGS...: one benchmark program; its output to the screen and the log.
run() {
	name=$1
	shift
	if "$BUILD/bench/bench_$name" "$@" >"$TMP/out" 2>"$TMP/err"; then
		cat "$TMP/out"
		log_lines "$TMP/out"
	else
		echo "bench_$name $*: FAILED" >&2
		cat "$TMP/err" >&2
		FAILED=1
	fi
}

# script NAME ARGS...: one Python benchmark script run by $PY.
script() {
	name=$1
	shift
	if "$PY" "bench/$name.py" "$@" >"$TMP/out" 2>"$TMP/err"; then
		cat "$TMP/out"
		log_lines "$TMP/out"
	else
		cat "$TMP/out" "$TMP/err" >&2
		echo "$name.py: FAILED" >&2
		FAILED=1
	fi
}

echo "== workloads at their issue sizes ($ROUNDS rounds)"
run grid_load --rounds "$ROUNDS" --cold "$ROUNDS"
run grid_lookup --rounds "$ROUNDS"
run airq_stats --rounds "$ROUNDS"
run assess_ladder --rounds "$ROUNDS"
run inspect_draw --rounds "$ROUNDS"
run grid_check --rounds "$ROUNDS"

TOOL=${ECOGRID_TOOL:-$BUILD/tools/ecogrid/ecogrid}
echo "== the ecogrid tool ($TOOL)"
PY=$PYTHON
if [ -x "$TOOL" ]; then
	script tool_check --tool "$TOOL" --bench "$BUILD/bench" --rounds "$ROUNDS"
	script tool_import --tool "$TOOL" --runs 3
	script month_run --tool "$TOOL" --repeats "$ROUNDS"
else
	echo "tool: skipped, no tool at $TOOL (sqlite3, jansson and libcsv are needed to build it)"
fi

echo "== Python ($PYTHON)"
script python_batch --build "$BUILD" --rounds "$ROUNDS"
PY=
for p in "$PYTHON" /usr/bin/python3; do
	if [ -z "$PY" ] && "$p" -c "import pandas" 2>/dev/null; then PY=$p; fi
done
PY=${PY:-$PYTHON}
script python_grid --build "$BUILD" --rounds "$ROUNDS"

echo "== scaling: 1x / 2x / 4x input, $SCALING_ROUNDS rounds interleaved in one process, CPU time"
run grid_load --scaling --rounds "$SCALING_ROUNDS"
run grid_lookup --scaling --rounds "$SCALING_ROUNDS"
run airq_stats --scaling --rounds "$SCALING_ROUNDS"
run assess_ladder --scaling --rounds "$SCALING_ROUNDS" --no-api
run inspect_draw --scaling --rounds "$SCALING_ROUNDS"
run scaling_control --rounds "$SCALING_ROUNDS"

echo "== machine at the end"
machine

echo "== verdicts"
python3 bench/verdicts.py "$LOG"
exit $FAILED
