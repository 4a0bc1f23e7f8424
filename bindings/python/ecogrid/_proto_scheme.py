"""Prototypes of scheme.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint, c_void_p

from ._core import AirqProfileH, AssessInputH, LadderH, RecordsH, RulesetH, handle_type
from ._proto_duty_calendar import DutySetH
from ._types import STATUS

SchemeH = handle_type("eg_scheme")
SchemeFamilyH = handle_type("eg_scheme_family")
SchemeFindingsH = handle_type("eg_scheme_findings")
SchemeDiffResultH = handle_type("eg_scheme_diff_result")
P = SchemeH
SP = POINTER(c_char_p)

#: EG_SCHEME_ERROR_VERSION
SCHEME_ERROR_VERSION = 1


class SchemeError(ctypes.Structure):
    """struct eg_scheme_error (version 1)."""
    _fields_ = [("version", c_uint), ("code", c_int), ("line", c_int64), ("column", c_int64),
                ("offset", c_int64), ("pointer", c_char * 256), ("expected", c_char * 256),
                ("found", c_char * 128)]


class SchemeInfo(ctypes.Structure):
    """struct eg_scheme_info (version 1)."""
    _fields_ = [("version", c_uint), ("id", c_char_p), ("family", c_char_p), ("title_zh", c_char_p),
                ("title_en", c_char_p), ("document", c_char_p), ("issuer_zh", c_char_p), ("issuer_en", c_char_p)]


class SchemeCadence(ctypes.Structure):
    """struct eg_scheme_cadence (version 1)."""
    _fields_ = [("version", c_uint), ("id", c_char_p), ("rule", c_char_p), ("kind", c_char_p), ("period", c_int),
                ("min_count", c_int32), ("flags", c_uint)]


class DiffUnit(ctypes.Structure):
    """struct eg_scheme_diff_unit."""
    _fields_ = [("unit", c_char_p), ("old_input", AssessInputH), ("new_input", AssessInputH)]


PROTOTYPES = {
    "eg_scheme_error_init": (STATUS, [POINTER(SchemeError), c_uint]),
    # The loaders raise ParseError with the error struct's place (scheme.py):
    # they report their status without errcheck.
    "eg_scheme_load": (c_int, [POINTER(SchemeH), POINTER(SchemeError), c_char_p]),
    "eg_scheme_load_buffer": (c_int, [POINTER(SchemeH), POINTER(SchemeError), c_char_p, c_size_t]),
    "eg_scheme_check_buffer": (c_int, [POINTER(SchemeFindingsH), POINTER(SchemeError), c_char_p, c_size_t]),
    "eg_scheme_named": (STATUS, [POINTER(SchemeH), c_char_p]),
    "eg_scheme_info_init": (STATUS, [POINTER(SchemeInfo), c_uint]),
    "eg_scheme_from_ruleset": (STATUS, [POINTER(SchemeH), POINTER(SchemeInfo), RulesetH]),
    "eg_scheme_named_count": (c_size_t, []),
    "eg_scheme_named_at": (c_char_p, [c_size_t]),
    "eg_scheme_free": (None, [P]),
    "eg_scheme_write": (STATUS, [POINTER(c_void_p), P]),
    "eg_scheme_text": (c_char_p, [P]),
    "eg_scheme_sha256": (c_char_p, [P]),
    "eg_scheme_id": (c_char_p, [P]),
    "eg_scheme_family_name": (c_char_p, [P]),
    "eg_scheme_title": (c_char_p, [P, c_int]),
    "eg_scheme_document": (c_char_p, [P]),
    "eg_scheme_issuer": (c_char_p, [P, c_int]),
    "eg_scheme_validity": (STATUS, [SP, SP, P]),
    "eg_scheme_ruleset_count": (c_size_t, [P]),
    "eg_scheme_ruleset_name": (c_char_p, [P, c_size_t]),
    "eg_scheme_ruleset": (STATUS, [POINTER(RulesetH), P, c_char_p]),
    "eg_scheme_ruleset_named": (STATUS, [POINTER(RulesetH), P, c_char_p]),
    "eg_scheme_ladder_count": (c_size_t, [P]),
    "eg_scheme_ladder_name": (c_char_p, [P, c_size_t]),
    "eg_scheme_ladder": (STATUS, [POINTER(LadderH), P, c_char_p]),
    "eg_scheme_source_count": (c_size_t, [P]),
    "eg_scheme_source_at": (STATUS, [SP, SP, SP, SP, P, c_size_t]),
    "eg_scheme_airq_profile": (STATUS, [POINTER(AirqProfileH), P, c_char_p]),
    "eg_scheme_airq_ranking": (STATUS, [POINTER(c_int), POINTER(c_int), POINTER(c_int), SP, P]),
    "eg_scheme_deadline_count": (c_size_t, [P]),
    "eg_scheme_deadline_id": (c_char_p, [P, c_size_t]),
    "eg_scheme_deadline_rule": (c_char_p, [P, c_size_t]),
    "eg_scheme_deadline": (STATUS, [c_char_p, P, c_char_p, c_char_p]),
    "eg_scheme_disclosure_status": (STATUS, [POINTER(c_int), POINTER(c_int32), c_char_p, P, RecordsH, c_char_p, c_int, c_int]),
    "eg_scheme_cadence_count": (c_size_t, [P]),
    "eg_scheme_cadence_id": (c_char_p, [P, c_size_t]),
    "eg_scheme_cadence_init": (STATUS, [POINTER(SchemeCadence), c_uint]),
    "eg_scheme_cadence_at": (STATUS, [POINTER(SchemeCadence), P, c_size_t]),
    "eg_scheme_duties": (STATUS, [POINTER(DutySetH), P]),
    "eg_scheme_monthly_count": (c_size_t, [P]),
    "eg_scheme_monthly_at": (STATUS, [SP, POINTER(c_int), SP, P, c_size_t]),
    "eg_scheme_check": (STATUS, [POINTER(SchemeFindingsH), P]),
    "eg_scheme_findings_free": (None, [SchemeFindingsH]),
    "eg_scheme_findings_count": (c_size_t, [SchemeFindingsH]),
    "eg_scheme_findings_id": (c_char_p, [SchemeFindingsH, c_size_t]),
    "eg_scheme_findings_pointer": (c_char_p, [SchemeFindingsH, c_size_t]),
    "eg_scheme_findings_message": (c_char_p, [SchemeFindingsH, c_size_t, c_int]),
    "eg_scheme_family_new": (STATUS, [POINTER(SchemeFamilyH), POINTER(SchemeH), c_size_t]),
    "eg_scheme_family_free": (None, [SchemeFamilyH]),
    "eg_scheme_family_count": (c_size_t, [SchemeFamilyH]),
    "eg_scheme_family_version": (SchemeH, [SchemeFamilyH, c_size_t]),
    "eg_scheme_family_at": (STATUS, [POINTER(SchemeH), SchemeFamilyH, c_char_p]),
    "eg_scheme_diff": (STATUS, [POINTER(SchemeDiffResultH), RulesetH, RulesetH, POINTER(DiffUnit), c_size_t]),
    "eg_scheme_diff_free": (None, [SchemeDiffResultH]),
    "eg_scheme_compare": (STATUS, [POINTER(SchemeDiffResultH), P, P]),
    "eg_scheme_diff_rule_count": (c_size_t, [SchemeDiffResultH]),
    "eg_scheme_diff_rule_message": (c_char_p, [SchemeDiffResultH, c_size_t, c_int]),
    "eg_scheme_diff_count": (c_size_t, [SchemeDiffResultH]),
    "eg_scheme_diff_unit_id": (c_char_p, [SchemeDiffResultH, c_size_t]),
    "eg_scheme_diff_changed": (c_int, [SchemeDiffResultH, c_size_t]),
    "eg_scheme_diff_scores": (STATUS, [POINTER(c_int32), POINTER(c_int32), POINTER(c_int), POINTER(c_int), SchemeDiffResultH, c_size_t]),
    "eg_scheme_diff_reason_count": (c_size_t, [SchemeDiffResultH, c_size_t]),
    "eg_scheme_diff_reason_rule": (c_char_p, [SchemeDiffResultH, c_size_t, c_size_t]),
    "eg_scheme_diff_reason_message": (c_char_p, [SchemeDiffResultH, c_size_t, c_size_t, c_int]),
}
