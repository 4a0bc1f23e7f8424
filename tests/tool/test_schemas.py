"""The JSON Schemas of docs/schema/ against what the tool really reads and
writes: the demo's six month inputs and its bulletin, hourly input, the
staffing check, the disclosure status and list, the ledger and a draw
record. Inputs the tool refuses are refused by the schema too."""
import glob
import json
import os
import re
import shutil
import unittest

from toolbase import ToolCase
from test_hourly import station
from test_records import DISCLOSURE, LEDGER, FRAME, SEED
from test_duty import SAMPLE as DUTY_SAMPLE
from test_tool import GRID, STAFF
from test_period import GRID as JM_GRID, MONTHS as JM_MONTHS

SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "schema")
try:
    import jsonschema
except ImportError:  # Debian: python3-jsonschema (CI installs it)
    jsonschema = None


def validator(name):
    with open(os.path.join(SCHEMAS, name + ".schema.json"), encoding="utf-8") as fh:
        schema = json.load(fh)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@unittest.skipUnless(jsonschema, "python3-jsonschema is not installed")
class SchemaTest(ToolCase):
    def assertValid(self, name, doc):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(doc)]
        self.assertEqual(errors, [], name)

    def assertInvalid(self, name, doc):
        self.assertFalse(validator(name).is_valid(doc), json.dumps(doc)[:200])

    def test_every_schema_is_a_valid_draft_2020_12_schema(self):
        names = sorted(os.path.basename(p)[:-len(".schema.json")] for p in glob.glob(os.path.join(SCHEMAS, "*.schema.json")))
        self.assertEqual(names, ["disclose-list", "disclose-status", "draw-record", "duty-status", "grid-check",
                                 "ledger-status", "month-input", "report", "report-period", "scheme"])
        for n in names:
            validator(n)

    def test_half_year_and_year_totals(self):
        """report YYYY-H1|YYYY-H2|YYYY of a Jiangmen workspace (JM-2.2.1): complete, incomplete, a unit
        with a month missing; the month inputs are valid month-input documents too."""
        self.run_tool("init", "--scheme", "jiangmen-2021")
        self.run_tool("grid", "import", self.write("g.csv", JM_GRID))
        for m, units in JM_MONTHS.items():
            self.assertValid("month-input", {"units": units})
            self.run_tool("month", "import", m, self.write(m + ".json", json.dumps({"units": units})))
        for period in ("2021-H1", "2021-H2", "2021"):
            doc = json.loads(self.run_tool("report", period, "--format", "json").stdout)
            self.assertValid("report-period", doc)
        self.assertInvalid("report-period", dict(doc, period="2021-H3"))
        self.assertInvalid("report-period", dict(doc, months=doc["months"][:5]))

    def test_month_input_and_report_of_the_demo(self):
        out = self.run_tool("demo", "--keep").stdout  # --keep: the workspace and month files stay
        db = re.search(r"工作库 (\S+)", out).group(1)
        inputs = sorted(glob.glob(os.path.join(os.path.dirname(db), "2026-*.json")))
        self.assertEqual(len(inputs), 6)
        for p in inputs:
            with open(p, encoding="utf-8") as fh:
                self.assertValid("month-input", json.load(fh))
        report = json.loads(self.run_tool("--db", db, "report", "2026-10", "--format", "json", db=False).stdout)
        self.assertValid("report", report)
        self.assertIn("CJ-A3-4", report["units"]["652328000000"]["actions"])
        shutil.rmtree(os.path.dirname(db), ignore_errors=True)

    def test_month_input_hourly_and_refusals(self):
        hourly = {"units": {"A": {"air_hourly": {"stations": {"S1": station(10)}, "dust_days": [3],
                                                 "tampered": {"S1": [5]}}, "air_ref": 3.0}}}
        self.assertValid("month-input", hourly)
        both = {"units": {"A": {"air": {"so2": 1, "no2": 1, "pm10": 1, "pm25": 1, "co": 1, "o3": 1},
                                "air_hourly": hourly["units"]["A"]["air_hourly"], "air_ref": 3}}}
        for bad in (both,
                    {"units": {"A": {"assessment": {"items": {"4": "many"}}}}},
                    {"units": {"A": {"assessment": {"items": {"4": -1}}}}},
                    {"units": {"A": {"air_ref": 3}}},
                    {"units": {"A": {"air": {"so2": 1}, "air_ref": 3}}},
                    {"units": {"A": {"airq": {}}}},
                    {"units": {}},
                    {"units": [1]}):
            with self.subTest(doc=json.dumps(bad)[:60]):
                self.assertInvalid("month-input", bad)

    def test_duty_status(self):
        self.run_tool("init")
        self.run_tool("duty", "import", self.write("d.csv", DUTY_SAMPLE), "--preset", "dongguan-2019")
        doc = json.loads(self.run_tool("duty", "status", "2026-11-01", "--from", "2025-01-01", "--format", "json").stdout)
        self.assertValid("duty-status", doc)
        self.assertTrue(any(r["due"] is None for r in doc["rows"]))
        for bad in ({**doc, "rows": [{**doc["rows"][0], "state": "done"}]},
                    {**doc, "summary": {"finished": 1}},
                    {k: v for k, v in doc.items() if k != "preset"}):
            self.assertInvalid("duty-status", bad)

    def test_grid_check_disclosure_ledger_and_draw_outputs(self):
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("grid.csv", GRID))
        self.run_tool("grid", "staff", self.write("staff.csv", STAFF))
        self.assertValid("grid-check", json.loads(self.run_tool("grid", "check", "--format", "json").stdout))
        self.run_tool("disclose", "import", self.write("d.csv", DISCLOSURE))
        # The workspace's scheme (changji-2023) has no JM-2.1.2 deadline: the Jiangmen document's, by name.
        self.assertValid("disclose-status", json.loads(self.run_tool("disclose", "status", "2026Q3", "--scheme",
                                                                     "jiangmen-2021", "--format", "json").stdout))
        self.assertValid("disclose-list", json.loads(self.run_tool("disclose", "list", "--format", "json").stdout))
        self.assertValid("disclose-list", json.loads(
            self.run_tool("disclose", "list", "--as-of", "2026-08-01 00:00", "--format", "json").stdout))
        self.run_tool("ledger", "import", self.write("l.csv", LEDGER))
        self.assertValid("ledger-status", json.loads(self.run_tool("ledger", "status", "2026-04-01", "--format", "json").stdout))
        q = self.write("q.csv", "stratum,quota\nkey,DG-8-town\ngeneral,1\n")
        ins = self.write("i.csv", "inspector\n甲\n乙\n丙\n")
        rec = json.loads(self.run_tool("draw", "run", "d", "--seed", SEED, "--frame", self.write("f.csv", FRAME),
                                       "--quotas", q, "--inspectors", ins, "--per-object", "2", "--format", "json").stdout)
        self.assertValid("draw-record", rec)
        rec["frame_hash"] = "not a hash"
        self.assertInvalid("draw-record", rec)
