-- ecogrid.monthly_stats: a station's month from its hourly rows (airquality.md
-- §2-§4, CJ-A3-6): daily means valid with >= 20 hours, MDA8, the month valid
-- with >= 27 valid days (February 25), dust days, tampered days; partial
-- aggregation in parallel workers gives the same results.
SET datestyle = 'ISO, YMD';
SET timezone = 'Asia/Shanghai';

-- The hour labelled ts covers the hour before it (§3): a day D runs from D 01:00 to D+1 00:00.
CREATE TABLE hourly (station text, ts timestamp, so2 float8, no2 float8, pm10 float8, pm25 float8,
                     co float8, o3 float8, flags integer);
CREATE FUNCTION pg_temp.day_of(ts timestamp) RETURNS integer LANGUAGE sql IMMUTABLE
  AS $$ SELECT extract(day FROM ts - interval '1 hour')::integer $$;
CREATE FUNCTION pg_temp.hours(first timestamp, last timestamp) RETURNS SETOF timestamp LANGUAGE sql IMMUTABLE
  AS $$ SELECT generate_series(first, last, interval '1 hour') $$;

-- 'const': every hour of January 2026 at SO2 10, NO2 30, PM10 70, PM2.5 35, CO 1, O3 100.
INSERT INTO hourly SELECT 'const', ts, 10, 30, 70, 35, 1, 100, 0 FROM pg_temp.hours('2026-01-01 01:00', '2026-02-01 00:00') ts;
-- 'dust': PM10 100 and PM2.5 80 on days 1-3, flagged dust (1); 50 and 30 on the other 28 days.
INSERT INTO hourly SELECT 'dust', ts, 10, 30, CASE WHEN pg_temp.day_of(ts) <= 3 THEN 100 ELSE 50 END,
       CASE WHEN pg_temp.day_of(ts) <= 3 THEN 80 ELSE 30 END, 1, 100, CASE WHEN pg_temp.day_of(ts) <= 3 THEN 1 ELSE 0 END
FROM pg_temp.hours('2026-01-01 01:00', '2026-02-01 00:00') ts;
-- 'tamper': SO2 10, 40 on day 10, and 2 on day 5, where interference was verified (2).
INSERT INTO hourly SELECT 'tamper', ts, CASE pg_temp.day_of(ts) WHEN 10 THEN 40 WHEN 5 THEN 2 ELSE 10 END, 30, 70, 35, 1, 100,
       CASE WHEN pg_temp.day_of(ts) = 5 THEN 2 ELSE 0 END
FROM pg_temp.hours('2026-01-01 01:00', '2026-02-01 00:00') ts;
-- 'h19' / 'h20': day 1 has only 19 / 20 hours (of SO2 100 / 41); the other days are full at 10.
INSERT INTO hourly SELECT 'h19', ts, CASE WHEN pg_temp.day_of(ts) = 1 THEN 100 ELSE 10 END, 30, 70, 35, 1, 100, 0
FROM pg_temp.hours('2026-01-01 01:00', '2026-02-01 00:00') ts WHERE ts > '2026-01-01 19:00' IS FALSE OR ts >= '2026-01-02 01:00';
INSERT INTO hourly SELECT 'h20', ts, CASE WHEN pg_temp.day_of(ts) = 1 THEN 41 ELSE 10 END, 30, 70, 35, 1, 100, 0
FROM pg_temp.hours('2026-01-01 01:00', '2026-02-01 00:00') ts WHERE ts > '2026-01-01 20:00' IS FALSE OR ts >= '2026-01-02 01:00';
-- 'd27' / 'd26': only days 1-27 / 1-26 of January (the month needs 27 valid days).
INSERT INTO hourly SELECT 'd27', ts, 10, 30, 70, 35, 1, 100, 0 FROM pg_temp.hours('2026-01-01 01:00', '2026-01-28 00:00') ts;
INSERT INTO hourly SELECT 'd26', ts, 10, 30, 70, 35, 1, 100, 0 FROM pg_temp.hours('2026-01-01 01:00', '2026-01-27 00:00') ts;
-- 'f25' / 'f24': February 2026 (28 days) with days 4-28 / 5-28 (February needs 25).
INSERT INTO hourly SELECT 'f25', ts, 10, 30, 70, 35, 1, 100, 0 FROM pg_temp.hours('2026-02-04 01:00', '2026-03-01 00:00') ts;
INSERT INTO hourly SELECT 'f24', ts, 10, 30, 70, 35, 1, 100, 0 FROM pg_temp.hours('2026-02-05 01:00', '2026-03-01 00:00') ts;
-- 'pct': CO = d/10 and O3 = 10 d on day d, every hour; NO2 missing (NULL) in every hour.
INSERT INTO hourly SELECT 'pct', ts, 10, NULL, 70, 35, pg_temp.day_of(ts) / 10.0, 10 * pg_temp.day_of(ts), 0
FROM pg_temp.hours('2026-01-01 01:00', '2026-02-01 00:00') ts;

-- 'const': the constants, every pollutant valid with 31 days (27 required).
-- 'dust': PM10 and PM2.5 skip the 3 dust days: 50 and 30 over 28 days.
-- 'tamper': day 5 is replaced by the month's highest daily SO2 (40): (29 x 10 + 40 + 40) / 31 = 370/31 = 11.935483870967742.
-- 'pct': CO 95th percentile of 0.1 ... 3.1: k = 1 + 30 x 0.95 = 29.5 -> 2.9 + 0.5 x 0.1 = 2.95;
--        O3 90th percentile of MDA8 10 ... 310: k = 1 + 30 x 0.9 = 28 -> 280; NO2 has no valid day: NULL, 0 days.
SELECT station, (s).month, (s).so2, (s).no2, (s).pm10, (s).pm25, round((s).co::numeric, 10) AS co, (s).o3,
       (s).so2_valid AND (s).no2_valid AND (s).pm10_valid AND (s).pm25_valid AND (s).co_valid AND (s).o3_valid AS all_valid,
       (s).so2_days, (s).no2_days, (s).pm10_days, (s).co_days, (s).o3_days, (s).days, (s).required_days
FROM (SELECT station, ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3, flags) AS s
      FROM hourly WHERE station IN ('const', 'dust', 'tamper', 'pct') GROUP BY station) t ORDER BY station;

-- Without the flags: dust days count, (3 x 100 + 28 x 50) / 31 = 1700/31 = 54.83870967741935;
-- the tampered day counts with its own 2: (29 x 10 + 40 + 2) / 31 = 332/31 = 10.709677419354838.
SELECT station, (s).so2, (s).pm10, (s).pm10_days
FROM (SELECT station, ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3) AS s
      FROM hourly WHERE station IN ('dust', 'tamper') GROUP BY station) t ORDER BY station;

-- Daily validity (>= 20 hours): 'h19' drops day 1 (30 days of 10 -> 10); 'h20' keeps it:
-- (41 + 30 x 10) / 31 = 11. Monthly validity: 27 days valid, 26 not; February 25 valid, 24 not;
-- an invalid month still has its value, flagged.
SELECT station, (s).month, (s).so2, (s).so2_valid, (s).so2_days, (s).days, (s).required_days
FROM (SELECT station, ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3) AS s
      FROM hourly WHERE station IN ('h19', 'h20', 'd27', 'd26', 'f25', 'f24') GROUP BY station) t ORDER BY station;

-- timestamptz is converted to CST (UTC+8): the same hours given in UTC give the same month.
SELECT ecogrid.monthly_stats((ts::text || '+08')::timestamptz, so2, no2, pm10, pm25, co, o3)
       = ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3) AS same
FROM hourly WHERE station = 'tamper';
SET timezone = 'UTC';
SELECT ((ecogrid.monthly_stats((ts::text || '+08')::timestamptz, so2, no2, pm10, pm25, co, o3))).month AS month_in_cst
FROM hourly WHERE station = 'const';
RESET timezone;

-- Composite index of a month (the profile in force in January 2026 is CN2012):
-- 10/60 + 30/40 + 70/70 + 35/35 + 1/4 + 100/160 = 3.7916667 -> 3.79.
SELECT (ci).profile, round((ci).composite::numeric, 7) AS composite, (ci).reported, (ci).primary_pollutants
FROM (SELECT ecogrid.composite_index(ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3)) AS ci
      FROM hourly WHERE station = 'const') t;
-- Named profile; a month with a statistic NULL (no valid NO2 day) has no index.
SELECT (ecogrid.composite_index(s, 'CN2026')).reported, ecogrid.composite_index(t) IS NULL AS no_index
FROM (SELECT ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3) AS s FROM hourly WHERE station = 'const') a,
     (SELECT ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3) AS t FROM hourly WHERE station = 'pct') b;

-- No rows: NULL.
SELECT ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3) IS NULL AS empty FROM hourly WHERE false;

-- Parallel workers: partial states are combined and pass between processes serialised;
-- the results equal a plain aggregation exactly.
CREATE TABLE many AS
SELECT 's' || s AS station, ts,
       CASE WHEN (s * 7 + extract(hour FROM ts)::integer) % 23 = 0 THEN NULL ELSE 5 + 20 * abs(sin(s + extract(epoch FROM ts) / 3600.0)) END AS so2,
       20 + 15 * abs(cos(s * 1.3 + extract(epoch FROM ts) / 7200.0)) AS no2,
       40 + 60 * abs(sin(s * 0.7 + extract(epoch FROM ts) / 10000.0)) AS pm10,
       20 + 40 * abs(sin(s * 0.9 + extract(epoch FROM ts) / 9000.0)) AS pm25,
       0.4 + abs(sin(s + extract(epoch FROM ts) / 50000.0)) AS co,
       60 + 100 * abs(sin(s * 0.3 + extract(epoch FROM ts) / 40000.0)) AS o3,
       CASE WHEN s % 5 = 0 AND extract(day FROM ts - interval '1 hour') = 7 THEN 1
            WHEN s % 7 = 0 AND extract(day FROM ts - interval '1 hour') = 12 THEN 2 ELSE 0 END AS flags
FROM generate_series(1, 40) s, pg_temp.hours('2026-03-01 01:00', '2026-04-01 00:00') ts;
ANALYZE many;
CREATE TABLE serial_result AS
SELECT station, ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3, flags) AS s FROM many GROUP BY station;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
CREATE FUNCTION pg_temp.plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE p text;
BEGIN
  EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || q INTO p;
  RETURN p;
END $$;
SELECT pg_temp.plan($$SELECT station, ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3, flags) FROM many GROUP BY station$$)
       LIKE '%"Partial Mode": "Partial"%' AS partial_aggregate,
       pg_temp.plan($$SELECT station, ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3, flags) FROM many GROUP BY station$$)
       LIKE '%"Workers Planned": 2%' AS two_workers;
CREATE TABLE parallel_result AS
SELECT station, ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3, flags) AS s FROM many GROUP BY station;
SELECT count(*) AS stations,
       (SELECT count(*) FROM (SELECT station, s::text FROM serial_result EXCEPT SELECT station, s::text FROM parallel_result) d) AS differ
FROM parallel_result;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- Bad input: a clear error, nothing else.
-- Two months in one group:
SELECT ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3) FROM hourly WHERE station IN ('const', 'f25');
-- Two rows for one hour:
SELECT ecogrid.monthly_stats(ts, so2, no2, pm10, pm25, co, o3) FROM hourly WHERE station IN ('const', 'dust');
-- A time that is not on the hour, a NULL time, an infinite time:
SELECT ecogrid.monthly_stats('2026-01-01 01:30'::timestamp, 1, 1, 1, 1, 1, 1);
SELECT ecogrid.monthly_stats(NULL::timestamp, 1, 1, 1, 1, 1, 1);
SELECT ecogrid.monthly_stats('infinity'::timestamp, 1, 1, 1, 1, 1, 1);
-- A negative concentration (the library names it), unknown flags:
SELECT ecogrid.monthly_stats(ts, so2, no2, CASE WHEN ts = '2026-01-04 06:00' THEN -3 ELSE pm10 END, pm25, co, o3)
FROM hourly WHERE station = 'const';
SELECT ecogrid.monthly_stats('2026-01-01 01:00'::timestamp, 1, 1, 1, 1, 1, 1, 4);
