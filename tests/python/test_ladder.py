"""ecogrid.Ladder: escalation ladders from Python (CJ-A2-7.3, CJ-A3-4, DG-65/66, ...)."""
import random
import unittest

import ecogrid


class TestLadder(unittest.TestCase):
    def test_cj_a2_7_3_actions_and_messages(self):
        lad = ecogrid.Ladder.preset("CJ-A2-7.3")
        self.assertEqual(lad.actions, ["none", "criticism", "interview", "accountability"])
        # 12/80 = 15.0%, 9/60 = 15.0%, 6/60 = 10.0%: criticism, interview, accountability.
        out = lad.evaluate({"2026-09": {"A": 12, "B": 68}, "2026-10": {"A": 9, "B": 51},
                            "2026-11": {"A": 6, "B": 54}})
        self.assertEqual([out[m]["A"].action for m in ("2026-09", "2026-10", "2026-11")],
                         ["criticism", "interview", "accountability"])
        msgs = [c.message_en for c in out["2026-10"]["A"].clauses if c.action == "interview"]
        self.assertEqual(msgs, ["2026-09: 12/80 = 15.0%, 2026-10: 9/60 = 15.0%, ≥ 10% 2 months running"
                                " → interview of the unit's leaders (CJ-A2-7.3)"])
        self.assertEqual(out["2026-10"]["A"].clauses[0].rule, "CJ-A2-7.3")

    def test_cj_a2_7_3_boundaries(self):
        lad = ecogrid.Ladder.preset("CJ-A2-7.3")
        # 5 of 50 = 10% exactly (criticism); 10 of 50 = 20% (interview); 99/1000 = 9.9% (none); total 0.
        out = lad.evaluate({"2026-01": {"A": 5, "B": 45}})
        self.assertEqual(out["2026-01"]["A"].action, "criticism")
        out = lad.evaluate({"2026-01": {"A": 10, "B": 40}})
        self.assertEqual(out["2026-01"]["A"].action, "interview")
        out = lad.evaluate({"2026-01": {"A": 99, "B": 901}})
        self.assertEqual(out["2026-01"]["A"].action, "none")
        out = lad.evaluate({"2026-01": {"A": 0, "B": 0}})
        self.assertEqual(out["2026-01"]["A"].action, "none")

    def test_cj_a3_4_flags_and_cj_a2_7_1_booleans(self):
        lad = ecogrid.Ladder.preset("CJ-A2-7.1")
        out = lad.evaluate({"2026-01": {"A": True}, "2026-02": {"A": True}, "2026-03": {"A": True}})
        self.assertEqual(out["2026-03"]["A"].action, "special_inspection")
        lad = ecogrid.Ladder.preset("CJ-A3-4")
        series = {"2026-01": {"A": 2, "B": 1}, "2026-02": {"A": 1, "B": 2}, "2026-03": {"A": 2, "B": 1},
                  "2026-04": {"A": 1, "B": 2}, "2026-05": {"A": 2, "B": 1}, "2026-12": {"A": 1, "B": 2}}
        out = lad.evaluate(series, flags={"2026-12": {"A": True}})
        self.assertEqual(out["2026-05"]["A"].action, "criticism")
        self.assertEqual(out["2026-12"]["A"].action, "accountability")

    def test_dg_65_ties_in_bottom_three(self):
        out = ecogrid.Ladder.preset("DG-65").evaluate({"2026-05": dict(zip("ABCDE", [1, 2, 2, 2, 5]))})
        self.assertEqual({u: r.action for u, r in out["2026-05"].items()},
                         {"A": "none", "B": "interview_deputy", "C": "interview_deputy",
                          "D": "interview_deputy", "E": "interview_deputy"})

    def test_incremental_equals_batch_on_random_series(self):
        rnd = random.Random(7)
        for name in ("CJ-A2-7.3", "DG-63", "JM-2.3"):
            lad = ecogrid.Ladder.preset(name)
            months = ["%04d-%02d" % (2024 + i // 12, i % 12 + 1) for i in range(30) if rnd.random() > 0.1]
            series = {m: {u: rnd.randrange(4) for u in "ABCD"} for m in months}
            batch = lad.evaluate(series)
            text = lad.state().serialize()
            for m in months:
                st = lad.load_state(text)
                res = st.step(m, series[m])
                text = st.serialize()
                for u in "ABCD":
                    self.assertEqual(res[u].action, batch[m][u].action)
                    self.assertEqual([c.message for c in res[u].clauses],
                                     [c.message for c in batch[m][u].clauses])

    def test_errors(self):
        lad = ecogrid.Ladder.preset("CJ-A2-7.3")
        st = lad.state()
        st.step("2026-05", {"A": 1})
        with self.assertRaises(ecogrid.StateError) as cm:
            st.step("2026-04", {"A": 1})
        self.assertIn("2026-04 does not come after 2026-05", cm.exception.message)
        with self.assertRaises(ecogrid.InvalidArgument):
            st.step("2026-06", {"A": -1})
        with self.assertRaises(TypeError):
            st.step("2026-06", {"A": 1.5})
        with self.assertRaises(ecogrid.NotFound):
            ecogrid.Ladder.preset("XX-1")
        with self.assertRaises(ecogrid.ParseError):
            lad.load_state("ecogrid-ladder-state 1\nladder 9:CJ-A2-7.3\n")
        self.assertEqual(st.last_month, "2026-05")



class TestEvaluateTable(unittest.TestCase):
    def test_cj_a2_7_3_evaluate_table_matches_evaluate(self):
        import array
        lad = ecogrid.Ladder.preset("CJ-A2-7.3")
        series = {"2026-09": {"A": 12, "B": 68}, "2026-10": {"A": 9, "B": 51}}
        sev = lad.evaluate_table("2026-09", 2, ["A", "B"], array.array("q", [12, 68, 9, 51]))
        self.assertEqual(list(sev), [1, 2, 2, 3])
        out = lad.evaluate(series)
        self.assertEqual([lad.actions[s] for s in sev],
                         [out[m][u].action for m in ("2026-09", "2026-10") for u in ("A", "B")])
        self.assertEqual(lad.actions[sev[2]], "interview")  # README: 昌吉市 in 2026-10
        # Groups: C alone in its own group holds 100 % of its group's problems.
        sev = lad.evaluate_table("2026-09", 1, ["A", "B", "C"], [12, 68, 5], groups=[2, 1])
        self.assertEqual(list(sev), [1, 2, 2])
        with self.assertRaises(ecogrid.InvalidArgument) as cm:
            lad.evaluate_table("2026-09", 1, ["A", "B"], [1, 2], groups=[1])
        self.assertIn("cover 1 units, not 2", cm.exception.message)
        with self.assertRaises(ValueError):
            lad.evaluate_table("2026-09", 2, ["A", "B"], [1, 2])


if __name__ == "__main__":
    unittest.main()
