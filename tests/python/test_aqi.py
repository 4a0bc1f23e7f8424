"""ecogrid AQI from Python: HJ 633-2012 and HJ 633-2026 (airquality.md §7)."""
import unittest

import ecogrid


class TestAqi(unittest.TestCase):
    def test_aqi_daily_both_versions(self):
        c = {"so2": 50, "no2": 80, "pm10": 120, "pm25": 60, "co": 5, "o3_1h": 160, "o3_8h": 215}
        r = ecogrid.aqi(c, ecogrid.Profile.named("CN2012"))
        self.assertEqual((r.aqi, r.primary, r.category), (150, ("o3_8h",), "轻度污染"))
        self.assertEqual(r.iaqi["pm25"], 82)  # 50/40 x 25 + 50 = 81.25 -> 82
        r = ecogrid.aqi(dict(c, o3_8h=100), ecogrid.Profile.named("CN2026"))
        self.assertEqual((r.iaqi["pm10"], r.iaqi["pm25"]), (100, 100))
        self.assertNotIn("o3_1h", r.iaqi)
        r = ecogrid.aqi({"so2": 900, "no2": 10, "pm10": 10, "pm25": 10, "co": 0.1, "o3_1h": 100, "o3_8h": 50},
                        ecogrid.Profile.named("CN2026"), report="hourly")
        self.assertEqual(r.iaqi["so2"], 200)
        with self.assertRaises(ValueError):
            ecogrid.aqi({"pm1": 3}, ecogrid.Profile.named("CN2012"))

    def test_result_struct_version_is_set_and_checked(self):
        from ctypes import byref, c_double
        from ecogrid._native import lib
        from ecogrid._proto_aqi import AQI_RESULT_VERSION, AqiResult
        conc = (c_double * 8)(10, 10, 10, 35, 0.1, 10, 10, float("nan"))
        p = ecogrid.Profile.named("CN2012")
        r = AqiResult()
        with self.assertRaises(ecogrid.InvalidArgument):
            lib.eg_aqi_compute(byref(r), p._h, conc, 0)
        self.assertEqual(r.aqi, 0)
        r = AqiResult.new()
        lib.eg_aqi_compute(byref(r), p._h, conc, 0)
        self.assertEqual((r.version, r.aqi), (AQI_RESULT_VERSION, 50))


if __name__ == "__main__":
    unittest.main()
