"""Prototypes of disclosure.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint

from ._core import GridH, RecordsH
from ._types import STATUS

STRS = POINTER(c_char_p)



class DisclosureOptions(ctypes.Structure):
    """struct eg_disclosure_options (version 1)."""
    _fields_ = [("version", c_uint), ("step", c_int), ("before", c_int), ("same_day", c_int)]


OPTS = POINTER(DisclosureOptions)


class DisclosureHeadsOptions(ctypes.Structure):
    """struct eg_disclosure_heads_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_disclosure_heads_options_init"
    _fields_ = [("version", c_uint),
                ("published", POINTER(c_char_p)),
                ("n_published", c_size_t),
                ("published_date", c_char_p),
                ("max_age_days", c_int32)]


PROTOTYPES = {
    "eg_disclosure_options_init": (STATUS, [OPTS, c_uint]),
    "eg_disclosure_deadline": (STATUS, [c_char_p, c_int, c_int, OPTS]),
    "eg_disclosure_record_check": (STATUS, [RecordsH, c_char_p, c_char_p]),
    "eg_disclosure_update_check": (STATUS, [POINTER(c_int), POINTER(c_int32), RecordsH, c_char_p, c_int, c_int, OPTS]),
    "eg_disclosure_district_deadline": (STATUS, [c_char_p, c_int, c_int]),
    "eg_disclosure_update_status": (STATUS, [POINTER(c_int), POINTER(c_int32), RecordsH, c_char_p, c_int, c_int]),
    "eg_disclosure_top_n": (STATUS, [POINTER(c_size_t), POINTER(c_size_t), STRS, POINTER(c_int64), c_size_t, c_size_t]),
    "eg_disclosure_heads_check": (STATUS, [POINTER(c_int), POINTER(c_size_t), GridH, c_char_p, c_char_p,
                                           POINTER(DisclosureHeadsOptions)]),
    "eg_disclosure_heads_options_init": (STATUS, [POINTER(DisclosureHeadsOptions), c_uint]),
}
