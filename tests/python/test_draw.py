"""ecogrid draws from Python: sampler.py compatibility, 双随机 draws, verification, pairing."""
import unittest

import ecogrid


class TestDraw(unittest.TestCase):
    def test_sampler_py_published_vector(self):
        # sampler.py transcript (2011-11-14): seed 3546311556112163624615351222, 1..876.
        out = ecogrid.sha256_sample("3546311556112163624615351222", 876, 47)
        self.assertEqual(out[:8], [740, 180, 264, 789, 238, 448, 272, 611])
        self.assertEqual(out[-3:], [787, 537, 197])
        self.assertEqual(len(set(out)), 47)
        rep = ecogrid.sha256_sample("3546311556112163624615351222", 876, 32, replace=True)
        self.assertEqual(rep[31], 611)  # counter 32 repeats 611, kept with replacement

    def test_draw_verify_and_pairing(self):
        frame = {"key": ["K%02d" % i for i in range(31)], "general": ["G%03d" % i for i in range(169)]}
        rec = ecogrid.draw(frame, "2026Q4-5561121", {"key": 4, "general": 10})
        self.assertEqual([len(rec.selected[s]) for s in ("key", "general")], [4, 10])
        self.assertEqual(len(rec.frame_hash), 64)
        self.assertTrue(ecogrid.verify(rec, frame))
        changed = dict(frame, key=frame["key"][:-1] + ["K99"])
        self.assertFalse(ecogrid.verify(rec, changed))
        first = rec.selected["key"][0]
        rec.pair(["I1", "I2", "I3"], conflicts=[("I1", first), ("I2", first)], per_object=1)
        self.assertEqual(rec.inspectors[first], ["I3"])
        self.assertTrue(all(o == first for _i, o in rec.skips))
        one = ecogrid.draw(["A", "B", "C"], "s", 2)
        self.assertEqual(len(one.selected), 2)
        with self.assertRaises(ecogrid.InvalidArgument):
            ecogrid.draw(["A", "B"], "s", 3)


if __name__ == "__main__":
    unittest.main()
