"""Prototypes of airq.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char, c_char_p, c_double, c_int, c_int32, c_int64, c_size_t, c_ubyte, c_uint

from ._core import AirqProfileH
from ._types import STATUS


#: EG_AIRQ_INDEX_VERSION
AIRQ_INDEX_VERSION = 1


class AirqIndex(ctypes.Structure):
    """struct eg_airq_index; construct with AirqIndex.new() (the version set)."""
    _fields_ = [("version", c_uint), ("single", c_double * 6), ("load", c_double * 6), ("composite", c_double),
                ("reported_hundredths", c_int64), ("reported", c_char * 24), ("primary", c_int),
                ("primary_mask", c_uint)]

    @classmethod
    def new(cls) -> "AirqIndex":
        return cls(version=AIRQ_INDEX_VERSION)


class AirqStat(ctypes.Structure):
    """struct eg_airq_stat."""
    _fields_ = [("value", c_double), ("valid", c_int32), ("n_valid", c_int32), ("n_days", c_int32),
                ("n_required", c_int32), ("reserved", c_int32 * 2)]


class AirqMonthlyOptions(ctypes.Structure):
    """struct eg_airq_monthly_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_airq_monthly_options_init"
    _fields_ = [("version", c_uint),
                ("year", c_int),
                ("month", c_int),
                ("dust", POINTER(c_ubyte)),
                ("tampered", POINTER(c_ubyte))]


PROTOTYPES = {
    "eg_airq_profile_named": (STATUS, [POINTER(AirqProfileH), c_char_p]),
    "eg_airq_profile_for_date": (STATUS, [POINTER(AirqProfileH), c_char_p]),
    "eg_airq_profile_custom": (STATUS, [POINTER(AirqProfileH), c_char_p, POINTER(c_double), POINTER(c_double), c_int]),
    "eg_airq_profile_free": (None, [AirqProfileH]),
    "eg_airq_profile_name": (c_char_p, [AirqProfileH]),
    "eg_airq_profile_limit": (c_double, [AirqProfileH, c_int]),
    "eg_airq_profile_weight": (c_double, [AirqProfileH, c_int]),
    "eg_airq_profile_aqi_table": (c_int, [AirqProfileH]),
    "eg_pollutant_name": (c_char_p, [c_int]),
    "eg_airq_composite": (STATUS, [POINTER(AirqIndex), AirqProfileH, POINTER(c_double), c_uint]),
    "eg_airq_percentile": (STATUS, [POINTER(c_double), POINTER(c_double), c_size_t, c_double]),
    "eg_airq_round": (STATUS, [POINTER(c_int64), c_char_p, c_size_t, c_double, c_int]),
    "eg_airq_change_rate": (STATUS, [POINTER(c_double), c_double, c_double]),
    "eg_airq_improvement_rate": (STATUS, [POINTER(c_double), c_double, c_double]),
    "eg_airq_rank": (STATUS, [POINTER(c_int32), POINTER(c_double), c_size_t, c_int, c_int]),
    "eg_airq_monthly_stats": (STATUS, [POINTER(AirqStat), AirqProfileH, POINTER(c_double), c_size_t, c_size_t,
                                       POINTER(AirqMonthlyOptions)]),
    "eg_airq_daily_values": (STATUS, [POINTER(c_double), AirqProfileH, POINTER(c_double), c_size_t, c_size_t]),
    "eg_airq_aggregate_hours": (STATUS, [POINTER(c_double), POINTER(c_double), c_size_t, c_size_t]),
    "eg_airq_composite_many": (STATUS, [POINTER(c_double), POINTER(c_int32), AirqProfileH, POINTER(AirqStat), c_size_t, c_uint]),
    "eg_airq_index_init": (STATUS, [POINTER(AirqIndex), c_uint]),
    "eg_airq_monthly_options_init": (STATUS, [POINTER(AirqMonthlyOptions), c_uint]),
    "eg_airq_composite_values": (STATUS, [POINTER(c_double), POINTER(c_int32), AirqProfileH, POINTER(c_double), c_size_t, c_uint]),
}
