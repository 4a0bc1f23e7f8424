"""Prototypes of draw.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint, c_uint8, c_void_p

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



class DrawRecordFields(ctypes.Structure):
    """struct eg_draw_record (version 1): a published record's fields, for eg_draw_record_check()."""
    VERSION = 1
    INIT = "eg_draw_record_init"
    _fields_ = [("version", c_uint), ("algorithm", c_int), ("seed", c_char_p), ("frame_hash", c_char_p),
                ("n_strata", c_size_t), ("strata", STRS), ("sizes", POINTER(c_int64)), ("quotas", POINTER(c_int64)),
                ("quota_rules", POINTER(c_int)), ("n_selected", c_size_t), ("selected", STRS),
                ("selected_strata", STRS), ("per_object", c_size_t), ("inspectors", STRS), ("n_skips", c_size_t),
                ("skip_inspectors", STRS), ("skip_objects", STRS), ("inspectors_hash", c_char_p)]


class DrawInputs(ctypes.Structure):
    """struct eg_draw_inputs (version 1): the frame and people a record is checked against."""
    VERSION = 1
    INIT = "eg_draw_inputs_init"
    _fields_ = [("version", c_uint), ("strata", STRS), ("frame_sizes", POINTER(c_size_t)), ("frame", STRS),
                ("n_strata", c_size_t), ("inspectors", STRS), ("n_inspectors", c_size_t),
                ("conflict_inspector", STRS), ("conflict_object", STRS), ("n_conflicts", c_size_t)]

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
    "eg_draw_inspectors_hash": (STATUS, [c_char_p, STRS, c_size_t, STRS, STRS, c_size_t]),
    "eg_draw_record_init": (STATUS, [POINTER(DrawRecordFields), c_uint]),
    "eg_draw_inputs_init": (STATUS, [POINTER(DrawInputs), c_uint]),
    "eg_draw_record_check": (STATUS, [POINTER(c_uint), POINTER(c_void_p), POINTER(DrawRecordFields),
                                      POINTER(DrawInputs), c_int]),
}
