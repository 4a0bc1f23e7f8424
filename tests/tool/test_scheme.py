"""The tool runs any scheme (issue 15): `init --scheme`, `scheme show|check|
diff|export`, a second jurisdiction (Xiwan, tests/tool/data/) through the
whole monthly cycle with hand-computed results, and the migration of a
schema-5 workspace, which ran the built-in Changji scheme."""
import csv
import hashlib
import io
import json
import os
import re
import sqlite3

from toolbase import ToolCase

HERE = os.path.dirname(os.path.abspath(__file__))
XIWAN = os.path.join(HERE, "data", "scheme-xiwan-2024.json")

GRID = ("code,parent_code,level,name\n"
        "XW,,1,西湾市\nXA,XW,2,甲县\nXB,XW,2,乙县\nXC,XW,2,丙区\nXD,XW,2,丁县\n")

# Xiwan (scheme-xiwan-2024.json, scale 10: points in tenths). Items: A1 status
# 100 (a veto: the month scores 0, XW-4.1), A2 status 100, B1 deduction 500
# at 25 per problem, floor 0 (XW-3.3), B2 deduction 300 at 50, floor 0
# (XW-3.4); bonus 15 per case, at most 50 (XW-3.5); excellent >= 900,
# pass 700-899, else fail (XW-4.2); XW-4.3-a forces a fail.
MARCH = {"units": {
    "XA": {"assessment": {"items": {"B1": 3, "B2": 0}, "bonus": 5}},
    "XB": {"assessment": {"items": {"B1": 5, "B2": 1}, "status": {"A2": False}}},
    "XC": {"assessment": {"items": {"B1": 2, "B2": 1}}},
    "XD": {"assessment": {"items": {"B1": 10, "B2": 2}}},
}}
APRIL = {"units": {
    "XA": {"assessment": {"items": {"B1": 6, "B2": 0}}},
    "XB": {"assessment": {"items": {"B1": 4, "B2": 0}, "status": {"A1": False}}},
    "XC": {"assessment": {"items": {"B1": 2, "B2": 1}, "forced_fail": ["XW-4.3-a"]}},
    "XD": {"assessment": {"items": {"B1": 22, "B2": 0}}},
}}

# The identity the tool of schema 5 hashed for its built-in Changji scheme.
BUILTIN_IDENTITY = ("ecogrid built-in scheme v1: rule sets changji (by date); monthly ladders "
                    "CJ-A2-7.3 fed by item 4, CJ-A2-7.1 fed by the failing grade; air ranking "
                    "CJ-A3-5 by improvement rate, last place CJ-A3-4; profile by date\n")


def xiwan_doc():
    with open(XIWAN, encoding="utf-8") as fh:
        return json.load(fh)


class SchemeCase(ToolCase):
    def scheme_file(self, name, doc):
        return self.write(name, json.dumps(doc, ensure_ascii=False, indent=2))

    def xiwan_workspace(self):
        self.run_tool("init", "--scheme", XIWAN)
        self.run_tool("grid", "import", self.write("g.csv", GRID))
        self.run_tool("month", "import", "2024-03", self.write("m03.json", json.dumps(MARCH)))
        self.run_tool("month", "run", "2024-03")
        self.run_tool("month", "import", "2024-04", self.write("m04.json", json.dumps(APRIL)))
        self.run_tool("month", "run", "2024-04")

    def report(self, month):
        return json.loads(self.run_tool("report", month, "--format", "json").stdout)["units"]


class XiwanEndToEndTest(SchemeCase):
    """A second jurisdiction: init --scheme, month import, month run, report."""

    def test_march(self):
        self.xiwan_workspace()
        u = self.report("2024-03")
        # XA: A1 100 + A2 100 + B1 500-3*25=425 + B2 300 = 925; bonus 5*15=75 capped at 50: 975 (97.5).
        self.assertEqual((u["XA"]["score"], u["XA"]["grade"]), (975, "excellent"))
        # XB: A2 not met: 100 + B1 500-5*25=375 + B2 300-50=250 = 725 (72.5): pass.
        self.assertEqual((u["XB"]["score"], u["XB"]["grade"]), (725, "pass"))
        # XC: 200 + B1 500-2*25=450 + B2 250 = 900: exactly the excellent threshold (90 分以上).
        self.assertEqual((u["XC"]["score"], u["XC"]["grade"]), (900, "excellent"))
        # XD: 200 + B1 500-10*25=250 + B2 300-2*50=200 = 650 (65.0): fail.
        self.assertEqual((u["XD"]["score"], u["XD"]["grade"]), (650, "fail"))
        # XW-5.1, B1 shares of 3+5+2+10 = 20: XA 3/20 = 15 % exactly (15%以上: criticism);
        # XB 5/20 = 25 % exactly (25%以上: interview); XC 2/20 = 10 %: none; XD 10/20 = 50 %: interview.
        acts = {k: v["actions"]["XW-5.1"]["action"] for k, v in u.items()}
        self.assertEqual(acts, {"XA": "criticism", "XB": "interview", "XC": "none", "XD": "interview"})
        # XW-5.2: one failing month is not two.
        self.assertEqual(u["XD"]["actions"]["XW-5.2"]["action"], "none")
        # Nothing of Changji: no CJ ladder, no air block.
        self.assertEqual(sorted(u["XA"]["actions"]), ["XW-5.1", "XW-5.2"])
        self.assertNotIn("air", u["XA"])

    def test_april_and_the_bulletin(self):
        self.xiwan_workspace()
        u = self.report("2024-04")
        # XA: 200 + B1 500-6*25=350 + B2 300 = 850: pass.
        self.assertEqual((u["XA"]["score"], u["XA"]["grade"]), (850, "pass"))
        # XB: A1 not met: the veto makes the month 0 (XW-4.1).
        self.assertEqual((u["XB"]["score"], u["XB"]["grade"], u["XB"]["veto"]), (0, "fail", True))
        # XC: 900 points, but XW-4.3-a forces a fail.
        self.assertEqual((u["XC"]["score"], u["XC"]["grade"]), (900, "fail"))
        self.assertEqual(u["XC"]["fail_reasons"], ["XW-4.3"])
        # XD: B1 500-22*25 < 0 stops at the floor 0; 200 + 0 + 300 = 500: fail.
        self.assertEqual((u["XD"]["score"], u["XD"]["grade"]), (500, "fail"))
        # XW-5.1, shares of 6+4+2+22 = 34: XA 6/34 = 17.6 % after 15 % in March: two months
        # at 15 % or more: interview; XB 4/34 = 11.8 % after 25 %: none (the run is broken);
        # XC 2/34 = 5.9 %: none; XD 22/34 = 64.7 %: interview.
        acts = {k: v["actions"]["XW-5.1"]["action"] for k, v in u.items()}
        self.assertEqual(acts, {"XA": "interview", "XB": "none", "XC": "none", "XD": "interview"})
        # XW-5.2: XD failed March and April: rectification order; XB and XC failed April only.
        acts = {k: v["actions"]["XW-5.2"]["action"] for k, v in u.items()}
        self.assertEqual(acts, {"XA": "none", "XB": "none", "XC": "none", "XD": "rectification_order"})
        # The text bulletin shows points in tenths and the scheme's action names.
        text = self.run_tool("report", "2024-04").stdout
        self.assertIn("甲县\t85.0\t合格", text)
        self.assertIn("乙县\t0.0\t不合格", text)
        self.assertIn("丁县：责令限期整改", text)
        self.assertIn("3/20 = 15.0%，2024-04：6/34 = 17.6%；连续 2 个月占比 ≥ 15%", text)
        self.assertNotIn("CJ-", text)
        # CSV: one column per ladder of the scheme, no last-place column.
        rows = list(csv.reader(io.StringIO(self.run_tool("report", "2024-04", "--format", "csv").stdout)))
        self.assertEqual(rows[0], ["单位代码", "单位", "得分", "等次", "等次代码", "一票否决", "不合格依据（规则编号）",
                                   "问责措施（XW-5.1）", "问责措施代码（XW-5.1）", "问责措施（XW-5.2）",
                                   "问责措施代码（XW-5.2）", "综合指数", "同比改善率（%）", "空气质量排名", "缺少的数据", "已过期"])
        self.assertEqual([rows[4][k] for k in (0, 1, 2, 3, 4, 5, 6, 8, 9, 10)],
                         ["XD", "丁县", "50.0", "不合格", "fail", "否", "XW-4.2", "interview", "责令限期整改",
                          "rectification_order"])
        html = self.run_tool("report", "2024-04", "--format", "html").stdout
        self.assertIn("责令限期整改", html)
        self.assertNotIn("CJ-A3-5", html)  # no air chart: the scheme ranks no air quality

    def test_month_inputs_match_the_schema(self):
        try:
            import jsonschema
        except ImportError:
            self.skipTest("python3-jsonschema is not installed")
        with open(os.path.join(HERE, "..", "..", "docs", "schema", "month-input.schema.json"), encoding="utf-8") as fh:
            v = jsonschema.Draft202012Validator(json.load(fh))
        for doc in (MARCH, APRIL):
            self.assertEqual([e.message for e in v.iter_errors(doc)], [])
        self.assertFalse(v.is_valid({"units": {"XA": {"assessment": {"status": {"A1": 0}}}}}))

    def test_inputs_the_scheme_does_not_have(self):
        self.run_tool("init", "--scheme", XIWAN)
        self.run_tool("grid", "import", self.write("g.csv", GRID))
        before = self.digest()
        bad = {"units": {"XA": {"assessment": {"items": {"4": 1}}}}}
        err = self.run_tool("month", "import", "2024-03", self.write("b.json", json.dumps(bad)), expect=1).stderr
        self.assertIn("units.XA.assessment.items.4", err)
        bad = {"units": {"XA": {"assessment": {"status": {"B1": True}}}}}
        err = self.run_tool("month", "import", "2024-03", self.write("b.json", json.dumps(bad)), expect=1).stderr
        self.assertIn("assessment.status.B1", err)
        bad = {"units": {"XA": {"assessment": {"status": {"A1": 1}}}}}
        err = self.run_tool("month", "import", "2024-03", self.write("b.json", json.dumps(bad)), expect=1).stderr
        self.assertIn("must be true or false", err)
        bad = {"units": {"XA": {"assessment": {}, "air": {"so2": 1, "no2": 1, "pm10": 1, "pm25": 1, "co": 1, "o3": 1},
                                "air_ref": 4.0}}}
        err = self.run_tool("month", "import", "2024-03", self.write("b.json", json.dumps(bad)), expect=1).stderr
        self.assertIn("no air-quality ranking", err)
        # Before the scheme is in force there is no rule set.
        ok = {"units": {"XA": {"assessment": {}}}}
        err = self.run_tool("month", "import", "2023-12", self.write("o.json", json.dumps(ok)), expect=1).stderr
        self.assertIn("xiwan-2024", err)
        self.assertEqual(self.digest(), before)
        # A unit without the item a ladder is fed with is incomplete (B1 feeds XW-5.1).
        out = self.run_tool("month", "import", "2024-03", self.write("o.json", json.dumps(ok))).stdout
        self.assertIn("第B1项问题数（用于问责阶梯）", out)


class InitSchemeTest(SchemeCase):
    def test_default_and_change(self):
        out = self.run_tool("init").stdout
        self.assertIn("考核方案：changji-2023", out)
        con = sqlite3.connect(self.db)
        sid, sha, text = con.execute("SELECT id, sha256, text FROM scheme").fetchone()
        con.close()
        self.assertEqual(sid, "changji-2023")
        self.assertEqual(sha, hashlib.sha256(text.encode()).hexdigest())
        self.assertEqual(self.run_tool("scheme", "export").stdout, text)
        # Another scheme: stored, logged, said.
        out = self.run_tool("--lang", "en", "init", "--scheme", XIWAN).stdout
        self.assertIn("scheme: xiwan-2024", out)
        self.assertIn("changed", out)
        out = self.run_tool("--lang", "en", "init", "--scheme", XIWAN).stdout
        self.assertIn("unchanged", out)
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("SELECT COUNT(*) FROM run_log WHERE command = 'init --scheme'").fetchone()[0], 1)
        con.close()
        with open(XIWAN, encoding="utf-8") as fh:
            self.assertEqual(self.run_tool("scheme", "export").stdout, fh.read())

    def test_refused_scheme_changes_nothing(self):
        self.run_tool("init")
        before = self.digest()
        doc = xiwan_doc()
        doc["rulesets"][0]["items"][2]["per_occurrence"] = -25
        err = self.run_tool("init", "--scheme", self.scheme_file("bad.json", doc), expect=1).stderr
        self.assertIn("/rulesets/0/items/2/per_occurrence", err)
        err = self.run_tool("init", "--scheme", "nosuch-2020", expect=1).stderr
        self.assertIn("changji-2023", err)  # the shipped schemes are listed
        # A scheme with more monthly ladders than the cycle steps.
        doc = xiwan_doc()
        doc["monthly_ladders"] = doc["monthly_ladders"] * 3
        err = self.run_tool("init", "--scheme", self.scheme_file("many.json", doc), expect=1).stderr
        self.assertIn("at most 4 ladders, the scheme names 6", err)
        self.assertEqual(self.digest(), before)
        # A new workspace is not created for a refused scheme.
        other = self.path("other.db")
        self.run_tool("--db", other, "init", "--scheme", "nosuch-2020", expect=1, db=False)
        self.assertFalse(os.path.exists(other))

    def test_a_new_scheme_makes_results_stale(self):
        self.xiwan_workspace()
        doc = xiwan_doc()
        doc["rulesets"][0]["items"][2]["per_occurrence"] = 50
        out = self.run_tool("init", "--scheme", self.scheme_file("x2.json", doc)).stdout
        self.assertIn("2 个月的结果已过期", out)
        st = json.loads(self.run_tool("status", "--format", "json").stdout)
        self.assertEqual([(m["state"], m["why"][0]["reason"]) for m in st["months"]],
                         [("stale", "scheme_changed"), ("stale", "scheme_changed")])
        self.run_tool("report", "2024-03", expect=1)
        self.run_tool("month", "run", "--from", "2024-03")
        # XA in March under 50 per B1 problem: 200 + 500-150=350 + 300 = 850, bonus 50: 900.
        self.assertEqual(self.report("2024-03")["XA"]["score"], 900)

    def test_migration_from_schema_5(self):
        """A schema-5 workspace ran the built-in Changji scheme: it gets the
        changji-2023 document, and its results stay fresh."""
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("g.csv", "code,parent_code,level,name\nP,,1,州\nA,P,2,甲县\n"))
        month = {"units": {"A": {"assessment": {"items": {"4": 1}}, "air_station": False}}}
        self.run_tool("month", "import", "2026-09", self.write("m.json", json.dumps(month)))
        self.run_tool("month", "run", "2026-09")
        con = sqlite3.connect(self.db)
        con.executescript("DROP TABLE scheme; PRAGMA user_version=5;")
        con.execute("UPDATE month_run SET scheme_hash = ?", (hashlib.sha256(BUILTIN_IDENTITY.encode()).hexdigest(),))
        con.commit()
        con.close()
        st = json.loads(self.run_tool("status", "--format", "json").stdout)
        self.assertEqual(st["scheme"], "changji-2023")
        self.assertEqual(st["months"][0]["state"], "fresh")
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 6)
        con.close()
        # 100 - 1 problem on item 4 (CJ-A2-5.4, 1 point each): 99.
        self.assertEqual(self.report("2026-09")["A"]["score"], 99)


class SchemeCommandTest(SchemeCase):
    def test_show(self):
        out = self.run_tool("scheme", "show", XIWAN).stdout
        self.assertIn("考核方案 xiwan-2024：西湾市网格化环境监管考核办法（2024年修订）", out)
        self.assertIn("西环委办发〔2024〕3号", out)
        self.assertIn("月度运行：XW-5.1 ← 当月该项问题数，项目B1", out)
        d = json.loads(self.run_tool("scheme", "show", "changji-2023", "--format", "json").stdout)
        self.assertEqual(d["id"], "changji-2023")
        self.assertEqual(d["air_ranking"], {"metric": "improvement_rate", "last_place_ladder": "CJ-A3-4"})
        self.assertEqual([m["ladder"] for m in d["monthly_ladders"]], ["CJ-A2-7.3", "CJ-A2-7.1"])
        self.assertTrue(any(s["rule"] == "CJ-A2-5.4" for s in d["sources"]))
        out = self.run_tool("--lang", "en", "scheme", "show", XIWAN, "--sources").stdout
        self.assertIn("XW-3.3\t/rulesets/0/items/2\t第三条（二）3", out)
        # The workspace's own.
        self.run_tool("init", "--scheme", XIWAN)
        self.assertIn("xiwan-2024", self.run_tool("scheme", "show").stdout)
        self.run_tool("scheme", "show", "--format", "xml", expect=2)
        self.run_tool("scheme", expect=2)

    def test_check_clean_and_defects(self):
        self.assertIn("未发现问题", self.run_tool("scheme", "check", XIWAN).stdout)
        for name in ("changji-2023", "jiangmen-2021", "dongguan-2019", "mee-2020", "yulin-2019"):
            self.run_tool("scheme", "check", name)
        # A grade gap: pass 600-799, excellent from 900: 800-899 has no grade.
        doc = xiwan_doc()
        doc["rulesets"][0]["grades"][1].update(min_points=600, max_points=799)
        path = self.scheme_file("gap.json", doc)
        out = self.run_tool("scheme", "check", path, expect=1, lang="zh").stdout
        self.assertIn("grade-gap [/rulesets/0/grades/1]", out)
        self.assertIn("其间的得分没有等次", out)
        d = json.loads(self.run_tool("scheme", "check", path, "--format", "json", expect=1).stdout)
        self.assertEqual([(f["id"], f["pointer"]) for f in d["findings"]], [("grade-gap", "/rulesets/0/grades/1")])
        self.assertIn("have no grade", d["findings"][0]["message_en"])
        # A veto on a deduction item (refused by the loader, reported as a finding).
        doc = xiwan_doc()
        doc["rulesets"][0]["items"][2]["veto"] = True
        out = self.run_tool("--lang", "en", "scheme", "check", self.scheme_file("veto.json", doc), expect=1).stdout
        self.assertIn("veto-not-status [/rulesets/0/items/2", out)
        # A ladder clause that never fires: a share above 100 %.
        doc = xiwan_doc()
        doc["ladders"][0]["clauses"][0]["threshold"] = 150
        out = self.run_tool("scheme", "check", self.scheme_file("never.json", doc), expect=1).stdout
        self.assertIn("clause-never-fires", out)

    def test_check_finds_each_kind_of_defect(self):
        """The documents made for each defect (tests/data/schemes/defect-<id>.json) through the tool."""
        defects = os.path.join(HERE, "..", "data", "schemes")
        kinds = ["action-unnamed", "clause-never-fires", "clause-shadowed", "dates-out-of-order", "floor-unreachable",
                 "grade-gap", "grade-overlap", "item-exceeds-section", "rule-cited-twice", "veto-not-status"]
        for kind in kinds:
            with self.subTest(kind=kind):
                path = os.path.join(defects, f"defect-{kind}.json")
                d = json.loads(self.run_tool("scheme", "check", path, "--format", "json", expect=1).stdout)
                self.assertFalse(d["ok"])
                self.assertIn(kind, [f["id"] for f in d["findings"]])
                self.assertTrue(all(f["message"] and f["message_en"] and f["pointer"].startswith("/")
                                    for f in d["findings"] if f["id"] == kind))
        # The document they are all made from is clean.
        self.run_tool("scheme", "check", os.path.join(defects, "check-base.json"))

    def test_check_names_line_column_and_pointer(self):
        doc = xiwan_doc()
        doc["rulesets"][0]["items"][2]["per_occurrence"] = -25
        path = self.scheme_file("bad.json", doc)
        with open(path, encoding="utf-8") as fh:
            line, col = next((i, t.index("-25") + 1) for i, t in enumerate(fh, 1) if '"per_occurrence": -25' in t)
        self.assertEqual(col, 29)  # 10 spaces of indentation, then "per_occurrence": and a space
        out = self.run_tool("scheme", "check", path, expect=1, lang="zh").stdout  # Chinese by default
        self.assertIn(f"第 {line} 行第 {col} 列（JSON 指针 /rulesets/0/items/2/per_occurrence）：应为 0 至 1000000 的整数，"
                      "实为 -25（数值超出允许范围）", out)
        out = self.run_tool("--lang", "en", "scheme", "check", path, expect=1).stdout
        self.assertIn(f"line {line}, column {col} (JSON pointer /rulesets/0/items/2/per_occurrence): expected an integer "
                      "from 0 to 1000000, found -25", out)
        d = json.loads(self.run_tool("scheme", "check", path, "--format", "json", expect=1).stdout)
        self.assertEqual((d["ok"], d["error"]["line"], d["error"]["column"], d["error"]["pointer"]),
                         (False, line, col, "/rulesets/0/items/2/per_occurrence"))
        # An unknown key lists the valid ones.
        doc = xiwan_doc()
        doc["rulesets"][0]["items"][0]["points"] = 1
        out = self.run_tool("--lang", "en", "scheme", "check", self.scheme_file("k.json", doc), expect=1).stdout
        self.assertIn("/rulesets/0/items/0/points", out)
        self.assertIn("max_points", out)
        out = self.run_tool("scheme", "check", self.scheme_file("k.json", doc), expect=1, lang="zh").stdout
        self.assertIn("：应为 考核项目的键之一：id, rule, section, name, kind, max_points, per_occurrence, floor, overflow, "
                      "veto, adverse_fail, per_situation, source，实为 未知的键“points”（无法读取文本）", out)
        # Not JSON at all.
        out = self.run_tool("--lang", "en", "scheme", "check", self.write("t.json", "{\n  \"id\": \n"), expect=1).stdout
        self.assertIn("line 3", out)
        self.run_tool("scheme", "check", self.path("missing.json"), expect=1)
        self.run_tool("scheme", "check", expect=2)

    def test_diff(self):
        """Xiwan 2025 (hypothetical): 5 points per B1 problem instead of 2.5,
        judged on the stored March 2024 before it is in force."""
        self.xiwan_workspace()
        doc = xiwan_doc()
        doc.update(id="xiwan-2025", valid_from="2025-01-01", document="西环委办发〔2025〕1号")
        doc["rulesets"][0].update(id="xiwan-2025", document="西环委办发〔2025〕1号")
        doc["rulesets"][0]["items"][2]["per_occurrence"] = 50
        new = self.scheme_file("x25.json", doc)
        d = json.loads(self.run_tool("scheme", "diff", XIWAN, new, "--month", "2024-03", "--format", "json").stdout)
        self.assertEqual((d["old"], d["new"]), ("xiwan-2024", "xiwan-2025"))
        got = {u["unit"]: (u["old_score"], u["new_score"], u["old_grade"], u["new_grade"]) for u in d["units"]}
        # B1 costs 50 instead of 25 per problem:
        # XA 3 problems: 975 -> 975-75 = 900, excellent still (the bonus keeps its cap 50);
        # XB 5: 725 -> 600, pass -> fail; XC 2: 900 -> 850, excellent -> pass; XD 10: 650 -> 400.
        self.assertEqual(got, {"XA": (975, 900, "excellent", "excellent"), "XB": (725, 600, "pass", "fail"),
                               "XC": (900, 850, "excellent", "pass"), "XD": (650, 400, "fail", "fail")})
        self.assertTrue(all(u["changed"] for u in d["units"]))
        self.assertTrue(all(any(r["rule"] == "XW-3.3" for r in u["reasons"]) for u in d["units"]))
        self.assertTrue(any("XW-3.3" in r["message_en"] for r in d["rules"]))
        out = self.run_tool("scheme", "diff", XIWAN, new, "--month", "2024-03").stdout
        self.assertIn("4 个单位，4 个结果有变化", out)
        self.assertIn("乙县（XB）：72.5 分 合格 → 60.0 分 不合格", out)
        # The same version: nothing changes.
        d = json.loads(self.run_tool("scheme", "diff", XIWAN, XIWAN, "--month", "2024-03", "--format", "json").stdout)
        self.assertFalse(any(u["changed"] for u in d["units"]))
        self.assertEqual(d["rules"], [])
        self.assertEqual(d["scheme"], [])
        # Errors: no month, a month without inputs.
        self.run_tool("scheme", "diff", XIWAN, new, expect=2)
        self.assertIn("2024-05", self.run_tool("scheme", "diff", XIWAN, new, "--month", "2024-05", expect=1).stderr)

    def test_diff_removed_and_added_both_directions(self):
        """A revision that removes item B2, a clause of XW-5.1 and the ladder
        XW-5.2, and adds a duty: the diff reports every removal and addition,
        both ways, and re-scores the stored March 2024 instead of refusing
        inputs of the removed item."""
        self.xiwan_workspace()
        doc = xiwan_doc()
        doc.update(id="xiwan-2025", valid_from="2025-01-01", document="西环委办发〔2025〕1号")
        doc["rulesets"][0].update(id="xiwan-2025", document="西环委办发〔2025〕1号")
        doc["rulesets"][0]["items"] = [i for i in doc["rulesets"][0]["items"] if i["id"] != "B2"]
        doc["ladders"][0]["clauses"] = [c for c in doc["ladders"][0]["clauses"] if c["kind"] != "consecutive"]
        doc["ladders"] = [l for l in doc["ladders"] if l["id"] != "XW-5.2"]
        doc["monthly_ladders"] = [m for m in doc["monthly_ladders"] if m["ladder"] != "XW-5.2"]
        doc["duties"] = [{"id": "XW-6-training", "rule": "XW-6", "name": {"zh": "季度培训", "en": "quarterly training"},
                          "shape": "periodic", "kind": "training", "group": "county", "period": "quarter",
                          "start": "2025-01-01", "source": {"article": "第六条", "quote": "每季度开展一次培训"}}]
        new = self.scheme_file("x25r.json", doc)
        d = json.loads(self.run_tool("scheme", "diff", XIWAN, new, "--month", "2024-03", "--format", "json").stdout)
        got = {u["unit"]: (u["old_score"], u["new_score"], u["old_grade"], u["new_grade"]) for u in d["units"]}
        # Without B2 (30 points) the March counts of B2 no longer apply:
        # XA 100+100+(500-3*25)+min(5*15, 50) = 675 (was 975); XB A2 not met: 100+(500-5*25) = 475 (was 725);
        # XC 200+(500-2*25) = 650 (was 900); XD 200+(500-10*25) = 450 (was 650); all below 700: fail.
        self.assertEqual(got, {"XA": (975, 675, "excellent", "fail"), "XB": (725, 475, "pass", "fail"),
                               "XC": (900, 650, "excellent", "fail"), "XD": (650, 450, "fail", "fail")})
        self.assertIn("item B2 (XW-3.4) is removed in the new version", [r["message_en"] for r in d["rules"]])
        msgs = [m["message_en"] for m in d["scheme"]]
        self.assertIn("ladder XW-5.2 (failed the monthly assessment) is removed in the new version", msgs)
        self.assertIn("ladder XW-5.1: clause XW-5.1 interview of the county's deputy head "
                      "(consecutive, 2 periods, threshold 15) is removed", msgs)
        self.assertIn("the month no longer feeds the month's failing grade into ladder XW-5.2", msgs)
        self.assertIn("duty XW-6-training (XW-6) is new", msgs)
        self.assertEqual(len(msgs), 4, msgs)
        # XB's reasons name the item that no longer applies (B2: 1 problem, -5.0).
        xb = next(u for u in d["units"] if u["unit"] == "XB")
        self.assertTrue(any(r["rule"] == "XW-3.4" and r["message"].startswith("不再适用") for r in xb["reasons"]), xb)
        # The other way: the same facts, the scores swap, every removal is an addition.
        d = json.loads(self.run_tool("scheme", "diff", new, XIWAN, "--month", "2024-03", "--format", "json").stdout)
        got = {u["unit"]: (u["old_score"], u["new_score"]) for u in d["units"]}
        self.assertEqual(got, {"XA": (675, 975), "XB": (475, 725), "XC": (650, 900), "XD": (450, 650)})
        self.assertIn("item B2 (XW-3.4) is new", [r["message_en"] for r in d["rules"]])
        msgs = [m["message_en"] for m in d["scheme"]]
        self.assertEqual(sorted(msgs), sorted([
            "ladder XW-5.2 (failed the monthly assessment) is new",
            "ladder XW-5.1: clause XW-5.1 interview of the county's deputy head "
            "(consecutive, 2 periods, threshold 15) is new",
            "the month now feeds the month's failing grade into ladder XW-5.2",
            "duty XW-6-training (XW-6) is removed in the new version"]))
        # The text names them in Chinese.
        out = self.run_tool("scheme", "diff", new, XIWAN, "--month", "2024-03").stdout
        self.assertIn("方案其他部分的变化：", out)
        self.assertIn("新增问责阶梯 XW-5.2（考核不合格）", out)
        self.assertIn("职责 XW-6-training（XW-6）在新版本中删除", out)
        # Another jurisdiction entirely: nothing of Xiwan's inputs applies to Changji's items, and it is a diff.
        d = json.loads(self.run_tool("scheme", "diff", XIWAN, "changji-2023", "--month", "2024-03",
                                     "--format", "json").stdout)
        self.assertIn("item B1 (XW-3.3) is removed in the new version", [r["message_en"] for r in d["rules"]])
        self.assertIn("ladder XW-5.1 (share of problems) is removed in the new version",
                      [m["message_en"] for m in d["scheme"]])

    def test_export_output(self):
        self.run_tool("init", "--scheme", "jiangmen-2021")
        out = self.path("jm.json")
        self.run_tool("scheme", "export", "--output", out)
        with open(out, encoding="utf-8") as fh:
            text = fh.read()
        self.assertEqual(json.loads(text)["id"], "jiangmen-2021")
        # What was exported loads back as the same document.
        self.assertEqual(self.run_tool("scheme", "export", out).stdout, text)
        self.run_tool("scheme", "export", "--output", self.db, expect=1)  # never the workspace


DUTY_HDR = "type,kind,actor,time,end,period,id,ref,subject,tags,covers,rule,reason,approver\n"
DISCLOSE_HDR = "id,time,actor,reason,name,district,category,target,progress,quarter\n"


class SchemeRulesForRecordsTest(SchemeCase):
    """disclose status and duty status take the workspace's scheme: its
    deadlines (JM-2.1.2's district_update) and its duties, with --scheme /
    --preset as explicit overrides."""

    def jm_day10(self):
        """jiangmen-2021 with the district update due on the 10th instead of the 3rd."""
        doc = json.loads(self.run_tool("scheme", "export", "jiangmen-2021").stdout)
        doc["id"] = "jiangmen-2021-d10"
        [d for d in doc["deadlines"] if d["id"] == "district_update"][0]["day"] = 10
        [d for d in doc["duties"] if d["id"] == "JM-2.1.2-district"][0]["due_day"] = 10
        return self.scheme_file("jm10.json", doc)

    def test_jm_2_1_2_disclosure_deadline_of_the_scheme(self):
        self.run_tool("init", "--scheme", self.jm_day10())
        self.run_tool("disclose", "import", self.write("d.csv", DISCLOSE_HDR + (
            "J1,2021-10-01 09:00,a,首次公开,甲厂,蓬江区,造纸,目标,进展,\n"
            "J2,2021-10-01 09:00,a,首次公开,乙厂,蓬江区,造纸,目标,进展,\n"
            "J3,2021-10-01 09:00,a,首次公开,丙厂,蓬江区,造纸,目标,进展,\n"
            "J1,2022-01-10 23:59,a,更新,,,,,完成,2021Q4\n"
            "J2,2022-01-11 00:00,a,更新,,,,,完成,2021Q4\n")))
        doc = json.loads(self.run_tool("disclose", "status", "2021Q4", "--format", "json").stdout)
        # 2021Q4 is due on the 10th of the month 1 after December: 2022-01-10 (the preset: 2022-01-03).
        self.assertEqual((doc["deadline"], doc["scheme"], doc["ruleset"]),
                         ("2022-01-10", "jiangmen-2021-d10", "jiangmen-2021"))
        got = {r["id"]: (r["status"], r["late_days"]) for r in doc["records"]}
        # J1 at 23:59 on the 10th: on time (R0.3); J2 at 00:00 on the 11th: 1 day late; J3: missing.
        self.assertEqual(got, {"J1": ("on_time", 0), "J2": ("late", 1), "J3": ("missing", 0)})
        # JM-2.2 (2): J2 + J3 = 2 occurrences x -1 = -2.
        self.assertEqual(doc["districts"][0]["score"], -2)
        # --scheme overrides the workspace's: the shipped document's 3rd.
        doc = json.loads(self.run_tool("disclose", "status", "2021Q4", "--scheme", "jiangmen-2021",
                                       "--format", "json").stdout)
        self.assertEqual(doc["deadline"], "2022-01-03")
        # J1 2022-01-10 23:59 is 7 days after 2022-01-03 23:59 -> 7; J2 00:00 on the 11th -> 8.
        got = {r["id"]: (r["status"], r["late_days"]) for r in doc["records"]}
        self.assertEqual(got, {"J1": ("late", 7), "J2": ("late", 8), "J3": ("missing", 0)})

    def test_xiwan_has_no_disclosure_deadline_nor_duties(self):
        self.run_tool("init", "--scheme", XIWAN)
        self.run_tool("disclose", "import", self.write("d.csv", DISCLOSE_HDR +
                                                       "J1,2024-10-01 09:00,a,b,甲厂,甲县,造纸,目标,进展,\n"))
        err = self.run_tool("--lang", "en", "disclose", "status", "2024Q3", expect=1).stderr
        self.assertIn("scheme xiwan-2024 has no deadline \"district_update\"", err)
        err = self.run_tool("disclose", "status", "2024Q3", expect=1, lang="zh").stderr
        self.assertIn("方案 xiwan-2024 没有季度更新的时限“district_update”", err)
        self.run_tool("duty", "import", self.write("m.csv", DUTY_HDR + "member,district,甲县,,,,,,,,,,,\n"))
        err = self.run_tool("--lang", "en", "duty", "status", "2024-10-31", expect=1).stderr
        self.assertIn("the workspace's scheme xiwan-2024 has no duties", err)
        err = self.run_tool("duty", "status", "2024-10-31", expect=1, lang="zh").stderr
        self.assertIn("工作库的方案 xiwan-2024 没有职责", err)
        # An explicit preset still works.
        doc = json.loads(self.run_tool("duty", "status", "2024-10-31", "--preset", "DG-52", "--format", "json").stdout)
        self.assertEqual((doc["preset"], doc["duties_from"]), ("DG-52", "option"))

    def test_xiwan_with_its_own_deadlines_and_duties(self):
        """Another jurisdiction's scheme with a quarterly update due on the 5th
        of the second month after the quarter."""
        doc = xiwan_doc()
        doc["deadlines"] = [{"id": "district_update", "rule": "XW-6.1", "name": {"zh": "县区报送", "en": "county update"},
                             "kind": "after_quarter", "months": 2, "day": 5,
                             "source": {"article": "第六条", "quote": "次季度第二个月5日前报送"}}]
        doc["duties"] = [{"id": "XW-6.1-county", "rule": "XW-6.1", "name": {"zh": "县区报送", "en": "county update"},
                          "shape": "periodic", "kind": "county_update", "group": "county", "period": "quarter",
                          "start": "2024-01-01", "due_months": 2, "due_day": 5, "flags": ["for_period"],
                          "source": {"article": "第六条", "quote": "次季度第二个月5日前报送"}}]
        self.run_tool("init", "--scheme", self.scheme_file("xw.json", doc))
        self.run_tool("disclose", "import", self.write("d.csv", DISCLOSE_HDR + (
            "X1,2024-07-01 09:00,a,首次公开,甲厂,甲县,造纸,目标,进展,\n"
            "X1,2024-11-05 18:00,a,更新,,,,,完成,2024Q3\n")))
        out = json.loads(self.run_tool("disclose", "status", "2024Q3", "--format", "json").stdout)
        # 2024Q3 ends in September; 2 months after it is November: due 2024-11-05. X1 at 18:00 that day is on time.
        self.assertEqual(out["deadline"], "2024-11-05")
        self.assertEqual([(r["id"], r["status"]) for r in out["records"]], [("X1", "on_time")])
        # No JM-2.2 rule set in Xiwan: occurrences only, no score.
        self.assertIsNone(out["ruleset"])
        self.run_tool("duty", "import", self.write("x.csv", DUTY_HDR + (
            "member,county,甲县,,,,,,,,,,,\n"
            "member,county,乙县,,,,,,,,,,,\n"
            "done,county_update,甲县,2024-11-05 18:00,,2024Q3,,,,,,,,\n"
            "done,county_update,乙县,2024-11-07 09:00,,2024Q3,,,,,,,,\n")))
        doc = json.loads(self.run_tool("duty", "status", "2024-11-30", "--from", "2024-07-01",
                                       "--format", "json").stdout)
        self.assertEqual((doc["preset"], doc["duties_from"]), ("xiwan-2024", "scheme"))
        q3 = {r["actor"]: (r["due"], r["state"], r["days"]) for r in doc["rows"] if r["period"] == "2024Q3"}
        # Due 2024-11-05: 甲县 that day is met; 乙县 on the 7th is 2 days late.
        self.assertEqual(q3, {"甲县": ("2024-11-05", "met", 0), "乙县": ("2024-11-05", "late", 2)})
        # 2024Q4 is due 2025-02-05: not yet due on 2024-11-30.
        q4 = {r["actor"]: (r["due"], r["state"]) for r in doc["rows"] if r["period"] == "2024Q4"}
        self.assertEqual(q4, {"甲县": ("2025-02-05", "not_due"), "乙县": ("2025-02-05", "not_due")})

    def test_duty_status_scheme_import_and_option_precedence(self):
        """--preset on the command line > the preset chosen at import > the scheme's duties."""
        self.run_tool("init", "--scheme", self.jm_day10())
        rows = DUTY_HDR + ("member,district,蓬江区,,,,,,,,,,,\n"
                           "done,district_update,蓬江区,2021-04-08 10:00,,2021Q1,,,,,,,,\n")
        self.run_tool("duty", "import", self.write("d.csv", rows))

        def q1(*args):
            doc = json.loads(self.run_tool("duty", "status", "2021-04-30", "--from", "2021-01-01", *args,
                                           "--format", "json").stdout)
            return doc["duties_from"], [(r["due"], r["state"], r["days"]) for r in doc["rows"]
                                        if r["duty"] == "JM-2.1.2-district" and r["period"] == "2021Q1"]
        # The scheme: due 2021-04-10, done on the 8th: met.
        self.assertEqual(q1(), ("scheme", [("2021-04-10", "met", 0)]))
        # --preset jiangmen-2021: due 2021-04-03, 5 days late.
        self.assertEqual(q1("--preset", "jiangmen-2021"), ("option", [("2021-04-03", "late", 5)]))
        # A preset chosen at import is kept for later status calls.
        self.run_tool("duty", "import", self.write("d.csv", rows), "--preset", "jiangmen-2021")
        self.assertEqual(q1(), ("import", [("2021-04-03", "late", 5)]))


class XiwanBulletinNamesNoChangjiTest(SchemeCase):
    """A Xiwan workspace's bulletin, notes and messages name Xiwan's document
    and rules, never the Changji document (CJ-…, 昌州, 附件2)."""

    def test_bulletin_and_notes_of_a_month_with_a_unit_missing(self):
        self.run_tool("init", "--scheme", XIWAN)
        self.run_tool("grid", "import", self.write("g.csv", GRID))
        may = {"units": dict(MARCH["units"])}
        may["units"]["XD"] = {}  # no assessment block
        self.run_tool("month", "import", "2024-03", self.write("m.json", json.dumps(may)))
        err = self.run_tool("month", "run", "2024-03", expect=1).stderr
        # The missing block is named without a Changji rule.
        self.assertIn("XD 丁县: the assessment", err)
        self.assertNotIn("CJ-", err)
        self.run_tool("month", "run", "2024-03", "--allow-missing")
        outputs = []
        for lang in ("zh", "en"):
            for fmt in ("text", "html", "json", "csv"):
                outputs.append(self.run_tool("report", "2024-03", "--format", fmt, lang=lang).stdout)
        doc = json.loads(outputs[2])
        # The note says which of Xiwan's ladders the unit is left out of.
        self.assertIn("丁县：缺少考核数据：未评分，不计入本月问责阶梯 XW-5.1、XW-5.2 的数值", doc["notes"])
        self.assertIn("丁县: missing the assessment: not scored; left out of this month's values of the ladders "
                      "XW-5.1, XW-5.2", outputs[4])
        html = outputs[1]
        self.assertIn("西湾市网格化环境监管考核办法（2024年修订）", html)
        self.assertIn("西环委办发〔2024〕3号", html)
        for out in outputs:
            for changji in ("CJ-", "昌州", "昌吉", "Changji", "附件2", "changji"):
                self.assertNotIn(changji, out)


class SchemeCheckInTheUsersLanguageTest(SchemeCase):
    """`scheme check` of every defect document of tests/data/schemes: each
    message a whole sentence in the user's language, the loader's refusals
    (load-refused) included: no English phrase in Chinese, none of the
    Chinese in English."""

    DEFECTS = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "data", "schemes")

    def test_every_defect_document_in_both_languages(self):
        english = re.compile(r"[a-z]+ [a-z]+ [a-z]+")
        files = sorted(f for f in os.listdir(self.DEFECTS) if f.startswith("defect-"))
        self.assertEqual(len(files), 10)
        for name in files:
            with self.subTest(name=name):
                path = os.path.join(self.DEFECTS, name)
                zh = self.run_tool("scheme", "check", path, expect=1, lang="zh").stdout
                en = self.run_tool("scheme", "check", path, expect=1, lang="en").stdout
                self.assertIsNone(english.search(zh), zh)
                self.assertIsNone(re.search(r"[\u4e00-\u9fff]", en.replace(path, "")), en)
                self.assertIn("发现", zh)
                self.assertIn("defect(s) found", en)

    def test_the_loader_refusals_as_sentences(self):
        want = {
            "defect-action-unnamed.json": (
                "文档无法载入：第 148 行第 9 列（JSON 指针 /ladders/0/actions/1）：措施须有中英文名称“name”（通报中印出的文字）",
                "the document would not load: line 148, column 9 (JSON pointer /ladders/0/actions/1): an action "
                "needs \"name\" in Chinese and English (the words a bulletin prints)"),
            "defect-dates-out-of-order.json": (
                "文档无法载入：第 130 行第 21 列（JSON 指针 /rulesets/0/valid_from）：应为方案有效期（2024-01-01 至 "
                "长期有效）之内的日期，实为2023-06-01",
                "the document would not load: line 130, column 21 (JSON pointer /rulesets/0/valid_from): expected "
                "dates within the scheme's 2024-01-01 to open-ended, found 2023-06-01"),
            "defect-veto-not-status.json": (
                "文档无法载入：第 72 行第 19 列（JSON 指针 /rulesets/0/items/1/veto）：第d1项：只有“落实/未落实”项才能"
                "实行一票否决（CJ-A2-6.1）",
                "the document would not load: line 72, column 19 (JSON pointer /rulesets/0/items/1/veto): item d1: "
                "only status items can be veto items (CJ-A2-6.1)"),
        }
        for name, (zh, en) in want.items():
            with self.subTest(name=name):
                path = os.path.join(self.DEFECTS, name)
                self.assertIn(zh, self.run_tool("scheme", "check", path, expect=1, lang="zh").stdout)
                self.assertIn(en, self.run_tool("scheme", "check", path, expect=1, lang="en").stdout)

    def test_refusals_of_documents_that_do_not_load(self):
        """A missing key, a wrong type, a string where a number goes: the expected and found values in Chinese."""
        doc = xiwan_doc()
        del doc["rulesets"][0]["items"][1]["source"]
        out = self.run_tool("scheme", "check", self.scheme_file("a.json", doc), expect=1, lang="zh").stdout
        self.assertIn("（JSON 指针 /rulesets/0/items/1）：应为 考核项目须有键“source”（无法读取文本）", out)
        doc = xiwan_doc()
        doc["ladders"][0]["clauses"][0]["threshold"] = "15"
        out = self.run_tool("scheme", "check", self.scheme_file("b.json", doc), expect=1, lang="zh").stdout
        self.assertRegex(out, r"应为 0 至 [0-9]+ 的整数，实为 \"15\"")
        doc = xiwan_doc()
        doc["ladders"] = {}
        out = self.run_tool("scheme", "check", self.scheme_file("c.json", doc), expect=1, lang="zh").stdout
        self.assertIn("实为 对象", out)
        # Refusals of the builders the loader runs (ladder.c, duty_calendar.c), as findings.
        doc = xiwan_doc()
        doc["ladders"][0]["clauses"][0]["window_sum"] = True
        out = self.run_tool("scheme", "check", self.scheme_file("d.json", doc), expect=1, lang="zh").stdout
        self.assertIn("load-refused [/ladders/0/clauses/0] 文档无法载入：", out)
        self.assertIn("：条款 XW-5.1：window_sum 只适用于窗口类条款", out)
        out = self.run_tool("scheme", "check", self.path("d.json"), expect=1, lang="en").stdout
        self.assertIn("clause XW-5.1: window_sum applies to window clauses only", out)
        doc = xiwan_doc()
        doc["duties"] = [{"id": "XW-6", "rule": "XW-6", "name": {"zh": "培训", "en": "training"}, "shape": "periodic",
                          "kind": "training", "actor": "市环委办", "group": "county", "period": "quarter",
                          "source": {"article": "第六条", "quote": "每季度开展一次培训"}}]
        out = self.run_tool("scheme", "check", self.scheme_file("e.json", doc), expect=1, lang="zh").stdout
        self.assertIn("职责 XW-6：执行者与分组只能给出其一", out)
        for out in (self.run_tool("scheme", "check", p, expect=1, lang="zh").stdout
                    for p in (self.path(n) for n in ("a.json", "b.json", "c.json", "d.json", "e.json"))):
            self.assertIsNone(re.search(r"[a-z]+ [a-z]+ [a-z]+", out), out)
