"""Disclosure (disclosure.h): the JM-2.1 list and its quarterly updates, JM-2.1 top N, CJ-A2-5.3."""

from __future__ import annotations

import ctypes
from ctypes import byref, c_int, c_int32, c_int64, c_size_t
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from ._core import c_date, c_month, c_time, cint, decs, enc, i32, i64, live, size, str_array
from ._native import lib, options
from ._proto_disclosure import DisclosureChange, DisclosureHeadsH, DisclosureHeadsOptions, DisclosureOptions
from .grid import Grid
from .records import _Records

#: eg_disclosure_update: EG_DISCLOSURE_UPDATE_ON_TIME, _LATE, _MISSING, _NOT_DUE
UPDATE_STATUSES = ("on_time", "late", "missing", "not_due")
#: eg_disclosure_step: the JM-2.1.2 steps (the 3rd, the 15th, the 15th)
STEPS = ("district_update", "city_list", "district_publication")


class LateUpdate(NamedTuple):
    """JM-2.1.2: a record whose quarterly update is late or missing."""
    record: str
    status: str
    days_late: int


class HeadsProblem(NamedTuple):
    """CJ-A2-5.3: one problem: its kind ("late", "heads", "channel"), the grid, the person or channel,
    the effective and due dates and the days late (late changes), and the sentence."""
    kind: str
    node: str
    name: str
    effective: Optional[str]
    due: Optional[str]
    late_days: int
    message: str
    message_en: str


class HeadsCheck(NamedTuple):
    """CJ-A2-5.3: whether item 3 is met in the month, and its problems."""
    met: bool
    problems: Tuple[HeadsProblem, ...]


def _options(step: str, before: bool, same_day: bool) -> DisclosureOptions:
    if step not in STEPS:
        raise ValueError("step must be one of %s, not %r" % (", ".join(STEPS), step))
    o = DisclosureOptions()
    lib.eg_disclosure_options_init(byref(o), 1)
    o.step = STEPS.index(step)
    o.before = 1 if before else 0
    o.same_day = 1 if same_day else 0
    return o


def deadline(year: int, quarter: int, step: str = "district_update", before: bool = False) -> str:
    """JM-2.1.2: the deadline "YYYY-MM-DD" of a step (the 3rd or the 15th; "before": the 2nd or the 14th)."""
    buf = ctypes.create_string_buffer(11)
    lib.eg_disclosure_deadline(buf, cint(year, "year"), cint(quarter, "quarter"),
                               byref(_options(step, before, False)))
    return buf.value.decode("ascii")


class DisclosureList(_Records):
    """JM-2.1 double-disclosure list; quarterly updates set the `quarter` field."""

    def check(self, rid: str, as_of: Any = None) -> None:
        """JM-2.1.1: raise InvalidArgument naming the missing content fields of a record."""
        lib.eg_disclosure_record_check(self._live(), enc(rid, "record ID"),
                                       c_time(as_of, "as_of", date_is_midnight=True))

    def update_status(self, rid: str, year: int, quarter: int, step: str = "district_update", before: bool = False,
                      same_day: bool = False) -> Tuple[str, int]:
        """JM-2.1.2: ("on_time"|"late"|"missing"|"not_due", days late) of one record for a quarter and step."""
        st, late = c_int(), c_int32()
        lib.eg_disclosure_update_check(byref(st), byref(late), self._live(), enc(rid, "record ID"), cint(year, "year"),
                                       cint(quarter, "quarter"), byref(_options(step, before, same_day)))
        return UPDATE_STATUSES[st.value], late.value

    def late_updates(self, year: int, quarter: int, step: str = "district_update", before: bool = False,
                     same_day: bool = False) -> Dict[str, List[LateUpdate]]:
        """JM-2.1.2 / JM-2.2 (2): {district: [(record ID, "late"|"missing", days late)]} for a
        step ("district_update" by the 3rd, "city_list" and "district_publication" by the 15th);
        a record first listed after the deadline's day owed nothing (not_due) and is not listed."""
        h = self._live()
        y, q = cint(year, "year"), cint(quarter, "quarter")
        opts = _options(step, before, same_day)
        res: Dict[str, List[LateUpdate]] = {}
        for rid in self.ids():
            st, late = c_int(), c_int32()
            lib.eg_disclosure_update_check(byref(st), byref(late), h, enc(rid), y, q, byref(opts))
            if st.value in (1, 2):
                district = self.get(rid, "district") or ""
                res.setdefault(district, []).append(LateUpdate(rid, UPDATE_STATUSES[st.value], late.value))
        return res


#: eg_disclosure_role, eg_disclosure_action, eg_disclosure_limit, eg_disclosure_problem
ROLES = ("head", "subhead", "channel", "supervisor")
ACTIONS = ("appoint", "remove")
LIMITS = ("workdays", "snapshot", "next_month", "days")
PROBLEMS = ("late", "heads", "channel")


def heads_disclosed(grid: Grid, unit_id: str, month: Any, changes: Sequence[Mapping[str, Any]],
                    calendar: Any = None, limit: str = "workdays", days: int = 20, key_grids: bool = False,
                    supervisors: bool = False) -> HeadsCheck:
    """CJ-A2-5.3 (item 3) for a level-2 unit in a month ("YYYY-MM"), from the roster's changes:
    dicts with ``node``, ``role`` ("head", "subhead", "channel", "supervisor"), ``name``,
    ``action`` ("appoint" or "remove"; default appoint), ``effective`` and ``published`` (None:
    not published). The default limit is 20 working days of ``calendar`` (an ecogrid.Workdays)."""
    from .duty_calendar import Workdays

    gh = live(grid, Grid, "grid")
    chs = list(changes)
    arr = (DisclosureChange * max(len(chs), 1))()
    for i, c in enumerate(chs):
        x = arr[i]
        lib.eg_disclosure_change_init(byref(x), 1)
        x.node, x.name = enc(c.get("node"), "node"), enc(c.get("name"), "name")
        x.role = _one_of(c.get("role", "head"), ROLES, "role")
        x.action = _one_of(c.get("action", "appoint"), ACTIONS, "action")
        x.effective, x.published = c_date(c.get("effective"), "effective"), c_date(c.get("published"), "published")
    opts = options(DisclosureHeadsOptions, changes=arr, n_changes=len(chs), limit=_one_of(limit, LIMITS, "limit"),
                   days=i32(days, "days"), key_grids=1 if key_grids else 0, supervisors=1 if supervisors else 0)
    if calendar is not None:
        opts.workdays = live(calendar, Workdays, "calendar")
    h = DisclosureHeadsH()
    lib.eg_disclosure_heads_check(byref(h), gh, enc(unit_id, "unit ID"), c_month(month, "month"), byref(opts))
    try:
        probs = tuple(HeadsProblem(PROBLEMS[lib.eg_disclosure_heads_kind(h, i)], decs(lib.eg_disclosure_heads_node(h, i)),
                                   decs(lib.eg_disclosure_heads_name(h, i)),
                                   decs(lib.eg_disclosure_heads_effective(h, i)) or None,
                                   decs(lib.eg_disclosure_heads_due(h, i)) or None,
                                   lib.eg_disclosure_heads_late_days(h, i),
                                   decs(lib.eg_disclosure_heads_message(h, i, 0)),
                                   decs(lib.eg_disclosure_heads_message(h, i, 1)))
                      for i in range(lib.eg_disclosure_heads_count(h)))
        return HeadsCheck(lib.eg_disclosure_heads_met(h) == 1, probs)
    finally:
        lib.eg_disclosure_heads_free(h)


def _one_of(value: Any, names: Sequence[str], what: str) -> int:
    if value not in names:
        raise ValueError("%s must be one of %s, not %r" % (what, ", ".join(names), value))
    return list(names).index(value)


def top_n(measures: Mapping[str, int], n: int) -> List[str]:
    """JM-2.1: the top n IDs by a measure (dict ID -> integer), ties at the n-th all taken."""
    ids = list(measures)
    out, count = (c_size_t * max(len(ids), 1))(), c_size_t()
    vals = (c_int64 * max(len(ids), 1))(*[i64(measures[i], "measure of %s" % i) for i in ids])
    lib.eg_disclosure_top_n(out, byref(count), str_array(ids, "ID"), vals, len(ids), size(n, "n"))
    return [ids[out[i]] for i in range(count.value)]


__all__ = ["DisclosureList", "LateUpdate", "HeadsCheck", "HeadsProblem", "deadline", "heads_disclosed", "top_n", "STEPS",
           "UPDATE_STATUSES"]
