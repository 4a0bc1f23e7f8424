"""The tool's text inputs and CSV outputs (issue 16, "Safe outputs"):

- NUL, the other C0 control characters, DEL and the bidirectional overrides
  and isolates (U+202A-U+202E, U+2066-U+2069) are refused in every text field
  of every input, with the file, line or JSON path and the field named, and
  the workspace is left byte for byte as it was;
- a CSV export never starts a cell with = + - @ TAB or CR (OWASP CSV
  injection): such cells get a leading apostrophe; plain numbers stay numbers.
"""
import csv
import io
import json
import subprocess

from toolbase import TOOL, ToolCase

DHDR = "id,time,actor,reason,name,district,category,target,progress,quarter\n"
LHDR = "id,time,actor,action,lead_unit,target,deadline,reason,principal,signed_on,acceptance,notice_from,notice_to\n"
GRID = "code,parent_code,level,name\nP,,1,州\nA,P,2,甲县\nB,P,2,乙县\n"


class TextInputTest(ToolCase):
    def setUp(self):
        super().setUp()
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("g.csv", GRID))

    def write_bytes(self, name, data):
        path = self.path(name)
        with open(path, "wb") as fh:
            fh.write(data)
        return path

    def refused(self, args, *needles):
        before = self.digest()
        err = self.run_tool(*args, expect=1).stderr
        for n in needles:
            self.assertIn(n, err)
        self.assertEqual(self.digest(), before, "a refused input changed the workspace")
        return err

    def test_nul_in_a_csv_field_is_refused_not_truncated(self):
        # Before: the NUL cut "甲厂\0乙" to "甲厂" and the row was stored.
        data = (DHDR + "E1,2026-07-01 09:00,a,首次公开,甲厂\0乙,蓬江区,造纸,目标,进展,\n").encode()
        self.refused(("disclose", "import", self.write_bytes("d.csv", data)),
                     "d.csv: line 2: name: control character U+0000 (NUL) at character 3")

    def test_every_c0_control_and_del_in_a_ledger_reason(self):
        for cp in list(range(0x01, 0x20)) + [0x7F]:
            if cp in (0x0A, 0x0D):
                continue  # a bare LF or CR ends the row in CSV: tested quoted below
            with self.subTest(cp=hex(cp)):
                row = "P1,2026-01-05 10:00,整改办,open,甲县政府,目%s标,2026-06-30,,,,,,\n" % chr(cp)
                self.refused(("ledger", "import", self.write("l.csv", LHDR + row)),
                             "l.csv: line 2: target: control character U+%04X" % cp)
        for cp in (0x0A, 0x0D):
            with self.subTest(cp=hex(cp)):
                row = 'P1,2026-01-05 10:00,整改办,open,甲县政府,"目标%s伪造行",2026-06-30,,,,,,\n' % chr(cp)
                self.refused(("ledger", "import", self.write("l.csv", LHDR + row)),
                             "line 2: target: control character U+%04X" % cp)

    def test_bidi_overrides_and_isolates_in_csv(self):
        for cp in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)):
            with self.subTest(cp=hex(cp)):
                row = "E1,2026-07-01 09:00,a,首次公开,厂%s名,蓬江区,造纸,目标,进展,\n" % chr(cp)
                self.refused(("disclose", "import", self.write("d.csv", DHDR + row)),
                             "d.csv: line 2: name: U+%04X" % cp, "bidirectional")
        # U+202F (narrow no-break space) and U+2065 are not overrides: accepted.
        ok = DHDR + "E1,2026-07-01 09:00,a,首次公开,厂\u202f名\u2065,蓬江区,造纸,目标,进展,\n"
        self.run_tool("disclose", "import", self.write("ok.csv", ok))

    def test_invalid_utf8_in_a_staff_roster(self):
        data = b"node,role,person,detail,covers\nA,head,\xff\xfe,,\n"
        self.refused(("grid", "staff", self.write_bytes("s.csv", data)), "s.csv: line 2: person: not valid UTF-8 (byte 1)")

    def test_draw_frame_with_a_nul_no_longer_verifies_as_another_frame(self):
        # Two frames that differ after a NUL read as the same frame before.
        self.write("q.csv", "stratum,quota\nkey,1\n")
        self.run_tool("draw", "run", "D1", "--seed", "s", "--frame", self.write("f.csv", "stratum,id\nkey,X1\nkey,X2\n"),
                      "--quotas", self.path("q.csv"))
        rec = self.run_tool("draw", "show", "D1", "--format", "json").stdout
        self.write("rec.json", rec)
        bad = self.write_bytes("f2.csv", b"stratum,id\nkey,X1\0evil\nkey,X2\n")
        err = self.run_tool("verify", self.path("rec.json"), "--frame", bad, expect=1).stderr
        self.assertIn("f2.csv: line 2: id: control character U+0000 (NUL)", err)
        self.refused(("draw", "run", "D2", "--seed", "s", "--frame", bad, "--quotas", self.path("q.csv")), "U+0000")
        self.refused(("draw", "run", "D3", "--seed", "s\u202e", "--frame", self.path("f.csv"), "--quotas",
                      self.path("q.csv")), "draw run: --seed: U+202E (RIGHT-TO-LEFT OVERRIDE)")

    def test_json_strings_and_keys(self):
        cases = [
            ({"units": {"A": {"assessment": {"forced_fail": ["CJ-A2-6.3-c\u202e"]}}}},
             "m.json: units.A.assessment.forced_fail[0]: U+202E (RIGHT-TO-LEFT OVERRIDE) at character 12"),
            ({"units": {"A\u0007": {}}}, "m.json: units.A\u0007: control character U+0007 (BEL)"),
            ({"units": {"A": {"assessment": {"media": [["regional\u2066"]]}}}},
             "units.A.assessment.media[0][0]: U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ]
        for doc, needle in cases:
            with self.subTest(needle=needle):
                path = self.write("m.json", json.dumps(doc))
                self.refused(("month", "import", "2026-09", path), needle)
        # jansson refuses \\u0000 itself.
        self.refused(("month", "import", "2026-09", self.write("m.json", '{"units": {"A\\u0000": {}}}')), "m.json")

    def test_draw_record_strings_are_checked(self):
        rec = {"id": "D1", "rule": "双随机", "algorithm": 1, "seed": "s\u0085\u202d", "frame_hash": "0" * 64,
               "strata": [], "per_object": 0, "selected": [], "skips": [], "inspectors_hash": None}
        err = self.run_tool("verify", self.write("r.json", json.dumps(rec)), "--frame",
                            self.write("f.csv", "stratum,id\nkey,X1\n"), expect=1).stderr
        self.assertIn("r.json: seed: U+202D (LEFT-TO-RIGHT OVERRIDE) at character 3", err)

    def test_grid_names_with_bidi_are_refused(self):
        self.refused(("grid", "import", self.write("g2.csv", GRID + "C,P,2,\u202e县丙\n")),
                     "g2.csv: node C: name: U+202E")


class CsvInjectionTest(ToolCase):
    def test_cells_that_start_a_formula_are_neutralised(self):
        self.run_tool("init")
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(DHDR.strip().split(","))
        w.writerow(["E1", "2026-07-01 09:00", "a", "首次公开", '=HYPERLINK("http://x.example","点我")', "蓬江区", "造纸",
                    "目标", "进展", ""])
        w.writerow(["E2", "2026-07-01 09:00", "a", "首次公开", "+1+1", "蓬江区", "造纸", "-2+3+cmd|' /C calc'!A0",
                    "进展", ""])
        w.writerow(["E3", "2026-07-01 09:00", "a", "首次公开", "@SUM(A1)", "蓬江区", "造纸", "-3.5", "+12", ""])
        rows = buf.getvalue()
        self.run_tool("disclose", "import", self.write("d.csv", rows))
        raw = subprocess.run([TOOL, "--db", self.db, "disclose", "list", "--format", "csv"], capture_output=True,
                             check=True).stdout.decode()
        cells = list(csv.DictReader(io.StringIO(raw)))
        got = {r["id"]: (r["name"], r["target"], r["progress"]) for r in cells}
        self.assertEqual(got["E1"], ("'=HYPERLINK(\"http://x.example\",\"点我\")", "目标", "进展"))
        self.assertEqual(got["E2"], ("'+1+1", "'-2+3+cmd|' /C calc'!A0", "进展"))
        # A plain number is not a formula: "-3.5" and "+12" stay as they are.
        self.assertEqual(got["E3"], ("'@SUM(A1)", "-3.5", "+12"))
        for line in raw.splitlines()[1:]:
            for cell in next(csv.reader([line])):
                self.assertFalse(cell[:1] in ("=", "@") or (cell[:1] in ("+", "-") and cell not in ("-3.5", "+12")),
                                 cell)
