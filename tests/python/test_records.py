"""ecogrid record stores from Python: append-only history, as-of reads, byte-exact text."""
import unittest

import ecogrid


class TestRecords(unittest.TestCase):
    def test_history_as_of_and_round_trip(self):
        d = ecogrid.DisclosureList()
        d.put("E1", "2026-01-05 09:00", "蓬江区", "列入", name="某印染厂", district="蓬江区", progress="未开始")
        d.put("E1", "2026-10-03 23:59", "蓬江区", "季度更新", quarter="2026Q3", progress="完成60%")
        self.assertEqual(d.get("E1", "progress", as_of="2026-06-30"), "未开始")
        self.assertEqual(d.get("E1", "progress"), "完成60%")
        self.assertEqual(d.ids(), ["E1"])
        self.assertEqual([h[2] for h in d.history("E1")], ["列入", "季度更新"])
        self.assertEqual(d.as_of("2026-06-30", ["progress"])["E1"]["progress"], "未开始")
        self.assertEqual(d.as_of("2025-12-31", ["progress"]), {})  # not yet created then
        again = ecogrid.DisclosureList.load(d.serialize())
        self.assertEqual(again.serialize(), d.serialize())
        with self.assertRaises(ecogrid.InvalidArgument):
            d.put("E1", "2026-01-01 00:00", "x", "backdated", progress="?")
        with self.assertRaises(ecogrid.ParseError):
            ecogrid.Ledger.load("junk\n")


if __name__ == "__main__":
    unittest.main()
