/* common.h: version, status codes, thread-local error detail, allocator hook. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"

static void test_version_matches_header(void **state)
{
	(void)state;
	char buf[32];
	assert_string_equal(eg_version(), EG_VERSION_STRING);
	snprintf(buf, sizeof buf, "%d.%d.%d", EG_VERSION_MAJOR, EG_VERSION_MINOR, EG_VERSION_PATCH);
	assert_string_equal(eg_version(), buf);
	assert_int_equal(EG_VERSION_NUMBER,
			 EG_VERSION_MAJOR * 10000 + EG_VERSION_MINOR * 100 + EG_VERSION_PATCH);
}

static void test_status_values_are_stable(void **state)
{
	(void)state;
	/* Values are ABI: pinned here so that a renumbering fails the build's tests. */
	assert_int_equal(EG_OK, 0);
	assert_int_equal(EG_ERROR, -1);
	assert_int_equal(EG_EINVAL, -2);
	assert_int_equal(EG_ENOMEM, -3);
	assert_int_equal(EG_ENOTFOUND, -4);
	assert_int_equal(EG_EEXISTS, -5);
	assert_int_equal(EG_ERANGE, -6);
	assert_int_equal(EG_EPARSE, -7);
	assert_int_equal(EG_ESTATE, -8);
	assert_int_equal(EG_EIO, -9);
	assert_int_equal(EG_EUTF8, -10);
	assert_int_equal(EG_ECYCLE, -11);
	assert_int_equal(EG_ELEVEL, -12);
	assert_int_equal(EG_EBUFSIZE, -13);
	assert_int_equal(EG_ITEROVER, -31);
	/* ABI pin: struct eg_error is { int code; const char *message; }. */
	assert_int_equal(offsetof(eg_error, message), sizeof(void *));
	assert_int_equal(sizeof(eg_error), 2 * sizeof(void *));
}

static void test_strerror_covers_every_code(void **state)
{
	(void)state;
	for (int c = -13; c <= 0; c++)
		assert_string_not_equal(eg_strerror(c), "unknown error code");
	assert_string_equal(eg_strerror(EG_ITEROVER), "iteration over");
	assert_string_equal(eg_strerror(-999), "unknown error code");
	assert_string_equal(eg_strerror(5), "unknown error code");
}

static void test_error_last_and_clear(void **state)
{
	(void)state;
	eg_error_clear();
	assert_int_equal(eg_error_last()->code, EG_OK);
	assert_string_equal(eg_error_last()->message, "");
	assert_int_equal(eg__error(EG_ERANGE, "value %d", 42), EG_ERANGE);
	assert_int_equal(eg_error_last()->code, EG_ERANGE);
	assert_string_equal(eg_error_last()->message, "value 42");
	eg_error_clear();
	assert_int_equal(eg_error_last()->code, EG_OK);
	assert_string_equal(eg_error_last()->message, "");
}

static void test_error_can_wrap_the_previous_detail(void **state)
{
	(void)state;
	/* Regression (found by valgrind): wrapping eg_error_last()->message in a
	 * new detail must not read the buffer while writing it. */
	eg__error(EG_ERANGE, "inner %s", "reason");
	assert_int_equal(eg__error(EG_ERANGE, "outer: %s", eg_error_last()->message), EG_ERANGE);
	assert_string_equal(eg_error_last()->message, "outer: inner reason");
}

static void *thread_sets_error(void *arg)
{
	(void)arg;
	eg__error(EG_EPARSE, "from the other thread");
	return NULL;
}

static void test_error_is_thread_local(void **state)
{
	(void)state;
	pthread_t t;
	eg__error(EG_EINVAL, "from the main thread");
	assert_int_equal(pthread_create(&t, NULL, thread_sets_error, NULL), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	/* The other thread's failure is invisible here. */
	assert_int_equal(eg_error_last()->code, EG_EINVAL);
	assert_string_equal(eg_error_last()->message, "from the main thread");
}

static void test_alloc_fault_injection(void **state)
{
	(void)state;
	void *a, *b;
	eg__alloc_fail_after(1);
	a = eg__malloc(8);
	b = eg__malloc(8);
	assert_non_null(a);
	assert_null(b);
	assert_int_equal(eg__alloc_count(), 2);
	eg__alloc_fail_reset();
	b = eg__malloc(8);
	assert_non_null(b);
	eg__free(a);
	eg__free(b);
	/* Overflowing calloc fails without allocating. */
	assert_null(eg__calloc(SIZE_MAX / 2, 4));
	eg_string_free(NULL);
}

static void test_utf8_validation(void **state)
{
	(void)state;
	size_t bad = 0;
	assert_true(eg__utf8_valid("昌吉回族自治州", strlen("昌吉回族自治州"), NULL));
	assert_true(eg__utf8_valid("\xF0\x9F\x98\x80", 4, NULL));     /* U+1F600, 4 bytes */
	assert_true(eg__utf8_valid("\xEE\x80\x80", 3, NULL));         /* U+E000, private use */
	assert_false(eg__utf8_valid("a\xC0\xAF", 3, &bad));           /* overlong '/' */
	assert_int_equal(bad, 1);
	assert_false(eg__utf8_valid("\xED\xA0\x80", 3, NULL));        /* surrogate U+D800 */
	assert_false(eg__utf8_valid("\xF4\x90\x80\x80", 4, NULL));    /* U+110000 */
	assert_false(eg__utf8_valid("\xE6\x98", 2, NULL));            /* truncated */
	assert_false(eg__utf8_valid("\x80", 1, NULL));                /* lone continuation */
	assert_int_equal(eg__utf8_count("昌吉a", strlen("昌吉a")), 3);
}

static void test_check_text_errors(void **state)
{
	(void)state;
	char big[80];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_error(eg__check_text(NULL, 64, "node ID"), EG_EINVAL, "node ID is NULL");
	assert_error(eg__check_text("", 64, "node ID"), EG_EINVAL, "empty");
	assert_error(eg__check_text(big, 64, "node ID"), EG_ERANGE, "at most 64");
	assert_error(eg__check_text("ab\xFF", 64, "name"), EG_EUTF8, "byte 2");
	assert_error(eg__check_text("a\tb", 64, "name"), EG_EINVAL, "control character");
	assert_int_equal(eg__check_text("昌吉市", 64, "name"), EG_OK);
	/* Exactly 64 bytes is allowed. */
	big[64] = '\0';
	assert_int_equal(eg__check_text(big, 64, "node ID"), EG_OK);
}

static void test_r0_3_dates_round_trip(void **state)
{
	(void)state;
	int64_t d;
	int y, m, dd;
	char buf[16];
	/* 1970-01-01 is day 0; 2000-03-01 is 11017 (30 years = 10957 days + Jan 31 + Feb 29). */
	assert_int_equal(eg__days_from_civil(1970, 1, 1), 0);
	assert_int_equal(eg__days_from_civil(2000, 3, 1), 10957 + 31 + 29);
	assert_int_equal(eg__date_parse(&d, "2024-02-29"), 0);
	eg__civil_from_days(d, &y, &m, &dd);
	assert_int_equal(y * 10000 + m * 100 + dd, 20240229);
	eg__date_format(buf, d);
	assert_string_equal(buf, "2024-02-29");
	assert_int_equal(eg__date_parse(&d, "2023-02-29"), -1); /* not a leap year */
	assert_int_equal(eg__date_parse(&d, "2023-2-28"), -1);  /* shape is strict */
	assert_int_equal(eg__date_parse(&d, "2023-02-28x"), -1);
	assert_int_equal(eg__weekday(eg__days_from_civil(2026, 11, 24)), 2); /* a Tuesday */
	assert_int_equal(eg__days_in_month(1900, 2), 28);
	assert_int_equal(eg__days_in_month(2000, 2), 29);
}

static void test_r0_4_month_index_is_consecutive(void **state)
{
	(void)state;
	int32_t a, b;
	char buf[8];
	assert_int_equal(eg__month_parse(&a, "2026-12"), 0);
	assert_int_equal(eg__month_parse(&b, "2027-01"), 0);
	assert_int_equal(b - a, 1); /* December to January is one calendar month */
	eg__month_format(buf, b);
	assert_string_equal(buf, "2027-01");
	assert_int_equal(eg__month_parse(&a, "2026-13"), -1);
	assert_int_equal(eg__month_parse(&a, "2026-00"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_matches_header),
		cmocka_unit_test(test_status_values_are_stable),
		cmocka_unit_test(test_strerror_covers_every_code),
		cmocka_unit_test(test_error_last_and_clear),
		cmocka_unit_test(test_error_can_wrap_the_previous_detail),
		cmocka_unit_test(test_error_is_thread_local),
		cmocka_unit_test(test_alloc_fault_injection),
		cmocka_unit_test(test_utf8_validation),
		cmocka_unit_test(test_check_text_errors),
		cmocka_unit_test(test_r0_3_dates_round_trip),
		cmocka_unit_test(test_r0_4_month_index_is_consecutive),
	};
	return cmocka_run_group_tests_name("common", tests, NULL, NULL);
}
