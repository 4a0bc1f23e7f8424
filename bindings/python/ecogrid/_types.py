"""Markers used in the prototype tables (kept apart to avoid import cycles)."""

#: restype marker: the function returns an int status; negatives raise.
STATUS = "status"
#: restype marker: returns 0 or EG_ITEROVER (-31); other negatives raise.
ITER = "iter"
