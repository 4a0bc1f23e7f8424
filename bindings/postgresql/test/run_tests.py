#!/usr/bin/env python3
"""Run the extension's tests against throw-away clusters.

    run_tests.py regress  --module ecogrid.so [--source DIR]
    run_tests.py compare  --module ecogrid.so --reference PROGRAM
    run_tests.py shards   --module ecogrid.so
    run_tests.py valgrind --module ecogrid.so     (the regression suite with every backend under
                                                   valgrind memcheck; runs when ECOGRID_PG_VALGRIND=1)
    run_tests.py installcheck [--source DIR]   (after `make install`: the
                                                system installation, `make installcheck`)

regress runs the PGXS regression suite (sql/*.sql against expected/*.out,
the REGRESS list of the Makefile) with pg_regress, as `make installcheck`
does; compare checks the extension's results row by row against the C
library's on the same inputs; shards runs three clusters with postgres_fdw
(see shards.py). valgrind stands in for a sanitizer build, which the server
cannot load (see meson.build): it fails on any memcheck error or definite
leak whose stack passes through the extension or the library.

Exit status 77 (skip) when PostgreSQL is not installed, unless
ECOGRID_PG_REQUIRED=1 (set by meson for -Dpostgresql=enabled), where it is
a failure. ECOGRID_PG_KEEP=1 keeps the temporary directory.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pgcluster  # noqa: E402

SOURCE = os.path.dirname(HERE)


def regress_list(source):
    with open(os.path.join(source, "Makefile")) as f:
        m = re.search(r"^REGRESS\s*=\s*(.+)$", f.read(), re.M)
    return m.group(1).split()


def make_installation(args, root):
    if args.command == "installcheck":
        return pgcluster.Installation(root, installed=True)
    stage = os.path.join(root, "stage")
    sql = [os.path.join(args.source, f) for f in os.listdir(args.source) if re.match(r"ecogrid--.*\.sql$", f)]
    pgcluster.stage_files(stage, args.module, os.path.join(args.source, "ecogrid.control"), sql)
    return pgcluster.Installation(os.path.join(root, "inst"), stage)


def valgrind_findings(logdir):
    """Memcheck reports (errors, definite leaks) whose stack passes through our code."""
    found = []
    for name in sorted(os.listdir(logdir)):
        with open(os.path.join(logdir, name), errors="replace") as f:
            for block in re.split(r"\n==\d+== \n", f.read()):
                if re.search(r"ecogrid\.so\)|egpg_|[ :]eg_\w+ \(", block):
                    found.append(block)
    return found


def run_regress(args, inst, root):
    vg = os.path.join(root, "valgrind") if args.command == "valgrind" else None
    c = pgcluster.Cluster(inst, os.path.join(root, "regress")).init().start(valgrind_logs=vg)
    try:
        env = c.env()
        if args.command == "installcheck":
            r = subprocess.run(["make", "-C", args.source, "installcheck"], env=env)
            if r.returncode:
                diffs = os.path.join(args.source, "regression.diffs")
                if os.path.exists(diffs):
                    sys.stdout.write(open(diffs, errors="replace").read())
            return r.returncode
        pg_regress = os.path.join(pgcluster.pg_config("--pkglibdir"), "pgxs", "src", "test", "regress", "pg_regress")
        out = os.path.join(root, "regress-out")
        os.makedirs(out)
        r = subprocess.run([pg_regress, "--inputdir=" + args.source, "--outputdir=" + out,
                            "--bindir=" + inst.sys_bindir, "--dbname=contrib_regression",
                            "--encoding=UTF8", "--no-locale", *regress_list(args.source)], env=env)
        if r.returncode:
            diffs = os.path.join(out, "regression.diffs")
            if os.path.exists(diffs):
                sys.stdout.write(open(diffs, errors="replace").read())
        if vg:
            c.stop()
            found = valgrind_findings(vg)
            for block in found:
                print(block)
            print("valgrind: %d processes, %d reports through the extension or the library"
                  % (len(os.listdir(vg)), len(found)))
            return r.returncode or (1 if found else 0)
        return r.returncode
    finally:
        c.stop()
        if args.verbose_log:
            print(c.log())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["regress", "compare", "shards", "installcheck", "valgrind"])
    ap.add_argument("--module", help="the built ecogrid.so")
    ap.add_argument("--source", default=SOURCE, help="bindings/postgresql")
    ap.add_argument("--reference", help="the C reference program (compare)")
    ap.add_argument("--verbose-log", action="store_true")
    args = ap.parse_args()
    ok, why = pgcluster.available()
    if not ok:
        print("SKIP: " + why)
        return 1 if os.environ.get("ECOGRID_PG_REQUIRED") == "1" else 77
    if args.command == "valgrind" and os.environ.get("ECOGRID_PG_VALGRIND") != "1":
        print("SKIP: set ECOGRID_PG_VALGRIND=1 to run the regression suite under valgrind (minutes; .ci/run does)")
        return 77
    if args.command == "valgrind" and not shutil.which("valgrind"):
        print("SKIP: valgrind not installed")
        return 1 if os.environ.get("ECOGRID_PG_REQUIRED") == "1" else 77
    if args.command != "installcheck" and not args.module:
        ap.error("--module is required")
    # A timeout (meson sends SIGTERM) still stops the servers and removes the directory.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    root = pgcluster.temp_root()
    try:
        inst = make_installation(args, root)
        if args.command in ("regress", "installcheck", "valgrind"):
            return run_regress(args, inst, root)
        if args.command == "compare":
            import compare
            return compare.run(inst, root, args.reference)
        import shards
        return shards.run(inst, root)
    finally:
        if os.environ.get("ECOGRID_PG_KEEP") == "1":
            print("kept " + root)
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
