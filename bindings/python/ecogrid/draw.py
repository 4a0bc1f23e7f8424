"""Verifiable double-random inspection draws (draw.h, 双随机, DG-8 quotas per stratum).

>>> sha256_sample("3546311556112163624615351222", 876, 3)
[740, 180, 264]
"""

from __future__ import annotations

import ctypes
from ctypes import byref, c_char_p, c_int, c_int64, c_size_t, c_void_p
from typing import Any, Dict, List, Mapping, Sequence, Tuple, Union

from ._core import DrawH, Owner, decs, enc, i64, live, size, str_array
from ._native import lib, options, take_string
from ._proto_draw import DrawFrameOptions, DrawInputs, DrawPairOptions, DrawRecordFields, DrawSampleOptions

Frame = Union[Sequence[str], Mapping[str, Sequence[str]]]
Quotas = Union[int, Mapping[str, int]]


def sha256_sample(seed: str, n: int, count: int, replace: bool = False, skip: int = 0) -> List[int]:
    """Values in 1..n exactly as Rivest's public sampler.py (SHA-256 counter mode)."""
    count = size(count, "count")
    out = (c_int64 * max(count, 1))()
    opts = options(DrawSampleOptions, with_replacement=1 if replace else 0, skip=size(skip, "skip"))
    lib.eg_draw_sample(out, count, enc(seed, "seed"), 1, i64(n, "n"), byref(opts))
    return list(out[:count])


class DrawRecord(Owner):
    """A draw: .seed, .frame_hash, .selected (list, or dict stratum -> list),
    .inspectors (dict object -> list), .skips (list of (inspector, object))."""

    __slots__ = ("__weakref__", "seed", "strata", "quotas", "_stratified")
    _free = lib.eg_draw_free
    _what = "draw"
    _handle_type = DrawH

    def __init__(self, handle: Any, seed: str, strata: List[str], quotas: Quotas, stratified: bool) -> None:
        super().__init__(handle)
        self.seed, self.strata, self.quotas, self._stratified = seed, strata, quotas, stratified

    @property
    def frame_hash(self) -> str:
        return decs(lib.eg_draw_frame_hash(self._live()))

    @property
    def selected(self) -> Union[List[str], Dict[str, List[str]]]:
        h = self._live()
        items = [(decs(lib.eg_draw_selected_stratum(h, i)), decs(lib.eg_draw_selected(h, i)))
                 for i in range(lib.eg_draw_selected_count(h))]
        if not self._stratified:
            return [x for _s, x in items]
        out: Dict[str, List[str]] = {s: [] for s in self.strata}
        for s, x in items:
            out[s].append(x)
        return out

    @property
    def skips(self) -> List[Tuple[str, str]]:
        h = self._live()
        res = []
        for k in range(lib.eg_draw_skip_count(h)):
            i, o = c_char_p(), c_char_p()
            lib.eg_draw_skip(byref(i), byref(o), h, k)
            res.append((decs(i.value), decs(o.value)))
        return res

    @property
    def inspectors(self) -> Dict[str, List[str]]:
        h = self._live()
        res = {}
        for i in range(lib.eg_draw_selected_count(h)):
            names, k = [], 0
            while True:
                v = lib.eg_draw_inspector(h, i, k)
                if v is None:
                    break
                names.append(decs(v))
                k += 1
            res[decs(lib.eg_draw_selected(h, i))] = names
        return res

    def pair(self, inspectors: Sequence[str], conflicts: Sequence[Tuple[str, str]] = (),
             per_object: int = 1) -> "DrawRecord":
        """Draw inspectors for each selected object, skipping conflicts
        (pairs (inspector, object), 回避)."""
        ins, conf = list(inspectors), list(conflicts)
        opts = options(DrawPairOptions, conflict_inspector=str_array([a for a, _b in conf], "inspector"),
                       conflict_object=str_array([b for _a, b in conf], "object"), n_conflicts=len(conf),
                       per_object=size(per_object, "per_object"))
        lib.eg_draw_pair_inspectors(self._live(), str_array(ins, "inspector"), len(ins), byref(opts))
        return self


def _frame_args(frame: Frame, quotas: Quotas) -> Tuple[Any, ...]:
    if isinstance(frame, Mapping):
        strata = list(frame)
        if not isinstance(quotas, Mapping):
            raise TypeError("quotas must be a dict stratum -> count when the frame is")
        qs = [size(quotas[s], "quota of %s" % s) for s in strata]
        ids = [x for s in strata for x in frame[s]]
        sizes = [len(frame[s]) for s in strata]
        stratified = True
    else:
        if isinstance(quotas, Mapping):
            raise TypeError("quotas must be a count when the frame is a list")
        strata, ids, sizes, qs, stratified = ["all"], list(frame), [len(frame)], [size(quotas, "quota")], False
    n = len(strata)
    return (str_array(strata, "stratum"), (c_size_t * n)(*sizes), str_array(ids, "ID"), (c_size_t * n)(*qs), n,
            strata, stratified)


def draw(frame: Frame, seed: str, quotas: Quotas) -> DrawRecord:
    """Draw objects reproducibly (algorithm 1). ``frame``: list of IDs (one
    stratum) or dict stratum -> list; ``quotas``: int or dict stratum -> count."""
    st, sizes, ids, qs, n, strata, stratified = _frame_args(frame, quotas)
    h = DrawH()
    frame_opts = options(DrawFrameOptions, strata=st, frame_sizes=sizes, frame=ids, quotas=qs, n_strata=n)
    lib.eg_draw_objects(byref(h), enc(seed, "seed"), byref(frame_opts))
    return DrawRecord(h, seed, strata, quotas, stratified)


def verify(record: DrawRecord, frame: Frame) -> bool:
    """True when `record` is exactly the draw of `frame` with its seed and quotas."""
    dh = live(record, DrawRecord, "record")
    st, sizes, ids, qs, n, _strata, _s = _frame_args(frame, record.quotas)
    ok = c_int()
    frame_opts = options(DrawFrameOptions, strata=st, frame_sizes=sizes, frame=ids, quotas=qs, n_strata=n)
    lib.eg_draw_verify(byref(ok), dh, byref(frame_opts))
    return bool(ok.value)


def inspectors_hash(inspectors: Sequence[str], conflicts: Sequence[Tuple[str, str]] = ()) -> str:
    """The published hash of an inspector list and its conflicts (回避), order-free (eg_draw_inspectors_hash)."""
    ins = list(inspectors)
    out = ctypes.create_string_buffer(65)
    lib.eg_draw_inspectors_hash(out, _strv(ins, "inspector"), len(ins), _strv([a for a, _b in conflicts], "inspector"),
                                _strv([b for _a, b in conflicts], "object"), len(conflicts))
    return out.value.decode("ascii")


def _strv(items: Sequence[str], what: str) -> Any:
    return (c_char_p * max(len(items), 1))(*[enc(x, what) for x in items])


#: eg_draw_check bits, in order, by name.
CHECKS = ("algorithm", "frame_hash", "strata", "sizes", "quotas", "selection", "inspectors_hash", "pairing", "skips")
_QUOTA_RULES = {None: -1, "DG-8-city": 0, "DG-8-town": 1}


def check_record(record: Mapping[str, Any], frame: Mapping[str, Sequence[str]], inspectors: Sequence[str] = (),
                 conflicts: Sequence[Tuple[str, str]] = ()) -> Tuple[set[str], str]:
    """Check every field of a published draw record (the dict of `ecogrid draw run --format json`)
    against a frame (dict stratum -> IDs, in the frame's order) and the inspector list:
    (set of failed check names from CHECKS, the detail text) (eg_draw_record_check)."""
    rec, inp, keep = DrawRecordFields(), DrawInputs(), []

    def arr(ctype: Any, values: List[Any]) -> Any:
        a = (ctype * max(len(values), 1))(*values)
        keep.append(a)
        return a

    lib.eg_draw_record_init(byref(rec), 1)
    lib.eg_draw_inputs_init(byref(inp), 1)
    strata = record["strata"]
    per = int(record["per_object"])
    rec.algorithm = int(record["algorithm"])
    rec.seed = enc(record["seed"], "seed")
    rec.frame_hash = enc(record["frame_hash"], "frame_hash")
    rec.n_strata = len(strata)
    rec.strata = arr(c_char_p, [enc(s["name"]) for s in strata])
    rec.sizes = arr(c_int64, [int(s["size"]) for s in strata])
    rec.quotas = arr(c_int64, [int(s["quota"]) for s in strata])
    rec.quota_rules = arr(c_int, [_QUOTA_RULES[s["quota_rule"]] for s in strata])
    rec.n_selected = len(record["selected"])
    rec.selected = arr(c_char_p, [enc(x["id"]) for x in record["selected"]])
    rec.selected_strata = arr(c_char_p, [enc(x["stratum"]) for x in record["selected"]])
    rec.per_object = per
    if per:
        rec.inspectors = arr(c_char_p, [enc(n) for x in record["selected"] for n in x["inspectors"]])
    rec.n_skips = len(record["skips"])
    rec.skip_inspectors = arr(c_char_p, [enc(x["inspector"]) for x in record["skips"]])
    rec.skip_objects = arr(c_char_p, [enc(x["object"]) for x in record["skips"]])
    rec.inspectors_hash = enc(record.get("inspectors_hash"))
    names = list(frame)
    inp.strata = arr(c_char_p, [enc(s) for s in names])
    inp.frame_sizes = arr(c_size_t, [len(frame[s]) for s in names])
    inp.frame = arr(c_char_p, [enc(x) for s in names for x in frame[s]])
    inp.n_strata = len(names)
    ins = list(inspectors)
    inp.inspectors = arr(c_char_p, [enc(x) for x in ins])
    inp.n_inspectors = len(ins)
    inp.conflict_inspector = arr(c_char_p, [enc(a) for a, _b in conflicts])
    inp.conflict_object = arr(c_char_p, [enc(b) for _a, b in conflicts])
    inp.n_conflicts = len(conflicts)
    failed, detail = ctypes.c_uint(), c_void_p()
    lib.eg_draw_record_check(byref(failed), byref(detail), byref(rec), byref(inp), 1)
    return {name for k, name in enumerate(CHECKS) if failed.value & (1 << k)}, take_string(detail)
