"""ecogrid air quality from Python (CJ-A3-3, CJ-A3-5, CJ-A3-6, airquality.md)."""
import array
import math
import unittest

import ecogrid

STATS = {"so2": 10, "no2": 30, "pm10": 70, "pm25": 35, "co": 1.2, "o3": 150}


class TestAirq(unittest.TestCase):
    def test_cj_a3_3_profiles_give_different_indices(self):
        # CN2012: 0.16667 + 0.75 + 1 + 1 + 0.3 + 0.9375 = 4.154167 -> "4.15".
        a = ecogrid.composite_index(STATS, ecogrid.Profile.named("CN2012"))
        self.assertEqual(a.reported, "4.15")
        self.assertAlmostEqual(a.index, 4.1541666666666667, places=12)
        self.assertEqual(a.primaries, ("pm10", "pm25"))
        # CN2026 (PM10 60, PM2.5 30): 4.4875 -> "4.49".
        b = ecogrid.composite_index(STATS, ecogrid.Profile.for_date("2026-06-01"))
        self.assertEqual(b.reported, "4.49")
        self.assertEqual(ecogrid.Profile.for_date("2026-02-28").name, "CN2012")
        self.assertEqual(ecogrid.Profile.named("CN2031").limits["so2"], 20)

    def test_hj_663_percentile_and_rates(self):
        self.assertAlmostEqual(ecogrid.percentile([3, 4, 8, 2, 5, 4], 0.90), 6.5)
        self.assertAlmostEqual(ecogrid.improvement_rate(4.0, 4.4), 0.4 / 4.4)
        self.assertAlmostEqual(ecogrid.change_rate(4.0, 4.4), -0.4 / 4.4)
        self.assertEqual(ecogrid.round_report(-0.4 / 4.4 * 100, 1), "-9.1")
        with self.assertRaises(ecogrid.InvalidArgument):
            ecogrid.change_rate(4.0, 0)
        with self.assertRaises(ecogrid.InvalidArgument):
            ecogrid.percentile([math.nan], 0.5)

    def test_cj_a3_5_rank_1224(self):
        self.assertEqual(ecogrid.rank([1.234, 1.2349, 0.9, 2.0]), [2, 2, 1, 4])
        self.assertEqual(ecogrid.rank([0.05, -0.02, 0.10, 0.05, -0.02], "descending", 3), [2, 4, 1, 2, 4])
        with self.assertRaises(ValueError):
            ecogrid.rank([1], "sideways")

    def test_monthly_stats_batch_from_a_buffer(self):
        # Two stations, April 2026 (30 days): all 10 except station 1's SO2 on day 5 missing.
        hours = 720  # 30 days
        data = array.array("d", [10.0] * (2 * 6 * hours))
        for h in range(24):
            data[(1 * 6 + 0) * hours + 4 * 24 + h] = math.nan
        st = ecogrid.monthly_stats(data, 2, 2026, 4, ecogrid.Profile.named("CN2026"))
        self.assertEqual(st[0]["so2"].n_valid, 30)
        self.assertEqual((st[1]["so2"].n_valid, st[1]["so2"].valid), (29, True))
        self.assertAlmostEqual(st[1]["co"].value, 10.0)
        # The same from a list, with None as missing.
        lst = [None if math.isnan(v) else v for v in data]
        self.assertEqual(ecogrid.monthly_stats(lst, 2, 2026, 4, ecogrid.Profile.named("CN2026"))[1]["so2"].n_valid, 29)
        daily = ecogrid.daily_values(data, 2, 30, ecogrid.Profile.named("CN2026"))
        self.assertTrue(math.isnan(daily[1]["so2"][4]))
        self.assertEqual(daily[0]["o3"][0], 10.0)
        with self.assertRaises(ValueError):
            ecogrid.monthly_stats(array.array("d", [1.0] * 10), 1, 2026, 4, ecogrid.Profile.named("CN2026"))
        data[0] = -1.0
        with self.assertRaises(ecogrid.InvalidArgument) as cm:
            ecogrid.monthly_stats(data, 2, 2026, 4, ecogrid.Profile.named("CN2026"))
        self.assertIn("station 0, SO2, day 1 hour 1: value -1", cm.exception.message)



    def test_index_struct_version_is_set_and_checked(self):
        from ecogrid._native import lib
        from ecogrid._proto_airq import AIRQ_INDEX_VERSION, AirqIndex
        from ctypes import byref, c_double
        stats = (c_double * 6)(10, 30, 70, 35, 1.2, 150)
        p = ecogrid.Profile.named("CN2012")
        r = AirqIndex()  # version 0: refused, nothing written
        with self.assertRaises(ecogrid.InvalidArgument) as cm:
            lib.eg_airq_composite(byref(r), p._h, stats, 0)
        self.assertIn("out->version 0", cm.exception.message)
        self.assertEqual(r.composite, 0)
        r = AirqIndex.new()
        self.assertEqual(r.version, AIRQ_INDEX_VERSION)
        lib.eg_airq_composite(byref(r), p._h, stats, 0)
        self.assertEqual(r.reported, b"4.15")
        z = AirqIndex()
        lib.eg_airq_index_init(byref(z), AIRQ_INDEX_VERSION)
        self.assertEqual(z.version, AIRQ_INDEX_VERSION)

class TestMonthlyIndicesBatch(unittest.TestCase):
    def test_cj_a3_3_monthly_indices_two_calls_for_many_stations(self):
        # Two stations, October 2026 (31 days), constant series: SO2 10, NO2 30,
        # PM10 70, PM2.5 35, CO 1.2, O3 150 -> the README's 4.49 under CN2026;
        # station 1 has no valid O3 day at all -> NaN, primary None.
        hours = 744
        base = [10.0, 30.0, 70.0, 35.0, 1.2, 150.0]
        data = array.array("d", [0.0] * (2 * 6 * hours))
        for s in range(2):
            for p in range(6):
                for h in range(hours):
                    data[(s * 6 + p) * hours + h] = base[p]
        for h in range(hours):
            data[(1 * 6 + 5) * hours + h] = math.nan
        prof = ecogrid.Profile.named("CN2026")
        t = ecogrid.monthly_indices(data, 2, 2026, 10, prof)
        one = ecogrid.composite_index(dict(zip(("so2", "no2", "pm10", "pm25", "co", "o3"), base)), prof)
        self.assertEqual(len(t), 2)
        self.assertEqual(t.composite[0], one.index)
        self.assertEqual(one.reported, "4.49")
        self.assertEqual(t.primary_name(0), "pm10")
        self.assertTrue(math.isnan(t.composite[1]))
        self.assertIsNone(t.primary_name(1))
        self.assertEqual(t.station(0)["pm25"]._asdict(), {"value": 35.0, "valid": True, "n_valid": 31, "n_days": 31,
                                                "n_required": 27})
        self.assertEqual(t.station(1)["o3"].n_valid, 0)
        with self.assertRaises(IndexError):
            t.station(2)
        with self.assertRaises(TypeError):
            ecogrid.monthly_indices(array.array("f", [1.0] * (6 * hours)), 1, 2026, 10, prof)


if __name__ == "__main__":
    unittest.main()
