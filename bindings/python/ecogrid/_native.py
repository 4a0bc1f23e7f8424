"""Loading libecogrid and the single prototype table.

Every exported C function is declared exactly once, with its ``restype`` and
``argtypes``, in one of the ``_proto_<module>.py`` files of this package;
this module merges them into :data:`PROTOTYPES` and applies them to the
loaded library. Declaring every function avoids ctypes' default
``restype = c_int``, which truncates returned pointers on 64-bit machines.
A test checks that every exported ``eg_`` symbol has an entry here.

Library search order: the ``ECOGRID_LIBRARY`` environment variable (the
path of the .so file), then the build tree of a source checkout
(``build/src/libecogrid.so``), then the system library path.
"""

import ctypes
import ctypes.util
import importlib
import os
import pkgutil

from . import errors
from ._types import ITER, STATUS

EG_ITEROVER = -31


def _collect():
    table = {}
    pkg_dir = os.path.dirname(__file__)
    for mod in sorted(m.name for m in pkgutil.iter_modules([pkg_dir])):
        if not mod.startswith("_proto_"):
            continue
        protos = importlib.import_module("." + mod, __package__).PROTOTYPES
        for name, proto in protos.items():
            if name in table:
                raise RuntimeError("ecogrid: %s declared twice" % name)
            table[name] = proto
    return table


PROTOTYPES = _collect()


def _candidates():
    env = os.environ.get("ECOGRID_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    for build in ("build", "builddir"):
        path = os.path.join(root, build, "src", "libecogrid.so")
        if os.path.exists(path):
            yield path
    found = ctypes.util.find_library("ecogrid")
    if found:
        yield found
    yield "libecogrid.so.0"


def _errcheck_status(result, func, args):
    if result < 0:
        raise errors.from_code(result)
    return result


def _errcheck_iter(result, func, args):
    if result < 0 and result != EG_ITEROVER:
        raise errors.from_code(result)
    return result


def _load():
    tried = []
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as exc:
            tried.append("%s (%s)" % (path, exc))
    else:
        raise ImportError("ecogrid: cannot load libecogrid; set ECOGRID_LIBRARY "
                          "to the .so file. Tried: " + "; ".join(tried))
    for name, (restype, argtypes) in PROTOTYPES.items():
        fn = getattr(lib, name)
        fn.argtypes = argtypes
        if restype == STATUS:
            fn.restype = ctypes.c_int
            fn.errcheck = _errcheck_status
        elif restype == ITER:
            fn.restype = ctypes.c_int
            fn.errcheck = _errcheck_iter
        else:
            fn.restype = restype
    return lib


lib = _load()
errors.bind(lib)


def options(cls, **fields):
    """An options struct (a ``_proto_*`` Structure with VERSION and INIT)
    initialised by the library's own ``eg_*_options_init`` (so defaults are
    never copied into Python), then the given fields set."""
    opts = cls()
    getattr(lib, cls.INIT)(ctypes.byref(opts), cls.VERSION)
    for name, value in fields.items():
        setattr(opts, name, value)
    return opts


def enc(text, what="text"):
    """Encode a Python str as NUL-terminated UTF-8 for the C API."""
    if text is None:
        return None
    if isinstance(text, bytes):
        return text
    if not isinstance(text, str):
        raise TypeError("%s must be a str, not %s" % (what, type(text).__name__))
    if "\0" in text:
        raise ValueError("%s contains a NUL character" % what)
    return text.encode("utf-8", "surrogatepass")


def dec(raw):
    """Decode a UTF-8 C string (bytes or None) into str or None."""
    return None if raw is None else raw.decode("utf-8")


def take_string(ptr):
    """Decode a library-allocated UTF-8 string (c_void_p) and free it with eg_string_free."""
    try:
        return ctypes.string_at(ptr.value).decode("utf-8")
    finally:
        lib.eg_string_free(ptr)


_FORMATS = {ctypes.c_int64: ("q", "l"), ctypes.c_int32: ("i",), ctypes.c_uint32: ("I",),
            ctypes.c_double: ("d",)}


def typed_buffer(data, ctype, n, what="values"):
    """A ctypes array of `n` `ctype` over `data` for a batch call.

    `data` is any buffer of the matching item type and size (array.array,
    a memoryview slice, bytes-like; no copy when writable and contiguous)
    or a sequence (converted once). Returns (array, keepalive): hold the
    keepalive until the call returns.
    """
    try:
        mv = memoryview(data)
    except TypeError:
        vals = list(data)
        if len(vals) != n:
            raise ValueError("%s: expected %d values, got %d" % (what, n, len(vals)))
        return (ctype * max(n, 1))(*vals), None
    fmt = mv.format.lstrip("<=@")
    if fmt not in _FORMATS[ctype] or mv.itemsize != ctypes.sizeof(ctype):
        raise TypeError("%s: buffer must hold %s items (format %r), not %r"
                        % (what, ctype.__name__, _FORMATS[ctype][0], mv.format))
    if mv.nbytes != n * mv.itemsize:
        raise ValueError("%s: expected %d values, got %d" % (what, n, mv.nbytes // mv.itemsize))
    if n == 0:
        return (ctype * 1)(), None
    if mv.readonly or not mv.contiguous:
        return (ctype * n).from_buffer_copy(mv.tobytes()), None
    return (ctype * n).from_buffer(mv), mv
