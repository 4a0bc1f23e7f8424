"""Prototypes of the duty calendar of duty.h (working days, duty sets, logs, status)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint

from ._core import handle_type
from ._types import STATUS

DutyWorkdaysH = handle_type("eg_duty_workdays")
DutySetH = handle_type("eg_duty_set")
DutyLogH = handle_type("eg_duty_log")
DutyRowsH = handle_type("eg_duty_rows")


class DutyDef(ctypes.Structure):
    """struct eg_duty_def (version 1)."""
    _fields_ = [("version", c_uint), ("id", c_char_p), ("rule", c_char_p), ("shape", c_int), ("kind", c_char_p),
                ("actor", c_char_p), ("group", c_char_p), ("period", c_int), ("min_count", c_int32),
                ("tags", c_char_p), ("cover_group", c_char_p), ("start", c_char_p), ("end", c_char_p),
                ("due_months", c_int32), ("due_day", c_int32), ("event_kind", c_char_p), ("match", c_int),
                ("limit_unit", c_int), ("limit", c_int32), ("flags", c_uint), ("name_zh", c_char_p),
                ("name_en", c_char_p)]


class DutyRecord(ctypes.Structure):
    """struct eg_duty_record (version 1)."""
    _fields_ = [("version", c_uint), ("type", c_int), ("kind", c_char_p), ("actor", c_char_p), ("time", c_char_p),
                ("end", c_char_p), ("period", c_char_p), ("id", c_char_p), ("ref", c_char_p),
                ("subject", c_char_p), ("tags", c_char_p), ("covers", c_char_p), ("rule", c_char_p),
                ("reason", c_char_p), ("approver", c_char_p)]


class DutyStatusOptions(ctypes.Structure):
    """struct eg_duty_status_options (version 1)."""
    _fields_ = [("version", c_uint), ("from", c_char_p), ("workdays", DutyWorkdaysH), ("flags", c_uint)]


PROTOTYPES = {
    "eg_duty_workdays_new": (STATUS, [POINTER(DutyWorkdaysH)]),
    "eg_duty_workdays_free": (None, [DutyWorkdaysH]),
    "eg_duty_workdays_cover": (STATUS, [DutyWorkdaysH, c_int, c_int]),
    "eg_duty_workdays_set": (STATUS, [DutyWorkdaysH, c_char_p, c_int]),
    "eg_duty_workdays_is_workday": (STATUS, [POINTER(c_int), DutyWorkdaysH, c_char_p]),
    "eg_duty_due_date": (STATUS, [c_char_p, c_char_p, c_int, c_int32, DutyWorkdaysH, c_int]),
    "eg_duty_def_init": (STATUS, [POINTER(DutyDef), c_uint]),
    "eg_duty_set_new": (STATUS, [POINTER(DutySetH)]),
    "eg_duty_set_free": (None, [DutySetH]),
    "eg_duty_set_add": (STATUS, [DutySetH, POINTER(DutyDef)]),
    "eg_duty_set_preset": (STATUS, [POINTER(DutySetH), c_char_p]),
    "eg_duty_set_count": (c_size_t, [DutySetH]),
    "eg_duty_set_at": (STATUS, [POINTER(DutyDef), DutySetH, c_size_t]),
    "eg_duty_set_set_source": (STATUS, [DutySetH, c_char_p, c_char_p, c_char_p]),
    "eg_duty_set_source": (STATUS, [POINTER(c_char_p), POINTER(c_char_p), DutySetH, c_size_t]),
    "eg_duty_record_init": (STATUS, [POINTER(DutyRecord), c_uint]),
    "eg_duty_log_new": (STATUS, [POINTER(DutyLogH)]),
    "eg_duty_log_free": (None, [DutyLogH]),
    "eg_duty_log_add": (STATUS, [DutyLogH, POINTER(DutyRecord)]),
    "eg_duty_log_add_member": (STATUS, [DutyLogH, c_char_p, c_char_p]),
    "eg_duty_log_count": (c_size_t, [DutyLogH]),
    "eg_duty_state_name": (c_char_p, [c_int]),
    "eg_duty_status_options_init": (STATUS, [POINTER(DutyStatusOptions), c_uint]),
    "eg_duty_status": (STATUS, [POINTER(DutyRowsH), DutySetH, DutyLogH, c_char_p, POINTER(DutyStatusOptions)]),
    "eg_duty_rows_free": (None, [DutyRowsH]),
    "eg_duty_rows_count": (c_size_t, [DutyRowsH]),
    "eg_duty_rows_rule": (c_char_p, [DutyRowsH, c_size_t]),
    "eg_duty_rows_duty": (c_char_p, [DutyRowsH, c_size_t]),
    "eg_duty_rows_actor": (c_char_p, [DutyRowsH, c_size_t]),
    "eg_duty_rows_period": (c_char_p, [DutyRowsH, c_size_t]),
    "eg_duty_rows_due": (c_char_p, [DutyRowsH, c_size_t]),
    "eg_duty_rows_required": (c_int64, [DutyRowsH, c_size_t]),
    "eg_duty_rows_counted": (c_int64, [DutyRowsH, c_size_t]),
    "eg_duty_rows_state": (c_int, [DutyRowsH, c_size_t]),
    "eg_duty_rows_in_principle": (c_int, [DutyRowsH, c_size_t]),
    "eg_duty_rows_days": (c_int64, [DutyRowsH, c_size_t]),
    "eg_duty_rows_message": (c_char_p, [DutyRowsH, c_size_t, c_int]),
    "eg_duty_rows_source": (STATUS, [POINTER(c_char_p), POINTER(c_char_p), DutyRowsH, c_size_t]),
}
