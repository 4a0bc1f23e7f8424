"""The binding's shared machinery (private): build every wrapper class on it.

Nothing here calls the library, so the prototype tables may import it.

Typed handles
    One ``c_void_p`` subclass per C handle type (:func:`handle_type`,
    e.g. ``GridH`` for ``eg_grid *``). Prototypes declare them in
    ``argtypes``/``restype`` (and ``POINTER(GridH)`` for out-parameters), so
    ctypes refuses a handle of another type (``ctypes.ArgumentError``)
    instead of passing it to C. Public functions check the Python object
    first with :func:`live` (``TypeError`` naming the expected class).

Lifetimes
    :class:`Owner` owns one handle: ``close()`` (or a ``with`` block, or
    garbage collection) frees it once; ``_live()`` returns the handle or
    raises :class:`~ecogrid.ClosedError`. An owner made from a parent whose
    memory it borrows (a walk of a grid, a ladder state) passes the parent
    to ``Owner.__init__``; its ``_live()`` checks the parent too. An object
    that holds a borrowed pointer but owns nothing (a grid's Node) keeps its
    parent and calls ``parent._live()`` before every C call. Closing an
    object while another thread is using it is the caller's race, as with
    a file.

Integers, reals, dates and times
    :func:`to_int` (and ``i32``, ``i64``, ``u32``, ``size``, ``cint``)
    take any ``numbers.Integral`` / ``__index__`` object (NumPy scalars),
    refuse floats and (unless asked) bools with ``TypeError``, and raise
    :class:`~ecogrid.OutOfRange` (an ``OverflowError``) for a value that
    does not fit the C type. :func:`to_real` takes any real number but not
    text. :func:`c_date`, :func:`c_month`, :func:`c_period`,
    :func:`c_time` take the library's text forms or ``datetime.date`` /
    ``datetime.datetime`` and return the UTF-8 bytes C expects.

Results
    Results are frozen dataclasses deriving from :class:`Record`, which adds
    ``_asdict()`` (the fields, in order) so that
    ``pandas.DataFrame([r._asdict() for r in rs])`` and
    ``pandas.DataFrame(list_of_records)`` give one column per field.

Buffers
    :func:`in_buffer` passes any buffer of the right item type (array.array,
    memoryview, NumPy arrays) to C without a copy, or converts a sequence
    once with the checks above; :func:`is_numpy` / :func:`new_like` give
    NumPy outputs for NumPy inputs without importing NumPy otherwise.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime
import operator
from ctypes import (c_double, c_int, c_int8, c_int16, c_int32, c_int64, c_size_t, c_uint, c_uint8,
                    c_uint16, c_uint32, c_uint64)
from typing import Any, Callable, ClassVar, Dict, Optional, Sequence, Tuple, Type, TypeVar, Union

from . import errors

# ---------------------------------------------------------------------------
# Typed handles
# ---------------------------------------------------------------------------


class Handle(ctypes.c_void_p):
    """Base of the typed handles; a subclass per C handle type.

    A ``c_void_p`` subclass in ``argtypes`` accepts instances of itself only
    among ctypes objects: another handle class, or a plain ``c_void_p``, is
    refused by ctypes before the call.
    """

    __slots__ = ()
    #: The C type the handle points to, e.g. "eg_grid".
    c_type: ClassVar[str] = "void"

    def __repr__(self) -> str:
        return "<%s %s>" % (self.c_type, "NULL" if self.value is None else hex(self.value))

    def __reduce__(self) -> Any:
        raise TypeError("a %s handle cannot be pickled or copied" % self.c_type)


_HANDLES: Dict[str, Type[Handle]] = {}


def handle_type(c_type: str) -> Type[Handle]:
    """The handle class for a C type name ("eg_grid"); one class per name."""
    cls = _HANDLES.get(c_type)
    if cls is None:
        name = "".join(p.capitalize() for p in c_type.split("_")[1:]) + "H"
        cls = type(name, (Handle,), {"__slots__": (), "c_type": c_type, "__module__": __name__})
        _HANDLES[c_type] = cls
    return cls


GridH = handle_type("eg_grid")
NodeH = handle_type("eg_node")
GridWalkH = handle_type("eg_grid_walk")
FindingsH = handle_type("eg_findings")
FindingH = handle_type("eg_finding")
RulesetBuilderH = handle_type("eg_ruleset_builder")
RulesetH = handle_type("eg_ruleset")
AssessInputH = handle_type("eg_assess_input")
AssessResultH = handle_type("eg_assess_result")
TraceH = handle_type("eg_trace")
LadderBuilderH = handle_type("eg_ladder_builder")
LadderH = handle_type("eg_ladder")
LadderStateH = handle_type("eg_ladder_state")
LadderOutcomeH = handle_type("eg_ladder_outcome")
AirqProfileH = handle_type("eg_airq_profile")
DrawH = handle_type("eg_draw")
DutyCadenceH = handle_type("eg_duty_cadence")
RecordsH = handle_type("eg_records")

H = TypeVar("H", bound=Handle)

# ---------------------------------------------------------------------------
# Lifetimes
# ---------------------------------------------------------------------------


class Owner:
    """A Python object that owns one C handle and frees it exactly once.

    Subclasses set ``_free`` (the C free function) and ``_what`` (a noun for
    messages, "grid"). ``Owner.__init__(self, handle, parent)``: ``parent``
    is the owner whose memory the handle borrows, or None.
    """

    __slots__ = ("_h", "_parent")
    _free: ClassVar[Callable[[Any], None]]
    _what: ClassVar[str] = "object"
    _handle_type: ClassVar[Type[Handle]] = Handle

    def __init__(self, handle: Union[Handle, int, None], parent: Optional["Owner"] = None) -> None:
        ht = type(self)._handle_type
        if type(handle) is ht and handle:
            self._h: Optional[Handle] = handle
            self._parent = parent
            return
        if not isinstance(handle, ht):
            # An address from c_void_p().value (internal callers only).
            if isinstance(handle, Handle) or not isinstance(handle, int):
                raise TypeError("%s needs a %s handle, not %r" % (type(self).__name__, ht.c_type, handle))
            handle = ht(handle)
        if not handle:
            raise ValueError("%s: NULL %s handle" % (type(self).__name__, ht.c_type))
        self._h = handle
        self._parent = parent

    def _live(self) -> Any:
        """The handle; ClosedError when this object or its parent is closed."""
        h = self._h
        if h is None:
            raise errors.ClosedError("the %s has been closed" % self._what)
        p = self._parent
        if p is not None and p._h is None:
            raise errors.ClosedError("the %s this %s was taken from has been closed" % (p._what, self._what))
        if p is not None and p._parent is not None:
            p._live()
        return h

    @property
    def closed(self) -> bool:
        """True once close() was called (on this object or its parent)."""
        if self._h is None:
            return True
        return self._parent is not None and self._parent.closed

    def close(self) -> None:
        """Free the C object now (idempotent); later use raises ClosedError."""
        h, self._h = self._h, None
        if h is not None:
            type(self)._free(h)

    def __enter__(self: "O") -> "O":
        self._live()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass

    def __copy__(self: "O") -> "O":
        return self  # one owner per handle: a copy shares it

    def __deepcopy__(self: "O", memo: Any) -> "O":
        return self

    def __reduce__(self) -> Any:
        raise TypeError("%s objects hold C memory and cannot be pickled" % type(self).__name__)


O = TypeVar("O", bound=Owner)


def live(obj: Any, cls: Type[Owner], what: str) -> Any:
    """``obj``'s handle after checking it is an open ``cls`` (TypeError, ClosedError)."""
    if not isinstance(obj, cls):
        raise TypeError("%s must be an ecogrid.%s, not %s" % (what, cls.__name__, type(obj).__name__))
    return obj._live()


# ---------------------------------------------------------------------------
# Integers and reals
# ---------------------------------------------------------------------------

def _bits(ct: Any) -> int:
    return 8 * ctypes.sizeof(ct)


_RANGES: Dict[Any, Tuple[int, int]] = {}
for _ct in (c_int8, c_int16, c_int32, c_int64, c_int):
    _RANGES[_ct] = (-(1 << (_bits(_ct) - 1)), (1 << (_bits(_ct) - 1)) - 1)
for _ct in (c_uint8, c_uint16, c_uint32, c_uint64, c_uint, c_size_t):
    _RANGES[_ct] = (0, (1 << _bits(_ct)) - 1)
_CNAMES = {c_int8: "int8_t", c_int16: "int16_t", c_int32: "int32_t", c_int64: "int64_t", c_int: "int",
           c_uint8: "uint8_t", c_uint16: "uint16_t", c_uint32: "uint32_t", c_uint64: "uint64_t",
           c_uint: "unsigned int", c_size_t: "size_t"}


def to_int(value: Any, what: str, ctype: Any = c_int64, allow_bool: bool = False) -> int:
    """``value`` as a Python int that fits ``ctype``.

    Accepts int and anything with ``__index__`` (``numpy.int64``, …);
    TypeError for floats, text and (unless ``allow_bool``) bools; OutOfRange
    (an OverflowError) when the value does not fit ``ctype``.
    """
    if type(value) is int:
        v = value
    else:
        if not allow_bool and (type(value) is bool or type(value).__name__ == "bool_"):
            raise TypeError("%s must be an integer, not %r" % (what, value))
        try:
            v = operator.index(value)
        except TypeError:
            raise TypeError("%s must be an integer, not %r (%s)" % (what, value, type(value).__name__)) from None
    lo, hi = _RANGES[ctype]
    if v < lo or v > hi:
        raise errors.OutOfRange("%s %d does not fit %s (%d to %d)" % (what, v, _CNAMES[ctype], lo, hi),
                                errors.OutOfRange.code)
    return v


def i32(value: Any, what: str) -> int:
    """to_int(value, what, c_int32)."""
    return to_int(value, what, c_int32)


def i64(value: Any, what: str) -> int:
    """to_int(value, what, c_int64)."""
    return to_int(value, what, c_int64)


def u32(value: Any, what: str) -> int:
    """to_int(value, what, c_uint32)."""
    return to_int(value, what, c_uint32)


def size(value: Any, what: str) -> int:
    """to_int(value, what, c_size_t): a count or index (negative is OutOfRange)."""
    return to_int(value, what, c_size_t)


def cint(value: Any, what: str) -> int:
    """to_int(value, what, c_int)."""
    return to_int(value, what, c_int)


def to_real(value: Any, what: str) -> float:
    """``value`` as a float: any real number (int, float, NumPy, Decimal); not text or bool."""
    t = type(value)
    if t is float:
        return value  # type: ignore[no-any-return]
    if t is int:
        return float(value)
    if t is bool or isinstance(value, (str, bytes)) or t.__name__ == "bool_":
        raise TypeError("%s must be a number, not %r" % (what, value))
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError("%s must be a number, not %r (%s)" % (what, value, t.__name__)) from None


# ---------------------------------------------------------------------------
# Text, dates and times
# ---------------------------------------------------------------------------

def enc(text: Any, what: str = "text") -> Optional[bytes]:
    """Encode a Python str as NUL-terminated UTF-8 for the C API (None stays None)."""
    if text is None:
        return None
    if type(text) is str:
        if "\0" in text:
            raise ValueError("%s contains a NUL character" % what)
        return text.encode("utf-8", "surrogatepass")
    if isinstance(text, bytes):
        if b"\0" in text:
            raise ValueError("%s contains a NUL character" % what)
        return text
    if isinstance(text, str):
        return enc(str(text), what)
    raise TypeError("%s must be a str, not %s" % (what, type(text).__name__))


def dec(raw: Optional[bytes]) -> Optional[str]:
    """Decode a UTF-8 C string (bytes or None) into str or None."""
    return None if raw is None else raw.decode("utf-8")


def decs(raw: Optional[bytes]) -> str:
    """Decode a UTF-8 C string the library never returns NULL for."""
    return "" if raw is None else raw.decode("utf-8")


def _naive(value: datetime.datetime, what: str) -> None:
    if value.tzinfo is not None:
        raise ValueError("%s must be a local time without a time zone, not %s" % (what, value.isoformat()))


def c_date(value: Any, what: str = "date") -> Optional[bytes]:
    """A date as C expects it ("YYYY-MM-DD"): the text as given, or a
    ``datetime.date`` (a ``datetime`` only at midnight). None stays None."""
    if value is None or type(value) is str or isinstance(value, bytes):
        return enc(value, what)
    if isinstance(value, datetime.datetime):
        _naive(value, what)
        if value.time() != datetime.time(0, 0):
            raise ValueError("%s must be a date, not the time %s" % (what, value.isoformat(" ")))
        value = value.date()
    if isinstance(value, datetime.date):
        return b"%04d-%02d-%02d" % (value.year, value.month, value.day)
    if isinstance(value, str):
        return enc(value, what)
    raise TypeError("%s must be a 'YYYY-MM-DD' string or a datetime.date, not %s" % (what, type(value).__name__))


def c_month(value: Any, what: str = "month") -> Optional[bytes]:
    """A calendar month ("YYYY-MM"): the text as given, or the month of a
    ``datetime.date`` / ``datetime``. None stays None."""
    if value is None or type(value) is str or isinstance(value, bytes):
        return enc(value, what)
    if isinstance(value, datetime.date):
        if isinstance(value, datetime.datetime):
            _naive(value, what)
        return b"%04d-%02d" % (value.year, value.month)
    if isinstance(value, str):
        return enc(value, what)
    raise TypeError("%s must be a 'YYYY-MM' string or a datetime.date, not %s" % (what, type(value).__name__))


def c_period(value: Any, what: str = "period") -> Optional[bytes]:
    """A period "YYYY-MM" or "YYYY-MM-DD": text as given, a date as its day."""
    return c_date(value, what)


def c_time(value: Any, what: str = "time", date_is_midnight: bool = False) -> Optional[bytes]:
    """A time as C expects it ("YYYY-MM-DD HH:MM"): the text as given, or a
    naive ``datetime`` on a whole minute. With ``date_is_midnight`` a
    ``datetime.date`` (or "YYYY-MM-DD") stands for 00:00 of that day."""
    if value is None:
        return None
    if type(value) is str or isinstance(value, (str, bytes)):
        raw = enc(value, what)
        assert raw is not None
        if date_is_midnight and len(raw) == 10:
            raw += b" 00:00"
        return raw
    if isinstance(value, datetime.datetime):
        _naive(value, what)
        if value.second or value.microsecond:
            raise ValueError("%s %s is not on a whole minute (the rules count minutes)"
                             % (what, value.isoformat(" ")))
        return b"%04d-%02d-%02d %02d:%02d" % (value.year, value.month, value.day, value.hour, value.minute)
    if isinstance(value, datetime.date):
        if not date_is_midnight:
            raise TypeError("%s must be a time ('YYYY-MM-DD HH:MM' or a datetime.datetime), not the date %s"
                            % (what, value.isoformat()))
        return b"%04d-%02d-%02d 00:00" % (value.year, value.month, value.day)
    raise TypeError("%s must be a 'YYYY-MM-DD HH:MM' string or a datetime.datetime, not %s"
                    % (what, type(value).__name__))


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------

class Record:
    """Mixin of result dataclasses: ``_asdict()`` like a NamedTuple's.

    Declare results as ``@dataclass(frozen=True)`` subclasses; fields whose
    name starts with "_" are left out of ``_asdict()``.
    """

    __slots__ = ()
    _names: ClassVar[Tuple[str, ...]]

    @classmethod
    def _field_names(cls) -> Tuple[str, ...]:
        names = cls.__dict__.get("_names")
        if names is None:
            names = tuple(f.name for f in dataclasses.fields(cls)
                          if not f.name.startswith("_"))
            setattr(cls, "_names", names)
        return tuple(names)

    def _asdict(self) -> Dict[str, Any]:
        """The fields as a dict, in declaration order (values not copied)."""
        return {n: getattr(self, n) for n in self._field_names()}


def set_private(obj: Any, name: str, value: Any) -> None:
    """Set a non-field attribute on a frozen dataclass (a cache, a handle owner)."""
    object.__setattr__(obj, name, value)


# ---------------------------------------------------------------------------
# Buffers
# ---------------------------------------------------------------------------

_FORMATS: Dict[Any, Tuple[str, ...]] = {
    c_int64: ("q", "l"), c_int32: ("i",), c_uint32: ("I",), c_double: ("d",), c_int: ("i",),
    c_uint8: ("B",), c_size_t: ("N", "L", "Q"),
}
_CONVERT: Dict[Any, Callable[[Any, str], Any]] = {
    c_double: to_real,
}


def is_numpy(obj: Any) -> bool:
    """True for a NumPy array (checked without importing NumPy)."""
    return type(obj).__module__ == "numpy" and hasattr(obj, "__array_interface__")


def in_buffer(data: Any, ctype: Any, n: int, what: str = "values",
              none_is: Optional[float] = None) -> Tuple[Any, Any]:
    """A ctypes array of ``n`` ``ctype`` over ``data`` for a batch call.

    ``data`` is a buffer of the matching item type and size (array.array,
    a memoryview, a NumPy array of any shape; no copy when writable and
    C-contiguous, one copy when read-only) or a sequence, converted once
    and checked item by item (integers with :func:`to_int`, reals with
    :func:`to_real`; ``none_is`` replaces None, e.g. NaN for missing
    values). Returns (array, keepalive): hold ``keepalive`` until the call
    returns.
    """
    try:
        mv = memoryview(data)
    except TypeError:
        vals = list(data)
        if len(vals) != n:
            raise ValueError("%s: expected %d values, got %d" % (what, n, len(vals))) from None
        conv = _CONVERT.get(ctype)
        if conv is None:
            vals = [to_int(v, what, ctype) for v in vals]
        else:
            vals = [none_is if v is None and none_is is not None else conv(v, what) for v in vals]
        return (ctype * max(n, 1))(*vals), None
    fmt = mv.format.lstrip("<=@")
    if fmt not in _FORMATS[ctype] or mv.itemsize != ctypes.sizeof(ctype):
        raise TypeError("%s: buffer must hold %s items (format %r), not %r"
                        % (what, _CNAMES.get(ctype, ctype.__name__), _FORMATS[ctype][0], mv.format))
    if mv.nbytes != n * mv.itemsize:
        raise ValueError("%s: expected %d values, got %d" % (what, n, mv.nbytes // mv.itemsize))
    if n == 0:
        return (ctype * 1)(), None
    if not mv.c_contiguous:
        raise ValueError("%s: the buffer is not C-contiguous (numpy.ascontiguousarray() makes it so)" % what)
    if mv.readonly:
        return (ctype * n).from_buffer_copy(mv), None
    return (ctype * n).from_buffer(mv), mv


def new_like(template: Any, code: str, n: int) -> Any:
    """A zeroed output of ``n`` items: a NumPy array when ``template`` is one
    (dtype from the array module's ``code``), else ``array.array(code)``."""
    if is_numpy(template):
        import numpy
        return numpy.zeros(n, dtype={"d": numpy.float64, "i": numpy.int32, "q": numpy.int64}[code])
    import array
    return array.array(code, bytes(n * array.array(code).itemsize))


def out_buffer(out: Any, ctype: Any, n: int, what: str) -> Tuple[Any, Any]:
    """A ctypes array over a writable output of ``n`` items (no copy)."""
    mv = memoryview(out)
    if mv.readonly or not mv.c_contiguous:
        raise ValueError("%s: the output must be writable and C-contiguous" % what)
    fmt = mv.format.lstrip("<=@")
    if fmt not in _FORMATS[ctype] or mv.itemsize != ctypes.sizeof(ctype):
        raise TypeError("%s: output must hold %s items, not %r" % (what, _CNAMES.get(ctype, "double"), mv.format))
    if mv.nbytes != n * mv.itemsize:
        raise ValueError("%s: output must hold %d items, not %d" % (what, n, mv.nbytes // mv.itemsize))
    if n == 0:
        return (ctype * 1)(), None
    return (ctype * n).from_buffer(mv), mv


def str_array(items: Sequence[Any], what: str = "ID") -> Any:
    """A ``char *[]`` of UTF-8 strings (one element when empty, never NULL)."""
    return (ctypes.c_char_p * max(len(items), 1))(*[enc(x, what) for x in items])
