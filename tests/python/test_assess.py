"""ecogrid.RuleSet: the monthly assessment (CJ-A2) and JM-2.2 from Python."""
import threading
import unittest

import ecogrid


class TestChangji(unittest.TestCase):
    def setUp(self):
        self.rs = ecogrid.RuleSet.preset("changji-2023")

    def test_cj_a2_5_10_defaults_score_100(self):
        r = self.rs.score({})
        self.assertEqual((r.score, r.grade, r.veto, r.fail_reasons), (100, "excellent", False, ()))
        self.assertEqual(r.trace[-2].rule, "CJ-A2-5.10")

    def test_cj_a2_5_4_forty_one_problems_floor(self):
        # 41 x 1 floored at 0 in item 4: 30 + 0 + 30 = 60, pass (R0.1).
        r = self.rs.score({"items": {"4": 41}})
        self.assertEqual((r.score, r.grade), (60, "pass"))

    def test_cj_a2_5_7_overflow_and_adverse(self):
        # Two item-7 problems: 20 - 10 = 10 overflows from the total: 90 - 10 = 80.
        self.assertEqual(self.rs.score({"items": {"7": 2}}).score, 80)
        r = self.rs.score({"items": {"7": 1}, "item7_adverse": True})
        self.assertEqual((r.score, r.grade, r.fail_reasons), (90, "fail", ("CJ-A2-5.7",)))

    def test_cj_a2_5_9_media(self):
        # One problem at two levels: once, at -30: 30 + 40 = 70.
        self.assertEqual(self.rs.score({"media": [["regional", "prefecture"]]}).score, 70)
        # Two problems: -30 - 20 = -50: 50.
        self.assertEqual(self.rs.score({"media": [["regional"], ["prefecture"]]}).score, 50)
        r = self.rs.score({"media": [["national"]]})
        self.assertEqual((r.grade, r.fail_reasons), ("fail", ("CJ-A2-5.9",)))

    def test_cj_a2_6_1_veto(self):
        r = self.rs.score({"construction": [True, False, True], "bonus": 5})
        self.assertEqual((r.score, r.veto, r.grade), (0, True, "fail"))
        self.assertIn("CJ-A2-6.1", r.fail_reasons)

    def test_cj_a2_6_3_forced_fail_umbrella(self):
        r = self.rs.score({"forced_fail": ["CJ-A2-6.3"]})
        self.assertEqual((r.score, r.grade, r.fail_reasons), (100, "fail", ("CJ-A2-6.3",)))

    def test_cj_a2_5_8_bonus_cap(self):
        # 6 x 2 = 12, capped at 10: 110 (no cap at 100).
        self.assertEqual(self.rs.score({"bonus": 6}).score, 110)

    def test_trace_messages(self):
        r = self.rs.score({"items": {"4": 3}})
        entry = [t for t in r.trace if t.rule == "CJ-A2-5.4"][0]
        self.assertEqual((entry.count, entry.before, entry.after), (3, 30, 67))
        self.assertIn("3 起 × 1 分 = 扣 3 分", entry.message)
        self.assertIn("3 × 1 = 3 deducted", entry.message_en)
        self.assertIn("得分 97", r.render())
        self.assertIn("score 97, grade excellent", r.render("en"))

    def test_errors(self):
        with self.assertRaises(ecogrid.InvalidArgument) as cm:
            self.rs.score({"items": {"4": -1}})
        self.assertIn("count -1 is negative", cm.exception.message)
        with self.assertRaises(ecogrid.NotFound):
            self.rs.score({"items": {"8": 1}})
        with self.assertRaises(ecogrid.NotFound):
            self.rs.score({"media": [["galactic"]]})
        with self.assertRaises(ValueError):
            self.rs.score({"construction": [True]})
        with self.assertRaises(ValueError):
            self.rs.score({"itemz": {}})
        with self.assertRaises(TypeError):
            self.rs.score({"items": {"4": 1.5}})
        with self.assertRaises(ecogrid.OutOfRange) as cm:
            self.rs.score({}, period="2023-04")
        self.assertIn("outside rule set changji-2023's validity", cm.exception.message)
        with self.assertRaises(ecogrid.NotFound):
            ecogrid.RuleSet.preset("nowhere-2020")

    def test_score_many_and_annual(self):
        results = self.rs.score_many({"昌吉市": {"items": {"4": 10}}, "阜康市": {}}, period="2026-10")
        self.assertEqual({u: r.score for u, r in results.items()}, {"昌吉市": 90, "阜康市": 100})
        # (90 + 80 + 59) / 3 = 76.33 -> 76.3, pass.
        self.assertEqual(self.rs.annual([90, 80, 59]), (76.3, "pass"))
        self.assertEqual(ecogrid.consecutive_fails(
            {"2026-01": "fail", "2026-02": "fail", "2026-04": "fail", "2026-05": "fail"}), [])

    def test_cj_a2_7_1_consecutive_fails_through_the_ladder_preset(self):
        # Jan-Feb-Mar fail: March completes three; April (four in a row) too.
        fails = {"2026-01": "fail", "2026-02": "fail", "2026-03": "fail", "2026-04": "fail"}
        self.assertEqual(ecogrid.consecutive_fails(fails), ["2026-03", "2026-04"])
        # A passing month breaks the streak; Nov-Dec-Jan across the new year are consecutive.
        self.assertEqual(ecogrid.consecutive_fails(dict(fails, **{"2026-02": "pass"})), [])
        self.assertEqual(ecogrid.consecutive_fails({"2025-11": "fail", "2025-12": "fail", "2026-01": "fail"}),
                         ["2026-01"])
        with self.assertRaises(ValueError):
            ecogrid.consecutive_fails({"2026-01": "bad"})
        with self.assertRaises(ecogrid.InvalidArgument):
            ecogrid.consecutive_fails({"2026-1": "fail"})

    def test_shared_across_threads(self):
        # A built rule set is immutable and may be shared by threads.
        scores = []

        def work():
            scores.append(self.rs.score({"items": {"5": 1}}).score)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(scores, [95] * 4)


class TestJiangmen(unittest.TestCase):
    def test_jm_2_2_year_deductions(self):
        rs = ecogrid.RuleSet.for_date("2021-12-31")
        self.assertEqual(rs.name, "jiangmen-2021")
        self.assertEqual(rs.validity, ("2021-01-01", "2021-12-31"))
        # -(2x2 + 3x1 + 0x2 + 1x3 + 2x2) = -(4 + 3 + 0 + 3 + 4) = -14
        r = rs.score({"items": {"1": 2, "2": 3, "4": 1, "5": 2}}, period="2021-12")
        self.assertEqual((r.score, r.grade), (-14, None))



class TestScoreTable(unittest.TestCase):
    def test_score_table_rows_equal_per_unit_scores(self):
        import array
        rs = ecogrid.RuleSet.preset("changji-2023")
        # CJ-A2-5.9's three media levels, then CJ-A2-5.11's five triggers.
        self.assertEqual(rs.media_levels, ["national", "regional", "prefecture", "instructed_national",
                                           "instructed_regional", "instructed_prefecture", "ministry_media",
                                           "repeated_reports"])
        # Row 0: the README's month (41 problems, regional + prefecture) -> 30, fail.
        # Row 1: item 5 twice and 6 bonus events. Row 2: item 1 not met (veto) -> 0.
        items = array.array("q", [1, 1, 1, 41, 0, 0, 0,
                                  1, 1, 1, 0, 2, 0, 0,
                                  0, 1, 1, 0, 0, 0, 0])
        scores, grades = rs.score_table(items, 3, bonus=[0, 6, 0], problems=[0, 1, 1, 0, 0, 0, 0, 0, 0],
                                        forced=[0, 0, 0], period="2026-10", levels=3)
        self.assertEqual(list(scores), [30, 100, 0])
        self.assertEqual([ecogrid.assess.GRADES[g] for g in grades], ["fail", "excellent", "fail"])
        one = rs.score({"items": {"5": 2}, "bonus": 6}, period="2026-10")
        self.assertEqual((one.score, one.grade), (100, "excellent"))
        # All eight levels (the default): a problem instructed on by national leaders
        # (CJ-A2-5.11) takes the operation section's 70: 30 + 70 - 70 = 30, fail.
        s8, g8 = rs.score_table([1, 1, 1, 0, 0, 0, 0], 1, problems=[0, 0, 0, 1, 0, 0, 0, 0], period="2026-10")
        self.assertEqual((s8[0], ecogrid.assess.GRADES[g8[0]]), (30, "fail"))
        with self.assertRaises(ValueError):
            rs.score_table([1, 1, 1, 0, 0, 0, 0], 1, problems=[0, 0, 0], period="2026-10")
        # Forced fail CJ-A2-6.3-a (bit 0) from a memoryview slice, no copy.
        mv = memoryview(items)[7:14]
        s2, g2 = rs.score_table(mv, 1, forced=[1])
        self.assertEqual(ecogrid.assess.GRADES[g2[0]], "fail")
        with self.assertRaises(ecogrid.InvalidArgument) as cm:
            rs.score_table([1, 1, 1, -1, 0, 0, 0], 1)
        self.assertIn("row 0, item 4: count -1", cm.exception.message)
        with self.assertRaises(ValueError):
            rs.score_table([1, 1, 1], 1)
        with self.assertRaises(TypeError):
            rs.score_table(array.array("i", [0] * 7), 1)


if __name__ == "__main__":
    unittest.main()
