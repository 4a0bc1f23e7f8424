"""Prototypes of assess.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint, c_uint32, c_void_p

from ._types import STATUS

P = c_void_p
PP = POINTER(c_void_p)


class ItemDef(ctypes.Structure):
    """struct eg_item_def (version 1)."""
    _fields_ = [("version", c_uint), ("id", c_char_p), ("rule", c_char_p), ("section", c_char_p),
                ("name_zh", c_char_p), ("name_en", c_char_p), ("kind", c_int),
                ("max_points", c_int32), ("per_occurrence", c_int32), ("floor", c_int32),
                ("overflow", c_int), ("veto", c_int), ("adverse_fail", c_int)]


PROTOTYPES = {
    "eg_ruleset_builder_new": (STATUS, [PP, c_char_p, c_char_p, c_int]),
    "eg_ruleset_builder_free": (None, [P]),
    "eg_ruleset_builder_set_validity": (STATUS, [P, c_char_p, c_char_p]),
    "eg_ruleset_builder_add_section": (STATUS, [P, c_char_p, c_char_p, c_char_p]),
    "eg_ruleset_builder_add_item": (STATUS, [P, POINTER(ItemDef)]),
    "eg_ruleset_builder_set_bonus": (STATUS, [P, c_char_p, c_int32, c_int32]),
    "eg_ruleset_builder_add_penalty_level": (STATUS, [P, c_char_p, c_char_p, c_char_p, c_int32, c_int]),
    "eg_ruleset_builder_add_forced_fail": (STATUS, [P, c_char_p, c_char_p, c_char_p, c_char_p]),
    "eg_ruleset_builder_add_grade": (STATUS, [P, c_int32, c_int, c_char_p]),
    "eg_ruleset_builder_set_total_rule": (STATUS, [P, c_char_p]),
    "eg_ruleset_builder_set_veto_mode": (STATUS, [P, c_int]),
    "eg_ruleset_build": (STATUS, [PP, P]),
    "eg_ruleset_free": (None, [P]),
    "eg_ruleset_preset": (STATUS, [PP, c_char_p]),
    "eg_ruleset_for_date": (STATUS, [PP, c_char_p, c_char_p]),
    "eg_ruleset_name": (c_char_p, [P]),
    "eg_ruleset_document": (c_char_p, [P]),
    "eg_ruleset_scale": (c_int, [P]),
    "eg_ruleset_validity": (STATUS, [POINTER(c_char_p), POINTER(c_char_p), P]),
    "eg_ruleset_item_count": (c_size_t, [P]),
    "eg_ruleset_item_id": (c_char_p, [P, c_size_t]),
    "eg_ruleset_item_rule": (c_char_p, [P, c_size_t]),
    "eg_ruleset_item_kind": (c_int, [P, c_size_t]),
    "eg_assess_input_new": (STATUS, [PP, P]),
    "eg_assess_input_free": (None, [P]),
    "eg_assess_input_set_status": (STATUS, [P, c_char_p, c_int]),
    "eg_assess_input_status_from_grid": (STATUS, [P, c_char_p, P, P, c_char_p]),
    "eg_assess_input_set_count": (STATUS, [P, c_char_p, c_int64]),
    "eg_assess_input_set_adverse": (STATUS, [P, c_char_p, c_int]),
    "eg_assess_input_set_bonus": (STATUS, [P, c_int64]),
    "eg_assess_input_add_problem": (STATUS, [P, POINTER(c_char_p), c_size_t]),
    "eg_assess_input_add_forced_fail": (STATUS, [P, c_char_p]),
    "eg_assess_score": (STATUS, [PP, P, P, c_char_p]),
    "eg_assess_score_many": (STATUS, [PP, P, PP, c_size_t, c_char_p]),
    "eg_assess_result_free": (None, [P]),
    "eg_assess_result_score": (c_int32, [P]),
    "eg_assess_result_grade": (c_int, [P]),
    "eg_assess_result_veto": (c_int, [P]),
    "eg_assess_result_fail_count": (c_size_t, [P]),
    "eg_assess_result_fail_at": (c_char_p, [P, c_size_t]),
    "eg_assess_result_trace_count": (c_size_t, [P]),
    "eg_assess_result_trace_at": (P, [P, c_size_t]),
    "eg_trace_rule": (c_char_p, [P]),
    "eg_trace_subject": (c_char_p, [P]),
    "eg_trace_count": (c_int64, [P]),
    "eg_trace_before": (c_int32, [P]),
    "eg_trace_after": (c_int32, [P]),
    "eg_trace_message": (c_char_p, [P, c_int]),
    "eg_assess_result_render": (STATUS, [POINTER(c_void_p), P, c_int]),
    "eg_grade_name": (c_char_p, [c_int]),
    "eg_assess_annual": (STATUS, [POINTER(c_int64), POINTER(c_int), P, POINTER(c_int32), c_size_t]),
    "eg_assess_score_table": (STATUS, [POINTER(c_int32), POINTER(c_int32), P, POINTER(c_int64), c_size_t,
                                       POINTER(c_int64), POINTER(c_int32), c_size_t, POINTER(c_uint32), c_size_t,
                                       c_char_p]),
    "eg_item_def_init": (STATUS, [POINTER(ItemDef), c_uint]),
}
