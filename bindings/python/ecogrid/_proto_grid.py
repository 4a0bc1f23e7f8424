"""Prototypes of grid.h (see _native.py for the table's role)."""
import ctypes
from ctypes import POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint

from ._core import FindingH, FindingsH, GridH, GridWalkH, NodeH
from ._types import ITER, STATUS


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
    "eg_grid_new": (STATUS, [POINTER(GridH)]),
    "eg_grid_free": (None, [GridH]),
    "eg_grid_add": (STATUS, [POINTER(NodeH), GridH, c_char_p, c_char_p, c_char_p, POINTER(GridAddOptions)]),
    "eg_grid_size": (c_size_t, [GridH]),
    "eg_grid_count": (c_size_t, [GridH, c_int]),
    "eg_grid_depth": (c_size_t, [GridH]),
    "eg_grid_lookup": (STATUS, [POINTER(NodeH), GridH, c_char_p]),
    "eg_grid_node_at": (NodeH, [GridH, c_size_t]),
    "eg_node_id": (c_char_p, [NodeH]),
    "eg_node_name": (c_char_p, [NodeH]),
    "eg_node_level": (c_int, [NodeH]),
    "eg_node_kind": (c_int, [NodeH]),
    "eg_node_index": (c_size_t, [NodeH]),
    "eg_node_parent": (NodeH, [NodeH]),
    "eg_node_depth": (c_size_t, [NodeH]),
    "eg_node_child_count": (c_size_t, [NodeH]),
    "eg_node_first_child": (NodeH, [NodeH]),
    "eg_node_next_sibling": (NodeH, [NodeH]),
    "eg_grid_walk_new": (STATUS, [POINTER(GridWalkH), GridH, NodeH]),
    "eg_grid_walk_next": (ITER, [POINTER(NodeH), GridWalkH]),
    "eg_grid_walk_free": (None, [GridWalkH]),
    "eg_grid_rollup": (STATUS, [POINTER(c_int64), GridH, POINTER(c_int64), c_size_t]),
    "eg_grid_set_heads": (STATUS, [GridH, c_char_p, c_char_p, c_char_p]),
    "eg_grid_heads": (STATUS, [POINTER(c_char_p), POINTER(c_char_p), GridH, NodeH]),
    "eg_grid_add_subhead": (STATUS, [GridH, c_char_p, c_char_p, c_int, POINTER(c_char_p), c_size_t]),
    "eg_grid_add_supervisor": (STATUS, [GridH, c_char_p, c_char_p, c_int]),
    "eg_grid_supervisors": (STATUS, [POINTER(c_size_t), POINTER(c_size_t), GridH, NodeH]),
    "eg_grid_add_key_grid": (STATUS, [POINTER(NodeH), GridH, c_char_p, c_char_p, c_char_p, POINTER(GridKeyGridOptions)]),
    "eg_grid_key_grid_info": (STATUS, [POINTER(c_char_p), POINTER(c_size_t), GridH, NodeH]),
    "eg_grid_key_grid_township": (NodeH, [GridH, NodeH, c_size_t]),
    "eg_grid_check": (STATUS, [POINTER(FindingsH), GridH]),
    "eg_findings_free": (None, [FindingsH]),
    "eg_findings_count": (c_size_t, [FindingsH]),
    "eg_findings_at": (FindingH, [FindingsH, c_size_t]),
    "eg_finding_rule": (c_char_p, [FindingH]),
    "eg_finding_node": (c_char_p, [FindingH]),
    "eg_finding_unit": (c_char_p, [FindingH]),
    "eg_finding_message": (c_char_p, [FindingH, c_int]),
    "eg_findings_cj_a2_5_2": (STATUS, [POINTER(c_int), FindingsH, GridH, c_char_p]),
    "eg_grid_csv_options_init": (STATUS, [POINTER(GridCsvOptions), c_uint]),
    "eg_grid_parse_csv": (STATUS, [POINTER(GridH), c_char_p, c_size_t, POINTER(GridCsvOptions)]),
    "eg_grid_load_csv": (STATUS, [POINTER(GridH), c_char_p, POINTER(GridCsvOptions)]),
    "eg_grid_add_options_init": (STATUS, [POINTER(GridAddOptions), c_uint]),
    "eg_grid_key_grid_options_init": (STATUS, [POINTER(GridKeyGridOptions), c_uint]),
}
