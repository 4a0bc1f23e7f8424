"""The Air Quality Index by HJ 633 (aqi.h, airquality.md §7)."""

import math
from ctypes import byref, c_double

from ._native import dec, lib
from ._proto_aqi import AQI_SLOT_COUNT, AqiResult

#: eg_aqi_slot order: EG_AQI_SLOT_SO2 ... EG_AQI_SLOT_SO2_24H
AQI_KEYS = ("so2", "no2", "pm10", "pm25", "co", "o3_1h", "o3_8h", "so2_24h")
#: eg_aqi_report: EG_AQI_REPORT_DAILY, EG_AQI_REPORT_HOURLY
REPORTS = ("daily", "hourly")


class Aqi:
    """.aqi (None when unpublished), .iaqi (dict), .primary (list), .level, .category, .colour, .clamped."""

    def __init__(self, r):
        self.published = bool(r.published)
        self.aqi = r.aqi if r.published else None
        self.iaqi = {k: r.iaqi[i] for i, k in enumerate(AQI_KEYS) if r.iaqi[i] >= 0}
        self.primary = [k for i, k in enumerate(AQI_KEYS) if r.primary_mask & (1 << i)]
        self.level = r.level or None
        self.category = dec(lib.eg_aqi_level_name(r.level, 0)) if r.level else None
        self.category_en = dec(lib.eg_aqi_level_name(r.level, 1)) if r.level else None
        self.colour = tuple(r.rgb) if r.level else None
        self.clamped = bool(r.clamped)

    def __repr__(self):
        return "<Aqi %s %s>" % (self.aqi, self.category_en)


def aqi(concentrations, profile, report="daily"):
    """IAQI and AQI (airquality.md §7). Keys: so2, no2, pm10, pm25, co, o3_1h,
    o3_8h (and so2_24h for HJ 633-2012 hourly reports); missing keys are missing."""
    reports = {k: i for i, k in enumerate(REPORTS)}
    if report not in reports:
        raise ValueError("report must be 'daily' or 'hourly', not %r" % (report,))
    unknown = set(concentrations) - set(AQI_KEYS)
    if unknown:
        raise ValueError("unknown pollutants: %s" % ", ".join(sorted(unknown)))
    c = (c_double * AQI_SLOT_COUNT)(*[float(concentrations.get(k, math.nan)) for k in AQI_KEYS])
    r = AqiResult.new()
    lib.eg_aqi_compute(byref(r), profile._h, c, reports[report])
    return Aqi(r)
