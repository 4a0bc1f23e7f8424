#!/usr/bin/env python3
"""Workload 6: workloads 3 and 4 through the Python binding, against C.

For each workload this script runs the C benchmark program (which prints
its median of R rounds and writes its generated inputs with --dump), loads
exactly those inputs, runs the same work through the binding's batch path
R times, runs the C program again, checks that the results agree with the
C program's checksum, and prints two ratios of medians:

  py_over_c       Python / the C program (mean of its two medians, before
                  and after: the machine may change in between);
  py_over_direct  Python / the same C calls made straight through ctypes
                  from this process with arrays made once, timed
                  alternately with the Python path: the binding's overhead
                  alone, least exposed to a noisy machine.

Identical work, identical data:

  airq_stats     ecogrid.monthly_indices(): eg_airq_monthly_stats and
                 eg_airq_composite_many on the same float64 buffer (no copy)
  assess_ladder  RuleSet.score_table() per month and Ladder.evaluate_table()
                 for CJ-A2-7.3 (prefectures of 10) and CJ-A2-7.1 (failing
                 months), from the same int64/int32 arrays

Per-call costs (issue 19's goals), timed in the same process, median of R
rounds of N calls each, in microseconds per call (wall; CPU printed too):

  score_us      RuleSet.score() of one unit-month (typical inputs: item
                counts, a bonus, a media exposure) and reading .score and
                .grade (the trace is narrated only when .trace is read, so
                it is not made here): goal <= 15 us;
  composite_us  ecogrid.composite_index() of one station's six monthly
                statistics and reading .index: goal <= 3 us.

Usage: python3 bench/python_batch.py [--build DIR] [--scale S] [--rounds R]
(ECOGRID_LIBRARY is set to DIR/src/libecogrid.so unless already set.)
"""

import argparse
import array
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def parse_kv(line):
    return dict(f.split("=", 1) for f in line.split() if "=" in f)


def run_c(build, name, args):
    exe = os.path.join(build, "bench", "bench_" + name)
    out = subprocess.run([exe] + args, check=True, stdout=subprocess.PIPE, universal_newlines=True).stdout
    return parse_kv(out.splitlines()[0])


def load(path, code, n, offset):
    a = array.array(code)
    with open(path, "rb") as f:
        f.seek(offset)
        a.fromfile(f, n)
    return a, offset + n * a.itemsize


def bench_airq(ecogrid, build, scale, rounds, tmp):
    from ctypes import byref, c_double, c_int32
    from ecogrid._native import lib, options
    from ecogrid._proto_airq import AirqMonthlyOptions, AirqStat
    path = os.path.join(tmp, "airq.bin")
    # --no-flags: monthly_indices() takes no dust or interference flags.
    args = ["--scale", str(scale), "--rounds", str(rounds), "--no-flags"]
    c = run_c(build, "airq_stats", args + ["--dump", path])
    stations = int(c["stations"])
    hourly, _ = load(path, "d", stations * 6 * 744, 0)
    os.unlink(path)
    profile = ecogrid.Profile.named("CN2026")
    # The same two C calls straight through ctypes, buffers made once: the
    # in-process C figure, timed alternately with the binding's path.
    raw = (c_double * len(hourly)).from_buffer(hourly)
    st, comp, prim = (AirqStat * (stations * 6))(), (c_double * stations)(), (c_int32 * stations)()
    # The month and no day flags, as monthly_indices() passes them.
    opts = options(AirqMonthlyOptions, year=2026, month=10)
    times, cpu, direct, table = [], [], [], None
    for _ in range(rounds):
        t = time.perf_counter()
        lib.eg_airq_monthly_stats(st, profile._h, raw, stations, 744, byref(opts))
        lib.eg_airq_composite_many(comp, prim, profile._h, st, stations, 0)
        direct.append(time.perf_counter() - t)
        t, c0 = time.perf_counter(), time.process_time()
        table = ecogrid.monthly_indices(hourly, stations, 2026, 10, profile)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c0)
    del raw
    c2 = run_c(build, "airq_stats", args)
    checksum, valid = 0.0, 0
    for v in table.composite:  # the C program's order and arithmetic
        if not math.isnan(v):
            checksum += v
            valid += 1
    ok = "%.6f" % checksum == c["checksum"] and valid == int(c["indices"]) and list(comp) == list(table.composite)
    per_round = [p / d for p, d in zip(times, direct)]  # each round's pair, timed back to back
    return {"stations": stations, "c_s": (float(c["stats_s"]) + float(c2["stats_s"])) / 2,
            "py_s": statistics.median(times), "agree": ok, "direct_s": statistics.median(direct),
            "direct_min": min(per_round), "direct_max": max(per_round),
            "c_cpu_s": (float(c["stats_cpu_s"]) + float(c2["stats_cpu_s"])) / 2, "py_cpu_s": statistics.median(cpu)}


def bench_assess(ecogrid, build, scale, rounds, tmp):
    from ctypes import c_char_p, c_int32, c_int64, c_size_t, c_uint32
    from ecogrid._native import lib
    path = os.path.join(tmp, "assess.bin")
    args = ["--scale", str(scale), "--rounds", str(rounds), "--no-api"]
    c = run_c(build, "assess_ladder", args + ["--dump", path])
    units, months = int(c["units"]), int(c["months"])
    n = units * months
    items, off = load(path, "q", n * 7, 0)
    bonus, off = load(path, "q", n, off)
    problems, off = load(path, "i", n * 3, off)
    forced, off = load(path, "I", n, off)
    item4, off = load(path, "q", n, off)
    os.unlink(path)
    rs = ecogrid.RuleSet.preset("changji-2023")
    l73, l71 = ecogrid.Ladder.preset("CJ-A2-7.3"), ecogrid.Ladder.preset("CJ-A2-7.1")
    ids = ["U%05d" % u for u in range(units)]
    groups = [10] * (units // 10) + ([units % 10] if units % 10 else [])
    mi, mb, mp, mf = memoryview(items), memoryview(bonus), memoryview(problems), memoryview(forced)
    fail_of_grade = bytes([1, 0, 0, 0]) + bytes(252)  # EG_GRADE_FAIL is 0

    def binding():
        scores, grades = array.array("i"), array.array("i")
        for m in range(months):
            o = m * units
            s, g = rs.score_table(mi[o * 7:(o + units) * 7], units, bonus=mb[o:o + units],
                                  problems=mp[o * 3:(o + units) * 3], levels=3, forced=mf[o:o + units],
                                  period="%04d-%02d" % (2024 + m // 12, m % 12 + 1))
            scores.extend(s)
            grades.extend(g)
        sev73 = l73.evaluate_table("2024-01", months, ids, item4, groups=groups)
        # CJ-A2-7.1: the failing flag per unit-month as int64, built with
        # C-level byte operations (grades' low bytes mapped, then spread 8 apart).
        fails = bytearray(8 * n)
        fails[::8] = grades.tobytes()[::4].translate(fail_of_grade)
        sev71 = l71.evaluate_table("2024-01", months, ids, memoryview(fails).cast("q"))
        return scores, grades, sev73, sev71

    # The same C calls straight through ctypes with arrays made once (the
    # in-process C figure); the failing flags as the C program makes them.
    ri = (c_int64 * (n * 7)).from_buffer(items)
    rb = (c_int64 * n).from_buffer(bonus)
    rp = (c_int32 * (n * 3)).from_buffer(problems)
    rf = (c_uint32 * n).from_buffer(forced)
    r4 = (c_int64 * n).from_buffer(item4)
    cid = (c_char_p * units)(*[u.encode() for u in ids])
    cgr = (c_size_t * len(groups))(*groups)
    dsc, dgr, d73, d71, dfl = ((c_int32 * n)(), (c_int32 * n)(), (c_int32 * n)(), (c_int32 * n)(),
                               (c_int64 * n)())
    periods = [("%04d-%02d" % (2024 + m // 12, m % 12 + 1)).encode() for m in range(months)]
    isz, i32, u32 = 8, 4, 4  # bytes of int64, int32, uint32
    # Per-month views into those arrays, made once as a C caller would index them.
    views = [((c_int32 * units).from_buffer(dsc, m * units * i32), (c_int32 * units).from_buffer(dgr, m * units * i32),
              (c_int64 * (units * 7)).from_buffer(ri, m * units * 7 * isz),
              (c_int64 * units).from_buffer(rb, m * units * isz),
              (c_int32 * (units * 3)).from_buffer(rp, m * units * 3 * i32),
              (c_uint32 * units).from_buffer(rf, m * units * u32)) for m in range(months)]

    def direct():
        import ctypes
        for m in range(months):
            vs, vg, vi, vb, vp, vf = views[m]
            lib.eg_assess_score_table(vs, vg, rs._h, vi, 7, vb, vp, 3, vf, units, periods[m])
        lib.eg_ladder_evaluate_table(d73, l73._h, b"2024-01", months, cid, cgr, len(groups), r4, None, units)
        fails = bytearray(8 * n)
        fails[::8] = bytes(memoryview(dgr).cast("B"))[::4].translate(fail_of_grade)
        ctypes.memmove(dfl, bytes(fails), 8 * n)
        lib.eg_ladder_evaluate_table(d71, l71._h, b"2024-01", months, cid, None, 0, dfl, None, units)

    times, cpu, dtimes, res = [], [], [], None
    for _ in range(rounds):
        t = time.perf_counter()
        direct()
        dtimes.append(time.perf_counter() - t)
        t, c0 = time.perf_counter(), time.process_time()
        res = binding()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c0)
    del views, ri, rb, rp, rf, r4
    c2 = run_c(build, "assess_ladder", args)
    scores, grades, sev73, sev71 = res
    checksum = sum(s * 7 + g * 3 + a * 11 + b * 13 for s, g, a, b in zip(scores, grades, sev73, sev71))
    ok = checksum == int(c["checksum"]) and list(dsc) == list(scores) and list(d71) == list(sev71)
    per_round = [p / d for p, d in zip(times, dtimes)]
    return {"units": units, "c_s": (float(c["batch_s"]) + float(c2["batch_s"])) / 2,
            "py_s": statistics.median(times), "agree": ok, "direct_s": statistics.median(dtimes),
            "direct_min": min(per_round), "direct_max": max(per_round),
            "c_cpu_s": (float(c["batch_cpu_s"]) + float(c2["batch_cpu_s"])) / 2,
            "py_cpu_s": statistics.median(cpu)}


def per_call(ecogrid, rounds, calls=2000):
    """Microseconds per call of RuleSet.score and composite_index (median, min, max of rounds)."""
    rs = ecogrid.RuleSet.preset("changji-2023")
    profile = ecogrid.Profile.named("CN2026")
    inputs = {"items": {"4": 3, "5": 1, "6": 0, "7": 0}, "construction": [True, True, True], "bonus": 1,
              "media": [["prefecture"]]}
    stats = {"so2": 8.0, "no2": 31.0, "pm10": 72.0, "pm25": 36.0, "co": 0.9, "o3": 121.0}
    out = {}
    for name, fn in (("score", lambda: (lambda r: (r.score, r.grade))(rs.score(inputs, "2026-10"))),
                     ("composite", lambda: ecogrid.composite_index(stats, profile).index)):
        fn()  # warm
        wall, cpu = [], []
        for _ in range(rounds):
            t, c0 = time.perf_counter(), time.process_time()
            for _ in range(calls):
                fn()
            wall.append((time.perf_counter() - t) / calls * 1e6)
            cpu.append((time.process_time() - c0) / calls * 1e6)
        out[name] = (min(wall), statistics.median(wall), max(wall), statistics.median(cpu), min(cpu), max(cpu))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    os.environ.setdefault("ECOGRID_LIBRARY", os.path.join(args.build, "src", "libecogrid.so"))
    sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))
    import ecogrid  # noqa: E402  (after ECOGRID_LIBRARY is set)

    with tempfile.TemporaryDirectory(prefix="ecogrid-bench-") as tmp:
        a = bench_airq(ecogrid, args.build, args.scale, args.rounds, tmp)
        s = bench_assess(ecogrid, args.build, args.scale, args.rounds, tmp)
        pc = per_call(ecogrid, args.rounds)
    ra, rs_ = a["py_s"] / a["c_s"], s["py_s"] / s["c_s"]
    da, ds = a["py_s"] / a["direct_s"], s["py_s"] / s["direct_s"]
    print("bench=python_batch scale=%d rounds=%d airq_stations=%d airq_c_s=%.4f airq_py_s=%.4f airq_py_over_c=%.2f "
          "airq_cpu_py_over_c=%.2f airq_direct_s=%.4f airq_py_over_direct=%.2f airq_agree=%d assess_units=%d "
          "assess_c_s=%.4f assess_py_s=%.4f assess_py_over_c=%.2f assess_cpu_py_over_c=%.2f assess_direct_s=%.4f "
          "assess_py_over_direct=%.2f assess_agree=%d score_us=%.2f score_us_min=%.2f score_us_max=%.2f "
          "score_cpu_us=%.2f score_cpu_us_min=%.2f score_cpu_us_max=%.2f composite_us=%.2f composite_us_min=%.2f "
          "composite_us_max=%.2f composite_cpu_us=%.2f composite_cpu_us_min=%.2f composite_cpu_us_max=%.2f "
          "airq_py_over_direct_min=%.2f airq_py_over_direct_max=%.2f assess_py_over_direct_min=%.2f "
          "assess_py_over_direct_max=%.2f"
          % (args.scale, args.rounds, a["stations"], a["c_s"], a["py_s"], ra, a["py_cpu_s"] / a["c_cpu_s"],
             a["direct_s"], da, a["agree"], s["units"], s["c_s"], s["py_s"], rs_, s["py_cpu_s"] / s["c_cpu_s"],
             s["direct_s"], ds, s["agree"], pc["score"][1], pc["score"][0], pc["score"][2], pc["score"][3],
             pc["score"][4], pc["score"][5], pc["composite"][1], pc["composite"][0], pc["composite"][2],
             pc["composite"][3], pc["composite"][4], pc["composite"][5], a["direct_min"], a["direct_max"],
             s["direct_min"], s["direct_max"]))
    print("python_batch: monthly air statistics %.3f s in Python vs %.3f s for the C program (%.2fx) and %.3f s "
          "for the same C calls from this process (%.2fx); assessment and escalation %.3f s vs %.3f s (%.2fx) and "
          "%.3f s (%.2fx); results %s the C programs' (median of %d)"
          % (a["py_s"], a["c_s"], ra, a["direct_s"], da, s["py_s"], s["c_s"], rs_, s["direct_s"], ds,
             "match" if a["agree"] and s["agree"] else "DO NOT MATCH", args.rounds))
    print("python_batch per call: RuleSet.score %.1f us (%.1f-%.1f; CPU %.1f), composite_index %.1f us (%.1f-%.1f; "
          "CPU %.1f); median of %d rounds of 2000 calls"
          % (pc["score"][1], pc["score"][0], pc["score"][2], pc["score"][3], pc["composite"][1], pc["composite"][0],
             pc["composite"][2], pc["composite"][3], args.rounds))
    return 0 if a["agree"] and s["agree"] else 1


if __name__ == "__main__":
    sys.exit(main())
