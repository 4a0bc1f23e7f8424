"""Prototypes of inspect.h (see _native.py for the table's role)."""
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t

from ._types import STATUS

STRS = POINTER(c_char_p)

PROTOTYPES = {
    "eg_inspect_pool": (STATUS, [POINTER(c_size_t), POINTER(c_size_t), STRS, POINTER(c_int64), c_size_t, c_int32]),
    "eg_inspect_quota": (STATUS, [POINTER(c_int64), c_int, c_int64]),
    "eg_inspect_classify": (STATUS, [POINTER(c_int), POINTER(c_int), POINTER(c_int), c_size_t]),
    "eg_inspect_key_coverage": (STATUS, [POINTER(c_size_t), POINTER(c_size_t), STRS, c_size_t, STRS, c_size_t]),
}
