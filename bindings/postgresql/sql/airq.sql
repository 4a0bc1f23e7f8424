-- Air quality in SQL: GB/T 8170 rounding, the composite index (CJ-A3-3),
-- profiles by date, AQI (HJ 633), the HJ 663 percentile and the rates
-- (airquality.md §1, §2, §5, §7). Expected values are computed by hand in
-- the comments.
CREATE EXTENSION ecogrid;
SET datestyle = 'ISO, YMD';

-- GB/T 8170: half to even on an exact 5, to nearest otherwise.
--   2.675 -> 267.5 -> 268 (8 even) = 2.68; 2.665 -> 266.5 -> 266 = 2.66;
--   2.6651 is past the tie -> 2.67; -9.05 -> -90.5 -> -90 = -9.0;
--   0.5 -> 0, 1.5 -> 2, 2.5 -> 2.
SELECT ecogrid.round_gbt8170(2.675, 2) AS a, ecogrid.round_gbt8170(2.665, 2) AS b,
       ecogrid.round_gbt8170(2.6651, 2) AS c, ecogrid.round_gbt8170(-9.05, 1) AS d,
       ecogrid.round_gbt8170(0.5, 0) AS e, ecogrid.round_gbt8170(1.5, 0) AS f, ecogrid.round_gbt8170(2.5, 0) AS g;
SELECT ecogrid.round_gbt8170(NULL, 2) IS NULL AS strict;

-- Profiles in force (§1): CN2012 until 2026-02-28, CN2026 from 2026-03-01 to 2030-12-31, CN2031 after.
SELECT d, ecogrid.profile_for_date(d)
FROM unnest(array['2026-02-28', '2026-03-01', '2030-12-31', '2031-01-01']::date[]) AS d;

-- Composite index (CJ-A3-3) of SO2 9, NO2 38, PM10 82, PM2.5 41, CO 1.1, O3 96 under CN2012
-- (S = 60, 40, 70, 35, 4, 160): I = 0.15, 0.95, 82/70, 41/35, 0.275, 0.6;
-- sum = 0.15 + 0.95 + 2 x 1.1714286 + 0.275 + 0.6 = 4.3178571 -> reported 4.32;
-- PM10 and PM2.5 tie at 41/35 (the primary is the first, both are listed).
SELECT profile, round(composite::numeric, 7) AS composite, reported, primary_pollutant, primary_pollutants
FROM ecogrid.composite_index(9, 38, 82, 41, 1.1, 96, 'CN2012');
-- Under CN2026 (PM10 60, PM2.5 30): I(PM10) = I(PM2.5) = 41/30; sum = 1.1 + 2 x 1.3666667 + 0.875 = 4.7083333 -> 4.71.
SELECT round(composite::numeric, 7) AS composite, reported FROM ecogrid.composite_index(9, 38, 82, 41, 1.1, 96, 'CN2026');
-- Single indices and load ratios: P(NO2) = 0.95 / 4.3178571 = 0.2200165.
SELECT round(single[2]::numeric, 4) AS i_no2, round(load[2]::numeric, 7) AS p_no2,
       round((SELECT sum(x) FROM unnest(load) x)::numeric, 12) AS load_sum
FROM ecogrid.composite_index(9, 38, 82, 41, 1.1, 96, 'CN2012');
-- Rounding the statistics first (§2 reading): 9.4 -> 9, 38.5 -> 38 (even), 1.15 -> 1.2 (even):
--   0.15 + 0.95 + 2.3428571 + 0.3 + 0.6 = 4.3428571 -> 4.34; at full precision
--   9.4/60 + 38.5/40 + 2.3428571 + 1.15/4 + 0.6 = 4.3495238 -> 4.35.
SELECT (ecogrid.composite_index(9.4, 38.5, 82, 41, 1.15, 96, 'CN2012', true)).reported AS rounded_first,
       (ecogrid.composite_index(9.4, 38.5, 82, 41, 1.15, 96, 'CN2012')).reported AS full_precision;

-- AQI, daily report under HJ 633-2026 (CN2026): SO2 10 -> 10; NO2 20 -> 25; PM10 80 -> 50 + 30 x 50/70
-- = 71.4 -> 72; PM2.5 60 -> 100 (the 2026 breakpoint); CO 1 -> 25; O3 MDA8 120 -> 50 + 20 x 50/60
-- = 66.7 -> 67. AQI 100, level 2 良, primary PM2.5.
SELECT aqi, published, level, level_name, level_name_en, primary_pollutants, iaqi, clamped, colour
FROM ecogrid.aqi('CN2026', 'daily', 10, 20, 80, 60, 1, NULL, 120);
-- The same day under HJ 633-2012 (CN2012): PM10 80 -> 50 + 30 x 50/100 = 65; PM2.5 60 -> 50 + 25 x 50/40
-- = 81.25 -> 82. AQI 82, 良.
SELECT aqi, level, primary_pollutants, iaqi FROM ecogrid.aqi('CN2012', 'daily', 10, 20, 80, 60, 1, NULL, 120);
-- HJ 633-2026 with a pollutant missing and AQI <= 100: not published (only the sub-indices).
-- PM2.5 30 -> 30 x 50/35 = 42.9 -> 43.
SELECT aqi, published, level, iaqi FROM ecogrid.aqi('CN2026', 'daily', NULL, NULL, NULL, 30, NULL, NULL, NULL);
-- Above the top breakpoint: IAQI 500, flagged; level 6 严重污染, maroon.
SELECT aqi, level, level_name, clamped, colour FROM ecogrid.aqi('CN2026', 'daily', 5, 5, 50, 600, 0.5, NULL, 50);
-- HJ 633-2012 hourly: SO2 1 h 900 > 800 uses the 24 h mean; SO2 24 h 100 -> 50 + 50 x 50/100 = 75.
SELECT aqi, iaqi FROM ecogrid.aqi('CN2012', 'hourly', 900, NULL, NULL, NULL, NULL, NULL, NULL, 100);
SELECT ecogrid.aqi(NULL, 'daily', 1, 1, 1, 1, 1, 1, 1) IS NULL AS null_profile;

-- HJ 663 percentile: {3, 4, 8, 2, 5, 4} at 0.90: sorted 2 3 4 4 5 8, k = 1 + 5 x 0.9 = 5.5,
-- 5 + (8 - 5) x 0.5 = 6.5; at 0 the smallest, at 1 the largest.
SELECT ecogrid.percentile_hj663(0.9) WITHIN GROUP (ORDER BY x) AS p90,
       ecogrid.percentile_hj663(0) WITHIN GROUP (ORDER BY x) AS p0,
       ecogrid.percentile_hj663(1) WITHIN GROUP (ORDER BY x) AS p100
FROM unnest(array[3, 4, 8, 2, 5, 4]::float8[]) AS x;
-- NULL is missing: {3, NULL, 5} at 0.5 -> k = 1.5 -> 4. No value at all -> NULL. Per group.
SELECT g, ecogrid.percentile_hj663(0.5) WITHIN GROUP (ORDER BY x)
FROM (VALUES ('a', 3.0), ('a', NULL), ('a', 5.0), ('b', NULL)) AS v(g, x) GROUP BY g ORDER BY g;
SELECT ecogrid.percentile_hj663(array[3, NULL, 5]::float8[], 0.5) AS arr,
       ecogrid.percentile_hj663(array[NULL]::float8[], 0.5) AS all_null;
-- HJ 663 sorts ascending: a descending order is refused.
SELECT ecogrid.percentile_hj663(0.9) WITHIN GROUP (ORDER BY x DESC) FROM unnest(array[1, 2]::float8[]) AS x;

-- Rates (§5): (4.5 - 5) / 5 = -0.1 (better); improvement is the opposite.
SELECT ecogrid.change_rate(4.5, 5) AS change, ecogrid.improvement_rate(4.5, 5) AS improvement;
