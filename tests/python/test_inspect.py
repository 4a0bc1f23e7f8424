"""ecogrid draws from Python: sampler.py compatibility, DG-6 pool, verification."""
import unittest

import ecogrid


class TestInspect(unittest.TestCase):
    def test_sampler_py_published_vector(self):
        # sampler.py transcript (2011-11-14): seed 3546311556112163624615351222, 1..876.
        out = ecogrid.sha256_sample("3546311556112163624615351222", 876, 47)
        self.assertEqual(out[:8], [740, 180, 264, 789, 238, 448, 272, 611])
        self.assertEqual(out[-3:], [787, 537, 197])
        self.assertEqual(len(set(out)), 47)
        rep = ecogrid.sha256_sample("3546311556112163624615351222", 876, 32, replace=True)
        self.assertEqual(rep[31], 611)  # counter 32 repeats 611, kept with replacement

    def test_dg_6_pool(self):
        # A 50, B 20, C 15 reach exactly 85 of 100.
        self.assertEqual(ecogrid.pool({"E": 5, "A": 50, "B": 20, "C": 15, "D": 10}), ["A", "B", "C"])
        self.assertEqual(ecogrid.pool({"A": 50.5, "B": 49.5}, share=0.5), ["A"])
        with self.assertRaises(ecogrid.InvalidArgument):
            ecogrid.pool({"A": 0})

    def test_draw_verify_and_pairing(self):
        frame = {"key": ["K%02d" % i for i in range(31)], "general": ["G%03d" % i for i in range(169)]}
        rec = ecogrid.draw(frame, "2026Q4-5561121", {"key": 4, "general": 10})
        self.assertEqual([len(rec.selected[s]) for s in ("key", "general")], [4, 10])
        self.assertEqual(len(rec.frame_hash), 64)
        self.assertTrue(ecogrid.verify(rec, frame))
        changed = dict(frame, key=frame["key"][:-1] + ["K99"])
        self.assertFalse(ecogrid.verify(rec, changed))
        first = rec.selected["key"][0]
        rec.pair(["I1", "I2", "I3"], conflicts=[("I1", first), ("I2", first)], per_object=1)
        self.assertEqual(rec.inspectors[first], ["I3"])
        self.assertTrue(all(o == first for _i, o in rec.skips))
        one = ecogrid.draw(["A", "B", "C"], "s", 2)
        self.assertEqual(len(one.selected), 2)
        with self.assertRaises(ecogrid.InvalidArgument):
            ecogrid.draw(["A", "B"], "s", 3)


class TestDuties(unittest.TestCase):
    def test_cj_g_9_dg_30_mee(self):
        r = ecogrid.alert_deadlines("2026-10-01 09:00", "2026-10-01 10:00", "2026-10-01 11:01")
        self.assertEqual(r, {"feedback": ("on_time", 0), "result": ("late", 1)})
        self.assertFalse(ecogrid.equipment_due(10, "2016-05-01", "2026-05-01"))
        self.assertTrue(ecogrid.equipment_due(0, "2016-05-01", "2026-05-02"))
        self.assertEqual(ecogrid.mee_grade(["A", "B", "A"]), "B")
        self.assertEqual(ecogrid.mee_grade(["A", None]), "D")

    def test_dg_8_and_mee_reduction_list(self):
        self.assertEqual(ecogrid.uninspected_key_objects(["K1", "K2"], ["K1", "K1"]), ["K2"])
        table = {("B", "red"): "限产50%", ("C", "red"): "停产", ("D", "red"): "停产"}
        self.assertEqual(ecogrid.reduction_list({"E1": "A", "E2": "B", "E3": "leading"}, table, "red"), {"E2": "限产50%"})

    def test_dg_15_cadence(self):
        events = [("2026-10-05 23:10", "inspection", "town"), ("2026-10-06 10:00", "inspection", "town")]
        found = ecogrid.cadence_check("DG-15", "inspection", "month", 4, ["town"], events,
                                      "2026-10-01", "2026-10-31", night_or_holiday=True)
        self.assertEqual([(f.rule, f.actor, f.measured) for f in found], [("DG-15", "town", 1)])
        self.assertIn("at least 4 required (DG-15)", found[0].message_en)
        again = ecogrid.cadence_preset("DG-15-town", ["town"], events, "2026-10-01", "2026-10-31")
        self.assertEqual([(f.rule, f.measured) for f in again], [("DG-15", 1)])
        summary = ecogrid.alert_summary([("昌吉市", "2026-10-01 09:00", "2026-10-01 10:01", None),
                                         ("昌吉市", "2026-10-02 09:00", "2026-10-02 09:30", "2026-10-02 10:00")])
        self.assertEqual(summary["昌吉市"], {"alerts": 2, "feedback_late": 1, "feedback_missing": 0,
                                             "result_late": 0, "result_missing": 1})


if __name__ == "__main__":
    unittest.main()
