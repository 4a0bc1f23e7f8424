"""ecogrid: Chinese environmental-supervision rules as a C library, from Python.

The package is a thin ctypes layer over libecogrid: the rules live in the
library, the package converts, calls and wraps. It loads the library named
by ``ECOGRID_LIBRARY`` if set, else the one bundled in the package (a
wheel), else the one ``meson install`` put beside it, else a source
checkout's ``build/``, else the system's (``ecogrid._native.LIBRARY_PATH``
says which).

Errors raise subclasses of :class:`EcogridError` carrying the C status
``code`` and the detailed ``message``. Integers are checked against their C
type (:class:`OutOfRange`, an ``OverflowError``); NumPy scalars are
accepted wherever an int or float is; ``datetime.date`` / ``datetime``
wherever a date / time string is. Objects taken from a grid, a ladder … and
used after it was closed raise :class:`ClosedError`. Results are frozen
dataclasses (or named tuples) with ``_asdict()``, ready for pandas.
"""

from ._native import lib as _lib
from .errors import (AlreadyExists, ClosedError, CycleError, EcogridError, EcogridIOError, InvalidArgument,
                     LevelError, NotFound, OutOfMemory, OutOfRange, ParseError, StateError, Utf8Error)
from .airq import (CompositeIndex, MonthlyTable, Profile, Stat, change_rate, composite_index, composite_indices,
                   daily_values, improvement_rate, monthly_indices, monthly_stats, percentile, rank, round_report)
# The modules aqi and draw share their names with a function: the function
# is bound after the module, so ecogrid.aqi and ecogrid.draw are the functions.
from .aqi import Aqi, aqi
from .assess import Annual, Result, RuleSet, TraceEntry, consecutive_fails
from .grid import Finding, Findings, Grid, Heads, Node, Supervisors
from .inspect import pool, uninspected_key_objects
from .draw import DrawRecord, check_record, draw, inspectors_hash, sha256_sample, verify
from .duty import (Deadline, alert_deadlines, alert_summary, cadence_check, cadence_preset, equipment_due, mee_grade,
                   obligation_due, reduction_list)
from .duty_calendar import Duties, DutyLog, Row, Workdays, due_date, duties
from .disclosure import DisclosureList, HeadsCheck, LateUpdate, heads_disclosed, top_n
from .ledger import Ledger, LedgerCounts, LedgerStatus
from .cases import Anonymised, CaseFile, TextCheck
from .records import Version
from .ladder import Clause, Ladder, LadderState, UnitResult
from .scheme import DiffUnitResult, Scheme, SchemeFamily, SchemeFinding, Source
from .scheme import diff as scheme_diff

__all__ = [
    "version", "__version__", "Grid", "Node", "Finding", "Findings", "Heads", "Supervisors",
    "RuleSet", "Result", "TraceEntry", "Annual", "consecutive_fails",
    "Ladder", "LadderState", "UnitResult", "Clause",
    "Profile", "CompositeIndex", "Stat", "Aqi", "composite_index", "composite_indices", "percentile",
    "change_rate", "improvement_rate", "rank", "aqi", "monthly_stats", "daily_values", "round_report",
    "monthly_indices", "MonthlyTable",
    "pool", "draw", "verify", "check_record", "inspectors_hash", "sha256_sample", "DrawRecord", "alert_deadlines",
    "equipment_due", "mee_grade", "cadence_check", "cadence_preset", "alert_summary", "reduction_list", "Deadline",
    "uninspected_key_objects", "DisclosureList", "Ledger", "CaseFile", "heads_disclosed",
    "top_n", "obligation_due", "LateUpdate", "HeadsCheck", "LedgerCounts", "LedgerStatus", "TextCheck",
    "Anonymised", "Version", "duties", "Duties", "DutyLog", "Row", "Workdays", "due_date",
    "Scheme", "SchemeFamily", "SchemeFinding", "Source", "DiffUnitResult", "scheme_diff",
    "EcogridError", "InvalidArgument", "OutOfMemory", "NotFound", "AlreadyExists",
    "OutOfRange", "ParseError", "StateError", "ClosedError", "EcogridIOError", "Utf8Error",
    "CycleError", "LevelError",
]


def version() -> str:
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return str(_lib.eg_version().decode("ascii"))


#: The version of the loaded library (the package is built with it).
__version__ = version()
