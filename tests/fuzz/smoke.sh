#!/usr/bin/env bash
# Fuzz smoke run (what CI calls): build every libFuzzer harness with clang
# in a build directory and run each for FUZZ_SECONDS seconds on a scratch
# copy of its seed corpus, one after the other. Exits non-zero when any
# harness crashes, leaks, times out, runs out of memory or fails to build.
#
#   tests/fuzz/smoke.sh [BUILD_DIR]          (default build-fuzz)
#   FUZZ_SECONDS=300 tests/fuzz/smoke.sh     (default 30 per harness)
#   FUZZ_ONLY="records airq" tests/fuzz/smoke.sh   (a subset)
#
# New corpus entries and crash artifacts go to BUILD_DIR/fuzz-smoke/, never
# into tests/fuzz/corpus/: add an entry there by hand when it is worth it.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
dir=${1:-build-fuzz}
secs=${FUZZ_SECONDS:-30}

if [ ! -f "$dir/build.ninja" ]; then
	CC=clang meson setup "$dir" -Dfuzz=true -Dtests=false -Ddocs=disabled -Dbench=false
else
	meson configure "$dir" -Dfuzz=true >/dev/null
fi

# The harnesses this configuration builds (the tool's two only when its
# dependencies were found). Only they are compiled, not the whole project.
mapfile -t targets < <(meson introspect "$dir" --targets | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["type"] == "executable" and t["name"].startswith("fuzz_"):
        print(t["name"])' | sort)
if [ "${#targets[@]}" -eq 0 ]; then
	echo "fuzz smoke: no harness configured in $dir (is it a clang build with -Dfuzz=true?)" >&2
	exit 1
fi
meson compile -C "$dir" "${targets[@]}"

# Longest input per harness: text formats get room for a few hundred
# lines, the carved-byte harnesses for a few hundred operations.
max_len() {
	case "$1" in
	fuzz_ruleset) echo 2048 ;;
	fuzz_airq) echo 4096 ;;
	fuzz_tool_month | fuzz_tool_csv | fuzz_tool_duty | fuzz_tool_records | fuzz_tool_draw) echo 8192 ;;
	fuzz_scheme) echo 24576 ;;
	*) echo 4096 ;;
	esac
}

scratch="$dir/fuzz-smoke"
failed=0
for t in "${targets[@]}"; do
	name=${t#fuzz_}
	if [ -n "${FUZZ_ONLY:-}" ] && ! [[ " $FUZZ_ONLY " == *" $name "* ]]; then
		continue
	fi
	work="$scratch/$name"
	rm -rf "$work"
	mkdir -p "$work/corpus" "$work/artifacts"
	if [ -d "tests/fuzz/corpus/$name" ]; then
		cp -R "tests/fuzz/corpus/$name/." "$work/corpus/"
	fi
	# The tool's importers print every rejection on stderr: silence the
	# target's stderr (libFuzzer and the sanitizers keep theirs).
	quiet=()
	case "$t" in fuzz_tool_*) quiet=(-close_fd_mask=2) ;; esac
	set +e
	"$dir/tests/fuzz/$t" "$work/corpus" -max_total_time="$secs" -max_len="$(max_len "$t")" \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
		"${quiet[@]}" >"$work/log" 2>&1
	rc=$?
	set -e
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2)
	ft=$(grep -o 'ft: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2)
	units=$(find "$work/corpus" -type f | wc -l)
	if [ "$rc" -eq 0 ]; then
		printf '%-18s ok    %10s execs (%s/s)  cov %s  ft %s  corpus %s\n' "$t" "${execs:-?}" "${rate:-?}" \
			"${cov:-?}" "${ft:-?}" "$units"
	else
		failed=1
		printf '%-18s FAIL  exit %s after %s execs  cov %s; log %s, artifacts:\n' "$t" "$rc" "${execs:-?}" \
			"${cov:-?}" "$work/log"
		ls -1 "$work/artifacts" | sed 's/^/    /'
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$work/log" | head -5 | sed 's/^/    /' || true
	fi
done
exit "$failed"
