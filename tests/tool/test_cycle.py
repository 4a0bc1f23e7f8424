"""A monthly cycle an office can trust (issue 16): each failure the issue
lists, with a hand-made input, now fails loudly or is handled.

Grid: prefecture P with counties A 甲县, B 乙县, C 丙县. Problems (CJ-A2-5.4,
item 4) per month are A 12, B 34, C 34 unless a test says otherwise, so
A's share is 12 / 80 = 15 % (>= 10 %: CJ-A2-7.3 criticism; 2 months running:
interview; 3 months running: accountability). Air: A, B, C have indices
0.90, 0.92, 0.94 of their reference (improvement 10 %, 8 %, 6 %): C is last
(CJ-A3-4).
"""
import json
import os
import resource
import signal
import sqlite3
import subprocess
import time

from toolbase import TOOL, ToolCase

GRID = "code,parent_code,level,name\nP,,1,州\nA,P,2,甲县\nB,P,2,乙县\nC,P,2,丙县\n"
AIR = {"so2": 24, "no2": 16, "pm10": 28, "pm25": 14, "co": 1.6, "o3": 64}


def unit(n4=None, i=0, air=True, assessment=True):
    u = {}
    if assessment:
        u["assessment"] = {"items": {"4": n4}} if n4 is not None else {"items": {}}
    if air:
        f = 0.9 + 0.02 * i
        u["air"] = {k: v * f for k, v in AIR.items()}
        u["air_ref"] = 4.0
    return u


def month_doc(counts=None, skip=(), **special):
    counts = counts or {"A": 12, "B": 34, "C": 34}
    units = {}
    for i, (u, n) in enumerate(counts.items()):
        if u in skip:
            continue
        units[u] = special.get(u, unit(n, i))
    return json.dumps({"units": units}, ensure_ascii=False)


class CycleCase(ToolCase):
    def setUp(self):
        super().setUp()
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("g.csv", GRID))

    def imp(self, month, text, expect=0):
        return self.run_tool("month", "import", month, self.write(month + ".json", text), expect=expect)

    def report(self, month, *extra, expect=0):
        p = self.run_tool("report", month, "--format", "json", *extra, expect=expect)
        return json.loads(p.stdout) if expect == 0 else p

    def status(self):
        return {m["month"]: m for m in json.loads(self.run_tool("--lang", "en", "status", "--format", "json").stdout)["months"]}


class CompletenessTest(CycleCase):
    def test_a_county_missing_from_the_month_is_refused_then_marked(self):
        # Before: C was dropped from the ranking silently and the others re-ranked.
        out = self.imp("2026-10", month_doc(skip=("C",))).stdout
        self.assertIn("C 丙县：全部数据", out)
        before = self.digest()
        err = self.run_tool("month", "run", "2026-10", expect=1, lang="zh").stderr
        self.assertIn("2026-10 数据不完整，未运行", err)
        self.assertIn("C 丙县：全部数据", err)
        self.assertEqual(self.digest(), before)
        self.run_tool("month", "run", "2026-10", "--allow-missing")
        doc = self.report("2026-10")
        c = doc["units"]["C"]
        self.assertEqual(c["missing"], ["inputs"])
        self.assertNotIn("score", c)  # not "100 优秀"
        self.assertNotIn("air", c)
        # A and B ranked among themselves: A 10 % first, B 8 % last (CJ-A3-4 criticism).
        self.assertEqual([doc["units"][u]["air"]["rank"] for u in "AB"], [1, 2])
        self.assertEqual(doc["units"]["B"]["actions"]["CJ-A3-4"]["action"], "criticism")
        text = self.run_tool("report", "2026-10").stdout
        self.assertIn("丙县：缺少全部数据：无输入：本月未考核、未参加空气质量排名", text)
        self.assertIn("丙县\t-\t未考核", text)
        en = self.run_tool("--lang", "en", "report", "2026-10", "--format", "html").stdout
        self.assertIn("丙县: missing all inputs: no inputs: not assessed, not ranked this month", en)

    def test_an_assessment_block_missing_is_refused_then_not_scored(self):
        self.imp("2026-10", month_doc(C=unit(assessment=False, i=2)))
        err = self.run_tool("--lang", "en", "month", "run", "2026-10", expect=1).stderr
        self.assertIn("C 丙县: the assessment (CJ-A2)", err)
        self.run_tool("month", "run", "2026-10", "--allow-missing")
        doc = self.report("2026-10")
        c = doc["units"]["C"]
        self.assertEqual(c["missing"], ["assessment"])
        self.assertNotIn("score", c)
        self.assertNotIn("CJ-A2-7.3", c["actions"])
        self.assertEqual(c["air"]["rank"], 3)  # still ranked: its air block is there
        # CJ-A2-7.3 shares over the scored units only: A 12 / (12 + 34) = 26.1 % >= 20 % -> interview.
        self.assertIn("12/46 = 26.1%", doc["units"]["A"]["actions"]["CJ-A2-7.3"]["clauses"][0]["message_en"])
        self.assertIn("left out of this month's values of the ladders CJ-A2-7.3, CJ-A2-7.1",
                      " ".join(self.report("2026-10")["notes"]) + self.run_tool(
                          "--lang", "en", "report", "2026-10").stdout)

    def test_the_item_a_ladder_is_fed_with_must_be_given(self):
        # An assessment without item 4 read as 0 problems (40 points): now it is a missing block.
        self.imp("2026-10", month_doc(C={"assessment": {"items": {"5": 1}}, "air": unit(0, 2)["air"], "air_ref": 4.0}))
        err = self.run_tool("month", "run", "2026-10", expect=1, lang="zh").stderr
        self.assertIn("第4项上级发现问题数（CJ-A2-5.4）", err)

    def test_a_unit_without_a_station_says_so(self):
        self.imp("2026-10", month_doc(C={"assessment": {"items": {"4": 34}}, "air_station": False}))
        self.run_tool("month", "run", "2026-10")
        c = self.report("2026-10")["units"]["C"]
        self.assertNotIn("missing", c)
        self.assertNotIn("air", c)
        err = self.imp("2026-11", month_doc(C={"air_station": False, "air": AIR, "air_ref": 4}), expect=1).stderr
        self.assertIn("\"air_station\": false (no monitoring station) goes with no air data", err)

    def test_a_month_never_imported_breaks_a_streak_loudly(self):
        # 2026-07 and -08: A at 15 % two months running -> interview (CJ-A2-7.3).
        for m in ("2026-07", "2026-08"):
            self.imp(m, month_doc())
            self.run_tool("month", "run", m)
        self.assertEqual(self.report("2026-08")["units"]["A"]["actions"]["CJ-A2-7.3"]["action"], "interview")
        self.imp("2026-10", month_doc())
        err = self.run_tool("month", "run", "2026-10", expect=1, lang="zh").stderr
        self.assertIn("2026-09：未导入（问责阶梯需连续月份，R0.4）", err)
        self.run_tool("month", "run", "2026-10", "--allow-missing")
        doc = self.report("2026-10")
        a = doc["units"]["A"]
        # Before: the streak broke silently (an accountability case became a criticism).
        self.assertEqual(a["actions"]["CJ-A2-7.3"]["action"], "criticism")
        self.assertIn({"ladder": "CJ-A2-7.3", "months": 2, "by": "2026-09"}, a["streaks_broken"])
        self.assertEqual(doc["gap_months"], ["2026-09"])
        self.assertIn("甲县：CJ-A2-7.3 连续 2 个月的记录因 2026-09 缺失而中断（R0.4）", self.run_tool("report", "2026-10").stdout)
        # The missing month arrives: 2026-10 is stale; --from re-runs the chain: 3 months running.
        self.imp("2026-09", month_doc())
        st = self.status()
        self.assertEqual(st["2026-10"]["state"], "stale")
        self.assertEqual(st["2026-10"]["why"][0]["reason"], "predecessor_changed")
        self.run_tool("month", "run", "--from", "2026-09")
        a = self.report("2026-10")["units"]["A"]
        self.assertEqual(a["actions"]["CJ-A2-7.3"]["action"], "accountability")
        self.assertNotIn("streaks_broken", a)
        self.assertEqual({m: s["state"] for m, s in self.status().items()},
                         {"2026-07": "fresh", "2026-08": "fresh", "2026-09": "fresh", "2026-10": "fresh"})

    def test_an_earlier_month_imported_but_not_run_is_named(self):
        self.imp("2026-09", month_doc())
        self.imp("2026-10", month_doc())
        err = self.run_tool("month", "run", "2026-10", expect=1).stderr
        self.assertIn("2026-09 is imported but not run", err)
        self.assertIn("month run --from 2026-09", err)


class FreshnessTest(CycleCase):
    def run_two(self):
        for m in ("2026-09", "2026-10"):
            self.imp(m, month_doc())
            self.run_tool("month", "run", m)

    def test_a_corrected_earlier_month_makes_later_months_stale(self):
        self.run_two()
        self.assertEqual(self.report("2026-10")["units"]["A"]["actions"]["CJ-A2-7.3"]["action"], "interview")
        # Correction: A had no problem in 2026-09.
        out = self.imp("2026-09", month_doc({"A": 0, "B": 34, "C": 34})).stdout
        self.assertIn("以下月份的结果已过期： 2026-09 2026-10（用 `ecogrid month run --from 2026-09` 重新运行）", out)
        st = self.status()
        self.assertEqual((st["2026-09"]["state"], st["2026-09"]["why"][0]["reason"]), ("stale", "inputs_changed"))
        self.assertEqual((st["2026-10"]["state"], st["2026-10"]["why"][0]["reason"]), ("stale", "predecessor_stale"))
        # Before: report kept printing the old escalation. Now it refuses...
        err = self.report("2026-10", "--lang", "zh", expect=1).stderr
        self.assertIn("2026-10 的结果已过期", err)
        self.assertIn("2026-09 已过期", err)
        self.assertIn("month run --from 2026-09", err)  # the chain is brought up to date from its first stale month
        # ... or, with --stale-ok, says so on the page.
        doc = self.report("2026-10", "--stale-ok")
        self.assertTrue(doc["stale"])
        self.assertEqual(doc["stale_reasons"][0]["reason"], "predecessor_stale")
        self.assertIn("已过期：2026-09 已过期", self.run_tool("report", "2026-10", "--stale-ok").stdout)
        csv = self.run_tool("report", "2026-10", "--stale-ok", "--format", "csv").stdout.splitlines()
        self.assertTrue(csv[0].endswith('"缺少的数据","已过期"') and csv[1].endswith('"","是"'), csv[:2])
        self.assertIn('class="fail"', self.run_tool("report", "2026-10", "--stale-ok", "--format", "html").stdout)
        # A chain that fails halfway keeps nothing and says so.
        self.imp("2026-10", month_doc(skip=("C",)))
        err = self.run_tool("month", "run", "--from", "2026-09", expect=1).stderr
        self.assertIn("C 丙县: all inputs", err)
        self.assertIn("nothing was changed (the 1 month(s) computed before are not kept)", err)  # 2026-09 was computed
        self.assertIn("未做任何更改", self.run_tool("month", "run", "--from", "2026-09", expect=1, lang="zh").stderr)
        self.assertEqual(self.status()["2026-09"]["why"][0]["reason"], "inputs_changed")
        self.imp("2026-10", month_doc())
        # 2026-10 alone cannot resume from a stale month.
        self.assertIn("2026-09 is stale", self.run_tool("month", "run", "2026-10", expect=1).stderr)
        self.run_tool("month", "run", "--from", "2026-09")
        doc = self.report("2026-10")
        self.assertFalse(doc["stale"])
        self.assertEqual(doc["units"]["A"]["actions"]["CJ-A2-7.3"]["action"], "criticism")  # 0 % then 15 %

    def test_status_in_text_names_the_reason_and_the_units_missing(self):
        for m in ("2026-09", "2026-10"):
            self.imp(m, month_doc())
            self.run_tool("month", "run", m)
        self.run_tool("month", "drop", "2026-09")
        # 2026-09 again, not run: 2026-10 resumed from a month that has no results now; the chain starts at 2026-09.
        out = self.run_tool("--lang", "en", "month", "import", "2026-09", self.write("m.json", month_doc())).stdout
        self.assertIn("results now stale: 2026-10 (run `ecogrid month run --from 2026-09` again)", out)
        self.assertEqual(self.status()["2026-10"]["why"][0]["reason"], "predecessor_not_run")
        self.imp("2026-11", month_doc(skip=("C",)))
        lines = self.run_tool("--lang", "en", "status").stdout.splitlines()
        self.assertEqual([l.split("\t")[0] + " " + l.split("\t")[-1] for l in lines[2:5]],
                         ["2026-09 imported, not run", "2026-10 stale: 2026-09 has not been run",
                          "2026-11 imported, not run"])
        self.assertEqual(lines[5], "  missing: C 丙县: all inputs")
        zh = self.run_tool("status").stdout
        self.assertIn("2026-10\t3 个单位", zh)
        self.assertIn("已过期：2026-09 尚未运行", zh)
        self.assertIn("  缺少数据：C 丙县：全部数据", zh)
        # --from the month it names brings the chain up to date.
        self.run_tool("month", "run", "--from", "2026-09", "--allow-missing")
        self.assertEqual({m: s["state"] for m, s in self.status().items()},
                         {"2026-09": "fresh", "2026-10": "fresh", "2026-11": "fresh"})

    def test_running_a_month_again_with_the_same_inputs_keeps_later_months_fresh(self):
        self.run_two()
        self.run_tool("month", "run", "2026-09")
        self.assertEqual(self.status()["2026-10"]["state"], "fresh")

    def test_a_replaced_grid_makes_months_stale_and_runs_refuse_departed_units(self):
        self.run_two()
        self.run_tool("grid", "import", self.write("g2.csv", GRID.replace("C,P,2,丙县\n", "")))
        st = self.status()
        self.assertEqual(st["2026-10"]["why"][0]["reason"], "units_changed")
        self.assertIn("the grid's level-2 units changed", st["2026-10"]["why"][0]["text"])
        self.report("2026-10", expect=1)
        # Before: month run kept scoring C, which is no longer in the grid.
        err = self.run_tool("month", "run", "2026-10", expect=1).stderr
        self.assertIn("unit C, which is no longer a level-2 unit of the grid", err)
        self.assertIn("month drop 2026-10", err)
        # A roster change does not make results stale (they do not depend on it), and status says so.
        self.run_tool("grid", "import", self.write("g3.csv", GRID))
        self.run_tool("grid", "staff", self.write("s.csv", "node,role,person,detail,covers\nA,head,甲,,\n"))
        st = self.status()
        self.assertEqual(st["2026-10"]["state"], "fresh")
        self.assertTrue(st["2026-10"]["roster_changed"])
        self.assertIn("the staff roster changed after 2 month(s)", self.run_tool("--lang", "en", "status").stdout)

    def test_incremental_runs_equal_the_whole_chain(self):
        months = ["2026-%02d" % m for m in range(5, 11)]
        for k, m in enumerate(months):
            self.imp(m, month_doc({"A": 12 + k, "B": 34 - k, "C": 20 + 3 * k}))
            self.run_tool("month", "run", m)
        one_by_one = [self.report(m) for m in months]
        self.run_tool("month", "run", "--from", months[0])
        self.assertEqual([self.report(m) for m in months], one_by_one)
        self.assertEqual({s["state"] for s in self.status().values()}, {"fresh"})

    def test_results_of_a_schema_3_workspace_are_stale_until_run_again(self):
        # A workspace written by the 0.1 tool: schema 3, results without a run record.
        os.remove(self.db)
        db = sqlite3.connect(self.db)
        db.executescript(
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE grid_node(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, parent TEXT, name TEXT NOT NULL,"
            " level INTEGER NOT NULL, kind INTEGER NOT NULL);"
            "CREATE TABLE grid_staff(seq INTEGER PRIMARY KEY, node TEXT NOT NULL, role TEXT NOT NULL, person TEXT NOT NULL,"
            " detail TEXT NOT NULL, covers TEXT NOT NULL);"
            "CREATE TABLE run_log(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, command TEXT NOT NULL, detail TEXT NOT NULL);"
            "CREATE TABLE month_input(month TEXT NOT NULL, unit TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY(month, unit));"
            "CREATE TABLE month_result(month TEXT NOT NULL, unit TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY(month, unit));"
            "CREATE TABLE ladder_state(ladder TEXT NOT NULL, month TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY(ladder, month));"
            "CREATE TABLE record_store(kind TEXT PRIMARY KEY, text TEXT NOT NULL);"
            "CREATE TABLE draw(id TEXT PRIMARY KEY, at TEXT NOT NULL, json TEXT NOT NULL);"
            "INSERT INTO grid_node VALUES(1,'P',NULL,'州',1,0),(2,'A',NULL,'甲县',2,0);"
            "INSERT INTO month_input VALUES('2026-09','A','{\"assessment\":{\"items\":{\"4\":1}},\"air_station\":false}');"
            "INSERT INTO month_result VALUES('2026-09','A','{\"score\":100,\"grade\":\"excellent\",\"veto\":false,"
            "\"fail_reasons\":[],\"trace\":[],\"actions\":{}}');"
            "PRAGMA user_version=3;")
        db.commit()
        db.close()
        st = self.status()["2026-09"]
        self.assertEqual((st["state"], st["why"][0]["reason"]), ("stale", "legacy"))
        self.report("2026-09", expect=1)
        self.run_tool("month", "run", "2026-09")
        self.assertEqual(self.report("2026-09")["units"]["A"]["score"], 99)  # 40 - 1 = 39 on item 4: 99


class ImportValidationTest(CycleCase):
    def test_month_strings_are_checked_everywhere(self):
        self.imp("2026-09", month_doc())
        before = self.digest()
        for bad in ("2026-+9", "2026-9", "2026-09x", "0999-01", "2026-00", "2026-13", "+026-09", "2026_09"):
            with self.subTest(month=bad):
                self.assertIn("is not a month", self.run_tool("month", "import", bad, self.path("2026-09.json"),
                                                              expect=1).stderr)
                self.assertIn("is not a month", self.run_tool("month", "run", bad, expect=1).stderr)
                self.assertIn("is not a month", self.run_tool("month", "drop", bad, expect=1).stderr)
                self.assertIn("which month", self.run_tool("report", bad, expect=1).stderr)
        self.assertEqual(self.digest(), before)

    def test_numbers_a_run_would_refuse_are_refused_at_import(self):
        # Before: accepted at import, then every later month run failed.
        cases = [
            (unit(1, 0) | {"air": dict(AIR, so2=1e308)}, "units.A.air: SO2 statistic 1e+308 is implausibly large"),
            # The library's rate format, translated (errmsg.c).
            (unit(1, 0) | {"air_ref": 1e-320}, "units.A.air_ref: improvement rate: index 2.28 "
                                                "against the reference"),
            # Finite, but too large to round to 0.1 % and rank (CJ-A3-5): the run would fail at the ranking.
            (unit(1, 0) | {"air_ref": 1e-300}, "units.A.air_ref: the improvement rate -2.28e+300 cannot be ranked"),
            ({"assessment": {"items": {"4": 10 ** 7}}}, "units.A.assessment.items.4"),
            ({"assessment": {"items": {"4": 1}, "bonus": -1}}, "units.A.assessment.bonus"),
        ]
        self.imp("2026-09", month_doc())
        before = self.digest()
        for u, needle in cases:
            with self.subTest(needle=needle):
                err = self.imp("2026-10", json.dumps({"units": {"A": u}}), expect=1).stderr
                self.assertIn(needle, err)
                self.assertEqual(self.digest(), before)
        err = self.imp("2026-10", '{"units": {"A": {"air_ref": 1e400}}}', expect=1).stderr
        self.assertIn("line 1", err)  # jansson: real number overflow

    def test_month_drop_removes_a_month_in_one_logged_transaction(self):
        for m in ("2026-08", "2026-09", "2026-10"):
            self.imp(m, month_doc())
            self.run_tool("month", "run", m)
        out = self.run_tool("month", "drop", "2026-09").stdout
        self.assertIn("已删除 2026-09：3 个单位的输入及考核结果、问责阶梯状态", out)
        self.assertIn("以下月份的结果已过期： 2026-10（用 `ecogrid month run --from 2026-10` 重新运行）", out)
        st = self.status()
        self.assertEqual(st["2026-09"]["state"], "not_imported")
        self.assertEqual(st["2026-10"]["why"][0]["reason"], "predecessor_changed")
        self.report("2026-09", expect=1)
        db = sqlite3.connect(self.db)
        self.assertEqual(db.execute("SELECT COUNT(*) FROM month_input WHERE month='2026-09'").fetchone()[0], 0)
        self.assertEqual(db.execute("SELECT COUNT(*) FROM ladder_state WHERE month='2026-09'").fetchone()[0], 0)
        self.assertIn("2026-09: inputs of 3 units, results and ladder states dropped",
                      db.execute("SELECT detail FROM run_log WHERE command='month drop'").fetchone()[0])
        db.close()
        self.assertIn("nothing for 2026-09", self.run_tool("month", "drop", "2026-09", expect=1).stderr)
        # A killed drop changes nothing.
        before = self.digest()
        self.run_tool("month", "drop", "2026-10", env={"ECOGRID_TEST_CRASH_AFTER": "2"}, expect=70)
        self.run_tool("status")  # the next command rolls the journal back
        self.assertEqual(self.status()["2026-10"]["imported"]["units"], 3)
        del before


class ConcurrencyTest(CycleCase):
    """Two commands at once: the second waits for the first's transaction and
    reads what the first wrote (ECOGRID_TEST_PAUSE_MS holds the first inside
    its transaction, after its reads, so that the two overlap)."""

    def start(self, *args, pause=0):
        env = dict(os.environ)
        env.pop("ECOGRID_TEST_CRASH_AFTER", None)
        if pause:
            env["ECOGRID_TEST_PAUSE_MS"] = str(pause)
        return subprocess.Popen([TOOL, "--db", self.db, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=env, cwd=self.dir.name)

    def both(self, first, second):
        a = self.start(*first, pause=800)
        time.sleep(0.3)  # the first is inside its transaction now
        b = self.start(*second)
        out_a, err_a = a.communicate(timeout=60)
        out_b, err_b = b.communicate(timeout=60)
        self.assertEqual((a.returncode, b.returncode), (0, 0), err_a + err_b)
        return out_a, out_b

    def test_two_disclosure_imports_at_once_lose_nothing(self):
        hdr = "id,time,actor,reason,name,district,category,target,progress,quarter\n"
        f1 = self.write("d1.csv", hdr + "".join("E%d,2026-07-01 09:00,a,列入,厂%d,蓬江区,造纸,目标,进展,\n" % (i, i)
                                                  for i in range(1, 21)))
        f2 = self.write("d2.csv", hdr + "".join("F%d,2026-07-01 09:00,b,列入,厂%d,新会区,陶瓷,目标,进展,\n" % (i, i)
                                                  for i in range(1, 21)))
        out_a, out_b = self.both(("disclose", "import", f1), ("disclose", "import", f2))
        self.assertIn("20 行，共 20 条记录", out_a)
        self.assertIn("20 行，共 40 条记录", out_b)  # the second read the first's records
        rows = json.loads(self.run_tool("disclose", "list", "--format", "json").stdout)["records"]
        self.assertEqual(len(rows), 40)

    def test_two_ledger_imports_at_once_lose_nothing(self):
        hdr = "id,time,actor,action,lead_unit,target,deadline,reason,principal,signed_on,acceptance,notice_from,notice_to\n"
        f1 = self.write("l1.csv", hdr + "P1,2026-01-05 10:00,办,open,甲县政府,目标,2026-06-30,,,,,,\n")
        f2 = self.write("l2.csv", hdr + "P2,2026-01-05 10:00,办,open,乙县政府,目标,2026-06-30,,,,,,\n")
        self.both(("ledger", "import", f1), ("ledger", "import", f2))
        probs = json.loads(self.run_tool("ledger", "status", "2026-02-01", "--format", "json").stdout)["problems"]
        self.assertEqual(sorted(p["id"] for p in probs), ["P1", "P2"])

    def test_two_month_imports_at_once_lose_nothing(self):
        f1 = self.write("m9.json", month_doc())
        f2 = self.write("m10.json", month_doc({"A": 0, "B": 34, "C": 34}))
        self.both(("month", "import", "2026-09", f1), ("month", "import", "2026-10", f2))
        st = self.status()
        self.assertEqual((st["2026-09"]["state"], st["2026-10"]["state"]), ("not_run", "not_run"))
        self.run_tool("month", "run", "--from", "2026-09")
        self.assertEqual(self.report("2026-09")["units"]["A"]["score"], 88)  # 12 problems: 60 + 28
        self.assertEqual(self.report("2026-10")["units"]["A"]["score"], 100)  # 0 problems: 60 + 40

    def test_a_run_and_an_import_at_once_never_mix_inputs(self):
        self.imp("2026-10", month_doc())
        corrected = self.write("c.json", month_doc({"A": 0, "B": 34, "C": 34}))
        # The run first: it scores the inputs it read; the import after it makes the month stale.
        self.both(("month", "run", "2026-10"), ("month", "import", "2026-10", corrected))
        self.assertEqual(self.status()["2026-10"]["why"][0]["reason"], "inputs_changed")
        self.assertEqual(self.report("2026-10", "--stale-ok")["units"]["A"]["score"], 88)  # 12 problems: 60 + 28
        # The import first: the run waits and scores the corrected inputs; fresh.
        self.imp("2026-10", month_doc())
        self.both(("month", "import", "2026-10", corrected), ("month", "run", "2026-10"))
        doc = self.report("2026-10")
        self.assertFalse(doc["stale"])
        self.assertEqual(doc["units"]["A"]["score"], 100)  # 0 problems: 60 + 40


class OutputTest(CycleCase):
    def setUp(self):
        super().setUp()
        self.imp("2026-10", month_doc())
        self.run_tool("month", "run", "2026-10")

    def test_output_onto_the_workspace_is_refused_even_with_force(self):
        before = self.digest()
        for extra in ((), ("--force",)):
            err = self.run_tool("report", "2026-10", "--output", self.db, *extra, expect=1).stderr
            self.assertIn("is the workspace itself", err)
        self.assertEqual(self.digest(), before)

    def test_a_file_that_is_not_an_ecogrid_output_needs_force(self):
        notes = self.write("notes.txt", "整改会议记录\n")
        err = self.run_tool("report", "2026-10", "--output", notes, expect=1).stderr
        self.assertIn("is not an unchanged earlier output of ecogrid", err)
        with open(notes, encoding="utf-8") as fh:
            self.assertEqual(fh.read(), "整改会议记录\n")
        self.run_tool("report", "2026-10", "--output", notes, "--force")
        with open(notes, encoding="utf-8") as fh:
            self.assertIn("网格化环境监管月度通报", fh.read())

    def test_an_unchanged_earlier_output_is_replaced_an_edited_one_is_not(self):
        out = self.path("bulletin.html")
        self.run_tool("report", "2026-10", "--format", "html", "--output", out)
        self.run_tool("report", "2026-10", "--format", "html", "--output", out)  # its own output: replaced
        self.run_tool("disclose", "list", "--format", "csv", "--output", self.path("list.csv"))
        with open(out, "a", encoding="utf-8") as fh:
            fh.write("<!-- edited by hand -->\n")
        self.assertIn("--force", self.run_tool("report", "2026-10", "--output", out, expect=1).stderr)
        self.assertEqual(sorted(os.listdir(self.dir.name)).count("bulletin.html"), 1)

    def test_a_failed_write_leaves_the_old_bulletin_whole(self):
        out = self.path("bulletin.html")
        self.run_tool("report", "2026-10", "--format", "html", "--output", out)
        with open(out, "rb") as fh:
            old = fh.read()

        def small_files():
            # A full disk, as the process sees it: writes past 512 bytes fail (EFBIG).
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))

        p = subprocess.run([TOOL, "--db", self.db, "--lang", "en", "report", "2026-10", "--format", "html", "--output", out],
                           capture_output=True, text=True, preexec_fn=small_files, cwd=self.dir.name)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("is unchanged", p.stderr)
        with open(out, "rb") as fh:
            self.assertEqual(fh.read(), old)
        self.assertEqual([f for f in os.listdir(self.dir.name) if ".ecogrid-" in f], [])

    def test_every_output_command_takes_force(self):
        path = self.write("x.txt", "not ours\n")
        for args in (("disclose", "status", "2026Q3", "--scheme", "jiangmen-2021"), ("disclose", "list"), ("ledger", "status", "2026-10-01"),
                     ("report", "2026-10")):
            with self.subTest(args=args):
                self.run_tool(*args, "--output", path, expect=1)
                self.run_tool(*args, "--output", path, "--force")
                self.write("x.txt", "not ours\n")


class WorkspaceFileTest(CycleCase):
    """--db naming something that is not this tool's workspace: a clear error, the file untouched."""

    def digest(self, path):
        with open(path, "rb") as fh:
            return fh.read()

    def test_a_file_that_is_not_a_workspace_is_refused_and_left_alone(self):
        junk = self.write("junk.db", "会议记录，不是数据库\n")
        other = os.path.join(self.dir.name, "other.db")
        con = sqlite3.connect(other)
        con.execute("CREATE TABLE notes(x TEXT)")
        con.execute("INSERT INTO notes VALUES ('甲')")
        con.commit()
        con.close()
        m = self.write("m.json", month_doc())
        for path, needle in ((junk, "workspace: file is not a database"),
                             (other, "other.db is not an ecogrid workspace (an SQLite database with other tables)")):
            before = self.digest(path)
            for cmd in (("init",), ("status",), ("report", "2026-09"), ("month", "import", "2026-09", m), ("month", "run", "2026-09"),
                        ("month", "drop", "2026-09")):
                with self.subTest(path=os.path.basename(path), cmd=cmd):
                    self.assertIn(needle, self.run_tool("--db", path, *cmd, db=False, expect=1).stderr)
            self.assertEqual(self.digest(path), before)
        self.assertIn("unable to open database file", self.run_tool("--db", self.dir.name, "status", db=False, expect=1).stderr)

    def test_an_empty_file_is_no_workspace_until_init_makes_it_one(self):
        """A 0-byte file holds no data: a command other than init refuses it and leaves it empty; init makes it
        the workspace and says it created it (before: "already exists", as if it held a workspace)."""
        empty = self.write("empty.db", "")
        for lang, needle in (("en", "ecogrid: workspace empty.db is empty; run `ecogrid init` first"),
                             ("zh", "ecogrid：工作库 empty.db 是空文件；请先运行 `ecogrid init`")):
            for cmd in (("status",), ("month", "run", "2026-09"), ("draw", "list")):
                with self.subTest(lang=lang, cmd=cmd):
                    err = self.run_tool("--db", "empty.db", *cmd, db=False, expect=1, lang=lang).stderr
                    self.assertIn(needle, err)
                    self.assertEqual(os.path.getsize(empty), 0)
        for lang, needle in (("en", "created workspace empty.db (schema "), ("zh", "已创建工作库 empty.db（结构版本 ")):
            with self.subTest(lang=lang):
                os.truncate(empty, 0)
                out = self.run_tool("--db", "empty.db", "init", db=False, lang=lang).stdout
                self.assertIn(needle, out)
                self.assertNotIn("already exists", out)
                self.assertNotIn("已存在", out)
        # Now it is a workspace: a second init says so, and commands use it.
        self.assertIn("workspace empty.db already exists (schema ",
                      self.run_tool("--db", "empty.db", "init", db=False, lang="en").stdout)
        self.assertIn("no month imported yet", self.run_tool("--db", "empty.db", "status", db=False, lang="en").stdout)

    def test_a_workspace_of_a_newer_tool_is_refused(self):
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA user_version=99")
        con.commit()
        con.close()
        before = self.digest(self.db)
        self.assertRegex(self.run_tool("status", expect=1).stderr, r"has schema 99, newer than this tool's \d+")
        self.assertEqual(self.digest(self.db), before)

    def test_status_of_a_new_workspace_and_its_help(self):
        self.assertIn("no month imported yet", self.run_tool("--lang", "en", "status").stdout)
        self.assertIn("尚未导入任何月份", self.run_tool("status").stdout)
        self.assertEqual(json.loads(self.run_tool("status", "--format", "json").stdout)["months"], [])
        self.assertIn("usage:", self.run_tool("--lang", "en", "status", "--help").stdout)
        os.remove(self.db)
        self.assertIn("does not exist; run `ecogrid init` first", self.run_tool("status", expect=1).stderr)
