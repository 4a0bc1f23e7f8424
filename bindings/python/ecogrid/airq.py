"""Air quality by the national method (airq.h: CJ-A3-3, CJ-A3-5, CJ-A3-6; airquality.md §1-§6).

>>> p = Profile.named("CN2012")
>>> composite_index({"pm25": 35, "pm10": 70, "so2": 10, "no2": 30, "co": 1.2, "o3": 150}, p).reported
'4.15'
"""

import calendar
import ctypes
import math
import weakref
from ctypes import byref, c_double, c_int32, c_int64, c_ubyte, c_void_p

from ._native import dec, enc, lib, options
from ._proto_airq import AirqIndex, AirqMonthlyOptions, AirqStat

#: eg_pollutant order: EG_POLLUTANT_SO2 ... EG_POLLUTANT_O3 (EG_POLLUTANT_COUNT = 6)
KEYS = ("so2", "no2", "pm10", "pm25", "co", "o3")
#: EG_AIRQ_ROUND_STATS_FIRST
ROUND_STATS_FIRST = 0x1
#: eg_rank_order: EG_RANK_ORDER_ASC, EG_RANK_ORDER_DESC
RANK_ORDERS = ("ascending", "descending")


class Profile:
    """An air-quality profile: limits, weights and AQI table (airquality.md §1)."""

    def __init__(self, handle):
        self._h = handle
        self._finalizer = weakref.finalize(self, lib.eg_airq_profile_free, handle)

    @classmethod
    def named(cls, name):
        """"CN2012", "CN2026" or "CN2031"."""
        h = c_void_p()
        lib.eg_airq_profile_named(byref(h), enc(name, "name"))
        return cls(h.value)

    @classmethod
    def for_date(cls, date):
        """The profile in force on "YYYY-MM-DD"."""
        h = c_void_p()
        lib.eg_airq_profile_for_date(byref(h), enc(str(date), "date"))
        return cls(h.value)

    @classmethod
    def custom(cls, name, limits, weights=None, aqi_table=2026):
        """A custom profile: limits (and weights) as dicts keyed like KEYS."""
        lim = (c_double * 6)(*[float(limits[k]) for k in KEYS])
        w = (c_double * 6)(*[float(weights[k]) for k in KEYS]) if weights else None
        h = c_void_p()
        lib.eg_airq_profile_custom(byref(h), enc(name, "name"), lim, w, int(aqi_table))
        return cls(h.value)

    @property
    def name(self):
        return dec(lib.eg_airq_profile_name(self._h))

    @property
    def limits(self):
        return {k: lib.eg_airq_profile_limit(self._h, i) for i, k in enumerate(KEYS)}

    @property
    def aqi_table(self):
        return lib.eg_airq_profile_aqi_table(self._h)

    def __repr__(self):
        return "<Profile %s>" % self.name


class CompositeIndex:
    """.index (full precision), .reported ("4.15"), .single, .load (dicts), .primary."""

    def __init__(self, r):
        self.index = r.composite
        self.reported = r.reported.decode("ascii")
        self.single = {k: r.single[i] for i, k in enumerate(KEYS)}
        self.load = {k: r.load[i] for i, k in enumerate(KEYS)}
        self.primary = KEYS[r.primary]
        self.primaries = [k for i, k in enumerate(KEYS) if r.primary_mask & (1 << i)]

    def __repr__(self):
        return "<CompositeIndex %s primary=%s>" % (self.reported, self.primary)


def _stats_array(stats):
    missing = [k for k in KEYS if k not in stats]
    if missing:
        raise ValueError("statistics missing: %s" % ", ".join(missing))
    return (c_double * 6)(*[float(stats[k]) for k in KEYS])


def composite_index(stats, profile, round_stats_first=False):
    """The six-parameter composite index (CJ-A3-3) from period statistics
    (keys so2, no2, pm10, pm25, co [mg/m³], o3)."""
    r = AirqIndex.new()
    lib.eg_airq_composite(byref(r), profile._h, _stats_array(stats), ROUND_STATS_FIRST if round_stats_first else 0)
    return CompositeIndex(r)


def percentile(values, p):
    """HJ 663 percentile; p is a fraction (0.90). NaN values are skipped."""
    vals = [float(v) for v in values]
    arr = (c_double * max(len(vals), 1))(*vals)
    out = c_double()
    lib.eg_airq_percentile(byref(out), arr, len(vals), float(p))
    return out.value


def change_rate(now, ref):
    """(now − ref) / ref as a fraction: > 0 worse (airquality.md §5)."""
    out = c_double()
    lib.eg_airq_change_rate(byref(out), float(now), float(ref))
    return out.value


def improvement_rate(now, ref):
    """(ref − now) / ref as a fraction: > 0 better (airquality.md §5)."""
    out = c_double()
    lib.eg_airq_improvement_rate(byref(out), float(now), float(ref))
    return out.value


def round_report(value, decimals):
    """GB/T 8170 rounding to text ("4.12")."""
    buf = ctypes.create_string_buffer(32)
    lib.eg_airq_round(None, buf, 32, float(value), int(decimals))
    return buf.value.decode("ascii")


def rank(values, order="ascending", decimals=2):
    """Competition ranks ("1224", 1-based) on values rounded to `decimals` (CJ-A3-5)."""
    orders = {k: i for i, k in enumerate(RANK_ORDERS)}
    if order not in orders:
        raise ValueError("order must be 'ascending' or 'descending', not %r" % (order,))
    vals = [float(v) for v in values]
    arr = (c_double * max(len(vals), 1))(*vals)
    out = (c_int32 * max(len(vals), 1))()
    lib.eg_airq_rank(out, arr, len(vals), orders[order], int(decimals))
    return list(out[:len(vals)])


def _double_buffer(data, n):
    """A ctypes double array over `data` (buffer protocol, no copy when possible) or a list."""
    try:
        mv = memoryview(data)
    except TypeError:
        vals = [math.nan if v is None else float(v) for v in data]
        if len(vals) != n:
            raise ValueError("expected %d values, got %d" % (n, len(vals)))
        return (c_double * n)(*vals), None
    if mv.format not in ("d", "<d", "=d") or mv.itemsize != 8:
        raise TypeError("buffer must hold float64 values (format 'd'), not %r" % mv.format)
    mv = mv.cast("B").cast("d") if mv.ndim != 1 else mv
    if mv.nbytes != n * 8:
        raise ValueError("expected %d values, got %d" % (n, mv.nbytes // 8))
    if mv.readonly or not mv.contiguous:
        return (c_double * n).from_buffer_copy(mv), None
    return (c_double * n).from_buffer(mv), mv


def monthly_stats(hourly, n_stations, year, month, profile, dust=None, tampered=None):
    """Monthly statistics of many stations from hourly data in one call (§3, CJ-A3-6).

    ``hourly``: float64 values laid out [station][pollutant (KEYS order)][hour]
    (any buffer such as array('d') or a NumPy array, or a list; NaN/None missing).
    ``dust``/``tampered``: optional per station lists of day numbers (1-based).
    Returns a list (per station) of dicts pollutant -> {value, valid, n_valid, n_days, n_required}.
    """
    days = calendar.monthrange(int(year), int(month))[1]
    n_hours = 24 * days
    buf, _keep = _double_buffer(hourly, n_stations * 6 * n_hours)

    def day_mask(spec):
        if spec is None:
            return None
        mask = (c_ubyte * max(n_stations * days, 1))()
        for s, day_list in enumerate(spec):
            for d in day_list:
                if not 1 <= d <= days:
                    raise ValueError("day %r is not in %04d-%02d" % (d, year, month))
                mask[s * days + d - 1] = 1
        return mask

    out = (AirqStat * max(n_stations * 6, 1))()
    opts = options(AirqMonthlyOptions, year=int(year), month=int(month), dust=day_mask(dust),
                   tampered=day_mask(tampered))
    lib.eg_airq_monthly_stats(out, profile._h, buf, n_stations, n_hours, byref(opts))
    return [{k: {"value": out[s * 6 + i].value, "valid": bool(out[s * 6 + i].valid),
                 "n_valid": out[s * 6 + i].n_valid, "n_days": out[s * 6 + i].n_days,
                 "n_required": out[s * 6 + i].n_required}
             for i, k in enumerate(KEYS)} for s in range(n_stations)]


def daily_values(hourly, n_stations, n_days, profile):
    """Daily means (SO2, NO2, PM10, PM2.5, CO) and O3 MDA8 per station and day (§3).

    ``hourly`` as monthly_stats() with n_days × 24 hours per series; returns a
    list (per station) of dicts pollutant -> list of n_days values (NaN invalid).
    """
    n_hours = 24 * int(n_days)
    buf, _keep = _double_buffer(hourly, n_stations * 6 * n_hours)
    out = (c_double * max(n_stations * 6 * n_days, 1))()
    lib.eg_airq_daily_values(out, profile._h, buf, n_stations, n_hours)
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

    def __init__(self, n_stations, stats, composite, primary):
        self.n_stations = n_stations
        self.stats = stats
        self._arrays = (composite, primary)
        self.composite = memoryview(composite).cast("B").cast("d")[:n_stations]
        self.primary = memoryview(primary).cast("B").cast("i")[:n_stations]

    def __len__(self):
        return self.n_stations

    def station(self, s):
        """Station s as a dict pollutant -> {value, valid, n_valid, n_days, n_required}."""
        if not 0 <= s < self.n_stations:
            raise IndexError("station %d out of range" % s)
        return {k: {"value": self.stats[s * 6 + i].value, "valid": bool(self.stats[s * 6 + i].valid),
                    "n_valid": self.stats[s * 6 + i].n_valid, "n_days": self.stats[s * 6 + i].n_days,
                    "n_required": self.stats[s * 6 + i].n_required} for i, k in enumerate(KEYS)}

    def primary_name(self, s):
        """The primary pollutant of station s as a KEYS name, or None."""
        p = self.primary[s]
        return KEYS[p] if p >= 0 else None


def monthly_indices(hourly, n_stations, year, month, profile, round_stats_first=False):
    """Monthly statistics (§3, CJ-A3-6) and composite indices (CJ-A3-3) of
    many stations in two C calls, with no per-value or per-station Python work.

    ``hourly`` as monthly_stats(): float64 laid out [station][pollutant][hour]
    (array('d'), a memoryview, NumPy …; no copy when writable). Returns a
    MonthlyTable. Use monthly_stats() for the dust and interference flags.
    """
    days = calendar.monthrange(int(year), int(month))[1]
    n_hours = 24 * days
    buf, _keep = _double_buffer(hourly, n_stations * 6 * n_hours)
    stats = (AirqStat * max(n_stations * 6, 1))()
    composite = (c_double * max(n_stations, 1))()
    primary = (c_int32 * max(n_stations, 1))()
    opts = options(AirqMonthlyOptions, year=int(year), month=int(month))
    lib.eg_airq_monthly_stats(stats, profile._h, buf, n_stations, n_hours, byref(opts))
    lib.eg_airq_composite_many(composite, primary, profile._h, stats, n_stations,
                               ROUND_STATS_FIRST if round_stats_first else 0)
    return MonthlyTable(n_stations, stats, composite, primary)
