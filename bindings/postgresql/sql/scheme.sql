-- Schemes (issue 15) in SQL: a jurisdiction's rules as a JSON document kept
-- in a table (text or jsonb) or shipped by name; the library loads and
-- checks it and chooses the rule set in force on a date (R0.3), and
-- ecogrid.score / score_many score with that rule set.

-- The shipped schemes, stored in a table as an office keeps its documents.
SELECT * FROM ecogrid.scheme_names() ORDER BY 1;
CREATE TABLE schemes (id text PRIMARY KEY, doc text NOT NULL);
INSERT INTO schemes SELECT n, ecogrid.scheme_named(n) FROM ecogrid.scheme_names() AS n;
SELECT s.id, i.id AS scheme_id, i.family, i.document, i.valid_from, i.valid_to, i.rulesets, i.ladders,
       i.sha256 ~ '^[0-9a-f]{64}$' AS sha256_hex
FROM schemes s, ecogrid.scheme_info(s.doc) i ORDER BY s.id;
SELECT title, title_en, issuer, issuer_en FROM ecogrid.scheme_info(ecogrid.scheme_named('changji-2023'));
-- The shipped text is canonical (writing it again gives the same bytes); through jsonb (keys
-- reordered) it is the same document: the same canonical text and SHA-256.
SELECT id, ecogrid.scheme_canonical(doc) = doc AS canonical,
       ecogrid.scheme_canonical(doc::jsonb) = doc AS same_through_jsonb,
       (ecogrid.scheme_info(doc::jsonb)).sha256 = (ecogrid.scheme_info(doc)).sha256 AS same_sha256
FROM schemes ORDER BY id;

-- A local version of changji-2023 (R0.3, validity inclusive): the 2023 rule set from 2023-05-24 until 2025-12-31,
-- then "changji-2026" from 2026-01-01 with item 4 (CJ-A2-5.4) at 2 points per problem instead of 1.
CREATE TABLE local_scheme AS
SELECT jsonb_set(d, '{rulesets}',
         jsonb_build_array(d->'rulesets'->0 || '{"valid_from": "2023-05-24", "valid_to": "2025-12-31"}',
                           jsonb_set(d->'rulesets'->0 || '{"id": "changji-2026", "valid_from": "2026-01-01"}',
                                     '{items,3,per_occurrence}', '2'))) AS doc
FROM (SELECT ecogrid.scheme_named('changji-2023')::jsonb AS d) t;
SELECT d->'rulesets'->1->'items'->3->>'id' AS item, d->'rulesets'->1->'items'->3->>'rule' AS rule
FROM (SELECT doc AS d FROM local_scheme) t;
SELECT rulesets, valid_from, valid_to FROM local_scheme, ecogrid.scheme_info(doc);
-- The rule set in force, boundaries on both sides; a month is judged on its last day.
SELECT day, r.*
FROM local_scheme, (VALUES ('2023-05-24'), ('2023-05'), ('2025-12-31'), ('2025-12'), ('2026-01-01'), ('2026-01')) AS v(day),
     ecogrid.scheme_ruleset(doc, day) r;
-- The same from the text of the document.
SELECT (ecogrid.scheme_ruleset(doc::text, '2026-03')).name FROM local_scheme;

-- Scoring under the document: 3 problems (CJ-A2-5.4) are 40 - 3 x 1 = 37 in 2025, 100 - 3 = 97;
-- 40 - 3 x 2 = 34 in 2026, 100 - 6 = 94.
SELECT period, score, grade
FROM local_scheme, (VALUES ('2025-12'), ('2026-01')) AS v(period), ecogrid.score(doc, period, '{"items": {"4": 3}}');
-- The grade boundary (CJ-A2-6.2) moves with the rule set: in 2026, 5 problems: 100 - 10 = 90 excellent,
-- 6 problems: 100 - 12 = 88 good; in 2025, 6 problems: 100 - 6 = 94 excellent.
SELECT period, n, score, grade
FROM local_scheme, (VALUES ('2026-01', 5), ('2026-01', 6), ('2025-12', 6)) AS v(period, n),
     ecogrid.score(doc, period, jsonb_build_object('items', jsonb_build_object('4', n)));
-- Item 4 floors at 0 (CJ-A2-5.4): 20 problems x 2 = 40 -> 0, 21 -> 0 as well: 60, pass.
SELECT n, score, grade
FROM local_scheme, (VALUES (20), (21)) AS v(n), ecogrid.score(doc, '2026-06', jsonb_build_object('items', jsonb_build_object('4', n)));
-- The trace cites the rule and states the 2026 arithmetic: the running total goes from 30 (the
-- construction section) to 30 + (40 - 3 x 2) = 64.
SELECT e->>'rule' AS rule, e->'count' AS count, e->'before' AS before, e->'after' AS after
FROM local_scheme, ecogrid.score(doc, '2026-01', '{"items": {"4": 3}}') r, jsonb_array_elements(r.trace) e
WHERE e->>'rule' = 'CJ-A2-5.4';
-- A shipped document scores as its preset by name, input by input.
SELECT count(*) AS inputs,
       count(*) FILTER (WHERE to_jsonb(ecogrid.score(ecogrid.scheme_named('changji-2023')::jsonb, '2026-10', i::jsonb))
                              = to_jsonb(ecogrid.score('changji-2023', '2026-10', i::jsonb))) AS equal
FROM (VALUES ('{}'), ('{"items": {"4": 3}, "bonus": 1}'), ('{"items": {"2": false}}'), ('{"items": {"7": 1}, "adverse": ["7"]}'),
             ('{"problems": [["regional"], ["prefecture", "regional"]]}'), ('{"forced_fail": ["CJ-A2-6.3-c"]}')) AS v(i);
-- Documents changing from row to row (each loaded when it differs from the last on the call site):
-- 97 (local, 2025), 97 (shipped, 2026), 94 (local, 2026), 97 (local, 2025).
SELECT k, (ecogrid.score(d, p, '{"items": {"4": 3}}')).score
FROM (SELECT 1 AS k, doc AS d, '2025-12' AS p FROM local_scheme
      UNION ALL SELECT 2, ecogrid.scheme_named('changji-2023')::jsonb, '2026-01'
      UNION ALL SELECT 3, doc, '2026-01' FROM local_scheme
      UNION ALL SELECT 4, doc, '2025-12' FROM local_scheme) t ORDER BY k;
-- Many units under the document, in one call.
SELECT unit, score, grade
FROM local_scheme, ecogrid.score_many(doc, '2026-02', '{"652301": {"items": {"4": 3}}, "652302": {"items": {"4": 6}}}')
ORDER BY unit;
-- STRICT: NULL in, NULL out.
SELECT ecogrid.scheme_info(NULL::text) IS NULL AS info, ecogrid.scheme_ruleset(NULL::jsonb, '2026-01') IS NULL AS ruleset,
       ecogrid.score(NULL::jsonb, '2026-01', '{}') IS NULL AS score;

-- Bad documents and dates: a clear error with the library's message and the place. A jsonb document
-- reaches the library as one line of text whose length follows the shipped documents, so errors on
-- one are shown with the SQLSTATE and the column masked (the JSON pointer names the place).
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || regexp_replace(SQLERRM, 'line 1, column \d+', 'line 1, column N');
END $$;
SELECT ecogrid.scheme_named('changji-2099');
SELECT ecogrid.scheme_info('{"ecogrid_scheme": 1,');
SELECT ecogrid.scheme_info('{}'::jsonb);
SELECT pg_temp.err($$SELECT ecogrid.scheme_info(jsonb_set(ecogrid.scheme_named('changji-2023')::jsonb, '{rulesets,0,items,3,per_occurrence}', '-1'))$$);
SELECT pg_temp.err($$SELECT ecogrid.scheme_info(ecogrid.scheme_named('changji-2023')::jsonb || '{"colour": "green"}')$$);
SELECT ecogrid.scheme_info(replace(ecogrid.scheme_named('changji-2023'), '"family": "changji"', '"family": 7'));
-- Two rule sets with one name.
SELECT pg_temp.err($$SELECT ecogrid.scheme_info(jsonb_set(doc, '{rulesets,1,id}', '"changji-2023"')) FROM local_scheme$$);
-- A rule set outside the document's own dates.
SELECT pg_temp.err($$SELECT ecogrid.scheme_info(jsonb_set(doc, '{rulesets,0,valid_from}', '"2020-01-01"')) FROM local_scheme$$);
-- No rule set in force the day before the document, a bad date.
SELECT ecogrid.scheme_ruleset(doc, '2023-05-23') FROM local_scheme;
SELECT ecogrid.scheme_ruleset(doc, '2026-13') FROM local_scheme;
SELECT ecogrid.score(doc, '2023-04', '{}') FROM local_scheme;
SELECT ecogrid.score(doc, '2026-01', '{"items": {"4": -1}}') FROM local_scheme;
SELECT s.* FROM local_scheme, ecogrid.score_many(doc, '2026-01', '{"652301": {}, "652302": {"items": {"99": 1}}}') AS s;

-- Ladders of a scheme document (eg_scheme_ladder()). CJ-A2-7.3 (the share of the prefecture's
-- problems): 2026-09 A 12/80 = 15 %, B 68/80 = 85 %; 2026-10 A 9/60 = 15 %, B 51/60 = 85 %.
CREATE TABLE scheme_problems (unit text, month text, n bigint);
INSERT INTO scheme_problems VALUES ('A', '2026-09', 12), ('B', '2026-09', 68), ('A', '2026-10', 9), ('B', '2026-10', 51);
-- The shipped document's ladder is the preset's: the same months, actions, clauses and state.
SELECT ecogrid.ladder(ecogrid.scheme_named('changji-2023')::jsonb, 'CJ-A2-7.3', month, unit, n ORDER BY month)
       = ecogrid.ladder('CJ-A2-7.3', month, unit, n ORDER BY month) AS same_as_preset
FROM scheme_problems;
-- A local version with the single-month criticism at 16 % instead of 10 % (the first clause): A's 15 %
-- in 2026-09 is below it (no action; exactly 15 % would be criticism at 15 %); in 2026-10 A has two
-- months >= 10 %: interview (unchanged clause). B: 85 % interview, then two months >= 20 %: accountability.
CREATE TABLE local_ladder AS
SELECT jsonb_set(ecogrid.scheme_named('changji-2023')::jsonb, '{ladders,0,clauses,0,threshold}', '16') AS doc;
SELECT a.month, a.unit, a.severity, a.action
FROM (SELECT ecogrid.ladder(doc, 'CJ-A2-7.3', month, unit, n ORDER BY month) AS r
      FROM local_ladder, scheme_problems GROUP BY doc) t, ecogrid.ladder_actions(t.r) a
ORDER BY a.month, a.unit;
SELECT a.month, a.unit, a.severity, a.action
FROM (SELECT ecogrid.ladder(jsonb_set(doc, '{ladders,0,clauses,0,threshold}', '15'), 'CJ-A2-7.3', month, unit, n ORDER BY month) AS r
      FROM local_ladder, scheme_problems WHERE month = '2026-09' GROUP BY doc) t, ecogrid.ladder_actions(t.r) a
ORDER BY a.month, a.unit;
-- One month from a stored state under the document: October after September gives what the aggregate gave.
WITH sep AS (SELECT ecogrid.ladder_step(doc, 'CJ-A2-7.3', NULL, '2026-09', array['A', 'B'], array[12, 68]::bigint[]) AS s
             FROM local_ladder),
     oct AS (SELECT ecogrid.ladder_step(doc, 'CJ-A2-7.3', sep.s->>'state', '2026-10', array['A', 'B'], array[9, 51]::bigint[]) AS s
             FROM local_ladder, sep)
SELECT u->>'unit' AS unit, u->>'action' AS action FROM oct, jsonb_array_elements(oct.s->'months'->0->'units') u ORDER BY 1;
-- A ladder the document does not have; two documents in one group; NULL ladder.
SELECT ecogrid.ladder_step(ecogrid.scheme_named('mee-2020')::jsonb, 'CJ-A2-7.3', NULL, '2026-09', array['A'], array[1]::bigint[]);
SELECT ecogrid.ladder(CASE WHEN unit = 'A' THEN doc ELSE ecogrid.scheme_named('changji-2023')::jsonb END,
                      'CJ-A2-7.3', month, unit, n ORDER BY month)
FROM local_ladder, scheme_problems;
SELECT ecogrid.ladder(doc, NULL, month, unit, n ORDER BY month) FROM local_ladder, scheme_problems;
