"""Prototypes of cases.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint, c_void_p

from ._proto_duty_calendar import DutyWorkdaysH
from ._types import STATUS


class CaseFacts(ctypes.Structure):
    """struct eg_case_facts (version 1)."""
    _fields_ = [("version", c_uint), ("decision", c_char_p), ("served", c_char_p), ("informed", c_int),
                ("learned", c_char_p), ("review_days", c_int32), ("lawsuit_months", c_int32), ("review", c_int),
                ("review_date", c_char_p), ("lawsuit", c_int), ("lawsuit_date", c_char_p),
                ("lawsuit_ruling", c_int)]

STRS = POINTER(c_char_p)

PROTOTYPES = {
    "eg_case_facts_init": (STATUS, [POINTER(CaseFacts), c_uint]),
    "eg_case_eligible": (STATUS, [POINTER(c_int), c_char_p, POINTER(CaseFacts), DutyWorkdaysH, c_char_p]),
    "eg_case_text_check": (c_int, [POINTER(c_size_t), POINTER(c_int64), POINTER(c_int64), c_char_p, STRS, c_size_t]),
    "eg_case_anonymise": (STATUS, [POINTER(c_void_p), POINTER(c_size_t), c_char_p, STRS, STRS, c_size_t]),
    "eg_case_batches": (STATUS, [POINTER(c_int), STRS, c_size_t, c_int]),
}
