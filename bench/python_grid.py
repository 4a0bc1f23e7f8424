#!/usr/bin/env python3
"""Workload 1 from Python: the national division file as a whole process
through the binding, against pandas.read_csv of the same file (issue 21).

R rounds, alternating, each in a fresh interpreter (page cache warm):

  ecogrid  `python3 -c "import ecogrid; ecogrid.Grid.from_csv(PATH)"`,
           timed from start to exit (what a script user waits for), with
           the process's own split: interpreter start-up (`python3 -c
           pass`), `import ecogrid`, the load;
  pandas   `pandas.read_csv(PATH)` (the call alone, timed inside its
           process: the import of pandas is not counted against it), and
           that process from start to exit.

The figure is pandas' read_csv alone over the ecogrid process, per round
(median, min, max); the goal is >= 10x. CPU time (user + system) is printed
too. Needs pandas in the same interpreter (Debian: python3-pandas);
prints skipped=1 without it or without the shared data.

Usage: python3 bench/python_grid.py [--build DIR] [--rounds R]
(ECOGRID_LIBRARY is set to DIR/src/libecogrid.so unless already set.)
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
ROOT = os.path.dirname(HERE)


def run(cmd, env):
    """Wall seconds, CPU seconds (user + system) and stdout of one process."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    t = time.perf_counter() - t
    p.stdout.close()
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("%s failed: %s" % (" ".join(cmd), err.decode(errors="replace")))
    return t, ru.ru_utime + ru.ru_stime, out.decode()


def spread(v):
    return min(v), statistics.median(v), max(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    env = dict(os.environ)
    env.setdefault("ECOGRID_LIBRARY", os.path.join(args.build, "src", "libecogrid.so"))
    env["PYTHONPATH"] = os.path.join(ROOT, "bindings", "python") + os.pathsep + env.get("PYTHONPATH", "")
    shared = os.environ.get("ECOGRID_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))
    src = os.path.join(shared, "divisions", "china.csv.gz")
    py = sys.executable
    if not os.path.exists(src):
        print("bench=python_grid skipped=1 reason=no_data")
        print("python_grid: skipped, %s is absent" % src)
        return 0
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("bench=python_grid skipped=1 reason=no_pandas python=%s" % py)
        print("python_grid: skipped, %s has no pandas (Debian: python3-pandas)" % py)
        return 0
    with tempfile.TemporaryDirectory(prefix="ecogrid-bench-") as tmp:
        path = os.path.join(tmp, "china.csv")
        with gzip.open(src, "rb") as fin, open(path, "wb") as fout:
            shutil.copyfileobj(fin, fout)
        eco = ["-c", "import ecogrid; print(len(ecogrid.Grid.from_csv(%r)))" % path]
        split = ["-c", "import time; t = time.perf_counter(); import ecogrid; t1 = time.perf_counter(); "
                 "g = ecogrid.Grid.from_csv(%r); t2 = time.perf_counter(); print(t1 - t, t2 - t1, len(g))" % path]
        pan = ["-c", "import time, pandas; t = time.perf_counter(); c = time.process_time(); "
               "d = pandas.read_csv(%r); print(time.perf_counter() - t, time.process_time() - c, len(d))" % path]
        run([py] + eco, env)  # warm the page cache and the imports
        e_wall, e_cpu, p_alone, p_alone_cpu, p_wall, empty, imp, load = [], [], [], [], [], [], [], []
        rows = nodes = 0
        for _ in range(args.rounds):
            w, c, out = run([py] + eco, env)
            e_wall.append(w)
            e_cpu.append(c)
            nodes = int(out.split()[0])
            w, _, out = run([py] + pan, env)
            a, ac, rows = out.split()
            p_alone.append(float(a))
            p_alone_cpu.append(float(ac))
            p_wall.append(w)
            empty.append(run([py, "-c", "pass"], env)[0])
            i, ld, _ = run([py] + split, env)[2].split()
            imp.append(float(i))
            load.append(float(ld))
    ratio = [p / e for p, e in zip(p_alone, e_wall)]
    cratio = [p / e for p, e in zip(p_alone_cpu, e_cpu)]
    r_min, r_med, r_max = spread(ratio)
    print("bench=python_grid rounds=%d nodes=%d rows=%s ecogrid_process_s=%.4f ecogrid_process_cpu_s=%.4f "
          "pandas_read_csv_s=%.4f pandas_read_csv_cpu_s=%.4f pandas_process_s=%.4f ratio=%.2f ratio_min=%.2f "
          "ratio_max=%.2f cpu_ratio=%.2f interpreter_s=%.4f import_ecogrid_s=%.4f from_csv_s=%.4f"
          % (args.rounds, nodes, rows, statistics.median(e_wall), statistics.median(e_cpu), statistics.median(p_alone),
             statistics.median(p_alone_cpu), statistics.median(p_wall), r_med, r_min, r_max, statistics.median(cratio),
             statistics.median(empty), statistics.median(imp), statistics.median(load)))
    print("python_grid: a whole Python process loading the national grid through ecogrid %.3f s (interpreter "
          "start-up %.3f s, import ecogrid %.3f s, Grid.from_csv %.3f s); pandas.read_csv of the same file %.3f s "
          "alone (its process %.3f s): %.2fx (per round %.2f-%.2f; in CPU time %.2fx); median of %d"
          % (statistics.median(e_wall), statistics.median(empty), statistics.median(imp), statistics.median(load),
             statistics.median(p_alone), statistics.median(p_wall), r_med, r_min, r_max, statistics.median(cratio),
             args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
