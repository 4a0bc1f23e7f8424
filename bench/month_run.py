#!/usr/bin/env python3
"""Benchmark: `ecogrid month run` does not grow with the months stored (issue 16).

A workspace with 3,000 level-2 units gets 120 consecutive months of inputs
(2024-01 to 2033-12, when the Changji rule set is in force: item 4 counts and air statistics per unit, generated
from a fixed seed); every month is imported and run in order. A second
workspace with the same grid holds month 1 only (the same inputs). Then
month 1 of the one-month workspace (nothing stored but itself: the
baseline) and month 120 of the full workspace (119 months stored before
it) are each run again --repeats times, interleaved, and the medians
compared: the ratio month-120 / month-1 is what a workspace with ten years
of history costs a run, against the same run in a workspace holding one
month. (Re-running a month with the same inputs gives the same ladder
states, so the chain stays fresh; the script checks it.) Month 1 of the
full workspace is run too and printed, for information: it separates the
cost of the months before a month from that of the workspace's size.
Before issue 16 a run replayed every stored month from JSON with full
traces (+0.155 s and +16 MiB per month). Peak RSS of each run is measured
too (wait4 rusage).

Prints one key=value line (bench=month_run ...) for bench/run.sh's log and
a human verdict: PASS when the time ratio is <= 1.3.

    python3 bench/month_run.py [--tool build/tools/ecogrid/ecogrid] [--units 3000] [--months 120] [--repeats 5]
"""
import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
AIR = {"so2": 9.0, "no2": 38.0, "pm10": 82.0, "pm25": 41.0, "co": 1.1, "o3": 96.0}


def month_name(i):
    return "%04d-%02d" % (2024 + i // 12, i % 12 + 1)


def timed(cmd):
    """Run cmd; (wall seconds, peak RSS KiB, CPU seconds of the child). Fails loudly on a non-zero exit."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    err = p.stderr.read().decode()
    p.stderr.close()
    if status != 0:
        sys.exit("month_run: %s failed: %s" % (" ".join(cmd), err))
    return dt, ru.ru_maxrss, ru.ru_utime + ru.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default=os.environ.get("ECOGRID_TOOL", os.path.join(HERE, "..", "build", "tools", "ecogrid", "ecogrid")))
    ap.add_argument("--units", type=int, default=3000)
    ap.add_argument("--months", type=int, default=120)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--workdir", help="keep the two workspaces in this directory and, when it already holds them "
                    "(same --units and --months), skip the setup (about 18 minutes at the defaults)")
    args = ap.parse_args()
    if not os.access(args.tool, os.X_OK):
        print("month_run: no ecogrid tool at %s (build it first)" % args.tool, file=sys.stderr)
        return 1
    rng = random.Random(16)
    units = ["U%05d" % i for i in range(args.units)]
    if args.workdir:
        os.makedirs(args.workdir, exist_ok=True)
        where = contextlib.nullcontext(os.path.abspath(args.workdir))
    else:
        where = tempfile.TemporaryDirectory()
    with where as tmp:
        marker = os.path.join(tmp, "setup-done")
        done = "units=%d months=%d\n" % (args.units, args.months)
        reuse = os.path.exists(marker) and open(marker).read() == done
        db = os.path.join(tmp, "ws.db")
        tool = [args.tool, "--db", db]
        grid = os.path.join(tmp, "grid.csv")
        with open(grid, "w", encoding="utf-8") as fh:
            fh.write("code,parent_code,level,name\nP,,1,州\n")
            fh.writelines("%s,P,2,县%s\n" % (u, u[1:]) for u in units)
        db1 = os.path.join(tmp, "ws1.db")
        tool1 = [args.tool, "--db", db1]
        t_setup = time.perf_counter()
        runs = [(float("nan"),)] * 2  # the first and last runs of the setup (none when it is reused)
        if not reuse:
            for f in (db, db1, marker):
                if os.path.exists(f):
                    os.remove(f)
            for t in (tool, tool1):
                subprocess.run(t + ["init"], check=True, capture_output=True)
                subprocess.run(t + ["grid", "import", grid], check=True, capture_output=True)
            runs = []
            for m in range(args.months):
                doc = {"units": {}}
                for u in units:
                    f = rng.uniform(0.8, 1.2)
                    doc["units"][u] = {"assessment": {"items": {"4": rng.randrange(0, 30)}},
                                       "air": {k: round(v * f, 2) for k, v in AIR.items()}, "air_ref": round(rng.uniform(4, 6), 2)}
                path = os.path.join(tmp, "m.json")
                with open(path, "w") as fh:
                    json.dump(doc, fh)
                subprocess.run(tool + ["month", "import", month_name(m), path], check=True, capture_output=True)
                if m == 0:
                    subprocess.run(tool1 + ["month", "import", month_name(m), path], check=True, capture_output=True)
                    subprocess.run(tool1 + ["month", "run", month_name(m)], check=True, capture_output=True)
                runs.append(timed(tool + ["month", "run", month_name(m)]))
            with open(marker, "w") as fh:
                fh.write(done)
        t_setup = time.perf_counter() - t_setup
        first, last = month_name(0), month_name(args.months - 1)
        t1, r1, c1, tn, rn, cn, tf = [], [], [], [], [], [], []
        for _ in range(args.repeats):  # interleaved, so that drift hits both alike
            dt, rss, cpu = timed(tool1 + ["month", "run", first])
            t1.append(dt)
            r1.append(rss)
            c1.append(cpu)
            dt, rss, cpu = timed(tool + ["month", "run", last])
            tn.append(dt)
            rn.append(rss)
            cn.append(cpu)
            tf.append(timed(tool + ["month", "run", first])[0])
        fresh = True
        for t in (tool, tool1):
            status = json.loads(subprocess.run(t + ["status", "--format", "json"], check=True, capture_output=True,
                                               text=True).stdout)
            fresh = fresh and all(m["state"] == "fresh" for m in status["months"])
        size_mib = os.path.getsize(db) / 2**20
        size1_mib = os.path.getsize(db1) / 2**20
    m1, mn, mf = statistics.median(t1), statistics.median(tn), statistics.median(tf)
    ratio, rss_ratio = mn / m1, statistics.median(rn) / statistics.median(r1)
    cpu1, cpun = statistics.median(c1), statistics.median(cn)
    per_round = [b / a for a, b in zip(t1, tn)]  # the spread: each repeat's pair, run back to back
    ok = ratio <= 1.3 and fresh
    print("bench=month_run units=%d months=%d repeats=%d run_first_s=%.4f run_last_s=%.4f ratio=%.3f "
          "ratio_min=%.3f ratio_max=%.3f cpu_first_s=%.4f cpu_last_s=%.4f cpu_ratio=%.3f "
          "rss_first_kib=%d rss_last_kib=%d rss_ratio=%.3f first_in_full_s=%.4f chain_fresh=%d "
          "workspace_mib=%.1f workspace1_mib=%.1f setup_s=%.1f first_runs_s=%.4f/%.4f target=1.3 verdict=%s"
          % (args.units, args.months, args.repeats, m1, mn, ratio, min(per_round), max(per_round), cpu1, cpun, cpun / cpu1, statistics.median(r1),
             statistics.median(rn), rss_ratio, mf, fresh, size_mib, size1_mib, t_setup, runs[0][0], runs[-1][0],
             "PASS" if ok else "FAIL"))
    print("month_run: %d units; month 1 in a one-month workspace %.3f s, month %d (after %d stored months) %.3f s: "
          "ratio %.2f (target <= 1.3); CPU %.3f / %.3f s (ratio %.2f); peak RSS %.1f / %.1f MiB; "
          "month 1 of the full workspace %.3f s; every month still fresh: %s; %s"
          % (args.units, m1, args.months, args.months - 1, mn, ratio, cpu1, cpun, cpun / cpu1,
             statistics.median(r1) / 1024, statistics.median(rn) / 1024, mf, "yes" if fresh else "NO",
             "PASS" if ok else "FAIL"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
