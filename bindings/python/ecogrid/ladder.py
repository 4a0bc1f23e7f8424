"""Escalation ladders over calendar months (CJ-A2-7.3, CJ-A3-4, DG-65/66, …).

>>> lad = Ladder.preset("CJ-A2-7.3")
>>> out = lad.evaluate({"2026-09": {"A": 12, "B": 68}, "2026-10": {"A": 9, "B": 51}})
>>> out["2026-10"]["A"].action
'interview'
"""

import weakref
from ctypes import byref, c_char_p, c_int, c_int32, c_int64, c_size_t, c_void_p

from ._native import dec, enc, lib, options, take_string, typed_buffer
from ._proto_ladder import LadderStepOptions


class Clause:
    """A clause that fired: .rule, .action, .message (Chinese), .message_en."""

    __slots__ = ("rule", "action", "message", "message_en")

    def __init__(self, rule, action, message, message_en):
        self.rule, self.action, self.message, self.message_en = rule, action, message, message_en

    def __repr__(self):
        return "<Clause %s -> %s: %s>" % (self.rule, self.action, self.message_en)


class UnitResult:
    """One unit in one month: .action (the most severe), .severity, .clauses."""

    __slots__ = ("action", "severity", "clauses")

    def __init__(self, action, severity, clauses):
        self.action, self.severity, self.clauses = action, severity, clauses

    def __repr__(self):
        return "<UnitResult %s>" % self.action


def _value(v):
    if isinstance(v, bool):
        return int(v)
    if not isinstance(v, int):
        raise TypeError("ladder values must be int or bool, not %r" % (v,))
    return v


class LadderState:
    """The state carried from month to month; serialisable to text."""

    def __init__(self, ladder, handle):
        self.ladder = ladder  # keeps the ladder alive
        self._h = handle
        self._finalizer = weakref.finalize(self, lib.eg_ladder_state_free, handle)

    @property
    def last_month(self):
        return dec(lib.eg_ladder_state_last_month(self._h))

    def step(self, month, values, flags=None):
        """Add one month (dict unit -> value); returns dict unit -> UnitResult."""
        units = list(values)
        n = len(units)
        ids = (c_char_p * max(n, 1))(*[enc(u, "unit ID") for u in units])
        vals = (c_int64 * max(n, 1))(*[_value(values[u]) for u in units])
        fl = None
        if flags:
            fl = (c_int * max(n, 1))(*[1 if flags.get(u) else 0 for u in units])
        out = c_void_p()
        opts = options(LadderStepOptions, units=ids, values=vals, flags=fl, n_units=n)
        lib.eg_ladder_step(byref(out), self._h, enc(month, "month"), byref(opts))
        try:
            result = {}
            for i in range(lib.eg_ladder_outcome_count(out)):
                clauses = [Clause(dec(lib.eg_ladder_outcome_clause_rule(out, i, k)),
                                  dec(lib.eg_ladder_outcome_clause_action(out, i, k)),
                                  dec(lib.eg_ladder_outcome_clause_message(out, i, k, 0)),
                                  dec(lib.eg_ladder_outcome_clause_message(out, i, k, 1)))
                           for k in range(lib.eg_ladder_outcome_clause_count(out, i))]
                result[dec(lib.eg_ladder_outcome_unit(out, i))] = UnitResult(
                    dec(lib.eg_ladder_outcome_action(out, i)), lib.eg_ladder_outcome_severity(out, i), clauses)
            return result
        finally:
            lib.eg_ladder_outcome_free(out)

    def serialize(self):
        """The state as text (store it; Ladder.load_state() reads it back exactly)."""
        out = c_void_p()
        lib.eg_ladder_state_serialize(byref(out), self._h)
        return take_string(out)


class Ladder:
    """An immutable ladder (shareable across threads)."""

    def __init__(self, handle):
        self._h = handle
        self._finalizer = weakref.finalize(self, lib.eg_ladder_free, handle)

    @classmethod
    def preset(cls, name):
        """"CJ-A2-7.3", "CJ-A2-7.1", "CJ-A3-4", "CJ-M-4.3", "DG-65", "DG-63" or "JM-2.3"."""
        h = c_void_p()
        lib.eg_ladder_preset(byref(h), enc(name, "name"))
        return cls(h.value)

    @property
    def name(self):
        return dec(lib.eg_ladder_name(self._h))

    @property
    def actions(self):
        """Action IDs in severity order, "none" first."""
        return [dec(lib.eg_ladder_action_id(self._h, i)) for i in range(lib.eg_ladder_action_count(self._h))]

    def state(self):
        """A fresh state for incremental evaluation."""
        h = c_void_p()
        lib.eg_ladder_state_new(byref(h), self._h)
        return LadderState(self, h.value)

    def load_state(self, text):
        """Read back a state written by LadderState.serialize()."""
        data = enc(text, "state")
        h = c_void_p()
        lib.eg_ladder_state_parse(byref(h), self._h, data, len(data))
        return LadderState(self, h.value)

    def evaluate(self, series, flags=None):
        """Evaluate a series: dict "YYYY-MM" -> dict unit -> value (a count for
        shares, a rank for rankings, a bool for CJ-A2-7.1). ``flags`` (optional):
        dict "YYYY-MM" -> dict unit -> bool (CJ-A3-4: annual target missed;
        JM-2.3: serious). Returns dict "YYYY-MM" -> dict unit -> UnitResult."""
        st = self.state()
        return {m: st.step(m, series[m], (flags or {}).get(m)) for m in sorted(series)}

    def evaluate_table(self, first_month, n_months, units, values, groups=None, flags=None):
        """Evaluate consecutive months for groups of units in one C call
        (eg_ladder_evaluate_table); returns the severities as array('i'),
        ``[m * len(units) + u]`` (0 = none; self.actions names them).

        ``units``: unit IDs; ``values``: n_months × len(units) int64
        (array('q'), memoryview or list), month-major; ``groups``: sizes of
        consecutive unit groups, each evaluated with its own state (shares
        of a group's total, CJ-A2-7.3), or None for one group; ``flags``:
        like values (int), or None. Step a state for the clauses and messages.
        """
        from array import array
        n = len(units)
        ids = (c_char_p * max(n, 1))(*[enc(u, "unit ID") for u in units])
        vals, k1 = typed_buffer(values, c_int64, n_months * n, "values")
        fl, k2 = (None, None) if flags is None else typed_buffer(flags, c_int, n_months * n, "flags")
        gs = None
        if groups is not None:
            gs = (c_size_t * max(len(groups), 1))(*groups)
        out = array("i", bytes(4 * n_months * n))
        sev, k3 = typed_buffer(out, c_int32, n_months * n, "severity")
        lib.eg_ladder_evaluate_table(sev, self._h, enc(first_month, "month"), n_months, ids, gs,
                                     len(groups) if groups is not None else 0, vals, fl, n)
        del k1, k2, k3, sev
        return out

    def __repr__(self):
        return "<Ladder %s>" % self.name
