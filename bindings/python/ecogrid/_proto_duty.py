"""Prototypes of duty.h (see _native.py for the table's role)."""
from ctypes import POINTER, c_char_p, c_int, c_int32, c_size_t, c_uint

from ._types import STATUS

STRS = POINTER(c_char_p)

PROTOTYPES = {
    "eg_duty_obligation_due": (STATUS, [c_char_p, c_int, c_char_p, c_int]),
    "eg_duty_obligation_overdue": (STATUS, [POINTER(c_int), c_char_p, c_char_p, c_char_p]),
    "eg_duty_alert_deadlines": (STATUS, [POINTER(c_int), POINTER(c_int32), c_char_p, c_char_p, c_char_p]),
    "eg_duty_equipment_due": (STATUS, [POINTER(c_int), c_int32, c_char_p, c_char_p]),
    "eg_duty_mee_grade_of": (STATUS, [POINTER(c_int), c_int, POINTER(c_int), c_size_t]),
    "eg_duty_mee_reduction_required": (c_int, [c_int]),
    "eg_duty_mee_filing_late": (STATUS, [POINTER(c_int), c_int, c_char_p, c_char_p]),
    "eg_duty_mee_reduction_measure": (STATUS, [STRS, STRS, c_int, c_int]),
    "eg_duty_cadence_preset": (STATUS, [STRS, POINTER(c_int), POINTER(c_int32), POINTER(c_uint), STRS, c_char_p]),
}
