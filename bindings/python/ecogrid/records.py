"""The append-only record store (records.h), the base of DisclosureList, Ledger and CaseFile.

Times are "YYYY-MM-DD HH:MM" strings or ``datetime.datetime`` values (a
date alone means 00:00); dates are "YYYY-MM-DD" or ``datetime.date``.
"""

from __future__ import annotations

from ctypes import byref, c_char_p, c_void_p
from typing import Any, Dict, List, NamedTuple, Optional, Sequence

from ._core import Owner, RecordsH, c_date, c_time, dec, enc, size, str_array
from ._native import lib, options, take_string
from ._proto_records import RecordsPutOptions


def _strs(items: Sequence[Any]) -> Any:
    """Kept for the modules built on records: a char *[] of UTF-8 strings."""
    return str_array(list(items), "text")


def _time(t: Any) -> Optional[bytes]:
    """A time for the store: text or datetime, a date alone standing for 00:00."""
    return c_time(t, "time", date_is_midnight=True)


class Version(NamedTuple):
    """One version of a record: when, who and why."""
    time: str
    actor: str
    reason: str


class _Records(Owner):
    """An append-only record store; use .put, .get, .history, .as_of, .serialize."""

    __slots__ = ("__weakref__",)
    _free = lib.eg_records_free
    _what = "record store"
    _handle_type = RecordsH

    def __init__(self, _handle: Any = None) -> None:
        if _handle is None:
            _handle = RecordsH()
            lib.eg_records_new(byref(_handle))
        super().__init__(_handle)

    @classmethod
    def load(cls, text: str) -> Any:
        """Read back a store written by serialize() (byte-exact)."""
        data = enc(text, "text")
        assert data is not None
        h = RecordsH()
        lib.eg_records_parse(byref(h), data, len(data))
        return cls(h)

    def serialize(self) -> str:
        out = c_void_p()
        lib.eg_records_serialize(byref(out), self._live())
        return take_string(out)

    def put(self, record_id: str, time: Any, actor: str, reason: str, **fields: Any) -> None:
        """Append a version: the fields given change, the rest carry over."""
        keys = list(fields)
        opts = options(RecordsPutOptions, keys=str_array(keys, "field"),
                       values=str_array([str(fields[k]) for k in keys], "value"), n_fields=len(keys))
        lib.eg_records_put(self._live(), enc(record_id, "record ID"), _time(time), enc(actor, "actor"),
                           enc(reason, "reason"), byref(opts))

    def get(self, record_id: str, key: str, as_of: Any = None) -> Optional[str]:
        """The field's value now, or as of a time; None when not set then."""
        v = c_char_p()
        lib.eg_records_get(byref(v), self._live(), enc(record_id, "record ID"), enc(key, "field"),
                           _time(as_of) if as_of else None)
        return dec(v.value)

    def ids(self) -> List[str]:
        h = self._live()
        return [(lib.eg_records_id_at(h, i) or b"").decode("utf-8") for i in range(lib.eg_records_count(h))]

    def history(self, record_id: str) -> List[Version]:
        """[(time, actor, reason)] of every version, oldest first."""
        h = self._live()
        rid = enc(record_id, "record ID")
        res = []
        for k in range(lib.eg_records_version_count(h, rid)):
            t, a, r = c_char_p(), c_char_p(), c_char_p()
            lib.eg_records_version(byref(t), byref(a), byref(r), h, rid, size(k, "version"))
            res.append(Version(dec(t.value) or "", dec(a.value) or "", dec(r.value) or ""))
        return res

    def as_of(self, date: Any, keys: Sequence[str]) -> Dict[str, Dict[str, Optional[str]]]:
        """{record ID: {key: value}} as of a date (its end, 23:59) or a time, records in creation order."""
        raw = c_time(date, "date", date_is_midnight=True)
        assert raw is not None
        when = raw[:10] + b" 23:59" if c_date_only(date) else raw
        out = {}
        for rid in self.ids():
            try:
                out[rid] = {k: self.get(rid, k, as_of=when.decode()) for k in keys}
            except LookupError:
                pass  # not yet created then
        return out


def c_date_only(value: Any) -> bool:
    """True for a date without a time: "YYYY-MM-DD" or a datetime.date that is not a datetime."""
    import datetime
    if isinstance(value, datetime.datetime):
        return False
    if isinstance(value, datetime.date):
        return True
    raw = c_date(value, "date") if isinstance(value, (str, bytes)) else None
    return raw is not None and len(raw) == 10
