"""Prototypes of records.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_size_t, c_uint, c_void_p

from ._core import RecordsH
from ._types import STATUS

STRS = POINTER(c_char_p)


class RecordsPutOptions(ctypes.Structure):
    """struct eg_records_put_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_records_put_options_init"
    _fields_ = [("version", c_uint),
                ("keys", POINTER(c_char_p)),
                ("values", POINTER(c_char_p)),
                ("n_fields", c_size_t)]


PROTOTYPES = {
    "eg_records_new": (STATUS, [POINTER(RecordsH)]),
    "eg_records_free": (None, [RecordsH]),
    "eg_records_put": (STATUS, [RecordsH, c_char_p, c_char_p, c_char_p, c_char_p, POINTER(RecordsPutOptions)]),
    "eg_records_count": (c_size_t, [RecordsH]),
    "eg_records_id_at": (c_char_p, [RecordsH, c_size_t]),
    "eg_records_get": (STATUS, [STRS, RecordsH, c_char_p, c_char_p, c_char_p]),
    "eg_records_version_count": (c_size_t, [RecordsH, c_char_p]),
    "eg_records_version": (STATUS, [STRS, STRS, STRS, RecordsH, c_char_p, c_size_t]),
    "eg_records_serialize": (STATUS, [POINTER(c_void_p), RecordsH]),
    "eg_records_parse": (STATUS, [POINTER(RecordsH), c_char_p, c_size_t]),
    "eg_records_put_options_init": (STATUS, [POINTER(RecordsPutOptions), c_uint]),
}
