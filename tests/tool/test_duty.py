"""End-to-end tests of `ecogrid duty`: the duty calendar (issue 18, section 9
of the rule catalogue) on a sample of Dongguan and Changji records: import
(checked row by row by the library, idempotent, atomic), status on a date
in text, JSON and CSV, findings only, and the schema-3 workspace migrated."""
import csv
import io
import json
import sqlite3

from toolbase import ToolCase

HDR = "type,kind,actor,time,end,period,id,ref,subject,tags,covers,rule,reason,approver\n"
# DG-15 (夜间或节假日 ≥ 2 a month for the city), DG-52 (a written bulletin a month with
# three topics), DG-68 (原则上 4 law trainings a year) with an exception, DG-61
# (a written explanation within 1 month of a failing result, R0.10).
SAMPLE = HDR + (
    "holiday,,,2026-10-01,,,,,,,,,,\n"
    "holiday,,,2026-10-02,,,,,,,,,,\n"
    "workday,,,2026-10-10,,,,,,,,,,\n"
    "year,,,,,2026,,,,,,,,\n"
    "member,town,塘厦镇,,,,,,,,,,,\n"
    "done,inspection,市生态环境局,2026-10-02 10:00,,,,,,,,,,\n"     # a holiday
    "done,inspection,市生态环境局,2026-10-05 23:10,,,,,,,,,,\n"     # night
    "done,inspection,市生态环境局,2026-10-10 10:00,,,,,,,,,,\n"     # 调休: a working day
    "done,written_bulletin,市生态环境局,2026-09-20,,,,,,\"quality,campaign,enforcement\",,,,\n"
    "done,written_bulletin,市生态环境局,2026-10-20,,,,,,\"quality,campaign\",,,,\n"  # a topic missing
    ",annual_fail,塘厦镇,2026-01-31,,,F1,,,,,,,\n"
    ",written_explanation,塘厦镇,2026-03-01,,,,F1,,copied_to_bureau,,,,\n"  # due 28 February: 1 day late
    "exception,,市生态环境局,2026-09-01,,2025,,,,,,DG-68,疫情防控,局长\n")


class DutyTest(ToolCase):
    def setUp(self):
        super().setUp()
        self.run_tool("init")

    def status(self, *args):
        return json.loads(self.run_tool("duty", "status", *args, "--format", "json").stdout)

    def test_import_and_status_on_a_sample(self):
        out = self.run_tool("duty", "import", self.write("d.csv", SAMPLE), "--preset", "dongguan-2019").stdout
        self.assertIn("13 行，新增 13 行", out)
        doc = self.status("2026-11-01", "--from", "2025-01-01")
        rows = {(r["duty"], r["actor"], r["period"]): r for r in doc["rows"]}
        # DG-15: the holiday and the night count, the adjusted Saturday does not: 2 of 2.
        r = rows[("DG-15-city", "市生态环境局", "2026-10")]
        self.assertEqual((r["required"], r["counted"], r["state"]), (2, 2, "met"))
        # DG-52: September met, October without enforcement: incomplete.
        self.assertEqual(rows[("DG-52-bulletin", "市生态环境局", "2026-09")]["state"], "met")
        self.assertEqual(rows[("DG-52-bulletin", "市生态环境局", "2026-10")]["state"], "incomplete")
        # DG-61: 31 January + 1 month = 28 February; 1 March is 1 day late.
        r = rows[("DG-61", "塘厦镇", "F1")]
        self.assertEqual((r["state"], r["days"], r["due"]), ("late", 1, "2026-02-28"))
        self.assertIn("DG-61", r["message"])
        # DG-68 原则上: 2025 excused by the recorded exception, 2026 not due yet.
        r = rows[("DG-68-law", "市生态环境局", "2025")]
        self.assertEqual((r["state"], r["in_principle"]), ("excused", True))
        self.assertEqual(rows[("DG-68-law", "市生态环境局", "2026")]["state"], "not_due")
        self.assertEqual(doc["preset"], "dongguan-2019")
        self.assertEqual(sum(doc["summary"].values()), len(doc["rows"]))
        # Text: Chinese by default, English on request; each line cites its rule.
        text = self.run_tool("duty", "status", "2026-11-01").stdout
        self.assertIn("职责日历 2026-11-01（dongguan-2019，自 2026-11-01 起）", text)
        en = self.run_tool("--lang", "en", "duty", "status", "2026-11-01", "--from", "2026-10-01", "--findings").stdout
        self.assertIn("[incomplete] 市生态环境局: 2026-10 written bulletin: 0 of at least 1, incomplete", en)
        self.assertNotIn("[met]", en)
        # CSV: one line per row, the same count.
        rows_csv = list(csv.DictReader(io.StringIO(self.run_tool(
            "duty", "status", "2026-11-01", "--from", "2025-01-01", "--format", "csv").stdout)))
        self.assertEqual(len(rows_csv), len(doc["rows"]))
        self.assertEqual(rows_csv[0]["rule"], doc["rows"][0]["rule"])

    def test_status_cites_each_duty_source(self):
        """Every row carries its duty's source (article and the seed's words, as
        section 9 quotes them under "Seed:"): JSON per row, text once per duty."""
        quote = "每月1次书面通报、每季度召开1次新闻发布会或媒体见面会"
        doc = self.status("2020-01-15", "--preset", "DG-52")
        # 2020-01-15: the January bulletin (due 31 January) and the Q1 press conference
        # (due 31 March) are not due yet: two rows, both citing 第52项.
        self.assertEqual([(r["duty"], r["period"], r["state"]) for r in doc["rows"]],
                         [("DG-52-bulletin", "2020-01", "not_due"), ("DG-52-press", "2020Q1", "not_due")])
        for r in doc["rows"]:
            self.assertEqual((r["rule"], r["article"], r["quote"]), ("DG-52", "第52项", quote))
        # Every row of a jurisdiction's calendar has one.
        doc = self.status("2026-11-01", "--preset", "changji-2023")
        self.assertTrue(doc["rows"])
        self.assertEqual([r["duty"] for r in doc["rows"] if not r["article"] or not r["quote"]], [])
        r = next(r for r in doc["rows"] if r["duty"] == "CJ-M-3.5-daily")
        self.assertEqual((r["article"], r["quote"]), ("正文 三(五)", "采取每日会商研判机制"))
        # Text: the rows, then each duty's source once.
        text = self.run_tool("duty", "status", "2020-01-15", "--preset", "DG-52").stdout
        self.assertTrue(text.endswith(
            "\n出处：\n"
            "  DG-52-bulletin（DG-52）：第52项「%s」\n"
            "  DG-52-press（DG-52）：第52项「%s」\n" % (quote, quote)), text)
        en = self.run_tool("--lang", "en", "duty", "status", "2020-01-15", "--preset", "DG-52-press").stdout
        self.assertTrue(en.endswith("\nSources:\n  DG-52-press (DG-52): 第52项 「%s」\n" % quote), en)
        self.assertEqual(en.count("DG-52-press (DG-52)"), 1)
        # A daily duty over a month: 31 rows (1-30 October missed, the 31st, the day
        # judged, not yet due, R0.3), its source printed once.
        text = self.run_tool("duty", "status", "2026-10-31", "--preset", "CJ-M-3.5-daily").stdout
        self.assertEqual(text.count("\n[未完成] 州大气办：2026-10-"), 30)
        self.assertEqual(text.count("\n[未到期] 州大气办：2026-10-31 "), 1)
        self.assertEqual(text.count("「采取每日会商研判机制」"), 1)

    def test_import_is_idempotent_and_atomic(self):
        path = self.write("d.csv", SAMPLE)
        self.run_tool("duty", "import", path, "--preset", "dongguan-2019")
        out = self.run_tool("duty", "import", path).stdout
        self.assertIn("新增 0 行", out)
        before = self.digest()
        # A bad row (an impossible date) refuses the whole file, naming the line; nothing is written.
        bad = self.write("bad.csv", HDR + "done,written_bulletin,市生态环境局,2026-11-05,,,,,,,,,,\n"
                         "done,written_bulletin,市生态环境局,2026-02-30,,,,,,,,,,\n")
        err = self.run_tool("duty", "import", bad, expect=1).stderr
        self.assertIn("bad.csv: line 3", err)
        self.assertIn("2026-02-30", err)
        self.assertEqual(self.digest(), before)
        for row, needle in (("nonsense,k,a,2026-01-01,,,,,,,,,,\n", "type must be"),
                            ("exception,,a,2026-01-01,,2025,,,,,,DG-68,,\n", "reason and an approver"),
                            ("holiday,,,2026-01-05,,,,,,,,,,\nworkday,,,2026-01-05,,,,,,,,,,\n", "both"),
                            ("year,,,,,20x6,,,,,,,,\n", "year row"),
                            ("member,town,\"a;b\",,,,,,,,,,,\n", "contains")):
            with self.subTest(row=row):
                err = self.run_tool("duty", "import", self.write("x.csv", HDR + row), expect=1).stderr
                self.assertIn(needle, err)
        self.assertEqual(self.digest(), before)

    def test_errors_and_migration_from_schema_3(self):
        self.run_tool("duty", "import", self.write("d.csv", SAMPLE))
        # No --preset here or at import: the workspace's scheme's duties (changji-2023).
        doc = self.status("2026-11-01")
        self.assertEqual((doc["preset"], doc["duties_from"]), ("changji-2023", "scheme"))
        self.assertTrue(all(r["rule"].startswith("CJ-") for r in doc["rows"]))
        self.assertIn("XX-1", self.run_tool("duty", "status", "2026-11-01", "--preset", "XX-1", expect=1).stderr)
        self.assertIn("YYYY-MM-DD", self.run_tool("duty", "status", "1 Nov", "--preset", "DG-52", expect=1).stderr)
        self.assertIn("--from", self.run_tool("duty", "status", "2026-11-01", "--preset", "DG-52", "--from", "x",
                                              expect=1).stderr)
        self.assertIn("usage", self.run_tool("--lang", "en", "duty", expect=2).stderr)
        self.assertIn("duty status", self.run_tool("help", "duty").stdout)
        # A schema-3 workspace (no duty tables) is migrated by the first duty command.
        con = sqlite3.connect(self.db)
        con.executescript("DROP TABLE duty_record; DROP TABLE duty_member; DROP TABLE duty_day; "
                          "DROP TABLE duty_year; DROP TABLE month_import; DROP TABLE month_run; "
                          "DROP TABLE output_file; DROP TABLE scheme; PRAGMA user_version=3;")
        con.close()
        out = self.run_tool("duty", "import", self.write("d2.csv", SAMPLE), "--preset", "DG-52").stdout
        self.assertIn("新增 13 行", out)
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 6)
        con.close()
        doc = self.status("2026-11-01")
        self.assertEqual([(r["period"], r["state"]) for r in doc["rows"]],
                         [("2026-11", "not_due"), ("2026Q4", "not_due")])


if __name__ == "__main__":
    import unittest
    unittest.main()
