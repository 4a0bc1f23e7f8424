-- ecogrid.score and ecogrid.score_many: the monthly assessment (CJ-A2-5.1 to
-- CJ-A2-5.10, CJ-A2-6.1 to CJ-A2-6.3) and the Jiangmen double assessment
-- (JM-2.2) from jsonb inputs. changji-2023: items 1-3 status 10 each (veto),
-- item 4 40 - 1 per problem, items 5 and 6 10 - 5, item 7 10 - 10 with
-- overflow into the total; bonus 2 per event up to 10; media penalties from
-- the operation section; grades 90 / 80 / 60.

-- Nothing wrong: 30 + 40 + 10 + 10 + 10 = 100, excellent.
SELECT score, grade, veto, fail_reasons, jsonb_array_length(trace) AS trace_entries
FROM ecogrid.score('changji-2023', '2026-10', '{}');
-- 3 problems and 1 bonus event: 30 + 37 + 30 + 2 = 99.
SELECT score, grade FROM ecogrid.score('changji-2023', '2026-10', '{"items": {"4": 3}, "bonus": 1}');
-- The trace states the arithmetic with the rule ID.
SELECT e->>'rule' AS rule, e->>'subject' AS subject, e->'count' AS count, e->'before' AS before, e->'after' AS after,
       e->>'message' AS message, e->>'message_en' AS message_en
FROM ecogrid.score('changji-2023', '2026-10', '{"items": {"4": 3}, "bonus": 1}') r, jsonb_array_elements(r.trace) e
WHERE e->>'rule' IN ('CJ-A2-5.4', 'CJ-A2-5.8', 'CJ-A2-6.2');
-- Grade boundaries on both sides (CJ-A2-6.2, R0.1): 10 problems -> 90 excellent, 11 -> 89 good;
-- 35 problems and 1 late assignment -> 30 + 5 + 5 + 10 + 10 = 60 pass, 36 problems -> 59 fail.
SELECT n, score, grade
FROM (VALUES ('{"items": {"4": 10}}'), ('{"items": {"4": 11}}'), ('{"items": {"4": 35, "5": 1}}'),
             ('{"items": {"4": 36, "5": 1}}')) AS v(n), ecogrid.score('changji-2023', '2026-10', n::jsonb);
-- A failed veto item (CJ-A2-6.1): the month scores 0.
SELECT score, grade, veto, fail_reasons FROM ecogrid.score('changji-2023', '2026-10', '{"items": {"2": false}}');
-- Item 7 overflows (CJ-A2-5.7): 3 x 10 = 30 from 10 -> 0, 20 more off the total: 100 - 10 - 20 = 70;
-- with adverse effects the month fails whatever the score.
SELECT score, grade, fail_reasons FROM ecogrid.score('changji-2023', '2026-10', '{"items": {"7": 3}}');
SELECT score, grade, fail_reasons FROM ecogrid.score('changji-2023', '2026-10', '{"items": {"7": 1}, "adverse": ["7"]}');
-- Media exposure (CJ-A2-5.9): each problem takes its worst level, the penalties add up:
-- -30 and -30 from the operation section (70 -> 10): 40, fail. A national exposure fails outright.
SELECT score, grade, fail_reasons FROM ecogrid.score('changji-2023', '2026-10', '{"problems": [["regional"], ["prefecture", "regional"]]}');
SELECT score, grade, fail_reasons FROM ecogrid.score('changji-2023', '2026-10', '{"problems": [["national"]]}');
-- The bonus is capped at 10 (CJ-A2-5.8) and the total is not capped at 100 (CJ-A2-5.10): 110.
SELECT score, grade FROM ecogrid.score('changji-2023', '2026-10', '{"bonus": 6}');
-- A forced fail (CJ-A2-6.3).
SELECT score, grade, fail_reasons FROM ecogrid.score('changji-2023', '2026-10', '{"forced_fail": ["CJ-A2-6.3-c"]}');
-- JM-2.2: deductions only, no grades: 2 x -2 + 1 x -3 = -7.
SELECT score, grade, veto FROM ecogrid.score('jiangmen-2021', '2021-06', '{"items": {"1": 2, "4": 1}}');
-- STRICT: NULL in, NULL out.
SELECT ecogrid.score('changji-2023', NULL, '{}') IS NULL AS strict;

-- Many units in one call (all or nothing).
SELECT unit, score, grade, veto, fail_reasons
FROM ecogrid.score_many('changji-2023', '2026-10',
  '{"652301": {"items": {"4": 3}}, "652302": {"items": {"1": false}}, "652323": {"bonus": 2}}')
ORDER BY unit;
-- One bad unit fails the call and names the unit.
SELECT * FROM ecogrid.score_many('changji-2023', '2026-10', '{"652301": {}, "652302": {"items": {"4": -1}}}');

-- Bad inputs name where they are wrong.
SELECT ecogrid.score('changji-2023', '2026-10', '{"itmes": {}}');
SELECT ecogrid.score('changji-2023', '2026-10', '{"items": {"9": 1}}');
SELECT ecogrid.score('changji-2023', '2026-10', '{"items": {"4": true}}');
SELECT ecogrid.score('changji-2023', '2026-10', '{"items": {"4": 2.5}}');
SELECT ecogrid.score('changji-2023', '2026-10', '{"items": {"4": 1180591620717411303424}}');
SELECT ecogrid.score('changji-2023', '2026-10', '{"items": {"4": 1000001}}');
SELECT ecogrid.score('changji-2023', '2026-10', '{"items": {"4": "3"}}');
SELECT ecogrid.score('changji-2023', '2026-10', '{"problems": [["county"]]}');
SELECT ecogrid.score('changji-2023', '2026-10', '[1, 2]');
SELECT ecogrid.score('changji-2023', '2023-04', '{}');
SELECT ecogrid.score('changji-2023', 'October', '{}');
SELECT ecogrid.score('changji-2099', '2026-10', '{}');
