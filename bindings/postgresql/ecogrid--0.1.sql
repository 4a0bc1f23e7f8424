-- ecogrid inside PostgreSQL, version 0.1: SQL over the ecogrid C library.
-- Every rule is computed by the library; these definitions only map types.
\echo Use "CREATE EXTENSION ecogrid" to load this file. \quit

CREATE FUNCTION ecogrid.version() RETURNS text
  AS 'MODULE_PATHNAME', 'egpg_version' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.version() IS 'The version of the ecogrid C library linked into the extension';

-- ---------------------------------------------------------------------
-- Air quality (airquality.md §1-§7, CJ-A3-3, CJ-A3-6)
-- ---------------------------------------------------------------------

-- A station's statistics for one calendar month (airquality.md §3): the
-- mean of valid daily means (SO2, NO2, PM10, PM2.5), the 95th percentile of
-- daily means (CO, mg/m3) and the 90th percentile of MDA8 (O3); NULL when
-- no day is valid; *_valid when the month has the valid days required
-- (27, February 25); *_days the valid days used.
CREATE TYPE ecogrid.month_stats AS (
  month date,
  so2 float8, no2 float8, pm10 float8, pm25 float8, co float8, o3 float8,
  so2_valid boolean, no2_valid boolean, pm10_valid boolean, pm25_valid boolean, co_valid boolean, o3_valid boolean,
  so2_days integer, no2_days integer, pm10_days integer, pm25_days integer, co_days integer, o3_days integer,
  days integer,
  required_days integer
);

CREATE FUNCTION ecogrid.monthly_stats_trans(internal, timestamp, float8, float8, float8, float8, float8, float8)
  RETURNS internal AS 'MODULE_PATHNAME', 'egpg_ms_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.monthly_stats_trans(internal, timestamp, float8, float8, float8, float8, float8, float8, integer)
  RETURNS internal AS 'MODULE_PATHNAME', 'egpg_ms_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.monthly_stats_trans(internal, timestamptz, float8, float8, float8, float8, float8, float8)
  RETURNS internal AS 'MODULE_PATHNAME', 'egpg_ms_trans_tz' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.monthly_stats_trans(internal, timestamptz, float8, float8, float8, float8, float8, float8, integer)
  RETURNS internal AS 'MODULE_PATHNAME', 'egpg_ms_trans_tz' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.monthly_stats_combine(internal, internal)
  RETURNS internal AS 'MODULE_PATHNAME', 'egpg_ms_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.monthly_stats_serialize(internal)
  RETURNS bytea AS 'MODULE_PATHNAME', 'egpg_ms_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ecogrid.monthly_stats_deserialize(bytea, internal)
  RETURNS internal AS 'MODULE_PATHNAME', 'egpg_ms_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ecogrid.monthly_stats_final(internal)
  RETURNS ecogrid.month_stats AS 'MODULE_PATHNAME', 'egpg_ms_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- ts labels the END of the hour (airquality.md §3: 01:00 is 00:00-01:00, and
-- 00:00 is the last hour of the day before), as CST for timestamp, converted
-- to CST (UTC+8) for timestamptz. NULL or NaN values are missing. flags: 1 =
-- the day of this hour is dust-affected (PM10 and PM2.5 skip it), 2 =
-- interference verified on that day (CJ-A3-6). One station and one month
-- per group.
CREATE AGGREGATE ecogrid.monthly_stats(ts timestamp, so2 float8, no2 float8, pm10 float8, pm25 float8, co float8, o3 float8) (
  SFUNC = ecogrid.monthly_stats_trans, STYPE = internal, SSPACE = 42000,
  FINALFUNC = ecogrid.monthly_stats_final,
  COMBINEFUNC = ecogrid.monthly_stats_combine,
  SERIALFUNC = ecogrid.monthly_stats_serialize, DESERIALFUNC = ecogrid.monthly_stats_deserialize,
  PARALLEL = SAFE);
CREATE AGGREGATE ecogrid.monthly_stats(ts timestamp, so2 float8, no2 float8, pm10 float8, pm25 float8, co float8, o3 float8, flags integer) (
  SFUNC = ecogrid.monthly_stats_trans, STYPE = internal, SSPACE = 42000,
  FINALFUNC = ecogrid.monthly_stats_final,
  COMBINEFUNC = ecogrid.monthly_stats_combine,
  SERIALFUNC = ecogrid.monthly_stats_serialize, DESERIALFUNC = ecogrid.monthly_stats_deserialize,
  PARALLEL = SAFE);
CREATE AGGREGATE ecogrid.monthly_stats(ts timestamptz, so2 float8, no2 float8, pm10 float8, pm25 float8, co float8, o3 float8) (
  SFUNC = ecogrid.monthly_stats_trans, STYPE = internal, SSPACE = 42000,
  FINALFUNC = ecogrid.monthly_stats_final,
  COMBINEFUNC = ecogrid.monthly_stats_combine,
  SERIALFUNC = ecogrid.monthly_stats_serialize, DESERIALFUNC = ecogrid.monthly_stats_deserialize,
  PARALLEL = SAFE);
CREATE AGGREGATE ecogrid.monthly_stats(ts timestamptz, so2 float8, no2 float8, pm10 float8, pm25 float8, co float8, o3 float8, flags integer) (
  SFUNC = ecogrid.monthly_stats_trans, STYPE = internal, SSPACE = 42000,
  FINALFUNC = ecogrid.monthly_stats_final,
  COMBINEFUNC = ecogrid.monthly_stats_combine,
  SERIALFUNC = ecogrid.monthly_stats_serialize, DESERIALFUNC = ecogrid.monthly_stats_deserialize,
  PARALLEL = SAFE);

-- The composite index (CJ-A3-3, airquality.md §2): full precision, the
-- reported value (2 decimals, GB/T 8170), the primary pollutant (the first
-- on a tie) and every pollutant at the largest single index, I_i and P_i in
-- the order SO2, NO2, PM10, PM2.5, CO, O3.
CREATE TYPE ecogrid.airq_index AS (
  profile text,
  composite float8,
  reported numeric,
  primary_pollutant text,
  primary_pollutants text[],
  single float8[],
  load float8[]
);

CREATE FUNCTION ecogrid.composite_index(stats ecogrid.month_stats, round_stats_first boolean DEFAULT false)
  RETURNS ecogrid.airq_index AS 'MODULE_PATHNAME', 'egpg_composite_stats'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.composite_index(ecogrid.month_stats, boolean) IS
  'CJ-A3-3 composite index of a month''s statistics under the profile in force in that month; NULL when a statistic is NULL';
CREATE FUNCTION ecogrid.composite_index(stats ecogrid.month_stats, profile text, round_stats_first boolean DEFAULT false)
  RETURNS ecogrid.airq_index AS 'MODULE_PATHNAME', 'egpg_composite_stats'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ecogrid.composite_index(so2 float8, no2 float8, pm10 float8, pm25 float8, co float8, o3 float8,
                                        profile text, round_stats_first boolean DEFAULT false)
  RETURNS ecogrid.airq_index AS 'MODULE_PATHNAME', 'egpg_composite_values'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ecogrid.profile_for_date(day date) RETURNS text
  AS 'MODULE_PATHNAME', 'egpg_profile_for_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.profile_for_date(date) IS
  'The air-quality profile in force on a day (airquality.md §1): CN2012, CN2026 or CN2031';

-- AQI (HJ 633-2012 and -2026 by the profile's table, airquality.md §7).
CREATE TYPE ecogrid.aqi_result AS (
  aqi integer,                 -- NULL when not published (HJ 633-2026: a pollutant missing and AQI <= 100)
  published boolean,
  level integer,               -- 1 优 ... 6 严重污染
  level_name text,
  level_name_en text,
  primary_pollutants text[],   -- when AQI > 50
  iaqi jsonb,                  -- IAQI per pollutant used, e.g. {"PM2.5": 97, "O3_8h": 61}
  clamped boolean,             -- an IAQI above the top breakpoint was set to 500
  colour text                  -- the level's colour, '#rrggbb'
);

CREATE FUNCTION ecogrid.aqi(profile text, report text, so2 float8, no2 float8, pm10 float8, pm25 float8, co float8,
                            o3_1h float8, o3_8h float8, so2_24h float8 DEFAULT NULL)
  RETURNS ecogrid.aqi_result AS 'MODULE_PATHNAME', 'egpg_aqi'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.aqi(text, text, float8, float8, float8, float8, float8, float8, float8, float8) IS
  'AQI of a daily or hourly report (HJ 633); NULL concentrations are missing';

CREATE FUNCTION ecogrid.round_gbt8170(value float8, decimals integer) RETURNS numeric
  AS 'MODULE_PATHNAME', 'egpg_round' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.round_gbt8170(float8, integer) IS
  'Round by GB/T 8170: half to even on an exact 5 (a decimal tie stored a hair off in binary counts as the tie)';

CREATE FUNCTION ecogrid.change_rate(now float8, ref float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'egpg_change_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ecogrid.improvement_rate(now float8, ref float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'egpg_improvement_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ecogrid.percentile_hj663(vals float8[], fraction float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'egpg_percentile_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ecogrid.percentile_hj663_trans(internal, float8) RETURNS internal
  AS 'MODULE_PATHNAME', 'egpg_pct_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.percentile_hj663_final(internal, float8, float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'egpg_pct_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
-- The HJ 663 percentile (k = 1 + (n - 1) p), as an ordered-set aggregate:
-- ecogrid.percentile_hj663(0.9) WITHIN GROUP (ORDER BY mda8).
CREATE AGGREGATE ecogrid.percentile_hj663(fraction float8 ORDER BY value float8) (
  SFUNC = ecogrid.percentile_hj663_trans, STYPE = internal,
  FINALFUNC = ecogrid.percentile_hj663_final, FINALFUNC_EXTRA,
  PARALLEL = SAFE);

-- ---------------------------------------------------------------------
-- Assessment (CJ-A2-5.1 to CJ-A2-5.10, CJ-A2-6.1 to CJ-A2-6.3, JM-2.2)
-- ---------------------------------------------------------------------

CREATE TYPE ecogrid.score_result AS (
  score numeric,         -- points (CJ-A2-5.10)
  grade text,            -- excellent, good, pass, fail; NULL when the rule set has no grades (JM-2.2)
  veto boolean,          -- a veto item failed (CJ-A2-6.1)
  fail_reasons text[],   -- rule IDs that forced a fail
  trace jsonb            -- [{rule, subject, count, before, after, message, message_en}]
);

-- inputs: {"items": {"1": true, "4": 3}, "adverse": ["7"], "bonus": 1,
--          "problems": [["regional"]], "forced_fail": ["CJ-A2-6.3-c"]}
-- period: "YYYY-MM" or "YYYY-MM-DD", checked against the rule set's validity.
CREATE FUNCTION ecogrid.score(scheme text, period text, inputs jsonb)
  RETURNS ecogrid.score_result AS 'MODULE_PATHNAME', 'egpg_score'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.score(text, text, jsonb) IS
  'Score one unit for one period under a scheme (a rule-set preset such as changji-2023)';

CREATE FUNCTION ecogrid.score_many(scheme text, period text, units jsonb)
  RETURNS TABLE(unit text, score numeric, grade text, veto boolean, fail_reasons text[], trace jsonb)
  AS 'MODULE_PATHNAME', 'egpg_score_many'
  LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION ecogrid.score_many(text, text, jsonb) IS
  'Score many units ({unit: inputs}) for one period in one call, all or nothing';

-- ---------------------------------------------------------------------
-- Schemes (issue 15): a jurisdiction's rules as a versioned JSON document
-- (docs/schema/scheme.schema.json), kept in a table as text or jsonb, or a
-- shipped one by name. The library loads and checks the document and
-- chooses the rule set in force on a date (R0.3); a document is loaded once
-- per distinct document in a query.
-- ---------------------------------------------------------------------

CREATE FUNCTION ecogrid.scheme_names() RETURNS SETOF text
  AS 'MODULE_PATHNAME', 'egpg_scheme_names' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION ecogrid.scheme_names() IS
  'The IDs of the schemes shipped in the library (changji-2023, jiangmen-2021, dongguan-2019, mee-2020, yulin-2019)';

CREATE FUNCTION ecogrid.scheme_named(name text) RETURNS text
  AS 'MODULE_PATHNAME', 'egpg_scheme_named' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.scheme_named(text) IS
  'A shipped scheme''s document, as canonical text (to store in a table and edit into a local version)';

CREATE FUNCTION ecogrid.scheme_canonical(doc text) RETURNS text
  AS 'MODULE_PATHNAME', 'egpg_scheme_canonical' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ecogrid.scheme_canonical(doc jsonb) RETURNS text
  AS 'MODULE_PATHNAME', 'egpg_scheme_canonical' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.scheme_canonical(text) IS
  'A scheme document checked by the library and written canonically (its sha256 is the one scheme_info gives)';

CREATE TYPE ecogrid.scheme_info AS (
  id text,
  family text,          -- the jurisdiction, e.g. changji
  title text,
  title_en text,
  document text,        -- the document number
  issuer text,
  issuer_en text,
  valid_from date,      -- R0.3, inclusive
  valid_to date,        -- NULL: open-ended
  sha256 text,          -- of the canonical text: which rules a month was run under
  rulesets text[],
  ladders text[]
);
CREATE FUNCTION ecogrid.scheme_info(doc text) RETURNS ecogrid.scheme_info
  AS 'MODULE_PATHNAME', 'egpg_scheme_info' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ecogrid.scheme_info(doc jsonb) RETURNS ecogrid.scheme_info
  AS 'MODULE_PATHNAME', 'egpg_scheme_info' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.scheme_info(text) IS
  'Load and check a scheme document (an error names the place); what it says about itself';

CREATE TYPE ecogrid.ruleset_info AS (
  name text,
  document text,
  valid_from date,
  valid_to date,        -- NULL: open-ended
  scale integer         -- 1 whole points, 10 tenths (R0.2)
);
CREATE FUNCTION ecogrid.scheme_ruleset(doc text, day text) RETURNS ecogrid.ruleset_info
  AS 'MODULE_PATHNAME', 'egpg_scheme_ruleset' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ecogrid.scheme_ruleset(doc jsonb, day text) RETURNS ecogrid.ruleset_info
  AS 'MODULE_PATHNAME', 'egpg_scheme_ruleset' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.scheme_ruleset(text, text) IS
  'The scheme''s rule set in force on a day (YYYY-MM-DD, or YYYY-MM: the month''s last day), R0.3';

-- Scoring under a scheme document: the rule set in force in the period.
-- (A text literal as the first argument is a preset's name, above.)
CREATE FUNCTION ecogrid.score(scheme jsonb, period text, inputs jsonb)
  RETURNS ecogrid.score_result AS 'MODULE_PATHNAME', 'egpg_score_scheme'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.score(jsonb, text, jsonb) IS
  'Score one unit for one period under the rule set of a scheme document in force in the period';
CREATE FUNCTION ecogrid.score_many(scheme jsonb, period text, units jsonb)
  RETURNS TABLE(unit text, score numeric, grade text, veto boolean, fail_reasons text[], trace jsonb)
  AS 'MODULE_PATHNAME', 'egpg_score_many_scheme'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION ecogrid.score_many(jsonb, text, jsonb) IS
  'Score many units ({unit: inputs}) under the rule set of a scheme document in force in the period, all or nothing';

-- ---------------------------------------------------------------------
-- Escalation ladders (CJ-A2-7.3, CJ-A2-7.1, CJ-A3-4, CJ-M-4.3, DG-65, DG-63, JM-2.3)
-- ---------------------------------------------------------------------

CREATE FUNCTION ecogrid.ladder_trans(internal, text, text, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'egpg_ladder_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.ladder_trans(internal, text, text, text, bigint, boolean) RETURNS internal
  AS 'MODULE_PATHNAME', 'egpg_ladder_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.ladder_final(internal) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'egpg_ladder_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- ecogrid.ladder('CJ-A2-7.3', month, unit, value [, flag] ORDER BY month):
-- steps the ladder month by month over the group's units (a share is of the
-- group's month total, a rank compares the group's units) and returns
-- {ladder, last_month, months: [{month, units: [{unit, severity, action,
-- clauses}]}], state}. A NULL value leaves the unit out of that month.
CREATE AGGREGATE ecogrid.ladder(ladder text, month text, unit text, value bigint) (
  SFUNC = ecogrid.ladder_trans, STYPE = internal, FINALFUNC = ecogrid.ladder_final,
  FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
CREATE AGGREGATE ecogrid.ladder(ladder text, month text, unit text, value bigint, flag boolean) (
  SFUNC = ecogrid.ladder_trans, STYPE = internal, FINALFUNC = ecogrid.ladder_final,
  FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);

CREATE FUNCTION ecogrid.ladder_step(ladder text, state text, month text, units text[], vals bigint[],
                                    flags boolean[] DEFAULT NULL)
  RETURNS jsonb AS 'MODULE_PATHNAME', 'egpg_ladder_step' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.ladder_step(text, text, text, text[], bigint[], boolean[]) IS
  'Step a ladder one month from a stored state (NULL: none yet); the result carries the new state';

-- The same over a ladder of a scheme document (eg_scheme_ladder(), e.g. a local version of a
-- jurisdiction's ladder): ecogrid.ladder(doc, 'CJ-A2-7.3', month, unit, value ORDER BY month), and
-- ecogrid.ladder_step(doc, 'CJ-A2-7.3', state, month, units, vals [, flags]).
CREATE FUNCTION ecogrid.ladder_scheme_trans(internal, jsonb, text, text, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'egpg_ladder_scheme_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.ladder_scheme_trans(internal, jsonb, text, text, text, bigint, boolean) RETURNS internal
  AS 'MODULE_PATHNAME', 'egpg_ladder_scheme_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE ecogrid.ladder(scheme jsonb, ladder text, month text, unit text, value bigint) (
  SFUNC = ecogrid.ladder_scheme_trans, STYPE = internal, FINALFUNC = ecogrid.ladder_final,
  FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
CREATE AGGREGATE ecogrid.ladder(scheme jsonb, ladder text, month text, unit text, value bigint, flag boolean) (
  SFUNC = ecogrid.ladder_scheme_trans, STYPE = internal, FINALFUNC = ecogrid.ladder_final,
  FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
CREATE FUNCTION ecogrid.ladder_step(scheme jsonb, ladder text, state text, month text, units text[], vals bigint[],
                                    flags boolean[] DEFAULT NULL)
  RETURNS jsonb AS 'MODULE_PATHNAME', 'egpg_ladder_step_scheme' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.ladder_step(jsonb, text, text, text, text[], bigint[], boolean[]) IS
  'Step a ladder of a scheme document one month from a stored state (NULL: none yet)';

CREATE FUNCTION ecogrid.ladder_actions(result jsonb)
  RETURNS TABLE(month text, unit text, severity integer, action text, clauses jsonb)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT m->>'month', u->>'unit', (u->>'severity')::integer, u->>'action', u->'clauses'
    FROM jsonb_array_elements(result->'months') AS m, jsonb_array_elements(m->'units') AS u
  $$;

-- ---------------------------------------------------------------------
-- Inspection (double-random draws, DG-6, DG-8/10/11)
-- ---------------------------------------------------------------------

CREATE FUNCTION ecogrid.draw_trans(internal, text, text, jsonb, text, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'egpg_draw_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.draw_final(internal) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'egpg_draw_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
-- ecogrid.draw('2026Q4', seed, '[{"name": "key", "quota_rule": "DG-8-city"}, {"name": "general", "quota": 10}]',
-- stratum, id) over a frame table: the published record of a double-random draw (algorithm 1), in the
-- shape `ecogrid draw run --format json` publishes and `ecogrid verify` checks.
CREATE AGGREGATE ecogrid.draw(draw_id text, seed text, strata jsonb, stratum text, id text) (
  SFUNC = ecogrid.draw_trans, STYPE = internal, FINALFUNC = ecogrid.draw_final, PARALLEL = SAFE);

CREATE TYPE ecogrid.draw_check AS (
  ok boolean,          -- every check passed: the record is reproduced from its seed and the frame
  failed text[],       -- the checks that failed: algorithm, frame_hash, strata, sizes, quotas, selection,
                       -- inspectors_hash, pairing, skips
  detail text,         -- one line per failed check, naming the first difference
  detail_en text
);
CREATE FUNCTION ecogrid.draw_verify_trans(internal, jsonb, text, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'egpg_draw_verify_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.draw_verify_trans(internal, jsonb, text, text, text[], jsonb) RETURNS internal
  AS 'MODULE_PATHNAME', 'egpg_draw_verify_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.draw_verify_final(internal) RETURNS ecogrid.draw_check
  AS 'MODULE_PATHNAME', 'egpg_draw_verify_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
-- ecogrid.draw_verify(record, stratum, id [, inspectors, conflicts]) over a frame table: every field of a
-- published record checked by the library (eg_draw_record_check) against the frame, and against the
-- inspector list and the conflicts ([{"inspector": …, "object": …}]) when the record pairs inspectors.
-- The frame's strata are taken in the record's order.
CREATE AGGREGATE ecogrid.draw_verify(record jsonb, stratum text, id text) (
  SFUNC = ecogrid.draw_verify_trans, STYPE = internal, FINALFUNC = ecogrid.draw_verify_final, PARALLEL = SAFE);
CREATE AGGREGATE ecogrid.draw_verify(record jsonb, stratum text, id text, inspectors text[], conflicts jsonb) (
  SFUNC = ecogrid.draw_verify_trans, STYPE = internal, FINALFUNC = ecogrid.draw_verify_final, PARALLEL = SAFE);

CREATE FUNCTION ecogrid.inspect_pool_trans(internal, text, bigint, integer) RETURNS internal
  AS 'MODULE_PATHNAME', 'egpg_pool_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION ecogrid.inspect_pool_final(internal) RETURNS text[]
  AS 'MODULE_PATHNAME', 'egpg_pool_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
-- The DG-6 pool: enterprises by emissions from the top until the cumulative
-- share reaches share_permille (850 for 85 %), ties at the cut all taken.
CREATE AGGREGATE ecogrid.inspect_pool(id text, emissions bigint, share_permille integer) (
  SFUNC = ecogrid.inspect_pool_trans, STYPE = internal, FINALFUNC = ecogrid.inspect_pool_final, PARALLEL = SAFE);

CREATE FUNCTION ecogrid.inspect_quota(rule text, n bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'egpg_quota' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ecogrid.inspect_quota(text, bigint) IS
  'The minimum number to inspect, rounded up: DG-8-city, DG-8-town, DG-10-city, DG-10-town, DG-11';
