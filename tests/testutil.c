#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"
#include "util/alloc.h"

const char *tu_shared_file(const char *relative, char *buf, size_t bufsz)
{
	const char *dir = getenv("ECOGRID_SHARED_DATA");
	struct stat st;
	if (!dir || !*dir)
		return NULL;
	if ((size_t)snprintf(buf, bufsz, "%s/%s", dir, relative) >= bufsz)
		return NULL;
	if (stat(buf, &st) != 0)
		return NULL;
	return buf;
}

void tu_assert_double_equal(double a, double b, double tol, const char *file, int line)
{
	if (!(fabs(a - b) <= tol)) {
		print_error("%.17g != %.17g (tolerance %g)\n", a, b, tol);
		_fail(file, line);
	}
}

void tu_assert_error(int rc, int expected, const char *needle, const char *file, int line)
{
	const eg_error *e = eg_error_last();
	if (rc != expected) {
		print_error("status %d (%s), expected %d (%s); detail: %s\n", rc, eg_strerror(rc),
			    expected, eg_strerror(expected), e->message);
		_fail(file, line);
	}
	if (e->code != expected || !e->message || !e->message[0]) {
		print_error("detail not set for status %d (code %d, message \"%s\")\n", rc, e->code,
			    e->message ? e->message : "(null)");
		_fail(file, line);
	}
	if (needle && !strstr(e->message, needle)) {
		print_error("detail \"%s\" does not mention \"%s\"\n", e->message, needle);
		_fail(file, line);
	}
}

long tu_alloc_fail_loop(tu_scenario scenario, void *state)
{
	for (long n = 0; n < 1000000; n++) {
		int rc;
		eg__alloc_fail_after(n);
		rc = scenario(state);
		eg__alloc_fail_reset();
		if (rc == EG_OK)
			return n;
		if (rc != EG_ENOMEM) {
			print_error("allocation %ld failed: status %d (%s), expected EG_ENOMEM: %s\n",
				    n + 1, rc, eg_strerror(rc), eg_error_last()->message);
			fail();
		}
		if (eg_error_last()->code != EG_ENOMEM) {
			print_error("allocation %ld failed without an EG_ENOMEM detail\n", n + 1);
			fail();
		}
	}
	fail_msg("scenario never succeeded");
	return -1;
}
