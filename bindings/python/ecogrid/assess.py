"""Deduction-based scoring with veto items (CJ-A2, JM-2.2) over ctypes.

>>> rs = RuleSet.preset("changji-2023")
>>> r = rs.score({"items": {"4": 41}})
>>> r.score, r.grade
(60, 'pass')
"""

import weakref
from ctypes import byref, c_char_p, c_int, c_int32, c_int64, c_uint32, c_void_p

from ._native import dec, enc, lib, take_string, typed_buffer

GRADES = {-1: None, 0: "fail", 1: "pass", 2: "good", 3: "excellent"}
LANGS = {"zh": 0, "en": 1}
#: Media levels of the presets, in rule-set order (the columns of score_table()'s problems).
MEDIA_LEVELS = {"changji-2023": ("national", "regional", "prefecture"), "jiangmen-2021": ()}


class TraceEntry:
    """One step of the arithmetic: rule ID, subject, count, points before/after, messages."""

    __slots__ = ("rule", "subject", "count", "before", "after", "message", "message_en")

    def __init__(self, ptr):
        self.rule = dec(lib.eg_trace_rule(ptr))
        self.subject = dec(lib.eg_trace_subject(ptr))
        self.count = lib.eg_trace_count(ptr)
        self.before = lib.eg_trace_before(ptr)
        self.after = lib.eg_trace_after(ptr)
        self.message = dec(lib.eg_trace_message(ptr, 0))
        self.message_en = dec(lib.eg_trace_message(ptr, 1))

    def __repr__(self):
        return "<TraceEntry %s %s -> %s: %s>" % (self.rule, self.before, self.after, self.message_en)


class Result:
    """A scored period: .score (int, in the rule set's scale units), .grade
    ("excellent", "good", "pass", "fail" or None), .veto, .fail_reasons
    (rule IDs), .trace (list of TraceEntry)."""

    def __init__(self, handle, scale):
        self._h = handle
        self._finalizer = weakref.finalize(self, lib.eg_assess_result_free, handle)
        self.scale = scale
        self.score = lib.eg_assess_result_score(handle)
        self.grade = GRADES[lib.eg_assess_result_grade(handle)]
        self.veto = bool(lib.eg_assess_result_veto(handle))
        self.fail_reasons = [dec(lib.eg_assess_result_fail_at(handle, i))
                             for i in range(lib.eg_assess_result_fail_count(handle))]
        self.trace = [TraceEntry(lib.eg_assess_result_trace_at(handle, i))
                      for i in range(lib.eg_assess_result_trace_count(handle))]

    def render(self, lang="zh"):
        """The result as text, with the trace (Chinese by default)."""
        out = c_void_p()
        lib.eg_assess_result_render(byref(out), self._h, LANGS[lang])
        return take_string(out)

    def __repr__(self):
        return "<Result score=%s grade=%s veto=%s>" % (self.score, self.grade, self.veto)


class RuleSet:
    """An immutable rule set (shareable across threads)."""

    def __init__(self, handle):
        self._h = handle
        self._finalizer = weakref.finalize(self, lib.eg_ruleset_free, handle)

    @classmethod
    def preset(cls, name):
        """A preset by name: "changji-2023" (CJ-A2) or "jiangmen-2021" (JM-2.2)."""
        h = c_void_p()
        lib.eg_ruleset_preset(byref(h), enc(name, "name"))
        return cls(h.value)

    @classmethod
    def for_date(cls, date, family=None):
        """The preset in force on a date "YYYY-MM-DD" (optionally of one family)."""
        h = c_void_p()
        lib.eg_ruleset_for_date(byref(h), enc(family, "family"), enc(str(date), "date"))
        return cls(h.value)

    @property
    def name(self):
        return dec(lib.eg_ruleset_name(self._h))

    @property
    def document(self):
        return dec(lib.eg_ruleset_document(self._h))

    @property
    def scale(self):
        return lib.eg_ruleset_scale(self._h)

    @property
    def validity(self):
        """(valid_from, valid_to) as "YYYY-MM-DD" strings; valid_to None when open."""
        f, t = c_char_p(), c_char_p()
        lib.eg_ruleset_validity(byref(f), byref(t), self._h)
        return dec(f.value), dec(t.value)

    @property
    def items(self):
        """[(item ID, rule ID, "status" or "deduction")] in order."""
        return [(dec(lib.eg_ruleset_item_id(self._h, i)), dec(lib.eg_ruleset_item_rule(self._h, i)),
                 "status" if lib.eg_ruleset_item_kind(self._h, i) == 0 else "deduction")
                for i in range(lib.eg_ruleset_item_count(self._h))]

    def _input(self, inputs):
        if not isinstance(inputs, dict):
            raise TypeError("inputs must be a dict")
        known = {"items", "construction", "bonus", "media", "forced_fail", "item7_adverse", "adverse", "status"}
        unknown = set(inputs) - known
        if unknown:
            raise ValueError("unknown input keys: %s" % ", ".join(sorted(unknown)))
        h = c_void_p()
        lib.eg_assess_input_new(byref(h), self._h)
        try:
            status_items = [i for i, _r, k in self.items if k == "status"]
            construction = inputs.get("construction")
            if construction is not None:
                if len(construction) != len(status_items):
                    raise ValueError("construction needs %d booleans (items %s), got %d"
                                     % (len(status_items), ", ".join(status_items), len(construction)))
                for item, met in zip(status_items, construction):
                    lib.eg_assess_input_set_status(h, enc(item), 1 if met else 0)
            for item, met in (inputs.get("status") or {}).items():
                lib.eg_assess_input_set_status(h, enc(str(item)), 1 if met else 0)
            for item, count in (inputs.get("items") or {}).items():
                lib.eg_assess_input_set_count(h, enc(str(item), "item ID"), _int(count, "count"))
            if inputs.get("bonus"):
                lib.eg_assess_input_set_bonus(h, _int(inputs["bonus"], "bonus"))
            for problem in inputs.get("media") or []:
                if isinstance(problem, str):
                    problem = [problem]
                arr = (c_char_p * max(len(problem), 1))(*[enc(x, "media level") for x in problem])
                lib.eg_assess_input_add_problem(h, arr, len(problem))
            for cond in inputs.get("forced_fail") or []:
                lib.eg_assess_input_add_forced_fail(h, enc(cond, "condition ID"))
            if inputs.get("item7_adverse"):
                lib.eg_assess_input_set_adverse(h, b"7", 1)
            for item, adverse in (inputs.get("adverse") or {}).items():
                lib.eg_assess_input_set_adverse(h, enc(str(item)), 1 if adverse else 0)
        except BaseException:
            lib.eg_assess_input_free(h)
            raise
        return h

    def score(self, inputs, period=None):
        """Score one unit for one period.

        ``inputs``: ``items`` (item ID -> occurrence count), ``construction``
        (booleans for the status items, in order), ``bonus`` (events),
        ``media`` (one list of levels per problem), ``forced_fail`` (condition
        IDs; "CJ-A2-6.3" stands for any of its four), ``item7_adverse`` (bool).
        Missing keys mean zero / none / all met. ``period`` ("YYYY-MM" or
        "YYYY-MM-DD") is checked against the rule set's validity.
        """
        h = self._input(inputs)
        try:
            out = c_void_p()
            lib.eg_assess_score(byref(out), self._h, h, enc(period, "period"))
        finally:
            lib.eg_assess_input_free(h)
        return Result(out.value, self.scale)

    def score_many(self, inputs_by_unit, period=None):
        """Score many units in one call: dict unit -> inputs, returns dict unit -> Result."""
        units = list(inputs_by_unit)
        handles = []
        try:
            for u in units:
                handles.append(self._input(inputs_by_unit[u]))
            n = len(units)
            arr = (c_void_p * max(n, 1))(*handles)
            out = (c_void_p * max(n, 1))()
            lib.eg_assess_score_many(out, self._h, arr, n, enc(period, "period"))
            return {u: Result(out[i], self.scale) for i, u in enumerate(units)}
        finally:
            for h in handles:
                lib.eg_assess_input_free(h)

    def score_table(self, items, n, bonus=None, problems=None, forced=None, period=None):
        """Score n units in one C call from flat arrays (eg_assess_score_table).

        ``items``: n × len(self.items) int64 values, row-major, items in
        self.items order (status items: nonzero met; deduction items:
        occurrence counts) -- array('q'), a memoryview slice or a list.
        ``bonus``: n int64 events; ``problems``: n × len(self.media_levels)
        int32 counts of problems exposed at only that level; ``forced``: n
        uint32 masks of forced-fail conditions (bit c: the c-th condition).
        Returns (scores, grades) as array('i'); grades are eg_grade numbers
        (GRADES maps them to names). Use score() for the trace.
        """
        from array import array
        n_items = lib.eg_ruleset_item_count(self._h)
        it, k1 = typed_buffer(items, c_int64, n * n_items, "items")
        bo, k2 = (None, None) if bonus is None else typed_buffer(bonus, c_int64, n, "bonus")
        n_levels = len(self.media_levels) if problems is not None else 0
        pr, k3 = (None, None) if problems is None else typed_buffer(problems, c_int32, n * n_levels, "problems")
        fo, k4 = (None, None) if forced is None else typed_buffer(forced, c_uint32, n, "forced")
        scores, grades = array("i", bytes(4 * n)), array("i", bytes(4 * n))
        sc, _k5 = typed_buffer(scores, c_int32, n, "scores")
        gr, _k6 = typed_buffer(grades, c_int32, n, "grades")
        lib.eg_assess_score_table(sc, gr, self._h, it, n_items, bo, pr, n_levels, fo, n, enc(period, "period"))
        del k1, k2, k3, k4, sc, gr, _k5, _k6
        return scores, grades

    @property
    def media_levels(self):
        """Media level IDs in the rule set's order (changji-2023: national, regional, prefecture)."""
        return list(MEDIA_LEVELS.get(self.name, ()))

    def annual(self, scores):
        """CJ-A2-7.2: (mean of the monthly scores, grade); the mean rounded half to even at 0.1."""
        n = len(scores)
        arr = (c_int32 * max(n, 1))(*[_int(s, "score") for s in scores])
        mean, grade = c_int64(), c_int()
        lib.eg_assess_annual(byref(mean), byref(grade), self._h, arr, n)
        return mean.value / 10, GRADES[grade.value]

    def __repr__(self):
        return "<RuleSet %s>" % self.name


def consecutive_fails(months):
    """CJ-A2-7.1: months maps "YYYY-MM" -> grade string; returns the months that
    complete three consecutive failing calendar months (a missing month breaks it).

    The rule lives in the library once, as the ``CJ-A2-7.1`` ladder preset
    (ladder.h): each month is stepped with 1 for a failing grade, 0 otherwise,
    and a month counts when the preset's special_inspection fires."""
    from .ladder import Ladder
    for grade in months.values():
        if grade not in GRADES.values():
            _bad(grade)
    state = Ladder.preset("CJ-A2-7.1").state()
    out = []
    for m in sorted(months):
        if state.step(m, {"unit": months[m] == "fail"})["unit"].action != "none":
            out.append(m)
    return out


def _bad(grade):
    raise ValueError("grade must be excellent, good, pass or fail, not %r" % (grade,))


def _int(value, what):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int, not %r" % (what, value))
    return value
