"""The duty calendar from Python: ecogrid.duties(preset).status(records, date) (section 9, R0.5-R0.11)."""
import unittest

import ecogrid


class TestDutyCalendar(unittest.TestCase):
    def test_duties_status_rows_pinned_names(self):
        # DG-52 「每月1次书面通报、每季度召开1次新闻发布会」: monthly from December 2019,
        # quarterly from Q1 2020 (R0.7); a topic missing is `incomplete`.
        recs = [{"kind": "written_bulletin", "actor": "市生态环境局", "date": "2019-12-20",
                 "tags": ["quality", "campaign", "enforcement"]},
                {"kind": "written_bulletin", "actor": "市生态环境局", "date": "2020-01-20",
                 "tags": "quality,campaign"},
                {"kind": "press_conference", "actor": "市生态环境局", "time": "2020-03-20 15:00",
                 "tags": ["quality", "campaign", "enforcement"]}]
        rows = ecogrid.duties("DG-52").status(recs, "2020-04-01")
        got = {(r.rule, r.actor, r.period): (r.required, r.counted, r.state) for r in rows}
        self.assertEqual(got[("DG-52", "市生态环境局", "2019-12")], (1, 1, "met"))
        self.assertEqual(got[("DG-52", "市生态环境局", "2020-01")], (1, 0, "incomplete"))
        self.assertEqual(got[("DG-52", "市生态环境局", "2020-02")], (1, 0, "missed"))
        self.assertEqual(got[("DG-52", "市生态环境局", "2020Q1")], (1, 1, "met"))
        self.assertEqual(got[("DG-52", "市生态环境局", "2020Q2")], (1, 0, "not_due"))
        self.assertNotIn(("DG-52", "市生态环境局", "2019Q4"), got)
        late = [r for r in rows if r.period == "2020-02"][0]
        self.assertTrue(late.finding)
        self.assertEqual(late.days, 32)  # due 29 February 2020, judged 1 April: 32 days
        self.assertIn("DG-52", late.message)

    def test_working_days_groups_and_exceptions(self):
        # CJ-A1-19 "Changes: published within 20 working days (R0.9(a))".
        cal = ecogrid.Workdays(holidays=["2026-10-%02d" % d for d in range(1, 8)], workdays=["2026-10-10"],
                               years=(2026, 2026))
        self.assertEqual(cal.due_date("2026-09-30", 20), "2026-11-03")
        self.assertFalse(cal.is_workday("2026-10-02"))
        self.assertTrue(cal.is_workday("2026-10-10"))
        recs = [{"kind": "staff_change", "actor": "三工镇", "date": "2026-09-30", "id": "S1"},
                {"kind": "staff_publication", "actor": "昌吉市", "date": "2026-11-04", "ref": "S1"}]
        rows = ecogrid.duties("CJ-A1-19-publication").status(recs, "2026-11-10", calendar=cal)
        self.assertEqual([(r.period, r.state, r.days) for r in rows], [("S1", "late", 1)])
        with self.assertRaises(ecogrid.OutOfRange):
            cal.due_date("2026-12-20", 20)
        # DG-68 原则上 (R0.8): a recorded exception excuses the year; the rows say in principle.
        d = ecogrid.duties("DG-68-joint")
        exc = [{"type": "exception", "rule": "DG-68", "actor": "市生态环境局", "date": "2020-12-01",
                "period": "2020", "reason": "疫情", "approver": "局长"}]
        rows = d.status(exc, "2021-01-05", since="2020-01-01")
        self.assertEqual([(r.period, r.state, r.in_principle) for r in rows], [("2020", "excused", True),
                                                                            ("2021", "not_due", True)])
        rows = d.status(exc, "2021-01-05", since="2020-01-01", exceptions=False, findings_only=True)
        self.assertEqual([(r.period, r.state) for r in rows], [("2020", "missed")])
        # Groups: CJ-G.8-study for each level-2 unit.
        rows = ecogrid.duties("CJ-G.8-study").status([], "2026-11-01", since="2026-10-01",
                                                     groups={"level2": ["昌吉市", "阜康市"]})
        self.assertEqual([(r.actor, r.period, r.state) for r in rows],
                         [("昌吉市", "2026-10", "missed"), ("昌吉市", "2026-11", "not_due"),
                          ("阜康市", "2026-10", "missed"), ("阜康市", "2026-11", "not_due")])

    def test_custom_duty_and_errors(self):
        d = ecogrid.Duties().add("x", "R0.6", "meeting", actor=["甲", "乙"], period="quarter", min_count=2,
                                 start="2026-01-01")
        self.assertEqual(d.ids(), ["x"])
        # A joint meeting counts for each of its actors (YL-4.1.2's reading, R0.6).
        recs = [{"kind": "meeting", "actor": ["甲", "乙"], "date": "2026-02-01"},
                {"kind": "meeting", "actor": "甲", "date": "2026-03-01"}]
        rows = d.status(recs, "2026-04-01")
        self.assertEqual([(r.actor, r.counted, r.state) for r in rows[:1]], [("甲", 2, "met")])
        self.assertEqual([(r.actor, r.period, r.counted, r.state) for r in rows if r.actor == "乙"][0],
                         ("乙", "2026Q1", 1, "missed"))
        with self.assertRaises(ecogrid.NotFound):
            ecogrid.duties("XX-1")
        with self.assertRaises(ecogrid.InvalidArgument):
            d.add("y", "R", "k")  # neither actor nor group
        with self.assertRaises(ecogrid.InvalidArgument):
            d.status([{"kind": "meeting", "actor": "甲", "date": "2026-02-30"}], "2026-04-01")
        with self.assertRaises(TypeError):
            ecogrid.duties(42)
        self.assertEqual(ecogrid.due_date("2021-01-31", 1, "months"), "2021-02-28")
        self.assertGreaterEqual(len(ecogrid.duties("changji-2023")), 25)

    def test_duties_of_a_scheme(self):
        # Section 9 lives in the scheme document: ecogrid.duties(scheme) is the document's duty calendar.
        # DG-56 「每周定期……通报环境违法典型案例」: from the week of Monday 2 December 2019 (R0.7).
        scheme = ecogrid.Scheme.named("dongguan-2019")
        self.assertEqual(ecogrid.duties(scheme).ids(), ecogrid.duties("dongguan-2019").ids())
        recs = [{"kind": "typical_case_published", "actor": "市生态环境局", "date": "2019-12-08"}]
        rows = [r for r in ecogrid.duties(scheme).status(recs, "2019-12-16") if r.rule == "DG-56"]
        # Week 2019-W49 is Monday 2 to Sunday 8 December: the 8th, its last day, counts in it;
        # week 2019-W50 (9-15 December) has no record and is missed on the 16th.
        self.assertEqual([(r.period, r.counted, r.state) for r in rows],
                         [("2019-W49", 1, "met"), ("2019-W50", 0, "missed"), ("2019-W51", 0, "not_due")])
        # A jurisdiction's own document may carry another duty (here DG-56 on each platform, the alternative).
        text = scheme.to_text().replace('"kind": "typical_case_published",',
                                        '"kind": "typical_case_published", "min_count": 2,', 1)
        other = ecogrid.Scheme.from_text(text)
        rows = [r for r in ecogrid.duties(other).status(recs, "2019-12-09") if r.rule == "DG-56"]
        self.assertEqual([(r.period, r.required, r.counted, r.state) for r in rows][0], ("2019-W49", 2, 1, "missed"))
        with self.assertRaises(ecogrid.ParseError):
            ecogrid.Scheme.from_text(text.replace('"shape": "gap"', '"shape": "sometimes"', 1))


    def test_duty_sources(self):
        # Every duty carries the article and the seed's words it implements (section 9's "Seed:").
        quote = "每月1次书面通报、每季度召开1次新闻发布会或媒体见面会"
        d = ecogrid.duties("DG-52")
        self.assertEqual(d.sources(), {"DG-52-bulletin": ("第52项", quote), "DG-52-press": ("第52项", quote)})
        rows = d.status([], "2020-01-15")
        # 2019-12 missed, 2020-01 and 2020Q1 not yet due: three rows, each with its source.
        self.assertEqual([(r.period, r.state, r.article, r.quote) for r in rows],
                         [("2019-12", "missed", "第52项", quote), ("2020-01", "not_due", "第52项", quote),
                          ("2020Q1", "not_due", "第52项", quote)])
        self.assertEqual(rows[0]._asdict()["article"], "第52项")
        own = ecogrid.Duties().add("m", "DG-52", "written_bulletin", actor="市局", start="2020-01-01")
        self.assertEqual(own.sources(), {"m": (None, None)})
        self.assertEqual([(r.article, r.quote) for r in own.status([], "2020-01-31")], [(None, None)])
        own.set_source("m", "第52项", "每月1次书面通报")
        self.assertEqual(own.sources(), {"m": ("第52项", "每月1次书面通报")})
        with self.assertRaises(ecogrid.NotFound):
            own.set_source("DG-52-press", "第52项", quote)
        with self.assertRaises(ecogrid.InvalidArgument):
            own.set_source("m", "", quote)
        self.assertEqual(own.sources(), {"m": ("第52项", "每月1次书面通报")})


if __name__ == "__main__":
    unittest.main()
