"""Air quality by the national method (airq.h: CJ-A3-3, CJ-A3-5, CJ-A3-6; airquality.md §1-§6).

>>> p = Profile.named("CN2012")
>>> composite_index({"pm25": 35, "pm10": 70, "so2": 10, "no2": 30, "co": 1.2, "o3": 150}, p).reported
'4.15'

Arrays callers already hold go to C without a copy: composite_indices()
(statistics -> indices), monthly_indices() and monthly_stats() (hourly
values). NumPy arrays in give NumPy arrays out; array.array and memoryview
work without NumPy.
"""

from __future__ import annotations

import calendar
import ctypes
import math
import struct
from ctypes import byref, c_double, c_int32, c_ubyte
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from ._core import (AirqProfileH, Owner, Record, c_date, cint, decs, enc, in_buffer, live, new_like, out_buffer,
                    size, to_int, to_real)
from ._native import lib, options
from ._proto_airq import AIRQ_INDEX_VERSION, AirqIndex, AirqMonthlyOptions, AirqStat

#: eg_pollutant order: EG_POLLUTANT_SO2 ... EG_POLLUTANT_O3 (EG_POLLUTANT_COUNT = 6)
KEYS = ("so2", "no2", "pm10", "pm25", "co", "o3")
#: EG_AIRQ_ROUND_STATS_FIRST
ROUND_STATS_FIRST = 0x1
#: eg_rank_order: EG_RANK_ORDER_ASC, EG_RANK_ORDER_DESC
RANK_ORDERS = ("ascending", "descending")
_D6 = c_double * 6
_D6_from = _D6.from_buffer_copy
_pack6 = struct.Struct("=6d").pack
#: primary_mask -> the KEYS it names
_MASKS = tuple(tuple(k for i, k in enumerate(KEYS) if m & (1 << i)) for m in range(64))


class Profile(Owner):
    """An air-quality profile: limits, weights and AQI table (airquality.md §1)."""

    __slots__ = ("__weakref__",)
    _free = lib.eg_airq_profile_free
    _what = "profile"
    _handle_type = AirqProfileH

    @classmethod
    def named(cls, name: str) -> "Profile":
        """"CN2012", "CN2026" or "CN2031"."""
        h = AirqProfileH()
        lib.eg_airq_profile_named(byref(h), enc(name, "name"))
        return cls(h)

    @classmethod
    def for_date(cls, date: Any) -> "Profile":
        """The profile in force on a date ("YYYY-MM-DD" or a datetime.date)."""
        h = AirqProfileH()
        lib.eg_airq_profile_for_date(byref(h), c_date(date))
        return cls(h)

    @classmethod
    def custom(cls, name: str, limits: Mapping[str, float], weights: Optional[Mapping[str, float]] = None,
               aqi_table: int = 2026) -> "Profile":
        """A custom profile: limits (and weights) as dicts keyed like KEYS."""
        lim = _D6(*[to_real(limits[k], "limit of " + k) for k in KEYS])
        w = _D6(*[to_real(weights[k], "weight of " + k) for k in KEYS]) if weights else None
        h = AirqProfileH()
        lib.eg_airq_profile_custom(byref(h), enc(name, "name"), lim, w, cint(aqi_table, "aqi_table"))
        return cls(h)

    @property
    def name(self) -> str:
        return decs(lib.eg_airq_profile_name(self._live()))

    @property
    def limits(self) -> Dict[str, float]:
        h = self._live()
        return {k: lib.eg_airq_profile_limit(h, i) for i, k in enumerate(KEYS)}

    @property
    def weights(self) -> Dict[str, float]:
        h = self._live()
        return {k: lib.eg_airq_profile_weight(h, i) for i, k in enumerate(KEYS)}

    @property
    def aqi_table(self) -> int:
        return int(lib.eg_airq_profile_aqi_table(self._live()))

    def __repr__(self) -> str:
        if self._h is None:
            return "<Profile closed>"
        return "<Profile %s>" % self.name


def _profile(profile: Any) -> Any:
    if type(profile) is Profile:
        return profile._live()
    return live(profile, Profile, "profile")


@dataclass(frozen=True)
class CompositeIndex(Record):
    """The composite index (CJ-A3-3): ``index`` (full precision),
    ``reported`` ("4.15", GB/T 8170 at 0.01), ``primary`` (the first
    pollutant with the largest single index) and ``primaries`` (all of
    them on a tie). ``single`` and ``load`` (dicts by pollutant) are read
    from the C result when asked for."""
    index: float
    reported: str
    primary: str
    primaries: Tuple[str, ...]

    @classmethod
    def _new(cls, r: AirqIndex) -> "CompositeIndex":
        obj = object.__new__(cls)
        d = obj.__dict__
        d["index"] = r.composite
        d["reported"] = r.reported.decode("ascii")
        d["primary"] = KEYS[r.primary]
        d["primaries"] = _MASKS[r.primary_mask & 63]
        d["_r"] = r
        return obj

    @property
    def single(self) -> Dict[str, float]:
        """Single-item indices I_i = C_i / S_i by pollutant."""
        return dict(zip(KEYS, self.__dict__["_r"].single))

    @property
    def load(self) -> Dict[str, float]:
        """Each pollutant's share of the index (w_i·I_i / I_sum)."""
        return dict(zip(KEYS, self.__dict__["_r"].load))

    def __repr__(self) -> str:
        return "<CompositeIndex %s primary=%s>" % (self.reported, self.primary)


def _stats_array(stats: Mapping[str, Any]) -> Any:
    try:
        vals = (stats["so2"], stats["no2"], stats["pm10"], stats["pm25"], stats["co"], stats["o3"])
    except KeyError:
        missing = [k for k in KEYS if k not in stats]
        raise ValueError("statistics missing: %s" % ", ".join(missing)) from None
    except TypeError:
        raise TypeError("stats must be a mapping pollutant -> value (keys %s), not %s"
                        % (", ".join(KEYS), type(stats).__name__)) from None
    for v in vals:
        t = type(v)
        if t is not float and t is not int:
            return _D6(*[to_real(x, "statistic of " + k) for k, x in zip(KEYS, vals)])
    return _D6_from(_pack6(*vals))  # a third faster than _D6(*vals)


def composite_index(stats: Mapping[str, Any], profile: Profile, round_stats_first: bool = False) -> CompositeIndex:
    """The six-parameter composite index (CJ-A3-3) from period statistics
    (keys so2, no2, pm10, pm25, co [mg/m³], o3; a dict, a pandas Series…)."""
    ph = _profile(profile)
    r = AirqIndex(AIRQ_INDEX_VERSION)
    lib.eg_airq_composite(byref(r), ph, _stats_array(stats), ROUND_STATS_FIRST if round_stats_first else 0)
    return CompositeIndex._new(r)


def composite_indices(stats: Any, profile: Profile, round_stats_first: bool = False,
                      out: Optional[Tuple[Any, Any]] = None) -> Tuple[Any, Any]:
    """Composite indices (CJ-A3-3) of many stations from statistics held in an array, in one C call.

    ``stats``: n × 6 float64 values, one row per station, columns in KEYS
    order (so2, no2, pm10, pm25, co, o3) -- a NumPy array of shape (n, 6),
    array('d') or a memoryview of 6·n items; it is passed to C without a
    copy when writable and C-contiguous. NaN in a row means no valid
    statistic: that station gets NaN and primary -1.

    Returns ``(index, primary)``: n float64 indices at full precision and n
    int32 primary pollutants (an index into KEYS, -1 for NaN) -- NumPy
    arrays when ``stats`` is one, else array('d') and array('i'). ``out``
    gives the two output buffers to fill instead (no allocation).
    Round for publication with round_report(value, 2).
    """
    ph = _profile(profile)
    if hasattr(stats, "columns") and hasattr(stats, "to_numpy"):
        stats = stats[list(KEYS)].to_numpy(dtype="float64")  # a DataFrame: one copy, row-major
    try:
        mv = memoryview(stats)
        if mv.format.lstrip("<=@") != "d" or mv.itemsize != 8:
            raise ValueError("stats must hold float64 values (format 'd'), not %r" % mv.format)
        nbytes = mv.nbytes
        del mv
    except ValueError as exc:
        raise TypeError(str(exc)) from None
    except TypeError:
        seq = list(stats)
        if seq and hasattr(seq[0], "__len__") and not isinstance(seq[0], (str, bytes)):
            for i, row in enumerate(seq):
                if len(row) != 6:
                    raise ValueError("stats row %d has %d values, not 6 (KEYS order)" % (i, len(row))) from None
            seq = [x for row in seq for x in row]
        stats = seq
        nbytes = 8 * len(seq)
    if nbytes % 48:
        raise ValueError("stats must hold 6 values per station (KEYS order), not %d values" % (nbytes // 8))
    n = nbytes // 48
    src, keep = in_buffer(stats, c_double, 6 * n, "stats", none_is=math.nan)
    if out is None:
        index, primary = new_like(stats, "d", n), new_like(stats, "i", n)
    else:
        index, primary = out
    ob, k1 = out_buffer(index, c_double, n, "index")
    pb, k2 = out_buffer(primary, c_int32, n, "primary")
    lib.eg_airq_composite_values(ob, pb, ph, src, n, ROUND_STATS_FIRST if round_stats_first else 0)
    del keep, k1, k2, ob, pb
    return index, primary


def percentile(values: Sequence[float], p: float) -> float:
    """HJ 663 percentile; p is a fraction (0.90). NaN values are skipped."""
    vals = [to_real(v, "value") for v in values]
    arr = (c_double * max(len(vals), 1))(*vals)
    out = c_double()
    lib.eg_airq_percentile(byref(out), arr, len(vals), to_real(p, "p"))
    return out.value


def change_rate(now: float, ref: float) -> float:
    """(now − ref) / ref as a fraction: > 0 worse (airquality.md §5)."""
    out = c_double()
    lib.eg_airq_change_rate(byref(out), to_real(now, "now"), to_real(ref, "ref"))
    return out.value


def improvement_rate(now: float, ref: float) -> float:
    """(ref − now) / ref as a fraction: > 0 better (airquality.md §5)."""
    out = c_double()
    lib.eg_airq_improvement_rate(byref(out), to_real(now, "now"), to_real(ref, "ref"))
    return out.value


def round_report(value: float, decimals: int) -> str:
    """GB/T 8170 rounding to text ("4.12")."""
    buf = ctypes.create_string_buffer(32)
    lib.eg_airq_round(None, buf, 32, to_real(value, "value"), cint(decimals, "decimals"))
    return buf.value.decode("ascii")


def rank(values: Sequence[float], order: str = "ascending", decimals: int = 2) -> List[int]:
    """Competition ranks ("1224", 1-based) on values rounded to `decimals` (CJ-A3-5)."""
    orders = {k: i for i, k in enumerate(RANK_ORDERS)}
    if order not in orders:
        raise ValueError("order must be 'ascending' or 'descending', not %r" % (order,))
    vals = [to_real(v, "value") for v in values]
    arr = (c_double * max(len(vals), 1))(*vals)
    out = (c_int32 * max(len(vals), 1))()
    lib.eg_airq_rank(out, arr, len(vals), orders[order], cint(decimals, "decimals"))
    return list(out[:len(vals)])


@dataclass(frozen=True, slots=True)
class Stat(Record):
    """A period statistic with its validity (airquality.md §3, CJ-A3-6)."""
    value: float
    valid: bool
    n_valid: int
    n_days: int
    n_required: int


def _stat(s: AirqStat) -> Stat:
    return Stat(s.value, bool(s.valid), s.n_valid, s.n_days, s.n_required)


def _month_hours(year: Any, month: Any) -> Tuple[int, int, int, int]:
    y, m = cint(year, "year"), cint(month, "month")
    if not 1 <= m <= 12:
        raise ValueError("month must be 1 to 12, not %d" % m)
    if not 1 <= y <= 9999:
        raise ValueError("year must be 1 to 9999, not %d" % y)
    days = calendar.monthrange(y, m)[1]
    return y, m, days, 24 * days


def monthly_stats(hourly: Any, n_stations: int, year: int, month: int, profile: Profile,
                  dust: Optional[Sequence[Sequence[int]]] = None,
                  tampered: Optional[Sequence[Sequence[int]]] = None) -> List[Dict[str, Stat]]:
    """Monthly statistics of many stations from hourly data in one call (§3, CJ-A3-6).

    ``hourly``: float64 values laid out [station][pollutant (KEYS order)][hour]
    (any buffer such as array('d') or a NumPy array, or a list; NaN/None missing).
    ``dust``/``tampered``: optional per station lists of day numbers (1-based).
    Returns a list (per station) of dicts pollutant -> :class:`Stat`.
    """
    ph = _profile(profile)
    n_stations = size(n_stations, "n_stations")
    y, m, days, n_hours = _month_hours(year, month)
    buf, _keep = in_buffer(hourly, c_double, n_stations * 6 * n_hours, "hourly", none_is=math.nan)

    def day_mask(spec: Optional[Sequence[Sequence[int]]], what: str) -> Any:
        if spec is None:
            return None
        if len(spec) != n_stations:
            raise ValueError("%s: one list of days per station (%d), not %d" % (what, n_stations, len(spec)))
        mask = (c_ubyte * max(n_stations * days, 1))()
        for s, day_list in enumerate(spec):
            for d in day_list:
                d = to_int(d, "%s day" % what)
                if not 1 <= d <= days:
                    raise ValueError("day %r is not in %04d-%02d" % (d, y, m))
                mask[s * days + d - 1] = 1
        return mask

    out = (AirqStat * max(n_stations * 6, 1))()
    opts = options(AirqMonthlyOptions, year=y, month=m, dust=day_mask(dust, "dust"),
                   tampered=day_mask(tampered, "tampered"))
    lib.eg_airq_monthly_stats(out, ph, buf, n_stations, n_hours, byref(opts))
    return [{k: _stat(out[s * 6 + i]) for i, k in enumerate(KEYS)} for s in range(n_stations)]


def daily_values(hourly: Any, n_stations: int, n_days: int, profile: Profile) -> List[Dict[str, List[float]]]:
    """Daily means (SO2, NO2, PM10, PM2.5, CO) and O3 MDA8 per station and day (§3).

    ``hourly`` as monthly_stats() with n_days × 24 hours per series; returns a
    list (per station) of dicts pollutant -> list of n_days values (NaN invalid).
    """
    ph = _profile(profile)
    n_stations, n_days = size(n_stations, "n_stations"), size(n_days, "n_days")
    n_hours = 24 * n_days
    buf, _keep = in_buffer(hourly, c_double, n_stations * 6 * n_hours, "hourly", none_is=math.nan)
    out = (c_double * max(n_stations * 6 * n_days, 1))()
    lib.eg_airq_daily_values(out, ph, buf, n_stations, n_hours)
    return [{k: list(out[(s * 6 + i) * n_days:(s * 6 + i + 1) * n_days]) for i, k in enumerate(KEYS)}
            for s in range(n_stations)]


class MonthlyTable:
    """Monthly statistics and composite indices of many stations from one
    batch call (monthly_indices()). The arrays stay in C layout, no copy:

    - ``stats``: the eg_airq_stat array, ``stats[s * 6 + i]`` for pollutant
      KEYS[i] (``.value``, ``.valid``, ``.n_valid``, ``.n_days``, ``.n_required``);
    - ``composite``: a memoryview of float64, one index per station (NaN
      when a statistic has no valid day);
    - ``primary``: a memoryview of int32, the primary pollutant's index in
      KEYS (-1 with a NaN index).
    """

    __slots__ = ("n_stations", "stats", "composite", "primary", "_arrays")

    def __init__(self, n_stations: int, stats: Any, composite: Any, primary: Any) -> None:
        self.n_stations = n_stations
        self.stats = stats
        self._arrays = (composite, primary)
        self.composite = memoryview(composite).cast("B").cast("d")[:n_stations]
        self.primary = memoryview(primary).cast("B").cast("i")[:n_stations]

    def __len__(self) -> int:
        return self.n_stations

    def station(self, s: int) -> Dict[str, Stat]:
        """Station s as a dict pollutant -> :class:`Stat`."""
        s = to_int(s, "station")
        if not 0 <= s < self.n_stations:
            raise IndexError("station %d out of range" % s)
        return {k: _stat(self.stats[s * 6 + i]) for i, k in enumerate(KEYS)}

    def primary_name(self, s: int) -> Optional[str]:
        """The primary pollutant of station s as a KEYS name, or None."""
        p = self.primary[s]
        return KEYS[p] if p >= 0 else None


def monthly_indices(hourly: Any, n_stations: int, year: int, month: int, profile: Profile,
                    round_stats_first: bool = False) -> MonthlyTable:
    """Monthly statistics (§3, CJ-A3-6) and composite indices (CJ-A3-3) of
    many stations in two C calls, with no per-value or per-station Python work.

    ``hourly`` as monthly_stats(): float64 laid out [station][pollutant][hour]
    (array('d'), a memoryview, NumPy …; no copy when writable). Returns a
    MonthlyTable. Use monthly_stats() for the dust and interference flags.
    """
    ph = _profile(profile)
    n_stations = size(n_stations, "n_stations")
    y, m, _days, n_hours = _month_hours(year, month)
    buf, _keep = in_buffer(hourly, c_double, n_stations * 6 * n_hours, "hourly", none_is=math.nan)
    stats = (AirqStat * max(n_stations * 6, 1))()
    composite = (c_double * max(n_stations, 1))()
    primary = (c_int32 * max(n_stations, 1))()
    opts = options(AirqMonthlyOptions, year=y, month=m)
    lib.eg_airq_monthly_stats(stats, ph, buf, n_stations, n_hours, byref(opts))
    lib.eg_airq_composite_many(composite, primary, ph, stats, n_stations,
                               ROUND_STATS_FIRST if round_stats_first else 0)
    return MonthlyTable(n_stations, stats, composite, primary)


__all__ = ["KEYS", "Profile", "CompositeIndex", "Stat", "MonthlyTable", "composite_index", "composite_indices",
           "percentile", "change_rate", "improvement_rate", "round_report", "rank", "monthly_stats",
           "daily_values", "monthly_indices"]
