"""Prototypes of records.h (see _native.py for the table's role)."""
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_long, c_size_t, c_void_p

from ._types import STATUS

P = c_void_p
PP = POINTER(c_void_p)
STRS = POINTER(c_char_p)

PROTOTYPES = {
    "eg_records_new": (STATUS, [PP]),
    "eg_records_free": (None, [P]),
    "eg_records_put": (STATUS, [P, c_char_p, c_char_p, c_char_p, c_char_p, STRS, STRS, c_size_t]),
    "eg_records_count": (c_size_t, [P]),
    "eg_records_id_at": (c_char_p, [P, c_size_t]),
    "eg_records_get": (STATUS, [STRS, P, c_char_p, c_char_p, c_char_p]),
    "eg_records_version_count": (c_size_t, [P, c_char_p]),
    "eg_records_version": (STATUS, [STRS, STRS, STRS, P, c_char_p, c_size_t]),
    "eg_records_serialize": (STATUS, [POINTER(c_void_p), P]),
    "eg_records_parse": (STATUS, [PP, c_char_p, c_size_t]),
    "eg_jm_district_deadline": (STATUS, [c_char_p, c_int, c_int]),
    "eg_jm_update_status": (STATUS, [POINTER(c_int), POINTER(c_int32), P, c_char_p, c_int, c_int]),
    "eg_ledger_open": (STATUS, [P, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p]),
    "eg_ledger_transition": (STATUS, [P, c_char_p, c_char_p, c_char_p, c_int, c_char_p]),
    "eg_ledger_extend": (STATUS, [P, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p]),
    "eg_ledger_status": (STATUS, [POINTER(c_int), POINTER(c_int), P, c_char_p, c_char_p]),
    "eg_ledger_state_name": (c_char_p, [c_int]),
    "eg_case_eligible": (STATUS, [POINTER(c_int), c_char_p, c_int32, c_int, c_char_p, c_char_p]),
    "eg_case_text_check": (c_int, [POINTER(c_size_t), POINTER(c_long), POINTER(c_long), c_char_p, STRS, c_size_t]),
    "eg_case_anonymise": (STATUS, [POINTER(c_void_p), POINTER(c_size_t), c_char_p, STRS, STRS, c_size_t]),
    "eg_top_n": (STATUS, [POINTER(c_size_t), POINTER(c_size_t), STRS, POINTER(c_int64), c_size_t, c_size_t]),
    "eg_case_batches": (STATUS, [POINTER(c_int), STRS, c_size_t, c_int]),
    "eg_ledger_summary": (STATUS, [POINTER(c_size_t), P, STRS, c_size_t, c_char_p]),
    "eg_obligation_due": (STATUS, [c_char_p, c_int, c_char_p, c_int]),
    "eg_obligation_overdue": (STATUS, [POINTER(c_int), c_char_p, c_char_p, c_char_p]),
    "eg_target_attained": (STATUS, [POINTER(c_int), c_int64, c_char_p, c_int64]),
    "eg_heads_disclosure_check": (STATUS, [POINTER(c_int), POINTER(c_size_t), P, c_char_p, STRS, c_size_t,
                                           c_char_p, c_char_p, c_int32]),
}
