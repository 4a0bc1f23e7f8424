#!/usr/bin/env bash
# Coverage gate: build with gcov instrumentation, run the whole test suite,
# and fail when line coverage of src/ is below 95% or branch coverage below
# 85%, or line coverage of tools/ (the ecogrid tool, driven end to end by
# tests/tool/) below 90%. Tests and examples are not measured.
#
# tools/: issue 16 asks for 90 %. The tool and Python suites reach 91.4 %
# (2026-12-03: 6005 of 6568 lines; 89.3 %, 5599 of 6268, before the tests
# of the clerk's mistakes in tests/tool/test_mistakes.py and test_cli.py).
# Most of the rest are SQLite and allocation failure paths no test reaches,
# and draw_selfcheck, which only the fuzz driver calls.
#
#   tests/coverage.sh [BUILD_DIR]      (default: build-cov)
#
# Extra environment: COVERAGE_HTML=1 also writes BUILD_DIR/coverage/index.html
# with per-line detail; COVERAGE_JOBS (default 2) is passed to meson test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${1:-build-cov}
line_min=95
branch_min=85
tools_line_min=90

# Atomic counters: the threads suite runs library code on several threads at
# once, and racing counter updates make gcov derive negative branch counts,
# which gcovr 5.2 cannot parse ("branch 4 taken -1").
if [ ! -f "$dir/build.ninja" ]; then
	meson setup "$dir" -Db_coverage=true -Ddocs=disabled -Dbench=false -Dc_args=-fprofile-update=atomic
else
	meson configure "$dir" -Db_coverage=true -Dc_args=-fprofile-update=atomic
fi
# Counters from an earlier run would inflate the figures.
find "$dir" -name '*.gcda' -delete
meson compile -C "$dir" -j "${COVERAGE_JOBS:-2}"
tests_ok=1
meson test -C "$dir" --print-errorlogs --num-processes "${COVERAGE_JOBS:-2}" || tests_ok=0

gcovr_args=(--root "$root" --filter "$root/src/" --exclude-unreachable-branches "$dir")
gcovr "${gcovr_args[@]}" --txt "$dir/coverage-lines.txt"
gcovr "${gcovr_args[@]}" --branches --txt "$dir/coverage-branches.txt"
if [ "${COVERAGE_HTML:-0}" = 1 ]; then
	mkdir -p "$dir/coverage"
	gcovr "${gcovr_args[@]}" --html-details "$dir/coverage/index.html"
fi
# Never name /dev/null as a gcovr output: gcovr writes a temporary file and
# renames it over the target, which replaces the device with a regular file.
summary=$(gcovr "${gcovr_args[@]}" --print-summary --txt "$dir/coverage-summary.txt")
echo "$summary"

line_pct=$(printf '%s\n' "$summary" | sed -n 's/^lines: *\([0-9.]*\)%.*/\1/p')
branch_pct=$(printf '%s\n' "$summary" | sed -n 's/^branches: *\([0-9.]*\)%.*/\1/p')
if [ -z "$line_pct" ] || [ -z "$branch_pct" ]; then
	echo "coverage: could not read the gcovr summary" >&2
	exit 2
fi
# tools/: lines only (the tool's branches are mostly error paths of SQLite
# and allocation calls that only the library's allocation driver reaches).
tools_summary=""
tools_pct=""
if [ -d "$dir/tools/ecogrid" ]; then
	tools_summary=$(gcovr --root "$root" --filter "$root/tools/" --exclude-unreachable-branches "$dir" --print-summary \
		--txt "$dir/coverage-tools.txt")
	printf '%s\n' "$tools_summary" | sed -n 's/^lines:/tools\/ lines:/p'
	tools_pct=$(printf '%s\n' "$tools_summary" | sed -n 's/^lines: *\([0-9.]*\)%.*/\1/p')
fi
status=0
if [ "$tests_ok" = 0 ]; then
	echo "coverage: some tests failed (see $dir/meson-logs/testlog.txt)" >&2
	status=1
fi
if awk -v v="$line_pct" -v m="$line_min" 'BEGIN { exit !(v < m) }'; then
	echo "coverage: line coverage of src/ is ${line_pct}%, below ${line_min}%" >&2
	status=1
fi
if awk -v v="$branch_pct" -v m="$branch_min" 'BEGIN { exit !(v < m) }'; then
	echo "coverage: branch coverage of src/ is ${branch_pct}%, below ${branch_min}%" >&2
	status=1
fi
if [ -n "$tools_summary" ]; then
	if [ -z "$tools_pct" ]; then
		echo "coverage: could not read the gcovr summary of tools/" >&2
		status=1
	elif awk -v v="$tools_pct" -v m="$tools_line_min" 'BEGIN { exit !(v < m) }'; then
		echo "coverage: line coverage of tools/ is ${tools_pct}%, below ${tools_line_min}% (see $dir/coverage-tools.txt)" >&2
		status=1
	fi
fi
[ "$status" = 0 ] && echo "coverage: src/ lines ${line_pct}% >= ${line_min}%, branches ${branch_pct}% >= ${branch_min}%;" \
	"tools/ lines ${tools_pct:-(tool not built)}% >= ${tools_line_min}%: ok"
exit "$status"
