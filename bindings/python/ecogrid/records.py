"""The append-only record store (records.h), the base of DisclosureList, Ledger and CaseFile."""

import weakref
from ctypes import byref, c_char_p, c_void_p

from ._native import dec, enc, lib, options, take_string
from ._proto_records import RecordsPutOptions


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
        opts = options(RecordsPutOptions, keys=_strs(keys), values=_strs([str(fields[k]) for k in keys]),
                       n_fields=len(keys))
        lib.eg_records_put(self._h, enc(record_id), enc(_time(time)), enc(actor), enc(reason), byref(opts))

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
