"""End-to-end tests of `ecogrid disclose`, `ecogrid ledger` and `ecogrid draw`:
the JM-2.1 double-disclosure list and its JM-2.1.2 quarterly deadlines with
the JM-2.2 (2) deductions, the YL rectification ledgers (YL-2, YL-5.3,
YL-5.5), and reproducible double-random draws (双随机, DG-8 quotas)."""
import hashlib
import json

from toolbase import ToolCase

HDR = "id,time,actor,reason,name,district,category,target,progress,quarter\n"
DISCLOSURE = HDR + (
    "E1,2026-07-01 09:00,蓬江区,首次公开,江门某纸业有限公司,蓬江区,造纸,年底前完成废水深度治理,启动,\n"
    "E2,2026-07-01 09:00,新会区,首次公开,新会某陶瓷厂,新会区,工业窑炉,10月前完成脱硝改造,设计中,\n"
    "E3,2026-07-02 09:00,新会区,首次公开,新会某印染厂,新会区,印染,VOCs 收集率 ≥ 90%,未开始,\n"
    # JM-2.1.2: Q3 is due on 2026-10-03; 23:59 that day is on time (R0.3), 00:00 the 4th is 1 day late.
    "E1,2026-10-03 23:59,蓬江区,季度更新,,,,,完成设备采购,2026Q3\n"
    "E2,2026-10-04 00:00,新会区,季度更新,,,,,施工中,2026Q3\n"
    # Listed after the Q3 deadline without reporting Q3: it owed no Q3 update.
    "E4,2026-11-01 09:00,台山市,首次公开,台山某建筑工地,台山市,施工扬尘,围挡覆盖 100%,已落实,\n")

LEDGER_HDR = "id,time,actor,action,lead_unit,target,deadline,reason,principal,signed_on,acceptance,notice_from,notice_to\n"
LEDGER = LEDGER_HDR + (
    "P1,2026-01-05 10:00,整改办,open,榆阳区政府,关停违规砖厂,2026-06-30,,,,,,\n"
    "P1,2026-02-01 10:00,榆阳区政府,rectifying,,,,开始整改,,,,,\n"
    "P2,2026-01-05 10:00,整改办,open,神木市政府,煤矸石堆场覆盖,2026-03-31,,,,,,\n"
    "P2,2026-03-01 10:00,神木市政府,rectifying,,,,开始整改,,,,,\n"
    # YL-5.5: the lead unit's principal verifies on site and signs; the acceptance report is filed;
    # the office reviews, publicises (公示) and archives.
    "P1,2026-05-01 10:00,榆阳区政府,verified,,,,现场验收签字,区长,2026-05-01,,,\n"
    "P1,2026-05-02 10:00,榆阳区政府,applied,,,,申请销号,,,验收报告第3号,,\n"
    "P1,2026-05-20 10:00,整改办,reviewed,,,,审核,,,,,\n"
    "P1,2026-06-01 10:00,整改办,closed,,,,备案销号,,,,2026-05-21,2026-05-31\n")


class DiscloseTest(ToolCase):
    def setUp(self):
        super().setUp()
        # The deadlines and the JM-2.2 rule set are the workspace's scheme's.
        self.run_tool("init", "--scheme", "jiangmen-2021")
        self.run_tool("disclose", "import", self.write("d.csv", DISCLOSURE))

    def test_jm_2_1_2_quarter_deadline_whole_day(self):
        doc = json.loads(self.run_tool("disclose", "status", "2026Q3", "--format", "json").stdout)
        self.assertEqual(doc["deadline"], "2026-10-03")
        got = {r["id"]: (r["status"], r["late_days"]) for r in doc["records"]}
        # E4 was first listed on 2026-11-01, after the deadline day: not judged for Q3.
        self.assertEqual(got, {"E1": ("on_time", 0), "E2": ("late", 1), "E3": ("missing", 0)})
        # 新会区: E2 late + E3 missing = 2 occurrences of JM-2.2 (2); no JM rule set is in force in 2026.
        d = {x["district"]: x for x in doc["districts"]}
        self.assertEqual((d["新会区"]["late"], d["新会区"]["missing"], d["新会区"]["occurrences"]), (1, 1, 2))
        self.assertIsNone(d["新会区"]["score"])
        self.assertIsNone(doc["ruleset"])
        text = self.run_tool("disclose", "status", "2026Q3").stdout
        self.assertIn("区县更新截止 2026-10-03 当日，JM-2.1.2；方案 jiangmen-2021", text)
        self.assertIn("E2\t新会某陶瓷厂\t新会区\t逾期更新\t1", text)

    def test_jm_2_2_deduction_scored_with_the_2021_rule_set(self):
        # 2021Q4 is due on 2022-01-03; the quarter belongs to 2021, when jiangmen-2021 is in force.
        self.run_tool("disclose", "import", self.write("j.csv", HDR + (
            "J1,2021-10-01 09:00,a,首次公开,甲厂,蓬江区,造纸,目标,进展,\n"
            "J2,2021-10-01 09:00,a,首次公开,乙厂,蓬江区,造纸,目标,进展,\n"
            "J3,2021-10-01 09:00,a,首次公开,丙厂,蓬江区,造纸,目标,进展,\n"
            "J4,2021-10-01 09:00,b,首次公开,丁厂,江海区,玻璃,目标,进展,\n"
            "J1,2022-01-03 18:00,a,更新,,,,,完成,2021Q4\n"
            "J2,2022-01-06 09:00,a,更新,,,,,完成,2021Q4\n"
            "J4,2022-01-02 09:00,b,更新,,,,,完成,2021Q4\n")))
        doc = json.loads(self.run_tool("disclose", "status", "2021Q4", "--format", "json").stdout)
        self.assertEqual(doc["deadline"], "2022-01-03")
        self.assertEqual(doc["ruleset"], "jiangmen-2021")
        d = {x["district"]: x for x in doc["districts"]}
        # 蓬江区: J2 late (3 days) + J3 missing = 2 occurrences x -1 = -2 (JM-2.2 (2), no base score).
        self.assertEqual((d["蓬江区"]["occurrences"], d["蓬江区"]["score"]), (2, -2))
        # 江海区: J4 on time: 0 occurrences, score 0.
        self.assertEqual((d["江海区"]["occurrences"], d["江海区"]["score"]), (0, 0))
        self.assertIn(("J2", "late", 3), [(r["id"], r["status"], r["late_days"]) for r in doc["records"]])
        text = self.run_tool("disclose", "status", "2021Q4").stdout
        self.assertIn("2 起 × 1 分 = 扣 2 分", text)

    def test_jm_2_1_1_list_as_of_and_html(self):
        rows = self.run_tool("disclose", "list", "--format", "csv").stdout.splitlines()
        self.assertEqual(rows[0], '"id","name","district","category","target","progress","quarter","updated"')
        self.assertEqual(len(rows), 5)  # header + E1..E4, sorted by district then ID
        before = json.loads(self.run_tool("disclose", "list", "--as-of", "2026-10-03 12:00", "--format", "json").stdout)
        e1 = [r for r in before["records"] if r["id"] == "E1"][0]
        self.assertEqual((e1["progress"], e1["quarter"], e1["updated"]), ("启动", "", "2026-07-01 09:00"))
        self.assertNotIn("E4", [r["id"] for r in before["records"]])
        html = self.run_tool("disclose", "list", "--format", "html").stdout
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertIn("重点行业企业信息“双公开”清单", html)
        self.assertIn("<td>VOCs 收集率 ≥ 90%</td>", html)
        self.assertNotIn("<script", html)
        en = self.run_tool("--lang", "en", "disclose", "list", "--format", "html").stdout
        self.assertIn("Double disclosure list of key enterprises", en)

    def test_html_escapes_names(self):
        self.run_tool("disclose", "import", self.write("x.csv", HDR + 'E9,2026-11-02 09:00,a,b,"A<b>&""C""",蓬江区,玻璃,t,p,\n'))
        html = self.run_tool("disclose", "list", "--format", "html").stdout
        self.assertIn("<td>A&lt;b&gt;&amp;&quot;C&quot;</td>", html)

    def test_bad_disclosure_rows_change_nothing(self):
        before = self.digest()
        cases = [
            (HDR + "N1,2026-11-02 09:00,a,b,某厂,,造纸,t,p,\n", "line 2: new record N1 needs name, district, category and target (JM-2.1.1)"),
            (HDR + "E1,2026-11-02 09:00,a,b,,,,,p,2026Q5\n", "line 2: quarter \"2026Q5\" must be YYYYQ1 to YYYYQ4"),
            (HDR + "E1,2026-07-01 08:00,a,b,,,,,p,\n", "line 2:"),  # before E1's last version
            (HDR + "E1,2026-11-02 09:00,a,b,,,,,,\n", "nothing to record"),
            (HDR + "E1,2026-11-31 09:00,a,b,,,,,p,\n", "line 2:"),
            ("id,time\nE1,x\n", "line 1: column actor (填报人) is missing"),
            (HDR, "no rows after the header"),
        ]
        for text, needle in cases:
            with self.subTest(needle=needle):
                err = self.run_tool("disclose", "import", self.write("bad.csv", text), expect=1).stderr
                self.assertIn(needle, err)
                self.assertEqual(self.digest(), before)
        self.assertIn("which quarter", self.run_tool("disclose", "status", "2026-3", expect=1).stderr)
        self.assertIn("--as-of", self.run_tool("disclose", "list", "--as-of", "yesterday", expect=1).stderr)
        self.assertIn("--format must be", self.run_tool("disclose", "status", "2026Q3", "--format", "html", expect=1).stderr)

    def test_killed_disclosure_import_loses_nothing(self):
        before = self.run_tool("disclose", "list").stdout
        self.run_tool("disclose", "import", self.write("n.csv", HDR + "E1,2026-11-05 09:00,a,b,,,,,完工,\n"),
                      env={"ECOGRID_TEST_CRASH_AFTER": "1"}, expect=70)
        self.assertEqual(self.run_tool("disclose", "list").stdout, before)


class LedgerTest(ToolCase):
    def setUp(self):
        super().setUp()
        self.run_tool("init")
        self.run_tool("ledger", "import", self.write("l.csv", LEDGER))

    def status(self, date):
        return json.loads(self.run_tool("ledger", "status", date, "--format", "json").stdout)

    def test_yl_5_3_overdue_after_the_deadline_day(self):
        # P2's deadline is 2026-03-31: the whole day is in time (R0.3), the next day is overdue.
        p = {x["id"]: x for x in self.status("2026-03-31")["problems"]}
        self.assertEqual((p["P2"]["state"], p["P2"]["overdue"]), ("rectifying", False))
        doc = self.status("2026-04-01")
        p = {x["id"]: x for x in doc["problems"]}
        self.assertEqual((p["P2"]["state"], p["P2"]["overdue"]), ("rectifying", True))
        self.assertEqual({u["lead_unit"]: (u["registered"], u["closed"], u["overdue"]) for u in doc["lead_units"]},
                         {"榆阳区政府": (1, 0, 0), "神木市政府": (1, 0, 1)})

    def test_yl_5_5_closed_is_never_overdue(self):
        # P1 closed (archived) on 2026-06-01, before its deadline of 2026-06-30.
        doc = self.status("2026-07-01")
        p = {x["id"]: x for x in doc["problems"]}
        self.assertEqual((p["P1"]["state"], p["P1"]["overdue"]), ("closed", False))
        self.assertEqual({u["lead_unit"]: (u["registered"], u["closed"], u["overdue"]) for u in doc["lead_units"]},
                         {"榆阳区政府": (1, 1, 0), "神木市政府": (1, 0, 1)})
        # Before P2 was opened (2026-01-05) the ledger has no P2.
        self.assertEqual([x["id"] for x in self.status("2026-01-04")["problems"]], [])
        text = self.run_tool("ledger", "status", "2026-07-01").stdout
        self.assertIn("P1\t榆阳区政府\t关停违规砖厂\t2026-06-30\t已销号\t", text)
        self.assertIn("神木市政府：问题 1 个，已销号 0 个，逾期 1 个", text)
        html = self.run_tool("ledger", "status", "2026-07-01", "--format", "html").stdout
        self.assertIn("<tr class=\"fail\"><td>P2</td>", html)

    def test_yl_5_5_extension_moves_the_deadline(self):
        self.run_tool("ledger", "import", self.write("e.csv", LEDGER_HDR + "P2,2026-03-20 10:00,整改办,extend,,,2026-05-31,汛期施工受限,,,,,\n"))
        p = {x["id"]: x for x in self.status("2026-04-01")["problems"]}
        self.assertEqual((p["P2"]["deadline"], p["P2"]["overdue"]), ("2026-05-31", False))

    def test_bad_ledger_rows_change_nothing(self):
        before = self.digest()
        cases = [
            ("P1,2026-06-02 10:00,整改办,rectifying,,,,再次整改", "closed -> rectifying is not allowed (YL-5.5)"),
            ("P2,2026-03-02 10:00,神木市政府,closed,,,,直接销号", "rectifying -> closed"),
            ("P2,2026-03-02 10:00,整改办,open,神木市政府,x,2026-12-31,", "P2"),
            ("P3,2026-03-02 10:00,整改办,open,神木市政府,x,,", "line 2:"),
            ("P2,2026-03-02 10:00,整改办,extend,,,2026-03-01,提前", "line 2:"),
            ("P2,2026-03-02 10:00,整改办,archive,,,,x", "action must be open, extend"),
            ("P2,2026-03-02 10:00,整改办,verified,某单位,,,x", "set only when a problem is opened (YL-2)"),
            ("P9,2026-03-02 10:00,整改办,open,某单位,x,2026-12-31,原因", "open takes lead_unit, target and deadline, not a reason"),
            ("P2,2026-03-02 10:00,整改办,verified,,,2026-12-31,x", "a deadline changes only with action extend"),
            ("P9,2026-03-02 10:00,整改办,rectifying,,,,x", "P9"),
            # YL-5.5: the principal's signature, by the lead unit; the office alone extends.
            ("P2,2026-03-02 10:00,神木市政府,verified,,,,已签字", "principal who signed"),
            ("P2,2026-03-02 10:00,整改办,verified,,,,x,市长,2026-03-02,,,", "the lead unit's (神木市政府)"),
            ("P2,2026-03-02 10:00,神木市政府,extend,,,2026-12-31,延期", "only the rectification office"),
        ]
        cases = [(row + ",,,,," * (row.count(",") == 7), needle) for row, needle in cases]
        cases = [(row + "\n", needle) for row, needle in cases]
        for row, needle in cases:
            with self.subTest(needle=needle):
                err = self.run_tool("ledger", "import", self.write("bad.csv", LEDGER_HDR + row), expect=1).stderr
                self.assertIn(needle, err)
                self.assertEqual(self.digest(), before)
        self.assertIn("which date", self.run_tool("ledger", "status", "2026-02-30", expect=1).stderr)


# ---- 双随机: an independent implementation of the published algorithm -------

def sampler(seed, count, n):
    """sampler.py without replacement over 1..n: pick i hashes seed + "," + i."""
    picks, i = [], 0
    while len(picks) < count:
        i += 1
        h = int.from_bytes(hashlib.sha256(f"{seed},{i}".encode()).digest(), "big")
        v = 1 + h % n
        if v not in picks:
            picks.append(v)
    return picks


def expected_draw(seed, strata, quotas):
    """Draw algorithm 1 (include/ecogrid/draw.h): canonical frame, per-stratum seeds, frame hash."""
    h = hashlib.sha256(b"ecogrid-frame-v1\n")
    chosen = []
    for name, ids in strata:
        canon = sorted(ids, key=lambda s: s.encode())
        h.update(f"stratum {name}\n".encode())
        for x in canon:
            h.update(f"{x}\n".encode())
        chosen += [(name, canon[k - 1]) for k in sampler(f"{seed}/{name}", quotas[name], len(canon))]
    return h.hexdigest(), chosen


KEY = [f"E{i:02d}" for i in range(1, 12)]       # 11 key objects
GENERAL = ["G甲", "G乙", "G丙", "G丁"]
FRAME = "stratum,id\n" + "".join(f"key,{x}\n" for x in reversed(KEY)) + "".join(f"general,{x}\n" for x in GENERAL)
SEED = "2026-11-24 沪深300 收盘 3921.07"


class DrawTest(ToolCase):
    def setUp(self):
        super().setUp()
        self.run_tool("init")
        self.frame = self.write("frame.csv", FRAME)
        self.ins = self.write("ins.csv", "inspector\n张\n王\n李\n赵\n")
        # 王 has a conflict of interest with every key object (回避).
        self.conf = self.write("conf.csv", "inspector,object\n" + "".join(f"王,{x}\n" for x in KEY))

    def draw(self, name, quotas, *extra):
        q = self.write(name + "-q.csv", "stratum,quota\n" + "".join(f"{k},{v}\n" for k, v in quotas.items()))
        out = self.run_tool("draw", "run", name, "--seed", SEED, "--frame", self.frame, "--quotas", q,
                            "--format", "json", *extra).stdout
        return json.loads(out)

    def test_dg_8_quotas_and_sampler_compatible_selection(self):
        # DG-8: city >= 10 % of 11 key objects -> ceil(1.1) = 2; town >= 25 % -> ceil(2.75) = 3.
        doc = self.draw("city", {"key": "DG-8-city", "general": 2})
        self.assertEqual([(s["name"], s["size"], s["quota"], s["quota_rule"]) for s in doc["strata"]],
                         [("key", 11, 2, "DG-8-city"), ("general", 4, 2, None)])
        town = self.draw("town", {"key": "DG-8-town", "general": 0})
        self.assertEqual(town["strata"][0]["quota"], 3)
        # The selection and the frame hash follow the published algorithm exactly.
        fh, chosen = expected_draw(SEED, [("key", KEY), ("general", GENERAL)], {"key": 2, "general": 2})
        self.assertEqual(doc["frame_hash"], fh)
        self.assertEqual([(s["stratum"], s["id"]) for s in doc["selected"]], chosen)
        self.assertEqual(doc["algorithm"], 1)

    def test_double_random_pairing_skips_conflicts(self):
        doc = self.draw("paired", {"key": 4, "general": 2}, "--inspectors", self.ins, "--conflicts", self.conf,
                        "--per-object", "2")
        for s in doc["selected"]:
            self.assertEqual(len(set(s["inspectors"])), 2)
            if s["stratum"] == "key":
                self.assertNotIn("王", s["inspectors"])  # 回避
        for skip in doc["skips"]:
            self.assertEqual(skip["inspector"], "王")
            self.assertIn(skip["object"], KEY)
        # Published record -> verify from the same inputs, no workspace needed.
        rec = self.write("rec.json", json.dumps(doc, ensure_ascii=False))
        out = self.run_tool("verify", rec, "--frame", self.frame, "--inspectors", self.ins, "--conflicts", self.conf,
                            db=False).stdout
        self.assertIn("可由公布的种子和名录复现", out)
        # The same record is kept in the workspace.
        shown = json.loads(self.run_tool("draw", "show", "paired", "--format", "json").stdout)
        self.assertEqual(shown, doc)
        self.assertIn("paired\t", self.run_tool("draw", "list").stdout)

    def test_a_conflict_outside_the_draw_is_refused_cj_a1_11(self):
        """回避 (CJ-A1-11): a conflict must name a listed inspector and an object of the frame; a misspelt name
        would leave the real conflict unapplied. Refused in both languages, the workspace unchanged."""
        self.draw("kept", {"key": 1, "general": 1})
        before = self.digest()
        q = self.write("q.csv", "stratum,quota\nkey,4\ngeneral,2\n")
        cases = [
            ("王,E01\n王五,E02\n",
             "inspector pairing: conflict 王五, E02: 王五 is not in the inspector list; a misspelt name would leave the "
             "conflict unapplied (回避, CJ-A1-11)",
             "检查人员配对：回避关系 王五、E02：王五 不在检查人员名单中；名字写错会使这条回避不起作用（回避，CJ-A1-11）"),
            ("王,E1\n",
             "inspector pairing: conflict 王, E1: E1 is not in the frame; a misspelt ID would leave the conflict unapplied "
             "(回避, CJ-A1-11)",
             "检查人员配对：回避关系 王、E1：E1 不在抽查名录中；编号写错会使这条回避不起作用（回避，CJ-A1-11）"),
        ]
        for rows, en, zh in cases:
            conf = self.write("bad-conf.csv", "inspector,object\n" + rows)
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(rows=rows, lang=lang):
                    err = self.run_tool("draw", "run", "x", "--seed", SEED, "--frame", self.frame, "--quotas", q,
                                        "--inspectors", self.ins, "--conflicts", conf, "--per-object", "2", expect=1,
                                        lang=lang).stderr
                    self.assertIn(needle, err)
                    self.assertEqual(self.digest(), before)
        self.assertNotIn("x\t", self.run_tool("draw", "list").stdout)
        # Every conflict of the file names a listed inspector and a frame object, drawn or not: accepted.
        doc = self.draw("ok", {"key": 4, "general": 2}, "--inspectors", self.ins, "--conflicts", self.conf,
                        "--per-object", "2")
        self.assertEqual(len(doc["selected"]), 6)

    def test_verify_detects_a_changed_frame_or_selection(self):
        doc = self.draw("d1", {"key": 2, "general": 1})
        rec = self.write("rec.json", json.dumps(doc, ensure_ascii=False))
        other = self.write("frame2.csv", FRAME.replace("E05", "E55"))
        out = self.run_tool("--lang", "en", "verify", rec, "--frame", other, db=False, expect=1)
        self.assertIn("frame hash", out.stdout)
        self.assertIn("DIFFERS", out.stdout)
        doc["selected"][0]["id"] = "E99"
        rec2 = self.write("rec2.json", json.dumps(doc, ensure_ascii=False))
        err = self.run_tool("verify", rec2, "--frame", self.frame, db=False, expect=1, lang="zh").stderr
        self.assertIn("公布为 E99", err)

    def test_bad_draw_inputs_change_nothing(self):
        self.draw("kept", {"key": 1, "general": 1})
        before = self.digest()
        q = self.write("q.csv", "stratum,quota\nkey,1\ngeneral,1\n")
        cases = [
            (("draw", "run", "kept", "--seed", SEED, "--frame", self.frame, "--quotas", q), "never replaced"),
            (("draw", "run", "x", "--seed", SEED, "--frame", self.frame,
              "--quotas", self.write("q2.csv", "stratum,quota\nkey,12\ngeneral,1\n")), "larger than stratum key (11 objects)"),
            (("draw", "run", "x", "--seed", SEED, "--frame", self.frame,
              "--quotas", self.write("q3.csv", "stratum,quota\nkey,1\n")), "no quota for stratum general"),
            (("draw", "run", "x", "--seed", SEED, "--frame", self.frame,
              "--quotas", self.write("q4.csv", "stratum,quota\nkey,1\nother,1\n")), "stratum other is not in the frame"),
            (("draw", "run", "x", "--seed", SEED, "--frame", self.write("dup.csv", FRAME + "key,E01\n"), "--quotas", q),
             "E01"),
            (("draw", "run", "x", "--seed", SEED, "--frame", self.frame, "--quotas", q, "--inspectors", self.ins,
              "--conflicts", self.write("c.csv", "inspector,object\n" + "".join(f"{p},{x}\n" for p in "张王李赵" for x in KEY)),
              "--per-object", "1"), "inspector pairing"),
        ]
        for args, needle in cases:
            with self.subTest(needle=needle):
                err = self.run_tool(*args, expect=1).stderr
                self.assertIn(needle, err)
                self.assertEqual(self.digest(), before)
        # A bad command line (an option's value, a missing option, options that need each other) is a usage
        # error: exit 2, nothing changed.
        usage = [
            (("draw", "run", "x", "--frame", self.frame, "--quotas", q),
             "draw run: usage: ecogrid draw run ID --seed SEED --frame FRAME.csv --quotas QUOTAS.csv"),
            (("draw", "run", "x", "--seed", SEED, "--frame", self.frame, "--quotas", q, "--per-object", "2"),
             "draw run: --per-object needs --inspectors"),
            (("draw", "run", "x", "--seed", SEED, "--frame", self.frame, "--quotas", q, "--inspectors", self.ins),
             "draw run: --inspectors and --conflicts need --per-object N"),
            (("draw", "run", "x", "--seed", SEED, "--frame", self.frame, "--quotas", q, "--format", "xml"),
             "draw run: --format must be text or json, not xml"),
            (("draw", "run", "x", "--seed", SEED, "--frame", self.frame, "--quotas", q, "--bogus", "1"),
             "draw run: unknown option --bogus"),
            (("draw", "show"), "draw show: which draw? (ecogrid draw show ID)"),
            (("draw", "list", "--format", "csv"), "draw list: --format must be text or json, not csv"),
        ]
        for per in ("0", "101", "-1", "2x", "", "99999999999999999999", "18446744073709551617"):
            usage.append((("draw", "run", "x", "--seed", SEED, "--frame", self.frame, "--quotas", q, "--inspectors",
                           self.ins, "--per-object", per),
                          "draw run: --per-object must be a whole number from 1 to 100, not " + per))
        for args, needle in usage:
            with self.subTest(needle=needle):
                err = self.run_tool(*args, expect=2).stderr
                self.assertIn(needle, err)
                self.assertEqual(self.digest(), before)
        zh = self.run_tool("draw", "run", "x", "--seed", SEED, "--frame", self.frame, "--quotas", q, "--inspectors",
                           self.ins, "--per-object", "99999999999999999999", expect=2, lang="zh").stderr
        self.assertIn("draw run：--per-object 须为 1 至 100 的整数，不能是 99999999999999999999", zh)
        more = [
            (("--frame", self.write("f1.csv", "stratum,id\nkey,\n")), "line 2: stratum and id must not be empty"),
            (("--frame", self.write("f2.csv", "stratum,id\n")), "the frame is empty"),
            (("--quotas", self.write("q5.csv", "stratum,quota\nkey,1\nkey,2\ngeneral,1\n")), "line 3: stratum key has a quota already"),
            (("--quotas", self.write("q6.csv", "stratum,quota\nkey,some\ngeneral,1\n")),
             "quota must be a number >= 0, DG-8-city or DG-8-town, not \"some\""),
            (("--per-object", "1", "--inspectors", self.write("i2.csv", "inspector\n张\n李,王\n")), "line 3: 2 fields, expected 1"),
            (("--per-object", "1", "--inspectors", self.ins, "--conflicts", self.write("c2.csv", "inspector,object\n张,\n")),
             "line 2: inspector and object must not be empty"),
        ]
        for extra, needle in more:
            with self.subTest(needle=needle):
                args = {"--frame": self.frame, "--quotas": q}
                rest = []
                for k in range(0, len(extra), 2):
                    if extra[k] in args:
                        args[extra[k]] = extra[k + 1]
                    else:
                        rest += [extra[k], extra[k + 1]]
                err = self.run_tool("draw", "run", "y", "--seed", SEED, "--frame", args["--frame"], "--quotas",
                                    args["--quotas"], *rest, expect=1).stderr
                self.assertIn(needle, err)
                self.assertEqual(self.digest(), before)
        self.assertIn("no draw nope", self.run_tool("draw", "show", "nope", expect=1).stderr)

    def test_verify_refuses_what_is_not_a_published_record(self):
        paired = self.draw("p", {"key": 2, "general": 1}, "--inspectors", self.ins, "--per-object", "1")
        plain = self.draw("q", {"key": 2, "general": 1})

        def verify(doc, frame=None, *extra):
            rec = self.write("r.json", doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False))
            return self.run_tool("verify", rec, "--frame", frame or self.frame, *extra, db=False, expect=1).stderr

        self.assertIn("r.json: line 1:", verify("{not json"))
        self.assertIn("r.json: record.extra: unknown key", verify(dict(plain, extra=1)))
        self.assertIn("r.json: record: \"skips\" is missing", verify({k: v for k, v in plain.items() if k != "skips"}))
        self.assertIn("rule must be", verify(dict(plain, rule="random")))
        self.assertIn("strata[0].quota_rule must be DG-8-city", verify(dict(plain, strata=[
            dict(plain["strata"][0], quota_rule="DG-9"), plain["strata"][1]])))
        self.assertIn("the record pairs inspectors; give --inspectors", verify(paired))
        bad_quota = dict(plain, strata=[dict(plain["strata"][0], quota=-1), plain["strata"][1]])
        self.assertIn("strata[0]: name a string, size and quota integers >= 0", verify(bad_quota))
        self.assertIn("draw verify: usage: ecogrid verify RECORD.json --frame FRAME.csv",
                      self.run_tool("verify", self.write("x.json", "{}"), db=False, expect=2).stderr)

    def test_verify_checks_every_field(self):
        """Each field of a published record changed on its own fails its own check (the library decides)."""
        paired = self.draw("p", {"key": "DG-8-city", "general": 1}, "--inspectors", self.ins, "--conflicts", self.conf,
                           "--per-object", "1")
        plain = self.draw("q", {"key": 2, "general": 1})
        self.assertEqual(paired["strata"][0]["quota"], 2)  # DG-8 city: ceil(11 x 10 %) = ceil(1.1) = 2

        def verify(doc, *extra, frame=None, expect=1):
            rec = self.write("r.json", json.dumps(doc, ensure_ascii=False))
            return self.run_tool("--lang", "en", "verify", rec, "--frame", frame or self.frame, *extra, db=False,
                                 expect=expect)

        people = ("--inspectors", self.ins, "--conflicts", self.conf)
        self.assertIn("reproduced", verify(paired, *people, expect=0).stdout)
        cases = [
            (dict(plain, algorithm=2), (), "algorithm: DIFFERS", "algorithm: published 2"),
            # The frame has 11 key objects; the record says 12 (a stratum's size was ignored before).
            (dict(plain, strata=[dict(plain["strata"][0], size=12), plain["strata"][1]]), (), "stratum sizes: DIFFERS",
             "size: published 12, the frame has 11"),
            # DG-8 city on 11 objects gives 2, not 1 (the quota rule was ignored before); the published
            # selection is then not what quota 1 draws either.
            (dict(paired, strata=[dict(paired["strata"][0], quota=1), paired["strata"][1]], selected=[
                x for x in paired["selected"] if x["id"] != paired["selected"][1]["id"]]), people,
             "quotas and their rules (DG-8): DIFFERS", "quota: published 1, its rule gives 2"),
            (dict(plain, strata=list(reversed(plain["strata"]))), (), "strata: DIFFERS", "not in the frame's order"),
            (dict(plain, selected=[dict(plain["selected"][0], stratum="general")] + plain["selected"][1:]), (),
             "selected objects: DIFFERS", "selected: published"),
            (dict(plain, inspectors_hash="0" * 64), (), "inspector list and conflicts: DIFFERS", "pairs none"),
            (dict(paired, inspectors_hash="0" * 64), people, "inspector list and conflicts: DIFFERS",
             "inspector list hash: published 0000"),
            (dict(paired, selected=[dict(paired["selected"][0], inspectors=["某人"])] + paired["selected"][1:]), people,
             "inspector pairing: DIFFERS", "inspector pairing: published 某人"),
            (dict(paired, skips=paired["skips"] + [{"inspector": "王", "object": "E01"}]), people,
             "conflict skips: DIFFERS", "skips:"),
        ]
        for doc, extra, line, detail in cases:
            with self.subTest(line=line):
                out = verify(doc, *extra)
                self.assertIn(line, out.stdout)
                self.assertIn(detail, out.stderr)
                self.assertIn("does not match the recomputed draw (checks failed: 1)", out.stderr)
        one_stratum = self.write("one.csv", "stratum,id\n" + "".join(f"key,{x}\n" for x in KEY))
        out = verify(plain, frame=one_stratum)
        self.assertIn("strata: 2 published, 1 in the frame", out.stderr)
        # Other people than the published list: the hash differs, and so may the pairing.
        other = self.write("ins2.csv", "inspector\n张\n李\n")
        self.assertIn("inspector list and conflicts: DIFFERS", verify(paired, "--inspectors", other).stdout)

    def test_help_is_discoverable(self):
        for cmd in ("disclose", "ledger", "draw", "verify"):
            with self.subTest(cmd=cmd):
                self.assertIn("usage", self.run_tool("--lang", "en", "help", cmd, db=False).stdout)
                self.assertIn("用法", self.run_tool(cmd, "--help", db=False).stdout)
