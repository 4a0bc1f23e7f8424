#!/usr/bin/env python3
"""Benchmark: import the national division file into an `ecogrid` workspace.

Decompresses divisions/china.csv.gz (from ECOGRID_SHARED_DATA or
../shared/data) to a temporary file, then times `ecogrid init` + `ecogrid
grid import` (the library's loader plus one SQLite transaction writing every
node) and, as the baseline in the same run, `ecogrid grid show` (reading the
workspace back into a grid). Median of N runs (default 3). Prints one
key=value line and a human line; prints skipped=1 when the data is absent.

    python3 bench/tool_import.py [--tool build/tools/ecogrid/ecogrid] [--runs 3]
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default=os.environ.get("ECOGRID_TOOL", os.path.join(HERE, "..", "build", "tools", "ecogrid", "ecogrid")))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    shared = os.environ.get("ECOGRID_SHARED_DATA", os.path.join(HERE, "..", "..", "shared", "data"))
    src = os.path.join(shared, "divisions", "china.csv.gz")
    if not os.path.exists(src):
        print("bench=tool_import skipped=1 reason=no_data")
        print(f"tool_import: skipped, {src} is absent")
        return 0
    if not os.access(args.tool, os.X_OK):
        print(f"tool_import: no ecogrid tool at {args.tool} (build it first)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "china.csv")
        with gzip.open(src, "rb") as fin, open(csv, "wb") as fout:
            shutil.copyfileobj(fin, fout)
        imports, reads, size, out = [], [], 0, ""
        for r in range(args.runs):
            db = os.path.join(tmp, f"ws{r}.db")
            t0 = time.perf_counter()
            subprocess.run([args.tool, "--db", db, "init"], check=True, capture_output=True)
            out = subprocess.run([args.tool, "--db", db, "grid", "import", csv], check=True, capture_output=True,
                                 text=True).stdout
            t1 = time.perf_counter()
            subprocess.run([args.tool, "--db", db, "grid", "show"], check=True, capture_output=True)
            t2 = time.perf_counter()
            imports.append(t1 - t0)
            reads.append(t2 - t1)
            size = os.path.getsize(db)
            os.remove(db)
        nodes = int(out.split("：", 1)[1].split(" ")[0]) if "：" in out else 0
        ti, tr = statistics.median(imports), statistics.median(reads)
        print(f"bench=tool_import nodes={nodes} runs={args.runs} import_s={ti:.3f} readback_s={tr:.3f} "
              f"ratio={ti / tr:.2f} nodes_per_s={nodes / ti:.0f} workspace_bytes={size} bytes_per_node={size / max(nodes, 1):.1f}")
        print(f"tool_import: {nodes:,} nodes into a workspace in {ti:.2f} s ({nodes / ti / 1e3:.0f} k nodes/s), "
              f"{ti / tr:.1f}x reading it back ({tr:.2f} s); workspace {size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
