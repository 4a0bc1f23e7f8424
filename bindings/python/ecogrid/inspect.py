"""Who is inspected (inspect.h): the DG-6 pool and DG-8 key-object coverage."""

from ctypes import byref, c_char_p, c_int64, c_size_t

from ._native import enc, lib


def _ints(values):
    res = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise TypeError("emissions must be numbers, not %r" % (v,))
        # Exact arithmetic (DG-6): integers as given, floats in fixed point 0.001.
        res.append(v if isinstance(v, int) else int(round(v * 1000)))
    return res


def pool(emissions, share=0.85):
    """DG-6: IDs of the top emitters whose cumulative share reaches `share`
    (ties at the cut included). ``emissions``: dict ID -> emission."""
    ids = list(emissions)
    vals = list(emissions.values())
    if any(isinstance(v, float) for v in vals):
        vals = [v * 1.0 for v in vals]
    n = len(ids)
    arr_ids = (c_char_p * max(n, 1))(*[enc(i, "ID") for i in ids])
    arr_em = (c_int64 * max(n, 1))(*_ints(vals))
    out = (c_size_t * max(n, 1))()
    count = c_size_t()
    lib.eg_inspect_pool(out, byref(count), arr_ids, arr_em, n, int(round(share * 1000)))
    return [ids[out[i]] for i in range(count.value)]


def uninspected_key_objects(key_objects, inspected):
    """DG-8: key objects not inspected at least once in the year."""
    keys, done = list(key_objects), list(inspected)
    out, n = (c_size_t * max(len(keys), 1))(), c_size_t()
    lib.eg_inspect_key_coverage(out, byref(n), (c_char_p * max(len(keys), 1))(*[enc(k) for k in keys]), len(keys),
                                (c_char_p * max(len(done), 1))(*[enc(d) for d in done]), len(done))
    return [keys[out[i]] for i in range(n.value)]
