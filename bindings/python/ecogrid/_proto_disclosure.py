"""Prototypes of disclosure.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint

from ._core import GridH, RecordsH, handle_type
from ._proto_duty_calendar import DutyWorkdaysH
from ._types import STATUS

STRS = POINTER(c_char_p)



class DisclosureOptions(ctypes.Structure):
    """struct eg_disclosure_options (version 1)."""
    _fields_ = [("version", c_uint), ("step", c_int), ("before", c_int), ("same_day", c_int)]


OPTS = POINTER(DisclosureOptions)


class DisclosureChange(ctypes.Structure):
    """struct eg_disclosure_change (version 1)."""
    _fields_ = [("version", c_uint), ("node", c_char_p), ("role", c_int), ("name", c_char_p), ("action", c_int),
                ("effective", c_char_p), ("published", c_char_p)]


class DisclosureHeadsOptions(ctypes.Structure):
    """struct eg_disclosure_heads_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 2
    INIT = "eg_disclosure_heads_options_init"
    _fields_ = [("version", c_uint),
                ("changes", POINTER(DisclosureChange)),
                ("n_changes", c_size_t),
                ("limit", c_int),
                ("days", c_int32),
                ("workdays", DutyWorkdaysH),
                ("key_grids", c_int),
                ("supervisors", c_int)]


DisclosureHeadsH = handle_type("eg_disclosure_heads")


PROTOTYPES = {
    "eg_disclosure_options_init": (STATUS, [OPTS, c_uint]),
    "eg_disclosure_deadline": (STATUS, [c_char_p, c_int, c_int, OPTS]),
    "eg_disclosure_record_check": (STATUS, [RecordsH, c_char_p, c_char_p]),
    "eg_disclosure_update_check": (STATUS, [POINTER(c_int), POINTER(c_int32), RecordsH, c_char_p, c_int, c_int, OPTS]),
    "eg_disclosure_district_deadline": (STATUS, [c_char_p, c_int, c_int]),
    "eg_disclosure_update_status": (STATUS, [POINTER(c_int), POINTER(c_int32), RecordsH, c_char_p, c_int, c_int]),
    "eg_disclosure_top_n": (STATUS, [POINTER(c_size_t), POINTER(c_size_t), STRS, POINTER(c_int64), c_size_t, c_size_t]),
    "eg_disclosure_change_init": (STATUS, [POINTER(DisclosureChange), c_uint]),
    "eg_disclosure_heads_check": (STATUS, [POINTER(DisclosureHeadsH), GridH, c_char_p, c_char_p,
                                           POINTER(DisclosureHeadsOptions)]),
    "eg_disclosure_heads_free": (None, [DisclosureHeadsH]),
    "eg_disclosure_heads_met": (c_int, [DisclosureHeadsH]),
    "eg_disclosure_heads_count": (c_size_t, [DisclosureHeadsH]),
    "eg_disclosure_heads_kind": (c_int, [DisclosureHeadsH, c_size_t]),
    "eg_disclosure_heads_node": (c_char_p, [DisclosureHeadsH, c_size_t]),
    "eg_disclosure_heads_name": (c_char_p, [DisclosureHeadsH, c_size_t]),
    "eg_disclosure_heads_effective": (c_char_p, [DisclosureHeadsH, c_size_t]),
    "eg_disclosure_heads_due": (c_char_p, [DisclosureHeadsH, c_size_t]),
    "eg_disclosure_heads_late_days": (c_int64, [DisclosureHeadsH, c_size_t]),
    "eg_disclosure_heads_message": (c_char_p, [DisclosureHeadsH, c_size_t, c_int]),
    "eg_disclosure_heads_options_init": (STATUS, [POINTER(DisclosureHeadsOptions), c_uint]),
}
