#!/usr/bin/env python3
"""ecogrid inside PostgreSQL: one month of hourly data for 20,000 stations.

    python3 bench/postgresql/bench.py --module build/bindings/postgresql/ecogrid.so
        [--stations 20000] [--rounds 3] [--no-shards]

Builds a throw-away PostgreSQL 15 installation with the extension (as the
tests do, bindings/postgresql/test/pgcluster.py), loads 20,000 stations x
744 hours (14,880,000 rows, time-major as the data arrive) and times, on
the server (EXPLAIN ANALYZE's execution time, TIMING OFF), the median of
--rounds runs of:

  ecogrid   SELECT station, ecogrid.monthly_stats(ts, so2, ..., o3, flags) ... GROUP BY station
  plain     SELECT station, avg(so2), ..., avg(pm25),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY co),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY o3) ... GROUP BY station

with 0, 1 and 2 parallel workers (max_parallel_workers_per_gather), then
the same two queries over three shards (three clusters, the table range-
partitioned by station into postgres_fdw foreign partitions, partitionwise
aggregation pushed down, asynchronous scans). The plain query is what
people write without the rules: hourly averages instead of valid daily
means, CO and O3 percentiles of hourly values instead of daily means and
MDA8, no validity, no dust or tampered days; the run counts the stations
where its reported figures differ from the rules'. Prints key=value lines,
the ratios and a verdict. Needs about 6 GB of disk and 4 GB of memory.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bindings", "postgresql", "test"))
import pgcluster  # noqa: E402

COLUMNS = ("(station integer, ts timestamp, so2 float8, no2 float8, pm10 float8, pm25 float8, co float8, "
           "o3 float8, flags integer)")

# Deterministic pseudo-random hours: every (station, hour) gives the same row wherever it is generated.
# About 2 % of values missing; one station in 50 loses its first 6 days (an invalid month); one in 40
# has 3 dust days, one in 97 a tampered day.
GENERATE = """
INSERT INTO {table}
SELECT s, timestamp '2026-03-01 01:00' + h * interval '1 hour',
       CASE WHEN r1 % 53 = 0 OR gone THEN NULL ELSE 4 + (r1 % 2700) / 100.0 END,
       CASE WHEN r2 % 59 = 0 OR gone THEN NULL ELSE 12 + (r2 % 5100) / 100.0 END,
       CASE WHEN r3 % 61 = 0 OR gone THEN NULL ELSE 30 + (r3 % 11000) / 100.0 END,
       CASE WHEN r4 % 67 = 0 OR gone THEN NULL ELSE 15 + (r4 % 7500) / 100.0 END,
       CASE WHEN r5 % 71 = 0 OR gone THEN NULL ELSE 0.3 + (r5 % 2000) / 1000.0 END,
       CASE WHEN r6 % 73 = 0 OR gone THEN NULL ELSE 40 + (r6 % 16000) / 100.0 END,
       CASE WHEN s % 40 = 0 AND h / 24 IN (4, 5, 6) THEN 1 WHEN s % 97 = 0 AND h / 24 = 10 THEN 2 ELSE 0 END
FROM generate_series(0, 743) h, generate_series({first}, {last}) s,
     LATERAL (SELECT abs(hashint8(s::bigint * 1000 + h)) AS r1, abs(hashint8(s::bigint * 1000 + h + 7919)) AS r2,
                     abs(hashint8(s::bigint * 1000 + h + 15887)) AS r3, abs(hashint8(s::bigint * 1000 + h + 23819)) AS r4,
                     abs(hashint8(s::bigint * 1000 + h + 31847)) AS r5, abs(hashint8(s::bigint * 1000 + h + 39901)) AS r6,
                     s % 50 = 0 AND h < 144 AS gone) r
"""

ECOGRID = "SELECT station, ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3, flags) AS s FROM {t} GROUP BY station"
PLAIN = ("SELECT station, avg(so2) AS so2, avg(no2) AS no2, avg(pm10) AS pm10, avg(pm25) AS pm25, "
         "percentile_cont(0.95) WITHIN GROUP (ORDER BY co) AS co, percentile_cont(0.9) WITHIN GROUP (ORDER BY o3) AS o3 "
         "FROM {t} GROUP BY station")

SESSION = "SET work_mem = '1GB'; SET jit = off; SET max_parallel_workers_per_gather = {w};"
# work_mem on the server too: postgres_fdw asks the shards for their cost estimates (use_remote_estimate),
# and a shard planning its aggregate with the default 4MB would price a sort and lose the pushdown.
# No autovacuum: it would add its own processes to the CPU figures (the tables are vacuumed once after loading).
SERVER = {"shared_buffers": "'1GB'", "work_mem": "'1GB'", "max_worker_processes": "16", "max_parallel_workers": "8",
          "checkpoint_timeout": "'30min'", "max_wal_size": "'8GB'", "jit": "off", "autovacuum": "off"}


TICK = os.sysconf("SC_CLK_TCK")


def children_cpu(clusters):
    """CPU seconds of the exited children of the clusters' postmasters (backends and parallel workers
    are children: when they exit, the kernel adds their time to the postmaster's cutime and cstime)."""
    total = 0
    for c in clusters:
        with open(os.path.join(c.data, "postmaster.pid")) as f:
            pid = f.readline().strip()
        with open("/proc/%s/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[13]) + int(fields[14])  # cutime, cstime (fields 16 and 17 of stat)
    return total / TICK


def explain_time(c, db, query, session, cpu_of):
    """Server execution time (s), CPU seconds of every process of the query, and workers launched,
    from EXPLAIN (ANALYZE, TIMING OFF) in a session of its own."""
    before = children_cpu(cpu_of)
    out = c.psql(session + "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + query, db=db)
    time.sleep(0.5)  # let the postmasters reap the exited backend and workers
    cpu = children_cpu(cpu_of) - before
    plan = json.loads(out[out.index("["):])[0]

    def workers(node):
        n = node.get("Workers Launched", 0)
        return n + sum(workers(ch) for ch in node.get("Plans", []))

    return plan["Execution Time"] / 1000.0, cpu, workers(plan["Plan"])


def timed(c, db, query, session, rounds, cpu_of):
    runs = [explain_time(c, db, query, session, cpu_of) for _ in range(rounds)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), max(r[2] for r in runs)


def differences(c, db, table):
    """Stations where the plain query's reported figures differ from the rules' (ecogrid): the
    composite index (2 decimals), any statistic at its reported precision (µg/m³ integers, CO 0.1),
    each statistic, and the months the rules call invalid (which plain SQL reports all the same)."""
    stat = lambda col, d: ("ecogrid.round_gbt8170((s).{0}, {1}) IS DISTINCT FROM ecogrid.round_gbt8170({0}, {1})"
                           .format(col, d))
    per = [stat(col, 1 if col == "co" else 0) for col in ("so2", "no2", "pm10", "pm25", "co", "o3")]
    q = """
    WITH e AS ({e}), p AS ({p}),
         j AS (SELECT e.station, e.s, p.*, ecogrid.composite_index(e.s) AS ci FROM e JOIN p USING (station))
    SELECT count(*),
           count(*) FILTER (WHERE (ci).reported IS DISTINCT FROM
                                  (ecogrid.composite_index(so2, no2, pm10, pm25, co, o3, 'CN2026')).reported),
           count(*) FILTER (WHERE {any}),
           count(*) FILTER (WHERE NOT ((s).so2_valid AND (s).no2_valid AND (s).pm10_valid AND (s).pm25_valid
                                       AND (s).co_valid AND (s).o3_valid)),
           {each}
    FROM j""".format(e=ECOGRID.format(t=table), p=PLAIN.format(t=table), any=" OR ".join(per),
                     each=", ".join("count(*) FILTER (WHERE %s)" % x for x in per))
    return [int(x) for x in c.psql(SESSION.format(w=2) + q, db=db).strip().split("|")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--module", required=True, help="the built ecogrid.so")
    ap.add_argument("--stations", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-shards", action="store_true")
    args = ap.parse_args()
    ok, why = pgcluster.available()
    if not ok:
        print("skipped=1 reason=\"%s\"" % why)
        return 0
    n = args.stations
    src = os.path.join(ROOT, "bindings", "postgresql")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))  # still stop the servers
    root = pgcluster.temp_root("ecogrid-pgbench-")
    clusters = []
    try:
        stage = os.path.join(root, "stage")
        pgcluster.stage_files(stage, args.module, os.path.join(src, "ecogrid.control"),
                              [os.path.join(src, f) for f in os.listdir(src) if f.startswith("ecogrid--")])
        inst = pgcluster.Installation(os.path.join(root, "inst"), stage)
        print("machine nproc=%d load=\"%s\" postgres=\"%s\" stations=%d rows=%d rounds=%d" % (
            os.cpu_count(), open("/proc/loadavg").read().split(" ", 3)[:3], pgcluster.pg_config("--version"),
            n, n * 744, args.rounds))
        # ---- one cluster ----
        c = pgcluster.Cluster(inst, os.path.join(root, "one"), SERVER).init().start()
        clusters.append(c)
        c.psql("CREATE DATABASE bench;")
        t0 = time.time()
        c.psql("CREATE EXTENSION ecogrid; CREATE TABLE hourly %s;" % COLUMNS, db="bench")
        c.psql(GENERATE.format(table="hourly", first=1, last=n), db="bench")
        c.psql("VACUUM (ANALYZE, FREEZE) hourly;", db="bench")
        size = c.psql("SELECT pg_size_pretty(pg_table_size('hourly'))", db="bench").strip()
        print("load table=hourly rows=%d size=\"%s\" seconds=%.1f" % (n * 744, size, time.time() - t0))
        res, cpu = {}, {}
        launched_plain = 0
        for w in (0, 1, 2):
            for name, q in (("ecogrid", ECOGRID), ("plain", PLAIN)):
                secs, cpus, launched = timed(c, "bench", q.format(t="hourly"), SESSION.format(w=w), args.rounds, [c])
                res[(name, w)] = secs
                cpu[(name, w)] = cpus
                if name == "plain" and w:
                    launched_plain += launched
                print("one_cluster query=%s workers=%d launched=%d seconds=%.3f cpu_seconds=%.3f rows_per_s=%.0f" % (
                    name, w, launched, secs, cpus, n * 744 / secs))
        stations, idx_diff, stat_diff, invalid, *each = differences(c, "bench", "hourly")
        print("differences stations=%d composite_index_differs=%d statistic_differs=%d invalid_months=%d "
              "so2=%d no2=%d pm10=%d pm25=%d co=%d o3=%d" % (stations, idx_diff, stat_diff, invalid, *each))
        ref = c.psql("SELECT md5(string_agg(s::text, ',' ORDER BY station)) FROM (%s) q" % ECOGRID.format(t="hourly"),
                     db="bench").strip()
        c.stop()
        # ---- three shards ----
        shard_res = {}
        pushed, same = False, None
        if not args.no_shards:
            # Each shard runs its part in one process: three processes in all, as one cluster with 2 workers.
            shard_settings = dict(SERVER, shared_buffers="'512MB'", max_parallel_workers_per_gather="0")
            shards = []
            bounds = [(1 + i * n // 3, (i + 1) * n // 3) for i in range(3)]
            t0 = time.time()
            for i, (lo, hi) in enumerate(bounds):
                s = pgcluster.Cluster(inst, os.path.join(root, "shard%d" % (i + 1)), shard_settings).init().start()
                shards.append(s)
                clusters.append(s)
                s.psql("CREATE DATABASE shard;")
                s.psql("CREATE EXTENSION ecogrid; CREATE TABLE hourly_p%d %s;" % (i, COLUMNS), db="shard")
            # Each shard generates its own stations (in parallel: one psql per shard).
            procs = [subprocess.Popen([inst.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "shard", "-c",
                                       GENERATE.format(table="hourly_p%d" % i, first=lo, last=hi),
                                       "-c", "VACUUM (ANALYZE, FREEZE) hourly_p%d;" % i], env=s.env())
                     for i, ((lo, hi), s) in enumerate(zip(bounds, shards))]
            if any(p.wait() for p in procs):
                raise RuntimeError("loading the shards failed")
            coord = shards[0]
            sql = ["CREATE DATABASE coord;"]
            coord.psql("\n".join(sql))
            sql = ["CREATE EXTENSION ecogrid;", "CREATE EXTENSION postgres_fdw;",
                   "CREATE TABLE hourly %s PARTITION BY RANGE (station);" % COLUMNS]
            for i, ((lo, hi), s) in enumerate(zip(bounds, shards)):
                sql.append("CREATE SERVER shard%d FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', port '%s', "
                           "dbname 'shard', extensions 'ecogrid', async_capable 'true', fetch_size '10000');"
                           % (i + 1, s.socket, s.port))
                sql.append("CREATE USER MAPPING FOR CURRENT_USER SERVER shard%d OPTIONS (user '%s');"
                           % (i + 1, pgcluster.SUPERUSER))
                sql.append("CREATE FOREIGN TABLE hourly_p%d PARTITION OF hourly FOR VALUES FROM (%d) TO (%d) "
                           "SERVER shard%d OPTIONS (table_name 'hourly_p%d', use_remote_estimate 'true');"
                           % (i, lo, hi + 1, i + 1, i))
            coord.psql("\n".join(sql), db="coord")
            print("load shards=3 rows=%d seconds=%.1f" % (n * 744, time.time() - t0))
            session = SESSION.format(w=0) + "SET enable_partitionwise_aggregate = on;"
            plan = coord.psql(session + "EXPLAIN (VERBOSE, COSTS OFF) " + ECOGRID.format(t="hourly"), db="coord")
            pushed = plan.count("Relations: Aggregate on") == 3 and plan.count("Async Foreign Scan") == 3
            print("shards pushdown=%d" % pushed)
            if not pushed:
                print(plan)
            for name, q in (("ecogrid", ECOGRID), ("plain", PLAIN)):
                secs, cpus, _ = timed(coord, "coord", q.format(t="hourly"), session, args.rounds, shards)
                shard_res[name] = secs
                print("three_shards query=%s seconds=%.3f cpu_seconds=%.3f rows_per_s=%.0f" % (
                    name, secs, cpus, n * 744 / secs))
            same = coord.psql(session + "SELECT md5(string_agg(s::text, ',' ORDER BY station)) FROM (%s) q"
                              % ECOGRID.format(t="hourly"), db="coord").strip()
            print("shards same_as_one_cluster=%d" % (same == ref))
        # ---- ratios and verdict ----
        print()
        print("ratios (time / time; below 1 means the first is faster):")
        for w in (0, 1, 2):
            print("  ecogrid vs plain SQL, %d workers: %.2fx" % (w, res[("ecogrid", w)] / res[("plain", w)]))
        for name in ("ecogrid", "plain"):
            print("  %s speed-up: 1 worker %.2fx, 2 workers %.2fx" % (
                name, res[(name, 0)] / res[(name, 1)], res[(name, 0)] / res[(name, 2)]))
        for name in ("ecogrid", "plain"):
            print("  %s CPU seconds: 0 workers %.1f, 1 worker %.1f, 2 workers %.1f" % (
                name, cpu[(name, 0)], cpu[(name, 1)], cpu[(name, 2)]))
        for name in shard_res:
            print("  %s three shards (one process each) vs one cluster: %.2fx faster than 0 workers, "
                  "%.2fx than 2 workers (three processes either way)" % (
                      name, res[(name, 0)] / shard_res[name], res[(name, 2)] / shard_res[name]))
        # ---- verdict against the goals ----
        speedup = res[("ecogrid", 0)] / res[("ecogrid", 2)]
        # What the CPU seconds predict on an idle machine: the leader and 2 workers share min(3, CPUs) CPUs.
        cpus = min(3, os.cpu_count() or 1)
        idle_estimate = cpu[("ecogrid", 0)] / (cpu[("ecogrid", 2)] / cpus) if cpu[("ecogrid", 2)] > 0 else 0.0
        load = float(open("/proc/loadavg").read().split()[1])
        print("  ecogrid with 2 workers: %+.0f %% CPU against none (partial states serialised, combined, "
              "gathered); on an idle machine with %d CPUs that predicts %.2fx" % (
                  100.0 * (cpu[("ecogrid", 2)] / cpu[("ecogrid", 0)] - 1), cpus, idle_estimate))
        if launched_plain == 0:
            print("  plain SQL launched no parallel worker: PostgreSQL has no partial mode for percentile_cont "
                  "(an ordered-set aggregate), so its 1- and 2-worker runs repeat the serial plan; their spread "
                  "is the run's noise")
        if load > (os.cpu_count() or 1):
            print("  WARNING: the machine was loaded (5-minute load %.1f on %d CPUs): wall times include waiting "
                  "for a CPU, and a query with more processes gets a larger share of a busy machine, which "
                  "inflates the parallel speed-up; the CPU seconds and the idle estimate do not depend on it"
                  % (load, os.cpu_count() or 1))
        goals = [("parallel_speedup", speedup >= 1.2 and idle_estimate >= 1.2,
                  "2 parallel workers run ecogrid.monthly_stats %.2fx as fast as none, %.2fx predicted from the CPU "
                  "seconds on an idle machine (goal: a speed-up, >= 1.2x on both)" % (speedup, idle_estimate)),
                 ("plain_sql_differs", stations > 0,
                  "plain SQL (avg, percentile_cont) gets %d of %d stations' composite index wrong, %d months the "
                  "rules call invalid" % (idx_diff, stations, invalid))]
        if shard_res:
            goals.append(("three_shards", pushed and same == ref,
                          "three shards: aggregate pushed down to every shard %s, results equal one cluster's %s, "
                          "%.2fx one cluster's time with 0 workers" % (
                              "yes" if pushed else "NO", "yes" if same == ref else "NO",
                              shard_res["ecogrid"] / res[("ecogrid", 0)])))
        print()
        for goal, ok, what in goals:
            print("verdict %s=%s %s" % (goal, "PASS" if ok else "FAIL", what))
        print("verdict overall=%s" % ("PASS" if all(ok for _, ok, _ in goals) else "FAIL"))
        return 0
    finally:
        for c in clusters:
            c.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
