"""scheme.h over ctypes (issue #15): Scheme.load / from_text, ruleset(date),
ladder(rule_id), check(), to_text(), ParseError's place, families, diff, and
the JSON Schema of docs/schema/ against the documents."""
import glob
import json
import os
import tempfile
import unittest

import ecogrid

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SCHEMES = os.path.join(ROOT, "data", "schemes")
TESTDOCS = os.path.join(ROOT, "tests", "data", "schemes")

try:
    import jsonschema
except ImportError:  # Debian: python3-jsonschema (CI installs it)
    jsonschema = None


def changji_text():
    with open(os.path.join(SCHEMES, "changji-2023.json"), encoding="utf-8") as fh:
        return fh.read()


class TestScheme(unittest.TestCase):
    def test_load_from_text_and_to_text_round_trip(self):
        s = ecogrid.Scheme.load(os.path.join(SCHEMES, "changji-2023.json"))
        self.assertEqual(s.id, "changji-2023")
        self.assertEqual(s.family, "changji")
        self.assertEqual(s.validity, ("2023-05-24", None))
        text = s.to_text()
        self.assertEqual(text, changji_text())  # the shipped file is canonical
        again = ecogrid.Scheme.from_text(text)
        self.assertEqual(again.to_text(), text)
        self.assertEqual(again.sha256, s.sha256)
        self.assertEqual(len(s.sha256), 64)
        self.assertEqual(ecogrid.Scheme.shipped(),
                         ["changji-2023", "dongguan-2019", "jiangmen-2021", "mee-2020", "yulin-2019"])

    def test_cj_a2_ruleset_by_date_is_a_ruleset(self):
        s = ecogrid.Scheme.named("changji-2023")
        rs = s.ruleset("2026-10-31")
        self.assertIsInstance(rs, ecogrid.RuleSet)
        self.assertEqual(rs.name, "changji-2023")
        # 30 + (40 - 3) + 10 + 10 + 10 = 97, excellent (CJ-A2-5.10, CJ-A2-6.2).
        r = rs.score({"items": {"4": 3}}, "2026-10")
        self.assertEqual((r.score, r.grade), (97, "excellent"))
        # The same results as the preset by name.
        self.assertEqual(ecogrid.RuleSet.preset("changji-2023").score({"items": {"4": 3}}).score, 97)
        with self.assertRaises(ecogrid.NotFound):
            s.ruleset("2023-05-23")

    def test_cj_a2_7_3_ladder_by_rule_id_is_a_ladder(self):
        lad = ecogrid.Scheme.named("changji-2023").ladder("CJ-A2-7.3")
        self.assertIsInstance(lad, ecogrid.Ladder)
        self.assertEqual(lad.actions, ["none", "criticism", "interview", "accountability"])
        # 12/80 = 15 % then 9/60 = 15 %: two months >= 10 % -> interview (CJ-A2-7.3).
        out = lad.evaluate({"2026-09": {"A": 12, "B": 68}, "2026-10": {"A": 9, "B": 51}})
        self.assertEqual(out["2026-10"]["A"].action, "interview")
        with self.assertRaises(ecogrid.NotFound):
            ecogrid.Scheme.named("changji-2023").ladder("DG-65")

    def test_parse_error_names_pointer_line_and_column(self):
        text = changji_text().replace('"per_occurrence": 5,', '"per_occurrence": -5,', 1)
        with self.assertRaises(ecogrid.ParseError) as cm:
            ecogrid.Scheme.from_text(text)
        e = cm.exception
        # Item 5's per_occurrence: line 115, after 10 spaces and 18 characters of key.
        self.assertEqual(e.pointer, "/rulesets/0/items/4/per_occurrence")
        self.assertEqual((e.line, e.column), (115, 29))
        self.assertEqual(e.code, -6)  # EG_ERANGE
        self.assertEqual(e.expected, "an integer from 0 to 1000000")
        self.assertEqual(e.found, "-5")
        self.assertIn("line 115, column 29, at /rulesets/0/items/4/per_occurrence", e.message)
        # An unknown key lists the valid ones.
        with self.assertRaises(ecogrid.ParseError) as cm:
            ecogrid.Scheme.from_text(changji_text().replace('"max_points": 40,', '"max_point": 40,', 1))
        self.assertEqual(cm.exception.pointer, "/rulesets/0/items/3/max_point")
        self.assertIn("max_points, per_occurrence, floor", cm.exception.expected)
        # Not JSON at all.
        with self.assertRaises(ecogrid.ParseError) as cm:
            ecogrid.Scheme.from_text("{")
        self.assertEqual(cm.exception.line, 1)
        # A missing file is an I/O error, not a parse error.
        with self.assertRaises(ecogrid.EcogridIOError):
            ecogrid.Scheme.load("/nonexistent/scheme.json")

    def test_check_finds_each_defect_kind(self):
        self.assertEqual(ecogrid.Scheme.named("changji-2023").check(), [])
        for kind in ("grade-gap", "grade-overlap", "floor-unreachable", "item-exceeds-section", "veto-not-status",
                     "clause-never-fires", "clause-shadowed", "action-unnamed", "rule-cited-twice",
                     "dates-out-of-order"):
            with open(os.path.join(TESTDOCS, "defect-%s.json" % kind), encoding="utf-8") as fh:
                text = fh.read()
            try:
                findings = ecogrid.Scheme.from_text(text).check()
            except ecogrid.ParseError:
                findings = ecogrid.Scheme.check_text(text)
            self.assertIn(kind, [f.id for f in findings], kind)
            f = [f for f in findings if f.id == kind][0]
            self.assertTrue(f.message and f.message_en and f.pointer.startswith("/"))

    def test_deadlines_cadences_sources(self):
        jm = ecogrid.Scheme.named("jiangmen-2021")
        # JM-2.1.2: by the 3rd of the month after the quarter.
        self.assertEqual(jm.deadline("district_update", "2021Q4"), "2022-01-03")
        self.assertEqual(jm.deadlines, [("district_update", "JM-2.1.2"), ("list_update", "JM-2.1.2")])
        dg = ecogrid.Scheme.named("dongguan-2019")
        self.assertEqual(dg.cadences["DG-15-town"], {"rule": "DG-15", "kind": "inspection", "period": "month",
                                                     "min_count": 4, "night_or_holiday": True})
        src = [x for x in ecogrid.Scheme.named("changji-2023").sources if x.pointer == "/rulesets/0/items/3"][0]
        self.assertEqual((src.rule, src.article), ("CJ-A2-5.4", "附件2 第五条(二)4"))
        cj = ecogrid.Scheme.named("changji-2023")
        self.assertEqual(cj.ranking, {"metric": "improvement_rate", "order": "desc", "decimals": 3,
                                      "last_place_ladder": "CJ-A3-4"})
        self.assertEqual(cj.profile("2026-03").name, "CN2026")
        self.assertEqual(cj.monthly_ladders, [("CJ-A2-7.3", "item_count", "4"), ("CJ-A2-7.1", "failed", None)])

    def test_family_and_diff(self):
        text = changji_text()
        old = ecogrid.Scheme.from_text(text.replace('"valid_to": null,', '"valid_to": "2024-12-31",', 1))
        new_text = (text.replace('"id": "changji-2023",\n  "family"', '"id": "changji-2025",\n  "family"', 1)
                    .replace('"valid_from": "2023-05-24",', '"valid_from": "2025-01-01",', 1)
                    .replace('"max_points": 40,\n          "per_occurrence": 1,',
                             '"max_points": 40,\n          "per_occurrence": 2,', 1))
        new = ecogrid.Scheme.from_text(new_text)
        fam = ecogrid.SchemeFamily([new, old])
        self.assertEqual(fam.ids(), ["changji-2023", "changji-2025"])
        self.assertEqual(fam.at("2025-01-01"), "changji-2025")
        with self.assertRaises(ecogrid.OutOfRange):
            ecogrid.SchemeFamily([ecogrid.Scheme.named("changji-2023"), new])  # open-ended, then 2025: overlap
        # Unit A, 3 problems: 30 + 37 + 30 = 97 -> 30 + 34 + 30 = 94; both excellent (>= 90).
        rules, units = ecogrid.scheme_diff(old.ruleset("2024-12"), new.ruleset("2025-01"),
                                           {"A": {"items": {"4": 3}}, "B": {}})
        self.assertEqual(rules[0][1], "item 4: max 40, 1 per occurrence (CJ-A2-5.4) -> max 40, 2 per occurrence (CJ-A2-5.4)")
        a, b = units
        self.assertEqual((a.unit, a.changed, a.old_score, a.new_score), ("A", True, 97, 94))
        self.assertEqual((a.old_grade, a.new_grade), ("excellent", "excellent"))
        self.assertEqual([r[0] for r in a.reasons], ["CJ-A2-5.4", "CJ-A2-5.10", "CJ-A2-6.2"])
        self.assertEqual((b.changed, b.reasons), (False, ()))

    def test_traces_and_clauses_carry_their_source(self):
        r = ecogrid.RuleSet.preset("changji-2023").score({"items": {"4": 3}})
        item4 = [t for t in r.trace if t.rule == "CJ-A2-5.4"][0]
        self.assertEqual(item4.article, "附件2 第五条(二)4")
        self.assertIn("每1起扣1分,扣完为止", item4.quote)
        total = [t for t in r.trace if t.rule == "CJ-A2-5.10"][0]
        self.assertIsNone(total.article)
        # 1/10 = 10 %: criticism (CJ-A2-7.3, R0.1).
        out = ecogrid.Ladder.preset("CJ-A2-7.3").evaluate({"2026-10": {"A": 1, "B": 9}})
        clause = out["2026-10"]["A"].clauses[0]
        self.assertEqual((clause.action, clause.article), ("criticism", "附件2 第七条(三)"))

    def test_load_from_a_file_with_a_path_object(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "s.json")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(changji_text())
            self.assertEqual(ecogrid.Scheme.load(path).id, "changji-2023")


@unittest.skipUnless(jsonschema, "python3-jsonschema is not installed")
class TestSchemaFile(unittest.TestCase):
    def test_documents_validate_against_the_schema(self):
        with open(os.path.join(ROOT, "docs", "schema", "scheme.schema.json"), encoding="utf-8") as fh:
            schema = json.load(fh)
        jsonschema.Draft202012Validator.check_schema(schema)
        v = jsonschema.Draft202012Validator(schema)
        paths = sorted(glob.glob(os.path.join(SCHEMES, "*.json")) + glob.glob(os.path.join(TESTDOCS, "*.json")))
        self.assertGreater(len(paths), 10)
        for p in paths:
            with open(p, encoding="utf-8") as fh:
                doc = json.load(fh)
            errors = [list(e.absolute_path) for e in v.iter_errors(doc)]
            if os.path.basename(p) == "defect-action-unnamed.json":
                self.assertEqual(errors, [["ladders", 0, "actions", 1]])  # the schema sees that one too
            else:
                self.assertEqual(errors, [], p)
        # What the loader refuses for its type, the schema refuses too.
        doc = json.loads(changji_text())
        doc["rulesets"][0]["items"][4]["per_occurrence"] = -5
        self.assertFalse(v.is_valid(doc))
        doc = json.loads(changji_text())
        doc["rulesets"][0]["items"][3]["max_point"] = 40
        self.assertFalse(v.is_valid(doc))


if __name__ == "__main__":
    unittest.main()
