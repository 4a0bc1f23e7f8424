"""Prototypes of draw.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint, c_uint8

from ._core import DrawH
from ._types import STATUS

STRS = POINTER(c_char_p)


class DrawSampleOptions(ctypes.Structure):
    """struct eg_draw_sample_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_draw_sample_options_init"
    _fields_ = [("version", c_uint),
                ("with_replacement", c_int),
                ("skip", c_size_t)]


class DrawFrameOptions(ctypes.Structure):
    """struct eg_draw_frame_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_draw_frame_options_init"
    _fields_ = [("version", c_uint),
                ("strata", POINTER(c_char_p)),
                ("frame_sizes", POINTER(c_size_t)),
                ("frame", POINTER(c_char_p)),
                ("quotas", POINTER(c_size_t)),
                ("n_strata", c_size_t)]


class DrawPairOptions(ctypes.Structure):
    """struct eg_draw_pair_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_draw_pair_options_init"
    _fields_ = [("version", c_uint),
                ("conflict_inspector", POINTER(c_char_p)),
                ("conflict_object", POINTER(c_char_p)),
                ("n_conflicts", c_size_t),
                ("per_object", c_size_t)]


PROTOTYPES = {
    "eg_draw_sha256": (STATUS, [POINTER(c_uint8), c_char_p, c_size_t]),
    "eg_draw_sha256_hex": (STATUS, [c_char_p, c_char_p, c_size_t]),
    "eg_draw_sample": (STATUS, [POINTER(c_int64), c_size_t, c_char_p, c_int64, c_int64, POINTER(DrawSampleOptions)]),
    "eg_draw_objects": (STATUS, [POINTER(DrawH), c_char_p, POINTER(DrawFrameOptions)]),
    "eg_draw_pair_inspectors": (STATUS, [DrawH, STRS, c_size_t, POINTER(DrawPairOptions)]),
    "eg_draw_free": (None, [DrawH]),
    "eg_draw_frame_hash": (c_char_p, [DrawH]),
    "eg_draw_algorithm": (c_int, [DrawH]),
    "eg_draw_selected_count": (c_size_t, [DrawH]),
    "eg_draw_selected": (c_char_p, [DrawH, c_size_t]),
    "eg_draw_selected_stratum": (c_char_p, [DrawH, c_size_t]),
    "eg_draw_inspector": (c_char_p, [DrawH, c_size_t, c_size_t]),
    "eg_draw_skip_count": (c_size_t, [DrawH]),
    "eg_draw_skip": (STATUS, [STRS, STRS, DrawH, c_size_t]),
    "eg_draw_verify": (STATUS, [POINTER(c_int), DrawH, POINTER(DrawFrameOptions)]),
    "eg_draw_sample_options_init": (STATUS, [POINTER(DrawSampleOptions), c_uint]),
    "eg_draw_frame_options_init": (STATUS, [POINTER(DrawFrameOptions), c_uint]),
    "eg_draw_pair_options_init": (STATUS, [POINTER(DrawPairOptions), c_uint]),
}
