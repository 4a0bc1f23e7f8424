"""Scale out on PostgreSQL itself: an hourly table sharded over three clusters.

Three clusters on Unix sockets each hold one hash partition (by station) of
an hourly table in a database `shard`; the first also holds the coordinator
database, where the table is partitioned into three postgres_fdw foreign
partitions (servers with `extensions 'ecogrid'` and `async_capable`). With
enable_partitionwise_aggregate, `GROUP BY station` of ecogrid.monthly_stats
is a full aggregate per partition (the partition key is the grouping key),
and postgres_fdw ships it: EXPLAIN VERBOSE shows the remote aggregate in
each shard's Remote SQL. The results equal those of one cluster holding all
rows (a local table in the coordinator), station by station. Without the
`extensions` option the aggregate is not shippable and runs on the
coordinator over the fetched rows: the option is what makes it distributed.

PostgreSQL 15's postgres_fdw pushes down only whole aggregates (not partial
ones), so the grouping must include the partition key; see README "In
PostgreSQL" for Citus and Greenplum, which also combine partial states.
"""

import os
import re

import pgcluster

N_STATIONS = 90

DATA = """
SELECT 's' || lpad(s::text, 4, '0') AS station, ts,
       CASE WHEN (s * 7 + extract(hour FROM ts)::integer) %% 29 = 0 THEN NULL
            ELSE round((5 + 20 * abs(sin(s + extract(epoch FROM ts) / 3600.0)))::numeric, 1)::float8 END AS so2,
       round((20 + 15 * abs(cos(s * 1.3 + extract(epoch FROM ts) / 7200.0)))::numeric, 1)::float8 AS no2,
       round((40 + 60 * abs(sin(s * 0.7 + extract(epoch FROM ts) / 10000.0)))::numeric, 1)::float8 AS pm10,
       CASE WHEN s %% 11 = 0 AND extract(day FROM ts - interval '1 hour') < 6 THEN NULL
            ELSE round((20 + 40 * abs(sin(s * 0.9 + extract(epoch FROM ts) / 9000.0)))::numeric, 1)::float8 END AS pm25,
       0.4 + abs(sin(s + extract(epoch FROM ts) / 50000.0)) AS co,
       round((60 + 100 * abs(sin(s * 0.3 + extract(epoch FROM ts) / 40000.0)))::numeric, 1)::float8 AS o3,
       CASE WHEN s %% 5 = 0 AND extract(day FROM ts - interval '1 hour') = 7 THEN 1
            WHEN s %% 7 = 0 AND extract(day FROM ts - interval '1 hour') = 12 THEN 2 ELSE 0 END AS flags
FROM generate_series(1, %d) s, generate_series('2026-03-01 01:00'::timestamp, '2026-04-01 00:00', '1 hour') ts
"""

COLUMNS = "(station text, ts timestamp, so2 float8, no2 float8, pm10 float8, pm25 float8, co float8, o3 float8, flags integer)"

QUERY = "SELECT station, ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3, flags) AS s FROM %s GROUP BY station"


def setup(inst, root, n_stations, settings=None, quiet=False):
    """Start three shard clusters and the coordinator database; load n_stations' month of hours.
    Returns (clusters, coordinator cluster)."""
    shards = []
    for i in range(3):
        c = pgcluster.Cluster(inst, os.path.join(root, "shard%d" % (i + 1)), settings).init().start()
        shards.append(c)
        c.psql("CREATE DATABASE shard;")
        c.psql("CREATE EXTENSION ecogrid; CREATE TABLE hourly_p%d %s;" % (i, COLUMNS), db="shard")
    coord = shards[0]
    coord.psql("CREATE DATABASE coord;")
    sql = ["CREATE EXTENSION ecogrid;", "CREATE EXTENSION postgres_fdw;",
           "CREATE TABLE hourly %s PARTITION BY HASH (station);" % COLUMNS]
    for i, c in enumerate(shards):
        sql.append("CREATE SERVER shard%d FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', port '%s', "
                   "dbname 'shard', extensions 'ecogrid', async_capable 'true', fetch_size '10000', batch_size '1000');"
                   % (i + 1, c.socket, c.port))
        sql.append("CREATE USER MAPPING FOR CURRENT_USER SERVER shard%d OPTIONS (user '%s');"
                   % (i + 1, pgcluster.SUPERUSER))
        sql.append("CREATE FOREIGN TABLE hourly_p%d PARTITION OF hourly FOR VALUES WITH (MODULUS 3, REMAINDER %d) "
                   "SERVER shard%d OPTIONS (table_name 'hourly_p%d');" % (i, i, i + 1, i))
    sql.append("CREATE TABLE hourly_one %s;" % COLUMNS)
    coord.psql("\n".join(sql), db="coord")
    # The same rows into the sharded table (routed to the shards) and into one local table.
    coord.psql("INSERT INTO hourly %s; INSERT INTO hourly_one SELECT * FROM hourly;" % (DATA % n_stations), db="coord")
    for i, c in enumerate(shards):
        c.psql("ANALYZE hourly_p%d;" % i, db="shard")
    coord.psql("ANALYZE hourly_one; ANALYZE hourly;", db="coord")
    return shards, coord


PUSHDOWN = "SET enable_partitionwise_aggregate = on;\n"


def run(inst, root):
    shards, coord = setup(inst, root, N_STATIONS)
    failures = 0
    try:
        counts = [c.psql("SELECT count(*) FROM hourly_p%d" % i, db="shard").strip() for i, c in enumerate(shards)]
        print("rows per shard: %s (%d stations x 744 hours)" % (", ".join(counts), N_STATIONS))
        if sum(int(x) for x in counts) != N_STATIONS * 744 or min(int(x) for x in counts) == 0:
            print("FAIL: the rows are not spread over the three shards")
            failures += 1
        plan = coord.psql(PUSHDOWN + "EXPLAIN (VERBOSE, COSTS OFF) " + QUERY % "hourly", db="coord")
        print(plan)
        remote = re.findall(r"Remote SQL: (SELECT station, ecogrid\.monthly_stats\(.*GROUP BY 1)", plan)
        checks = [
            ("3 remote aggregates (Relations: Aggregate on ...)", len(re.findall(r"Relations: Aggregate on", plan)) == 3),
            ("3 Remote SQL with ecogrid.monthly_stats ... GROUP BY", len(remote) == 3),
            ("asynchronous foreign scans (async_capable)", len(re.findall(r"Async Foreign Scan", plan)) == 3),
            ("no aggregate left on the coordinator", not re.search(r"^\s*(->\s*)?(Finalize |Partial )?(Hash|Group)Aggregate",
                                                                   plan, re.M)),
        ]
        for what, ok in checks:
            print("%s pushdown: %s" % ("ok  " if ok else "FAIL", what))
            failures += not ok
        same = coord.psql(PUSHDOWN + """
            WITH sharded AS (%s), one AS (%s)
            SELECT count(*), count(*) FILTER (WHERE o.s IS NOT DISTINCT FROM sh.s),
                   count(*) FILTER (WHERE (ecogrid.composite_index(o.s)).composite
                                          IS NOT DISTINCT FROM (ecogrid.composite_index(sh.s)).composite)
            FROM one o FULL JOIN sharded sh USING (station)""" % (QUERY % "hourly", QUERY % "hourly_one"),
                          db="coord").strip().split("|")
        ok = same[0] == same[1] == same[2] == str(N_STATIONS)
        print("%s results: %s stations, %s equal to one cluster's, %s equal composite indices"
              % ("ok  " if ok else "FAIL", same[0], same[1], same[2]))
        failures += not ok
        # Without the extensions option the aggregate is not shippable.
        for i in range(3):
            coord.psql("ALTER SERVER shard%d OPTIONS (DROP extensions);" % (i + 1), db="coord")
        plan2 = coord.psql(PUSHDOWN + "EXPLAIN (VERBOSE, COSTS OFF) " + QUERY % "hourly", db="coord")
        ok = "Relations: Aggregate on" not in plan2 and "ecogrid.monthly_stats" not in "".join(
            re.findall(r"Remote SQL: .*", plan2))
        print("%s control: without extensions 'ecogrid' the aggregate runs on the coordinator" % ("ok  " if ok else "FAIL"))
        failures += not ok
        return 1 if failures else 0
    finally:
        for c in shards:
            c.stop()
