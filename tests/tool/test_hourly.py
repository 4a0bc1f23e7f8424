"""`ecogrid month import` with hourly station data (airquality.md §2-§4,
CJ-A3-3, CJ-A3-6): the county series is the per-hour mean of its valid
stations, dust days skip PM10 and PM2.5, a tampered station-day takes the
station's highest valid daily value of the month, and a month whose
statistics miss the validity rule is refused."""
import json

from toolbase import ToolCase

DAYS = 31  # 2026-10
GRID = "code,parent_code,level,name\nP,,1,州\nA,P,2,甲县\nB,P,2,乙县\n"


def series(value, overrides=None):
    """744 hourly values of `value`; overrides: {day (1-based): value or None for the whole day}."""
    out = []
    for d in range(1, DAYS + 1):
        v = (overrides or {}).get(d, value)
        out += [v] * 24
    return out


def station(so2, over=None):
    """Six series: SO2 `so2`, NO2 20, PM10 30, PM2.5 15, CO 1.0, O3 80; over: {pollutant: {day: value}}."""
    base = {"so2": so2, "no2": 20, "pm10": 30, "pm25": 15, "co": 1.0, "o3": 80}
    return {p: series(v, (over or {}).get(p)) for p, v in base.items()}


class HourlyTest(ToolCase):
    def setUp(self):
        super().setUp()
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("g.csv", GRID))

    def month(self, a_hourly, b_air=None):
        units = {"A": {"air_hourly": a_hourly, "air_ref": 3.0},
                 "B": {"air": b_air or {"so2": 10, "no2": 20, "pm10": 30, "pm25": 15, "co": 1.0, "o3": 80}, "air_ref": 3.0}}
        return self.write("m.json", json.dumps({"units": units}))

    def test_cj_a3_3_from_station_hours_with_dust_and_cj_a3_6_tampering(self):
        # Station S1: SO2 10 every hour. Station S2: SO2 20, 44 on day 10, and 0 on day 5 where
        # interference is verified (CJ-A3-6): day 5 takes, pollutant by pollutant, S2's highest
        # valid daily value of the month. Day 3 is a dust day at both stations (PM10 500, PM2.5
        # 300); it is a valid day, so it is S2's highest PM day and day 5 takes 500 and 300 (the
        # library's reading: dust days leave the PM statistics only after the CJ-A3-6 step).
        # County per day (mean of the stations, §3):
        #   SO2: 15 on 29 days, (10 + 44) / 2 = 27 on days 5 and 10: 489 / 31 = 15.774 -> / 60 = 0.26290
        #   PM10 without day 3 (dust, §2): 29 days of 30, day 5 (30 + 500) / 2 = 265: 1135 / 30 = 37.833 -> / 60 = 0.63056
        #   PM2.5 likewise: 29 days of 15, day 5 (15 + 300) / 2 = 157.5: 592.5 / 30 = 19.75 -> / 30 = 0.65833
        #   NO2 20 -> 0.5 (S1 misses day 7: S2 alone), CO p95 1.0 -> 0.25, O3 p90 of MDA8 80 -> 0.5
        # Composite (CN2026) = 0.26290 + 0.5 + 0.63056 + 0.65833 + 0.25 + 0.5 = 2.80179 -> "2.80".
        hourly = {"stations": {
            "S1": station(10, {"pm10": {3: 500}, "pm25": {3: 300}, "no2": {7: None}}),
            "S2": station(20, {"so2": {10: 44, 5: 0}, "pm10": {3: 500}, "pm25": {3: 300}}),
        }, "dust_days": [3], "tampered": {"S2": [5]}}
        self.run_tool("month", "import", "2026-10", self.month(hourly))
        self.run_tool("month", "run", "2026-10", "--allow-missing")  # air only: no assessment blocks
        a = json.loads(self.run_tool("report", "2026-10", "--format", "json").stdout)["units"]["A"]
        self.assertAlmostEqual(a["air"]["index"], 489 / 31 / 60 + 0.5 + 1135 / 30 / 60 + 592.5 / 30 / 30 + 0.25 + 0.5,
                               places=9)
        self.assertEqual(a["air"]["reported"], "2.80")
        # Without the dust flag day 3 counts too: PM10 (870 + 500 + 265) / 31 = 52.742 -> 0.87903,
        # PM2.5 (435 + 300 + 157.5) / 31 = 28.790 -> 0.95968.
        del hourly["dust_days"]
        self.run_tool("month", "import", "2026-10", self.month(hourly))
        self.run_tool("month", "run", "2026-10", "--allow-missing")  # air only: no assessment blocks
        a = json.loads(self.run_tool("report", "2026-10", "--format", "json").stdout)["units"]["A"]
        self.assertAlmostEqual(a["air"]["index"], 489 / 31 / 60 + 0.5 + 1635 / 31 / 60 + 892.5 / 31 / 30 + 0.25 + 0.5,
                               places=9)
        # And without the tampering flag S2's day 5 counts as measured (SO2 0):
        # SO2 (29 * 15 + 27 + 5) / 31 = 467 / 31.
        del hourly["tampered"]
        self.run_tool("month", "import", "2026-10", self.month(hourly))
        self.run_tool("month", "run", "2026-10", "--allow-missing")  # air only: no assessment blocks
        a = json.loads(self.run_tool("report", "2026-10", "--format", "json").stdout)["units"]["A"]
        self.assertAlmostEqual(a["air"]["index"], 467 / 31 / 60 + 0.5 + 1400 / 31 / 60 + 750 / 31 / 30 + 0.25 + 0.5,
                               places=9)

    def test_hourly_validity_and_shape_errors_change_nothing(self):
        self.run_tool("month", "import", "2026-10", self.month({"stations": {"S1": station(10)}}))
        before = self.digest()
        five_days_missing = {d: None for d in range(1, 6)}
        cases = [
            # 31 - 5 = 26 valid days < 27 (airquality.md §3): refused, never used as valid.
            ({"stations": {"S1": station(10, {"so2": five_days_missing})}}, "so2 has 26 valid days of 31, 27 required"),
            ({"stations": {"S1": dict(station(10), so2=[1.0] * 720)}}, "stations.S1.so2: must be a list of 744 hourly values"),
            ({"stations": {"S1": dict(station(10), co=["x"] + [1.0] * 743)}}, "stations.S1.co[0]: must be a number >= 0 or null"),
            ({"stations": {"S1": station(10)}, "dust_days": [32]}, "dust_days[0]: must be a day 1-31"),
            ({"stations": {"S1": station(10)}, "tampered": {"S9": [1]}}, "tampered.S9: no such station"),
            ({"stations": {}}, "air_hourly.stations: must be an object of 1-2000 stations"),
            ({"stations": {"S1": station(10)}, "wind": 1}, "air_hourly.wind: unknown key"),
            ({"stations": {"S1": station(10)}, "tampered": [5]}, "air_hourly.tampered: must be an object station -> days (CJ-A3-6)"),
            ({"stations": {"S1": station(10)}, "tampered": {"S1": 5}}, "air_hourly.tampered.S1: must be a list of days of the month"),
            ({"stations": {"S1": station(10)}, "dust_days": [0]}, "dust_days[0]: must be a day 1-31"),
            ({"stations": {"S1": [1, 2]}}, "air_hourly.stations.S1: must be an object of six hourly series"),
        ]
        for hourly, needle in cases:
            with self.subTest(needle=needle):
                err = self.run_tool("month", "import", "2026-10", self.month(hourly), expect=1).stderr
                self.assertIn(needle, err)
                self.assertEqual(self.digest(), before)
        both = json.dumps({"units": {"A": {"air": {}, "air_hourly": {}, "air_ref": 3}}})
        self.assertIn("not both", self.run_tool("month", "import", "2026-10", self.write("b.json", both), expect=1).stderr)
        bad_key = json.dumps({"units": {"A": {"airq": {}}}})
        self.assertIn("units.A.airq: unknown key", self.run_tool("month", "import", "2026-10", self.write("k.json", bad_key),
                                                                expect=1).stderr)
        flag = json.dumps({"units": {"A": {"air_target_missed": "yes"}}})
        self.assertIn("units.A.air_target_missed: must be a boolean (CJ-A3-4)",
                      self.run_tool("month", "import", "2026-10", self.write("f.json", flag), expect=1).stderr)
        self.assertEqual(self.digest(), before)
