"""The half-year and year totals of the Jiangmen double assessment (JM-2.2,
JM-2.2.1): `ecogrid report 2021-H1`, `2021-H2` and, for a workspace whose
scheme has them (jiangmen-2021's "periods" block), `2021`. The library adds
up each unit's monthly inputs and scores them once for the period; the
tool says which months were counted and which are missing."""
import csv
import io
import json

from toolbase import ToolCase

GRID = "code,parent_code,level,name\nP,,1,江门市\nA,P,2,蓬江区\nB,P,2,江海区\nC,P,2,新会区\n"


def items(**counts):
    return {"assessment": {"items": {k[1:]: v for k, v in counts.items()}}}


# Occurrences per month (items 1-5 of jiangmen-2021: -2, -1, -2, -3, -2 each, JM-2.2).
# 2021-11 is not imported. 江海区 (B) has a row without an assessment block in
# 2021-09; 新会区 (C) has no row at all in 2021-07.
MONTHS = {
    "2021-01": {"A": items(i1=1, i2=3), "B": items(), "C": items()},
    "2021-02": {"A": items(), "B": items(i4=2), "C": items()},
    "2021-03": {"A": items(i3=1), "B": items(), "C": items()},
    "2021-04": {"A": items(), "B": items(), "C": items()},
    "2021-05": {"A": items(i1=2), "B": items(), "C": items()},
    "2021-06": {"A": items(), "B": items(i5=1), "C": items()},
    "2021-07": {"A": items(), "B": items()},
    "2021-08": {"A": items(i4=1), "B": items(), "C": items()},
    "2021-09": {"A": items(), "B": {}, "C": items()},
    "2021-10": {"A": items(), "B": items(i1=1), "C": items()},
    "2021-12": {"A": items(i2=2, i5=1), "B": items(), "C": items()},
}


class PeriodTest(ToolCase):
    def workspace(self, scheme="jiangmen-2021", months=MONTHS):
        self.run_tool("init", "--scheme", scheme)
        self.run_tool("grid", "import", self.write("g.csv", GRID))
        for m, units in months.items():
            self.run_tool("month", "import", m, self.write(m + ".json", json.dumps({"units": units})))

    def report(self, *args, lang=None):
        return json.loads(self.run_tool("report", *args, "--format", "json", lang=lang).stdout)

    def test_half_years_and_year_hand_computed(self):
        self.workspace()
        h1 = self.report("2021-H1")
        self.assertEqual((h1["period"], h1["kind"], h1["from"], h1["to"]), ("2021-H1", "half_year", "2021-01-01", "2021-06-30"))
        self.assertEqual((h1["scheme"], h1["ruleset"], h1["rule"]), ("jiangmen-2021", "jiangmen-2021", "JM-2.2.1"))
        self.assertEqual(h1["source"]["article"], "二(二)1")
        self.assertIn("进行半年考核和年度考核", h1["source"]["quote"])
        self.assertTrue(h1["complete"])
        self.assertEqual(h1["months_missing"], [])
        a, b, c = (h1["units"][k] for k in "ABC")
        # 蓬江区 H1: item 1: 1 + 2 = 3 × −2 = −6; item 2: 3 × −1 = −3; item 3: 1 × −2 = −2; total −11.
        self.assertEqual(a["total"], -11)
        self.assertEqual([(d["item"], d["count"], d["points"], d["rule"]) for d in a["deductions"]],
                         [("1", 3, -6, "JM-2.2"), ("2", 3, -3, "JM-2.2"), ("3", 1, -2, "JM-2.2")])
        self.assertEqual(a["deductions"][0]["source"]["article"], "二(二)3(1)")
        self.assertIn("扣2分", a["deductions"][0]["source"]["quote"])
        self.assertIn("3 × 2 = 6 deducted", a["deductions"][0]["message_en"])
        self.assertTrue(a["complete"])
        # 江海区 H1: item 4: 2 × −3 = −6; item 5: 1 × −2 = −2; total −8.
        self.assertEqual((b["total"], [d["item"] for d in b["deductions"]]), (-8, ["4", "5"]))
        # 新会区: six months without occurrences: 0, no deductions.
        self.assertEqual((c["total"], c["deductions"], c["complete"]), (0, [], True))

        h2 = self.report("2021-H2")
        self.assertFalse(h2["complete"])
        self.assertEqual(h2["months_missing"], ["2021-11"])
        self.assertEqual(h2["months_imported"], ["2021-07", "2021-08", "2021-09", "2021-10", "2021-12"])
        a, b, c = (h2["units"][k] for k in "ABC")
        # 蓬江区 H2: item 4: 1 × −3 = −3; item 2: 2 × −1 = −2; item 5: 1 × −2 = −2; total −7; 11 missing.
        self.assertEqual(a["total"], -7)
        self.assertEqual(a["months_missing"], ["2021-11"])
        # 江海区 H2: item 1: 1 × −2 = −2; its 2021-09 row has no assessment: missing as well as 2021-11.
        self.assertEqual((b["total"], b["months_missing"]), (-2, ["2021-09", "2021-11"]))
        # 新会区 H2: no row in 2021-07.
        self.assertEqual((c["total"], c["months_counted"]), (0, ["2021-08", "2021-09", "2021-10", "2021-12"]))
        self.assertFalse(c["complete"])
        # The library's trace names each missing month (JM-2.2.1).
        self.assertIn("2021-11 has no inputs and is not counted: the total leaves it out (JM-2.2.1)",
                      [t["message_en"] for t in a["trace"]])

        year = self.report("2021")
        self.assertEqual((year["kind"], year["from"], year["to"]), ("year", "2021-01-01", "2021-12-31"))
        # Per occurrence (the default reading), the year is the sum of its halves:
        # 蓬江区 −11 + −7 = −18; 江海区 −8 + −2 = −10; 新会区 0.
        self.assertEqual({k: u["total"] for k, u in year["units"].items()}, {"A": -18, "B": -10, "C": 0})
        self.assertEqual(year["months_missing"], ["2021-11"])
        # 蓬江区's year: item 1 3, item 2 3 + 2 = 5, item 3 1, item 4 1, item 5 1:
        # −(6 + 5 + 2 + 3 + 2) = −18.
        self.assertEqual([(d["item"], d["count"]) for d in year["units"]["A"]["deductions"]],
                         [("1", 3), ("2", 5), ("3", 1), ("4", 1), ("5", 1)])

    def test_text_and_csv_in_both_languages(self):
        self.workspace()
        zh = self.run_tool("report", "2021-H2").stdout
        self.assertIn("2021-H2 半年“双考核”扣分合计（2021-07-01 至 2021-12-31，jiangmen-2021）", zh)
        self.assertIn("二(二)1「根据各市（区）“双公开”任务的落实情况，进行半年考核和年度考核」（JM-2.2.1）", zh)
        self.assertIn("不完整：2021-11 未导入；合计不含这些月份，不是整个半年的结果", zh)
        self.assertIn("蓬江区：扣分合计 -7 分（计入 5 个月，共 6 个月）", zh)
        self.assertIn("  第4项 整改或达标未按时完成：1 起 × 3 分 = 扣 3 分，0 − 3 = -3 分（JM-2.2）", zh)
        self.assertIn("    二(二)3(4)：「造成相关任务未按时保质完成的，扣3分」", zh)
        self.assertIn("江海区：扣分合计 -2 分（计入 4 个月，共 6 个月）\n  2021-09 无本单位数据：未计入合计", zh)
        self.assertIn("新会区：扣分合计 0 分（计入 4 个月，共 6 个月）\n  2021-07 无本单位数据：未计入合计\n  无扣分", zh)
        en = self.run_tool("--lang", "en", "report", "2021").stdout
        self.assertIn("Year 2021: double-assessment totals, 2021-01-01 to 2021-12-31 (jiangmen-2021)", en)
        self.assertIn("NOT COMPLETE: 2021-11 not imported; the totals leave them out and are not the year's", en)
        self.assertIn("蓬江区: total -18 points (11 of 12 months counted)", en)
        self.assertIn("  item 2 (progress not updated or reported in time): 5 × 1 = 5 deducted, 0 − 5 = -5 points (JM-2.2)", en)
        self.assertIn("    二(二)3(2): 「未及时动态更新报送企业（项目）环境保护信息及整改工作进展情况的，扣1分」", en)
        # A complete half-year has no NOT COMPLETE line.
        self.assertNotIn("不完整", self.run_tool("report", "2021-H1").stdout)

        rows = list(csv.reader(io.StringIO(self.run_tool("report", "2021-H1", "--format", "csv").stdout)))
        self.assertEqual(rows[0][:7], ["单位代码", "单位", "考核期", "扣分合计", "计入的月份", "缺少的月份", "完整"])
        self.assertEqual(rows[0][7:9], ["第1项次数（JM-2.2）", "第1项扣分"])
        self.assertEqual(rows[0][-1], "规则编号")
        # 蓬江区: −11; items 1-5: 3/−6, 3/−3, 1/−2, 0/0, 0/0.
        self.assertEqual(rows[1][:7], ["A", "蓬江区", "2021-H1", "-11", "2021-01、2021-02、2021-03、2021-04、2021-05、2021-06", "", "是"])
        self.assertEqual(rows[1][7:17], ["3", "-6", "3", "-3", "1", "-2", "0", "0", "0", "0"])
        self.assertEqual(rows[1][-1], "JM-2.2.1;JM-2.2")
        en = list(csv.reader(io.StringIO(self.run_tool("--lang", "en", "report", "2021-H2", "--format", "csv").stdout)))
        self.assertEqual(en[0][:9], ["unit code", "unit", "period", "total", "months counted", "months missing", "complete",
                                     "item 1: occurrences (JM-2.2)", "item 1: points"])
        self.assertEqual(en[2][:7], ["B", "江海区", "2021-H2", "-2", "2021-07, 2021-08, 2021-10, 2021-12",
                                     "2021-09, 2021-11", "no"])

    def test_per_situation_year_is_not_the_sum_of_its_halves(self):
        """Item 2 read per situation (JM-2.2 option, the document's "per_situation"): one situation
        per period. 蓬江区 has item 2 in January (3) and December (2): H1 −(6 + 1 + 2) = −9,
        H2 −(3 + 1 + 2) = −6, year −(6 + 1 + 2 + 3 + 2) = −14, not −9 + −6 = −15."""
        self.run_tool("init", "--scheme", "jiangmen-2021", db=True)
        text = self.run_tool("scheme", "export").stdout
        marker = '"per_occurrence": 1,\n          "floor": null,'
        self.assertIn(marker, text)
        doc = self.write("jm-situation.json", text.replace(marker, marker + '\n          "per_situation": true,', 1))
        self.run_tool("init", "--scheme", doc)
        self.workspace(scheme=doc)
        totals = [self.report(p)["units"]["A"]["total"] for p in ("2021-H1", "2021-H2", "2021")]
        self.assertEqual(totals, [-9, -6, -14])
        item2 = [d for d in self.report("2021")["units"]["A"]["deductions"] if d["item"] == "2"][0]
        self.assertEqual((item2["count"], item2["points"]), (1, -1))

    def test_monthly_report_of_a_scheme_without_grades(self):
        self.workspace()
        self.run_tool("month", "run", "2021-01")
        text = self.run_tool("report", "2021-01").stdout
        self.assertIn("蓬江区\t-5\t无等次", text)  # −(1 × 2 + 3 × 1): no grade, not a fail (JM-2.2)
        self.assertNotIn("不合格", text)

    def test_errors_in_both_languages_change_nothing(self):
        self.workspace()
        before = self.digest()
        for args, en, zh in (
                (("report", "2021-H3"), 'report: period "2021-H3" is not YYYY-H1, YYYY-H2 or YYYY (JM-2.2.1)',
                 "report：考核期“2021-H3”不是 YYYY-H1、YYYY-H2 或 YYYY（JM-2.2.1）"),
                (("report", "2021-H"), 'report: period "2021-H" is not YYYY-H1, YYYY-H2 or YYYY (JM-2.2.1)',
                 "report：考核期“2021-H”不是"),
                (("report", "2022-H1"), "report 2022-H1: 2022-01-01 to 2022-06-30 is outside the validity of the "
                 "workspace's scheme jiangmen-2021 (2021-01-01 to 2021-12-31)",
                 "report 2022-H1：2022-01-01 至 2022-06-30 不在工作库考核方案 jiangmen-2021 的有效期（2021-01-01 至 2021-12-31）内"),
                (("report", "2020"), "report 2020: 2020-01-01 to 2020-12-31 is outside the validity",
                 "report 2020：2020-01-01 至 2020-12-31 不在工作库考核方案 jiangmen-2021 的有效期"),
                (("report", "2021-H1", "--format", "html"),
                 "report: the half-year and year totals are printed as text, json or csv, not html",
                 "report：半年和年度扣分合计可输出为 text、json 或 csv，不能是 html"),
                (("report", "21"), "report: which month or period? (ecogrid report YYYY-MM; YYYY-H1, YYYY-H2 or YYYY for "
                 "the half-year or the year)", "report：哪个月或哪个考核期？")):
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(args=args, lang=lang):
                    proc = self.run_tool(*args, expect=1, lang=lang)
                    self.assertIn(needle, proc.stderr)
                    self.assertEqual(proc.stdout, "")
        self.assertEqual(self.digest(), before)

    def test_wrong_scheme_and_no_month(self):
        # changji-2023 has the annual result (CJ-A2-7.2) and no half-year.
        self.run_tool("init")
        before = self.digest()
        for lang, needle in (("en", "report 2026-H1: the workspace's scheme changji-2023 has no half-year totals (JM-2.2.1)"),
                             ("zh", "report 2026-H1：工作库的考核方案 changji-2023 没有半年考核（JM-2.2.1）")):
            self.assertIn(needle, self.run_tool("report", "2026-H1", expect=1, lang=lang).stderr)
        self.assertEqual(self.digest(), before)
        # dongguan-2019 has neither.
        self.db = self.path("dg.db")
        self.run_tool("init", "--scheme", "dongguan-2019")
        before = self.digest()
        for lang, needle in (("en", "report 2020: the workspace's scheme dongguan-2019 has neither an annual result "
                                    "(CJ-A2-7.2) nor half-year and year totals (JM-2.2.1)"),
                             ("zh", "report 2020：工作库的考核方案 dongguan-2019 既没有年度考核结果（CJ-A2-7.2），"
                                    "也没有半年和年度扣分合计（JM-2.2.1）")):
            self.assertIn(needle, self.run_tool("report", "2020", expect=1, lang=lang).stderr)
        self.assertEqual(self.digest(), before)
        # A Jiangmen workspace with no month of the half-year imported.
        self.db = self.path("jm.db")
        self.workspace(months={"2021-01": MONTHS["2021-01"]})
        before = self.digest()
        for lang, needle in (("en", "report 2021-H2: no month of 2021-H2 (2021-07 to 2021-12) has been imported"),
                             ("zh", "report 2021-H2：2021-H2（2021-07 至 2021-12）还没有导入任何月份")):
            self.assertIn(needle, self.run_tool("report", "2021-H2", expect=1, lang=lang).stderr)
        self.assertEqual(self.digest(), before)

    def test_a_half_year_is_scored_by_one_rule_set(self):
        """A rule set in force from 2021-03-01 (a document's "valid_from"): the first half-year is not
        wholly inside it (the library's check), the second is."""
        self.run_tool("init", "--scheme", "jiangmen-2021")
        text = self.run_tool("scheme", "export").stdout
        marker = '"total_rule": "JM-2.2",'
        self.assertIn(marker, text)
        doc = self.write("jm-march.json", text.replace(marker, '"valid_from": "2021-03-01",\n      "valid_to": "2021-12-31",\n      ' + marker, 1))
        self.workspace(scheme=doc, months={m: MONTHS[m] for m in ("2021-03", "2021-08")})
        before = self.digest()
        for lang, needle in (("en", "report 2021-H1: period 2021-H1 is outside rule set jiangmen-2021's validity 2021-03-01 to 2021-12-31"),
                             ("zh", "report 2021-H1：")):
            proc = self.run_tool("report", "2021-H1", expect=1, lang=lang)
            self.assertIn(needle, proc.stderr)
        self.assertEqual(self.digest(), before)
        # 蓬江区 H2: only 2021-08 imported, item 4 × 1: −3.
        self.assertEqual(self.report("2021-H2")["units"]["A"]["total"], -3)

    def test_summed_count_above_the_limit_is_an_error(self):
        """Counts up to 1,000,000 a month; 600,000 in March and April sum to 1,200,000: refused,
        never wrapped (JM-2.2)."""
        big = {"A": items(i1=600000), "B": items(), "C": items()}
        self.workspace(months={"2021-03": big, "2021-04": big})
        before = self.digest()
        for lang, needle in (("en", "2021-04 units.A: item 1: the period's count 600000 + 600000 is above 1000000 (JM-2.2)"),
                             ("zh", "2021-04 units.A：第 1 项：本期次数 600000 + 600000 超过 1000000（JM-2.2）")):
            proc = self.run_tool("report", "2021-H1", expect=1, lang=lang)
            self.assertIn(needle, proc.stderr)
            self.assertEqual(proc.stdout, "")
        self.assertEqual(self.digest(), before)
        # One month alone is within the limit: 600,000 × −2 = −1,200,000.
        self.db = self.path("one.db")
        self.workspace(months={"2021-03": big})
        self.assertEqual(self.report("2021-H1")["units"]["A"]["total"], -1200000)


if __name__ == "__main__":
    import unittest
    unittest.main()
