"""Escalation ladders over calendar months (CJ-A2-7.3, CJ-A3-4, DG-65/66, …).

>>> lad = Ladder.preset("CJ-A2-7.3")
>>> out = lad.evaluate({"2026-09": {"A": 12, "B": 68}, "2026-10": {"A": 9, "B": 51}})
>>> out["2026-10"]["A"].action
'interview'

Months are "YYYY-MM" strings or ``datetime.date`` values (their month).
A state borrows its ladder: after ``ladder.close()`` it raises
:class:`ecogrid.ClosedError`.
"""

from __future__ import annotations

from ctypes import byref, c_char_p, c_int, c_int32, c_int64, c_size_t, c_void_p
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from ._core import (LadderH, LadderOutcomeH, LadderStateH, Owner, Record, c_month, dec, decs, enc, in_buffer, new_like,
                    out_buffer, size, str_array, to_int)
from ._native import lib, options, take_string
from ._proto_ladder import LadderStepOptions


@dataclass(frozen=True, slots=True)
class Clause(Record):
    """A clause that fired: .rule, .action, .message (Chinese), .message_en, and the
    source it implements: .article and .quote, the regulation's words (or None)."""
    rule: str
    action: str
    message: str
    message_en: str
    article: Optional[str] = None
    quote: Optional[str] = None

    def __repr__(self) -> str:
        return "<Clause %s -> %s: %s>" % (self.rule, self.action, self.message_en)


@dataclass(frozen=True, slots=True)
class UnitResult(Record):
    """One unit in one month: .action (the most severe), .severity, .clauses."""
    action: str
    severity: int
    clauses: Tuple[Clause, ...]

    def __repr__(self) -> str:
        return "<UnitResult %s>" % self.action


def _value(v: Any, unit: Any) -> int:
    """A ladder value: an int64 count or rank, or a bool (CJ-A2-7.1)."""
    if type(v) is int and -0x8000000000000000 <= v <= 0x7FFFFFFFFFFFFFFF:
        return v
    return to_int(v, "value of unit %s" % (unit,), c_int64, allow_bool=True)


class LadderState(Owner):
    """The state carried from month to month; serialisable to text."""

    __slots__ = ("__weakref__", "ladder")
    _free = lib.eg_ladder_state_free
    _what = "ladder state"
    _handle_type = LadderStateH

    def __init__(self, ladder: "Ladder", handle: Any) -> None:
        super().__init__(handle, ladder)
        self.ladder = ladder  # keeps the ladder alive

    @property
    def last_month(self) -> Optional[str]:
        raw = lib.eg_ladder_state_last_month(self._live())
        return None if raw is None else raw.decode("utf-8")

    def step(self, month: Any, values: Mapping[Any, Any],
             flags: Optional[Mapping[Any, Any]] = None) -> Dict[str, UnitResult]:
        """Add one month (dict unit -> value); returns dict unit -> UnitResult."""
        h = self._live()
        units = list(values)
        n = len(units)
        ids = str_array(units, "unit ID")
        vals = (c_int64 * max(n, 1))(*[_value(values[u], u) for u in units])
        fl = None
        if flags:
            fl = (c_int * max(n, 1))(*[1 if flags.get(u) else 0 for u in units])
        out = LadderOutcomeH()
        opts = options(LadderStepOptions, units=ids, values=vals, flags=fl, n_units=n)
        lib.eg_ladder_step(byref(out), h, c_month(month), byref(opts))
        try:
            result = {}
            for i in range(lib.eg_ladder_outcome_count(out)):
                clauses = tuple(self._clause(out, i, k) for k in range(lib.eg_ladder_outcome_clause_count(out, i)))
                result[decs(lib.eg_ladder_outcome_unit(out, i))] = UnitResult(
                    decs(lib.eg_ladder_outcome_action(out, i)), lib.eg_ladder_outcome_severity(out, i), clauses)
            return result
        finally:
            lib.eg_ladder_outcome_free(out)

    @staticmethod
    def _clause(out: Any, i: int, k: int) -> Clause:
        art, quote = c_char_p(), c_char_p()
        lib.eg_ladder_outcome_clause_source(byref(art), byref(quote), out, i, k)
        return Clause(decs(lib.eg_ladder_outcome_clause_rule(out, i, k)), decs(lib.eg_ladder_outcome_clause_action(out, i, k)),
                      decs(lib.eg_ladder_outcome_clause_message(out, i, k, 0)),
                      decs(lib.eg_ladder_outcome_clause_message(out, i, k, 1)), dec(art.value), dec(quote.value))

    def serialize(self) -> str:
        """The state as text (store it; Ladder.load_state() reads it back exactly)."""
        out = c_void_p()
        lib.eg_ladder_state_serialize(byref(out), self._live())
        return take_string(out)


class Ladder(Owner):
    """An immutable ladder (shareable across threads)."""

    __slots__ = ("__weakref__",)
    _free = lib.eg_ladder_free
    _what = "ladder"
    _handle_type = LadderH

    @classmethod
    def preset(cls, name: str) -> "Ladder":
        """"CJ-A2-7.3", "CJ-A2-7.1", "CJ-A3-4", "CJ-M-4.3", "DG-65", "DG-63" or "JM-2.3"."""
        h = LadderH()
        lib.eg_ladder_preset(byref(h), enc(name, "name"))
        return cls(h)

    @property
    def name(self) -> str:
        return decs(lib.eg_ladder_name(self._live()))

    @property
    def actions(self) -> List[str]:
        """Action IDs in severity order, "none" first."""
        h = self._live()
        return [decs(lib.eg_ladder_action_id(h, i)) for i in range(lib.eg_ladder_action_count(h))]

    def state(self) -> LadderState:
        """A fresh state for incremental evaluation."""
        h = LadderStateH()
        lib.eg_ladder_state_new(byref(h), self._live())
        return LadderState(self, h)

    def load_state(self, text: str) -> LadderState:
        """Read back a state written by LadderState.serialize()."""
        data = enc(text, "state")
        assert data is not None
        h = LadderStateH()
        lib.eg_ladder_state_parse(byref(h), self._live(), data, len(data))
        return LadderState(self, h)

    def evaluate(self, series: Mapping[Any, Mapping[Any, Any]],
                 flags: Optional[Mapping[Any, Mapping[Any, Any]]] = None) -> Dict[Any, Dict[str, UnitResult]]:
        """Evaluate a series: dict month -> dict unit -> value (a count for
        shares, a rank for rankings, a bool for CJ-A2-7.1). ``flags`` (optional):
        dict month -> dict unit -> bool (CJ-A3-4: annual target missed;
        JM-2.3: serious). Returns dict month (the keys as given) -> dict unit -> UnitResult."""
        st = self.state()
        return {m: st.step(m, series[m], (flags or {}).get(m))
                for m in sorted(series, key=lambda m: c_month(m) or b"")}

    def evaluate_table(self, first_month: Any, n_months: int, units: Sequence[str], values: Any,
                       groups: Optional[Sequence[int]] = None, flags: Any = None) -> Any:
        """Evaluate consecutive months for groups of units in one C call
        (eg_ladder_evaluate_table); returns the severities as array('i')
        (NumPy int32 when ``values`` is a NumPy array),
        ``[m * len(units) + u]`` (0 = none; self.actions names them).

        ``units``: unit IDs; ``values``: n_months × len(units) int64
        (array('q'), memoryview, NumPy or list), month-major; ``groups``:
        sizes of consecutive unit groups, each evaluated with its own state
        (shares of a group's total, CJ-A2-7.3), or None for one group;
        ``flags``: like values (int), or None. Step a state for the clauses
        and messages.
        """
        h = self._live()
        n_months = size(n_months, "n_months")
        n = len(units)
        ids = str_array(units, "unit ID")
        vals, k1 = in_buffer(values, c_int64, n_months * n, "values")
        fl, k2 = (None, None) if flags is None else in_buffer(flags, c_int, n_months * n, "flags")
        gs = None
        if groups is not None:
            gs = (c_size_t * max(len(groups), 1))(*[size(g, "group size") for g in groups])
        out = new_like(values, "i", n_months * n)
        sev, k3 = out_buffer(out, c_int32, n_months * n, "severity")
        lib.eg_ladder_evaluate_table(sev, h, c_month(first_month, "first_month"), n_months, ids, gs,
                                     len(groups) if groups is not None else 0, vals, fl, n)
        del k1, k2, k3, sev
        return out

    def __repr__(self) -> str:
        if self._h is None:
            return "<Ladder closed>"
        return "<Ladder %s>" % self.name
