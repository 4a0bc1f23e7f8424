"""The Air Quality Index by HJ 633 (aqi.h, airquality.md §7)."""

from __future__ import annotations

import math
from ctypes import byref, c_double
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple

from ._core import Record, dec, to_real
from ._native import lib
from ._proto_aqi import AQI_RESULT_VERSION, AQI_SLOT_COUNT, AqiResult
from .airq import Profile, _profile

#: eg_aqi_slot order: EG_AQI_SLOT_SO2 ... EG_AQI_SLOT_SO2_24H
AQI_KEYS = ("so2", "no2", "pm10", "pm25", "co", "o3_1h", "o3_8h", "so2_24h")
#: eg_aqi_report: EG_AQI_REPORT_DAILY, EG_AQI_REPORT_HOURLY
REPORTS = ("daily", "hourly")


@dataclass(frozen=True, slots=True)
class Aqi(Record):
    """An AQI result: ``aqi`` (None when unpublished), ``iaqi`` (dict of the
    pollutants given), ``primary`` (tuple), ``level`` (1-6 or None),
    ``category``, ``category_en``, ``colour`` (RGB), ``clamped``, ``published``."""
    aqi: Optional[int]
    iaqi: Dict[str, int]
    primary: Tuple[str, ...]
    level: Optional[int]
    category: Optional[str]
    category_en: Optional[str]
    colour: Optional[Tuple[int, int, int]]
    clamped: bool
    published: bool

    def __repr__(self) -> str:
        return "<Aqi %s %s>" % (self.aqi, self.category_en)


def _result(r: AqiResult) -> Aqi:
    level = r.level or None
    return Aqi(aqi=r.aqi if r.published else None,
               iaqi={k: r.iaqi[i] for i, k in enumerate(AQI_KEYS) if r.iaqi[i] >= 0},
               primary=tuple(k for i, k in enumerate(AQI_KEYS) if r.primary_mask & (1 << i)),
               level=level,
               category=dec(lib.eg_aqi_level_name(r.level, 0)) if level else None,
               category_en=dec(lib.eg_aqi_level_name(r.level, 1)) if level else None,
               colour=(r.rgb[0], r.rgb[1], r.rgb[2]) if level else None,
               clamped=bool(r.clamped), published=bool(r.published))


def aqi(concentrations: Mapping[str, Any], profile: Profile, report: str = "daily") -> Aqi:
    """IAQI and AQI (airquality.md §7). Keys: so2, no2, pm10, pm25, co, o3_1h,
    o3_8h (and so2_24h for HJ 633-2012 hourly reports); missing keys are missing."""
    ph = _profile(profile)
    reports = {k: i for i, k in enumerate(REPORTS)}
    if report not in reports:
        raise ValueError("report must be 'daily' or 'hourly', not %r" % (report,))
    unknown = set(concentrations) - set(AQI_KEYS)
    if unknown:
        raise ValueError("unknown pollutants: %s" % ", ".join(sorted(map(str, unknown))))
    c = (c_double * AQI_SLOT_COUNT)(*[to_real(concentrations[k], k) if k in concentrations else math.nan
                                      for k in AQI_KEYS])
    r = AqiResult(AQI_RESULT_VERSION)
    lib.eg_aqi_compute(byref(r), ph, c, reports[report])
    return _result(r)
