-- ecogrid.ladder (an ordered aggregate over a group's units and months),
-- ecogrid.ladder_step (one month from a stored state) and
-- ecogrid.ladder_actions: escalation ladders (CJ-A2-7.3, JM-2.3, R0.4).

-- CJ-A2-7.3, the share of the prefecture's CJ-A2-5.4 problems: >= 10 % criticism; 2 months running
-- >= 10 % or 1 month >= 20 % interview; 3 months >= 10 % or 2 months >= 20 % accountability.
CREATE TABLE problems (prefecture text, unit text, month text, n bigint);
INSERT INTO problems VALUES
  -- 2026-09: A 12/80 = 15 % criticism; B 68/80 = 85 % interview.
  ('P', 'A', '2026-09', 12), ('P', 'B', '2026-09', 68),
  -- 2026-10: A 9/60 = 15 %, two months >= 10 %: interview; B 51/60 = 85 %, two months >= 20 %: accountability.
  ('P', 'A', '2026-10', 9), ('P', 'B', '2026-10', 51),
  -- 2026-11: A 0/10 none; B 10/10, three months >= 10 %: accountability.
  ('P', 'A', '2026-11', 0), ('P', 'B', '2026-11', 10),
  -- 2027-01 after a month without data (R0.4: the streak is broken): A 20/20 = 100 % interview, B 0 none.
  ('P', 'A', '2027-01', 20), ('P', 'B', '2027-01', 0),
  -- Another prefecture: shares are of its own total. C 5/10 = 50 %: interview.
  ('Q', 'C', '2026-09', 5), ('Q', 'D', '2026-09', 5);

SELECT prefecture, a.month, a.unit, a.severity, a.action, jsonb_array_length(a.clauses) AS clauses
FROM (SELECT prefecture, ecogrid.ladder('CJ-A2-7.3', month, unit, n ORDER BY month, unit) AS r
      FROM problems GROUP BY prefecture) t, ecogrid.ladder_actions(t.r) a
ORDER BY prefecture, a.month, a.unit;

-- The clauses that fired, with their messages.
SELECT c->>'rule' AS rule, c->>'action' AS action, c->>'message' AS message, c->>'message_en' AS message_en
FROM (SELECT ecogrid.ladder('CJ-A2-7.3', month, unit, n ORDER BY month) AS r FROM problems WHERE prefecture = 'P') t,
     ecogrid.ladder_actions(t.r) a, jsonb_array_elements(a.clauses) c
WHERE a.month = '2026-10' AND a.unit = 'B';

-- The result carries the library's serialised state: stepping November from the state after
-- October gives what the aggregate over all three months gave.
WITH upto AS (SELECT ecogrid.ladder('CJ-A2-7.3', month, unit, n ORDER BY month) AS r
              FROM problems WHERE prefecture = 'P' AND month <= '2026-10'),
     nov AS (SELECT ecogrid.ladder_step('CJ-A2-7.3', r->>'state', '2026-11', array['A', 'B'], array[0, 10]::bigint[]) AS s
             FROM upto),
     full3 AS (SELECT ecogrid.ladder('CJ-A2-7.3', month, unit, n ORDER BY month) AS r
               FROM problems WHERE prefecture = 'P' AND month <= '2026-11')
SELECT upto.r->>'last_month' AS before, nov.s->>'last_month' AS after,
       nov.s->'months'->0 = full3.r->'months'->2 AS same_outcome, nov.s->'state' = full3.r->'state' AS same_state
FROM upto, nov, full3;
SELECT split_part(r->>'state', E'\n', 1) AS state_header
FROM (SELECT ecogrid.ladder('CJ-A2-7.3', month, unit, n ORDER BY month) AS r FROM problems WHERE prefecture = 'Q') t;
-- From no state: a fresh one.
SELECT a.unit, a.action FROM ecogrid.ladder_actions(
  ecogrid.ladder_step('CJ-A2-7.3', NULL, '2026-09', array['A', 'B'], array[12, 68]::bigint[])) a ORDER BY a.unit;

-- JM-2.3 with the "serious" flag: 1 situation interview; 2, or 1 serious, written self-criticism.
SELECT a.month, a.unit, a.action
FROM ecogrid.ladder_actions((
  SELECT ecogrid.ladder('JM-2.3', month, unit, n, serious ORDER BY month)
  FROM (VALUES ('X', '2021-03', 1, false), ('X', '2021-04', 1, true), ('X', '2021-05', 2, false),
               ('Y', '2021-03', 0, false), ('Y', '2021-04', NULL, false)) AS v(unit, month, n, serious))) a
ORDER BY a.month, a.unit;

-- Bad input.
-- Months out of order (no ORDER BY month):
SELECT ecogrid.ladder('CJ-A2-7.3', month, unit, n) FROM (VALUES ('A', '2026-10', 1), ('A', '2026-09', 1)) v(unit, month, n);
-- A unit twice in a month; a negative value; a bad month; an unknown ladder; two ladders in a group:
SELECT ecogrid.ladder('CJ-A2-7.3', month, unit, n ORDER BY month) FROM (VALUES ('A', '2026-10', 1), ('A', '2026-10', 2)) v(unit, month, n);
SELECT ecogrid.ladder('CJ-A2-7.3', month, unit, n ORDER BY month) FROM (VALUES ('A', '2026-10', -1)) v(unit, month, n);
SELECT ecogrid.ladder('CJ-A2-7.3', month, unit, n ORDER BY month) FROM (VALUES ('A', '2026-13', 1)) v(unit, month, n);
SELECT ecogrid.ladder('CJ-Z', month, unit, n ORDER BY month) FROM (VALUES ('A', '2026-10', 1)) v(unit, month, n);
SELECT ecogrid.ladder(l, month, unit, n ORDER BY month) FROM (VALUES ('CJ-A2-7.3', 'A', '2026-10', 1), ('DG-63', 'A', '2026-11', 1)) v(l, unit, month, n);
-- Arrays that do not line up; a state that is not one; a state of another ladder:
SELECT ecogrid.ladder_step('CJ-A2-7.3', NULL, '2026-09', array['A', 'B'], array[1]::bigint[]);
SELECT ecogrid.ladder_step('CJ-A2-7.3', 'not a state', '2026-09', array['A'], array[1]::bigint[]);
SELECT ecogrid.ladder_step('DG-63', (SELECT ecogrid.ladder('CJ-A2-7.3', '2026-09', 'A', 1))->>'state', '2026-10', array['A'], array[1]::bigint[]);
-- A month already stepped:
SELECT ecogrid.ladder_step('CJ-A2-7.3', (SELECT ecogrid.ladder('CJ-A2-7.3', '2026-09', 'A', 1))->>'state', '2026-09', array['A'], array[1]::bigint[]);
