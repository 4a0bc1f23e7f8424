#!/usr/bin/env python3
"""Benchmark: `ecogrid grid check --format json` on the national grid (issue 16).

Makes a workspace holding the national division grid with nobody staffed
(`ecogrid init`, `ecogrid grid import`: every node at levels 2-4 then has
findings, about 2 million), then times, alternating, R rounds of:

  show   `ecogrid grid show`: opening the workspace and reading every node
         back into a grid (what every grid command pays before its work);
  check  `ecogrid grid check --format json > /dev/null`: the same read, the
         roster, eg_grid_check, and the JSON of every finding and of
         CJ-A2-5.2 for every level-2 unit.

and runs bench_grid_check (the library alone on the same grid, loaded from
the CSV) before and after. The tool's own share is check - show in CPU
time (user + system of the process; wall time is printed too); the goal
(issue 16) is that share within 2x of the library's CPU time for the same
report (bench_grid_check's report_cpu_s: eg_grid_check, every message,
every unit's CJ-A2-5.2). Prints one key=value line and a human line;
skipped=1 when the data or the tool is absent.

    python3 bench/tool_check.py --tool BUILD/tools/ecogrid/ecogrid --bench BUILD/bench [--rounds 5]
"""
import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_kv(line):
    return dict(f.split("=", 1) for f in line.split() if "=" in f)


def timed(cmd, out=subprocess.DEVNULL):
    """Wall seconds, CPU seconds (user + system) and peak RSS (bytes) of one process."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    t = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if p.returncode != 0:
        raise SystemExit("%s failed (%d): %s" % (" ".join(cmd), p.returncode, err))
    return t, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024


def spread(v):
    return min(v), statistics.median(v), max(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--bench", required=True, help="directory holding bench_grid_check")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    shared = os.environ.get("ECOGRID_SHARED_DATA", os.path.join(HERE, "..", "..", "shared", "data"))
    src = os.path.join(shared, "divisions", "china.csv.gz")
    if not os.path.exists(src):
        print("bench=tool_check skipped=1 reason=no_data")
        print(f"tool_check: skipped, {src} is absent")
        return 0
    if not os.access(args.tool, os.X_OK):
        print("bench=tool_check skipped=1 reason=no_tool")
        print(f"tool_check: skipped, no ecogrid tool at {args.tool}")
        return 0
    lib_cmd = [os.path.join(args.bench, "bench_grid_check"), "--rounds", str(args.rounds)]
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "china.csv")
        with gzip.open(src, "rb") as fin, open(csv, "wb") as fout:
            shutil.copyfileobj(fin, fout)
        db = os.path.join(tmp, "ws.db")
        subprocess.run([args.tool, "--db", db, "init"], check=True, capture_output=True)
        subprocess.run([args.tool, "--db", db, "grid", "import", csv], check=True, capture_output=True)
        lib1 = parse_kv(subprocess.run(lib_cmd, check=True, capture_output=True, text=True).stdout.splitlines()[0])
        shows, checks, share, cshows, cchecks, cshare, rss = [], [], [], [], [], [], 0
        out = os.path.join(tmp, "findings.json")
        for _ in range(args.rounds):
            ts, cs, _ = timed([args.tool, "--db", db, "grid", "show"])
            tc, cc, r = timed([args.tool, "--db", db, "grid", "check", "--format", "json"])
            shows.append(ts)
            checks.append(tc)
            share.append(tc - ts)
            cshows.append(cs)
            cchecks.append(cc)
            cshare.append(cc - cs)
            rss = max(rss, r)
        # One more run into a file, to check that the JSON is whole.
        with open(out, "wb") as f:
            timed([args.tool, "--db", db, "grid", "check", "--format", "json"], out=f)
        size = os.path.getsize(out)
        import json
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
        n_findings, n_units = len(doc["findings"]), len(doc["units"])
        del doc
        lib2 = parse_kv(subprocess.run(lib_cmd, check=True, capture_output=True, text=True).stdout.splitlines()[0])
    # CPU time (user + system) of the processes, and the library's CPU time:
    # on this shared machine wall time also counts other processes' turns.
    lib_report = (float(lib1["report_cpu_s"]) + float(lib2["report_cpu_s"])) / 2
    lib_check = (float(lib1["check_cpu_s"]) + float(lib2["check_cpu_s"])) / 2
    agree = n_findings == int(lib1["findings"]) and n_units == int(lib1["units"])
    s_min, s_med, s_max = spread(cshare)
    print("bench=tool_check rounds=%d findings=%d units=%d agree=%d show_s=%.3f check_json_s=%.3f show_cpu_s=%.3f "
          "check_json_cpu_s=%.3f tool_share_cpu_s=%.3f tool_share_cpu_s_min=%.3f tool_share_cpu_s_max=%.3f "
          "lib_report_cpu_s=%.3f lib_check_cpu_s=%.3f share_over_lib=%.2f share_over_lib_min=%.2f "
          "share_over_lib_max=%.2f json_bytes=%d check_peak_rss_bytes=%d"
          % (args.rounds, n_findings, n_units, agree, statistics.median(shows), statistics.median(checks),
             statistics.median(cshows), statistics.median(cchecks), s_med, s_min, s_max, lib_report, lib_check,
             s_med / lib_report, s_min / lib_report, s_max / lib_report, size, rss))
    print("tool_check: `grid check --format json` %.2f s (CPU %.2f s) for %d findings and %d units (%.0f MiB of "
          "JSON, peak RSS %.0f MiB); reading the workspace (`grid show`) CPU %.2f s; the tool's share %.2f CPU s "
          "(%.2f-%.2f) is %.2fx the library's %.2f CPU s for the same report (eg_grid_check alone %.3f s); median "
          "of %d"
          % (statistics.median(checks), statistics.median(cchecks), n_findings, n_units, size / 2**20, rss / 2**20,
             statistics.median(cshows), s_med, s_min, s_max, s_med / lib_report, lib_report, lib_check,
             args.rounds))
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
