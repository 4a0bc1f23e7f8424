"""Disclosure (disclosure.h): the JM-2.1 list and its quarterly updates, JM-2.1 top N, CJ-A2-5.3."""

import ctypes
from ctypes import byref, c_int, c_int32, c_int64, c_size_t

from ._native import enc, lib, options
from ._proto_disclosure import DisclosureHeadsOptions, DisclosureOptions
from .records import _Records, _strs

#: eg_disclosure_update: EG_DISCLOSURE_UPDATE_ON_TIME, _LATE, _MISSING
UPDATE_STATUSES = ("on_time", "late", "missing")
#: eg_disclosure_step: the JM-2.1.2 steps (the 3rd, the 15th, the 15th)
STEPS = ("district_update", "city_list", "district_publication")


def _options(step, before, same_day):
    o = DisclosureOptions()
    lib.eg_disclosure_options_init(byref(o), 1)
    o.step = STEPS.index(step)
    o.before = 1 if before else 0
    o.same_day = 1 if same_day else 0
    return o


def deadline(year, quarter, step="district_update", before=False):
    """JM-2.1.2: the deadline "YYYY-MM-DD" of a step (the 3rd or the 15th; "before": the 2nd or the 14th)."""
    buf = ctypes.create_string_buffer(11)
    lib.eg_disclosure_deadline(buf, int(year), int(quarter), byref(_options(step, before, False)))
    return buf.value.decode("ascii")


class DisclosureList(_Records):
    """JM-2.1 double-disclosure list; quarterly updates set the `quarter` field."""

    def check(self, rid, as_of=None):
        """JM-2.1.1: raise InvalidArgument naming the missing content fields of a record."""
        lib.eg_disclosure_record_check(self._h, enc(rid), enc(as_of))

    def late_updates(self, year, quarter, step="district_update", before=False, same_day=False):
        """JM-2.1.2 / JM-2.2 (2): {district: [(record ID, "late"|"missing", days late)]} for a
        step ("district_update" by the 3rd, "city_list" and "district_publication" by the 15th)."""
        res = {}
        opts = _options(step, before, same_day)
        for rid in self.ids():
            st, late = c_int(), c_int32()
            lib.eg_disclosure_update_check(byref(st), byref(late), self._h, enc(rid), int(year), int(quarter),
                                           byref(opts))
            if st.value != 0:
                district = self.get(rid, "district") or ""
                res.setdefault(district, []).append((rid, UPDATE_STATUSES[st.value], late.value))
        return res


def heads_disclosed(grid, unit_id, published, published_date, on_date, max_age_days=30):
    """CJ-A2-5.3: (met, problems) for a level-2 unit's published heads list."""
    met, bad = c_int(), c_size_t()
    opts = options(DisclosureHeadsOptions, published=_strs(list(published)), n_published=len(published),
                   published_date=enc(published_date), max_age_days=int(max_age_days))
    lib.eg_disclosure_heads_check(byref(met), byref(bad), grid._handle(), enc(unit_id), enc(on_date), byref(opts))
    return bool(met.value), bad.value


def top_n(measures, n):
    """JM-2.1: the top n IDs by a measure (dict ID -> int), ties at the n-th all taken."""
    ids = list(measures)
    out, count = (c_size_t * max(len(ids), 1))(), c_size_t()
    lib.eg_disclosure_top_n(out, byref(count), _strs(ids), (c_int64 * max(len(ids), 1))(*[int(measures[i]) for i in ids]),
                 len(ids), int(n))
    return [ids[out[i]] for i in range(count.value)]
