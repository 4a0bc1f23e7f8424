"""CJ-A4 typical cases (cases.h): CJ-A4-2.1, CJ-A4-2.3."""

from __future__ import annotations

from ctypes import byref, c_int, c_int64, c_size_t, c_void_p
from typing import Any, Mapping, NamedTuple, Optional, Sequence, Tuple

from . import errors
from ._core import c_date, enc, i32, str_array
from ._native import lib, take_string
from .records import _Records


class TextCheck(NamedTuple):
    """CJ-A4-2.3: whether a case text is publishable, its length in code
    points and the first sensitive name found ((byte offset, name) or None)."""
    publishable: bool
    code_points: int
    first_hit: Optional[Tuple[int, str]]


class Anonymised(NamedTuple):
    """A text with names replaced by placeholders, and how many were replaced."""
    text: str
    replaced: int


class CaseFile(_Records):
    """CJ-A4 typical cases: eligibility, publication text and anonymisation."""

    @staticmethod
    def eligible(decision_date: Any, period_days: int, on_date: Any, filed: bool = False,
                 concluded: Any = None) -> bool:
        """CJ-A4-2.1: whether a case may be published on a date."""
        out = c_int()
        lib.eg_case_eligible(byref(out), c_date(decision_date, "decision_date"), i32(period_days, "period_days"),
                             1 if filed else 0, c_date(concluded, "concluded"), c_date(on_date, "on_date"))
        return bool(out.value)

    @staticmethod
    def check_text(text: str, sensitive: Sequence[str] = ()) -> TextCheck:
        """CJ-A4-2.3: (publishable, code points, first sensitive hit (byte offset, name) or None)."""
        names = list(sensitive)
        cp, hit, which = c_size_t(), c_int64(), c_int64()
        rc = lib.eg_case_text_check(byref(cp), byref(hit), byref(which), enc(text), str_array(names, "name"),
                                    len(names))
        if rc < 0 and rc not in (errors.OutOfRange.code, errors.StateError.code):
            raise errors.from_code(rc)  # EG_ERANGE / EG_ESTATE say "not publishable"; the rest are errors
        found = (hit.value, names[which.value]) if hit.value >= 0 else None
        return TextCheck(rc == 0, cp.value, found)

    @staticmethod
    def anonymise(text: str, replacements: Mapping[str, str]) -> Anonymised:
        """Replace names by placeholders ({"宏达化工有限公司": "某公司"}); returns (text, count)."""
        names = list(replacements)
        out, n = c_void_p(), c_size_t()
        lib.eg_case_anonymise(byref(out), byref(n), enc(text), str_array(names, "name"),
                              str_array([replacements[k] for k in names], "placeholder"), len(names))
        return Anonymised(take_string(out), n.value)
