"""Verifiable double-random inspection draws (draw.h, 双随机, DG-8 quotas per stratum).

>>> sha256_sample("3546311556112163624615351222", 876, 3)
[740, 180, 264]
"""

import weakref
from ctypes import byref, c_char_p, c_int, c_int64, c_size_t, c_void_p

from ._native import dec, enc, lib, options
from ._proto_draw import DrawFrameOptions, DrawPairOptions, DrawSampleOptions


def sha256_sample(seed, n, count, replace=False, skip=0):
    """Values in 1..n exactly as Rivest's public sampler.py (SHA-256 counter mode)."""
    out = (c_int64 * max(count, 1))()
    opts = options(DrawSampleOptions, with_replacement=1 if replace else 0, skip=int(skip))
    lib.eg_draw_sample(out, count, enc(seed, "seed"), 1, int(n), byref(opts))
    return list(out[:count])


class DrawRecord:
    """A draw: .seed, .frame_hash, .selected (list, or dict stratum -> list),
    .inspectors (dict object -> list), .skips (list of (inspector, object))."""

    def __init__(self, handle, seed, strata, quotas, stratified):
        self._h = handle
        self._finalizer = weakref.finalize(self, lib.eg_draw_free, handle)
        self.seed, self.strata, self.quotas, self._stratified = seed, strata, quotas, stratified

    @property
    def frame_hash(self):
        return dec(lib.eg_draw_frame_hash(self._h))

    @property
    def selected(self):
        items = [(dec(lib.eg_draw_selected_stratum(self._h, i)), dec(lib.eg_draw_selected(self._h, i)))
                 for i in range(lib.eg_draw_selected_count(self._h))]
        if not self._stratified:
            return [x for _s, x in items]
        out = {s: [] for s in self.strata}
        for s, x in items:
            out[s].append(x)
        return out

    @property
    def skips(self):
        res = []
        for k in range(lib.eg_draw_skip_count(self._h)):
            i, o = c_char_p(), c_char_p()
            lib.eg_draw_skip(byref(i), byref(o), self._h, k)
            res.append((dec(i.value), dec(o.value)))
        return res

    @property
    def inspectors(self):
        res = {}
        for i in range(lib.eg_draw_selected_count(self._h)):
            names, k = [], 0
            while True:
                v = lib.eg_draw_inspector(self._h, i, k)
                if v is None:
                    break
                names.append(dec(v))
                k += 1
            res[dec(lib.eg_draw_selected(self._h, i))] = names
        return res

    def pair(self, inspectors, conflicts=(), per_object=1):
        """Draw inspectors for each selected object, skipping conflicts
        (pairs (inspector, object), 回避)."""
        ins = (c_char_p * max(len(inspectors), 1))(*[enc(x) for x in inspectors])
        ci = (c_char_p * max(len(conflicts), 1))(*[enc(a) for a, _b in conflicts])
        co = (c_char_p * max(len(conflicts), 1))(*[enc(b) for _a, b in conflicts])
        opts = options(DrawPairOptions, conflict_inspector=ci, conflict_object=co, n_conflicts=len(conflicts),
                       per_object=int(per_object))
        lib.eg_draw_pair_inspectors(self._h, ins, len(inspectors), byref(opts))
        return self


def _frame_args(frame, quotas):
    if isinstance(frame, dict):
        strata = list(frame)
        if not isinstance(quotas, dict):
            raise TypeError("quotas must be a dict stratum -> count when the frame is")
        qs = [int(quotas[s]) for s in strata]
        ids = [x for s in strata for x in frame[s]]
        sizes = [len(frame[s]) for s in strata]
        stratified = True
    else:
        strata, ids, sizes, qs, stratified = ["all"], list(frame), [len(frame)], [int(quotas)], False
    n = len(strata)
    return ((c_char_p * n)(*[enc(s, "stratum") for s in strata]), (c_size_t * n)(*sizes),
            (c_char_p * max(len(ids), 1))(*[enc(x, "ID") for x in ids]), (c_size_t * n)(*qs), n, strata, stratified)


def draw(frame, seed, quotas):
    """Draw objects reproducibly (algorithm 1). ``frame``: list of IDs (one
    stratum) or dict stratum -> list; ``quotas``: int or dict stratum -> count."""
    st, sizes, ids, qs, n, strata, stratified = _frame_args(frame, quotas)
    h = c_void_p()
    frame_opts = options(DrawFrameOptions, strata=st, frame_sizes=sizes, frame=ids, quotas=qs, n_strata=n)
    lib.eg_draw_objects(byref(h), enc(seed, "seed"), byref(frame_opts))
    return DrawRecord(h.value, seed, strata, quotas, stratified)


def verify(record, frame):
    """True when `record` is exactly the draw of `frame` with its seed and quotas."""
    st, sizes, ids, qs, n, _strata, _s = _frame_args(frame, record.quotas)
    ok = c_int()
    frame_opts = options(DrawFrameOptions, strata=st, frame_sizes=sizes, frame=ids, quotas=qs, n_strata=n)
    lib.eg_draw_verify(byref(ok), record._h, byref(frame_opts))
    return bool(ok.value)
