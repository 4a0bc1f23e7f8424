"""Who is inspected (inspect.h): the DG-6 pool and DG-8 key-object coverage."""

from __future__ import annotations

import numbers
from ctypes import byref, c_int64, c_size_t
from fractions import Fraction
from typing import Any, List, Mapping, Sequence

from ._core import i32, i64, str_array
from ._native import lib


def _emission(v: Any, scaled: bool, key: Any) -> int:
    what = "emission of %s" % (key,)
    if type(v) is bool or isinstance(v, (str, bytes)):
        raise TypeError("%s must be a number, not %r" % (what, v))
    if not scaled:
        return i64(v, what)
    # Exact arithmetic (DG-6): every value in fixed point 0.001.
    if not isinstance(v, numbers.Real):
        try:
            v = float(v)
        except (TypeError, ValueError):
            raise TypeError("%s must be a number, not %r" % (what, v)) from None
    return i64(round(Fraction(v) * 1000) if isinstance(v, numbers.Rational) else round(float(v) * 1000), what)


def pool(emissions: Mapping[Any, Any], share: float = 0.85) -> List[Any]:
    """DG-6: IDs of the top emitters whose cumulative share reaches `share`
    (ties at the cut included). ``emissions``: dict ID -> emission (integers
    as given; with any non-integer value, all in fixed point 0.001)."""
    ids = list(emissions)
    vals = list(emissions.values())
    scaled = any(not isinstance(v, numbers.Integral) for v in vals)
    n = len(ids)
    arr_em = (c_int64 * max(n, 1))(*[_emission(v, scaled, k) for k, v in zip(ids, vals)])
    out = (c_size_t * max(n, 1))()
    count = c_size_t()
    lib.eg_inspect_pool(out, byref(count), str_array(ids, "ID"), arr_em, n, i32(round(float(share) * 1000), "share"))
    return [ids[out[i]] for i in range(count.value)]


def uninspected_key_objects(key_objects: Sequence[str], inspected: Sequence[str]) -> List[str]:
    """DG-8: key objects not inspected at least once in the year."""
    keys, done = list(key_objects), list(inspected)
    out, n = (c_size_t * max(len(keys), 1))(), c_size_t()
    lib.eg_inspect_key_coverage(out, byref(n), str_array(keys, "key object"), len(keys), str_array(done, "ID"),
                                len(done))
    return [keys[out[i]] for i in range(n.value)]


__all__ = ["pool", "uninspected_key_objects"]
