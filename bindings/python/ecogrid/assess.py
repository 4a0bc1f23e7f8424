"""Deduction-based scoring with veto items (CJ-A2, JM-2.2) over ctypes.

>>> rs = RuleSet.preset("changji-2023")
>>> r = rs.score({"items": {"4": 41}})
>>> r.score, r.grade
(60, 'pass')

Results are frozen dataclasses: ``pandas.DataFrame(r.trace)`` gives one row
per trace entry, ``pandas.DataFrame([r._asdict() for r in results])`` one
row per result. RuleSet.score() computes the numbers only; the trace is
narrated (in C, from the kept inputs) and read when first asked for.
"""

from __future__ import annotations

import struct
import threading
from ctypes import byref, c_char_p, c_int, c_int32, c_int64, c_ubyte, c_uint32, c_void_p
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from ._core import (AssessInputH, AssessResultH, Owner, Record, RulesetH, c_date, c_month, c_period, dec, decs,
                    enc, i32, i64, in_buffer, live, new_like, out_buffer, set_private, size)
from ._native import lib, take_string

GRADES: Dict[int, Optional[str]] = {-1: None, 0: "fail", 1: "pass", 2: "good", 3: "excellent"}
LANGS = {"zh": 0, "en": 1}
_INPUT_ORDER = ("construction", "status", "items", "bonus", "media", "forced_fail", "item7_adverse", "adverse")
_KNOWN_INPUTS = frozenset(_INPUT_ORDER)
#: Held while a Result's trace is narrated (Result._traced).
_narrating = threading.Lock()
#: Item IDs and media levels as the C strings, encoded once (names of rule sets' items are few).
_ids: Dict[Any, bytes] = {}


def _id(value: Any, what: str = "item ID") -> bytes:
    raw = enc(str(value) if isinstance(value, int) and not isinstance(value, bool) else value, what)
    assert raw is not None
    if len(_ids) < 4096 and isinstance(value, (str, int)):
        _ids[value] = raw
    return raw


def _lang(lang: str) -> int:
    try:
        return LANGS[lang]
    except (KeyError, TypeError):
        raise ValueError("lang must be 'zh' or 'en', not %r" % (lang,)) from None


@dataclass(frozen=True, slots=True)
class TraceEntry(Record):
    """One step of the arithmetic: rule ID, subject, count, points before/after, messages,
    and the source of the part it applied: .article and .quote, the regulation's words
    (None for the total and the section sums)."""
    rule: str
    subject: str
    count: int
    before: int
    after: int
    message: str
    message_en: str
    article: Optional[str] = None
    quote: Optional[str] = None

    def __repr__(self) -> str:
        return "<TraceEntry %s %s -> %s: %s>" % (self.rule, self.before, self.after, self.message_en)


class _ResultHandle(Owner):
    __slots__ = ()
    _free = lib.eg_assess_result_free
    _what = "result"
    _handle_type = AssessResultH


class _InputHandle(Owner):
    """The inputs a Result was scored from, kept until its trace is narrated."""
    __slots__ = ()
    _free = lib.eg_assess_input_free
    _what = "result"
    _handle_type = AssessInputH


class _RulesetMemory:
    """A C rule set, freed when its last holder lets go: the RuleSet (until
    closed) and the Results scored from it whose trace is not narrated yet."""
    __slots__ = ("h",)

    def __init__(self, h: Any) -> None:
        self.h = h

    def __del__(self) -> None:
        try:
            lib.eg_ruleset_free(self.h)
        except Exception:  # pragma: no cover - interpreter shutdown
            pass


@dataclass(frozen=True)
class Result(Record):
    """A scored period.

    ``score`` (int, in the rule set's scale units), ``grade``
    ("excellent", "good", "pass", "fail" or None), ``veto``,
    ``fail_reasons`` (rule IDs), ``scale``; ``trace`` (a tuple of
    :class:`TraceEntry`, read when first used) and ``render()``.
    """
    score: int
    grade: Optional[str]
    veto: bool
    fail_reasons: Tuple[str, ...]
    scale: int

    @classmethod
    def _new(cls, handle: Any, scale: int) -> "Result":
        owner = _ResultHandle(handle)  # freed with the Result, whatever happens next
        n = lib.eg_assess_result_fail_count(handle)
        r = object.__new__(cls)  # the fields as __init__ would set them, without its frozen setattr calls
        d = r.__dict__
        d["score"] = lib.eg_assess_result_score(handle)
        d["grade"] = GRADES[lib.eg_assess_result_grade(handle)]
        d["veto"] = lib.eg_assess_result_veto(handle) != 0
        d["fail_reasons"] = tuple([decs(lib.eg_assess_result_fail_at(handle, i)) for i in range(n)]) if n else ()
        d["scale"] = scale
        d["_owner"] = owner
        return r

    def _handle(self) -> Any:
        owner = self.__dict__.get("_owner")
        if owner is None:
            raise ValueError("this Result has no C result behind it (made by hand or unpickled): "
                             "its trace is what was read before, render() is not available")
        return owner._live()

    def _traced(self) -> Any:
        """The C result with its trace. RuleSet.score() scores without the
        trace (eg_assess_score_untraced) and keeps the inputs: the trace is
        narrated here, once, by eg_assess_score() on those inputs."""
        d = self.__dict__
        full = d.get("_full")
        if full is not None:
            return full._live()
        with _narrating:  # threads reading one Result's trace narrate it once
            full = d.get("_full")
            if full is not None:
                return full._live()
            pending = d.get("_pending")
            if pending is None:
                return self._handle()
            mem, inputs, period = pending
            out = AssessResultH()
            lib.eg_assess_score(byref(out), mem.h, inputs._live(), period)
            d["_full"] = full = _ResultHandle(out)
            d["_pending"] = None
            inputs.close()
            return full._live()

    @property
    def trace(self) -> Tuple[TraceEntry, ...]:
        """The arithmetic step by step, each entry citing its rule (CJ-A2-5.x, JM-2.2)."""
        cached = self.__dict__.get("_trace")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        h = self._traced()
        out = []
        for i in range(lib.eg_assess_result_trace_count(h)):
            t = lib.eg_assess_result_trace_at(h, i)
            article, quote = c_char_p(), c_char_p()
            lib.eg_trace_source(byref(article), byref(quote), t)
            out.append(TraceEntry(decs(lib.eg_trace_rule(t)), decs(lib.eg_trace_subject(t)), lib.eg_trace_count(t),
                                  lib.eg_trace_before(t), lib.eg_trace_after(t), decs(lib.eg_trace_message(t, 0)),
                                  decs(lib.eg_trace_message(t, 1)), dec(article.value), dec(quote.value)))
        trace = tuple(out)
        set_private(self, "_trace", trace)
        return trace

    def render(self, lang: str = "zh") -> str:
        """The result as text, with the trace (Chinese by default)."""
        out = c_void_p()
        lib.eg_assess_result_render(byref(out), self._traced(), _lang(lang))
        return take_string(out)

    def close(self) -> None:
        """Free the C result now (score, grade, … stay; trace and render() need it)."""
        d = self.__dict__
        for key in ("_owner", "_full"):
            owner = d.get(key)
            if owner is not None:
                owner.close()
        with _narrating:
            pending = d.get("_pending")
            if pending is not None:
                d["_pending"] = None
                pending[1].close()

    def __reduce__(self) -> Any:
        # Pickled (e.g. to another process) with its trace read out of C;
        # render() needs the C result and is not available on the copy.
        return (_restore_result, (self.score, self.grade, self.veto, self.fail_reasons, self.scale, self.trace))

    def __repr__(self) -> str:
        return "<Result score=%s grade=%s veto=%s>" % (self.score, self.grade, self.veto)


def _restore_result(score: int, grade: Optional[str], veto: bool, fail_reasons: Tuple[str, ...], scale: int,
                    trace: Tuple[TraceEntry, ...]) -> Result:
    r = Result(score, grade, veto, fail_reasons, scale)
    set_private(r, "_trace", trace)
    return r


class Annual(NamedTuple):
    """CJ-A2-7.2: the mean of the monthly scores (rounded half to even at 0.1) and its grade."""
    mean: float
    grade: Optional[str]


class RuleSet(Owner):
    """An immutable rule set (shareable across threads)."""

    __slots__ = ("__weakref__", "_meta", "_mem")
    _free = lib.eg_ruleset_free
    _what = "rule set"
    _handle_type = RulesetH

    def __init__(self, handle: Any) -> None:
        super().__init__(handle)
        self._meta: Optional[Tuple[Any, ...]] = None
        # The C memory, shared with the Results whose trace is still to be narrated.
        self._mem: Optional[_RulesetMemory] = _RulesetMemory(self._h)

    def close(self) -> None:
        """Close the rule set now (idempotent); later use raises ClosedError.

        Its C memory is freed now, or when the last Result scored from it
        without its trace read yet has narrated it or is gone.
        """
        self._h = None
        self._mem = None

    @classmethod
    def preset(cls, name: str) -> "RuleSet":
        """A preset by name: "changji-2023" (CJ-A2) or "jiangmen-2021" (JM-2.2)."""
        h = RulesetH()
        lib.eg_ruleset_preset(byref(h), enc(name, "name"))
        return cls(h)

    @classmethod
    def for_date(cls, date: Any, family: Optional[str] = None) -> "RuleSet":
        """The preset in force on a date ("YYYY-MM-DD" or a datetime.date), optionally of one family."""
        h = RulesetH()
        lib.eg_ruleset_for_date(byref(h), enc(family, "family"), c_date(date))
        return cls(h)

    def _m(self) -> Tuple[Any, ...]:
        """(scale, items, status item IDs as bytes, item count, item ID -> (position, is status),
        status positions): read once, the rule set is immutable."""
        m = self._meta
        if m is None:
            h = self._live()
            n = lib.eg_ruleset_item_count(h)
            items = tuple((decs(lib.eg_ruleset_item_id(h, i)), decs(lib.eg_ruleset_item_rule(h, i)),
                           "status" if lib.eg_ruleset_item_kind(h, i) == 0 else "deduction") for i in range(n))
            status = tuple(i.encode("utf-8") for i, _r, k in items if k == "status")
            pos = {i: (p, k == "status") for p, (i, _r, k) in enumerate(items)}
            # A row as eg_assess_input_set_items() reads it, made from bytes (faster than element-wise).
            row_of = ((c_int64 * max(n, 1)).from_buffer_copy, struct.Struct("=%dq" % max(n, 1)).pack,
                      (c_ubyte * max(n, 1)).from_buffer_copy)
            m = self._meta = (int(lib.eg_ruleset_scale(h)), items, status, n, pos,
                              tuple(p for p, (_i, _r, k) in enumerate(items) if k == "status"), row_of)
        return m

    @property
    def name(self) -> str:
        return decs(lib.eg_ruleset_name(self._live()))

    @property
    def document(self) -> str:
        return decs(lib.eg_ruleset_document(self._live()))

    @property
    def scale(self) -> int:
        return int(self._m()[0])

    @property
    def validity(self) -> Tuple[Optional[str], Optional[str]]:
        """(valid_from, valid_to) as "YYYY-MM-DD" strings; valid_to None when open."""
        f, t = c_char_p(), c_char_p()
        lib.eg_ruleset_validity(byref(f), byref(t), self._live())
        return dec(f.value), dec(t.value)

    @property
    def items(self) -> List[Tuple[str, str, str]]:
        """[(item ID, rule ID, "status" or "deduction")] in order."""
        self._live()
        return list(self._m()[1])

    def _input(self, h: Any, inputs: Mapping[str, Any]) -> Any:
        if type(inputs) is not dict and not isinstance(inputs, Mapping):
            raise TypeError("inputs must be a dict, not %s" % type(inputs).__name__)
        if not _KNOWN_INPUTS.issuperset(inputs):
            raise ValueError("unknown input keys: %s" % ", ".join(sorted(map(str, set(inputs) - _KNOWN_INPUTS))))
        ih = AssessInputH()
        lib.eg_assess_input_new(byref(ih), h)
        try:
            get = inputs.get
            construction, status, items = get("construction"), get("status"), get("items")
            if construction is not None or status or items:
                self._items(ih, construction, status, items)
            bonus = get("bonus")
            if bonus:
                lib.eg_assess_input_set_bonus(ih, i64(bonus, "bonus"))
            media = get("media")
            if media:
                for problem in media:
                    if isinstance(problem, str):
                        problem = (problem,)
                    levels = [_ids.get(x) or _id(x, "media level") for x in problem]
                    lib.eg_assess_input_add_problem(ih, (c_char_p * max(len(levels), 1))(*levels), len(levels))
            forced = get("forced_fail")
            if forced:
                for cond in forced:
                    lib.eg_assess_input_add_forced_fail(ih, enc(cond, "condition ID"))
            if get("item7_adverse"):
                lib.eg_assess_input_set_adverse(ih, b"7", 1)
            adverse = get("adverse")
            if adverse:
                for item, flag in adverse.items():
                    lib.eg_assess_input_set_adverse(ih, _ids.get(item) or _id(item), 1 if flag else 0)
        except BaseException:
            lib.eg_assess_input_free(ih)
            raise
        return ih

    def _items(self, ih: Any, construction: Any, status: Any, items: Any) -> None:
        """construction, status and items in one C call (eg_assess_input_set_items), a row in
        the rule set's item order; an ID the rule set lacks, or of the other kind, goes
        through its per-item setter, whose error names it."""
        m = self._meta or self._m()
        n, pos = m[3], m[4]
        row = [0] * max(n, 1)
        given = bytearray(max(n, 1))
        if construction is not None:
            status_pos = m[5]
            construction = list(construction)
            if len(construction) != len(status_pos):
                raise ValueError("construction needs %d booleans (items %s), got %d"
                                 % (len(status_pos), ", ".join(s.decode() for s in m[2]), len(construction)))
            for p, met in zip(status_pos, construction):
                row[p] = 1 if met else 0
                given[p] = 1
        if status:
            for item, met in status.items():
                pk = pos.get(item if type(item) is str else str(item))
                if pk is None or not pk[1]:
                    lib.eg_assess_input_set_status(ih, _ids.get(item) or _id(item), 1 if met else 0)
                    continue
                row[pk[0]] = 1 if met else 0
                given[pk[0]] = 1
        if items:
            for item, count in items.items():
                pk = pos.get(item if type(item) is str else str(item))
                if pk is None or pk[1]:
                    lib.eg_assess_input_set_count(ih, _ids.get(item) or _id(item), i64(count, "count"))
                    continue
                row[pk[0]] = count if type(count) is int and -0x8000000000000000 <= count <= 0x7FFFFFFFFFFFFFFF \
                    else i64(count, "count")
                given[pk[0]] = 1
        from_row, pack, from_flags = m[6]
        lib.eg_assess_input_set_items(ih, from_row(pack(*row)), from_flags(given), n)

    def score(self, inputs: Mapping[str, Any], period: Any = None) -> Result:
        """Score one unit for one period.

        ``inputs``: ``items`` (item ID -> occurrence count), ``construction``
        (booleans for the status items, in order), ``status`` (item ID ->
        met), ``bonus`` (events), ``media`` (one list of levels per
        problem), ``forced_fail`` (condition IDs; "CJ-A2-6.3" stands for
        any of its four), ``item7_adverse`` (bool), ``adverse`` (item ID ->
        bool). Missing keys mean zero / none / all met. Counts are integers
        (NumPy integers too) that fit int64. ``period`` ("YYYY-MM",
        "YYYY-MM-DD" or a datetime.date) is checked against the rule set's
        validity.
        """
        h = self._live()
        kept = _InputHandle(self._input(h, inputs))  # freed with the Result, or now on an error
        p = None if period is None else c_period(period)
        out = AssessResultH()
        # The numbers only; the trace is narrated from the kept inputs when first read (Result.trace).
        lib.eg_assess_score_untraced(byref(out), h, kept._h, p)
        m = self._meta
        r = Result._new(out, m[0] if m is not None else self._m()[0])
        r.__dict__["_pending"] = (self._mem, kept, p)
        return r

    def score_many(self, inputs_by_unit: Mapping[str, Mapping[str, Any]], period: Any = None) -> Dict[str, Result]:
        """Score many units in one call: dict unit -> inputs, returns dict unit -> Result."""
        h = self._live()
        units = list(inputs_by_unit)
        handles: List[Any] = []
        try:
            for u in units:
                handles.append(self._input(h, inputs_by_unit[u]))
            n = len(units)
            arr = (AssessInputH * max(n, 1))(*handles)
            out = (AssessResultH * max(n, 1))()
            lib.eg_assess_score_many(out, h, arr, n, c_period(period))
            scale = self._m()[0]
            return {u: Result._new(AssessResultH(out[i].value), scale) for i, u in enumerate(units)}
        finally:
            for ih in handles:
                lib.eg_assess_input_free(ih)

    def score_table(self, items: Any, n: int, bonus: Any = None, problems: Any = None, forced: Any = None,
                    period: Any = None, levels: Optional[int] = None) -> Tuple[Any, Any]:
        """Score n units in one C call from flat arrays (eg_assess_score_table).

        ``items``: n × len(self.items) int64 values, row-major, items in
        self.items order (status items: nonzero met; deduction items:
        occurrence counts) -- array('q'), a memoryview slice, a NumPy array
        or a list. ``bonus``: n int64 events; ``problems``: n × ``levels``
        int32 counts of problems exposed at only that level, for the first
        ``levels`` of self.media_levels (default: all of them; changji-2023's
        first 3 are CJ-A2-5.9's media levels); ``forced``: n uint32 masks of forced-fail conditions (bit c:
        the c-th condition). Returns (scores, grades) as array('i'), or
        NumPy int32 arrays when ``items`` is one; grades are eg_grade
        numbers (GRADES maps them to names). Use score() for the trace.
        """
        h = self._live()
        n = size(n, "n")
        n_items = self._m()[3]
        it, k1 = in_buffer(items, c_int64, n * n_items, "items")
        bo, k2 = (None, None) if bonus is None else in_buffer(bonus, c_int64, n, "bonus")
        n_levels = (len(self.media_levels) if levels is None else size(levels, "levels")) if problems is not None else 0
        pr, k3 = (None, None) if problems is None else in_buffer(problems, c_int32, n * n_levels, "problems")
        fo, k4 = (None, None) if forced is None else in_buffer(forced, c_uint32, n, "forced")
        scores, grades = new_like(items, "i", n), new_like(items, "i", n)
        sc, k5 = out_buffer(scores, c_int32, n, "scores")
        gr, k6 = out_buffer(grades, c_int32, n, "grades")
        lib.eg_assess_score_table(sc, gr, h, it, n_items, bo, pr, n_levels, fo, n, c_period(period))
        del k1, k2, k3, k4, k5, k6, sc, gr
        return scores, grades

    @property
    def media_levels(self) -> List[str]:
        """Penalty (media) level IDs in the rule set's order (changji-2023: national, regional, prefecture)."""
        h = self._live()
        return [decs(lib.eg_ruleset_level_id(h, i)) for i in range(lib.eg_ruleset_level_count(h))]

    def annual(self, scores: Sequence[int]) -> Annual:
        """CJ-A2-7.2: (mean of the monthly scores, grade); the mean rounded half to even at 0.1."""
        vals = [i32(s, "score") for s in scores]
        arr = (c_int32 * max(len(vals), 1))(*vals)
        mean, grade = c_int64(), c_int()
        lib.eg_assess_annual(byref(mean), byref(grade), self._live(), arr, len(vals))
        return Annual(mean.value / 10, GRADES[grade.value])

    def __repr__(self) -> str:
        if self._h is None:
            return "<RuleSet closed>"
        return "<RuleSet %s>" % self.name


def ruleset_handle(rs: Any) -> Any:
    """The live handle of a RuleSet argument (TypeError for anything else)."""
    return live(rs, RuleSet, "rule set")


def consecutive_fails(months: Mapping[Any, Optional[str]]) -> List[Any]:
    """CJ-A2-7.1: months maps "YYYY-MM" (or a datetime.date of the month) ->
    grade string; returns the months (keys as given) that complete three
    consecutive failing calendar months (a missing month breaks it).

    The rule lives in the library once, as the ``CJ-A2-7.1`` ladder preset
    (ladder.h): each month is stepped with 1 for a failing grade, 0 otherwise,
    and a month counts when the preset's special_inspection fires."""
    from .ladder import Ladder
    for grade in months.values():
        if grade not in GRADES.values():
            raise ValueError("grade must be excellent, good, pass or fail, not %r" % (grade,))
    state = Ladder.preset("CJ-A2-7.1").state()
    keyed = sorted(months, key=lambda m: c_month(m) or b"")
    out = []
    for m in keyed:
        if state.step(m, {"unit": months[m] == "fail"})["unit"].action != "none":
            out.append(m)
    return out


def _int(value: Any, what: str) -> int:
    """Kept for modules written against the earlier helper: an int64 count."""
    return i64(value, what)
