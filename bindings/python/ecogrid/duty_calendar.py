"""The duty calendar (duty.h): what an office owes on a date.

    d = ecogrid.duties("dongguan-2019")          # a jurisdiction, a duty ID or a rule ID
    rows = d.status(records, "2021-03-31", groups={"town": ["塘厦镇"]}, calendar=cal)
    for r in rows:
        print(r.rule, r.actor, r.period, r.required, r.counted, r.state)

Records are dicts (or a :class:`DutyLog`): ``kind``, ``actor`` (a name or a
list: a joint meeting counts for each), ``time`` ("YYYY-MM-DD",
"YYYY-MM-DD HH:MM", a ``datetime.date`` or ``datetime.datetime``; ``date``
is accepted too), and as a duty needs them ``end``, ``period`` ("2026Q3",
"2026-05", …), ``id``, ``ref``, ``subject``, ``tags`` and ``covers`` (lists
or comma-separated). ``type`` is "done" (default), "exception" (R0.8:
``rule``, ``period``, ``reason``, ``approver``) or "conflict" (CJ-A1-11,
MEE-2.3/2.4: ``kind`` is the relation, ``subject`` the object, "*" for
any). Every rule lives in the library; this module only converts.
"""

from __future__ import annotations

import ctypes
import datetime
from ctypes import byref, c_int
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from ._core import Owner, Record, c_date, cint, decs, enc, i32, live
from ._native import lib
from ._proto_duty_calendar import (DutyDef, DutyLogH, DutyRecord, DutyRowsH, DutySetH, DutyStatusOptions,
                                   DutyWorkdaysH)

#: eg_duty_state, in order
STATES = ("met", "missed", "late", "excused", "not_due", "open", "incomplete", "breach", "noted")
#: States that are findings
FINDINGS = ("missed", "late", "incomplete", "breach")
#: eg_duty_shape
SHAPES = ("periodic", "event", "once", "conflict", "gap")
#: eg_duty_period
PERIODS = ("day", "week", "month", "quarter", "year", "half_year")
#: eg_duty_match
MATCHES = ("event_id", "subject", "actor")
#: eg_duty_unit
UNITS = ("none", "days", "workdays", "months", "minutes", "window", "before", "valid_at")
#: EG_DUTY_FLAG_* by name
FLAGS = {"night_or_holiday": 0x1, "in_principle": 0x2, "start_containing": 0x4, "for_period": 0x8,
         "no_due": 0x10, "extend": 0x20, "rolling_week": 0x40, "cover_times": 0x80, "clamp_start": 0x100,
         "same_tags": 0x200}
_TYPES = ("done", "exception", "conflict")


def _one_of(value: Any, names: Sequence[str], what: str) -> int:
    try:
        return list(names).index(value)
    except ValueError:
        raise ValueError("%s must be one of %s, not %r" % (what, ", ".join(names), value)) from None


def _list(v: Any, sep: str, what: str) -> Optional[bytes]:
    if v is None:
        return None
    if isinstance(v, (list, tuple, set, frozenset)):
        return enc(sep.join(str(x) for x in v), what)
    return enc(v, what)


def _when(v: Any, what: str) -> Optional[bytes]:
    """A record time: "YYYY-MM-DD", "YYYY-MM-DD HH:MM", a date or a datetime (whole minutes)."""
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            raise ValueError("%s must be a local time without a time zone" % what)
        if v.second or v.microsecond:
            raise ValueError("%s %s is not on a whole minute" % (what, v.isoformat(" ")))
        return b"%04d-%02d-%02d %02d:%02d" % (v.year, v.month, v.day, v.hour, v.minute)
    if isinstance(v, datetime.date):
        return c_date(v, what)
    return enc(v, what)


class Workdays(Owner):
    """A working-day calendar (R0.9(a)): weekends, the caller's holidays and adjusted working days (调休).

    ``years`` is (first, last): the years covered; a computation outside them raises OutOfRange."""

    __slots__ = ()
    _free = lib.eg_duty_workdays_free
    _what = "working-day calendar"
    _handle_type = DutyWorkdaysH

    def __init__(self, holidays: Iterable[Any] = (), workdays: Iterable[Any] = (),
                 years: Optional[Sequence[int]] = None) -> None:
        h = DutyWorkdaysH()
        lib.eg_duty_workdays_new(byref(h))
        super().__init__(h)
        if years is not None:
            lib.eg_duty_workdays_cover(self._live(), cint(years[0], "first year"), cint(years[1], "last year"))
        for d in holidays:
            lib.eg_duty_workdays_set(self._live(), c_date(d, "holiday"), 0)
        for d in workdays:
            lib.eg_duty_workdays_set(self._live(), c_date(d, "working day"), 1)

    def is_workday(self, date: Any) -> bool:
        out = c_int()
        lib.eg_duty_workdays_is_workday(byref(out), self._live(), c_date(date))
        return bool(out.value)

    def due_date(self, start: Any, n: int, unit: str = "workdays", extend: bool = False) -> str:
        """The last day of n units after start (R0.9(a), R0.10; extend: Civil Code art. 203)."""
        return due_date(start, n, unit, self, extend)


def _source(getter: Any, *args: Any) -> Tuple[Optional[str], Optional[str]]:
    """(article, quote) of eg_duty_set_source() / eg_duty_rows_source(); Nones without a source."""
    a, q = ctypes.c_char_p(), ctypes.c_char_p()
    getter(byref(a), byref(q), *args)
    return (None if a.value is None else decs(a.value), None if q.value is None else decs(q.value))


def due_date(start: Any, n: int, unit: str = "days", calendar: Optional[Workdays] = None,
             extend: bool = False) -> str:
    """The last day of a period of n days, working days or months after start (the start not counted)."""
    buf = ctypes.create_string_buffer(11)
    cal = live(calendar, Workdays, "calendar") if calendar is not None else None
    lib.eg_duty_due_date(buf, c_date(start, "start"), _one_of(unit, UNITS, "unit"), i32(n, "n"), cal,
                         1 if extend else 0)
    return buf.value.decode("ascii")


class DutyLog(Owner):
    """Records of what was done, and group memberships."""

    __slots__ = ()
    _free = lib.eg_duty_log_free
    _what = "duty log"
    _handle_type = DutyLogH

    def __init__(self, records: Iterable[Mapping[str, Any]] = (),
                 groups: Optional[Mapping[str, Iterable[str]]] = None) -> None:
        h = DutyLogH()
        lib.eg_duty_log_new(byref(h))
        super().__init__(h)
        for g, members in (groups or {}).items():
            for m in members:
                self.add_member(g, m)
        for r in records:
            self.add(r)

    def add_member(self, group: str, member: str) -> None:
        lib.eg_duty_log_add_member(self._live(), enc(group, "group"), enc(member, "member"))

    def add(self, rec: Optional[Mapping[str, Any]] = None, **fields: Any) -> None:
        """Add one record (a dict, or keyword fields)."""
        f = dict(rec or {}, **fields)
        r = DutyRecord()
        lib.eg_duty_record_init(byref(r), 1)
        r.type = _one_of(f.get("type", "done"), _TYPES, "type")
        for key, sep in (("actor", ";"), ("tags", ","), ("covers", ",")):
            setattr(r, key, _list(f.get(key), sep, key))
        for key in ("kind", "period", "id", "ref", "subject", "rule", "reason", "approver"):
            v = f.get(key)
            setattr(r, key, None if v is None else enc(str(v), key))
        r.time = _when(f.get("time", f.get("date")), "time")
        r.end = _when(f.get("end"), "end")
        lib.eg_duty_log_add(self._live(), byref(r))

    def __len__(self) -> int:
        return int(lib.eg_duty_log_count(self._live()))


@dataclass(frozen=True, slots=True)
class Row(Record):
    """One duty for one actor and one period (or event): .rule, .actor, .period, .required,
    .counted, .state, and .duty, .due, .days, .in_principle, .message, .message_en; .article
    and .quote, the source the duty implements (None for a duty without one)."""
    rule: str
    duty: str
    actor: str
    period: str
    due: Optional[str]
    required: int
    counted: int
    state: str
    in_principle: bool
    days: int
    message: str
    message_en: str
    article: Optional[str] = None
    quote: Optional[str] = None

    @property
    def finding(self) -> bool:
        return self.state in FINDINGS

    def __repr__(self) -> str:
        return "<Row %s %s %s %s %d/%d>" % (self.duty, self.actor, self.period, self.state, self.counted,
                                           self.required)


class Duties(Owner):
    """A set of duties (eg_duty_set)."""

    __slots__ = ()
    _free = lib.eg_duty_set_free
    _what = "duty set"
    _handle_type = DutySetH

    def __init__(self, _handle: Any = None) -> None:
        if _handle is None:
            _handle = DutySetH()
            lib.eg_duty_set_new(byref(_handle))
        super().__init__(_handle)

    @classmethod
    def preset(cls, name: str) -> "Duties":
        h = DutySetH()
        lib.eg_duty_set_preset(byref(h), enc(name, "name"))
        return cls(h)

    def add(self, id: str, rule: str, kind: Any, shape: str = "periodic", actor: Any = None,
            group: Optional[str] = None, period: str = "month", min_count: int = 1, tags: Optional[str] = None,
            cover_group: Optional[str] = None, start: Any = None, end: Any = None, due_months: int = 0,
            due_day: int = 0, event_kind: Any = None, match: str = "event_id", limit_unit: str = "none",
            limit: int = 0, flags: Iterable[str] = (), name_zh: Optional[str] = None,
            name_en: Optional[str] = None) -> "Duties":
        """Add a duty (see eg_duty_def); ``flags`` are names of FLAGS."""
        d = DutyDef()
        lib.eg_duty_def_init(byref(d), 1)
        d.id, d.rule = enc(id, "id"), enc(rule, "rule")
        d.kind = _list(kind, " ", "kind")
        d.shape = _one_of(shape, SHAPES, "shape")
        d.actor, d.group = _list(actor, ";", "actor"), enc(group, "group")
        d.period = _one_of(period, PERIODS, "period")
        d.min_count = i32(min_count, "min_count")
        d.tags, d.cover_group = enc(tags, "tags"), enc(cover_group, "cover_group")
        d.start, d.end = c_date(start, "start"), c_date(end, "end")
        d.due_months, d.due_day = i32(due_months, "due_months"), i32(due_day, "due_day")
        d.event_kind = _list(event_kind, " ", "event_kind")
        d.match = _one_of(match, MATCHES, "match")
        d.limit_unit, d.limit = _one_of(limit_unit, UNITS, "limit_unit"), i32(limit, "limit")
        fl = 0
        for f in flags:
            if f not in FLAGS:
                raise ValueError("flag must be one of %s, not %r" % (", ".join(FLAGS), f))
            fl |= FLAGS[f]
        d.flags = fl
        d.name_zh, d.name_en = enc(name_zh, "name_zh"), enc(name_en, "name_en")
        lib.eg_duty_set_add(self._live(), byref(d))
        return self

    def __len__(self) -> int:
        return int(lib.eg_duty_set_count(self._live()))

    def set_source(self, id: str, article: str, quote: str) -> "Duties":
        """Record the source duty `id` implements: the article and the regulation's words."""
        lib.eg_duty_set_set_source(self._live(), enc(id, "id"), enc(article, "article"), enc(quote, "quote"))
        return self

    def sources(self) -> Dict[str, Tuple[Optional[str], Optional[str]]]:
        """dict duty ID -> (article, quote), (None, None) for a duty without a source."""
        return {i: _source(lib.eg_duty_set_source, self._live(), k) for k, i in enumerate(self.ids())}

    def ids(self) -> List[str]:
        out = []
        for i in range(len(self)):
            d = DutyDef()
            lib.eg_duty_set_at(byref(d), self._live(), i)
            out.append(decs(d.id))
        return out

    def status(self, records: Any, date: Any, since: Any = None, calendar: Optional[Workdays] = None,
               groups: Optional[Mapping[str, Iterable[str]]] = None, findings_only: bool = False,
               exceptions: bool = True) -> List[Row]:
        """The rows on `date` (R0.5–R0.11): records are dicts or a DutyLog; groups map a group
        name to its members; calendar is a Workdays (needed for working-day limits and DG-15)."""
        if isinstance(records, DutyLog):
            log = records
            for g, members in (groups or {}).items():
                for m in members:
                    log.add_member(g, m)
        else:
            log = DutyLog(records, groups)
        o = DutyStatusOptions()
        lib.eg_duty_status_options_init(byref(o), 1)
        setattr(o, "from", c_date(since, "since"))
        o.workdays = live(calendar, Workdays, "calendar") if calendar is not None else DutyWorkdaysH()
        o.flags = (1 if findings_only else 0) | (0 if exceptions else 2)
        h = DutyRowsH()
        lib.eg_duty_status(byref(h), self._live(), log._live(), c_date(date), byref(o))
        try:
            return [Row(rule=decs(lib.eg_duty_rows_rule(h, i)), duty=decs(lib.eg_duty_rows_duty(h, i)),
                        actor=decs(lib.eg_duty_rows_actor(h, i)), period=decs(lib.eg_duty_rows_period(h, i)),
                        due=decs(lib.eg_duty_rows_due(h, i)) or None, required=lib.eg_duty_rows_required(h, i),
                        counted=lib.eg_duty_rows_counted(h, i), state=STATES[lib.eg_duty_rows_state(h, i)],
                        in_principle=bool(lib.eg_duty_rows_in_principle(h, i)), days=lib.eg_duty_rows_days(h, i),
                        message=decs(lib.eg_duty_rows_message(h, i, 0)),
                        message_en=decs(lib.eg_duty_rows_message(h, i, 1)),
                        article=src[0], quote=src[1])
                    for i in range(lib.eg_duty_rows_count(h))
                    for src in (_source(lib.eg_duty_rows_source, h, i),)]
        finally:
            lib.eg_duty_rows_free(h)


def duties(scheme_or_preset: Any) -> Duties:
    """The duties of a preset ("changji-2023", "dongguan-2019", "jiangmen-2021", "mee-2020",
    "yulin-2019"), of one duty ("DG-52-bulletin") or one rule ("DG-52"), or of a scheme object
    that carries its duties (anything with a ``duties()`` method returning a Duties)."""
    if isinstance(scheme_or_preset, str):
        return Duties.preset(scheme_or_preset)
    if isinstance(scheme_or_preset, Duties):
        return scheme_or_preset
    getter = getattr(scheme_or_preset, "duties", None)
    if callable(getter):
        got = getter()
        if not isinstance(got, Duties):
            raise TypeError("%s.duties() did not return ecogrid.Duties" % type(scheme_or_preset).__name__)
        return got
    raise TypeError("duties() takes a preset name or a scheme, not %s" % type(scheme_or_preset).__name__)


__all__ = ["STATES", "Workdays", "DutyLog", "Row", "Duties", "duties", "due_date"]
