"""Prototypes of draw.h (see _native.py for the table's role)."""
from ctypes import POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint8, c_void_p

from ._types import STATUS

P = c_void_p
PP = POINTER(c_void_p)
STRS = POINTER(c_char_p)

PROTOTYPES = {
    "eg_draw_sha256": (STATUS, [POINTER(c_uint8), c_char_p, c_size_t]),
    "eg_draw_sha256_hex": (STATUS, [c_char_p, c_char_p, c_size_t]),
    "eg_draw_sample": (STATUS, [POINTER(c_int64), c_size_t, c_char_p, c_int64, c_int64, c_int, c_size_t]),
    "eg_draw_objects": (STATUS, [PP, c_char_p, STRS, POINTER(c_size_t), STRS, POINTER(c_size_t), c_size_t]),
    "eg_draw_pair_inspectors": (STATUS, [P, STRS, c_size_t, STRS, STRS, c_size_t, c_size_t]),
    "eg_draw_free": (None, [P]),
    "eg_draw_frame_hash": (c_char_p, [P]),
    "eg_draw_algorithm": (c_int, [P]),
    "eg_draw_selected_count": (c_size_t, [P]),
    "eg_draw_selected": (c_char_p, [P, c_size_t]),
    "eg_draw_selected_stratum": (c_char_p, [P, c_size_t]),
    "eg_draw_inspector": (c_char_p, [P, c_size_t, c_size_t]),
    "eg_draw_skip_count": (c_size_t, [P]),
    "eg_draw_skip": (STATUS, [STRS, STRS, P, c_size_t]),
    "eg_draw_verify": (STATUS, [POINTER(c_int), P, STRS, POINTER(c_size_t), STRS, POINTER(c_size_t), c_size_t]),
}
