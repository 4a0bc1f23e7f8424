"""YL rectification ledgers (ledger.h): YL-2, YL-4, YL-5.3, YL-5.5."""

from __future__ import annotations

from ctypes import byref, c_int, c_size_t
from typing import Any, Dict, NamedTuple, Sequence

from ._core import c_date, c_month, enc, str_array
from ._native import lib, options
from ._proto_ledger import LedgerOpenOptions, LedgerStepOptions
from .records import _Records, _time

#: eg_ledger_state: EG_LEDGER_STATE_OPEN ... EG_LEDGER_STATE_CLOSED
LEDGER_STATES = ("open", "rectifying", "verified", "applied", "reviewed", "closed")


class LedgerCounts(NamedTuple):
    """YL-5.3: a lead unit's problems on a date."""
    registered: int
    closed: int
    overdue: int


class LedgerStatus(NamedTuple):
    """A problem's state on a date and whether it is overdue (YL-5.3)."""
    state: str
    overdue: bool


def _state_code(state: str) -> int:
    try:
        return LEDGER_STATES.index(state)
    except ValueError:
        raise ValueError("state must be one of %s, not %r" % (", ".join(LEDGER_STATES), state)) from None


class Ledger(_Records):
    """YL rectification ledger (YL-2, YL-5.5)."""

    def summary(self, lead_units: Sequence[str], on_date: Any) -> Dict[str, LedgerCounts]:
        """YL-5.3: {lead unit: (registered, closed, overdue)} on a date."""
        units = list(lead_units)
        n = len(units)
        out = (c_size_t * max(3 * n, 1))()
        lib.eg_ledger_summary(out, self._live(), str_array(units, "lead unit"), n, c_date(on_date, "on_date"))
        return {u: LedgerCounts(out[3 * i], out[3 * i + 1], out[3 * i + 2]) for i, u in enumerate(units)}

    def open(self, problem_id: str, time: Any, actor: str, lead_unit: str, target: str, deadline: Any) -> None:
        opts = options(LedgerOpenOptions, lead_unit=enc(lead_unit, "lead unit"), target=enc(target, "target"),
                       deadline=c_date(deadline, "deadline"))
        lib.eg_ledger_open(self._live(), enc(problem_id, "problem ID"), _time(time), enc(actor, "actor"), byref(opts))

    def step(self, problem_id: str, time: Any, actor: str, to_state: str, reason: str, principal: Any = None,
             signed_on: Any = None, acceptance: Any = None, notice_from: Any = None, notice_to: Any = None) -> None:
        """A close-out step with its evidence (YL-5.5): "verified" by the lead unit with the
        ``principal`` who signed and ``signed_on``; "applied" by the lead unit with the
        ``acceptance`` report; "reviewed", "closed" (after the public notice ``notice_from`` to
        ``notice_to``) and send-backs by the office that opened the problem."""
        opts = options(LedgerStepOptions, time=_time(time), actor=enc(actor, "actor"), reason=enc(reason, "reason"),
                       principal=enc(principal, "principal"), signed_on=c_date(signed_on, "signed_on"),
                       acceptance=enc(acceptance, "acceptance"), notice_from=c_date(notice_from, "notice_from"),
                       notice_to=c_date(notice_to, "notice_to"))
        lib.eg_ledger_step(self._live(), enc(problem_id, "problem ID"), _state_code(to_state), byref(opts))

    def behind(self, lead_units: Sequence[str], month: Any) -> Dict[str, int]:
        """YL-5.3: {lead unit: problems clearly behind in the month} (past the deadline in force
        on some day of it and not closed); a unit with any is liable to 通报、约谈、督办."""
        units = list(lead_units)
        out = (c_size_t * max(len(units), 1))()
        lib.eg_ledger_behind(out, self._live(), str_array(units, "lead unit"), len(units), c_month(month, "month"))
        return {u: out[i] for i, u in enumerate(units)}

    def transition(self, problem_id: str, time: Any, actor: str, to_state: str, reason: str) -> None:
        """A step that needs no evidence (rectifying, reviewed, send-backs); see step()."""
        lib.eg_ledger_transition(self._live(), enc(problem_id, "problem ID"), _time(time), enc(actor, "actor"),
                                 _state_code(to_state), enc(reason, "reason"))

    def extend(self, problem_id: str, time: Any, actor: str, new_deadline: Any, reason: str) -> None:
        lib.eg_ledger_extend(self._live(), enc(problem_id, "problem ID"), _time(time), enc(actor, "actor"),
                             c_date(new_deadline, "new_deadline"), enc(reason, "reason"))

    def status(self, problem_id: str, on_date: Any) -> LedgerStatus:
        """(state, overdue) on a date (YL-5.3)."""
        st, od = c_int(), c_int()
        lib.eg_ledger_status(byref(st), byref(od), self._live(), enc(problem_id, "problem ID"),
                             c_date(on_date, "on_date"))
        return LedgerStatus(LEDGER_STATES[st.value], bool(od.value))
