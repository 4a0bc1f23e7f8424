#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EG_ERROR_MSG_MAX 1024

/* Thread-local: each thread sees only its own last failure (libgit2 style). */
static _Thread_local char last_message[EG_ERROR_MSG_MAX];
static _Thread_local eg_error last_error = { 0, NULL };

int eg__error(int code, const char *fmt, ...)
{
	char buf[EG_ERROR_MSG_MAX];
	va_list ap;
	/* Format into a local buffer first: callers may pass the previous
	 * detail (eg_error_last()->message) as an argument to wrap it. */
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	memcpy(last_message, buf, sizeof buf);
	last_error.code = code;
	last_error.message = last_message;
	return code;
}

int eg__error_nomem(const char *what)
{
	return eg__error(EG_ENOMEM, "out of memory while %s", what);
}

const eg_error *eg_error_last(void)
{
	if (!last_error.message) {
		last_message[0] = '\0';
		last_error.message = last_message;
	}
	return &last_error;
}

void eg_error_clear(void)
{
	last_message[0] = '\0';
	last_error.code = EG_OK;
	last_error.message = last_message;
}

const char *eg_strerror(int code)
{
	switch (code) {
	case EG_OK: return "success";
	case EG_ERROR: return "generic error";
	case EG_EINVAL: return "invalid argument";
	case EG_ENOMEM: return "out of memory";
	case EG_ENOTFOUND: return "not found";
	case EG_EEXISTS: return "already exists";
	case EG_ERANGE: return "value out of range";
	case EG_EPARSE: return "parse error";
	case EG_ESTATE: return "invalid state for this operation";
	case EG_EIO: return "input/output error";
	case EG_EUTF8: return "invalid UTF-8";
	case EG_ECYCLE: return "cycle in parent chain";
	case EG_ELEVEL: return "child level not deeper than parent level";
	case EG_EBUFSIZE: return "buffer too small";
	case EG_ITEROVER: return "iteration over";
	default: return "unknown error code";
	}
}
