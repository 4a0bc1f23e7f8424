"""Prototypes of aqi.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_double, c_int, c_int32, c_uint, c_uint8

from ._core import AirqProfileH
from ._types import STATUS


#: EG_AQI_SLOT_COUNT
AQI_SLOT_COUNT = 8
#: EG_AQI_RESULT_VERSION
AQI_RESULT_VERSION = 1


class AqiResult(ctypes.Structure):
    """struct eg_aqi_result; construct with AqiResult.new() (the version set)."""
    _fields_ = [("version", c_uint), ("aqi", c_int32), ("iaqi", c_int32 * AQI_SLOT_COUNT), ("primary_mask", c_uint), ("level", c_int32),
                ("clamped", c_int32), ("published", c_int32), ("rgb", c_uint8 * 3)]

    @classmethod
    def new(cls) -> "AqiResult":
        return cls(version=AQI_RESULT_VERSION)


PROTOTYPES = {
    "eg_aqi_compute": (STATUS, [POINTER(AqiResult), AirqProfileH, POINTER(c_double), c_int]),
    "eg_aqi_level_name": (c_char_p, [c_int, c_int]),
    "eg_aqi_result_init": (STATUS, [POINTER(AqiResult), c_uint]),
}
