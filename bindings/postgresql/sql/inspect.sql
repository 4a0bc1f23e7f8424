-- Inspection in SQL: double-random draws (algorithm 1) from a frame table and
-- their verification, the DG-6 pool, DG-8/10/11 quotas.

CREATE TABLE frame (stratum text, id text);
INSERT INTO frame SELECT 'key', 'E' || lpad(i::text, 2, '0') FROM generate_series(1, 10) i;
INSERT INTO frame SELECT 'general', 'G' || lpad(i::text, 2, '0') FROM generate_series(1, 20) i;

-- The published record of a draw: 3 key objects and 4 general ones.
CREATE TABLE draws AS
SELECT ecogrid.draw('2026Q3', '2026-Q3 昌州', '[{"name": "key", "quota": 3}, {"name": "general", "quota": 4}]',
                    stratum, id) AS record
FROM frame;
SELECT record->>'id' AS id, record->>'rule' AS rule, record->'algorithm' AS algorithm, record->'strata' AS strata,
       jsonb_array_length(record->'selected') AS selected, length(record->>'frame_hash') AS hash_length,
       record->'per_object' AS per_object, record->'skips' AS skips, record->'inspectors_hash' AS inspectors_hash
FROM draws;
-- The frame's row order does not matter (each stratum is put in canonical order).
SELECT (SELECT ecogrid.draw('2026Q3', '2026-Q3 昌州', '[{"name": "key", "quota": 3}, {"name": "general", "quota": 4}]',
                            stratum, id ORDER BY id DESC)
        FROM frame) = record AS same_draw
FROM draws;
-- Every selected object is in its stratum of the frame, and none twice.
SELECT count(*) AS selected, count(DISTINCT s->>'id') AS distinct_ids,
       bool_and(EXISTS (SELECT 1 FROM frame f WHERE f.stratum = s->>'stratum' AND f.id = s->>'id')) AS all_in_frame
FROM draws, jsonb_array_elements(record->'selected') s;
-- A DG-8 quota rule: 10 key objects in a city, ceil(10 % x 10) = 1; in a town ceil(25 % x 10) = ceil(2.5) = 3.
SELECT s->>'name' AS stratum, s->'size' AS size, s->'quota' AS quota, s->>'quota_rule' AS quota_rule
FROM (SELECT ecogrid.draw('q', 's', '[{"name": "key", "quota_rule": "DG-8-town"}]', stratum, id) AS r
      FROM frame WHERE stratum = 'key') t, jsonb_array_elements(r->'strata') s;

-- Verification: the library checks every field of the record against the frame.
SELECT (v).ok, (v).failed, (v).detail, (v).detail_en
FROM (SELECT ecogrid.draw_verify((SELECT record FROM draws), stratum, id) AS v FROM frame) t;
-- A frame with one object less: the hash and the published size differ.
SELECT (v).ok, (v).failed && array['frame_hash', 'sizes'] AS hash_and_size
FROM (SELECT ecogrid.draw_verify((SELECT record FROM draws), stratum, id) AS v FROM frame WHERE id <> 'G20') t;
-- A record whose selection was changed: the first object swapped for another.
SELECT (v).ok, (v).failed, (v).detail_en LIKE '%E99%' AS names_it
FROM (SELECT ecogrid.draw_verify(jsonb_set((SELECT record FROM draws), '{selected,0,id}', '"E99"'), stratum, id) AS v
      FROM frame) t;
-- A frame stratum that the record does not have.
SELECT (v).ok, (v).failed
FROM (SELECT ecogrid.draw_verify((SELECT record FROM draws), stratum, id) AS v
      FROM (SELECT * FROM frame UNION ALL SELECT 'low', 'L01') f) t;
-- A published quota that does not follow its rule (DG-8 town: 3, not 2).
SELECT (v).ok, (v).failed
FROM (SELECT ecogrid.draw_verify(jsonb_set(r, '{strata,0,quota}', '2'), stratum, id) AS v
      FROM (SELECT ecogrid.draw('q', 's', '[{"name": "key", "quota_rule": "DG-8-town"}]', stratum, id) AS r
            FROM frame WHERE stratum = 'key') d, frame WHERE stratum = 'key') t;
-- A record that pairs inspectors is checked against the inspector list and the conflicts; without
-- pairing, an inspector list given does not change the verdict of the objects.
SELECT (v).ok, (v).failed
FROM (SELECT ecogrid.draw_verify((SELECT record FROM draws), stratum, id, array['王一', '李二'], '[]') AS v FROM frame) t;

-- DG-6 pool: emissions from the top until the cumulative share reaches the threshold (exactly,
-- 1000 x cumulative >= share x total); ties at the cut are all taken.
-- a 50, b 30, c 10, d 10 (total 100): 800 per mille is reached exactly by a + b = 80;
-- 801 needs c, and d is tied with c; 850 likewise.
SELECT share, ecogrid.inspect_pool(id, emissions, share) AS pool
FROM (VALUES ('a', 50), ('b', 30), ('c', 10), ('d', 10)) AS v(id, emissions),
     (VALUES (800), (801), (850)) AS s(share)
GROUP BY share ORDER BY share;

-- DG-8/10/11 minimum numbers, rounded up: 31 key objects x 10 % = 3.1 -> 4; 30 -> 3 exactly;
-- town 31 x 25 % = 7.75 -> 8; DG-10 3 staff x 5 = 15 (city), x 10 = 30 (town); DG-11 2 x 25 = 50.
SELECT ecogrid.inspect_quota('DG-8-city', 31) AS dg8_city_31, ecogrid.inspect_quota('DG-8-city', 30) AS dg8_city_30,
       ecogrid.inspect_quota('DG-8-town', 31) AS dg8_town, ecogrid.inspect_quota('DG-10-city', 3) AS dg10_city,
       ecogrid.inspect_quota('DG-10-town', 3) AS dg10_town, ecogrid.inspect_quota('DG-11', 2) AS dg11;

-- Bad input.
SELECT ecogrid.draw('d', 's', '[{"name": "key", "quota": 11}]', stratum, id) FROM frame WHERE stratum = 'key';
SELECT ecogrid.draw('d', 's', '[{"name": "key", "quota": 1}]', stratum, id) FROM frame;
SELECT ecogrid.draw('d', 's', '[{"name": "key", "quota": 1}, {"name": "low", "quota": 1}]', stratum, id) FROM frame WHERE stratum = 'key';
SELECT ecogrid.draw('d', 's', '[{"name": "key", "quota": 1}, {"name": "key", "quota": 2}]', stratum, id) FROM frame;
SELECT ecogrid.draw('d', 's', '[{"name": "key", "quota": 1}]', stratum, id) FROM (VALUES ('key', 'A'), ('key', 'A')) v(stratum, id);
SELECT ecogrid.draw('d', '', '[{"name": "key", "quota": 1}]', stratum, id) FROM frame WHERE stratum = 'key';
SELECT ecogrid.draw('d', 's', '[{"name": "key", "qouta": 1}]', stratum, id) FROM frame WHERE stratum = 'key';
SELECT ecogrid.draw('d', 's', '[{"name": "key", "quota_rule": "DG-9"}]', stratum, id) FROM frame WHERE stratum = 'key';
SELECT ecogrid.draw('d', seed, '[{"name": "key", "quota": 1}]', stratum, id) FROM frame, (VALUES ('s1'), ('s2')) v(seed) WHERE stratum = 'key';
SELECT ecogrid.draw_verify('{"algorithm": 1}', stratum, id) FROM frame;
SELECT ecogrid.draw_verify((SELECT record FROM draws) - 'seed', stratum, id) FROM frame;
SELECT ecogrid.draw_verify((SELECT record || '{"signed": true}' FROM draws), stratum, id) FROM frame;
SELECT ecogrid.inspect_pool(id, emissions, 850) FROM (VALUES ('a', -1)) v(id, emissions);
SELECT ecogrid.inspect_pool(id, emissions, 850) FROM (VALUES ('a', 1), ('a', 2)) v(id, emissions);
SELECT ecogrid.inspect_pool(id, emissions, 0) FROM (VALUES ('a', 1)) v(id, emissions);
SELECT ecogrid.inspect_quota('DG-9', 1);
SELECT ecogrid.inspect_quota('DG-8-city', -1);
