"""CJ-A4 typical cases (cases.h): CJ-A4-2.1, CJ-A4-2.3."""

from __future__ import annotations

import ctypes
from ctypes import byref, c_int, c_int64, c_size_t, c_void_p
from typing import Any, Mapping, NamedTuple, Optional, Sequence, Tuple

from . import errors
from ._core import c_date, enc, i32, live, str_array
from ._native import lib, take_string
from ._proto_cases import CaseFacts
from .duty_calendar import Workdays
from .records import _Records

#: eg_case_challenge
CHALLENGES = ("none", "pending", "decided", "final")


def _challenge(value: str, what: str) -> int:
    if value not in CHALLENGES:
        raise ValueError("%s must be one of %s, not %r" % (what, ", ".join(CHALLENGES), value))
    return CHALLENGES.index(value)


class Eligibility(NamedTuple):
    """CJ-A4-2.1: eligible on the day judged, and the first day (None while a challenge is pending)."""
    eligible: bool
    first_day: Optional[str]


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
    def eligible(decision: Any, on_date: Any, calendar: Any, served: Any = None, informed: bool = True,
                 learned: Any = None, review: str = "none", review_date: Any = None, lawsuit: str = "none",
                 lawsuit_date: Any = None, ruling: bool = False, review_days: int = 60,
                 lawsuit_months: int = 6) -> Eligibility:
        """CJ-A4-2.1: whether a case may be published on a date, and from which day.

        The legal periods run from service (``served``; None: an on-the-spot
        decision): review 60 days, lawsuit six months, extended over the rest
        days of ``calendar`` (an ecogrid.Workdays, required). ``review`` and
        ``lawsuit`` are "none", "pending", "decided" (the decision received on
        its date, the next step still open) or "final" (final on its date)."""
        f = CaseFacts()
        lib.eg_case_facts_init(byref(f), 1)
        f.decision, f.served, f.learned = c_date(decision, "decision"), c_date(served, "served"), c_date(learned, "learned")
        f.informed = 1 if informed else 0
        f.review_days, f.lawsuit_months = i32(review_days, "review_days"), i32(lawsuit_months, "lawsuit_months")
        f.review, f.review_date = _challenge(review, "review"), c_date(review_date, "review_date")
        f.lawsuit, f.lawsuit_date = _challenge(lawsuit, "lawsuit"), c_date(lawsuit_date, "lawsuit_date")
        f.lawsuit_ruling = 1 if ruling else 0
        out, first = c_int(), ctypes.create_string_buffer(11)
        lib.eg_case_eligible(byref(out), first, byref(f), live(calendar, Workdays, "calendar"),
                             c_date(on_date, "on_date"))
        return Eligibility(bool(out.value), first.value.decode("ascii") or None)

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
