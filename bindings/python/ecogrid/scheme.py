"""Schemes (issue #15): a jurisdiction's supervision rules as a versioned
JSON document, over ctypes.

>>> s = Scheme.named("changji-2023")
>>> s.ruleset("2026-10").score({"items": {"4": 3}}).score
97
>>> s.ladder("CJ-A2-7.3").actions
['none', 'criticism', 'interview', 'accountability']

A document that cannot be loaded raises :class:`ecogrid.ParseError` with
``.pointer`` (the JSON pointer of the offending value), ``.line`` and
``.column`` (1-based; the column counts characters), ``.expected`` and
``.found``; ``.code`` is the C status (EG_EPARSE, or EG_ERANGE for a number
out of range, EG_EEXISTS for a duplicate ID, EG_EUTF8, EG_ENOTFOUND for a
reference to an ID the document lacks, EG_EINVAL for what the builders
refuse). A missing file raises EcogridIOError.
"""

from __future__ import annotations

import os
from ctypes import byref, c_char_p, c_int, c_int32, c_void_p, create_string_buffer
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, NoReturn, Optional, Sequence, Tuple, Union

from . import errors
from ._core import Owner, Record, RulesetH, LadderH, AirqProfileH, c_date, dec, decs, enc, live
from ._native import lib, take_string
from ._proto_scheme import (SCHEME_ERROR_VERSION, DiffUnit, SchemeCadence, SchemeDiffResultH, SchemeError,
                            SchemeFamilyH, SchemeFindingsH, SchemeH, SchemeInfo)
from .airq import Profile
from .assess import GRADES, RuleSet
from ._proto_duty_calendar import DutySetH
from .duty_calendar import Duties
from .ladder import Ladder

LANGS = {"zh": 0, "en": 1}
PERIODS = ("day", "week", "month", "quarter", "year")
_IO = -9
_NOMEM = -3


def _text(text: Union[str, bytes]) -> bytes:
    if isinstance(text, bytes):
        return text
    data = enc(text, "text")
    assert data is not None
    return data


def _raise_load_error(rc: int, err: SchemeError) -> NoReturn:
    """ParseError with the place for a refused document; the plain class
    for a missing file, memory, or a bad argument of the call (the error
    struct holds the code only when the document itself was refused)."""
    exc = errors.from_code(rc)
    if rc in (_IO, _NOMEM) or err.code != rc:
        raise exc
    pe = errors.ParseError(exc.message, rc)
    pe.pointer = err.pointer.decode("utf-8", "replace")
    pe.line = err.line or None
    pe.column = err.column or None
    pe.offset = err.offset if err.offset >= 0 else None
    pe.expected = err.expected.decode("utf-8", "replace")
    pe.found = err.found.decode("utf-8", "replace")
    raise pe


def _new_error() -> SchemeError:
    err = SchemeError()
    lib.eg_scheme_error_init(byref(err), SCHEME_ERROR_VERSION)
    return err


@dataclass(frozen=True, slots=True)
class SchemeFinding(Record):
    """A static-check finding: .id (e.g. "grade-gap"), .pointer, .message (Chinese), .message_en."""
    id: str
    pointer: str
    message: str
    message_en: str


@dataclass(frozen=True, slots=True)
class Source(Record):
    """Where a value of the document comes from: .rule, .pointer, .article, .quote (verbatim)."""
    rule: str
    pointer: str
    article: str
    quote: str


@dataclass(frozen=True, slots=True)
class DiffUnitResult(Record):
    """One unit of a diff: scores and grades under both versions and the
    reasons, (rule ID, Chinese message, English message) per trace entry
    whose arithmetic changed."""
    unit: str
    changed: bool
    old_score: int
    new_score: int
    old_grade: Optional[str]
    new_grade: Optional[str]
    reasons: Tuple[Tuple[str, str, str], ...]


def _findings(h: Any) -> List[SchemeFinding]:
    try:
        return [SchemeFinding(decs(lib.eg_scheme_findings_id(h, i)), decs(lib.eg_scheme_findings_pointer(h, i)),
                              decs(lib.eg_scheme_findings_message(h, i, 0)), decs(lib.eg_scheme_findings_message(h, i, 1)))
                for i in range(lib.eg_scheme_findings_count(h))]
    finally:
        lib.eg_scheme_findings_free(h)


class Scheme(Owner):
    """A loaded scheme document (immutable, shareable across threads)."""

    __slots__ = ("__weakref__",)
    _free = lib.eg_scheme_free
    _what = "scheme"
    _handle_type = SchemeH

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Scheme":
        """Load a scheme document from a file; a refusal raises ParseError (EcogridIOError when unreadable)."""
        err, h = _new_error(), SchemeH()
        rc = lib.eg_scheme_load(byref(h), byref(err), enc(os.fspath(path), "path"))
        if rc < 0:
            _raise_load_error(rc, err)
        return cls(h)

    @classmethod
    def from_text(cls, text: Union[str, bytes]) -> "Scheme":
        """Load a scheme document from a str (or UTF-8 bytes); a refusal raises ParseError."""
        data = _text(text)
        err, h = _new_error(), SchemeH()
        rc = lib.eg_scheme_load_buffer(byref(h), byref(err), data, len(data))
        if rc < 0:
            _raise_load_error(rc, err)
        return cls(h)

    @classmethod
    def named(cls, name: str) -> "Scheme":
        """A shipped scheme: "changji-2023", "jiangmen-2021", "dongguan-2019", "mee-2020", "yulin-2019"."""
        h = SchemeH()
        lib.eg_scheme_named(byref(h), enc(name, "name"))
        return cls(h)

    @classmethod
    def from_ruleset(cls, ruleset: RuleSet, family: str, issuer: Tuple[str, str],
                     scheme_id: Optional[str] = None, title: Optional[Tuple[str, str]] = None) -> "Scheme":
        """A document holding one rule set built in code (every part needs a
        source): ``issuer`` and ``title`` are (Chinese, English)."""
        info = SchemeInfo()
        lib.eg_scheme_info_init(byref(info), 1)
        info.id = enc(scheme_id, "id")
        info.family = enc(family, "family")
        info.issuer_zh, info.issuer_en = enc(issuer[0], "issuer"), enc(issuer[1], "issuer")
        if title is not None:
            info.title_zh, info.title_en = enc(title[0], "title"), enc(title[1], "title")
        h = SchemeH()
        lib.eg_scheme_from_ruleset(byref(h), byref(info), live(ruleset, RuleSet, "ruleset"))
        return cls(h)

    @staticmethod
    def shipped() -> List[str]:
        """IDs of the shipped schemes."""
        return [decs(lib.eg_scheme_named_at(i)) for i in range(lib.eg_scheme_named_count())]

    @staticmethod
    def check_text(text: Union[str, bytes]) -> List[SchemeFinding]:
        """Static checks of a document that need not load: a list of
        SchemeFinding (a refusal of the loader is the finding
        "load-refused"); ParseError when the text cannot be read at all."""
        data = _text(text)
        err, h = _new_error(), SchemeFindingsH()
        rc = lib.eg_scheme_check_buffer(byref(h), byref(err), data, len(data))
        if rc < 0:
            _raise_load_error(rc, err)
        return _findings(h)

    def to_text(self) -> str:
        """The canonical text (load -> to_text -> from_text gives the same bytes)."""
        out = c_void_p()
        lib.eg_scheme_write(byref(out), self._live())
        return take_string(out)

    @property
    def sha256(self) -> str:
        """SHA-256 of the canonical text, hex."""
        return decs(lib.eg_scheme_sha256(self._live()))

    @property
    def id(self) -> str:
        return decs(lib.eg_scheme_id(self._live()))

    @property
    def family(self) -> str:
        return decs(lib.eg_scheme_family_name(self._live()))

    @property
    def document(self) -> str:
        return decs(lib.eg_scheme_document(self._live()))

    def title(self, lang: str = "zh") -> str:
        return decs(lib.eg_scheme_title(self._live(), LANGS[lang]))

    def issuer(self, lang: str = "zh") -> str:
        return decs(lib.eg_scheme_issuer(self._live(), LANGS[lang]))

    @property
    def validity(self) -> Tuple[Optional[str], Optional[str]]:
        """(valid_from, valid_to) as "YYYY-MM-DD"; valid_to None when open-ended."""
        f, t = c_char_p(), c_char_p()
        lib.eg_scheme_validity(byref(f), byref(t), self._live())
        return dec(f.value), dec(t.value)

    @property
    def rulesets(self) -> List[str]:
        """Names of the scheme's rule sets."""
        h = self._live()
        return [decs(lib.eg_scheme_ruleset_name(h, i)) for i in range(lib.eg_scheme_ruleset_count(h))]

    @property
    def ladders(self) -> List[str]:
        """Names of the scheme's ladders."""
        h = self._live()
        return [decs(lib.eg_scheme_ladder_name(h, i)) for i in range(lib.eg_scheme_ladder_count(h))]

    def ruleset(self, date: Any) -> RuleSet:
        """The RuleSet in force on a date ("YYYY-MM-DD", "YYYY-MM" for its last day, or a datetime.date)."""
        h = RulesetH()
        lib.eg_scheme_ruleset(byref(h), self._live(), c_date(date))
        return RuleSet(h)

    def ruleset_named(self, name: str) -> RuleSet:
        """A RuleSet of the scheme by name."""
        h = RulesetH()
        lib.eg_scheme_ruleset_named(byref(h), self._live(), enc(name, "name"))
        return RuleSet(h)

    def ladder(self, rule_id: str) -> Ladder:
        """The Ladder of the scheme named by its rule ID, e.g. "CJ-A2-7.3"."""
        h = LadderH()
        lib.eg_scheme_ladder(byref(h), self._live(), enc(rule_id, "ladder"))
        return Ladder(h)

    def profile(self, date: Any) -> Profile:
        """The air-quality Profile the scheme uses on a date."""
        h = AirqProfileH()
        lib.eg_scheme_airq_profile(byref(h), self._live(), c_date(date))
        return Profile(h)

    @property
    def ranking(self) -> Optional[Dict[str, Any]]:
        """The air-quality ranking: metric, order ("asc"/"desc"), decimals, last_place_ladder; None without one."""
        metric, order, decimals, last = c_int(), c_int(), c_int(), c_char_p()
        lib.eg_scheme_airq_ranking(byref(metric), byref(order), byref(decimals), byref(last), self._live())
        if metric.value == 0:
            return None
        return {"metric": ("improvement_rate", "composite_index")[metric.value - 1],
                "order": "desc" if order.value == 1 else "asc", "decimals": decimals.value,
                "last_place_ladder": dec(last.value)}

    @property
    def deadlines(self) -> List[Tuple[str, str]]:
        """[(deadline ID, rule ID)]."""
        h = self._live()
        return [(decs(lib.eg_scheme_deadline_id(h, i)), decs(lib.eg_scheme_deadline_rule(h, i)))
                for i in range(lib.eg_scheme_deadline_count(h))]

    def deadline(self, deadline_id: str, anchor: Any) -> str:
        """The due date "YYYY-MM-DD" of a deadline for an anchor ("2021Q1", "2019-06-28" or "2020")."""
        buf = create_string_buffer(11)
        lib.eg_scheme_deadline(buf, self._live(), enc(deadline_id, "deadline"), enc(str(anchor), "anchor"))
        return buf.value.decode("ascii")

    def duties(self) -> Duties:
        """The scheme's duty calendar (its "duties": section 9 of the catalogue) as ecogrid.Duties;
        ``ecogrid.duties(scheme)`` calls this."""
        h = DutySetH()
        lib.eg_scheme_duties(byref(h), self._live())
        return Duties(h)

    @property
    def cadences(self) -> Dict[str, Dict[str, Any]]:
        """dict cadence ID -> dict rule, kind, period, min_count, night_or_holiday."""
        h = self._live()
        out = {}
        for i in range(lib.eg_scheme_cadence_count(h)):
            c = SchemeCadence()
            lib.eg_scheme_cadence_init(byref(c), 1)
            lib.eg_scheme_cadence_at(byref(c), h, i)
            out[decs(c.id)] = {"rule": decs(c.rule), "kind": decs(c.kind), "period": PERIODS[c.period],
                               "min_count": int(c.min_count), "night_or_holiday": bool(c.flags & 1)}
        return out

    @property
    def monthly_ladders(self) -> List[Tuple[str, str, Optional[str]]]:
        """[(ladder, "item_count" or "failed", item ID or None)]: what the monthly cycle steps."""
        h = self._live()
        out = []
        for i in range(lib.eg_scheme_monthly_count(h)):
            lad, feed, item = c_char_p(), c_int(), c_char_p()
            lib.eg_scheme_monthly_at(byref(lad), byref(feed), byref(item), h, i)
            out.append((decs(lad.value), ("item_count", "failed")[feed.value], dec(item.value)))
        return out

    @property
    def sources(self) -> List[Source]:
        """Every source citation of the document."""
        h = self._live()
        out = []
        for i in range(lib.eg_scheme_source_count(h)):
            r, p, a, q = c_char_p(), c_char_p(), c_char_p(), c_char_p()
            lib.eg_scheme_source_at(byref(r), byref(p), byref(a), byref(q), h, i)
            out.append(Source(decs(r.value), decs(p.value), decs(a.value), decs(q.value)))
        return out

    def check(self) -> List[SchemeFinding]:
        """Static checks: a list of SchemeFinding (empty for a sound scheme)."""
        h = SchemeFindingsH()
        lib.eg_scheme_check(byref(h), self._live())
        return _findings(h)

    def __repr__(self) -> str:
        return "<Scheme closed>" if self._h is None else "<Scheme %s>" % self.id


class SchemeFamily(Owner):
    """The versions of one jurisdiction's scheme by date (gaps and overlaps refused)."""

    __slots__ = ("__weakref__",)
    _free = lib.eg_scheme_family_free
    _what = "scheme family"
    _handle_type = SchemeFamilyH

    def __init__(self, versions: Sequence[Scheme]) -> None:
        hs = [live(v, Scheme, "version") for v in versions]
        arr = (SchemeH * max(len(hs), 1))(*hs)
        h = SchemeFamilyH()
        lib.eg_scheme_family_new(byref(h), arr, len(hs))
        super().__init__(h)

    def __len__(self) -> int:
        return int(lib.eg_scheme_family_count(self._live()))

    def ids(self) -> List[str]:
        """Version IDs in date order."""
        h = self._live()
        return [decs(lib.eg_scheme_id(lib.eg_scheme_family_version(h, i))) for i in range(len(self))]

    def at(self, date: Any) -> str:
        """The ID of the version in force on a date."""
        out = SchemeH()
        lib.eg_scheme_family_at(byref(out), self._live(), c_date(date))
        return decs(lib.eg_scheme_id(out))


def diff(old_ruleset: RuleSet, new_ruleset: RuleSet, inputs_by_unit: Mapping[str, Mapping[str, Any]]
         ) -> Tuple[List[Tuple[str, str]], List[DiffUnitResult]]:
    """Re-score units under two versions (eg_scheme_diff): ``inputs_by_unit``
    maps unit -> inputs (as RuleSet.score). Returns the definitions that
    differ, as (Chinese, English) messages, and a DiffUnitResult per unit."""
    ho, hn = live(old_ruleset, RuleSet, "old_ruleset"), live(new_ruleset, RuleSet, "new_ruleset")
    units = list(inputs_by_unit)
    handles: List[Tuple[Any, Any]] = []
    h = SchemeDiffResultH()
    try:
        for u in units:
            io = old_ruleset._input(ho, inputs_by_unit[u])
            try:
                handles.append((io, new_ruleset._input(hn, inputs_by_unit[u])))
            except BaseException:
                lib.eg_assess_input_free(io)
                raise
        arr = (DiffUnit * max(len(units), 1))(*[DiffUnit(enc(u, "unit ID"), o, n) for u, (o, n) in zip(units, handles)])
        lib.eg_scheme_diff(byref(h), ho, hn, arr, len(units))
    finally:
        for o, n in handles:
            lib.eg_assess_input_free(o)
            lib.eg_assess_input_free(n)
    try:
        rules = [(decs(lib.eg_scheme_diff_rule_message(h, i, 0)), decs(lib.eg_scheme_diff_rule_message(h, i, 1)))
                 for i in range(lib.eg_scheme_diff_rule_count(h))]
        out = []
        for i in range(lib.eg_scheme_diff_count(h)):
            os_, ns, og, ng = c_int32(), c_int32(), c_int(), c_int()
            lib.eg_scheme_diff_scores(byref(os_), byref(ns), byref(og), byref(ng), h, i)
            reasons = tuple((decs(lib.eg_scheme_diff_reason_rule(h, i, k)), decs(lib.eg_scheme_diff_reason_message(h, i, k, 0)),
                             decs(lib.eg_scheme_diff_reason_message(h, i, k, 1)))
                            for k in range(lib.eg_scheme_diff_reason_count(h, i)))
            out.append(DiffUnitResult(decs(lib.eg_scheme_diff_unit_id(h, i)), lib.eg_scheme_diff_changed(h, i) == 1,
                                      os_.value, ns.value, GRADES[og.value], GRADES[ng.value], reasons))
        return rules, out
    finally:
        lib.eg_scheme_diff_free(h)
