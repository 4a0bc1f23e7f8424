"""Prototypes of cases.h (see _native.py for the table's role)."""
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_void_p

from ._types import STATUS

STRS = POINTER(c_char_p)

PROTOTYPES = {
    "eg_case_eligible": (STATUS, [POINTER(c_int), c_char_p, c_int32, c_int, c_char_p, c_char_p]),
    "eg_case_text_check": (c_int, [POINTER(c_size_t), POINTER(c_int64), POINTER(c_int64), c_char_p, STRS, c_size_t]),
    "eg_case_anonymise": (STATUS, [POINTER(c_void_p), POINTER(c_size_t), c_char_p, STRS, STRS, c_size_t]),
    "eg_case_batches": (STATUS, [POINTER(c_int), STRS, c_size_t, c_int]),
}
