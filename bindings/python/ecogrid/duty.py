"""Duties with deadlines and cadences (duty.h): CJ-G.9, DG-30, MEE-1, MEE-3.1,
CJ-G.8 / DG-9 / DG-15 / DG-17 cadences, YL-5.4 / DG-61 / DG-67 obligations."""

import ctypes
from ctypes import byref, c_char_p, c_int, c_int32, c_uint, c_void_p

from ._native import dec, enc, lib


#: eg_duty_deadline: EG_DUTY_DEADLINE_ON_TIME, _LATE, _MISSING
STATUSES = ("on_time", "late", "missing")
#: eg_duty_mee_grade: EG_DUTY_MEE_GRADE_LEADING, _A ... _D
MEE_GRADES = ("leading", "A", "B", "C", "D")
#: eg_duty_period: EG_DUTY_PERIOD_DAY ... EG_DUTY_PERIOD_YEAR
PERIODS = ("day", "week", "month", "quarter", "year")
#: eg_duty_alert_level: EG_DUTY_ALERT_LEVEL_YELLOW, _ORANGE, _RED
ALERT_LEVELS = ("yellow", "orange", "red")
#: EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY
CADENCE_NIGHT_OR_HOLIDAY = 0x1
#: eg_duty_obligation: EG_DUTY_OBLIGATION_YL_5_4, _DG_61, _DG_67
OBLIGATIONS = ("YL-5.4", "DG-61", "DG-67")


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
    lib.eg_duty_alert_deadlines(st, late, enc(pushed), enc(feedback), enc(result))
    return {"feedback": (STATUSES[st[0]], late[0]), "result": (STATUSES[st[1]], late[1])}


def equipment_due(repairs, installed, on_date):
    """DG-30: more than 10 repairs or more than 10 years in service."""
    due = c_int()
    lib.eg_duty_equipment_due(byref(due), int(repairs), enc(installed), enc(on_date))
    return bool(due.value)


def mee_grade(indicators, applied=True):
    """MEE-1: the worst indicator grade (短板); None is a missing indicator (D)."""
    codes = [-1 if g is None else MEE_GRADES.index(g) for g in indicators]
    arr = (c_int * max(len(codes), 1))(*codes)
    out = c_int()
    lib.eg_duty_mee_grade_of(byref(out), 1 if applied else 0, arr, len(codes))
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
    lib.eg_duty_cadence_check(byref(h), enc(rule), enc(kind), PERIODS.index(period), int(min_count),
                         CADENCE_NIGHT_OR_HOLIDAY if night_or_holiday else 0, ac, len(actors), t, k, a, n, hol, len(holidays),
                         enc(start), enc(end))
    try:
        return [Finding(rule=rule, actor=dec(lib.eg_duty_cadence_actor(h, i)),
                        period_start=dec(lib.eg_duty_cadence_period_start(h, i)),
                        measured=lib.eg_duty_cadence_measured(h, i),
                        message=dec(lib.eg_duty_cadence_message(h, i, 0)),
                        message_en=dec(lib.eg_duty_cadence_message(h, i, 1)))
                for i in range(lib.eg_duty_cadence_count(h))]
    finally:
        lib.eg_duty_cadence_free(h)


def cadence_preset(name, actors, events, start, end, holidays=()):
    """Run a cadence preset ("CJ-G.8-patrol", "DG-15-town", "DG-17-village", …)."""
    kind, rule = c_char_p(), c_char_p()
    period, min_count, flags = c_int(), c_int32(), c_uint()
    lib.eg_duty_cadence_preset(byref(kind), byref(period), byref(min_count), byref(flags), byref(rule), enc(name))
    return cadence_check(dec(rule.value), dec(kind.value), PERIODS[period.value], min_count.value, actors, events,
                         start, end, holidays, night_or_holiday=bool(flags.value & CADENCE_NIGHT_OR_HOLIDAY))


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


def reduction_list(enterprises, table, level):
    """MEE-1: the reduction list for an alert. ``enterprises``: dict ID -> grade
    ("leading", "A" … "D"); ``table``: dict (grade, level) -> measure, levels
    "yellow", "orange", "red". Grade A and leading are not listed."""
    levels = ALERT_LEVELS
    flat = [enc(table.get((g, lv))) if table.get((g, lv)) else None for g in MEE_GRADES for lv in levels]
    arr = (c_char_p * 15)(*flat)
    out = {}
    for ent, grade in enterprises.items():
        m = c_char_p()
        lib.eg_duty_mee_reduction_measure(byref(m), arr, MEE_GRADES.index(grade), levels.index(level))
        if m.value is not None:
            out[ent] = dec(m.value)
    return out


def obligation_due(kind, start, months=0):
    """"YL-5.4" (3 months), "DG-61" (1 month) or "DG-67" (3-12 months): the due/end date."""
    buf = ctypes.create_string_buffer(11)
    lib.eg_duty_obligation_due(buf, {k: i for i, k in enumerate(OBLIGATIONS)}[kind], enc(start), int(months))
    return buf.value.decode("ascii")
