"""The files clerks make, as they make them (issue 17): CSV in GBK from Excel on
Chinese Windows or UTF-8 with a BOM, Chinese headers and values, a JSON file
with a BOM, a month's inputs as one CSV row per unit, and the mistakes Excel
makes with codes. Every refusal is checked in both languages, and a refused
file changes nothing in the workspace."""
import json
import os
import sqlite3
import subprocess

from toolbase import TOOL, ToolCase
from test_tool import GRID, STAFF

# The roster of test_tool.STAFF with Chinese headers and values, CRLF line ends.
STAFF_ZH = (STAFF.replace("node,role,person,detail,covers", "网格代码,角色,姓名,说明,分管网格")
            .replace(",head,", ",网格长,").replace(",subhead,", ",分网格长,").replace(",supervisor,", ",网格监督员,")
            .replace("full_time", "专职").replace("part_time", "兼职")
            .replace("deputy_division", "副处级").replace("deputy_section", "副科级").replace("\n", "\r\n"))

COUNTIES = "code,parent_code,level,name\nP,,1,州\n652301000000,P,2,昌吉市\n652302000000,P,2,阜康市\n"


class ClerkFilesTest(ToolCase):
    def setup_grid(self):
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("grid.csv", GRID))

    def write_bytes(self, name, data):
        path = self.path(name)
        with open(path, "wb") as fh:
            fh.write(data)
        return path

    def check_json(self):
        return json.loads(self.run_tool("grid", "check", "--format", "json").stdout)

    def test_gbk_roster_with_chinese_headers_and_roles(self):
        self.setup_grid()
        path = self.write_bytes("roster-gbk.csv", STAFF_ZH.encode("gbk"))
        out = self.run_tool("grid", "staff", path).stdout
        self.assertIn("19 行", out)
        # The same finding as the English roster: T2 has 2 full-time supervisors of 3 (CJ-G.6).
        self.assertEqual([(f["rule"], f["node"]) for f in self.check_json()["findings"]], [("CJ-G.6", "T2")])
        # And the same as UTF-8 with a BOM (Excel's "CSV UTF-8"), columns in another order.
        lines = STAFF_ZH.split("\r\n")
        reordered = "\r\n".join(",".join([c.split(",")[2], c.split(",")[0], *c.split(",")[1:2], *c.split(",")[3:]])
                                for c in lines if c)
        self.run_tool("grid", "staff", self.write_bytes("roster-bom.csv", b"\xef\xbb\xbf" + reordered.encode("utf-8")))
        self.assertEqual([(f["rule"], f["node"]) for f in self.check_json()["findings"]], [("CJ-G.6", "T2")])

    def test_encoding_option(self):
        self.setup_grid()
        gbk = self.write_bytes("r.csv", STAFF_ZH.encode("gbk"))
        self.run_tool("--encoding", "gbk", "grid", "staff", gbk)
        self.run_tool("grid", "staff", gbk, "--encoding=gb18030")
        before = self.digest()
        for lang, needle in (("en", "line 1 is not valid UTF-8; if the file comes from Excel on Chinese Windows, give "
                                    "--encoding gbk"),
                             ("zh", "第 1 行不是有效的 UTF-8；如果文件来自中文 Windows 上的 Excel，请加 --encoding gbk")):
            with self.subTest(lang=lang):
                err = self.run_tool("grid", "staff", gbk, "--encoding", "utf-8", expect=1, lang=lang).stderr
                self.assertIn(needle, err)
        utf16 = self.write_bytes("u16.csv", "\ufeff".encode("utf-16-le") + STAFF.encode("utf-16-le"))
        for lang, needle in (("en", "is UTF-16 text (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\""),
                             ("zh", "是 UTF-16 文本（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8（逗号分隔）”")):
            with self.subTest(lang=lang):
                self.assertIn(needle, self.run_tool("grid", "staff", utf16, expect=1, lang=lang).stderr)
        # Neither UTF-8 nor GB18030: the field is named, and the way out given.
        bad = self.write_bytes("x.csv", b"node,role,person,detail,covers\nC,head,\xff\xfe,,\n")
        for lang, needle in (("en", "is neither UTF-8 nor GB18030/GBK text; save it as \"CSV UTF-8 (comma delimited)\""),
                             ("zh", "既不是 UTF-8 也不是 GB18030/GBK 文本；请另存为“CSV UTF-8（逗号分隔）”")):
            with self.subTest(lang=lang):
                self.assertIn(needle, self.run_tool("grid", "staff", bad, expect=1, lang=lang).stderr)
        self.assertIn("--encoding must be auto, utf-8, gbk or gb18030, not latin1",
                      self.run_tool("--encoding", "latin1", "grid", "show", expect=2).stderr)
        self.assertEqual(self.digest(), before)

    def test_excel_mangled_codes_get_the_fix(self):
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("c.csv", COUNTIES))
        before = self.digest()
        head = "网格代码,角色,姓名,说明,分管网格\n"
        cases = [
            ("6.52301E+11,网格长,甲,,\n",
             'line 2: node "6.52301E+11" is a code that Excel turned into a number in scientific notation, which has '
             "lost its last digits. In Excel, set the column's format to Text",
             "第 2 行：网格代码“6.52301E+11”是被 Excel 转成科学计数法的代码，末尾几位已经丢失。请在 Excel 中把该列的格式设为“文本”"),
            ("652301000000.0,网格长,甲,,\n",
             'line 2: node "652301000000.0" has a stray ".0" after it (Excel kept the code as a number); write it as '
             "652301000000",
             "第 2 行：网格代码“652301000000.0”后面多了“.0”（Excel 把代码当成了数字）；请写成 652301000000"),
            ("６５２３０１００００００,网格长,甲,,\n",
             'line 2: node "６５２３０１００００００" has full-width digits; type them as half-width digits: '
             "652301000000",
             "第 2 行：网格代码“６５２３０１００００００”含有全角数字；请改用半角数字：652301000000"),
        ]
        for row, en, zh in cases:
            path = self.write("bad.csv", head + row)
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(row=row, lang=lang):
                    self.assertIn(needle, self.run_tool("grid", "staff", path, expect=1, lang=lang).stderr)
                    self.assertEqual(self.digest(), before)

    def test_header_mistakes_name_the_columns(self):
        self.setup_grid()
        before = self.digest()
        cases = [
            ("node,rol,person,detail,covers\n",
             'line 1: unknown column "rol"; did you mean role (角色)?',
             "第 1 行：未知的列“rol”；您是否要用 role（角色）？"),
            ("网格代码,角色,姓名\n",
             "line 1: column detail (说明) is missing; the columns are node (网格代码), role (角色), person (姓名), "
             "detail (说明), covers (分管网格)",
             "第 1 行：缺少列 detail（说明）；应有的列为 node (网格代码)"),
            ("node,role,person,detail,covers,角色\n",
             "line 1: column role (角色) is given twice",
             "第 1 行：列 role（角色）出现了两次"),
        ]
        for head, en, zh in cases:
            path = self.write("h.csv", head + "C,head,甲,,\n")
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(head=head, lang=lang):
                    self.assertIn(needle, self.run_tool("grid", "staff", path, expect=1, lang=lang).stderr)
        # A wrong role in Chinese is refused with the choices in the user's language.
        path = self.write("r.csv", "网格代码,角色,姓名,说明,分管网格\nC,组长,甲,,\n")
        self.assertIn('role must be head, subhead or supervisor, not "组长"',
                      self.run_tool("grid", "staff", path, expect=1).stderr)
        self.assertIn("角色须为 网格长（head）、分网格长（subhead）或 网格监督员（supervisor），不能是“组长”",
                      self.run_tool("grid", "staff", path, expect=1, lang="zh").stderr)
        self.assertEqual(self.digest(), before)

    def test_blank_rows_and_text_codes_from_excel(self):
        self.setup_grid()
        # Excel leaves rows of empty cells; ="C" is how a template keeps a code as text.
        roster = STAFF.replace("C,head,书记,,", '"=""C""",head,书记,,') + ",,,,\r\n,,,,\r\n"
        out = self.run_tool("grid", "staff", self.write("r.csv", roster)).stdout
        self.assertIn("19 行", out)

    def test_json_month_file_with_a_bom(self):
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("c.csv", COUNTIES))
        doc = json.dumps({"units": {"652301000000": {"assessment": {"items": {"4": 3}}}}}, ensure_ascii=False)
        path = self.write_bytes("m.json", b"\xef\xbb\xbf" + doc.encode("utf-8"))
        self.assertIn("1 个单位", self.run_tool("month", "import", "2026-10", path).stdout)
        missing = os.path.join(self.dir.name, "none.json")
        for lang, needle in (("en", "cannot open " + missing + ": no such file or directory"),
                             ("zh", "无法打开 " + missing + "：文件或目录不存在")):
            with self.subTest(lang=lang):
                err = self.run_tool("month", "import", "2026-10", missing, expect=1, lang=lang).stderr
                self.assertIn(needle, err)
                self.assertNotIn("line -1", err)

    def test_library_errors_are_sentences_without_internal_names(self):
        # Before: "eg_assess_input_set_count: rule set changji-2023 has no item 8", in English whatever --lang.
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("c.csv", COUNTIES))
        before = self.digest()
        path = self.write("m.json", json.dumps({"units": {"652301000000": {"assessment": {"items": {"8": 1}}}}}))
        for lang, needle in (("en", "m.json: units.652301000000.assessment.items.8: rule set changji-2023 has no item 8"),
                             ("zh", "units.652301000000.assessment.items.8：规则集 changji-2023 没有第 8 项")):
            with self.subTest(lang=lang):
                err = self.run_tool("month", "import", "2026-10", path, expect=1, lang=lang).stderr
                self.assertIn(needle, err)
                self.assertNotIn("eg_", err)
        self.assertEqual(self.digest(), before)

    def excel_month_csv(self):
        """A month's inputs as Excel on Chinese Windows saves the template: GBK, CRLF, codes as text."""
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("c.csv", COUNTIES))
        template = self.run_tool("template", "month").stdout
        self.assertTrue(template.startswith("\ufeff\"单位代码\",\"单位名称\",\"第1项达标\""), template[:60])
        rows = template.lstrip("\ufeff").split("\n")  # text mode: CRLF read as LF
        self.assertEqual(rows[1].split(",")[:2], ['"=""652301000000"""', '"昌吉市"'])
        # What the clerk types, as Excel writes it back (no quotes, no BOM, GBK).
        head = rows[0].replace('"', "")
        body = ("652301000000,昌吉市,是,是,是,5,0,0,0,否,1,自治区级+州级；国家级,,9,38,82,41,1.1,96,4.98,否,是\r\n"
                "652302000000,阜康市,是,是,否,2" + "," * 16 + "否\r\n"   # no air station: no air data
                + "," * 21 + "\r\n")
        return self.write_bytes("2026-10.csv", (head + "\r\n" + body).encode("gbk"))

    def test_excel_saved_month_csv_imports_and_scores(self):
        path = self.excel_month_csv()
        self.assertIn("2 个单位", self.run_tool("month", "import", "2026-10", path).stdout)
        self.run_tool("month", "run", "2026-10")
        doc = json.loads(self.run_tool("report", "2026-10", "--format", "json").stdout)
        a, b = doc["units"]["652301000000"], doc["units"]["652302000000"]
        # 昌吉市: national media exposure -> fail (CJ-A2-5.9 item 8) whatever the points.
        self.assertEqual(a["grade"], "fail")
        self.assertIn("CJ-A2-5.9", json.dumps(a["fail_reasons"]))
        # 阜康市: item 3 not met -> veto, 0 points (CJ-A2-6.1).
        self.assertEqual((b["score"], b["veto"]), (0, True))
        self.assertIn("air", a)
        self.assertNotIn("air", b)

    def test_month_csv_mistakes_in_both_languages(self):
        self.excel_month_csv()
        before = self.digest()
        head = "单位代码,第4项问题数,媒体曝光,第3项达标,SO2\n"
        cases = [
            ("652301000000,五,,,\n", 'line 2: item4 must be a whole number from 0 to 1000000, not "五"',
             "第 2 行：第4项 须为 0 至 1000000 的整数，不能是“五”"),
            # A count is not a code: no Excel hint, the column's own rule.
            ("652301000000,3.0,,,\n", 'line 2: item4 must be a whole number from 0 to 1000000, not "3.0"',
             "第 2 行：第4项 须为 0 至 1000000 的整数，不能是“3.0”"),
            ("652301000000,1E+05,,,\n", 'line 2: item4 must be a whole number from 0 to 1000000, not "1E+05"',
             "第 2 行：第4项 须为 0 至 1000000 的整数，不能是“1E+05”"),
            ("652301000000,３,,,\n", 'line 2: item4 "３" has full-width digits; type them as half-width digits: 3',
             "第 2 行：第4项“３”含有全角数字；请改用半角数字：3"),
            ("652301000000,,市级,,\n", 'line 2: media level "市级" is not 国家级 (national), 自治区级 (regional) or 州级',
             "第 2 行：媒体级别“市级”须为 国家级（national）、自治区级（regional）或 州级（prefecture）"),
            ("652301000000,,,也许,\n", 'line 2: item3 must be 是 or 否 (yes or no), not "也许"',
             "第 2 行：第3项 须为“是”或“否”，不能是“也许”"),
            ("652301000000,,,,9\n", "line 2: give all six statistics (SO2, NO2, PM10, PM2.5, CO, O3)",
             "第 2 行：六项统计值（SO2、NO2、PM10、PM2.5、CO、O3）和上年同月综合指数须全部给出"),
            ("652301000000,1,,,\n652301000000,2,,,\n", "line 3: unit 652301000000 is on line 2 already",
             "第 3 行：单位 652301000000 已在第 2 行出现"),
            ("6.52301E+11,1,,,\n", "is a code that Excel turned into a number in scientific notation",
             "是被 Excel 转成科学计数法的代码"),
        ]
        for rows, en, zh in cases:
            path = self.write("bad.csv", head + rows)
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(rows=rows, lang=lang):
                    self.assertIn(needle, self.run_tool("month", "import", "2026-11", path, expect=1, lang=lang).stderr)
                    self.assertEqual(self.digest(), before)

    def test_month_csv_statistics_are_numbers_not_codes(self):
        """An air statistic in scientific notation or with a ".0" is a number: in range it is taken as it is
        (24.0, 2.4e1), beyond the column's range (0 to 1e9) it is out of range, never an Excel code hint."""
        self.excel_month_csv()
        before = self.digest()
        head = "单位代码,SO2,NO2,PM10,PM2.5,CO,O3,上年同月综合指数\n"
        cases = [
            ("1e308", 'line 2: so2 "1e308" is out of range: the column takes numbers from 0 to 1000000000',
             "第 2 行：二氧化硫“1e308”超出范围：该列的数值须在 0 至 1000000000 之间"),
            ("1e400", 'line 2: so2 "1e400" is out of range: the column takes numbers from 0 to 1000000000',
             "第 2 行：二氧化硫“1e400”超出范围：该列的数值须在 0 至 1000000000 之间"),
            ("1000000001", 'line 2: so2 "1000000001" is out of range',
             "第 2 行：二氧化硫“1000000001”超出范围"),
            ("-1", 'line 2: so2 must be a number >= 0, not "-1"', "第 2 行：二氧化硫 须为不小于 0 的数字，不能是“-1”"),
            ("inf", 'line 2: so2 must be a number >= 0, not "inf"', "第 2 行：二氧化硫 须为不小于 0 的数字，不能是“inf”"),
            ("0x10", 'line 2: so2 must be a number >= 0, not "0x10"', "第 2 行：二氧化硫 须为不小于 0 的数字，不能是“0x10”"),
        ]
        for so2, en, zh in cases:
            path = self.write("bad.csv", head + "652301000000,%s,38,82,41,1.1,96,4.98\n" % so2)
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(so2=so2, lang=lang):
                    err = self.run_tool("month", "import", "2026-11", path, expect=1, lang=lang).stderr
                    self.assertIn(needle, err)
                    self.assertNotIn("Excel", err)
                    self.assertEqual(self.digest(), before)
        # In range: 24.0 and 2.4e1 are the number 24 (the import stores the month's document).
        path = self.write("ok.csv", head + "652301000000,24.0,38,82,41,1.1,96,4.98\n652302000000,2.4e1,38,82,41,1.1,96,4.98\n")
        self.run_tool("month", "import", "2026-11", path)
        con = sqlite3.connect(self.db)
        stored = dict(con.execute("SELECT unit, json FROM month_input WHERE month = '2026-11'").fetchall())
        con.close()
        self.assertEqual([json.loads(stored[u])["air"]["so2"] for u in ("652301000000", "652302000000")], [24.0, 24.0])

    def test_templates_round_trip(self):
        self.setup_grid()
        for kind, head_zh, head_en in (
                ("roster", "网格代码,角色,姓名,说明,分管网格", "node,role,person,detail,covers"),
                ("grid", "代码,上级代码,级别,名称,类型", "code,parent_code,level,name,kind"),
                ("disclosure", "编号,时间,填报人,原因,名称,区县,类别,目标或监管要求,进展,季度",
                 "id,time,actor,reason,name,district,category,target,progress,quarter"),
                ("ledger", "编号,时间,填报人,操作,牵头单位,整改目标,整改时限,原因",
                 "id,time,actor,action,lead_unit,target,deadline,reason"),
                ("frame", "分层,对象编号", "stratum,id"), ("quotas", "分层,抽取数", "stratum,quota"),
                ("inspectors", "检查人员", "inspector"), ("conflicts", "检查人员,回避对象", "inspector,object")):
            with self.subTest(kind=kind):
                raw = subprocess.run([TOOL, "--db", self.db, "template", kind], capture_output=True, check=True).stdout
                self.assertTrue(raw.startswith(b"\xef\xbb\xbf"))
                self.assertEqual(raw[3:].decode("utf-8"), '"' + head_zh.replace(",", '","') + '"\r\n')
                en = self.run_tool("--lang", "en", "template", kind).stdout.lstrip("\ufeff")
                self.assertEqual(en, '"' + head_en.replace(",", '","') + '"\n')  # text mode: CRLF read as LF
        # The roster template, filled in, goes back in.
        self.run_tool("template", "roster", "--output", self.path("t.csv"))
        with open(self.path("t.csv"), "a", encoding="utf-8", newline="") as fh:
            fh.write(STAFF_ZH.split("\r\n", 1)[1])
        self.assertIn("19 行", self.run_tool("grid", "staff", self.path("t.csv")).stdout)
        err = self.run_tool("template", "rostr", expect=2).stderr
        self.assertIn('template: unknown subcommand "rostr"; did you mean "roster"?', err)

    def test_config_for_the_bulletin(self):
        self.run_tool("init")
        self.run_tool("config", "set", "office", "昌吉回族自治州生态环境局")
        self.run_tool("config", "set", "number=昌州环网办〔2026〕12号".split("=")[0], "昌州环网办〔2026〕12号")
        self.run_tool("config", "set", "date", "2026-11-05")
        self.assertEqual(self.run_tool("config", "get", "number").stdout, "昌州环网办〔2026〕12号\n")
        listing = self.run_tool("config").stdout
        self.assertIn("office\t昌吉回族自治州生态环境局", listing)
        before = self.digest()
        for args, en, zh in (
                (("config", "set", "date", "2026-02-30"), 'date "2026-02-30" is not a date YYYY-MM-DD',
                 "日期“2026-02-30”不是 YYYY-MM-DD 格式的日期"),
                (("config", "set", "ofice", "x"), 'config: unknown setting "ofice"; did you mean "office"?',
                 "config：没有设置项“ofice”；您是否要用“office”？"),
                (("config", "set", "office", "a\x01b"), "config set: office: control character U+0001 (SOH) at character 2",
                 "config set：office：第 2 个字符是控制字符 U+0001（SOH）")):
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(args=args, lang=lang):
                    proc = self.run_tool(*args, expect=None, lang=lang)
                    self.assertIn(proc.returncode, (1, 2))
                    self.assertIn(needle, proc.stderr)
        self.assertEqual(self.digest(), before)
        self.run_tool("config", "unset", "date")
        self.assertIn("date is not set", self.run_tool("config", "get", "date", expect=1).stderr)
