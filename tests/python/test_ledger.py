"""ecogrid ledgers from Python: YL-5.5 workflow, YL-5.3 summary."""
import unittest

import ecogrid


class TestLedger(unittest.TestCase):
    def test_yl_5_5_ledger(self):
        lg = ecogrid.Ledger()
        lg.open("P1", "2026-01-01 09:00", "整改办", "榆林市住建局", "城区清洁取暖率≥60%", "2026-06-30")
        lg.transition("P1", "2026-03-01 09:00", "榆林市住建局", "rectifying", "推进")
        # YL-5.5 「牵头单位主要负责同志现场验收签字」: free text is not a signature.
        with self.assertRaises(ecogrid.InvalidArgument):
            lg.transition("P1", "2026-03-01 09:00", "榆林市住建局", "verified", "已签字")
        lg.step("P1", "2026-03-01 09:00", "榆林市住建局", "verified", "现场验收", principal="局长",
                signed_on="2026-03-01")
        lg.step("P1", "2026-03-01 09:00", "榆林市住建局", "applied", "申请", acceptance="验收报告")
        lg.transition("P1", "2026-03-01 09:00", "整改办", "reviewed", "审核")
        lg.transition("P1", "2026-03-02 09:00", "整改办", "rectifying", "退回")
        self.assertEqual(lg.status("P1", "2026-07-01"), ("rectifying", True))
        with self.assertRaises(ecogrid.StateError):
            lg.transition("P1", "2026-07-02 09:00", "整改办", "closed", "跳过")

    def test_yl_5_3_summary(self):
        lg = ecogrid.Ledger()
        lg.open("A", "2026-01-01 09:00", "办", "住建局", "t", "2026-03-31")
        self.assertEqual(lg.summary(["住建局"], "2026-04-30"), {"住建局": (1, 0, 1)})
        # 「推进不力、进度明显滞后」: past the deadline on a day of April; the office's extension
        # on 10 April does not undo 1-9 April.
        with self.assertRaises(ecogrid.StateError):
            lg.extend("A", "2026-04-10 09:00", "住建局", "2026-06-30", "延期")
        lg.extend("A", "2026-04-10 09:00", "办", "2026-06-30", "延期")
        self.assertEqual(lg.behind(["住建局"], "2026-04"), {"住建局": 1})
        self.assertEqual(lg.behind(["住建局"], "2026-05"), {"住建局": 0})


if __name__ == "__main__":
    unittest.main()
