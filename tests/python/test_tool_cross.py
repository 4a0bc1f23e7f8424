"""The same cases through the `ecogrid` tool and through Python give the same
answer: both only parse, call the library and print (issue 16, "Rules out of
the tool"). Skipped when the tool is not built (ECOGRID_TOOL unset)."""
import calendar
import json
import os
import subprocess
import tempfile
import unittest

import ecogrid

TOOL = os.environ.get("ECOGRID_TOOL")

HDR = "id,time,actor,reason,name,district,category,target,progress,quarter\n"
# JM-2.1.2: 2026Q3 is due on 2026-10-03, the whole day (R0.3).
ROWS = [
    ("E1", "2026-07-01 09:00", "蓬江区", "首次公开", {"name": "甲厂", "district": "蓬江区", "category": "造纸", "target": "治理"}),
    ("E1", "2026-10-03 23:59", "蓬江区", "季度更新", {"progress": "完成", "quarter": "2026Q3"}),   # on time
    ("E2", "2026-07-01 09:00", "新会区", "首次公开", {"name": "乙厂", "district": "新会区", "category": "陶瓷", "target": "脱硝"}),
    ("E2", "2026-10-04 00:00", "新会区", "季度更新", {"progress": "施工", "quarter": "2026Q3"}),   # 1 day late
    ("E3", "2026-10-03 23:59", "新会区", "首次公开", {"name": "丙厂", "district": "新会区", "category": "印染", "target": "收集"}),
    # listed on the deadline's last minute without a Q3 update: missing
    ("E4", "2026-10-04 00:00", "台山市", "首次公开", {"name": "丁厂", "district": "台山市", "category": "扬尘", "target": "覆盖"}),
    # listed one minute after the deadline's day: owed nothing (not_due), not listed by either
    ("E5", "2026-10-05 09:00", "台山市", "首次公开", {"name": "戊厂", "district": "台山市", "category": "扬尘", "target": "覆盖"}),
    ("E5", "2026-10-06 09:00", "台山市", "季度更新", {"progress": "完成", "quarter": "2026Q3"}),   # listed after, reports: late
]
COLS = ["name", "district", "category", "target", "progress", "quarter"]


@unittest.skipUnless(TOOL, "ECOGRID_TOOL is not set (tool not built)")
class ToolAndPythonAgree(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "ws.db")

    def tearDown(self):
        self.dir.cleanup()

    def tool(self, *args, expect=0):
        p = subprocess.run([TOOL, "--db", self.db, "--lang", "en", *args], capture_output=True, text=True,
                           cwd=self.dir.name)
        self.assertEqual(p.returncode, expect, p.stdout + p.stderr)
        return p

    def write(self, name, text):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return path

    def test_jm_2_1_2_update_status_same_through_tool_and_python(self):
        csv = HDR + "".join(",".join([rid, t, a, why] + [f.get(c, "") for c in COLS]) + "\n"
                            for rid, t, a, why, f in ROWS)
        self.tool("init", "--scheme", "jiangmen-2021")  # the JM-2.1.2 deadline is the workspace's scheme's
        self.tool("disclose", "import", self.write("d.csv", csv))
        doc = json.loads(self.tool("disclose", "status", "2026Q3", "--format", "json").stdout)
        by_tool = {r["id"]: (r["status"], r["late_days"]) for r in doc["records"]}

        d = ecogrid.DisclosureList()
        for rid, t, a, why, f in ROWS:
            d.put(rid, t, a, why, **f)
        by_python = {rid: d.update_status(rid, 2026, 3) for rid in d.ids()}
        # E4 is not on the list at the deadline: the library says not_due, and the tool leaves it out.
        self.assertEqual(by_python.pop("E4"), ("not_due", 0))
        self.assertEqual(by_tool, by_python)
        self.assertEqual(by_tool, {"E1": ("on_time", 0), "E2": ("late", 1), "E3": ("missing", 0),
                                   "E5": ("late", 3)})
        # JM-2.2 (2) occurrences per district: the same in both.
        occ = {x["district"]: x["occurrences"] for x in doc["districts"]}
        late = d.late_updates(2026, 3)
        self.assertEqual({k: len(v) for k, v in late.items()}, {k: v for k, v in occ.items() if v})

    def test_draw_inspector_hash_and_record_check_same_through_tool_and_python(self):
        frame = {"key": ["K%02d" % i for i in range(1, 12)], "general": ["G1", "G2", "G3", "G4"]}
        frame_csv = "stratum,id\n" + "".join("%s,%s\n" % (s, x) for s in frame for x in frame[s])
        inspectors = ["张", "李", "王", "赵"]
        conflicts = [("王", "K01"), ("王", "K02"), ("张", "G1")]
        self.tool("init")
        paths = (self.write("f.csv", frame_csv), self.write("q.csv", "stratum,quota\nkey,DG-8-city\ngeneral,2\n"),
                 self.write("i.csv", "inspector\n" + "".join(x + "\n" for x in inspectors)),
                 self.write("c.csv", "inspector,object\n" + "".join("%s,%s\n" % c for c in conflicts)))
        rec = json.loads(self.tool("draw", "run", "D1", "--seed", "2026-11-24 收盘 3921.07", "--frame", paths[0],
                                   "--quotas", paths[1], "--inspectors", paths[2], "--conflicts", paths[3],
                                   "--per-object", "2", "--format", "json").stdout)
        self.assertEqual(rec["inspectors_hash"], ecogrid.inspectors_hash(reversed(inspectors), conflicts[::-1]))
        self.assertEqual(ecogrid.check_record(rec, frame, inspectors, conflicts), (set(), ""))
        # A changed published size and a wrong DG-8 quota: the same checks fail in both.
        bad = dict(rec, strata=[dict(rec["strata"][0], size=12, quota=1), rec["strata"][1]])
        failed, detail = ecogrid.check_record(bad, frame, inspectors, conflicts)
        self.assertTrue({"sizes", "quotas", "selection"} <= failed, failed)
        out = self.tool("verify", self.write("bad.json", json.dumps(bad, ensure_ascii=False)), "--frame", paths[0],
                        "--inspectors", paths[2], "--conflicts", paths[3], expect=1)
        tool_failed = {line.split(":")[0] for line in out.stdout.splitlines() if line.endswith("DIFFERS")}
        names = {"algorithm": "algorithm", "frame_hash": "frame hash", "strata": "strata", "sizes": "stratum sizes",
                 "quotas": "quotas and their rules (DG-8)", "selection": "selected objects",
                 "inspectors_hash": "inspector list and conflicts", "pairing": "inspector pairing",
                 "skips": "conflict skips"}
        self.assertEqual(tool_failed, {names[n] for n in failed})
        self.assertEqual(out.stderr.splitlines()[:-1], detail.splitlines())

    def test_month_cycle_same_through_tool_and_python(self):
        """Three months of four counties through `month import|run` and `report --format json`, and the
        same inputs through the binding's RuleSet.score (CJ-A2), composite_index / improvement_rate /
        rank (CJ-A3-3, CJ-A3-5) and the three ladders stepped month by month (CJ-A2-7.3 fed by item 4,
        CJ-A2-7.1 by the failing grade, CJ-A3-4 by the rank with the target flag): every score, grade,
        fail reason, index, rate, rank and ladder action is the same."""
        units = ["A", "B", "C", "D"]
        grid = "code,parent_code,level,name\nP,,1,州\n" + "".join("%s,P,2,%s县\n" % (u, u) for u in units)
        air = {"so2": 24, "no2": 16, "pm10": 28, "pm25": 14, "co": 1.6, "o3": 64}
        # Item 4 counts: A keeps >= 10 % of the problems every month (7.3 escalates), D's 80 problems
        # D fails all three months (CJ-A2-6.3 forced: three running, CJ-A2-7.1); B and C tie on the rate in
        # 2026-09 (competition ranks "1124").
        counts = {"2026-08": [12, 34, 34, 0], "2026-09": [20, 10, 10, 80], "2026-10": [15, 5, 0, 80]}
        factors = {"2026-08": [0.90, 0.92, 0.94, 0.96], "2026-09": [0.95, 0.91, 0.91, 0.99],
                   "2026-10": [1.02, 0.90, 0.97, 0.93]}
        forced = {"2026-08": {"D"}, "2026-09": {"D"}, "2026-10": {"D"}}
        missed = {"2026-08": {"D"}, "2026-09": {"D"}, "2026-10": {"A", "D"}}
        docs = {}
        for m in counts:
            docs[m] = {"units": {u: {"assessment": {"items": {"4": counts[m][i]}},
                                     "air": {k: round(v * factors[m][i], 4) for k, v in air.items()}, "air_ref": 4.0,
                                     "air_target_missed": u in missed[m]}
                                 for i, u in enumerate(units)}}
            for u in forced.get(m, ()):
                docs[m]["units"][u]["assessment"]["forced_fail"] = ["CJ-A2-6.3"]
        self.tool("init")
        self.tool("grid", "import", self.write("g.csv", grid))
        by_tool = {}
        for m, doc in docs.items():
            self.tool("month", "import", m, self.write(m + ".json", json.dumps(doc)))
            self.tool("month", "run", m)
            rep = json.loads(self.tool("report", m, "--format", "json").stdout)
            by_tool[m] = {u: (r["score"], r["grade"], tuple(r["fail_reasons"]), r["air"]["reported"],
                              r["air"]["rate_percent"], r["air"]["rank"],
                              {lad: (a["action"], tuple(c["rule"] for c in a["clauses"]))
                               for lad, a in r["actions"].items()})
                          for u, r in rep["units"].items()}

        ladders = {name: ecogrid.Ladder.preset(name) for name in ("CJ-A2-7.3", "CJ-A2-7.1", "CJ-A3-4")}
        states = {name: lad.state() for name, lad in ladders.items()}
        by_python = {}
        for m, doc in docs.items():
            last_day = "%s-%02d" % (m, calendar.monthrange(int(m[:4]), int(m[5:]))[1])  # the tool takes the month's last day
            rs = ecogrid.RuleSet.for_date(last_day, family="changji")
            prof = ecogrid.airq.Profile.for_date(last_day)
            res = {u: rs.score(d["assessment"], period=m) for u, d in doc["units"].items()}
            ix = {u: ecogrid.airq.composite_index(d["air"], prof) for u, d in doc["units"].items()}
            rates = {u: ecogrid.airq.improvement_rate(ix[u].index, d["air_ref"]) for u, d in doc["units"].items()}
            ranks = dict(zip(units, ecogrid.airq.rank([rates[u] for u in units], order="descending", decimals=3)))
            flags = {u: d["air_target_missed"] for u, d in doc["units"].items()}
            out = {"CJ-A2-7.3": states["CJ-A2-7.3"].step(m, {u: d["assessment"]["items"]["4"]
                                                             for u, d in doc["units"].items()}),
                   "CJ-A2-7.1": states["CJ-A2-7.1"].step(m, {u: res[u].grade == "fail" for u in units}),
                   "CJ-A3-4": states["CJ-A3-4"].step(m, ranks, flags)}
            by_python[m] = {u: (res[u].score, res[u].grade, res[u].fail_reasons, ix[u].reported,
                                ecogrid.airq.round_report(rates[u] * 100, 1), ranks[u],
                                {lad: (o[u].action, tuple(c.rule for c in o[u].clauses)) for lad, o in out.items()})
                            for u in units}
        self.assertEqual(by_tool, by_python)
        # The case does what its comment says (so that the comparison covers escalation, failing and ties).
        self.assertEqual(by_tool["2026-10"]["A"][6]["CJ-A2-7.3"][0], "accountability")  # 3 months >= 10 %
        self.assertEqual([by_tool[m]["D"][6]["CJ-A2-7.1"][0] for m in counts], ["none", "none", "special_inspection"])
        self.assertEqual((by_tool["2026-09"]["B"][5], by_tool["2026-09"]["C"][5]), (1, 1))  # tie: both first


if __name__ == "__main__":
    unittest.main()
