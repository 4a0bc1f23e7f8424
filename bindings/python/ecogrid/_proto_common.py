"""Prototypes of common.h (see _native.py for the table's role)."""
import ctypes


class EgError(ctypes.Structure):
    """struct eg_error."""
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char_p)]


PROTOTYPES = {
    "eg_version": (ctypes.c_char_p, []),
    "eg_strerror": (ctypes.c_char_p, [ctypes.c_int]),
    "eg_error_last": (ctypes.POINTER(EgError), []),
    "eg_error_clear": (None, []),
    "eg_string_free": (None, [ctypes.c_void_p]),
}
