"""Append-only records: JM-2.1 disclosure list, YL ledgers, CJ-A4 cases, CJ-A2-5.3."""

import ctypes
import weakref
from ctypes import byref, c_char_p, c_int, c_int32, c_int64, c_long, c_size_t, c_void_p

from ._native import dec, enc, lib, take_string

LEDGER_STATES = ("open", "rectifying", "verified", "applied", "reviewed", "closed")


def _strs(items):
    return (c_char_p * max(len(items), 1))(*[enc(x) for x in items])


def _time(t):
    t = str(t)
    return t if len(t) == 16 else t + " 00:00" if len(t) == 10 else t


class _Records:
    """An append-only record store; use .put, .get, .history, .as_of, .serialize."""

    def __init__(self, _handle=None):
        if _handle is None:
            h = c_void_p()
            lib.eg_records_new(byref(h))
            _handle = h.value
        self._h = _handle
        self._finalizer = weakref.finalize(self, lib.eg_records_free, _handle)

    @classmethod
    def load(cls, text):
        """Read back a store written by serialize() (byte-exact)."""
        data = enc(text)
        h = c_void_p()
        lib.eg_records_parse(byref(h), data, len(data))
        return cls(h.value)

    def serialize(self):
        out = c_void_p()
        lib.eg_records_serialize(byref(out), self._h)
        return take_string(out)

    def put(self, record_id, time, actor, reason, **fields):
        """Append a version: the fields given change, the rest carry over."""
        keys = list(fields)
        lib.eg_records_put(self._h, enc(record_id), enc(_time(time)), enc(actor), enc(reason),
                           _strs(keys), _strs([str(fields[k]) for k in keys]), len(keys))

    def get(self, record_id, key, as_of=None):
        v = c_char_p()
        lib.eg_records_get(byref(v), self._h, enc(record_id), enc(key), enc(_time(as_of)) if as_of else None)
        return dec(v.value)

    def ids(self):
        return [dec(lib.eg_records_id_at(self._h, i)) for i in range(lib.eg_records_count(self._h))]

    def history(self, record_id):
        """[(time, actor, reason)] of every version, oldest first."""
        res = []
        for k in range(lib.eg_records_version_count(self._h, enc(record_id))):
            t, a, r = c_char_p(), c_char_p(), c_char_p()
            lib.eg_records_version(byref(t), byref(a), byref(r), self._h, enc(record_id), k)
            res.append((dec(t.value), dec(a.value), dec(r.value)))
        return res

    def as_of(self, date, keys):
        """{record ID: {key: value}} as of a date or time, records in creation order."""
        out = {}
        for rid in self.ids():
            try:
                out[rid] = {k: self.get(rid, k, as_of=_time(date) if len(str(date)) > 10 else str(date) + " 23:59")
                            for k in keys}
            except LookupError:
                pass  # not yet created then
        return out


class DisclosureList(_Records):
    """JM-2.1 double-disclosure list; quarterly updates set the `quarter` field."""

    def late_updates(self, year, quarter):
        """JM-2.1.2 / JM-2.2 (2): {district: [(record ID, "late"|"missing", days late)]}."""
        res = {}
        for rid in self.ids():
            st, late = c_int(), c_int32()
            lib.eg_jm_update_status(byref(st), byref(late), self._h, enc(rid), int(year), int(quarter))
            if st.value != 0:
                district = self.get(rid, "district") or ""
                res.setdefault(district, []).append((rid, ("on_time", "late", "missing")[st.value], late.value))
        return res


class Ledger(_Records):
    """YL rectification ledger (YL-2, YL-5.5)."""

    def summary(self, lead_units, on_date):
        """YL-5.3: {lead unit: (registered, closed, overdue)} on a date."""
        n = len(lead_units)
        out = (c_size_t * max(3 * n, 1))()
        lib.eg_ledger_summary(out, self._h, _strs(list(lead_units)), n, enc(on_date))
        return {u: (out[3 * i], out[3 * i + 1], out[3 * i + 2]) for i, u in enumerate(lead_units)}

    def open(self, problem_id, time, actor, lead_unit, target, deadline):
        lib.eg_ledger_open(self._h, enc(problem_id), enc(_time(time)), enc(actor), enc(lead_unit), enc(target),
                           enc(deadline))

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


class CaseFile(_Records):
    """CJ-A4 typical cases: eligibility, publication text and anonymisation."""

    @staticmethod
    def eligible(decision_date, period_days, on_date, filed=False, concluded=None):
        out = c_int()
        lib.eg_case_eligible(byref(out), enc(decision_date), int(period_days), 1 if filed else 0,
                             enc(concluded), enc(on_date))
        return bool(out.value)

    @staticmethod
    def check_text(text, sensitive=()):
        """CJ-A4-2.3: (publishable, code points, first sensitive hit (byte offset, name) or None)."""
        cp, hit, which = c_size_t(), c_long(), c_long()
        rc = lib.eg_case_text_check(byref(cp), byref(hit), byref(which), enc(text), _strs(list(sensitive)),
                                    len(sensitive))
        found = (hit.value, list(sensitive)[which.value]) if hit.value >= 0 else None
        return rc == 0, cp.value, found

    @staticmethod
    def anonymise(text, replacements):
        """Replace names by placeholders ({"宏达化工有限公司": "某公司"}); returns (text, count)."""
        names = list(replacements)
        out, n = c_void_p(), c_size_t()
        lib.eg_case_anonymise(byref(out), byref(n), enc(text), _strs(names),
                              _strs([replacements[k] for k in names]), len(names))
        return take_string(out), n.value


def heads_disclosed(grid, unit_id, published, published_date, on_date, max_age_days=30):
    """CJ-A2-5.3: (met, problems) for a level-2 unit's published heads list."""
    met, bad = c_int(), c_size_t()
    lib.eg_heads_disclosure_check(byref(met), byref(bad), grid._handle(), enc(unit_id), _strs(list(published)),
                                  len(published), enc(published_date), enc(on_date), int(max_age_days))
    return bool(met.value), bad.value


def top_n(measures, n):
    """JM-2.1: the top n IDs by a measure (dict ID -> int), ties at the n-th all taken."""
    ids = list(measures)
    out, count = (c_size_t * max(len(ids), 1))(), c_size_t()
    lib.eg_top_n(out, byref(count), _strs(ids), (c_int64 * max(len(ids), 1))(*[int(measures[i]) for i in ids]),
                 len(ids), int(n))
    return [ids[out[i]] for i in range(count.value)]


def obligation_due(kind, start, months=0):
    """"YL-5.4" (3 months), "DG-61" (1 month) or "DG-67" (3-12 months): the due/end date."""
    kinds = {"YL-5.4": 0, "DG-61": 1, "DG-67": 2}
    buf = ctypes.create_string_buffer(11)
    lib.eg_obligation_due(buf, kinds[kind], enc(start), int(months))
    return buf.value.decode("ascii")
