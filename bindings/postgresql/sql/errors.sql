-- Bad input across the extension: each error carries the SQLSTATE of the
-- library's status code and the library's message; the backend survives
-- and keeps working. And the markings of every function.

CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  -- A jsonb scheme document reaches the library as one line of text whose length follows the shipped
  -- documents: its column is not part of the expected output (the JSON pointer is).
  RETURN SQLSTATE || ': ' || regexp_replace(SQLERRM, 'line 1, column \d+', 'line 1, column N');
END $$;

-- EG_EINVAL -> 22023, EG_ERANGE -> 22003, EG_ENOTFOUND -> 42704, EG_EEXISTS -> 42710,
-- EG_EPARSE -> 22P02, EG_ESTATE -> 55000.
SELECT pg_temp.err(q) FROM (VALUES
  ($$SELECT ecogrid.round_gbt8170('NaN', 2)$$),
  ($$SELECT ecogrid.round_gbt8170(1, 7)$$),
  ($$SELECT ecogrid.round_gbt8170(1e300, 2)$$),
  ($$SELECT ecogrid.composite_index(1, 1, 1, 1, 1, 1, 'CN1999')$$),
  ($$SELECT ecogrid.composite_index(-1, 1, 1, 1, 1, 1, 'CN2012')$$),
  ($$SELECT ecogrid.composite_index(1, 1, 1, 1, 'Infinity', 1, 'CN2012')$$),
  ($$SELECT ecogrid.aqi('CN2012', 'hourly', 900, NULL, NULL, NULL, NULL, NULL, NULL)$$),
  ($$SELECT ecogrid.aqi('CN2026', 'weekly', 1, 1, 1, 1, 1, 1, 1)$$),
  ($$SELECT ecogrid.aqi('CN2026', 'daily', NULL, NULL, NULL, NULL, NULL, NULL, NULL)$$),
  ($$SELECT ecogrid.percentile_hj663(array[1, 2]::float8[], 1.5)$$),
  ($$SELECT ecogrid.percentile_hj663(array['NaN']::float8[], 0.5)$$),
  ($$SELECT ecogrid.change_rate(1, 0)$$),
  ($$SELECT ecogrid.profile_for_date('infinity')$$),
  ($$SELECT ecogrid.score('nope', '2026-10', '{}')$$),
  ($$SELECT ecogrid.score('changji-2023', '2026-10', '{"problems": [["regional", "regional"]]}')$$),
  ($$SELECT ecogrid.ladder_step('CJ-A2-7.3', 'ecogrid-ladder-state 9', '2026-09', array['A'], array[1]::bigint[])$$),
  ($$SELECT ecogrid.ladder_step('CJ-A2-7.3', NULL, '2026-09', array['A', 'A'], array[1, 1]::bigint[])$$),
  ($$SELECT ecogrid.inspect_quota('DG-11', 9223372036854775807)$$),
  ($$SELECT ecogrid.scheme_named('changji')$$),
  ($$SELECT ecogrid.scheme_info('{"ecogrid_scheme": 1')$$),
  ($$SELECT ecogrid.scheme_info(jsonb_set(ecogrid.scheme_named('changji-2023')::jsonb, '{rulesets,0,items,3,per_occurrence}', '-1'))$$),
  ($$SELECT ecogrid.scheme_ruleset(ecogrid.scheme_named('changji-2023'), '2026-02-30')$$),
  ($$SELECT ecogrid.score(ecogrid.scheme_named('jiangmen-2021')::jsonb, '2026-01', '{}')$$),
  ($$SELECT ecogrid.scheme_info(42::text::jsonb)$$)
) AS v(q);

-- After errors in a loop, the session goes on (and keeps giving the same answers).
DO $$
DECLARE i integer; n integer := 0;
BEGIN
  FOR i IN 1..500 LOOP
    BEGIN
      PERFORM ecogrid.score('changji-2023', '2026-10', '{"items": {"4": -1}}');
    EXCEPTION WHEN invalid_parameter_value THEN n := n + 1;
    END;
    BEGIN
      PERFORM ecogrid.monthly_stats(t, 1, 1, 1, 1, 1, 1) FROM (VALUES ('2026-01-01 01:00'::timestamp), ('2026-01-01 01:00')) v(t);
    EXCEPTION WHEN invalid_parameter_value THEN n := n + 1;
    END;
  END LOOP;
  RAISE NOTICE 'errors caught: %', n;
END $$;
SELECT score FROM ecogrid.score('changji-2023', '2026-10', '{"items": {"4": 3}}');

-- Markings: IMMUTABLE except what reads scheme data (STABLE), STRICT where NULL in means NULL out,
-- everything PARALLEL SAFE.
SELECT p.proname AS function, p.pronargs AS args, p.prokind AS kind, p.provolatile AS volatile,
       p.proisstrict AS strict, p.proparallel AS parallel
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'ecogrid' ORDER BY p.proname, p.oid::regprocedure::text COLLATE "C";
