"""Exceptions raised for negative ecogrid status codes.

Every exception carries ``code`` (the C status) and ``message`` (the
detailed message of eg_error_last(), naming the offending value).
"""

_lib = None


def bind(lib):
    global _lib
    _lib = lib


class EcogridError(Exception):
    """Base class of every ecogrid error."""

    code = -1

    def __init__(self, message, code=None):
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


class OutOfRange(EcogridError, ValueError):
    """EG_ERANGE: a number is out of range or overflows."""
    code = -6


class ParseError(EcogridError, ValueError):
    """EG_EPARSE: input text could not be parsed."""
    code = -7


class StateError(EcogridError):
    """EG_ESTATE: the object's state does not allow the call."""
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


def from_code(code):
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
