"""Disclosure (disclosure.h): the JM-2.1 list and its quarterly updates, JM-2.1 top N, CJ-A2-5.3."""

from ctypes import byref, c_int, c_int32, c_int64, c_size_t

from ._native import enc, lib
from .records import _Records, _strs

#: eg_disclosure_update: EG_DISCLOSURE_UPDATE_ON_TIME, _LATE, _MISSING
UPDATE_STATUSES = ("on_time", "late", "missing")


class DisclosureList(_Records):
    """JM-2.1 double-disclosure list; quarterly updates set the `quarter` field."""

    def late_updates(self, year, quarter):
        """JM-2.1.2 / JM-2.2 (2): {district: [(record ID, "late"|"missing", days late)]}."""
        res = {}
        for rid in self.ids():
            st, late = c_int(), c_int32()
            lib.eg_disclosure_update_status(byref(st), byref(late), self._h, enc(rid), int(year), int(quarter))
            if st.value != 0:
                district = self.get(rid, "district") or ""
                res.setdefault(district, []).append((rid, UPDATE_STATUSES[st.value], late.value))
        return res


def heads_disclosed(grid, unit_id, published, published_date, on_date, max_age_days=30):
    """CJ-A2-5.3: (met, problems) for a level-2 unit's published heads list."""
    met, bad = c_int(), c_size_t()
    lib.eg_disclosure_heads_check(byref(met), byref(bad), grid._handle(), enc(unit_id), _strs(list(published)),
                                  len(published), enc(published_date), enc(on_date), int(max_age_days))
    return bool(met.value), bad.value


def top_n(measures, n):
    """JM-2.1: the top n IDs by a measure (dict ID -> int), ties at the n-th all taken."""
    ids = list(measures)
    out, count = (c_size_t * max(len(ids), 1))(), c_size_t()
    lib.eg_disclosure_top_n(out, byref(count), _strs(ids), (c_int64 * max(len(ids), 1))(*[int(measures[i]) for i in ids]),
                 len(ids), int(n))
    return [ids[out[i]] for i in range(count.value)]
