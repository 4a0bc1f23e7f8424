"""Prototypes of ladder.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint, c_void_p

from ._core import LadderBuilderH, LadderH, LadderOutcomeH, LadderStateH
from ._types import STATUS



class LadderClause(ctypes.Structure):
    """struct eg_ladder_clause (version 1)."""
    _fields_ = [("version", c_uint), ("rule", c_char_p), ("action", c_char_p), ("kind", c_int),
                ("count", c_int32), ("threshold", c_int64), ("window_sum", c_int), ("flag", c_int)]


class LadderBuilderOptions(ctypes.Structure):
    """struct eg_ladder_builder_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_ladder_builder_options_init"
    _fields_ = [("version", c_uint),
                ("flag_zh", c_char_p),
                ("flag_en", c_char_p)]


class LadderStepOptions(ctypes.Structure):
    """struct eg_ladder_step_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_ladder_step_options_init"
    _fields_ = [("version", c_uint),
                ("units", POINTER(c_char_p)),
                ("values", POINTER(c_int64)),
                ("flags", POINTER(c_int)),
                ("n_units", c_size_t)]


PROTOTYPES = {
    "eg_ladder_builder_new": (STATUS, [POINTER(LadderBuilderH), c_char_p, c_int, c_char_p, c_char_p, POINTER(LadderBuilderOptions)]),
    "eg_ladder_builder_free": (None, [LadderBuilderH]),
    "eg_ladder_builder_add_action": (STATUS, [LadderBuilderH, c_char_p, c_char_p, c_char_p]),
    "eg_ladder_builder_add_clause": (STATUS, [LadderBuilderH, POINTER(LadderClause)]),
    "eg_ladder_build": (STATUS, [POINTER(LadderH), LadderBuilderH]),
    "eg_ladder_builder_set_clause_source": (STATUS, [LadderBuilderH, c_size_t, c_char_p, c_char_p]),
    "eg_ladder_preset": (STATUS, [POINTER(LadderH), c_char_p]),
    "eg_ladder_free": (None, [LadderH]),
    "eg_ladder_name": (c_char_p, [LadderH]),
    "eg_ladder_action_count": (c_size_t, [LadderH]),
    "eg_ladder_action_id": (c_char_p, [LadderH, c_size_t]),
    "eg_ladder_action_name": (c_char_p, [LadderH, c_size_t, c_int]),
    "eg_ladder_state_new": (STATUS, [POINTER(LadderStateH), LadderH]),
    "eg_ladder_state_free": (None, [LadderStateH]),
    "eg_ladder_state_last_month": (c_char_p, [LadderStateH]),
    "eg_ladder_state_streak": (STATUS, [POINTER(c_int32), LadderStateH, c_char_p]),
    "eg_ladder_state_serialize": (STATUS, [POINTER(c_void_p), LadderStateH]),
    "eg_ladder_state_parse": (STATUS, [POINTER(LadderStateH), LadderH, c_char_p, c_size_t]),
    "eg_ladder_step": (STATUS, [POINTER(LadderOutcomeH), LadderStateH, c_char_p, POINTER(LadderStepOptions)]),
    "eg_ladder_outcome_free": (None, [LadderOutcomeH]),
    "eg_ladder_outcome_count": (c_size_t, [LadderOutcomeH]),
    "eg_ladder_outcome_unit": (c_char_p, [LadderOutcomeH, c_size_t]),
    "eg_ladder_outcome_severity": (c_int, [LadderOutcomeH, c_size_t]),
    "eg_ladder_outcome_action": (c_char_p, [LadderOutcomeH, c_size_t]),
    "eg_ladder_outcome_clause_count": (c_size_t, [LadderOutcomeH, c_size_t]),
    "eg_ladder_outcome_clause_rule": (c_char_p, [LadderOutcomeH, c_size_t, c_size_t]),
    "eg_ladder_outcome_clause_action": (c_char_p, [LadderOutcomeH, c_size_t, c_size_t]),
    "eg_ladder_outcome_clause_message": (c_char_p, [LadderOutcomeH, c_size_t, c_size_t, c_int]),
    "eg_ladder_outcome_clause_source": (STATUS, [POINTER(c_char_p), POINTER(c_char_p), LadderOutcomeH, c_size_t, c_size_t]),
    "eg_ladder_evaluate_table": (STATUS, [POINTER(c_int32), LadderH, c_char_p, c_size_t, POINTER(c_char_p),
                                          POINTER(c_size_t), c_size_t, POINTER(c_int64), POINTER(c_int), c_size_t]),
    "eg_ladder_clause_init": (STATUS, [POINTER(LadderClause), c_uint]),
    "eg_ladder_builder_options_init": (STATUS, [POINTER(LadderBuilderOptions), c_uint]),
    "eg_ladder_step_options_init": (STATUS, [POINTER(LadderStepOptions), c_uint]),
}
