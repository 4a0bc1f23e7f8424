"""ecogrid typical cases from Python: CJ-A4-2.1, CJ-A4-2.3."""
import unittest

import ecogrid


class TestCases(unittest.TestCase):
    def test_cj_a4_cases(self):
        self.assertTrue(ecogrid.CaseFile.eligible("2026-01-01", 60, "2026-03-03"))
        self.assertFalse(ecogrid.CaseFile.eligible("2026-01-01", 60, "2026-12-03", filed=True))
        text = "某" * 1000
        self.assertEqual(ecogrid.CaseFile.check_text(text)[:2], (True, 1000))
        self.assertFalse(ecogrid.CaseFile.check_text(text + "张三", ["张三"])[0])
        self.assertEqual(ecogrid.CaseFile.anonymise("张三与宏达公司", {"张三": "张某", "宏达公司": "某公司"}),
                         ("张某与某公司", 2))


if __name__ == "__main__":
    unittest.main()
