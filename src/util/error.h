/* Internal: recording the detailed message behind eg_error_last(). */
#ifndef EG_UTIL_ERROR_H
#define EG_UTIL_ERROR_H

#include <ecogrid/common.h>

#if defined(__GNUC__)
#define EG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define EG_PRINTF(a, b)
#endif

/*
 * Record `code` and a formatted message for this thread and return `code`,
 * so that callers write `return eg__error(EG_EINVAL, "...", ...);`.
 * Internal only: the public API has no varargs.
 */
int eg__error(int code, const char *fmt, ...) EG_PRINTF(2, 3);

/* Shorthand for the most common failure. */
int eg__error_nomem(const char *what);

#endif
