"""Prototypes of grid.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint, c_void_p

from ._types import ITER, STATUS

P = c_void_p
PP = POINTER(c_void_p)


class GridCsvOptions(ctypes.Structure):
    """struct eg_grid_csv_options (version 1)."""
    _fields_ = [("version", c_uint), ("root", c_char_p),
                ("root_level", c_int), ("flags", c_uint)]


class GridAddOptions(ctypes.Structure):
    """struct eg_grid_add_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_grid_add_options_init"
    _fields_ = [("version", c_uint),
                ("level", c_int),
                ("kind", c_int)]


class GridKeyGridOptions(ctypes.Structure):
    """struct eg_grid_key_grid_options; make one with _native.options() (defaults from the C init)."""
    VERSION = 1
    INIT = "eg_grid_key_grid_options_init"
    _fields_ = [("version", c_uint),
                ("station_id", c_char_p),
                ("townships", POINTER(c_char_p)),
                ("n_townships", c_size_t)]


PROTOTYPES = {
    "eg_grid_new": (STATUS, [PP]),
    "eg_grid_free": (None, [P]),
    "eg_grid_add": (STATUS, [PP, P, c_char_p, c_char_p, c_char_p, POINTER(GridAddOptions)]),
    "eg_grid_size": (c_size_t, [P]),
    "eg_grid_count": (c_size_t, [P, c_int]),
    "eg_grid_depth": (c_size_t, [P]),
    "eg_grid_lookup": (STATUS, [PP, P, c_char_p]),
    "eg_grid_node_at": (P, [P, c_size_t]),
    "eg_node_id": (c_char_p, [P]),
    "eg_node_name": (c_char_p, [P]),
    "eg_node_level": (c_int, [P]),
    "eg_node_kind": (c_int, [P]),
    "eg_node_index": (c_size_t, [P]),
    "eg_node_parent": (P, [P]),
    "eg_node_depth": (c_size_t, [P]),
    "eg_node_child_count": (c_size_t, [P]),
    "eg_node_first_child": (P, [P]),
    "eg_node_next_sibling": (P, [P]),
    "eg_grid_walk_new": (STATUS, [PP, P, P]),
    "eg_grid_walk_next": (ITER, [PP, P]),
    "eg_grid_walk_free": (None, [P]),
    "eg_grid_rollup": (STATUS, [POINTER(c_int64), P, POINTER(c_int64), c_size_t]),
    "eg_grid_set_heads": (STATUS, [P, c_char_p, c_char_p, c_char_p]),
    "eg_grid_heads": (STATUS, [POINTER(c_char_p), POINTER(c_char_p), P, P]),
    "eg_grid_add_subhead": (STATUS, [P, c_char_p, c_char_p, c_int, POINTER(c_char_p), c_size_t]),
    "eg_grid_add_supervisor": (STATUS, [P, c_char_p, c_char_p, c_int]),
    "eg_grid_supervisors": (STATUS, [POINTER(c_size_t), POINTER(c_size_t), P, P]),
    "eg_grid_add_key_grid": (STATUS, [PP, P, c_char_p, c_char_p, c_char_p, POINTER(GridKeyGridOptions)]),
    "eg_grid_key_grid_info": (STATUS, [POINTER(c_char_p), POINTER(c_size_t), P, P]),
    "eg_grid_key_grid_township": (P, [P, P, c_size_t]),
    "eg_grid_check": (STATUS, [PP, P]),
    "eg_findings_free": (None, [P]),
    "eg_findings_count": (c_size_t, [P]),
    "eg_findings_at": (P, [P, c_size_t]),
    "eg_finding_rule": (c_char_p, [P]),
    "eg_finding_node": (c_char_p, [P]),
    "eg_finding_unit": (c_char_p, [P]),
    "eg_finding_message": (c_char_p, [P, c_int]),
    "eg_findings_cj_a2_5_2": (STATUS, [POINTER(c_int), P, P, c_char_p]),
    "eg_grid_csv_options_init": (STATUS, [POINTER(GridCsvOptions), c_uint]),
    "eg_grid_parse_csv": (STATUS, [PP, c_char_p, c_size_t, POINTER(GridCsvOptions)]),
    "eg_grid_load_csv": (STATUS, [PP, c_char_p, POINTER(GridCsvOptions)]),
    "eg_grid_add_options_init": (STATUS, [POINTER(GridAddOptions), c_uint]),
    "eg_grid_key_grid_options_init": (STATUS, [POINTER(GridKeyGridOptions), c_uint]),
}
