"""Loading libecogrid and the single prototype table.

Every exported C function is declared exactly once, with its ``restype`` and
``argtypes``, in one of the ``_proto_<module>.py`` files of this package;
this module merges them into :data:`PROTOTYPES` and applies them to the
loaded library. Declaring every function avoids ctypes' default
``restype = c_int``, which truncates returned pointers on 64-bit machines.
A test checks that every exported ``eg_`` symbol has an entry here.

Library search order:

1. ``ECOGRID_LIBRARY`` (the path of the .so file), when set: an explicit
   choice, e.g. a sanitizer build under test;
2. the library bundled in the package directory (a wheel built by
   ``pip install .`` carries ``ecogrid/libecogrid.so.0``);
3. the library ``meson install`` installed beside this package (its path
   is written into ``_build_config.py`` at install time);
4. in a source checkout only, ``build/src/libecogrid.so``;
5. the system library path (``libecogrid.so.0``).

:data:`LIBRARY_PATH` tells which file was loaded.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import importlib
import os
import pkgutil
from typing import Any, Dict, Iterator, List, Tuple

from . import errors
from ._core import dec, enc, in_buffer
from ._types import ITER, STATUS

EG_ITEROVER = -31
_HERE = os.path.dirname(os.path.abspath(__file__))


def _collect() -> Dict[str, Tuple[Any, List[Any]]]:
    table: Dict[str, Tuple[Any, List[Any]]] = {}
    for mod in sorted(m.name for m in pkgutil.iter_modules([_HERE])):
        if not mod.startswith("_proto_"):
            continue
        protos = importlib.import_module("." + mod, __package__).PROTOTYPES
        for name, proto in protos.items():
            if name in table:
                raise RuntimeError("ecogrid: %s declared twice" % name)
            table[name] = proto
    return table


PROTOTYPES = _collect()


def _candidates() -> Iterator[str]:
    env = os.environ.get("ECOGRID_LIBRARY")
    if env:
        yield env
        return
    bundled = sorted(glob.glob(os.path.join(_HERE, "libecogrid.so*")), key=len)
    if bundled:
        yield bundled[0]
        return
    try:
        from . import _build_config  # type: ignore[attr-defined]  # written by meson install
        yield _build_config.LIBRARY
    except ImportError:
        pass
    parts = _HERE.split(os.sep)
    if parts[-3:] == ["bindings", "python", "ecogrid"]:  # a source checkout
        root = os.sep.join(parts[:-3])
        for build in ("build", "builddir"):
            path = os.path.join(root, build, "src", "libecogrid.so")
            if os.path.exists(path):
                yield path
    found = ctypes.util.find_library("ecogrid")
    if found:
        yield found
    yield "libecogrid.so.0"


def _errcheck_status(result: int, func: Any, args: Any) -> int:
    if result < 0:
        raise errors.from_code(result)
    return result


def _errcheck_iter(result: int, func: Any, args: Any) -> int:
    if result < 0 and result != EG_ITEROVER:
        raise errors.from_code(result)
    return result


def _load() -> Tuple[Any, str]:
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
    missing = [name for name in PROTOTYPES if not hasattr(lib, name)]
    if missing:
        raise ImportError("ecogrid: %s does not export %s: the library is older than this package"
                          % (path, ", ".join(sorted(missing)[:5])))
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
    return lib, path


lib, LIBRARY_PATH = _load()
errors.bind(lib)

#: Kept for modules written against the earlier helpers (see _core.in_buffer).
typed_buffer = in_buffer

__all__ = ["lib", "LIBRARY_PATH", "PROTOTYPES", "enc", "dec", "options", "take_string", "typed_buffer", "EG_ITEROVER"]


def options(cls: Any, **fields: Any) -> Any:
    """An options struct (a ``_proto_*`` Structure with VERSION and INIT)
    initialised by the library's own ``eg_*_options_init`` (so defaults are
    never copied into Python), then the given fields set."""
    opts = cls()
    getattr(lib, cls.INIT)(ctypes.byref(opts), cls.VERSION)
    for name, value in fields.items():
        setattr(opts, name, value)
    return opts


def take_string(ptr: Any) -> str:
    """Decode a library-allocated UTF-8 string (c_void_p) and free it with eg_string_free."""
    try:
        return ctypes.string_at(ptr.value).decode("utf-8")
    finally:
        lib.eg_string_free(ptr)
