"""ecogrid ledgers from Python: YL-5.5 workflow, YL-5.3 summary."""
import unittest

import ecogrid


class TestLedger(unittest.TestCase):
    def test_yl_5_5_ledger(self):
        lg = ecogrid.Ledger()
        lg.open("P1", "2026-01-01 09:00", "整改办", "榆林市住建局", "城区清洁取暖率≥60%", "2026-06-30")
        for state in ("rectifying", "verified", "applied", "reviewed"):
            lg.transition("P1", "2026-03-01 09:00", "整改办", state, "推进")
        lg.transition("P1", "2026-03-02 09:00", "整改办", "rectifying", "退回")
        self.assertEqual(lg.status("P1", "2026-07-01"), ("rectifying", True))
        with self.assertRaises(ecogrid.StateError):
            lg.transition("P1", "2026-07-02 09:00", "整改办", "closed", "跳过")

    def test_yl_5_3_summary(self):
        lg = ecogrid.Ledger()
        lg.open("A", "2026-01-01 09:00", "办", "住建局", "t", "2026-03-31")
        self.assertEqual(lg.summary(["住建局"], "2026-04-30"), {"住建局": (1, 0, 1)})


if __name__ == "__main__":
    unittest.main()
