"""ecogrid records from Python: JM-2.1, YL-5.5, CJ-A4, CJ-A2-5.3."""
import unittest

import ecogrid


class TestRecords(unittest.TestCase):
    def test_jm_2_1_late_updates_and_history(self):
        d = ecogrid.DisclosureList()
        d.put("E1", "2026-01-05 09:00", "蓬江区", "列入", name="某印染厂", district="蓬江区", progress="未开始")
        d.put("E2", "2026-01-05 09:00", "新会区", "列入", name="某玻璃厂", district="新会区")
        d.put("E1", "2026-10-03 23:59", "蓬江区", "季度更新", quarter="2026Q3", progress="完成60%")
        d.put("E2", "2026-10-04 00:00", "新会区", "季度更新", quarter="2026Q3")
        self.assertEqual(d.late_updates(2026, 3), {"新会区": [("E2", "late", 1)]})
        self.assertEqual(d.late_updates(2026, 4), {"蓬江区": [("E1", "missing", 0)], "新会区": [("E2", "missing", 0)]})
        self.assertEqual(d.get("E1", "progress", as_of="2026-06-30"), "未开始")
        self.assertEqual([h[2] for h in d.history("E1")], ["列入", "季度更新"])
        self.assertEqual(d.as_of("2026-06-30", ["progress"])["E1"]["progress"], "未开始")
        again = ecogrid.DisclosureList.load(d.serialize())
        self.assertEqual(again.serialize(), d.serialize())
        with self.assertRaises(ecogrid.InvalidArgument):
            d.put("E1", "2026-01-01 00:00", "x", "backdated", progress="?")

    def test_yl_5_5_ledger(self):
        lg = ecogrid.Ledger()
        lg.open("P1", "2026-01-01 09:00", "整改办", "榆林市住建局", "城区清洁取暖率≥60%", "2026-06-30")
        for state in ("rectifying", "verified", "applied", "reviewed"):
            lg.transition("P1", "2026-03-01 09:00", "整改办", state, "推进")
        lg.transition("P1", "2026-03-02 09:00", "整改办", "rectifying", "退回")
        self.assertEqual(lg.status("P1", "2026-07-01"), ("rectifying", True))
        with self.assertRaises(ecogrid.StateError):
            lg.transition("P1", "2026-07-02 09:00", "整改办", "closed", "跳过")

    def test_cj_a4_cases(self):
        self.assertTrue(ecogrid.CaseFile.eligible("2026-01-01", 60, "2026-03-03"))
        self.assertFalse(ecogrid.CaseFile.eligible("2026-01-01", 60, "2026-12-03", filed=True))
        text = "某" * 1000
        self.assertEqual(ecogrid.CaseFile.check_text(text)[:2], (True, 1000))
        self.assertFalse(ecogrid.CaseFile.check_text(text + "张三", ["张三"])[0])
        self.assertEqual(ecogrid.CaseFile.anonymise("张三与宏达公司", {"张三": "张某", "宏达公司": "某公司"}),
                         ("张某与某公司", 2))

    def test_top_n_and_obligations(self):
        self.assertEqual(ecogrid.top_n({"D": 30, "A": 50, "C": 40, "B": 40}, 2), ["A", "B", "C"])
        self.assertEqual(ecogrid.obligation_due("YL-5.4", "2026-11-30"), "2027-02-28")
        self.assertEqual(ecogrid.obligation_due("DG-67", "2026-03-15", 3), "2026-06-15")
        lg = ecogrid.Ledger()
        lg.open("A", "2026-01-01 09:00", "办", "住建局", "t", "2026-03-31")
        self.assertEqual(lg.summary(["住建局"], "2026-04-30"), {"住建局": (1, 0, 1)})

    def test_cj_a2_5_3(self):
        g = ecogrid.Grid.from_string("code,parent_code,level,name\nC,,2,县\n")
        g.set_heads("C", "书记", "县长")
        self.assertEqual(ecogrid.heads_disclosed(g, "C", ["书记", "县长"], "2026-10-01", "2026-10-20"), (True, 0))
        self.assertEqual(ecogrid.heads_disclosed(g, "C", ["书记"], "2026-10-01", "2026-10-20"), (False, 1))


if __name__ == "__main__":
    unittest.main()
