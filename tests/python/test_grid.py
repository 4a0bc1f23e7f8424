"""ecogrid.Grid: the supervision grid (CJ-G.1 to CJ-G.7, CJ-A2-5.2) from Python."""
import gc
import os
import tempfile
import unittest

import ecogrid

SHARED = os.environ.get("ECOGRID_SHARED_DATA", os.path.join(
    os.path.dirname(__file__), "..", "..", "..", "shared", "data"))
CHANGJI = os.path.join(SHARED, "divisions", "changji.csv")

SMALL = ("code,parent_code,level,name\n"
         "P,,1,州\nC,P,2,县\nT1,C,3,一镇\nT2,C,3,二镇\nV1,T1,4,一村\n")


def small():
    return ecogrid.Grid.from_string(SMALL)


def staff(g):
    for n in ("C", "T1", "T2", "V1"):
        g.set_heads(n, "书记", "主任")
    g.add_subhead("C", "甲", "deputy_division", ["T1", "T2"])
    g.add_subhead("T1", "乙", "deputy_section", ["V1"])
    for t in ("T1", "T2"):
        for i in range(3):
            g.add_supervisor(t, "专%d" % i)
    g.add_supervisor("V1", "专")
    g.add_supervisor("V1", "兼1", full_time=False)
    g.add_supervisor("V1", "兼2", full_time=False)


@unittest.skipUnless(os.path.exists(CHANGJI), "../shared/data/divisions/changji.csv is absent")
class TestChangji(unittest.TestCase):
    def test_cj_g_1_changji_counts(self):
        g = ecogrid.Grid.from_csv(CHANGJI)
        # divisions/README.md: 1 / 7 / 106 / 926 at levels 1-4, 1,040 rows.
        self.assertEqual([g.count(l) for l in (1, 2, 3, 4)], [1, 7, 106, 926])
        self.assertEqual(len(g), 1040)
        county = g["652301000000"]
        self.assertEqual((county.id, county.name, county.level, county.kind),
                         ("652301000000", "昌吉市", 2, "admin"))
        self.assertEqual(county.parent.id, "652300000000")
        self.assertIsNone(county.parent.parent)
        self.assertIn("652301001000", [c.id for c in county.children])
        walked = [n.id for n in g.walk("652301001000")]
        self.assertEqual(walked[0], "652301001000")
        self.assertEqual(len(walked), 1 + len(g["652301001000"].children))

    def test_root_option(self):
        g = ecogrid.Grid.from_csv(CHANGJI, root="652323000000")
        self.assertEqual(g.count(1), 0)
        self.assertEqual(g.count(2), 1)
        self.assertIsNone(g["652323000000"].parent)

    def test_cj_g_3_unstaffed_changji_findings(self):
        g = ecogrid.Grid.from_csv(CHANGJI)
        f = g.check()
        self.assertEqual(sum(1 for x in f if x.rule == "CJ-G.3"), 7 + 106 + 926)
        self.assertFalse(f.item2_met("652301000000"))


class TestGrid(unittest.TestCase):
    def test_cj_g_1_add_and_navigate(self):
        g = ecogrid.Grid()
        g.add("P", "州", 1)
        g.add("K", "园区", 2, parent="P", kind="park")
        self.assertEqual(len(g), 2)
        self.assertEqual(g["K"].kind, "park")
        self.assertEqual(g["K"].ancestors[0].id, "P")
        self.assertIn("K", g)
        self.assertNotIn("X", g)
        self.assertEqual([n.id for n in g], ["P", "K"])
        self.assertEqual(g.depth, 1)

    def test_cj_g_1_errors_raise_with_detail(self):
        g = small()
        with self.assertRaises(ecogrid.AlreadyExists) as cm:
            g.add("C", "重复", 2, parent="P")
        self.assertIn("C already exists", cm.exception.message)
        with self.assertRaises(ecogrid.NotFound):
            g.add("X", "x", 2, parent="NOPE")
        with self.assertRaises(ecogrid.LevelError):
            g.add("X", "x", 2, parent="C")
        with self.assertRaises(ecogrid.OutOfRange):
            g.add("X", "x", 9)
        with self.assertRaises(ValueError):
            g.add("X", "x", 2, kind="castle")
        with self.assertRaises(ValueError):
            g.add("X\0", "x", 1)
        with self.assertRaises(TypeError):
            g.add(5, "x", 1)
        self.assertEqual(len(g), 5)  # nothing was added

    def test_csv_errors(self):
        with self.assertRaises(ecogrid.ParseError) as cm:
            ecogrid.Grid.from_string("code,parent_code,level,name\nA,,x,a\n")
        self.assertIn("line 2", cm.exception.message)
        with self.assertRaises(ecogrid.CycleError):
            ecogrid.Grid.from_string("code,parent_code,level,name\nR,,1,r\nA,B,2,a\nB,A,3,b\n")
        with self.assertRaises(ecogrid.EcogridIOError):
            ecogrid.Grid.from_csv("/nonexistent/grid.csv")
        with tempfile.NamedTemporaryFile("wb", suffix=".csv", delete=False) as fh:
            fh.write(b"\xef\xbb\xbfcode,parent_code,level,name\r\nA,,1,\xe5\xb7\x9e\r\n")
        try:
            self.assertEqual(ecogrid.Grid.from_csv(fh.name)["A"].name, "州")
        finally:
            os.unlink(fh.name)

    def test_cj_g_3_to_7_checks(self):
        g = small()
        staff(g)
        f = g.check()
        self.assertEqual(list(f), [])
        self.assertTrue(f.item2_met("C"))
        # Break CJ-G.6: T2 loses a full-time supervisor's worth by adding 3 part-timers (6 > 5).
        for i in range(3):
            g.add_supervisor("T2", "兼%d" % i, full_time=False)
        f = g.check(lang="en")
        self.assertEqual([(x.rule, x.node, x.unit) for x in f], [("CJ-G.6", "T2", "C")])
        self.assertIn("6 supervisors (3 full-time)", f[0].message)
        self.assertIn("网格监督员 6 名", g.check()[0].message)
        self.assertTrue(f.item2_met("C"))  # CJ-G.6 is not item 2
        with self.assertRaises(ValueError):
            g.check(lang="fr")

    def test_cj_a2_5_2_item2_follows_cj_g_4(self):
        g = small()
        staff(g)
        g.add("T3", "三镇", 3, parent="C")
        g.set_heads("T3", "书记", "镇长")
        for i in range(3):
            g.add_supervisor("T3", "专%d" % i)
        f = g.check()
        self.assertEqual([(x.rule, x.node) for x in f], [("CJ-G.4", "T3")])
        self.assertFalse(f.item2_met("C"))
        with self.assertRaises(ecogrid.LevelError):
            f.item2_met("T1")

    def test_people_accessors(self):
        g = small()
        staff(g)
        self.assertEqual(g["T1"].heads, ("书记", "主任"))
        self.assertEqual(g["V1"].supervisors, (1, 2))
        kg = g.add_key_grid("KG", "C", "重点网格", "ST-1", ["T1"])
        self.assertEqual((kg.kind, kg.station), ("key_grid", "ST-1"))
        with self.assertRaises(ecogrid.AlreadyExists):
            g.add_subhead("C", "甲", "deputy_division", ["T1"])
        with self.assertRaises(ValueError):
            g.add_subhead("C", "新", "general", ["T1"])

    def test_rollup(self):
        g = small()
        totals = g.rollup({"V1": 2, "T2": 3})
        # V1=2 -> T1=2; T2=3; C = 2 + 3 = 5; P = 5.
        self.assertEqual(totals, {"P": 5, "C": 5, "T1": 2, "T2": 3, "V1": 2})
        with self.assertRaises(ecogrid.InvalidArgument):
            g.rollup({"V1": -1})

    def test_lifetime(self):
        g = small()
        node = g["V1"]
        del g
        gc.collect()
        # The node keeps its grid alive.
        self.assertEqual(node.parent.id, "T1")
        with small() as g2:
            self.assertEqual(len(g2), 5)
        with self.assertRaises(ValueError):
            len(g2)
        self.assertEqual(repr(g2), "<Grid closed>")


if __name__ == "__main__":
    unittest.main()
