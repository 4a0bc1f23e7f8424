"""A clerk's mistakes in the files of the monthly cycle, one hand-made input each: the month
document (JSON) in every wrong shape the tool checks, the month CSV's columns, the CSV reader's
header and quoting, the roster, published draw records; and the forms that are not mistakes
(a header with spaces and a note, 、 between media levels, an upper-case .CSV, a trailing empty
column) are taken as what they mean. Every refusal leaves the workspace byte for byte as it was."""
import json
import os
import sqlite3

from toolbase import ToolCase

GRID = "code,parent_code,level,name\nP,,1,州\nA,P,2,甲县\nB,P,2,乙县\n"
FRAME = "stratum,id\nkey,E1\nkey,E2\nkey,E3\n"


class MistakesCase(ToolCase):
    def setUp(self):
        super().setUp()
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("g.csv", GRID))

    def refused(self, name, text, needle, *cmd, lang="en", code=1):
        """Write `text` to `name`, run `cmd` (month import by default), check the message and that nothing changed."""
        self.write(name, text)
        before = self.digest()
        args = cmd or ("month", "import", "2026-10", name)
        err = self.run_tool(*args, expect=code, lang=lang).stderr
        self.assertIn(needle, err)
        self.assertEqual(self.digest(), before)
        return err

    def stored(self, month):
        con = sqlite3.connect(self.db)
        rows = dict(con.execute("SELECT unit, json FROM month_input WHERE month = ?", (month,)).fetchall())
        con.close()
        return {u: json.loads(j) for u, j in rows.items()}


class MonthDocumentTest(MistakesCase):
    def test_every_wrong_shape_of_the_month_document(self):
        air6 = {"so2": 1, "no2": 1, "pm10": 1, "pm25": 1, "co": 1, "o3": 1}
        cases = [
            ({"units": {"A": {"assessment": 3}}}, "units.A.assessment: must be an object"),
            ({"units": {"A": {"assessment": {"itemz": {}}}}}, "units.A.assessment.itemz: unknown key"),
            ({"units": {"A": {"assessment": {"items": [1]}}}}, "units.A.assessment.items: must be an object item -> count"),
            ({"units": {"A": {"assessment": {"status": 1}}}},
             "units.A.assessment.status: must be an object item -> true|false"),
            ({"units": {"A": {"assessment": {"construction": [True, True]}}}},
             "units.A.assessment.construction: must be 3 booleans (items 1-3, CJ-A2-5.1 to 5.3)"),
            ({"units": {"A": {"assessment": {"construction": [True, True, 1]}}}},
             "units.A.assessment.construction[2]: must be a boolean"),
            ({"units": {"A": {"assessment": {"media": "national"}}}},
             "units.A.assessment.media: must be a list of problems (lists of levels)"),
            ({"units": {"A": {"assessment": {"media": [[]]}}}}, "units.A.assessment.media[0]: must be a list of 1-8 levels"),
            ({"units": {"A": {"assessment": {"media": [[1]]}}}}, "units.A.assessment.media[0][0]: must be a string"),
            ({"units": {"A": {"assessment": {"media": [["city"]]}}}},
             "units.A.assessment.media[0]: rule set changji-2023 has no media level city"),
            ({"units": {"A": {"assessment": {"forced_fail": "x"}}}},
             "units.A.assessment.forced_fail: must be a list of condition IDs"),
            ({"units": {"A": {"assessment": {"forced_fail": [1]}}}}, "units.A.assessment.forced_fail[0]: must be a string"),
            ({"units": {"A": {"assessment": {"forced_fail": ["CJ-A2-9.9"]}}}},
             "units.A.assessment.forced_fail[0]: rule set changji-2023 has no forced-fail condition CJ-A2-9.9"),
            ({"units": {"A": {"assessment": {"item7_adverse": 1}}}}, "units.A.assessment.item7_adverse: must be a boolean"),
            ({"units": {"A": {"air_station": "no"}}},
             "units.A.air_station: must be a boolean (false: the unit has no monitoring station)"),
            ({"units": {"A": {"air": air6}}},
             "units.A: \"air\" (object of statistics) or \"air_hourly\" and \"air_ref\" (number) go together"),
            ({"units": {"A": {"air": air6, "air_ref": 0}}}, "units.A.air_ref: must be > 0 (airquality.md §5)"),
            ({"units": {}, "month": 1}, "m.json: top level has only \"units\""),
            ({"units": {}}, "m.json: units: 1-4096 units expected"),
            ({"units": {"A": 5}}, "units.A: must be an object"),
            ([1], "m.json: not a JSON document (it does not start with \"{\")"),
        ]
        for doc, needle in cases:
            with self.subTest(doc=doc):
                self.refused("m.json", json.dumps(doc), needle)
        # In Chinese: the path stays, the sentence is translated.
        err = self.refused("m.json", json.dumps({"units": {"A": {"assessment": {"media": [["city"]]}}}}),
                           "units.A.assessment.media[0]：规则集 changji-2023 没有媒体级别 city", lang="zh")
        self.assertNotIn("rule set", err)


class MonthCsvTest(MistakesCase):
    def test_wrong_cells_of_the_month_csv(self):
        cases = [
            ("unit,item7_adverse\n,是\n", "c.csv: line 2: the unit code (单位代码) is empty"),
            ("unit,item7_adverse\nA,也许\n", "c.csv: line 2: item7_adverse must be 是 or 否 (yes or no), not \"也许\""),
            ("unit,air_station\nA,也许\n", "c.csv: line 2: air_station must be 是 or 否 (yes or no), not \"也许\""),
            ("unit,air_target_missed\nA,也许\n",
             "c.csv: line 2: air_target_missed must be 是 or 否 (yes or no), not \"也许\""),
            ("unit,bonus\nA,x\n", "c.csv: line 2: bonus must be a whole number from 0 to 1000000, not \"x\""),
            # forced_fail: IDs separated by the Chinese semicolon; an unknown one is named by its place.
            ("unit,forced_fail\nA,CJ-A2-6.3；CJ-A2-9.9\n",
             "c.csv: units.A.assessment.forced_fail[1]: rule set changji-2023 has no forced-fail condition CJ-A2-9.9"),
            ("unit,item4\n", "c.csv: no rows after the header"),
            ("unit,itme4\nA,1\n", "c.csv: line 1: unknown column \"itme4\"; the columns are unit (单位代码), name"),
            ("", "c.csv: empty file (no header)"),
            ("unit,item4\nA,1\"x\n", "c.csv: line 2: misplaced quote (a quote inside an unquoted cell, text after a "
                                     "closing quote, or a quote that is never closed)"),
            # A quote never closed: the line where its record starts (before: line 3, after the file's end).
            ("unit,item4\nA,\"1\n", "c.csv: line 2: misplaced quote"),
            ("unit,item4\nA,1\nB,\"2\n\n", "c.csv: line 3: misplaced quote"),
        ]
        for text, needle in cases:
            with self.subTest(text=text):
                self.refused("c.csv", text, needle)
        self.refused("c.csv", "unit,bonus\nA,x\n", "c.csv：第 2 行：加分事项数 须为 0 至 1000000 的整数，不能是“x”", lang="zh")
        # A .json file that is a CSV, a directory, UTF-16, a BOM with --encoding gbk, UTF-8 bytes read as GBK.
        self.refused("c.json", "unit,item4\n", "c.json: not a JSON document (it does not start with \"{\")")
        os.mkdir(self.path("adir"))
        self.refused("x.csv", "", "cannot read adir: it is a directory", "month", "import", "2026-10", "adir")
        self.refused("x.csv", "", "无法读取 adir：这是一个目录", "month", "import", "2026-10", "adir", lang="zh")
        for name, data, args, needle in (
                ("u16.csv", b"\xfe\xffx", (), "u16.csv is UTF-16 text (Excel's \"Unicode text\"); save it as \"CSV UTF-8"),
                ("bom.csv", b"\xef\xbb\xbfunit,item4\nA,1\n", ("--encoding", "gbk"),
                 "bom.csv starts with a UTF-8 mark (BOM) but --encoding says GB18030/GBK; leave out --encoding"),
                ("gbk.csv", b"unit,item4\nA,1\x80\n", ("--encoding", "gbk"),
                 "gbk.csv: line 2 is not GB18030/GBK text; is the file UTF-8? (leave out --encoding)")):
            with self.subTest(name=name):
                with open(self.path(name), "wb") as fh:
                    fh.write(data)
                before = self.digest()
                self.assertIn(needle, self.run_tool(*args, "month", "import", "2026-10", name, expect=1).stderr)
                self.assertEqual(self.digest(), before)

    def test_forms_a_clerk_writes_are_taken_as_meant(self):
        # A header cell with spaces and a note in brackets, 、 between media levels with spaces around them,
        # forced_fail IDs separated by ；, a trailing empty column (a stray comma), an upper-case .CSV.
        self.write("m.CSV", " 单位代码（必填） ,第4项问题数,媒体曝光,强制不合格情形,\n"
                            "A,2, 国家级 、 州级 ；自治区级,CJ-A2-6.3-a；CJ-A2-6.3-c,\nB,0,,,\n")
        self.assertIn("imported 2026-10: 2 units", self.run_tool("--lang", "en", "month", "import", "2026-10", "m.CSV").stdout)
        units = self.stored("2026-10")
        self.assertEqual(units["A"]["assessment"],
                         {"items": {"4": 2}, "media": [["national", "prefecture"], ["regional"]],
                          "forced_fail": ["CJ-A2-6.3-a", "CJ-A2-6.3-c"]})
        self.assertEqual(units["B"]["assessment"], {"items": {"4": 0}})

    def test_a_month_run_on_a_grid_without_level_2_units(self):
        # --root P --root-level 0: P becomes level 0 and the counties level 1; no unit is assessed.
        self.run_tool("grid", "import", "--root", "P", "--root-level", "0", self.write("g0.csv", GRID))
        self.assertIn("levels 1-4: 2/0/0/0", self.run_tool("--lang", "en", "grid", "import", "--root", "P",
                                                          "--root-level", "0", "g0.csv").stdout)
        self.write("m.json", json.dumps({"units": {"A": {"assessment": {"items": {"4": 1}}}}}))
        before = self.digest()
        err = self.run_tool("month", "run", "2026-10", expect=1).stderr
        self.assertIn("month run: the grid has no level-2 unit; import the grid first (`ecogrid grid import FILE.csv`)",
                      err)
        self.assertEqual(self.digest(), before)


class RosterAndDrawTest(MistakesCase):
    def test_a_sub_head_of_an_unknown_rank(self):
        self.refused("s.csv", "node,role,person,detail,covers\nA,subhead,甲,boss,B\n",
                     "s.csv: line 2: sub-head rank must be deputy_division, deputy_section or other, not \"boss\"",
                     "grid", "staff", "s.csv")

    def test_a_draw_with_a_recusal_printed_in_both_languages(self):
        # Seed "a": 张 is picked first for the drawn object E3, conflicts with it (回避) and is skipped: 李 goes.
        self.write("f.csv", FRAME)
        self.write("q.csv", "stratum,quota\nkey,1\n")
        self.write("i.csv", "inspector\n张\n李\n")
        self.write("c.csv", "inspector,object\n张,E1\n张,E2\n张,E3\n")
        out = self.run_tool("--lang", "en", "draw", "run", "S", "--seed", "a", "--frame", "f.csv", "--quotas", "q.csv",
                            "--inspectors", "i.csv", "--conflicts", "c.csv", "--per-object", "1").stdout
        self.assertEqual(out.splitlines()[-2:], ["  1. key\tE3\tinspectors: 李", "recused (conflict of interest): 张 for E3"])
        zh = self.run_tool("draw", "show", "S").stdout
        self.assertEqual(zh.splitlines()[-2:], ["  1. key\tE3\t检查人员：李", "回避：张（E3）"])
        doc = json.loads(self.run_tool("draw", "show", "S", "--format", "json").stdout)
        self.assertEqual(doc["skips"], [{"inspector": "张", "object": "E3"}])

    def test_records_that_are_not_draw_records(self):
        self.write("f.csv", FRAME)
        self.write("q.csv", "stratum,quota\nkey,1\n")
        self.write("i.csv", "inspector\n张\n李\n")
        doc = json.loads(self.run_tool("draw", "run", "S", "--seed", "a", "--frame", "f.csv", "--quotas", "q.csv",
                                       "--inspectors", "i.csv", "--per-object", "1", "--format", "json").stdout)
        sel = doc["selected"][0]
        cases = [
            ([1], "r.json: record: must be an object"),
            (dict(doc, seed=5), "r.json: not a draw record (id, seed and frame_hash strings, algorithm and per_object "
                                "integers, strata, selected and skips lists, inspectors_hash a string or null)"),
            (dict(doc, per_object=101), "r.json: per_object must be 0-100"),
            (dict(doc, strata=[5]), "r.json: strata[0]: must be an object"),
            (dict(doc, selected=[5]), "r.json: selected[0]: must be an object"),
            (dict(doc, selected=[dict(sel, inspectors=[])]),
             "r.json: selected[0]: stratum and id strings, and a list of per_object (1) inspectors"),
            (dict(doc, selected=[dict(sel, inspectors=[1])]), "r.json: selected[0].inspectors[0]: must be a string"),
            (dict(doc, skips=[{"inspector": "李"}]), "r.json: skips[0]: \"object\" is missing"),
        ]
        for rec, needle in cases:
            with self.subTest(needle=needle):
                self.write("r.json", json.dumps(rec, ensure_ascii=False))
                err = self.run_tool("verify", "r.json", "--frame", "f.csv", "--inspectors", "i.csv", db=False,
                                    expect=1).stderr
                self.assertIn(needle, err)
        # An algorithm this library does not have: the check says so, field by field.
        self.write("r.json", json.dumps(dict(doc, algorithm=2), ensure_ascii=False))
        out = self.run_tool("verify", "r.json", "--frame", "f.csv", "--inspectors", "i.csv", db=False, expect=1)
        self.assertIn("algorithm: published 2, this library has 1 only", out.stderr)
        self.assertIn("algorithm: DIFFERS\nframe hash: matches\n", out.stdout)
        self.assertIn("r.json does not match the recomputed draw (checks failed: 1)", out.stderr)
