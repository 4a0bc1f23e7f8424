"""Verifiable double-random inspection draws (DG-6, DG-8/10/11, 双随机).

>>> sha256_sample("3546311556112163624615351222", 876, 3)
[740, 180, 264]
"""

import weakref
from ctypes import byref, c_char_p, c_int, c_int32, c_int64, c_size_t, c_void_p

from ._native import dec, enc, lib


def sha256_sample(seed, n, count, replace=False, skip=0):
    """Values in 1..n exactly as Rivest's public sampler.py (SHA-256 counter mode)."""
    out = (c_int64 * max(count, 1))()
    lib.eg_sample(out, count, enc(seed, "seed"), 1, int(n), 1 if replace else 0, int(skip))
    return list(out[:count])


def _ints(values):
    res = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise TypeError("emissions must be numbers, not %r" % (v,))
        # Exact arithmetic (DG-6): integers as given, floats in fixed point 0.001.
        res.append(v if isinstance(v, int) else int(round(v * 1000)))
    return res


def pool(emissions, share=0.85):
    """DG-6: IDs of the top emitters whose cumulative share reaches `share`
    (ties at the cut included). ``emissions``: dict ID -> emission."""
    ids = list(emissions)
    vals = list(emissions.values())
    if any(isinstance(v, float) for v in vals):
        vals = [v * 1.0 for v in vals]
    n = len(ids)
    arr_ids = (c_char_p * max(n, 1))(*[enc(i, "ID") for i in ids])
    arr_em = (c_int64 * max(n, 1))(*_ints(vals))
    out = (c_size_t * max(n, 1))()
    count = c_size_t()
    lib.eg_inspect_pool(out, byref(count), arr_ids, arr_em, n, int(round(share * 1000)))
    return [ids[out[i]] for i in range(count.value)]


class DrawRecord:
    """A draw: .seed, .frame_hash, .selected (list, or dict stratum -> list),
    .inspectors (dict object -> list), .skips (list of (inspector, object))."""

    def __init__(self, handle, seed, strata, quotas, stratified):
        self._h = handle
        self._finalizer = weakref.finalize(self, lib.eg_draw_free, handle)
        self.seed, self.strata, self.quotas, self._stratified = seed, strata, quotas, stratified

    @property
    def frame_hash(self):
        return dec(lib.eg_draw_frame_hash(self._h))

    @property
    def selected(self):
        items = [(dec(lib.eg_draw_selected_stratum(self._h, i)), dec(lib.eg_draw_selected(self._h, i)))
                 for i in range(lib.eg_draw_selected_count(self._h))]
        if not self._stratified:
            return [x for _s, x in items]
        out = {s: [] for s in self.strata}
        for s, x in items:
            out[s].append(x)
        return out

    @property
    def skips(self):
        res = []
        for k in range(lib.eg_draw_skip_count(self._h)):
            i, o = c_char_p(), c_char_p()
            lib.eg_draw_skip(byref(i), byref(o), self._h, k)
            res.append((dec(i.value), dec(o.value)))
        return res

    @property
    def inspectors(self):
        res = {}
        for i in range(lib.eg_draw_selected_count(self._h)):
            names, k = [], 0
            while True:
                v = lib.eg_draw_inspector(self._h, i, k)
                if v is None:
                    break
                names.append(dec(v))
                k += 1
            res[dec(lib.eg_draw_selected(self._h, i))] = names
        return res

    def pair(self, inspectors, conflicts=(), per_object=1):
        """Draw inspectors for each selected object, skipping conflicts
        (pairs (inspector, object), 回避)."""
        ins = (c_char_p * max(len(inspectors), 1))(*[enc(x) for x in inspectors])
        ci = (c_char_p * max(len(conflicts), 1))(*[enc(a) for a, _b in conflicts])
        co = (c_char_p * max(len(conflicts), 1))(*[enc(b) for _a, b in conflicts])
        lib.eg_draw_pair_inspectors(self._h, ins, len(inspectors), ci, co, len(conflicts), int(per_object))
        return self


def _frame_args(frame, quotas):
    if isinstance(frame, dict):
        strata = list(frame)
        if not isinstance(quotas, dict):
            raise TypeError("quotas must be a dict stratum -> count when the frame is")
        qs = [int(quotas[s]) for s in strata]
        ids = [x for s in strata for x in frame[s]]
        sizes = [len(frame[s]) for s in strata]
        stratified = True
    else:
        strata, ids, sizes, qs, stratified = ["all"], list(frame), [len(frame)], [int(quotas)], False
    n = len(strata)
    return ((c_char_p * n)(*[enc(s, "stratum") for s in strata]), (c_size_t * n)(*sizes),
            (c_char_p * max(len(ids), 1))(*[enc(x, "ID") for x in ids]), (c_size_t * n)(*qs), n, strata, stratified)


def draw(frame, seed, quotas):
    """Draw objects reproducibly (algorithm 1). ``frame``: list of IDs (one
    stratum) or dict stratum -> list; ``quotas``: int or dict stratum -> count."""
    st, sizes, ids, qs, n, strata, stratified = _frame_args(frame, quotas)
    h = c_void_p()
    lib.eg_draw_objects(byref(h), enc(seed, "seed"), st, sizes, ids, qs, n)
    return DrawRecord(h.value, seed, strata, quotas, stratified)


def verify(record, frame):
    """True when `record` is exactly the draw of `frame` with its seed and quotas."""
    st, sizes, ids, qs, n, _strata, _s = _frame_args(frame, record.quotas)
    ok = c_int()
    lib.eg_draw_verify(byref(ok), record._h, st, sizes, ids, qs, n)
    return bool(ok.value)


STATUSES = ("on_time", "late", "missing")
MEE_GRADES = ("leading", "A", "B", "C", "D")
PERIODS = ("day", "week", "month", "quarter", "year")


class Finding:
    """A duty finding: .rule, .actor, .period_start, .measured, .message, .message_en."""

    __slots__ = ("rule", "actor", "period_start", "measured", "message", "message_en")

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    def __repr__(self):
        return "<Finding %s %s>" % (self.rule, self.message_en)


def alert_deadlines(pushed, feedback=None, result=None):
    """CJ-G.9: {"feedback": (status, late_minutes), "result": (...)}; 60 min is on time, 61 late."""
    st = (c_int * 2)()
    late = (c_int32 * 2)()
    lib.eg_alert_deadlines(st, late, enc(pushed), enc(feedback), enc(result))
    return {"feedback": (STATUSES[st[0]], late[0]), "result": (STATUSES[st[1]], late[1])}


def equipment_due(repairs, installed, on_date):
    """DG-30: more than 10 repairs or more than 10 years in service."""
    due = c_int()
    lib.eg_equipment_due(byref(due), int(repairs), enc(installed), enc(on_date))
    return bool(due.value)


def mee_grade(indicators, applied=True):
    """MEE-1: the worst indicator grade (短板); None is a missing indicator (D)."""
    codes = [-1 if g is None else MEE_GRADES.index(g) for g in indicators]
    arr = (c_int * max(len(codes), 1))(*codes)
    out = c_int()
    lib.eg_mee_grade_of(byref(out), 1 if applied else 0, arr, len(codes))
    return MEE_GRADES[out.value]


def cadence_check(rule, kind, period, min_count, actors, events, start, end, holidays=(), night_or_holiday=False):
    """CJ-G.8 / DG-15 / DG-17: at least `min_count` events of `kind` per period for
    each actor. ``events``: list of (time "YYYY-MM-DD HH:MM", kind, actor). Returns findings."""
    n = len(events)
    t = (c_char_p * max(n, 1))(*[enc(e[0]) for e in events])
    k = (c_char_p * max(n, 1))(*[enc(e[1]) for e in events])
    a = (c_char_p * max(n, 1))(*[enc(e[2]) for e in events])
    ac = (c_char_p * max(len(actors), 1))(*[enc(x) for x in actors])
    hol = (c_char_p * max(len(holidays), 1))(*[enc(h) for h in holidays])
    h = c_void_p()
    lib.eg_cadence_check(byref(h), enc(rule), enc(kind), PERIODS.index(period), int(min_count),
                         1 if night_or_holiday else 0, ac, len(actors), t, k, a, n, hol, len(holidays),
                         enc(start), enc(end))
    try:
        return [Finding(rule=rule, actor=dec(lib.eg_cadence_actor(h, i)),
                        period_start=dec(lib.eg_cadence_period_start(h, i)),
                        measured=lib.eg_cadence_measured(h, i),
                        message=dec(lib.eg_cadence_message(h, i, 0)),
                        message_en=dec(lib.eg_cadence_message(h, i, 1)))
                for i in range(lib.eg_cadence_count(h))]
    finally:
        lib.eg_cadence_free(h)


def cadence_preset(name, actors, events, start, end, holidays=()):
    """Run a cadence preset ("CJ-G.8-patrol", "DG-15-town", "DG-17-village", …)."""
    from ctypes import c_uint
    kind, rule = c_char_p(), c_char_p()
    period, min_count, flags = c_int(), c_int32(), c_uint()
    lib.eg_cadence_preset(byref(kind), byref(period), byref(min_count), byref(flags), byref(rule), enc(name))
    return cadence_check(dec(rule.value), dec(kind.value), PERIODS[period.value], min_count.value, actors, events,
                         start, end, holidays, night_or_holiday=bool(flags.value & 1))


def alert_summary(alerts):
    """CJ-G.9 monthly summary: alerts (unit, pushed, feedback or None, result or None) ->
    {unit: {"alerts": n, "feedback_late": n, "feedback_missing": n, "result_late": n, "result_missing": n}}."""
    out = {}
    for unit, pushed, feedback, result in alerts:
        r = alert_deadlines(pushed, feedback, result)
        s = out.setdefault(unit, {"alerts": 0, "feedback_late": 0, "feedback_missing": 0,
                                  "result_late": 0, "result_missing": 0})
        s["alerts"] += 1
        for part in ("feedback", "result"):
            if r[part][0] != "on_time":
                s["%s_%s" % (part, r[part][0])] += 1
    return out


def uninspected_key_objects(key_objects, inspected):
    """DG-8: key objects not inspected at least once in the year."""
    keys, done = list(key_objects), list(inspected)
    out, n = (c_size_t * max(len(keys), 1))(), c_size_t()
    lib.eg_inspect_key_coverage(out, byref(n), (c_char_p * max(len(keys), 1))(*[enc(k) for k in keys]), len(keys),
                                (c_char_p * max(len(done), 1))(*[enc(d) for d in done]), len(done))
    return [keys[out[i]] for i in range(n.value)]


def reduction_list(enterprises, table, level):
    """MEE-1: the reduction list for an alert. ``enterprises``: dict ID -> grade
    ("leading", "A" … "D"); ``table``: dict (grade, level) -> measure, levels
    "yellow", "orange", "red". Grade A and leading are not listed."""
    levels = ("yellow", "orange", "red")
    flat = [enc(table.get((g, lv))) if table.get((g, lv)) else None for g in MEE_GRADES for lv in levels]
    arr = (c_char_p * 15)(*flat)
    out = {}
    for ent, grade in enterprises.items():
        m = c_char_p()
        lib.eg_mee_reduction_measure(byref(m), arr, MEE_GRADES.index(grade), levels.index(level))
        if m.value is not None:
            out[ent] = dec(m.value)
    return out
