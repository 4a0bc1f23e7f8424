"""Prototypes of inspect.h (see _native.py for the table's role)."""
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint, c_uint8, c_void_p

from ._types import STATUS

P = c_void_p
PP = POINTER(c_void_p)
STRS = POINTER(c_char_p)

PROTOTYPES = {
    "eg_sha256": (STATUS, [POINTER(c_uint8), c_char_p, c_size_t]),
    "eg_sha256_hex": (STATUS, [c_char_p, c_char_p, c_size_t]),
    "eg_sample": (STATUS, [POINTER(c_int64), c_size_t, c_char_p, c_int64, c_int64, c_int, c_size_t]),
    "eg_inspect_pool": (STATUS, [POINTER(c_size_t), POINTER(c_size_t), STRS, POINTER(c_int64), c_size_t, c_int32]),
    "eg_inspect_quota": (STATUS, [POINTER(c_int64), c_int, c_int64]),
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
    "eg_alert_deadlines": (STATUS, [POINTER(c_int), POINTER(c_int32), c_char_p, c_char_p, c_char_p]),
    "eg_equipment_due": (STATUS, [POINTER(c_int), c_int32, c_char_p, c_char_p]),
    "eg_mee_grade_of": (STATUS, [POINTER(c_int), c_int, POINTER(c_int), c_size_t]),
    "eg_mee_reduction_required": (c_int, [c_int]),
    "eg_mee_filing_late": (STATUS, [POINTER(c_int), c_int, c_char_p, c_char_p]),
    "eg_cadence_check": (STATUS, [PP, c_char_p, c_char_p, c_int, c_int32, c_uint, STRS, c_size_t, STRS, STRS,
                                  STRS, c_size_t, STRS, c_size_t, c_char_p, c_char_p]),
    "eg_inspect_classify": (STATUS, [POINTER(c_int), POINTER(c_int), POINTER(c_int), c_size_t]),
    "eg_inspect_key_coverage": (STATUS, [POINTER(c_size_t), POINTER(c_size_t), STRS, c_size_t, STRS, c_size_t]),
    "eg_mee_reduction_measure": (STATUS, [STRS, STRS, c_int, c_int]),
    "eg_cadence_preset": (STATUS, [STRS, POINTER(c_int), POINTER(c_int32), POINTER(c_uint), STRS, c_char_p]),
    "eg_cadence_free": (None, [P]),
    "eg_cadence_count": (c_size_t, [P]),
    "eg_cadence_actor": (c_char_p, [P, c_size_t]),
    "eg_cadence_period_start": (c_char_p, [P, c_size_t]),
    "eg_cadence_measured": (c_int32, [P, c_size_t]),
    "eg_cadence_message": (c_char_p, [P, c_size_t, c_int]),
    "eg_draw_verify": (STATUS, [POINTER(c_int), P, STRS, POINTER(c_size_t), STRS, POINTER(c_size_t), c_size_t]),
}
