"""The tool's part of the bad-input catalogue (docs/bad-input.md, section
"The ecogrid tool"), executed: each row runs the `ecogrid` command on a
hand-made input and checks the exit status and a piece of the message; the
test fails when a row behaves otherwise or when the section of the file is
not what the rows render. After changing a row, regenerate it with

    ECOGRID_TOOL=$PWD/build/tools/ecogrid/ecogrid python3 tests/tool/test_bad_input.py --write docs/bad-input.md

Every row also checks that the workspace is unchanged (byte for byte)
whenever the command failed.
"""
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ.get("ECOGRID_TOOL")
DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "bad-input.md")
MARK = "\n## The ecogrid tool\n"

GRID = "code,parent_code,level,name\nP,,1,州\nA,P,2,甲县\nB,P,2,乙县\n"
AIR = {"so2": 24, "no2": 16, "pm10": 28, "pm25": 14, "co": 1.6, "o3": 64}


def month(units):
    return json.dumps({"units": units}, ensure_ascii=False)


def unit(n4=3, air=True):
    u = {"assessment": {"items": {"4": n4}}}
    if air:
        u["air"] = dict(AIR)
        u["air_ref"] = 4.0
    return u


FULL = month({"A": unit(3), "B": unit(5)})
DHDR = "id,time,actor,reason,name,district,category,target,progress,quarter\n"
LHDR = "id,time,actor,action,lead_unit,target,deadline,reason,principal,signed_on,acceptance,notice_from,notice_to\n"
FRAME = "stratum,id\nkey,E1\nkey,E2\nkey,E3\n"
MHDR = ("unit,name,item1,item2,item3,item4,item5,item6,item7,item7_adverse,bonus,media,forced_fail,so2,no2,pm10,pm25,co,o3,"
        "air_ref,air_target_missed,air_station\n")
DUTYHDR = "type,kind,actor,time,end,period,id,ref,subject,tags,covers,rule,reason,approver\n"


def foreign_sqlite():
    """The bytes of another program's SQLite file (one table, one row)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "other.db")
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE notes(x TEXT)")
        con.execute("INSERT INTO notes VALUES ('会议记录')")
        con.commit()
        con.close()
        with open(path, "rb") as fh:
            return fh.read()


def mrow(u, n4):
    """A row of the month CSV (`ecogrid template month`): item 4 and the six air statistics."""
    return "%s,%s,,,,%s,,,,,,,,24,16,28,14,1.6,64,4,,\n" % (u, "甲县" if u == "A" else "乙县", n4)

# (input, command, files, extra setup commands, exit status, message mentions)
# Commands run in a workspace with the grid P > A 甲县, B 乙县 and 2026-09 imported and run
# (both units complete), unless the setup says more. Files are written first.
ROWS = [
    ("workspace", [
        ("an empty (0-byte) file as the workspace", "--db e.db status", {"e.db": ""}, [], 1,
         "workspace e.db is empty; run `ecogrid init` first"),
        ("another program's SQLite file as the workspace", "--db other.db init", {"other.db": foreign_sqlite()}, [], 1,
         "other.db is not an ecogrid workspace (an SQLite database with other tables); nothing was changed"),
    ]),
    ("grid", [
        ("node name with a bidi override", "grid import g.csv", {"g.csv": GRID + "C,P,2,\u202e县丙\n"}, [], 1,
         "g.csv: node C: name: U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("staff row with a NUL", "grid staff s.csv", {"s.csv": "node,role,person,detail,covers\nA,head,甲\0乙,,\n"}, [], 1,
         "s.csv: line 2: person: control character U+0000 (NUL)"),
        ("unknown staff role", "grid staff s.csv", {"s.csv": "node,role,person,detail,covers\nA,boss,甲,,\n"}, [], 1,
         "role must be head, subhead or supervisor"),
        ("a code twice", "grid import g.csv", {"g.csv": GRID + "A,P,2,丙县\n"}, [], 1, "g.csv: line 5: code A duplicates line 3"),
        ("a parent not in the file", "grid import g.csv", {"g.csv": GRID + "C,Q,2,丙县\n"}, [], 1,
         "g.csv: line 5: parent Q of C not found"),
    ]),
    ("month import", [
        ("month with a sign (2026-+9)", "month import 2026-+9 m.json", {"m.json": FULL}, [], 1,
         "\"2026-+9\" is not a month YYYY-MM"),
        ("month without its leading zero", "month import 2026-9 m.json", {"m.json": FULL}, [], 1, "is not a month"),
        ("not JSON", "month import 2026-10 m.json", {"m.json": "{\"units\": "}, [], 1, "m.json: line 1"),
        ("number too large for JSON (1e400)", "month import 2026-10 m.json", {"m.json": "{\"units\": {\"A\": {\"air_ref\": 1e400}}}"},
         [], 1, "m.json: line 1"),
        ("unit not in the grid", "month import 2026-10 m.json", {"m.json": month({"Z": unit()})}, [], 1,
         "units.Z: unknown unit"),
        ("unknown key", "month import 2026-10 m.json", {"m.json": month({"A": {"airq": {}}})}, [], 1,
         "units.A.airq: unknown key"),
        ("statistic a run would refuse (1e308)", "month import 2026-10 m.json",
         {"m.json": month({"A": dict(unit(), air=dict(AIR, so2=1e308))})}, [], 1,
         "units.A.air: SO2 statistic 1e+308 is implausibly large"),
        ("reference index that overflows the rate", "month import 2026-10 m.json",
         {"m.json": month({"A": dict(unit(), air_ref=1e-320)})}, [], 1, "units.A.air_ref: improvement rate: index"),
        ("rate too large to rank (CJ-A3-5)", "month import 2026-10 m.json",
         {"m.json": month({"A": dict(unit(), air_ref=1e-300)})}, [], 1, "units.A.air_ref: the improvement rate"),
        ("count above the rule set's range", "month import 2026-10 m.json",
         {"m.json": month({"A": {"assessment": {"items": {"4": 10 ** 7}}}})}, [], 1, "units.A.assessment.items.4"),
        ("no station, yet air data", "month import 2026-10 m.json",
         {"m.json": month({"A": dict(unit(), air_station=False)})}, [], 1, "\"air_station\": false"),
        ("control character in a JSON string", "month import 2026-10 m.json",
         {"m.json": month({"A": {"assessment": {"forced_fail": ["CJ-A2-6.3\u0007"]}}})}, [], 1,
         "units.A.assessment.forced_fail[0]: control character U+0007 (BEL)"),
        ("count not a whole number (CSV)", "month import 2026-10 m.csv", {"m.csv": MHDR + mrow("A", "x")}, [], 1,
         "m.csv: line 2: item4 must be a whole number from 0 to 1000000, not \"x\""),
        ("count too large for any integer type (CSV)", "month import 2026-10 m.csv",
         {"m.csv": MHDR + mrow("A", "99999999999999999999")}, [], 1, "not \"99999999999999999999\""),
        ("statistic out of the column's range (CSV, 1e308)", "month import 2026-10 m.csv",
         {"m.csv": MHDR + mrow("A", "3").replace(",24,", ",1e308,")}, [], 1,
         "m.csv: line 2: so2 \"1e308\" is out of range: the column takes numbers from 0 to 1000000000"),
        ("a unit on two rows (CSV)", "month import 2026-10 m.csv", {"m.csv": MHDR + mrow("A", "1") + mrow("A", "2")}, [],
         1, "m.csv: line 3: unit A is on line 2 already"),
        ("bytes that are not UTF-8, --encoding utf-8 (CSV)", "month import 2026-10 m.csv --encoding utf-8",
         {"m.csv": (MHDR + mrow("A", "1")).encode("utf-8").replace("甲县".encode("utf-8"), b"\xff\xfe")}, [], 1,
         "m.csv: line 2 is not valid UTF-8"),
    ]),
    ("month run", [
        ("a unit without inputs", "month run 2026-10", {"m.json": month({"A": unit()})},
         ["month import 2026-10 m.json"], 1, "B 乙县: all inputs"),
        ("a unit without its air block", "month run 2026-10", {"m.json": month({"A": unit(), "B": unit(air=False)})},
         ["month import 2026-10 m.json"], 1, "B 乙县: air quality (CJ-A3)"),
        ("a month missing before it", "month run 2026-11", {"m.json": FULL}, ["month import 2026-11 m.json"], 1,
         "2026-10: not imported (the ladders look back on it, R0.4)"),
        ("the month before imported, not run", "month run 2026-11", {"m.json": FULL},
         ["month import 2026-10 m.json", "month import 2026-11 m.json"], 1, "2026-10 is imported but not run"),
        ("the month before stale", "month run 2026-10", {"m.json": FULL, "c.json": month({"A": unit(0), "B": unit(5)})},
         ["month import 2026-10 m.json", "month import 2026-09 c.json"], 1, "2026-09 is stale"),
        ("a unit no longer in the grid", "month run 2026-09", {"g.csv": GRID.replace("B,P,2,乙县\n", "")},
         ["grid import g.csv"], 1, "unit B, which is no longer a level-2 unit of the grid"),
        ("no inputs", "month run 2026-12", {}, [], 1, "no inputs for 2026-12"),
        ("a month and --from", "month run 2026-10 --from 2026-09", {}, [], 1, "give a month, or --from a month"),
        ("nothing to drop", "month drop 2026-12", {}, [], 1, "the workspace has nothing for 2026-12"),
    ]),
    ("report", [
        ("stale month", "report 2026-09", {"c.json": month({"A": unit(0), "B": unit(5)})},
         ["month import 2026-09 c.json"], 1, "the results of 2026-09 are stale"),
        ("month not run", "report 2026-10", {}, [], 1, "no results for 2026-10"),
        ("--output onto the workspace", "report 2026-09 --output ws.db --force", {}, [], 1, "is the workspace itself"),
        ("--output onto a file not written by ecogrid", "report 2026-09 --output notes.txt", {"notes.txt": "会议记录\n"},
         [], 1, "is not an unchanged earlier output of ecogrid"),
        ("--output into a missing directory", "report 2026-09 --output nodir/b.html", {}, [], 1, "cannot write nodir/b.html"),
        ("a half-year of a scheme without one", "report 2026-H1", {}, [], 1,
         "the workspace's scheme changji-2023 has no half-year totals (JM-2.2.1)"),
        ("a period that is not one", "report 2026-H3", {}, [], 1,
         'period "2026-H3" is not YYYY-H1, YYYY-H2 or YYYY (JM-2.2.1)'),
        ("a half-year outside the scheme's dates", "report 2022-H1", {}, ["init --scheme jiangmen-2021"], 1,
         "2022-01-01 to 2022-06-30 is outside the validity of the workspace's scheme jiangmen-2021"),
        ("a year with no month imported", "report 2021", {}, ["init --scheme jiangmen-2021"], 1,
         "no month of 2021 (2021-01 to 2021-12) has been imported"),
        ("unknown format", "status --format xml", {}, [], 2, "--format must be text or json"),
    ]),
    ("records", [
        ("NUL in a field", "disclose import d.csv", {"d.csv": DHDR + "E1,2026-07-01 09:00,a,b,厂\0名,区,类,目标,进展,\n"},
         [], 1, "d.csv: line 2: name: control character U+0000 (NUL)"),
        ("bidi isolate in a field", "disclose import d.csv",
         {"d.csv": DHDR + "E1,2026-07-01 09:00,a,b,厂\u2067名,区,类,目标,进展,\n"}, [], 1, "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
        ("bad quarter", "disclose import d.csv", {"d.csv": DHDR + "E1,2026-07-01 09:00,a,b,厂,区,类,目标,进展,2026Q5\n"},
         [], 1, "quarter \"2026Q5\" must be YYYYQ1 to YYYYQ4"),
        ("header not the format's", "ledger import l.csv", {"l.csv": "id,time\nP1,2026-01-01 00:00\n"}, [], 1,
         "line 1: column actor (填报人) is missing"),
        ("CR inside a quoted field", "ledger import l.csv",
         {"l.csv": LHDR + "P1,2026-01-05 10:00,办,open,县政府,\"目标\r伪造\",2026-06-30,,,,,,\n"}, [], 1,
         "target: control character U+000D (CR)"),
    ]),
    ("duty", [
        ("unknown record type", "duty import d.csv", {"d.csv": DUTYHDR + "bogus,x,甲,2026-10-01 09:00,,,,,,,,,,\n"}, [], 1,
         "d.csv: line 2: type must be done, exception, conflict, member, holiday, workday or year, not \"bogus\""),
        ("a time that is not a date", "duty import d.csv", {"d.csv": DUTYHDR + "done,CJ-A2-5.1,甲,2026-13-01 09:00,,,,,,,,,,\n"},
         [], 1, "record time \"2026-13-01 09:00\" is not YYYY-MM-DD or YYYY-MM-DD HH:MM"),
    ]),
    ("draw", [
        ("quota larger than its stratum", "draw run D1 --seed s --frame f.csv --quotas q.csv",
         {"f.csv": FRAME, "q.csv": "stratum,quota\nkey,4\n"}, [], 1, "quota 4 is larger than stratum key (3 objects)"),
        ("seed with a bidi override", "draw run D1 --seed s\u202d --frame f.csv --quotas q.csv",
         {"f.csv": FRAME, "q.csv": "stratum,quota\nkey,1\n"}, [], 1, "draw run: --seed: U+202D"),
        ("frame ID with a NUL", "draw run D1 --seed s --frame f.csv --quotas q.csv",
         {"f.csv": "stratum,id\nkey,E1\0x\n", "q.csv": "stratum,quota\nkey,1\n"}, [], 1, "f.csv: line 2: id: control character U+0000"),
        ("frame ID twice", "draw run D1 --seed s --frame f.csv --quotas q.csv",
         {"f.csv": FRAME + "key,E1\n", "q.csv": "stratum,quota\nkey,1\n"}, [], 1, "stratum key: object E1 is listed twice"),
        ("inspector name with a BEL", "draw run D1 --seed s --frame f.csv --quotas q.csv --inspectors i.csv --per-object 1",
         {"f.csv": FRAME, "q.csv": "stratum,quota\nkey,1\n", "i.csv": "inspector\n张\a三\n李\n"}, [], 1,
         "i.csv: line 2: inspector: control character U+0007 (BEL)"),
        ("inspector listed twice", "draw run D1 --seed s --frame f.csv --quotas q.csv --inspectors i.csv --per-object 1",
         {"f.csv": FRAME, "q.csv": "stratum,quota\nkey,1\n", "i.csv": "inspector\n张\n张\n"}, [], 1,
         "inspector 张 is listed twice"),
        ("fewer inspectors than --per-object", "draw run D1 --seed s --frame f.csv --quotas q.csv --inspectors i.csv --per-object 3",
         {"f.csv": FRAME, "q.csv": "stratum,quota\nkey,1\n", "i.csv": "inspector\n张\n李\n"}, [], 1,
         "eligible inspectors after conflicts (回避), 3 needed; nothing drawn"),
        ("conflict naming an inspector not in the list (CJ-A1-11)",
         "draw run D1 --seed s --frame f.csv --quotas q.csv --inspectors i.csv --conflicts c.csv --per-object 1",
         {"f.csv": FRAME, "q.csv": "stratum,quota\nkey,1\n", "i.csv": "inspector\n张\n李\n", "c.csv": "inspector,object\n赵,E1\n"},
         [], 1, "conflict 赵, E1: 赵 is not in the inspector list"),
        ("conflict naming an object not in the frame (CJ-A1-11)",
         "draw run D1 --seed s --frame f.csv --quotas q.csv --inspectors i.csv --conflicts c.csv --per-object 1",
         {"f.csv": FRAME, "q.csv": "stratum,quota\nkey,1\n", "i.csv": "inspector\n张\n李\n", "c.csv": "inspector,object\n张,E9\n"},
         [], 1, "conflict 张, E9: E9 is not in the frame"),
        ("--per-object too large for any integer type",
         "draw run D1 --seed s --frame f.csv --quotas q.csv --inspectors i.csv --per-object 99999999999999999999",
         {"f.csv": FRAME, "q.csv": "stratum,quota\nkey,1\n", "i.csv": "inspector\n张\n李\n"}, [], 2,
         "draw run: --per-object must be a whole number from 1 to 100, not 99999999999999999999"),
        ("record with an unknown key", "verify r.json --frame f.csv",
         {"r.json": json.dumps({"id": "D", "rule": "双随机", "algorithm": 1, "seed": "s", "frame_hash": "0", "strata": [],
                                "per_object": 0, "selected": [], "skips": [], "inspectors_hash": None, "x": 1}),
          "f.csv": FRAME}, [], 1, "record.x: unknown key"),
        ("record whose stratum size is not the frame's", "verify r.json --frame f.csv",
         {"f.csv": FRAME, "q.csv": "stratum,quota\nkey,1\n"}, ["draw run D1 --seed s --frame f.csv --quotas q.csv",
                                                               "@size:draw show D1 --format json --output r.json"], 1,
         "size: published 4, the frame has 3"),
    ]),
]


def run(db, cwd, line, expect=None):
    args = line.split(" ")
    # In English (--lang en), whatever the environment's language: the messages below are the English ones.
    p = subprocess.run([TOOL, "--db", db, "--lang", "en", *args], capture_output=True, text=True, cwd=cwd)
    if expect is not None and p.returncode != expect:
        raise AssertionError("%s: exit %d, expected %d: %s" % (line, p.returncode, expect, p.stderr))
    return p


def digest(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def execute(row):
    """Run one row in a fresh workspace; returns the error text (stderr) after checking it."""
    title, cmd, files, setup, code, needle = row
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "ws.db")
        with open(os.path.join(tmp, "base.csv"), "w", encoding="utf-8") as fh:
            fh.write(GRID)
        with open(os.path.join(tmp, "base.json"), "w", encoding="utf-8") as fh:
            fh.write(FULL)
        for line in ("init", "grid import base.csv", "month import 2026-09 base.json", "month run 2026-09"):
            run(db, tmp, line, 0)
        for name, text in files.items():
            with open(os.path.join(tmp, name), "wb") as fh:
                fh.write(text if isinstance(text, bytes) else text.encode("utf-8"))
        for line in setup:
            if line.startswith("@size:"):
                # The published record, its first stratum's size changed by hand.
                run(db, tmp, line[6:], 0)
                path = os.path.join(tmp, "r.json")
                with open(path, encoding="utf-8") as fh:
                    doc = json.load(fh)
                doc["strata"][0]["size"] += 1
                with open(path, "w", encoding="utf-8") as fh:
                    json.dump(doc, fh, ensure_ascii=False)
            else:
                run(db, tmp, line, 0)
        before = digest(db)
        p = run(db, tmp, cmd)
        if p.returncode != code:
            raise AssertionError("%s: %s: exit %d, expected %d: %s" % (title, cmd, p.returncode, code, p.stderr))
        if needle not in p.stderr:
            raise AssertionError("%s: %s: %r not in %r" % (title, cmd, needle, p.stderr))
        if digest(db) != before:
            raise AssertionError("%s: %s failed but changed the workspace" % (title, cmd))


def cell(text):
    return text.replace("|", "\\|").replace("\0", "\\0").encode("unicode_escape").decode("ascii") \
        if any(ord(c) < 32 or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in text) \
        else text.replace("|", "\\|")


def render():
    out = [MARK.lstrip("\n").rstrip("\n"), "",
           "The `ecogrid` tool's inputs: each row is run by `tests/tool/test_bad_input.py` on a hand-made file in a",
           "workspace with the grid P > A 甲县, B 乙县 and 2026-09 imported and run (after the setup the row names);",
           "the command must exit with the status given (1: refused, the workspace byte for byte unchanged; 2: bad",
           "command line) and its message (`--lang en`) must contain the text given. Control characters and bidi overrides in",
           "the inputs are written as escapes here. Regenerate with",
           "`ECOGRID_TOOL=$PWD/build/tools/ecogrid/ecogrid python3 tests/tool/test_bad_input.py --write docs/bad-input.md`.",
           ""]
    n = 0
    for group, rows in ROWS:
        out += ["### " + group, "", "| Bad input | Setup | Command | Exit | Message mentions |", "|---|---|---|---|---|"]
        for title, cmd, files, setup, code, needle in rows:
            shown_setup = "; ".join("`%s`" % s.replace("@size:", "") for s in setup)
            if title.startswith("record whose stratum size"):
                shown_setup += "; size edited in r.json"
            out.append("| %s | %s | `%s` | %d | %s |" % (cell(title), cell(shown_setup), cell(cmd), code, cell(needle)))
            n += 1
        out.append("")
    out.append("%d rows." % n)
    return "\n".join(out) + "\n"


@unittest.skipUnless(TOOL, "ECOGRID_TOOL is not set (tool not built)")
class BadInputCatalogue(unittest.TestCase):
    def test_every_row_behaves_as_catalogued(self):
        for _group, rows in ROWS:
            for row in rows:
                with self.subTest(row=row[0]):
                    execute(row)

    def test_the_catalogue_is_what_the_rows_render(self):
        with open(DOC, encoding="utf-8") as fh:
            text = fh.read()
        self.assertIn(MARK, text, "docs/bad-input.md has no tool section; regenerate it (see this file's docstring)")
        self.assertEqual(text[text.index(MARK) + 1:], render(),
                         "docs/bad-input.md is out of date; regenerate it (see this file's docstring)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--write":
        for _group, rows in ROWS:
            for row in rows:
                execute(row)
        with open(sys.argv[2], encoding="utf-8") as fh:
            text = fh.read()
        head = text[:text.index(MARK)] if MARK in text else text
        with open(sys.argv[2], "w", encoding="utf-8") as fh:
            fh.write(head + "\n" + render())
        print("test_bad_input: the tool's section written to %s" % sys.argv[2])
    else:
        unittest.main()
