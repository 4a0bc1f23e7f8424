"""ecogrid disclosure from Python: JM-2.1 / JM-2.1.2 updates, JM-2.1 top N, CJ-A2-5.3."""
import unittest

import ecogrid


class TestDisclosure(unittest.TestCase):
    def test_jm_2_1_late_updates_and_history(self):
        d = ecogrid.DisclosureList()
        d.put("E1", "2026-01-05 09:00", "蓬江区", "列入", name="某印染厂", district="蓬江区", progress="未开始",
              category="印染", target="完成废气治理")
        d.put("E2", "2026-01-05 09:00", "新会区", "列入", name="某玻璃厂", district="新会区",
              category="玻璃", target="完成提标改造")
        d.put("E1", "2026-10-03 23:59", "蓬江区", "季度更新", quarter="2026Q3", progress="完成60%")
        d.put("E2", "2026-10-04 00:00", "新会区", "季度更新", quarter="2026Q3", progress="完成30%")
        self.assertEqual(d.late_updates(2026, 3), {"新会区": [("E2", "late", 1)]})
        self.assertEqual(d.late_updates(2026, 4), {"蓬江区": [("E1", "missing", 0)], "新会区": [("E2", "missing", 0)]})
        self.assertEqual(d.get("E1", "progress", as_of="2026-06-30"), "未开始")
        self.assertEqual([h[2] for h in d.history("E1")], ["列入", "季度更新"])
        self.assertEqual(d.as_of("2026-06-30", ["progress"])["E1"]["progress"], "未开始")
        again = ecogrid.DisclosureList.load(d.serialize())
        self.assertEqual(again.serialize(), d.serialize())
        with self.assertRaises(ecogrid.InvalidArgument):
            d.put("E1", "2026-01-01 00:00", "x", "backdated", progress="?")

    def test_jm_2_1_2_city_list_and_jm_2_1_1_content(self):
        d = ecogrid.DisclosureList()
        d.put("E1", "2026-01-05 09:00", "蓬江区", "列入", name="某印染厂", district="蓬江区", progress="未开始",
              category="印染", target="完成废气治理")
        d.put("E2", "2026-01-05 09:00", "新会区", "列入", name="某玻璃厂", district="新会区",
              category="玻璃", target="完成提标改造", progress="未开始")
        # JM-2.1.2: the city's list by the 15th (「15日前」, R0.3 "by").
        d.put("E1", "2026-10-15 23:59", "市环委办", "清单更新", listed="2026Q3")
        d.put("E2", "2026-10-16 00:00", "市环委办", "清单更新", listed="2026Q3")
        self.assertEqual(ecogrid.disclosure.deadline(2026, 3, "city_list"), "2026-10-15")
        self.assertEqual(ecogrid.disclosure.deadline(2026, 3, "city_list", before=True), "2026-10-14")
        self.assertEqual(d.late_updates(2026, 3, "city_list"), {"新会区": [("E2", "late", 1)]})
        # JM-2.1.1: a record with only foo=bar is refused, not filed under district "".
        d.put("E3", "2026-10-01 09:00", "某人", "录入", foo="bar")
        with self.assertRaises(ecogrid.InvalidArgument) as cm:
            d.late_updates(2026, 3)
        self.assertIn("name, district, category, target", str(cm.exception))

    def test_jm_2_1_top_n(self):
        self.assertEqual(ecogrid.top_n({"D": 30, "A": 50, "C": 40, "B": 40}, 2), ["A", "B", "C"])

    def test_cj_a2_5_3(self):
        g = ecogrid.Grid.from_string("code,parent_code,level,name\nC,,2,县\n")
        g.set_heads("C", "书记", "县长")
        self.assertEqual(ecogrid.heads_disclosed(g, "C", ["书记", "县长"], "2026-10-01", "2026-10-20"), (True, 0))
        self.assertEqual(ecogrid.heads_disclosed(g, "C", ["书记"], "2026-10-01", "2026-10-20"), (False, 1))


if __name__ == "__main__":
    unittest.main()
