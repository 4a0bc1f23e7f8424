"""ecogrid: Chinese environmental-supervision rules as a C library, from Python.

The package is a thin ctypes layer over libecogrid. It finds the library
through ``ECOGRID_LIBRARY`` (path of the .so), then a source checkout's
``build/`` directory, then the system library path. Errors raise
subclasses of :class:`EcogridError` carrying the C status ``code`` and the
detailed ``message``.
"""

from ._native import lib as _lib
from .errors import (AlreadyExists, CycleError, EcogridError, EcogridIOError,
                     InvalidArgument, LevelError, NotFound, OutOfMemory,
                     OutOfRange, ParseError, StateError, Utf8Error)
from .airq import (CompositeIndex, Profile, change_rate, composite_index,
                   daily_values, improvement_rate, monthly_indices, monthly_stats, MonthlyTable, percentile, rank,
                   round_report)
# The modules aqi and draw share their names with a function: the function
# is bound after the module, so ecogrid.aqi and ecogrid.draw are the functions.
from .aqi import Aqi, aqi
from .assess import Result, RuleSet, TraceEntry, consecutive_fails
from .grid import Finding, Grid, Node
from .inspect import pool, uninspected_key_objects
from .draw import DrawRecord, draw, sha256_sample, verify
from .duty import (alert_deadlines, alert_summary, cadence_check, cadence_preset, equipment_due, mee_grade,
                   obligation_due, reduction_list)
from .disclosure import DisclosureList, heads_disclosed, top_n
from .ledger import Ledger
from .cases import CaseFile
from .ladder import Clause, Ladder, LadderState, UnitResult

__all__ = [
    "version", "Grid", "Node", "Finding", "RuleSet", "Result", "TraceEntry", "consecutive_fails",
    "Ladder", "LadderState", "UnitResult", "Clause",
    "Profile", "CompositeIndex", "Aqi", "composite_index", "percentile", "change_rate",
    "improvement_rate", "rank", "aqi", "monthly_stats", "daily_values", "round_report",
    "monthly_indices", "MonthlyTable",
    "pool", "draw", "verify", "sha256_sample", "DrawRecord", "alert_deadlines", "equipment_due",
    "mee_grade", "cadence_check", "cadence_preset", "alert_summary", "reduction_list",
    "uninspected_key_objects", "DisclosureList", "Ledger", "CaseFile", "heads_disclosed",
    "top_n", "obligation_due",
    "EcogridError", "InvalidArgument", "OutOfMemory", "NotFound", "AlreadyExists",
    "OutOfRange", "ParseError", "StateError", "EcogridIOError", "Utf8Error",
    "CycleError", "LevelError",
]


def version():
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return _lib.eg_version().decode("ascii")
