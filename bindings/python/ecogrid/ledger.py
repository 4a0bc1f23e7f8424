"""YL rectification ledgers (ledger.h): YL-2, YL-4, YL-5.3, YL-5.5."""

from ctypes import byref, c_int, c_size_t

from ._native import enc, lib, options
from ._proto_ledger import LedgerOpenOptions
from .records import _Records, _strs, _time

#: eg_ledger_state: EG_LEDGER_STATE_OPEN ... EG_LEDGER_STATE_CLOSED
LEDGER_STATES = ("open", "rectifying", "verified", "applied", "reviewed", "closed")


class Ledger(_Records):
    """YL rectification ledger (YL-2, YL-5.5)."""

    def summary(self, lead_units, on_date):
        """YL-5.3: {lead unit: (registered, closed, overdue)} on a date."""
        n = len(lead_units)
        out = (c_size_t * max(3 * n, 1))()
        lib.eg_ledger_summary(out, self._h, _strs(list(lead_units)), n, enc(on_date))
        return {u: (out[3 * i], out[3 * i + 1], out[3 * i + 2]) for i, u in enumerate(lead_units)}

    def open(self, problem_id, time, actor, lead_unit, target, deadline):
        opts = options(LedgerOpenOptions, lead_unit=enc(lead_unit), target=enc(target), deadline=enc(deadline))
        lib.eg_ledger_open(self._h, enc(problem_id), enc(_time(time)), enc(actor), byref(opts))

    def transition(self, problem_id, time, actor, to_state, reason):
        lib.eg_ledger_transition(self._h, enc(problem_id), enc(_time(time)), enc(actor),
                                 LEDGER_STATES.index(to_state), enc(reason))

    def extend(self, problem_id, time, actor, new_deadline, reason):
        lib.eg_ledger_extend(self._h, enc(problem_id), enc(_time(time)), enc(actor), enc(new_deadline), enc(reason))

    def status(self, problem_id, on_date):
        """(state, overdue) on a date (YL-5.3)."""
        st, od = c_int(), c_int()
        lib.eg_ledger_status(byref(st), byref(od), self._h, enc(problem_id), enc(on_date))
        return LEDGER_STATES[st.value], bool(od.value)
