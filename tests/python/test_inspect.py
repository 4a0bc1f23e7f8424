"""ecogrid inspection from Python: the DG-6 pool, DG-8 key-object coverage."""
import unittest

import ecogrid


class TestInspect(unittest.TestCase):
    def test_dg_6_pool(self):
        # A 50, B 20, C 15 reach exactly 85 of 100.
        self.assertEqual(ecogrid.pool({"E": 5, "A": 50, "B": 20, "C": 15, "D": 10}), ["A", "B", "C"])
        self.assertEqual(ecogrid.pool({"A": 50.5, "B": 49.5}, share=0.5), ["A"])
        with self.assertRaises(ecogrid.InvalidArgument):
            ecogrid.pool({"A": 0})

    def test_dg_8_key_objects_not_inspected(self):
        self.assertEqual(ecogrid.uninspected_key_objects(["K1", "K2"], ["K1", "K1"]), ["K2"])


if __name__ == "__main__":
    unittest.main()
