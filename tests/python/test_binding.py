"""The binding's contract with a data analyst (issue 19): misuse raises a
clear error and never crashes; numbers, dates and results behave as Python
and pandas users expect."""
import array
import copy
import ctypes
import dataclasses
import datetime
import gc
import pickle
import unittest

import ecogrid
from ecogrid import _core
from ecogrid._native import lib

try:
    import numpy as np
except ImportError:  # Debian: python3-numpy
    np = None
try:
    import pandas as pd
except ImportError:  # Debian: python3-pandas
    pd = None

NEED_NUMPY = unittest.skipIf(np is None, "NumPy is not installed (Debian python3-numpy)")
NEED_PANDAS = unittest.skipIf(pd is None, "pandas is not installed (Debian python3-pandas)")

SMALL = ("code,parent_code,level,name\n"
         "P,,1,州\nC,P,2,县\nT1,C,3,一镇\nT2,C,3,二镇\nV1,T1,4,一村\n")
STATS = {"so2": 10, "no2": 30, "pm10": 70, "pm25": 35, "co": 1.2, "o3": 150}
ROWS = [[10, 30, 70, 35, 1.2, 150],   # CN2026: 4.4875 (README 4.49), PM10 and PM2.5 tie, PM10 first
        [20, 60, 140, 70, 2.4, 300],  # every statistic doubled: 8.975
        [60, 40, 60, 30, 4, 160]]     # every statistic at its limit: 6 × 1 = 6, SO2 first of the tie


class TestLifetimes(unittest.TestCase):
    """Objects borrowing from a closed parent raise ClosedError (never read freed memory)."""

    def test_node_of_a_closed_grid_raises(self):
        g = ecogrid.Grid.from_string(SMALL)
        n = g["V1"]
        self.assertEqual(n.id, "V1")
        g.close()
        for prop in ("id", "name", "level", "kind", "index", "depth", "parent", "children", "ancestors",
                     "heads", "supervisors", "station"):
            with self.assertRaises(ecogrid.ClosedError, msg=prop) as cm:
                getattr(n, prop)
            self.assertIn("grid has been closed", str(cm.exception))
        # ClosedError is an ecogrid error, a state error and a ValueError (like a closed file).
        self.assertIsInstance(cm.exception, ecogrid.EcogridError)
        self.assertIsInstance(cm.exception, ecogrid.StateError)
        self.assertIsInstance(cm.exception, ValueError)
        self.assertEqual(repr(n), "<Node of a closed grid>")
        with self.assertRaises(ecogrid.ClosedError):
            n._asdict()

    def test_walk_started_before_close_raises_on_the_next_step(self):
        g = ecogrid.Grid.from_string(SMALL)
        w = g.walk()
        self.assertEqual(next(w).id, "P")
        self.assertEqual(next(w).id, "C")
        g.close()
        with self.assertRaises(ecogrid.ClosedError):
            next(w)
        with self.assertRaises(ecogrid.ClosedError):
            g.walk()
        # A walk that ran to its end stays ended.
        g2 = ecogrid.Grid.from_string(SMALL)
        done = g2.walk("T2")
        self.assertEqual([x.id for x in done], ["T2"])
        self.assertEqual(list(done), [])

    def test_iteration_and_findings_after_close(self):
        g = ecogrid.Grid.from_string(SMALL)
        it = iter(g)
        self.assertEqual(next(it).id, "P")
        f = g.check()
        g.close()
        with self.assertRaises(ecogrid.ClosedError):
            next(it)
        with self.assertRaises(ecogrid.ClosedError):
            f.item2_met("C")
        # The findings read before are plain values and stay usable.
        self.assertTrue(all(x.rule.startswith("CJ-G.") for x in f))
        with self.assertRaises(ecogrid.ClosedError):
            ecogrid.heads_disclosed(g, "C", "2026-10", [])

    def test_node_keeps_its_grid_alive(self):
        node = ecogrid.Grid.from_string(SMALL)["V1"]
        gc.collect()
        self.assertEqual(node.parent.id, "T1")
        self.assertEqual(node.grid["C"].name, "县")

    def test_ladder_state_of_a_closed_ladder_raises(self):
        lad = ecogrid.Ladder.preset("CJ-A2-7.3")
        st = lad.state()
        st.step("2026-09", {"A": 12, "B": 68})
        lad.close()
        for call in (lambda: st.step("2026-10", {"A": 1, "B": 1}), st.serialize, lambda: st.last_month):
            with self.assertRaises(ecogrid.ClosedError) as cm:
                call()
            self.assertIn("ladder this ladder state was taken from has been closed", str(cm.exception))
        with self.assertRaises(ecogrid.ClosedError):
            lad.state()
        self.assertTrue(st.closed)
        self.assertEqual(repr(lad), "<Ladder closed>")

    def test_every_owner_closes_once_and_refuses_use_after(self):
        rs = ecogrid.RuleSet.preset("changji-2023")
        prof = ecogrid.Profile.named("CN2026")
        rec = ecogrid.draw(["A", "B", "C"], "s", 2)
        store = ecogrid.Ledger()
        for obj, use in ((rs, lambda: rs.score({})), (prof, lambda: ecogrid.composite_index(STATS, prof)),
                         (prof, lambda: ecogrid.aqi({"so2": 5}, prof)), (rec, lambda: rec.selected),
                         (rec, lambda: ecogrid.verify(rec, ["A", "B", "C"])),
                         (store, lambda: store.status("P1", "2026-01-01"))):
            obj.close()
            obj.close()  # idempotent
            self.assertTrue(obj.closed)
            with self.assertRaises(ecogrid.ClosedError):
                use()

    def test_context_managers(self):
        with ecogrid.RuleSet.preset("changji-2023") as rs:
            self.assertEqual(rs.score({}).score, 100)
        with self.assertRaises(ecogrid.ClosedError):
            rs.score({})
        with ecogrid.Profile.named("CN2026") as p:
            self.assertEqual(p.name, "CN2026")
        self.assertEqual(repr(p), "<Profile closed>")

    def test_result_trace_after_close(self):
        rs = ecogrid.RuleSet.preset("changji-2023")
        kept = rs.score({"items": {"4": 3}})
        n = len(kept.trace)  # read while open: kept
        rs.close()  # a result owns its C memory: the rule set may go
        self.assertEqual(len(kept.trace), n)
        self.assertIn("97", kept.render("en"))
        kept.close()
        self.assertEqual(len(kept.trace), n)  # read before: still there
        with self.assertRaises(ecogrid.ClosedError):
            kept.render()
        lazy = ecogrid.RuleSet.preset("changji-2023").score({})
        lazy.close()
        with self.assertRaises(ecogrid.ClosedError):
            lazy.trace

    def test_result_trace_is_narrated_when_first_read(self):
        # score() scores without the trace and keeps the inputs; the trace is
        # narrated on first read, also after the rule set is closed (the
        # Result keeps what it needs of it), and equals the eager path's.
        rs = ecogrid.RuleSet.preset("changji-2023")
        inputs = {"items": {"4": 41, "7": 1}, "media": [["regional", "prefecture"]], "item7_adverse": True}
        eager = rs.score_many({"u": inputs}, "2026-10")["u"]
        lazy = rs.score(inputs, "2026-10")
        self.assertEqual(lazy, eager)  # score, grade, veto, fail reasons
        self.assertEqual(lazy.fail_reasons, ("CJ-A2-5.7",))  # adverse effects explain the fail: no CJ-A2-6.2 of its own
        rs.close()
        with self.assertRaises(ecogrid.ClosedError):
            rs.score(inputs)
        self.assertEqual(lazy.trace, eager.trace)
        self.assertIs(lazy.trace, lazy.trace)
        self.assertEqual(lazy.render("en"), eager.render("en"))
        self.assertIn("CJ-A2-5.4", lazy.render("en"))

    def test_copies_share_and_pickling_refuses_c_memory(self):
        g = ecogrid.Grid.from_string(SMALL)
        self.assertIs(copy.copy(g), g)
        self.assertIs(copy.deepcopy(g), g)
        for obj in (g, ecogrid.RuleSet.preset("changji-2023"), g._live()):
            with self.assertRaises(TypeError):
                pickle.dumps(obj)
        self.assertEqual(len(g), 5)  # still usable, nothing freed twice

    def test_result_pickles_with_its_trace(self):
        r = ecogrid.RuleSet.preset("changji-2023").score({"items": {"4": 3}})
        back = pickle.loads(pickle.dumps(r))
        self.assertEqual(back, r)
        self.assertEqual(back.trace, r.trace)
        with self.assertRaises(ValueError):
            back.render()


class TestTypedHandles(unittest.TestCase):
    """One c_void_p subclass per C handle type: a handle of another type is refused, never passed to C."""

    def test_handle_classes_are_distinct(self):
        self.assertTrue(issubclass(_core.GridH, ctypes.c_void_p))
        self.assertIsNot(_core.GridH, _core.RulesetH)
        self.assertIs(_core.handle_type("eg_grid"), _core.GridH)
        self.assertIsInstance(ecogrid.Grid()._live(), _core.GridH)

    def test_ctypes_refuses_a_handle_of_another_type(self):
        g = ecogrid.Grid.from_string(SMALL)
        rs = ecogrid.RuleSet.preset("changji-2023")
        with self.assertRaises(ctypes.ArgumentError) as cm:
            lib.eg_ruleset_name(g._live())
        self.assertIn("wrong type", str(cm.exception))
        with self.assertRaises(ctypes.ArgumentError):
            lib.eg_grid_size(rs._live())
        with self.assertRaises(ctypes.ArgumentError):
            lib.eg_grid_size(ctypes.c_void_p(g._live().value))  # an untyped pointer
        out = _core.RulesetH()
        with self.assertRaises(ctypes.ArgumentError):
            lib.eg_grid_new(ctypes.byref(out))  # an out-parameter of the wrong type

    def test_public_functions_say_which_object_they_need(self):
        g = ecogrid.Grid.from_string(SMALL)
        with self.assertRaises(TypeError) as cm:
            ecogrid.composite_index(STATS, g)
        self.assertIn("profile must be an ecogrid.Profile, not Grid", str(cm.exception))
        with self.assertRaises(TypeError):
            ecogrid.aqi({"so2": 5}, ecogrid.RuleSet.preset("changji-2023"))
        with self.assertRaises(TypeError):
            ecogrid.heads_disclosed(ecogrid.Profile.named("CN2026"), "C", "2026-10", [])
        with self.assertRaises(TypeError):
            ecogrid.verify(g, ["A"])
        with self.assertRaises(TypeError):
            ecogrid.RuleSet(g._live())  # a Grid handle cannot become a RuleSet


class TestNumbers(unittest.TestCase):
    """Integers are checked against their C type; NumPy scalars are numbers."""

    def setUp(self):
        self.rs = ecogrid.RuleSet.preset("changji-2023")

    def test_item_count_beyond_int64_is_out_of_range(self):
        # 2**70 used to wrap to 0 and score 100.
        with self.assertRaises(ecogrid.OutOfRange) as cm:
            self.rs.score({"items": {"4": 2 ** 70}})
        self.assertIsInstance(cm.exception, OverflowError)
        self.assertIsInstance(cm.exception, ecogrid.EcogridError)
        self.assertIn("count 1180591620717411303424 does not fit int64_t", str(cm.exception))
        with self.assertRaises(OverflowError):
            self.rs.score({"items": {"4": -2 ** 63 - 1}})
        # Inside int64, the library's own limit applies (1,000,000 occurrences).
        with self.assertRaises(ecogrid.OutOfRange):
            self.rs.score({"items": {"4": 2 ** 63 - 1}})
        with self.assertRaises(OverflowError):
            self.rs.score({"bonus": 2 ** 64})

    def test_ladder_value_beyond_int64_is_out_of_range(self):
        # 2**64 + 12 used to be read as 12.
        st = ecogrid.Ladder.preset("CJ-A2-7.3").state()
        with self.assertRaises(ecogrid.OutOfRange) as cm:
            st.step("2026-05", {"A": 2 ** 64 + 12, "B": 1})
        self.assertIn("value of unit A", str(cm.exception))
        self.assertIsNone(st.last_month)  # nothing was stepped
        with self.assertRaises(OverflowError):
            ecogrid.Ladder.preset("CJ-A2-7.3").evaluate_table("2026-05", 1, ["A"], [2 ** 64 + 12])

    def test_other_overflows(self):
        g = ecogrid.Grid.from_string(SMALL)
        with self.assertRaises(OverflowError):
            g.add("X", "x", 2 ** 40, parent="C")
        with self.assertRaises(OverflowError):
            g.rollup({"V1": 2 ** 63})
        with self.assertRaises(OverflowError):
            ecogrid.sha256_sample("seed", 10, -1)
        with self.assertRaises(OverflowError):
            ecogrid.top_n({"A": 2 ** 63}, 1)
        with self.assertRaises(OverflowError):
            self.rs.annual([2 ** 31])
        with self.assertRaises(OverflowError):
            ecogrid.equipment_due(2 ** 31, "2016-05-01", "2026-05-01")
        with self.assertRaises(OverflowError):
            self.rs.score_table([1, 1, 1, 2 ** 63, 0, 0, 0], 1)
        self.assertEqual(len(g), 5)

    def test_floats_and_bools_are_not_counts(self):
        for bad in (1.5, 3.0, "3", True):
            with self.assertRaises(TypeError, msg=repr(bad)) as cm:
                self.rs.score({"items": {"4": bad}})
            self.assertIn("count must be an integer", str(cm.exception))
        with self.assertRaises(TypeError):
            ecogrid.Grid().add("X", "x", 2.7)
        with self.assertRaises(TypeError):
            ecogrid.composite_index(dict(STATS, so2="10"), ecogrid.Profile.named("CN2026"))
        # A ladder takes a bool where the rule is a yes/no (CJ-A2-7.1).
        out = ecogrid.Ladder.preset("CJ-A2-7.1").evaluate({"2026-01": {"A": True}})
        self.assertEqual(out["2026-01"]["A"].action, "none")

    @NEED_NUMPY
    def test_numpy_scalars_are_accepted(self):
        # np.int64(3) used to be refused with "count must be an int, not 3".
        r = self.rs.score({"items": {"4": np.int64(3)}, "bonus": np.int32(1)})
        self.assertEqual(r.score, self.rs.score({"items": {"4": 3}, "bonus": 1}).score)
        self.assertEqual(r.score, 99)  # 100 - 3 + 2 (one event, CJ-A2-5.8)
        st = ecogrid.Ladder.preset("CJ-A2-7.3").state()
        res = st.step("2026-09", {"A": np.int64(12), "B": np.uint16(68)})
        self.assertEqual(res["A"].action, "criticism")  # 12/80 = 15 %
        with self.assertRaises(OverflowError):
            self.rs.score({"items": {"4": np.uint64(2 ** 64 - 1)}})
        with self.assertRaises(TypeError):
            self.rs.score({"items": {"4": np.float64(3.0)}})
        with self.assertRaises(TypeError):
            self.rs.score({"items": {"4": np.bool_(True)}})
        ix = ecogrid.composite_index({k: np.float32(v) for k, v in STATS.items()}, ecogrid.Profile.named("CN2026"))
        self.assertEqual(ix.reported, "4.49")
        self.assertEqual(ecogrid.Grid.from_string(SMALL).count(np.int8(3)), 2)
        self.assertEqual(ecogrid.sha256_sample("3546311556112163624615351222", np.int64(876), np.int64(3)),
                         [740, 180, 264])


class TestInputs(unittest.TestCase):
    """Counts, statuses and construction go to C in one row (eg_assess_input_set_items);
    the rule set's own errors still name the offending item."""

    def setUp(self):
        self.rs = ecogrid.RuleSet.preset("changji-2023")

    def test_row_equals_per_item_inputs(self):
        # Item IDs as int keys; status overrides construction; 100 - 3 - 2 x 5 = 87 with item 1 met.
        a = self.rs.score({"construction": [False, True, True], "status": {1: True}, "items": {4: 3, "5": 2}})
        self.assertEqual((a.score, a.veto), (87, False))
        self.assertEqual(a, self.rs.score({"items": {"4": 3, "5": 2}}))
        self.assertEqual(a.trace, self.rs.score({"items": {"4": 3, "5": 2}}).trace)
        # Construction alone: item 1 not met is a veto (CJ-A2-6.1).
        self.assertTrue(self.rs.score({"construction": [False, True, True]}).veto)

    def test_errors_name_the_item(self):
        with self.assertRaises(ecogrid.InvalidArgument) as cm:
            self.rs.score({"items": {"1": 1}})  # a status item given a count
        self.assertIn("item 1 (CJ-A2-5.1) is a status item", cm.exception.message)
        with self.assertRaises(ecogrid.InvalidArgument) as cm:
            self.rs.score({"status": {"4": True}})
        self.assertIn("deduction item", cm.exception.message)
        with self.assertRaises(ecogrid.NotFound) as cm:
            self.rs.score({"items": {"4": 1, "x": 1}})
        self.assertIn("no item x", cm.exception.message)
        with self.assertRaises(ecogrid.OutOfRange) as cm:
            self.rs.score({"items": {"7": 1000001}})  # 1,000,000 is the largest count
        self.assertIn("item 7: count 1000001 is above 1000000", cm.exception.message)
        # 1,000,000 x 10 = 10,000,000 from item 7's 10: floored at 0, the 9,999,990 beyond it comes off the
        # total (CJ-A2-5.7): 90 - 9,999,990 = -9,999,900.
        self.assertEqual(self.rs.score({"items": {"7": 1000000}}).score, -9999900)

    @NEED_NUMPY
    def test_numpy_counts_in_the_row(self):
        counts = np.array([3, 2], dtype=np.int64)
        r = self.rs.score({"items": {"4": counts[0], "5": counts[1]}})
        self.assertEqual(r.score, 87)


class TestDates(unittest.TestCase):
    """datetime.date wherever a date is taken, datetime.datetime wherever a time is."""

    def test_periods_and_validity(self):
        rs = ecogrid.RuleSet.preset("changji-2023")
        d = datetime.date(2026, 10, 1)
        self.assertEqual(rs.score({}, period=d), rs.score({}, period="2026-10-01"))
        self.assertEqual(rs.score({}, period=datetime.datetime(2026, 10, 1)).score, 100)
        with self.assertRaises(ecogrid.OutOfRange):
            rs.score({}, period=datetime.date(2023, 4, 30))  # before the validity (R0.x)
        with self.assertRaises(ValueError) as cm:
            rs.score({}, period=datetime.datetime(2026, 10, 1, 9, 30))
        self.assertIn("must be a date, not the time 2026-10-01 09:30", str(cm.exception))
        with self.assertRaises(TypeError):
            rs.score({}, period=20261001)
        self.assertEqual(ecogrid.RuleSet.for_date(datetime.date(2021, 12, 31)).name, "jiangmen-2021")
        self.assertEqual(ecogrid.Profile.for_date(datetime.date(2026, 6, 1)).name, "CN2026")
        self.assertEqual(ecogrid.Profile.for_date(datetime.date(2026, 2, 28)).name, "CN2012")

    def test_months(self):
        lad = ecogrid.Ladder.preset("CJ-A2-7.3")
        sep, oct_ = datetime.date(2026, 9, 1), datetime.date(2026, 10, 15)
        out = lad.evaluate({sep: {"A": 12, "B": 68}, oct_: {"A": 9, "B": 51}})
        self.assertEqual([out[m]["A"].action for m in (sep, oct_)], ["criticism", "interview"])
        sev = lad.evaluate_table(sep, 2, ["A", "B"], [12, 68, 9, 51])
        self.assertEqual(list(sev), [1, 2, 2, 3])
        fails = {datetime.date(2026, m, 1): "fail" for m in (1, 2, 3)}
        self.assertEqual(ecogrid.consecutive_fails(fails), [datetime.date(2026, 3, 1)])

    def test_times(self):
        t0 = datetime.datetime(2026, 10, 1, 9, 0)
        r = ecogrid.alert_deadlines(t0, t0 + datetime.timedelta(minutes=60), t0 + datetime.timedelta(minutes=121))
        self.assertEqual(r, ecogrid.alert_deadlines("2026-10-01 09:00", "2026-10-01 10:00", "2026-10-01 11:01"))
        self.assertEqual(r["feedback"], ("on_time", 0))
        self.assertEqual(r["result"].status, "late")
        with self.assertRaises(ValueError) as cm:
            ecogrid.alert_deadlines(datetime.datetime(2026, 10, 1, 9, 0, 30))
        self.assertIn("not on a whole minute", str(cm.exception))
        tz = datetime.timezone(datetime.timedelta(hours=8))
        with self.assertRaises(ValueError):
            ecogrid.alert_deadlines(datetime.datetime(2026, 10, 1, 9, 0, tzinfo=tz))
        with self.assertRaises(TypeError):
            ecogrid.alert_deadlines(datetime.date(2026, 10, 1))  # a time is needed here
        events = [(datetime.datetime(2026, 10, 5, 23, 10), "inspection", "town")]
        found = ecogrid.cadence_check("DG-15", "inspection", "month", 4, ["town"], events,
                                      datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))
        self.assertEqual([(f.rule, f.measured) for f in found], [("DG-15", 1)])

    def test_records_and_ledgers(self):
        lg = ecogrid.Ledger()
        lg.open("P1", datetime.datetime(2026, 1, 1, 9, 0), "整改办", "住建局", "目标", datetime.date(2026, 6, 30))
        self.assertEqual(lg.status("P1", datetime.date(2026, 7, 1)), ("open", True))
        self.assertEqual(lg.history("P1")[0].time, "2026-01-01 09:00")
        d = ecogrid.DisclosureList()
        d.put("E1", datetime.date(2026, 1, 5), "蓬江区", "列入", progress="未开始")
        d.put("E1", datetime.datetime(2026, 10, 3, 23, 59), "蓬江区", "更新", progress="完成60%")
        self.assertEqual(d.get("E1", "progress", as_of=datetime.date(2026, 6, 30)), "未开始")
        self.assertEqual(d.as_of(datetime.date(2026, 10, 3), ["progress"])["E1"]["progress"], "完成60%")
        self.assertEqual(ecogrid.obligation_due("DG-61", datetime.date(2026, 1, 31)), "2026-02-28")
        cal = ecogrid.Workdays(years=(2026, 2026))
        self.assertTrue(ecogrid.CaseFile.eligible(datetime.date(2026, 1, 1), datetime.date(2026, 7, 2), cal).eligible)
        self.assertFalse(ecogrid.equipment_due(10, datetime.date(2016, 5, 1), datetime.date(2026, 5, 1)))


class TestResults(unittest.TestCase):
    """Frozen dataclasses (or named tuples) with _asdict(); traces read lazily."""

    def test_result_is_a_frozen_dataclass(self):
        r = ecogrid.RuleSet.preset("changji-2023").score({"items": {"4": 3}})
        self.assertTrue(dataclasses.is_dataclass(r))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            r.score = 0
        self.assertEqual(r._asdict(), {"score": 97, "grade": "excellent", "veto": False, "fail_reasons": (),
                                       "scale": 1})
        self.assertEqual(dataclasses.asdict(r), r._asdict())
        self.assertEqual(hash(r), hash(ecogrid.RuleSet.preset("changji-2023").score({"items": {"4": 3}})))

    def test_trace_is_read_when_asked_for(self):
        r = ecogrid.RuleSet.preset("changji-2023").score({"items": {"4": 3}})
        self.assertNotIn("_trace", r.__dict__)  # nothing read from C yet
        t = r.trace
        self.assertIs(r.trace, t)  # read once
        e = [x for x in t if x.rule == "CJ-A2-5.4"][0]
        self.assertEqual(e._asdict()["after"], 67)  # 30 - ... item 4: 30 + 40 - 3 = 67
        self.assertEqual(list(e._asdict()), ["rule", "subject", "count", "before", "after", "message", "message_en",
                                            "article", "quote"])

    def test_other_results(self):
        g = ecogrid.Grid.from_string(SMALL)
        f = g.check()[0]
        self.assertEqual(list(f._asdict()), ["rule", "node", "unit", "message", "message_en"])
        self.assertEqual(g["T1"]._asdict(), {"id": "T1", "name": "一镇", "level": 3, "kind": "admin",
                                            "parent": "C", "depth": 2})
        ix = ecogrid.composite_index(STATS, ecogrid.Profile.named("CN2026"))
        self.assertEqual(ix._asdict(), {"index": 4.4875, "reported": "4.49", "primary": "pm10",
                                        "primaries": ("pm10", "pm25")})
        self.assertAlmostEqual(ix.single["pm25"], 35 / 30)
        self.assertAlmostEqual(sum(ix.load.values()), 1.0)
        u = ecogrid.Ladder.preset("CJ-A2-7.3").evaluate({"2026-09": {"A": 12, "B": 68}})["2026-09"]["A"]
        self.assertEqual(u._asdict()["action"], "criticism")
        self.assertEqual(u.clauses[0]._asdict()["rule"], "CJ-A2-7.3")
        a = ecogrid.aqi({"pm25": 60}, ecogrid.Profile.named("CN2012"))
        self.assertEqual(a._asdict()["iaqi"], {"pm25": 82})  # 50/40 x 25 + 50 = 81.25 -> 82
        self.assertEqual(ecogrid.RuleSet.preset("changji-2023").annual([90, 80, 59])._asdict(),
                         {"mean": 76.3, "grade": "pass"})

    @NEED_PANDAS
    def test_pandas_rows_and_columns(self):
        rs = ecogrid.RuleSet.preset("changji-2023")
        r = rs.score({"items": {"4": 3}})
        df = pd.DataFrame(r.trace)
        # Every trace line names the source it applied (issue 15): the article and its quoted words.
        self.assertEqual(list(df.columns), ["rule", "subject", "count", "before", "after", "message", "message_en",
                                            "article", "quote"])
        self.assertEqual(len(df), len(r.trace))
        self.assertEqual(df.loc[df["rule"] == "CJ-A2-5.4", "after"].tolist(), [67])
        results = [rs.score({"items": {"4": n}}) for n in (0, 3, 41)]
        df = pd.DataFrame([x._asdict() for x in results])
        self.assertEqual(list(df.columns), ["score", "grade", "veto", "fail_reasons", "scale"])
        # 41 x 1 floored at 0 in item 4 (R0.1): 60, pass.
        self.assertEqual(df["score"].tolist(), [100, 97, 60])
        self.assertEqual(df["grade"].tolist(), ["excellent", "excellent", "pass"])
        # A DataFrame of dataclasses directly, and rows from a DataFrame back into the library.
        self.assertEqual(list(pd.DataFrame(results).columns), ["score", "grade", "veto", "fail_reasons", "scale"])
        stats = pd.DataFrame(ROWS, columns=ecogrid.airq.KEYS)
        p = ecogrid.Profile.named("CN2026")
        rows = pd.DataFrame([ecogrid.composite_index(stats.iloc[i], p)._asdict() for i in range(len(stats))])
        self.assertEqual(rows["reported"].tolist(), ["4.49", "8.98", "6.00"])
        g = ecogrid.Grid.from_string(SMALL)
        nodes = pd.DataFrame([n._asdict() for n in g]).set_index("id")
        self.assertEqual(nodes.loc["V1", "parent"], "T1")
        self.assertEqual(sorted(nodes["level"]), [1, 2, 3, 3, 4])


class TestCompositeBatch(unittest.TestCase):
    """composite_indices(): statistics callers hold in arrays, in one C call, no copies."""

    def setUp(self):
        self.p = ecogrid.Profile.named("CN2026")
        self.one = [ecogrid.composite_index(dict(zip(ecogrid.airq.KEYS, r)), self.p) for r in ROWS]

    def test_stdlib_buffers(self):
        flat = array.array("d", [v for r in ROWS for v in r])
        index, primary = ecogrid.composite_indices(flat, self.p)
        self.assertIsInstance(index, array.array)
        self.assertEqual(list(index), [x.index for x in self.one])  # bit for bit
        self.assertEqual([ecogrid.airq.KEYS[i] for i in primary], [x.primary for x in self.one])
        self.assertEqual([ecogrid.round_report(v, 2) for v in index], ["4.49", "8.98", "6.00"])
        # Lists of rows, NaN (or None) for a missing statistic, a memoryview slice.
        index, primary = ecogrid.composite_indices([ROWS[0], [None] + ROWS[1][1:]], self.p)
        self.assertEqual(index[0], self.one[0].index)
        self.assertNotEqual(index[1], index[1])  # NaN
        self.assertEqual(primary[1], -1)
        index, _ = ecogrid.composite_indices(memoryview(flat)[6:12], self.p)
        self.assertEqual(list(index), [self.one[1].index])
        # Caller-given outputs are filled in place.
        out = (array.array("d", [0.0] * 3), array.array("i", [0] * 3))
        self.assertIs(ecogrid.composite_indices(flat, self.p, out=out)[0], out[0])
        self.assertEqual(out[0][2], 6.0)  # every statistic at its limit: 6 x 1

    def test_errors(self):
        with self.assertRaises(ValueError):
            ecogrid.composite_indices(array.array("d", [1.0] * 7), self.p)
        with self.assertRaises(TypeError):
            ecogrid.composite_indices(array.array("f", [1.0] * 6), self.p)
        with self.assertRaises(ValueError):
            ecogrid.composite_indices([[1, 2, 3]], self.p)
        bad = array.array("d", [v for r in ROWS for v in r])
        bad[7] = -1  # station 1, NO2
        with self.assertRaises(ecogrid.InvalidArgument) as cm:
            ecogrid.composite_indices(bad, self.p)
        self.assertIn("station 1: NO2 statistic -1", cm.exception.message)
        with self.assertRaises(ValueError):
            ecogrid.composite_indices(bad, self.p, out=(array.array("d", [0.0]), array.array("i", [0])))
        with self.assertRaises(TypeError):
            ecogrid.composite_indices(bad, ecogrid.Grid())

    @NEED_NUMPY
    def test_numpy_in_numpy_out_no_copy(self):
        a = np.array(ROWS, dtype=np.float64)
        index, primary = ecogrid.composite_indices(a, self.p)
        self.assertIsInstance(index, np.ndarray)
        self.assertEqual((index.dtype, primary.dtype), (np.float64, np.int32))
        self.assertEqual(index.tolist(), [x.index for x in self.one])
        self.assertEqual(primary.tolist(), [0 if x.primary == "so2" else 2 for x in self.one])
        # The C call reads the caller's memory: the ctypes array lies on the NumPy data.
        arr, keep = _core.in_buffer(a, ctypes.c_double, a.size, "stats")
        self.assertEqual(ctypes.addressof(arr), a.ctypes.data)
        out_i, out_p = np.empty(3), np.empty(3, dtype=np.int32)
        ecogrid.composite_indices(a, self.p, round_stats_first=True, out=(out_i, out_p))
        self.assertEqual(out_i[0], ecogrid.composite_index(STATS, self.p, round_stats_first=True).index)
        with self.assertRaises(ValueError):
            ecogrid.composite_indices(np.asfortranarray(np.array(ROWS * 2)), self.p)  # not C-contiguous
        with self.assertRaises(TypeError):
            ecogrid.composite_indices(a.astype(np.float32), self.p)
        with self.assertRaises(ValueError):
            ecogrid.composite_indices(np.zeros((2, 5)), self.p)
        # Read-only NumPy arrays work too (one copy).
        a.setflags(write=False)
        self.assertEqual(ecogrid.composite_indices(a, self.p)[0].tolist(), [x.index for x in self.one])

    @NEED_NUMPY
    def test_numpy_through_the_other_batches(self):
        rs = ecogrid.RuleSet.preset("changji-2023")
        items = np.array([[1, 1, 1, 41, 0, 0, 0], [1, 1, 1, 0, 2, 0, 0]], dtype=np.int64)
        scores, grades = rs.score_table(items, 2)
        self.assertIsInstance(scores, np.ndarray)
        # Row 0: 41 x 1 floored at 0 in item 4 -> 60; row 1: item 5 twice, 2 x 5 = 10 -> 90.
        self.assertEqual(scores.tolist(), [60, 90])
        sev = ecogrid.Ladder.preset("CJ-A2-7.3").evaluate_table("2026-09", 2, ["A", "B"],
                                                                 np.array([12, 68, 9, 51], dtype=np.int64))
        self.assertEqual(sev.tolist(), [1, 2, 2, 3])


if __name__ == "__main__":
    unittest.main()
