"""ecogrid duties from Python: CJ-G.9, DG-30, MEE-1, cadences, obligations."""
import unittest

import ecogrid


class TestDuties(unittest.TestCase):
    def test_cj_g_9_dg_30_mee(self):
        r = ecogrid.alert_deadlines("2026-10-01 09:00", "2026-10-01 10:00", "2026-10-01 11:01")
        self.assertEqual(r, {"feedback": ("on_time", 0), "result": ("late", 1)})
        self.assertFalse(ecogrid.equipment_due(10, "2016-05-01", "2026-05-01"))
        self.assertTrue(ecogrid.equipment_due(0, "2016-05-01", "2026-05-02"))
        self.assertEqual(ecogrid.mee_grade(["A", "B", "A"]), "B")
        self.assertEqual(ecogrid.mee_grade(["A", None]), "D")

    def test_mee_1_reduction_list(self):
        table = {("B", "red"): "限产50%", ("C", "red"): "停产", ("D", "red"): "停产"}
        self.assertEqual(ecogrid.reduction_list({"E1": "A", "E2": "B", "E3": "leading"}, table, "red"), {"E2": "限产50%"})

    def test_dg_15_cadence(self):
        events = [("2026-10-05 23:10", "inspection", "town"), ("2026-10-06 10:00", "inspection", "town")]
        found = ecogrid.cadence_check("DG-15", "inspection", "month", 4, ["town"], events,
                                      "2026-10-01", "2026-10-31", night_or_holiday=True)
        self.assertEqual([(f.rule, f.actor, f.measured) for f in found], [("DG-15", "town", 1)])
        self.assertIn("1 of at least 4, missed", found[0].message_en)
        self.assertIn("(DG-15)", found[0].message_en)
        again = ecogrid.cadence_preset("DG-15-town", ["town"], events, "2026-10-01", "2026-10-31")
        self.assertEqual([(f.rule, f.measured) for f in again], [("DG-15", 1)])
        summary = ecogrid.alert_summary([("昌吉市", "2026-10-01 09:00", "2026-10-01 10:01", None),
                                         ("昌吉市", "2026-10-02 09:00", "2026-10-02 09:30", "2026-10-02 10:00")])
        self.assertEqual(summary["昌吉市"], {"alerts": 2, "feedback_late": 1, "feedback_missing": 0,
                                             "result_late": 0, "result_missing": 1})

    def test_yl_5_4_dg_61_dg_67_obligations(self):
        self.assertEqual(ecogrid.obligation_due("YL-5.4", "2026-11-30"), "2027-02-28")
        self.assertEqual(ecogrid.obligation_due("DG-61", "2026-01-31"), "2026-02-28")
        self.assertEqual(ecogrid.obligation_due("DG-67", "2026-03-15", 3), "2026-06-15")
        with self.assertRaises(ecogrid.OutOfRange):
            ecogrid.obligation_due("DG-67", "2026-03-15", 13)
        with self.assertRaises(KeyError):
            ecogrid.obligation_due("DG-99", "2026-03-15")


if __name__ == "__main__":
    unittest.main()
