"""CJ-A4 typical cases (cases.h): CJ-A4-2.1, CJ-A4-2.3."""

from ctypes import byref, c_int, c_int64, c_size_t, c_void_p

from ._native import enc, lib, take_string
from .records import _Records, _strs


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
        cp, hit, which = c_size_t(), c_int64(), c_int64()
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
