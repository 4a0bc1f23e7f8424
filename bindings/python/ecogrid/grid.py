"""The supervision grid (CJ-G.1 to CJ-G.7, CJ-A2-5.2) over ctypes.

>>> g = Grid.from_csv("changji.csv")
>>> g.count(2)
7
>>> [f.rule for f in g.check()][:1]
['CJ-G.3']

Nodes, walks and findings borrow from their grid: after ``grid.close()``
every use of them raises :class:`ecogrid.ClosedError`.
"""

from __future__ import annotations

import os
from ctypes import byref, c_char_p, c_int, c_int64, c_size_t
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from ._core import (FindingsH, GridH, GridWalkH, NodeH, Owner, Record, cint, dec, decs, enc, i64, str_array,
                    to_int)
from ._native import EG_ITEROVER, lib, options
from ._proto_grid import GridAddOptions, GridCsvOptions, GridKeyGridOptions

#: Node kinds, in the order of enum eg_kind.
KINDS = ("admin", "park", "key_grid", "other")
#: Sub-grid head ranks, in the order of enum eg_rank.
RANKS = ("other", "deputy_section", "deputy_division")
LANGS = {"zh": 0, "en": 1}

PathLike = Union[str, "os.PathLike[str]"]


def _code(value: Any, names: Sequence[str], what: str) -> int:
    if isinstance(value, str):
        try:
            return names.index(value)
        except ValueError:
            raise ValueError("%s must be one of %s, not %r" % (what, ", ".join(names), value)) from None
    v = to_int(value, what, c_int)
    if not 0 <= v < len(names):
        raise ValueError("%s must be one of %s, not %r" % (what, ", ".join(names), value))
    return v


def _lang_code(lang: str) -> int:
    try:
        return LANGS[lang]
    except (KeyError, TypeError):
        raise ValueError("lang must be 'zh' or 'en', not %r" % (lang,)) from None


def _ids(ids: Union[str, Iterable[str]], what: str) -> Tuple[Any, int]:
    items = [ids] if isinstance(ids, (str, bytes)) else list(ids)
    return str_array(items, what), len(items)


class Heads(NamedTuple):
    """The dual grid heads of a node (CJ-G.3)."""
    head1: Optional[str]
    head2: Optional[str]


class Supervisors(NamedTuple):
    """Supervisor counts of a node (CJ-G.6, CJ-G.7)."""
    full_time: int
    part_time: int


class Node:
    """A node of a grid: a view into the grid's memory, read-only.

    A node keeps its grid object alive, and every property checks that
    the grid is still open (ClosedError after ``grid.close()``).
    """

    __slots__ = ("_grid", "_ptr")

    def __init__(self, grid: "Grid", ptr: Any) -> None:
        self._grid = grid
        self._ptr = ptr

    def _p(self) -> Any:
        self._grid._live()
        return self._ptr

    @property
    def grid(self) -> "Grid":
        """The grid the node belongs to."""
        return self._grid

    @property
    def id(self) -> str:
        return decs(lib.eg_node_id(self._p()))

    @property
    def name(self) -> str:
        return decs(lib.eg_node_name(self._p()))

    @property
    def level(self) -> int:
        return int(lib.eg_node_level(self._p()))

    @property
    def kind(self) -> str:
        return KINDS[lib.eg_node_kind(self._p())]

    @property
    def index(self) -> int:
        """Position in index order (parents before children)."""
        return int(lib.eg_node_index(self._p()))

    @property
    def depth(self) -> int:
        return int(lib.eg_node_depth(self._p()))

    @property
    def parent(self) -> Optional["Node"]:
        p = lib.eg_node_parent(self._p())
        return Node(self._grid, p) if p else None

    @property
    def children(self) -> List["Node"]:
        out = []
        c = lib.eg_node_first_child(self._p())
        while c:
            out.append(Node(self._grid, c))
            c = lib.eg_node_next_sibling(c)
        return out

    @property
    def ancestors(self) -> List["Node"]:
        """Parent, grandparent, … up to the root."""
        out = []
        p = lib.eg_node_parent(self._p())
        while p:
            out.append(Node(self._grid, p))
            p = lib.eg_node_parent(p)
        return out

    @property
    def heads(self) -> Heads:
        """The dual grid heads (CJ-G.3): (head1, head2), None when unset."""
        h1, h2 = c_char_p(), c_char_p()
        ptr = self._p()
        lib.eg_grid_heads(byref(h1), byref(h2), self._grid._live(), ptr)
        return Heads(dec(h1.value), dec(h2.value))

    @property
    def supervisors(self) -> Supervisors:
        """(full_time, part_time) supervisor counts (CJ-G.6, CJ-G.7)."""
        full, part = c_size_t(), c_size_t()
        ptr = self._p()
        lib.eg_grid_supervisors(byref(full), byref(part), self._grid._live(), ptr)
        return Supervisors(full.value, part.value)

    @property
    def station(self) -> Optional[str]:
        """The monitoring station of a key grid (CJ-G.2), else None."""
        if self.kind != "key_grid":
            return None
        st = c_char_p()
        lib.eg_grid_key_grid_info(byref(st), None, self._grid._live(), self._ptr)
        return dec(st.value)

    def _asdict(self) -> Dict[str, Any]:
        """id, name, level, kind, parent (ID or None), depth: one row of a table."""
        p = self.parent
        return {"id": self.id, "name": self.name, "level": self.level, "kind": self.kind,
                "parent": p.id if p is not None else None, "depth": self.depth}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and other._ptr.value == self._ptr.value

    def __hash__(self) -> int:
        return hash(self._ptr.value)

    def __repr__(self) -> str:
        if self._grid.closed:
            return "<Node of a closed grid>"
        return "<Node %s %s level=%d kind=%s>" % (self.id, self.name, self.level, self.kind)


@dataclass(frozen=True, slots=True)
class Finding(Record):
    """One finding of Grid.check(): rule ID, node ID, unit ID and message."""
    rule: str
    node: str
    unit: str
    message: str
    message_en: str


class _FindingsHandle(Owner):
    __slots__ = ()
    _free = lib.eg_findings_free
    _what = "findings"
    _handle_type = FindingsH


class Findings(List[Finding]):
    """The list of findings, with the CJ-A2-5.2 verdict per level-2 unit."""

    def __init__(self, items: Iterable[Finding], grid: "Grid", handle: _FindingsHandle) -> None:
        super().__init__(items)
        self._grid = grid
        self._owner = handle

    def item2_met(self, unit_id: str) -> bool:
        """Whether assessment item 2 (CJ-A2-5.2) is met for a level-2 unit."""
        met = c_int()
        fh = self._owner._live()
        lib.eg_findings_cj_a2_5_2(byref(met), fh, self._grid._live(), enc(unit_id, "unit ID"))
        return bool(met.value)


class _Walk(Owner):
    """A pre-order walk (eg_grid_walk) over a grid it borrows from."""

    __slots__ = ("_grid",)
    _free = lib.eg_grid_walk_free
    _what = "walk"
    _handle_type = GridWalkH

    def __init__(self, grid: "Grid", start: Optional[Any]) -> None:
        w = GridWalkH()
        lib.eg_grid_walk_new(byref(w), grid._live(), start)
        super().__init__(w, grid)
        self._grid = grid

    def __iter__(self) -> "_Walk":
        return self

    def __next__(self) -> Node:
        if self._h is None:
            raise StopIteration  # finished: the walk freed itself
        w = self._live()  # ClosedError when the grid was closed meanwhile
        node = NodeH()
        if lib.eg_grid_walk_next(byref(node), w) == EG_ITEROVER:
            self.close()
            raise StopIteration
        return Node(self._grid, node)


class Grid(Owner):
    """A supervision grid. Use as a context manager to free it early."""

    __slots__ = ("__weakref__",)
    _free = lib.eg_grid_free
    _what = "grid"
    _handle_type = GridH

    def __init__(self, _handle: Any = None) -> None:
        if _handle is None:
            _handle = GridH()
            lib.eg_grid_new(byref(_handle))
        super().__init__(_handle)

    # -- construction --------------------------------------------------
    @staticmethod
    def _options(root: Optional[str], root_level: Optional[int], strict: bool) -> GridCsvOptions:
        opts = GridCsvOptions()
        lib.eg_grid_csv_options_init(byref(opts), 1)
        opts.root = enc(root, "root")
        opts.root_level = -1 if root_level is None else cint(root_level, "root_level")
        opts.flags = 1 if strict else 0
        return opts

    @classmethod
    def from_csv(cls, path: PathLike, root: Optional[str] = None, root_level: Optional[int] = None,
                 strict: bool = False) -> "Grid":
        """Load a division CSV file (code,parent_code,level,name[,kind]).

        ``root`` keeps only that node's subtree; ``root_level`` gives the
        root that level and shifts the others alike; ``strict`` refuses a
        row whose parent is outside the file.
        """
        h = GridH()
        opts = cls._options(root, root_level, strict)
        lib.eg_grid_load_csv(byref(h), enc(os.fspath(path), "path"), byref(opts))
        return cls(h)

    @classmethod
    def from_string(cls, text: Union[str, bytes], root: Optional[str] = None, root_level: Optional[int] = None,
                    strict: bool = False) -> "Grid":
        """Parse division CSV text (str or bytes); see from_csv()."""
        data = enc(text, "text")
        assert data is not None
        h = GridH()
        opts = cls._options(root, root_level, strict)
        lib.eg_grid_parse_csv(byref(h), data, len(data), byref(opts))
        return cls(h)

    def _handle(self) -> Any:
        """The live handle (kept for callers of the earlier API)."""
        return self._live()

    def close(self) -> None:
        """Free the grid now; nodes, walks and findings taken from it raise ClosedError after."""
        super().close()

    def add(self, node_id: str, name: str, level: int, parent: Optional[str] = None,
            kind: Union[str, int] = "admin") -> Node:
        """Add a node (CJ-G.1) and return it."""
        out = NodeH()
        opts = options(GridAddOptions, level=cint(level, "level"), kind=_code(kind, KINDS, "kind"))
        lib.eg_grid_add(byref(out), self._live(), enc(node_id, "node ID"), enc(parent, "parent ID"),
                        enc(name, "name"), byref(opts))
        return Node(self, out)

    def set_heads(self, node_id: str, head1: Optional[str], head2: Optional[str]) -> None:
        """Set the dual grid heads of a node (CJ-G.3)."""
        lib.eg_grid_set_heads(self._live(), enc(node_id, "node ID"), enc(head1, "head"), enc(head2, "head"))

    def add_subhead(self, node_id: str, person: str, rank: Union[str, int], covered: Union[str, Iterable[str]]) -> None:
        """Add a sub-grid head (CJ-G.4 / CJ-G.5) covering the given node IDs."""
        arr, n = _ids(covered, "covered ID")
        lib.eg_grid_add_subhead(self._live(), enc(node_id, "node ID"), enc(person, "person"),
                                _code(rank, RANKS, "rank"), arr, n)

    def add_supervisor(self, node_id: str, person: str, full_time: bool = True) -> None:
        """Add a grid supervisor (CJ-G.6 / CJ-G.7)."""
        lib.eg_grid_add_supervisor(self._live(), enc(node_id, "node ID"), enc(person, "person"),
                                   1 if full_time else 0)

    def add_key_grid(self, key_id: str, unit_id: str, name: str, station: str,
                     townships: Union[str, Iterable[str]]) -> Node:
        """Add a key grid (CJ-G.2) around a monitoring station."""
        arr, n = _ids(townships, "township ID")
        out = NodeH()
        opts = options(GridKeyGridOptions, station_id=enc(station, "station ID"), townships=arr, n_townships=n)
        lib.eg_grid_add_key_grid(byref(out), self._live(), enc(key_id, "key grid ID"), enc(unit_id, "unit ID"),
                                 enc(name, "name"), byref(opts))
        return Node(self, out)

    # -- reading -------------------------------------------------------
    def __len__(self) -> int:
        return int(lib.eg_grid_size(self._live()))

    def count(self, level: int) -> int:
        """Number of nodes at a level (0-4)."""
        return int(lib.eg_grid_count(self._live(), cint(level, "level")))

    @property
    def depth(self) -> int:
        return int(lib.eg_grid_depth(self._live()))

    def __getitem__(self, node_id: str) -> Node:
        out = NodeH()
        lib.eg_grid_lookup(byref(out), self._live(), enc(node_id, "node ID"))
        return Node(self, out)

    def get(self, node_id: str, default: Optional[Node] = None) -> Optional[Node]:
        try:
            return self[node_id]
        except LookupError:
            return default

    def __contains__(self, node_id: object) -> bool:
        return self.get(node_id) is not None  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[Node]:
        """Nodes in index order (parents before children); ClosedError if the grid closes meanwhile."""
        n = lib.eg_grid_size(self._live())
        i = 0
        while i < n:
            yield Node(self, lib.eg_grid_node_at(self._live(), i))
            i += 1

    def walk(self, node_id: Optional[str] = None) -> Iterator[Node]:
        """Pre-order walk of the subtree under node_id (every root when None).

        The walk borrows the grid: a step after ``close()`` raises ClosedError.
        """
        start = self[node_id]._ptr if node_id is not None else None
        return _Walk(self, start)

    def rollup(self, counts: Mapping[str, int]) -> Dict[str, int]:
        """Sum counts per node up to every ancestor.

        ``counts`` maps node ID to a non-negative integer (missing nodes
        count 0); returns a dict node ID -> subtree total, for every node.
        """
        h = self._live()
        n = lib.eg_grid_size(h)
        arr = (c_int64 * max(n, 1))()
        for node_id, value in counts.items():
            arr[self[node_id].index] = i64(value, "count of %s" % node_id)
        out = (c_int64 * max(n, 1))()
        lib.eg_grid_rollup(out, h, arr, n)
        return {decs(lib.eg_node_id(lib.eg_grid_node_at(h, i))): out[i] for i in range(n)}

    def check(self, lang: str = "zh") -> Findings:
        """Staffing and coverage findings (CJ-G.3 to CJ-G.7).

        Each finding has ``.rule``, ``.node``, ``.unit``, ``.message`` (in
        ``lang``) and ``.message_en``. The returned list also answers
        ``item2_met(unit_id)`` (CJ-A2-5.2).
        """
        code = _lang_code(lang)
        fh = FindingsH()
        lib.eg_grid_check(byref(fh), self._live())
        owner = _FindingsHandle(fh, None)
        items = []
        for i in range(lib.eg_findings_count(fh)):
            f = lib.eg_findings_at(fh, i)
            items.append(Finding(decs(lib.eg_finding_rule(f)), decs(lib.eg_finding_node(f)),
                                 decs(lib.eg_finding_unit(f)), decs(lib.eg_finding_message(f, code)),
                                 decs(lib.eg_finding_message(f, 1))))
        return Findings(items, self, owner)

    def __repr__(self) -> str:
        if self._h is None:
            return "<Grid closed>"
        return "<Grid %d nodes>" % len(self)
