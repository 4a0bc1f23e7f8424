"""Duties with deadlines and cadences (duty.h): CJ-G.9, DG-30, MEE-1, MEE-3.1,
CJ-G.8 / DG-9 / DG-15 / DG-17 cadences (on the duty calendar, duty_calendar.py),
YL-5.4 / DG-61 / DG-67 obligations.

Times are "YYYY-MM-DD HH:MM" strings or ``datetime.datetime`` values;
dates are "YYYY-MM-DD" strings or ``datetime.date`` values.
"""

from __future__ import annotations

import ctypes
import datetime
from ctypes import byref, c_char_p, c_int, c_int32, c_uint
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from ._core import Record, c_date, c_time, cint, decs, enc, i32
from ._native import lib

#: eg_duty_deadline: EG_DUTY_DEADLINE_ON_TIME, _LATE, _MISSING
STATUSES = ("on_time", "late", "missing")
#: eg_duty_mee_grade: EG_DUTY_MEE_GRADE_LEADING, _A ... _D
MEE_GRADES = ("leading", "A", "B", "C", "D")
#: eg_duty_period: EG_DUTY_PERIOD_DAY ... EG_DUTY_PERIOD_HALF_YEAR
PERIODS = ("day", "week", "month", "quarter", "year", "half_year")
#: eg_duty_alert_level: EG_DUTY_ALERT_LEVEL_YELLOW, _ORANGE, _RED
ALERT_LEVELS = ("yellow", "orange", "red")
#: EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY
CADENCE_NIGHT_OR_HOLIDAY = 0x1
#: eg_duty_obligation: EG_DUTY_OBLIGATION_YL_5_4, _DG_61, _DG_67
OBLIGATIONS = ("YL-5.4", "DG-61", "DG-67")


def _one_of(value: Any, names: Sequence[str], what: str) -> int:
    try:
        return list(names).index(value)
    except ValueError:
        raise ValueError("%s must be one of %s, not %r" % (what, ", ".join(names), value)) from None


@dataclass(frozen=True, slots=True)
class Finding(Record):
    """A duty finding: .rule, .actor, .period_start (the period's label: "2026-10", "2026-W41", …),
    .measured, .message, .message_en."""
    rule: str
    actor: str
    period_start: str
    measured: int
    message: str
    message_en: str

    def __repr__(self) -> str:
        return "<Finding %s %s>" % (self.rule, self.message_en)


class Deadline(NamedTuple):
    """A deadline's status ("on_time", "late", "missing") and minutes late."""
    status: str
    late_minutes: int


def alert_deadlines(pushed: Any, feedback: Any = None, result: Any = None) -> Dict[str, Deadline]:
    """CJ-G.9: {"feedback": (status, late_minutes), "result": (...)}; 60 min is on time, 61 late."""
    st = (c_int * 2)()
    late = (c_int32 * 2)()
    lib.eg_duty_alert_deadlines(st, late, c_time(pushed, "pushed"), c_time(feedback, "feedback"),
                                c_time(result, "result"))
    return {"feedback": Deadline(STATUSES[st[0]], late[0]), "result": Deadline(STATUSES[st[1]], late[1])}


def equipment_due(repairs: int, installed: Any, on_date: Any) -> bool:
    """DG-30: more than 10 repairs or more than 10 years in service."""
    due = c_int()
    lib.eg_duty_equipment_due(byref(due), i32(repairs, "repairs"), c_date(installed, "installed"),
                              c_date(on_date, "on_date"))
    return bool(due.value)


def mee_grade(indicators: Iterable[Optional[str]], applied: bool = True) -> str:
    """MEE-1: the worst indicator grade (短板); None is a missing indicator (D)."""
    codes = [-1 if g is None else _one_of(g, MEE_GRADES, "grade") for g in indicators]
    arr = (c_int * max(len(codes), 1))(*codes)
    out = c_int()
    lib.eg_duty_mee_grade_of(byref(out), 1 if applied else 0, arr, len(codes))
    return MEE_GRADES[out.value]


def cadence_check(rule: str, kind: str, period: str, min_count: int, actors: Sequence[str],
                  events: Sequence[Tuple[Any, str, str]], start: Any, end: Any, holidays: Sequence[Any] = (),
                  night_or_holiday: bool = False) -> List[Finding]:
    """CJ-G.8 / DG-15 / DG-17: at least `min_count` events of `kind` per period for
    each actor, judged in every period that overlaps [start, end], on the duty
    calendar (duty_calendar.py; the period holding `start` included, R0.7's
    alternative). ``events``: list of (time "YYYY-MM-DD HH:MM" or datetime, kind,
    actor); ``holidays``: rest days besides weekends (DG-15). Returns findings."""
    from .duty_calendar import Duties, Workdays

    first = datetime.date.fromisoformat(decs(c_date(start, "start")))
    after = datetime.date.fromisoformat(decs(c_date(end, "end"))) + datetime.timedelta(days=1)
    flags = ["start_containing"] + (["night_or_holiday"] if night_or_holiday else [])
    d = Duties().add("cadence", rule, kind, period=period, min_count=min_count, actor=list(actors), start=first,
                     end=end, flags=flags)
    cal = Workdays(holidays=holidays, years=(first.year, after.year))
    recs = [{"time": c_time(t, "event time"), "kind": k, "actor": a} for t, k, a in events]
    with d, cal:
        return [Finding(rule=r.rule, actor=r.actor, period_start=r.period, measured=r.counted, message=r.message,
                        message_en=r.message_en)
                for r in d.status(recs, after, since=first, calendar=cal, findings_only=True)]


def cadence_preset(name: str, actors: Sequence[str], events: Sequence[Tuple[Any, str, str]], start: Any, end: Any,
                   holidays: Sequence[Any] = ()) -> List[Finding]:
    """Run a cadence preset ("CJ-G.8-patrol", "DG-15-town", "DG-17-village", …)."""
    kind, rule = c_char_p(), c_char_p()
    period, min_count, flags = c_int(), c_int32(), c_uint()
    lib.eg_duty_cadence_preset(byref(kind), byref(period), byref(min_count), byref(flags), byref(rule),
                               enc(name, "name"))
    return cadence_check(decs(rule.value), decs(kind.value), PERIODS[period.value], min_count.value, actors, events,
                         start, end, holidays, night_or_holiday=bool(flags.value & CADENCE_NIGHT_OR_HOLIDAY))


def alert_summary(alerts: Iterable[Tuple[str, Any, Any, Any]]) -> Dict[str, Dict[str, int]]:
    """CJ-G.9 monthly summary: alerts (unit, pushed, feedback or None, result or None) ->
    {unit: {"alerts": n, "feedback_late": n, "feedback_missing": n, "result_late": n, "result_missing": n}}."""
    out: Dict[str, Dict[str, int]] = {}
    for unit, pushed, feedback, result in alerts:
        r = alert_deadlines(pushed, feedback, result)
        s = out.setdefault(unit, {"alerts": 0, "feedback_late": 0, "feedback_missing": 0,
                                  "result_late": 0, "result_missing": 0})
        s["alerts"] += 1
        for part in ("feedback", "result"):
            if r[part].status != "on_time":
                s["%s_%s" % (part, r[part].status)] += 1
    return out


def reduction_list(enterprises: Mapping[str, str], table: Mapping[Tuple[str, str], str], level: str) -> Dict[str, str]:
    """MEE-1: the reduction list for an alert. ``enterprises``: dict ID -> grade
    ("leading", "A" … "D"); ``table``: dict (grade, level) -> measure, levels
    "yellow", "orange", "red". Grade A and leading are not listed."""
    lv_code = _one_of(level, ALERT_LEVELS, "level")
    flat = [enc(table[(g, lv)], "measure") if table.get((g, lv)) else None for g in MEE_GRADES for lv in ALERT_LEVELS]
    arr = (c_char_p * 15)(*flat)
    out = {}
    for ent, grade in enterprises.items():
        m = c_char_p()
        lib.eg_duty_mee_reduction_measure(byref(m), arr, _one_of(grade, MEE_GRADES, "grade"), lv_code)
        if m.value is not None:
            out[ent] = decs(m.value)
    return out


def obligation_due(kind: str, start: Any, months: int = 0) -> str:
    """"YL-5.4" (3 months), "DG-61" (1 month) or "DG-67" (3-12 months): the due/end date "YYYY-MM-DD"."""
    if kind not in OBLIGATIONS:
        raise KeyError(kind)
    buf = ctypes.create_string_buffer(11)
    lib.eg_duty_obligation_due(buf, OBLIGATIONS.index(kind), c_date(start, "start"), cint(months, "months"))
    return buf.value.decode("ascii")


__all__ = ["Finding", "Deadline", "alert_deadlines", "equipment_due", "mee_grade", "cadence_check", "cadence_preset",
           "alert_summary", "reduction_list", "obligation_due"]
