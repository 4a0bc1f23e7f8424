"""ecogrid typical cases from Python: CJ-A4-2.1, CJ-A4-2.3."""
import unittest

import ecogrid


class TestCases(unittest.TestCase):
    def test_cj_a4_cases(self):
        # CJ-A4-2.1 "known 15 March, last day 15 September": from service, six months.
        cal = ecogrid.Workdays(holidays=["2026-10-%02d" % d for d in range(1, 8)], years=(2026, 2027))
        self.assertEqual(ecogrid.CaseFile.eligible("2026-03-10", "2026-09-15", cal, served="2026-03-15"),
                         (False, "2026-09-16"))
        self.assertTrue(ecogrid.CaseFile.eligible("2026-03-10", "2026-09-16", cal, served="2026-03-15").eligible)
        # A last day on National Day extends to 8 October (Civil Code art. 203).
        self.assertEqual(ecogrid.CaseFile.eligible("2026-04-01", "2026-10-08", cal).first_day, "2026-10-09")
        self.assertEqual(ecogrid.CaseFile.eligible("2026-01-01", "2027-12-03", cal, lawsuit="pending"),
                         (False, None))
        self.assertEqual(ecogrid.CaseFile.eligible("2026-01-01", "2026-11-02", cal, lawsuit="final",
                                                   lawsuit_date="2026-11-02"), (True, "2026-11-02"))
        with self.assertRaises(ValueError):
            ecogrid.CaseFile.eligible("2026-01-01", "2026-11-02", cal, lawsuit="filed")
        text = "某" * 1000
        self.assertEqual(ecogrid.CaseFile.check_text(text)[:2], (True, 1000))
        self.assertFalse(ecogrid.CaseFile.check_text(text + "张三", ["张三"])[0])
        self.assertEqual(ecogrid.CaseFile.anonymise("张三与宏达公司", {"张三": "张某", "宏达公司": "某公司"}),
                         ("张某与某公司", 2))


if __name__ == "__main__":
    unittest.main()
