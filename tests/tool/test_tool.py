"""End-to-end tests of the `ecogrid` command-line tool in a temporary directory.

Drives the built binary (ECOGRID_TOOL) through init, grid import, staff
import and checks (CJ-G.3 to CJ-G.7, CJ-A2-5.2), and proves that a failed or
killed command leaves the workspace byte-for-byte as it was.
"""
import json
import os
import shutil
import subprocess
import unittest

from toolbase import SHARED, TOOL, ToolCase

CHANGJI = os.path.join(SHARED, "divisions", "changji.csv")
CHINA = os.path.join(SHARED, "divisions", "china.csv.gz")

GRID = ("code,parent_code,level,name\n"
        "P,,1,州\nC,P,2,县\nT1,C,3,一镇\nT2,C,3,二镇\nV1,T1,4,一村\n")
# Fully staffed except T2, which has 2 full-time supervisors (CJ-G.6 wants 3).
STAFF = ("node,role,person,detail,covers\n"
         "C,head,书记,,\nC,head,县长,,\n"
         "T1,head,书记1,,\nT1,head,镇长1,,\nT2,head,书记2,,\nT2,head,镇长2,,\n"
         "V1,head,支书,,\nV1,head,主任,,\n"
         "C,subhead,副县长,deputy_division,T1 T2\n"
         "T1,subhead,副镇长,deputy_section,V1\n"
         "T1,supervisor,甲,full_time,\nT1,supervisor,乙,full_time,\nT1,supervisor,丙,full_time,\n"
         "T2,supervisor,丁,full_time,\nT2,supervisor,戊,full_time,\nT2,supervisor,己,part_time,\n"
         "V1,supervisor,庚,full_time,\nV1,supervisor,辛,part_time,\nV1,supervisor,壬,part_time,\n")


class ToolTest(ToolCase):
    def setup_grid(self):
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("grid.csv", GRID))

    def test_init_and_reinit(self):
        out = self.run_tool("init").stdout
        self.assertIn("已创建工作库", out)
        out = self.run_tool("--lang", "en", "init").stdout
        self.assertIn("already exists (schema 6)", out)

    def test_commands_need_a_workspace(self):
        err = self.run_tool("grid", "show", expect=1).stderr
        self.assertIn("run `ecogrid init` first", err)
        self.assertFalse(os.path.exists(self.db))

    def test_grid_import_and_show(self):
        self.setup_grid()
        out = self.run_tool("--lang", "en", "grid", "show").stdout
        self.assertIn("level 3 (township)\t2", out)
        out = self.run_tool("grid", "show", "C").stdout
        self.assertEqual(out.splitlines(), ["C\t县\t2", "  T1\t一镇\t3", "  T2\t二镇\t3"])

    def test_cj_g_6_check_formats_and_item2(self):
        self.setup_grid()
        self.run_tool("grid", "staff", self.write("staff.csv", STAFF))
        out = self.run_tool("grid", "check").stdout
        # One finding: T2 has 3 supervisors, 2 full-time (CJ-G.6 needs >= 3 full-time).
        self.assertIn("发现 1 项问题", out)
        self.assertIn("[CJ-G.6] 二镇（T2）网格监督员 3 名（专职 2 名）", out)
        self.assertIn("C\t县\t达标", out)
        doc = json.loads(self.run_tool("--lang", "en", "grid", "check", "--format", "json").stdout)
        self.assertEqual([(f["rule"], f["node"], f["unit"]) for f in doc["findings"]], [("CJ-G.6", "T2", "C")])
        self.assertEqual(doc["units"], [{"unit": "C", "name": "县", "CJ-A2-5.2": True}])
        raw = subprocess.run([TOOL, "--db", self.db, "grid", "check", "--format", "csv"],
                             capture_output=True, check=True).stdout.decode("utf-8")
        self.assertTrue(raw.startswith('"rule","node","unit","message"\r\n"CJ-G.6","T2","C",'), raw[:80])

    def test_grid_check_json_escapes_names_and_empty_lists(self):
        # The JSON is streamed (no document is built): a name with a quote and
        # a backslash must come back exactly; an empty list is [].
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("grid.csv", 'code,parent_code,level,name\nP,,1,州\nC,P,2,"县""\\xy"\n'))
        doc = json.loads(self.run_tool("--lang", "en", "grid", "check", "--format", "json").stdout)
        self.assertEqual(doc["units"], [{"unit": "C", "name": '县"\\xy', "CJ-A2-5.2": True}])
        self.assertEqual(doc["findings"][0]["message"],
                         '县"\\xy (C) has 0 grid head(s); dual grid heads (2) are required (CJ-G.3)')
        self.run_tool("grid", "import", self.write("grid.csv", "code,parent_code,level,name\nP,,1,州\n"))
        self.assertEqual(json.loads(self.run_tool("grid", "check", "--format", "json").stdout),
                         {"findings": [], "units": []})

    def test_cj_a2_5_2_uncovered_township_fails_item2(self):
        self.setup_grid()
        staff = STAFF.replace("deputy_division,T1 T2", "deputy_division,T1")
        self.run_tool("grid", "staff", self.write("staff.csv", staff))
        doc = json.loads(self.run_tool("grid", "check", "--format", "json").stdout)
        self.assertIn(("CJ-G.4", "T2"), [(f["rule"], f["node"]) for f in doc["findings"]])
        self.assertEqual(doc["units"][0]["CJ-A2-5.2"], False)

    def test_bad_inputs_change_nothing(self):
        self.setup_grid()
        self.run_tool("grid", "staff", self.write("staff.csv", STAFF))
        before = self.digest()
        cases = [
            (("grid", "staff", self.write("b1.csv", "node,role,person,detail,covers\nNOPE,head,x,,\n")),
             "b1.csv: line 2: node NOPE not found"),
            (("grid", "staff", self.write("b2.csv", "node,role\nC,head\n")), "line 1: column person (姓名) is missing"),
            (("grid", "staff", self.write("b3.csv", STAFF + "T1,supervisor,癸,sometimes,\n")),
             "line 21: supervisor detail must be full_time or part_time"),
            (("grid", "staff", self.write("b4.csv", STAFF + "C,head,第三人,,\n")),
             "more than two grid heads"),
            (("grid", "staff", self.write("b5.csv", STAFF + 'T1,supervisor,"open,full_time,\n')), "line"),
            (("grid", "import", self.write("g1.csv", GRID + "X,NOPE,2,x\n")), "g1.csv: line 7: parent NOPE of X not found"),
            (("grid", "import", self.write("g2.csv", GRID + "C,P,2,dup\n")), "duplicates line 3"),
            # A valid grid that drops a staffed node: the roster no longer fits.
            (("grid", "import", self.write("g3.csv", GRID.replace("V1,T1,4,一村\n", ""))), "no longer fits"),
            (("grid", "import", os.path.join(self.dir.name, "missing.csv")), "cannot open"),
        ]
        for args, needle in cases:
            with self.subTest(args=args[:2]):
                err = self.run_tool(*args, expect=1).stderr
                self.assertIn(needle, err)
                self.assertEqual(self.digest(), before)

    def test_killed_import_loses_nothing(self):
        self.setup_grid()
        before = self.run_tool("grid", "show").stdout
        # Exit abruptly after the 3rd row written inside the transaction.
        proc = self.run_tool("grid", "import", self.write("g.csv", GRID.replace("一村", "新村")),
                             env={"ECOGRID_TEST_CRASH_AFTER": "3"}, expect=70)
        self.assertEqual(proc.stdout, "")
        # The next command rolls the hot journal back: the old grid is intact.
        self.assertEqual(self.run_tool("grid", "show").stdout, before)
        self.assertIn("一村", self.run_tool("grid", "show", "T1").stdout)

    def test_usage_errors(self):
        self.assertEqual(self.run_tool("frobnicate", expect=2).returncode, 2)
        self.assertIn("--lang 须为 zh 或 en", self.run_tool("--lang", "fr", "init", expect=2).stderr)
        self.assertIn("grid import", self.run_tool("help").stdout)
        self.assertIn("covers", self.run_tool("grid", "staff", "--help").stdout)
        self.setup_grid()
        # A bad --format is a bad command line: exit 2, as for every command.
        self.assertIn("grid check: --format must be text, json or csv, not xml",
                      self.run_tool("grid", "check", "--format", "xml", expect=2).stderr)

    # ---- the monthly cycle (CJ-A2, CJ-A2-7.3, CJ-A3) -----------------------

    def month_doc(self, counts, air=True):
        units = {}
        for i, (unit, n4) in enumerate(counts.items()):
            u = {"assessment": {"items": {"4": n4}}}
            if air:
                # Improvement = 1 - factor; ref index 4.0 for everyone.
                f = 0.9 + 0.02 * i
                u["air"] = {"so2": 24 * f, "no2": 16 * f, "pm10": 28 * f, "pm25": 14 * f, "co": 1.6 * f, "o3": 64 * f}
                u["air_ref"] = 4.0 * 0.4 / 0.4
            units[unit] = u
        return json.dumps({"units": units}, ensure_ascii=False)

    def setup_counties(self):
        self.run_tool("init")
        grid = "code,parent_code,level,name\nP,,1,州\nA,P,2,甲县\nB,P,2,乙县\nC,P,2,丙县\n"
        self.run_tool("grid", "import", self.write("g.csv", grid))

    def test_cj_a2_7_3_month_cycle_and_reports(self):
        self.setup_counties()
        # 2026-09: A 12/80 = 15%; 2026-10: A 9/60 = 15% -> interview (CJ-A2-7.3).
        self.run_tool("month", "import", "2026-09", self.write("m9.json", self.month_doc({"A": 12, "B": 34, "C": 34})))
        self.run_tool("month", "import", "2026-10", self.write("m10.json", self.month_doc({"A": 9, "B": 26, "C": 25})))
        self.run_tool("month", "run", "2026-09")
        self.run_tool("month", "run", "2026-10")
        doc = json.loads(self.run_tool("report", "2026-10", "--format", "json").stdout)
        a = doc["units"]["A"]
        self.assertEqual(a["actions"]["CJ-A2-7.3"]["action"], "interview")
        self.assertIn("2026-09: 12/80 = 15.0%, 2026-10: 9/60 = 15.0%, ≥ 10% 2 months running",
                      a["actions"]["CJ-A2-7.3"]["clauses"][1]["message_en"])
        # B in 2026-10: 26 problems -> item 4 at 40 - 26 = 14: 30 + 14 + 30 = 74 (CJ-A2-5.4), pass.
        self.assertEqual((doc["units"]["B"]["score"], doc["units"]["B"]["grade"]), (74, "pass"))
        # Air: factor 0.90 / 0.92 / 0.94 -> improvement 10 % / 8 % / 6 %: C is last (CJ-A3-4).
        self.assertEqual([doc["units"][u]["air"]["rank"] for u in "ABC"], [1, 2, 3])
        self.assertEqual(doc["units"]["C"]["actions"]["CJ-A3-4"]["action"], "interview_deputy")
        text = self.run_tool("report", "2026-10").stdout
        self.assertIn("网格化环境监管月度通报（2026-10）", text)
        self.assertIn("约谈相关负责同志", text)
        raw = subprocess.run([TOOL, "--db", self.db, "report", "2026-10", "--format", "csv", "--bom"],
                             capture_output=True, check=True).stdout
        self.assertTrue(raw.startswith("\ufeff\"单位代码\",\"单位\",\"得分\"".encode("utf-8")), raw[:60])
        html = self.run_tool("--lang", "en", "report", "2026-10", "--format", "html").stdout
        self.assertIn("<svg", html)
        self.assertIn("interview of the unit&#39;s leaders".replace("&#39;", "'"), html)
        # Re-running is idempotent: same results, inputs kept, a log row added.
        before = self.run_tool("report", "2026-10", "--format", "json").stdout
        self.run_tool("month", "run", "2026-10")
        self.assertEqual(self.run_tool("report", "2026-10", "--format", "json").stdout, before)

    def test_month_bad_inputs_change_nothing(self):
        self.setup_counties()
        self.run_tool("month", "import", "2026-09", self.write("ok.json", self.month_doc({"A": 1, "B": 2, "C": 3})))
        before = self.digest()
        cases = [
            ('{"units": {"Z": {}}}', "units.Z: unknown unit"),
            ('{"units": {"A": {"assessment": {"items": {"4": "many"}}}}}', "units.A.assessment.items.4: must be an integer"),
            ('{"units": {"A": {"assessment": {"items": {"4": -1}}}}}', "count -1 is negative"),
            ('{"units": {"A": {"assessment": {"items": {"9": 1}}}}}', "no item 9"),
            ('{"units": {"A": {"air": {"so2": 1}, "air_ref": 4}}}', "units.A.air.no2"),
            ('{"units": [1]}', "top level must be an object"),
            ('{"units": {"A": {}} ', "line 1"),
        ]
        for text, needle in cases:
            with self.subTest(needle=needle):
                err = self.run_tool("month", "import", "2026-10", self.write("bad.json", text), expect=1).stderr
                self.assertIn(needle, err)
                self.assertEqual(self.digest(), before)
        self.assertIn("is not a month", self.run_tool("month", "import", "2026-13", self.write("x.json", "{}"), expect=1).stderr)
        self.assertIn("no inputs for 2026-11", self.run_tool("month", "run", "2026-11", expect=1).stderr)
        self.assertIn("no results for 2026-09", self.run_tool("report", "2026-09", expect=1).stderr)
        self.assertEqual(self.digest(), before)

    def test_killed_month_run_loses_nothing(self):
        self.setup_counties()
        self.run_tool("month", "import", "2026-09", self.write("ok.json", self.month_doc({"A": 1, "B": 2, "C": 3})))
        self.run_tool("month", "run", "2026-09", env={"ECOGRID_TEST_CRASH_AFTER": "2"}, expect=70)
        self.assertIn("no results for 2026-09", self.run_tool("report", "2026-09", expect=1).stderr)
        self.run_tool("month", "run", "2026-09")
        self.assertIn("甲县", self.run_tool("report", "2026-09").stdout)

    def test_demo_prints_the_bulletin(self):
        out = self.run_tool("demo").stdout
        self.assertIn("网格化环境监管月度通报（2026-10）", out)
        self.assertIn("昌吉市：约谈相关负责同志", out)
        self.assertIn("木垒哈萨克自治县：州政府分管负责同志公开约谈", out)
        path = out.strip().splitlines()[-1].split("：", 1)[1]
        with open(path, encoding="utf-8") as fh:
            page = fh.read()
        self.assertIn("</svg>", page)
        self.assertNotIn("<script", page)
        # The temporary directory keeps the bulletin only (workspace, grid and month files removed).
        self.assertEqual(os.listdir(os.path.dirname(path)), [os.path.basename(path)])
        shutil.rmtree(os.path.dirname(path))

    def test_demo_leaves_nothing_when_it_fails(self):
        # TMPDIR a file, not a directory: the demo fails and leaves nothing behind.
        self.assertIn("cannot create a temporary directory",
                      self.run_tool("demo", env={"TMPDIR": self.write("f", "x")}, expect=1).stderr)
        tmp = os.path.join(self.dir.name, "t")
        os.mkdir(tmp)
        out = self.run_tool("--lang", "en", "demo", env={"TMPDIR": tmp}).stdout
        self.assertIn("removed afterwards", out)
        (left,) = os.listdir(tmp)
        self.assertEqual(os.listdir(os.path.join(tmp, left)), ["bulletin-2026-10.html"])

    @unittest.skipUnless(os.path.exists(CHANGJI), "../shared/data/divisions/changji.csv is absent")
    def test_cj_g_1_changji_import(self):
        self.run_tool("init")
        out = self.run_tool("grid", "import", CHANGJI).stdout
        self.assertIn("1040 个网格（一至四级：1/7/106/926）", out)
        out = self.run_tool("grid", "import", CHANGJI, "--root", "652323000000").stdout
        self.assertIn("（一至四级：0/1/", out)

    @unittest.skipUnless(os.path.exists(CHINA), "../shared/data/divisions/china.csv.gz is absent")
    def test_cj_g_1_national_import(self):
        # The whole country (NBS 2023): 665,271 units; the benchmark is bench/tool_import.py.
        import gzip
        import shutil
        csv = os.path.join(self.dir.name, "china.csv")
        with gzip.open(CHINA, "rb") as fin, open(csv, "wb") as fout:
            shutil.copyfileobj(fin, fout)
        self.run_tool("init")
        out = self.run_tool("grid", "import", csv).stdout
        self.assertIn("665271 个网格（一至四级：342/2975/41351/620572）", out)
        self.assertIn("四级（村/社区）\t620572", self.run_tool("grid", "show").stdout)


if __name__ == "__main__":
    unittest.main()
