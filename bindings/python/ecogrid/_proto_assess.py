"""Prototypes of assess.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_ubyte, c_uint, c_uint32, c_void_p

from ._core import AssessInputH, AssessResultH, FindingsH, GridH, RulesetBuilderH, RulesetH, TraceH
from ._types import STATUS


class ItemDef(ctypes.Structure):
    """struct eg_item_def (version 1)."""
    _fields_ = [("version", c_uint), ("id", c_char_p), ("rule", c_char_p), ("section", c_char_p),
                ("name_zh", c_char_p), ("name_en", c_char_p), ("kind", c_int),
                ("max_points", c_int32), ("per_occurrence", c_int32), ("floor", c_int32),
                ("overflow", c_int), ("veto", c_int), ("adverse_fail", c_int)]


PROTOTYPES = {
    "eg_ruleset_builder_new": (STATUS, [POINTER(RulesetBuilderH), c_char_p, c_char_p, c_int]),
    "eg_ruleset_builder_free": (None, [RulesetBuilderH]),
    "eg_ruleset_builder_set_validity": (STATUS, [RulesetBuilderH, c_char_p, c_char_p]),
    "eg_ruleset_builder_add_section": (STATUS, [RulesetBuilderH, c_char_p, c_char_p, c_char_p]),
    "eg_ruleset_builder_add_item": (STATUS, [RulesetBuilderH, POINTER(ItemDef)]),
    "eg_ruleset_builder_set_bonus": (STATUS, [RulesetBuilderH, c_char_p, c_int32, c_int32]),
    "eg_ruleset_builder_add_penalty_level": (STATUS, [RulesetBuilderH, c_char_p, c_char_p, c_char_p, c_int32, c_int]),
    "eg_ruleset_builder_add_forced_fail": (STATUS, [RulesetBuilderH, c_char_p, c_char_p, c_char_p, c_char_p]),
    "eg_ruleset_builder_add_grade": (STATUS, [RulesetBuilderH, c_int32, c_int, c_char_p]),
    "eg_ruleset_builder_set_total_rule": (STATUS, [RulesetBuilderH, c_char_p]),
    "eg_ruleset_builder_set_veto_mode": (STATUS, [RulesetBuilderH, c_int]),
    "eg_ruleset_builder_set_per_situation": (STATUS, [RulesetBuilderH, c_char_p, c_int]),
    "eg_ruleset_build": (STATUS, [POINTER(RulesetH), RulesetBuilderH]),
    "eg_ruleset_free": (None, [RulesetH]),
    "eg_ruleset_preset": (STATUS, [POINTER(RulesetH), c_char_p]),
    "eg_ruleset_for_date": (STATUS, [POINTER(RulesetH), c_char_p, c_char_p]),
    "eg_ruleset_name": (c_char_p, [RulesetH]),
    "eg_ruleset_document": (c_char_p, [RulesetH]),
    "eg_ruleset_scale": (c_int, [RulesetH]),
    "eg_ruleset_validity": (STATUS, [POINTER(c_char_p), POINTER(c_char_p), RulesetH]),
    "eg_ruleset_item_count": (c_size_t, [RulesetH]),
    "eg_ruleset_item_id": (c_char_p, [RulesetH, c_size_t]),
    "eg_ruleset_item_rule": (c_char_p, [RulesetH, c_size_t]),
    "eg_ruleset_item_kind": (c_int, [RulesetH, c_size_t]),
    "eg_assess_input_new": (STATUS, [POINTER(AssessInputH), RulesetH]),
    "eg_assess_input_free": (None, [AssessInputH]),
    "eg_assess_input_set_status": (STATUS, [AssessInputH, c_char_p, c_int]),
    "eg_assess_input_status_from_grid": (STATUS, [AssessInputH, c_char_p, FindingsH, GridH, c_char_p]),
    "eg_assess_input_set_count": (STATUS, [AssessInputH, c_char_p, c_int64]),
    "eg_assess_input_set_items": (STATUS, [AssessInputH, POINTER(c_int64), POINTER(c_ubyte), c_size_t]),
    "eg_assess_input_set_adverse": (STATUS, [AssessInputH, c_char_p, c_int]),
    "eg_assess_input_set_bonus": (STATUS, [AssessInputH, c_int64]),
    "eg_assess_input_add_problem": (STATUS, [AssessInputH, POINTER(c_char_p), c_size_t]),
    "eg_assess_input_add_forced_fail": (STATUS, [AssessInputH, c_char_p]),
    "eg_assess_score": (STATUS, [POINTER(AssessResultH), RulesetH, AssessInputH, c_char_p]),
    "eg_assess_score_many": (STATUS, [POINTER(AssessResultH), RulesetH, POINTER(AssessInputH), c_size_t, c_char_p]),
    "eg_assess_result_free": (None, [AssessResultH]),
    "eg_assess_result_score": (c_int32, [AssessResultH]),
    "eg_assess_result_grade": (c_int, [AssessResultH]),
    "eg_assess_result_veto": (c_int, [AssessResultH]),
    "eg_assess_result_fail_count": (c_size_t, [AssessResultH]),
    "eg_assess_result_fail_at": (c_char_p, [AssessResultH, c_size_t]),
    "eg_assess_result_trace_count": (c_size_t, [AssessResultH]),
    "eg_assess_result_trace_at": (TraceH, [AssessResultH, c_size_t]),
    "eg_trace_rule": (c_char_p, [TraceH]),
    "eg_trace_subject": (c_char_p, [TraceH]),
    "eg_trace_count": (c_int64, [TraceH]),
    "eg_trace_before": (c_int32, [TraceH]),
    "eg_trace_after": (c_int32, [TraceH]),
    "eg_trace_message": (c_char_p, [TraceH, c_int]),
    "eg_assess_result_render": (STATUS, [POINTER(c_void_p), AssessResultH, c_int]),
    "eg_grade_name": (c_char_p, [c_int]),
    "eg_assess_annual": (STATUS, [POINTER(c_int64), POINTER(c_int), RulesetH, POINTER(c_int32), c_size_t]),
    "eg_assess_score_table": (STATUS, [POINTER(c_int32), POINTER(c_int32), RulesetH, POINTER(c_int64), c_size_t,
                                       POINTER(c_int64), POINTER(c_int32), c_size_t, POINTER(c_uint32), c_size_t,
                                       c_char_p]),
    "eg_item_def_init": (STATUS, [POINTER(ItemDef), c_uint]),
}
