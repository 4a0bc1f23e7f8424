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
        # CJ-A2-5.3: heads (a), sub-heads (b), a channel (c); each change published within
        # 20 working days (R0.9(a)) of the caller's calendar.
        g = ecogrid.Grid.from_string("code,parent_code,level,name\nC,,2,县\nT,C,3,镇\n")
        cal = ecogrid.Workdays(holidays=["2026-10-%02d" % d for d in range(1, 8)], workdays=["2026-10-10"],
                               years=(2026, 2026))
        base = [{"node": "C", "name": "书记", "effective": "2026-01-01", "published": "2026-01-05"},
                {"node": "C", "name": "县长", "effective": "2026-01-01", "published": "2026-01-05"},
                {"node": "T", "name": "镇书记", "effective": "2026-01-01", "published": "2026-01-05"},
                {"node": "T", "name": "镇长", "effective": "2026-01-01", "published": "2026-01-05"},
                {"node": "C", "role": "channel", "name": "12369", "effective": "2026-01-01",
                 "published": "2026-01-05"}]
        self.assertEqual(ecogrid.heads_disclosed(g, "C", "2026-10", base, cal), (True, ()))
        late = base + [{"node": "C", "role": "subhead", "name": "副县长", "effective": "2026-09-30",
                        "published": "2026-11-04"}]
        self.assertTrue(ecogrid.heads_disclosed(g, "C", "2026-10", late, cal).met)
        r = ecogrid.heads_disclosed(g, "C", "2026-11", late, cal)
        self.assertFalse(r.met)
        self.assertEqual((r.problems[0].kind, r.problems[0].due, r.problems[0].late_days), ("late", "2026-11-03", 1))
        self.assertIn("CJ-A2-5.3", r.problems[0].message_en)
        r = ecogrid.heads_disclosed(g, "C", "2026-10", base[:3], limit="days", days=30)
        self.assertEqual([p.kind for p in r.problems], ["heads", "channel"])
        with self.assertRaises(ecogrid.InvalidArgument):
            ecogrid.heads_disclosed(g, "C", "2026-10", base)  # working days need a calendar


if __name__ == "__main__":
    unittest.main()
