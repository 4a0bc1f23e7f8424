"""Exceptions raised for negative ecogrid status codes and for misuse.

Every exception carries ``code`` (the C status) and ``message`` (the
detailed message of eg_error_last(), naming the offending value). Errors
found in Python before the library is called use the same classes:
:class:`OutOfRange` for an integer that does not fit its C type,
:class:`ClosedError` for an object used after ``close()`` (or after its
parent was closed).
"""

from __future__ import annotations

from typing import Any, Optional

_lib: Any = None


def bind(lib: Any) -> None:
    """Give the module the loaded library (for eg_error_last())."""
    global _lib
    _lib = lib


class EcogridError(Exception):
    """Base class of every ecogrid error."""

    code = -1

    def __init__(self, message: str, code: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class InvalidArgument(EcogridError, ValueError):
    """EG_EINVAL: an argument is invalid."""
    code = -2


class OutOfMemory(EcogridError, MemoryError):
    """EG_ENOMEM: an allocation failed; nothing was changed."""
    code = -3


class NotFound(EcogridError, LookupError):
    """EG_ENOTFOUND: a referenced ID does not exist."""
    code = -4


class AlreadyExists(EcogridError, ValueError):
    """EG_EEXISTS: a unique ID already exists."""
    code = -5


class OutOfRange(EcogridError, OverflowError, ValueError):
    """EG_ERANGE: a number is out of range or overflows.

    Also raised before any C call for a Python integer that does not fit
    the C type of its parameter (an item count of ``2**70``), so it is an
    :class:`OverflowError` as well as a :class:`ValueError`.
    """
    code = -6


class ParseError(EcogridError, ValueError):
    """EG_EPARSE: input text could not be parsed.

    Raised for every refusal of a scheme document (Scheme.load,
    Scheme.from_text), whatever its status (``code``): ``pointer`` is the
    JSON pointer of the offending value ("" for the whole document),
    ``line`` and ``column`` its 1-based place (None when the error is not
    about a place), ``expected`` and ``found`` say what was wrong. For other
    parsers these attributes are None.
    """
    code = -7
    pointer = None
    line = None
    column = None
    offset = None
    expected = None
    found = None


class StateError(EcogridError):
    """EG_ESTATE: the object's state does not allow the call."""
    code = -8


class ClosedError(StateError, ValueError):
    """The object, or the object it was taken from, has been closed.

    ``n = grid["652301000000"]; grid.close(); n.id`` raises this (like a
    closed file's ``ValueError``) instead of reading freed memory.
    """
    code = -8


class EcogridIOError(EcogridError, OSError):
    """EG_EIO: a file could not be read."""
    code = -9


class Utf8Error(EcogridError, ValueError):
    """EG_EUTF8: a string is not valid UTF-8."""
    code = -10


class CycleError(EcogridError, ValueError):
    """EG_ECYCLE: a parent chain loops."""
    code = -11


class LevelError(EcogridError, ValueError):
    """EG_ELEVEL: a child's level is not deeper than its parent's."""
    code = -12


class BufferTooSmall(EcogridError):
    """EG_EBUFSIZE: a buffer is too small."""
    code = -13


_BY_CODE = {cls.code: cls for cls in (
    InvalidArgument, OutOfMemory, NotFound, AlreadyExists, OutOfRange,
    ParseError, StateError, EcogridIOError, Utf8Error, CycleError,
    LevelError, BufferTooSmall)}


def from_code(code: int) -> EcogridError:
    """The exception for a negative status, with the thread's detail message."""
    message = ""
    if _lib is not None:
        err = _lib.eg_error_last()
        if err and err.contents.message:
            message = err.contents.message.decode("utf-8", "replace")
    if not message and _lib is not None:
        message = _lib.eg_strerror(code).decode("utf-8")
    cls = _BY_CODE.get(code, EcogridError)
    return cls(message, code)
