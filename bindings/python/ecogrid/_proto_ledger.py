"""Prototypes of ledger.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint

from ._core import RecordsH
from ._types import STATUS

STRS = POINTER(c_char_p)


class LedgerOpenOptions(ctypes.Structure):
    """struct eg_ledger_open_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_ledger_open_options_init"
    _fields_ = [("version", c_uint),
                ("lead_unit", c_char_p),
                ("target", c_char_p),
                ("deadline", c_char_p)]


class LedgerStepOptions(ctypes.Structure):
    """struct eg_ledger_step_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_ledger_step_options_init"
    _fields_ = [("version", c_uint), ("time", c_char_p), ("actor", c_char_p), ("reason", c_char_p),
                ("principal", c_char_p), ("signed_on", c_char_p), ("acceptance", c_char_p),
                ("notice_from", c_char_p), ("notice_to", c_char_p)]


PROTOTYPES = {
    "eg_ledger_step_options_init": (STATUS, [POINTER(LedgerStepOptions), c_uint]),
    "eg_ledger_step": (STATUS, [RecordsH, c_char_p, c_int, POINTER(LedgerStepOptions)]),
    "eg_ledger_behind": (STATUS, [POINTER(c_size_t), RecordsH, STRS, c_size_t, c_char_p]),
    "eg_ledger_open": (STATUS, [RecordsH, c_char_p, c_char_p, c_char_p, POINTER(LedgerOpenOptions)]),
    "eg_ledger_transition": (STATUS, [RecordsH, c_char_p, c_char_p, c_char_p, c_int, c_char_p]),
    "eg_ledger_extend": (STATUS, [RecordsH, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p]),
    "eg_ledger_status": (STATUS, [POINTER(c_int), POINTER(c_int), RecordsH, c_char_p, c_char_p]),
    "eg_ledger_state_name": (c_char_p, [c_int]),
    "eg_ledger_summary": (STATUS, [POINTER(c_size_t), RecordsH, STRS, c_size_t, c_char_p]),
    "eg_ledger_target_attained": (STATUS, [POINTER(c_int), c_int64, c_char_p, c_int64]),
    "eg_ledger_open_options_init": (STATUS, [POINTER(LedgerOpenOptions), c_uint]),
}
