"""What the tool gives people (issue 17): the bulletin's CSV with Chinese
headers and values by default (English with --lang en) and the codes in
their own columns, and the annual result `report YYYY` (CJ-A2-7.2: the
mean of the year's monthly scores, graded with CJ-A2-6.2, computed by the
library's eg_assess_annual)."""
import csv
import io
import json

from toolbase import ToolCase

COUNTIES = ("code,parent_code,level,name\nP,,1,州\nA,P,2,甲县\nB,P,2,乙县\nC,P,2,丙县\n")


def unit(items4=0, construction=(True, True, True), item5=0):
    return {"assessment": {"items": {"4": items4, "5": item5}, "construction": list(construction)},
            "air_station": False}


class ExportsTest(ToolCase):
    def year(self):
        """Three months. 甲县: item 3 not met in 01 and 02 (veto, 0 points, CJ-A2-6.1), 3 problems in 03
        (100 − 3 = 97). 乙县: 0, 1, 2 problems (100, 99, 98). 丙县: 40 problems each month
        (item 4 at 0 of 40: 60 points, CJ-A2-5.4)."""
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("c.csv", COUNTIES))
        veto = (True, True, False)
        months = {"2026-01": {"A": unit(0, veto), "B": unit(0), "C": unit(40)},
                  "2026-02": {"A": unit(0, veto), "B": unit(1), "C": unit(40)},
                  "2026-03": {"A": unit(3), "B": unit(2), "C": unit(40)}}
        for m, units in months.items():
            self.run_tool("month", "import", m, self.write(m + ".json", json.dumps({"units": units})))
            self.run_tool("month", "run", m)

    def test_annual_result(self):
        self.year()
        doc = json.loads(self.run_tool("report", "2026", "--format", "json").stdout)
        self.assertEqual((doc["year"], doc["rule"], doc["ruleset"]), ("2026", "CJ-A2-7.2", "changji-2023"))
        a, b, c = (doc["units"][k] for k in "ABC")
        self.assertEqual([m["score"] for m in a["months"]], [0, 0, 97])
        # 甲县: (0 + 0 + 97) / 3 = 32.33 → 32.3, below 60: fail; the regulation's consequence follows.
        self.assertEqual((a["mean"], a["mean_tenths"], a["grade"]), ("32.3", 323, "fail"))
        self.assertEqual(a["follows"]["article"], "附件2 第七条(二)")
        self.assertIn("提出问责建议", a["follows"]["quote"])
        # 乙县: (100 + 99 + 98) / 3 = 99.0: excellent (≥ 90), nothing follows.
        self.assertEqual((b["mean"], b["grade"]), ("99.0", "excellent"))
        self.assertNotIn("follows", b)
        # 丙县: (60 + 60 + 60) / 3 = 60.0 exactly: pass (≥ 60, judged exactly, R0.2).
        self.assertEqual((c["mean"], c["grade"]), ("60.0", "pass"))
        zh = self.run_tool("report", "2026").stdout
        self.assertIn("2026 年度考核结果（changji-2023，按月度得分平均）", zh)
        self.assertIn("甲县：3 个月（01;02;03），平均 32.3 分，不合格", zh)
        self.assertIn("年度不合格：年度考核不合格的二级网格", zh)
        self.assertIn("丙县：3 个月（01;02;03），平均 60.0 分，合格", zh)
        en = self.run_tool("--lang", "en", "report", "2026").stdout
        self.assertIn("甲县: 3 months (01;02;03), mean 32.3, fail", en)
        rows = list(csv.reader(io.StringIO(self.run_tool("report", "2026", "--format", "csv").stdout)))
        self.assertEqual(rows[0], ["单位代码", "单位", "计入的月份", "平均得分", "等次", "等次代码", "后续处理"])
        self.assertEqual(rows[1][:6], ["A", "甲县", "01;02;03", "32.3", "不合格", "fail"])
        self.assertIn("提出问责建议", rows[1][6])
        self.assertEqual(rows[3][:6], ["C", "丙县", "01;02;03", "60.0", "合格", "pass"])

    def test_annual_result_errors_in_both_languages(self):
        self.year()
        before = self.digest()
        for args, en, zh in (
                (("report", "2025"), "report 2025: no month of 2025 has been run",
                 "report 2025：2025 年还没有运行过任何月份"),
                (("report", "2026", "--format", "html"), "report: the annual result is printed as text, json or csv, not html",
                 "report：年度结果可输出为 text、json 或 csv，不能是 html"),
                (("report", "26"), "report: which month or period? (ecogrid report YYYY-MM; YYYY-H1, YYYY-H2 or YYYY "
                 "for the half-year or the year)",
                 "report：哪个月或哪个考核期？（ecogrid report YYYY-MM；半年用 YYYY-H1、YYYY-H2，年度用 YYYY）")):
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(args=args, lang=lang):
                    self.assertIn(needle, self.run_tool(*args, expect=1, lang=lang).stderr)
        # A month re-imported after its run makes the year stale: refused until run again.
        self.run_tool("month", "import", "2026-02", self.path("2026-03.json"))
        for lang, needle in (("en", "report 2026: the results of 2026-02 are stale; run `ecogrid month run --from "
                                    "2026-02` first (or --stale-ok)"),
                             ("zh", "report 2026：2026-02 的结果已过期；请先运行 `ecogrid month run --from 2026-02`")):
            with self.subTest(lang=lang):
                self.assertIn(needle, self.run_tool("report", "2026", expect=1, lang=lang).stderr)
        self.assertIn("甲县", self.run_tool("report", "2026", "--stale-ok").stdout)
        self.assertNotEqual(self.digest(), before)  # the import changed it; the reports did not (read only)

    def test_bulletin_csv_for_people(self):
        self.year()
        zh = list(csv.reader(io.StringIO(self.run_tool("report", "2026-02", "--format", "csv").stdout)))
        self.assertEqual(zh[0][:9], ["单位代码", "单位", "得分", "等次", "等次代码", "一票否决", "不合格依据（规则编号）",
                                     "问责措施（CJ-A2-7.3）", "问责措施代码（CJ-A2-7.3）"])
        self.assertEqual(zh[0][-2:], ["缺少的数据", "已过期"])
        # 甲县 in 2026-02: veto (item 3 not met), 0 points, fail; its second failing month (CJ-A2-7.1 needs three).
        self.assertEqual(zh[1][:7], ["A", "甲县", "0", "不合格", "fail", "是", "CJ-A2-6.1"])
        # 丙县: 40/40 = 100 % of the problems in 2026-01, 40/41 = 97.6 % in 2026-02: two months running
        # ≥ 20 % → accountability recommendation (CJ-A2-7.3).
        self.assertEqual(zh[3][7:9], ["提出问责建议", "accountability"])
        self.assertEqual(zh[3][-1], "否")
        en = list(csv.reader(io.StringIO(self.run_tool("--lang", "en", "report", "2026-02", "--format", "csv").stdout)))
        self.assertEqual(en[0][:5], ["unit code", "unit", "score", "grade", "grade code"])
        self.assertEqual(en[3][7:9], ["accountability recommendation", "accountability"])
        self.assertEqual(en[1][5], "yes")
