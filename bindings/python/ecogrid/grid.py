"""The supervision grid (CJ-G.1 to CJ-G.7, CJ-A2-5.2) over ctypes.

>>> g = Grid.from_csv("changji.csv")
>>> g.count(2)
7
>>> [f.rule for f in g.check()][:1]
['CJ-G.3']
"""

import ctypes
import os
import weakref
from ctypes import byref, c_char_p, c_int, c_int64, c_size_t, c_void_p

from ._native import dec, enc, lib, options
from ._proto_grid import GridAddOptions, GridCsvOptions, GridKeyGridOptions

#: Node kinds, in the order of enum eg_kind.
KINDS = ("admin", "park", "key_grid", "other")
#: Sub-grid head ranks, in the order of enum eg_rank.
RANKS = ("other", "deputy_section", "deputy_division")
LANGS = {"zh": 0, "en": 1}
EG_ITEROVER = -31


def _kind_code(kind):
    if isinstance(kind, int):
        return kind
    try:
        return KINDS.index(kind)
    except ValueError:
        raise ValueError("kind must be one of %s, not %r" % (", ".join(KINDS), kind)) from None


def _rank_code(rank):
    if isinstance(rank, int):
        return rank
    try:
        return RANKS.index(rank)
    except ValueError:
        raise ValueError("rank must be one of %s, not %r" % (", ".join(RANKS), rank)) from None


def _lang_code(lang):
    try:
        return LANGS[lang]
    except KeyError:
        raise ValueError("lang must be 'zh' or 'en', not %r" % (lang,)) from None


def _id_array(ids, what):
    if isinstance(ids, (str, bytes)):
        ids = [ids]
    encoded = [enc(i, what) for i in ids]
    return (c_char_p * max(len(encoded), 1))(*encoded), len(encoded)


class Node:
    """A node of a grid. Keeps its grid alive; read-only."""

    __slots__ = ("_grid", "_ptr")

    def __init__(self, grid, ptr):
        self._grid = grid
        self._ptr = ptr

    @property
    def id(self):
        return dec(lib.eg_node_id(self._ptr))

    @property
    def name(self):
        return dec(lib.eg_node_name(self._ptr))

    @property
    def level(self):
        return lib.eg_node_level(self._ptr)

    @property
    def kind(self):
        return KINDS[lib.eg_node_kind(self._ptr)]

    @property
    def index(self):
        return lib.eg_node_index(self._ptr)

    @property
    def depth(self):
        return lib.eg_node_depth(self._ptr)

    @property
    def parent(self):
        p = lib.eg_node_parent(self._ptr)
        return Node(self._grid, p) if p else None

    @property
    def children(self):
        out = []
        c = lib.eg_node_first_child(self._ptr)
        while c:
            out.append(Node(self._grid, c))
            c = lib.eg_node_next_sibling(c)
        return out

    @property
    def ancestors(self):
        """Parent, grandparent, … up to the root."""
        out = []
        p = lib.eg_node_parent(self._ptr)
        while p:
            out.append(Node(self._grid, p))
            p = lib.eg_node_parent(p)
        return out

    @property
    def heads(self):
        """The dual grid heads (CJ-G.3) as a tuple of two names or None."""
        h1, h2 = c_char_p(), c_char_p()
        lib.eg_grid_heads(byref(h1), byref(h2), self._grid._handle(), self._ptr)
        return dec(h1.value), dec(h2.value)

    @property
    def supervisors(self):
        """(full_time, part_time) supervisor counts (CJ-G.6, CJ-G.7)."""
        full, part = c_size_t(), c_size_t()
        lib.eg_grid_supervisors(byref(full), byref(part), self._grid._handle(), self._ptr)
        return full.value, part.value

    @property
    def station(self):
        """The monitoring station of a key grid (CJ-G.2), else None."""
        if self.kind != "key_grid":
            return None
        st = c_char_p()
        lib.eg_grid_key_grid_info(byref(st), None, self._grid._handle(), self._ptr)
        return dec(st.value)

    def __eq__(self, other):
        return isinstance(other, Node) and other._ptr == self._ptr

    def __hash__(self):
        return hash(self._ptr)

    def __repr__(self):
        return "<Node %s %s level=%d kind=%s>" % (self.id, self.name, self.level, self.kind)


class Finding:
    """One finding of Grid.check(): rule ID, node ID, unit ID and message."""

    __slots__ = ("rule", "node", "unit", "message", "message_en")

    def __init__(self, rule, node, unit, message, message_en):
        self.rule = rule
        self.node = node
        self.unit = unit
        self.message = message
        self.message_en = message_en

    def __repr__(self):
        return "<Finding %s %s: %s>" % (self.rule, self.node, self.message)


class Findings(list):
    """The list of findings, with the CJ-A2-5.2 verdict per level-2 unit."""

    def __init__(self, items, grid, handle):
        super().__init__(items)
        self._grid = grid
        self._handle = handle
        weakref.finalize(self, lib.eg_findings_free, handle)

    def item2_met(self, unit_id):
        """Whether assessment item 2 (CJ-A2-5.2) is met for a level-2 unit."""
        met = c_int()
        lib.eg_findings_cj_a2_5_2(byref(met), self._handle, self._grid._handle(),
                                  enc(unit_id, "unit ID"))
        return bool(met.value)


class Grid:
    """A supervision grid. Use as a context manager to free it early."""

    def __init__(self, _handle=None):
        if _handle is None:
            h = c_void_p()
            lib.eg_grid_new(byref(h))
            _handle = h.value
        self._h = _handle
        self._finalizer = weakref.finalize(self, lib.eg_grid_free, _handle)

    # -- construction --------------------------------------------------
    @staticmethod
    def _options(root, root_level, strict):
        opts = GridCsvOptions()
        lib.eg_grid_csv_options_init(byref(opts), 1)
        opts.root = enc(root, "root")
        opts.root_level = -1 if root_level is None else root_level
        opts.flags = 1 if strict else 0
        return opts

    @classmethod
    def from_csv(cls, path, root=None, root_level=None, strict=False):
        """Load a division CSV file (code,parent_code,level,name[,kind]).

        ``root`` keeps only that node's subtree; ``root_level`` gives the
        root that level and shifts the others alike; ``strict`` refuses a
        row whose parent is outside the file.
        """
        h = c_void_p()
        opts = cls._options(root, root_level, strict)
        lib.eg_grid_load_csv(byref(h), enc(os.fspath(path), "path"), byref(opts))
        return cls(h.value)

    @classmethod
    def from_string(cls, text, root=None, root_level=None, strict=False):
        """Parse division CSV text (str or bytes); see from_csv()."""
        data = enc(text, "text")
        h = c_void_p()
        opts = cls._options(root, root_level, strict)
        lib.eg_grid_parse_csv(byref(h), data, len(data), byref(opts))
        return cls(h.value)

    def _handle(self):
        if not self._finalizer.alive:
            raise ValueError("the grid has been closed")
        return self._h

    def close(self):
        """Free the grid now; nodes taken from it must not be used after."""
        self._finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def add(self, node_id, name, level, parent=None, kind="admin"):
        """Add a node (CJ-G.1) and return it."""
        out = c_void_p()
        opts = options(GridAddOptions, level=int(level), kind=_kind_code(kind))
        lib.eg_grid_add(byref(out), self._handle(), enc(node_id, "node ID"),
                        enc(parent, "parent ID"), enc(name, "name"), byref(opts))
        return Node(self, out.value)

    def set_heads(self, node_id, head1, head2):
        """Set the dual grid heads of a node (CJ-G.3)."""
        lib.eg_grid_set_heads(self._handle(), enc(node_id, "node ID"),
                              enc(head1, "head"), enc(head2, "head"))

    def add_subhead(self, node_id, person, rank, covered):
        """Add a sub-grid head (CJ-G.4 / CJ-G.5) covering the given node IDs."""
        arr, n = _id_array(covered, "covered ID")
        lib.eg_grid_add_subhead(self._handle(), enc(node_id, "node ID"),
                                enc(person, "person"), _rank_code(rank), arr, n)

    def add_supervisor(self, node_id, person, full_time=True):
        """Add a grid supervisor (CJ-G.6 / CJ-G.7)."""
        lib.eg_grid_add_supervisor(self._handle(), enc(node_id, "node ID"),
                                   enc(person, "person"), 1 if full_time else 0)

    def add_key_grid(self, key_id, unit_id, name, station, townships):
        """Add a key grid (CJ-G.2) around a monitoring station."""
        arr, n = _id_array(townships, "township ID")
        out = c_void_p()
        opts = options(GridKeyGridOptions, station_id=enc(station, "station ID"), townships=arr, n_townships=n)
        lib.eg_grid_add_key_grid(byref(out), self._handle(), enc(key_id, "key grid ID"),
                                 enc(unit_id, "unit ID"), enc(name, "name"), byref(opts))
        return Node(self, out.value)

    # -- reading -------------------------------------------------------
    def __len__(self):
        return lib.eg_grid_size(self._handle())

    def count(self, level):
        """Number of nodes at a level (0-4)."""
        return lib.eg_grid_count(self._handle(), int(level))

    @property
    def depth(self):
        return lib.eg_grid_depth(self._handle())

    def __getitem__(self, node_id):
        out = c_void_p()
        lib.eg_grid_lookup(byref(out), self._handle(), enc(node_id, "node ID"))
        return Node(self, out.value)

    def get(self, node_id, default=None):
        try:
            return self[node_id]
        except LookupError:
            return default

    def __contains__(self, node_id):
        return self.get(node_id) is not None

    def __iter__(self):
        """Nodes in index order (parents before children)."""
        h = self._handle()
        for i in range(lib.eg_grid_size(h)):
            yield Node(self, lib.eg_grid_node_at(h, i))

    def walk(self, node_id=None):
        """Pre-order walk of the subtree under node_id (every root when None)."""
        h = self._handle()
        start = self[node_id]._ptr if node_id is not None else None
        w = c_void_p()
        lib.eg_grid_walk_new(byref(w), h, start)
        try:
            node = c_void_p()
            while lib.eg_grid_walk_next(byref(node), w) != EG_ITEROVER:
                yield Node(self, node.value)
        finally:
            lib.eg_grid_walk_free(w)

    def rollup(self, counts):
        """Sum counts per node up to every ancestor.

        ``counts`` maps node ID to a non-negative int (missing nodes count 0);
        returns a dict node ID -> subtree total, for every node.
        """
        h = self._handle()
        n = lib.eg_grid_size(h)
        arr = (c_int64 * max(n, 1))()
        for node_id, value in counts.items():
            arr[self[node_id].index] = int(value)
        out = (c_int64 * max(n, 1))()
        lib.eg_grid_rollup(out, h, arr, n)
        return {dec(lib.eg_node_id(lib.eg_grid_node_at(h, i))): out[i] for i in range(n)}

    def check(self, lang="zh"):
        """Staffing and coverage findings (CJ-G.3 to CJ-G.7).

        Each finding has ``.rule``, ``.node``, ``.unit``, ``.message`` (in
        ``lang``) and ``.message_en``. The returned list also answers
        ``item2_met(unit_id)`` (CJ-A2-5.2).
        """
        code = _lang_code(lang)
        h = self._handle()
        fh = c_void_p()
        lib.eg_grid_check(byref(fh), h)
        items = []
        for i in range(lib.eg_findings_count(fh)):
            f = lib.eg_findings_at(fh, i)
            items.append(Finding(dec(lib.eg_finding_rule(f)), dec(lib.eg_finding_node(f)),
                                 dec(lib.eg_finding_unit(f)),
                                 dec(lib.eg_finding_message(f, code)),
                                 dec(lib.eg_finding_message(f, 1))))
        return Findings(items, self, fh.value)

    def __repr__(self):
        if not self._finalizer.alive:
            return "<Grid closed>"
        return "<Grid %d nodes>" % len(self)
