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
#include "util/hmap.h"
#include "util/vec.h"

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

/* ---- util/alloc.h: overflow checks and zero sizes ---- */

static void test_alloc_mul_ok_boundaries(void **state)
{
	(void)state;
	size_t out = 7;
	/* size 0: never an overflow, the product is 0. */
	assert_int_equal(eg__mul_ok(&out, SIZE_MAX, 0), 1);
	assert_int_equal(out, 0);
	/* SIZE_MAX / 2 * 2 = SIZE_MAX - 1 fits; (SIZE_MAX / 2 + 1) * 2 = SIZE_MAX + 1 does not. */
	assert_int_equal(eg__mul_ok(&out, SIZE_MAX / 2, 2), 1);
	assert_true(out == SIZE_MAX - 1);
	out = 7;
	assert_int_equal(eg__mul_ok(&out, SIZE_MAX / 2 + 1, 2), 0);
	assert_int_equal(out, 0); /* set to 0 on overflow */
	assert_int_equal(eg__mul_ok(&out, 3, 5), 1);
	assert_int_equal(out, 15);
}

static void test_alloc_calloc_zero_sizes_and_overflow(void **state)
{
	(void)state;
	unsigned char *p;
	/* A zero-sized calloc still returns a freeable block. */
	p = eg__calloc(0, 8);
	assert_non_null(p);
	eg__free(p);
	p = eg__calloc(8, 0);
	assert_non_null(p);
	eg__free(p);
	/* 4 elements of 3 bytes = 12 bytes, zeroed. */
	p = eg__calloc(4, 3);
	assert_non_null(p);
	for (int i = 0; i < 12; i++)
		assert_int_equal(p[i], 0);
	eg__free(p);
	/* SIZE_MAX / 2 + 1 elements of 2 bytes is SIZE_MAX + 1: refused before
	 * the fault injector even counts an allocation. */
	eg__alloc_fail_reset();
	assert_null(eg__calloc(SIZE_MAX / 2 + 1, 2));
	assert_int_equal(eg__alloc_count(), 0);
	/* An injected failure of a calloc that fits is counted. */
	eg__alloc_fail_after(0);
	assert_null(eg__calloc(1, 1));
	assert_int_equal(eg__alloc_count(), 1);
	eg__alloc_fail_reset();
}

static void test_alloc_strndup_size_max_and_realloc_failure(void **state)
{
	(void)state;
	char *d, *r;
	/* n = SIZE_MAX would need SIZE_MAX + 1 bytes: refused without allocating. */
	eg__alloc_fail_reset();
	assert_null(eg__strndup("abc", SIZE_MAX));
	assert_int_equal(eg__alloc_count(), 0);
	/* Copies exactly n bytes and terminates. */
	d = eg__strndup("abcdef", 3);
	assert_non_null(d);
	assert_string_equal(d, "abc");
	/* A failing realloc returns NULL and leaves the old block untouched. */
	eg__alloc_fail_after(0);
	assert_null(eg__realloc(d, 64));
	assert_null(eg__strndup("x", 1));
	eg__alloc_fail_reset();
	assert_string_equal(d, "abc");
	r = eg__realloc(d, 0); /* size 0: still a valid block */
	assert_non_null(r);
	eg__free(r);
	r = eg__malloc(0);
	assert_non_null(r);
	eg__free(r);
}

/* ---- util/error.h ---- */

typedef struct fresh_error {
	int code;
	int message_null;
	char message[8];
} fresh_error;

static void *thread_reads_fresh_error(void *arg)
{
	fresh_error *f = arg;
	const eg_error *e = eg_error_last();
	f->code = e->code;
	f->message_null = e->message == NULL;
	if (e->message)
		snprintf(f->message, sizeof f->message, "%s", e->message);
	return NULL;
}

static void test_error_last_on_a_fresh_thread_is_empty_not_null(void **state)
{
	(void)state;
	pthread_t t;
	fresh_error f = { -99, 1, "x" };
	/* A thread that has never failed sees code 0 and an empty, non-NULL
	 * message (bindings read ->message unconditionally). */
	assert_int_equal(pthread_create(&t, NULL, thread_reads_fresh_error, &f), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(f.code, EG_OK);
	assert_int_equal(f.message_null, 0);
	assert_string_equal(f.message, "");
}

static void test_error_nomem_and_long_messages(void **state)
{
	(void)state;
	char big[2000];
	assert_error(eg__error_nomem("loading the grid"), EG_ENOMEM, "out of memory while loading the grid");
	/* A message longer than the 1024-byte buffer is cut to 1023 bytes, never overrun. */
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(eg__error(EG_EINVAL, "%s", big), EG_EINVAL);
	assert_int_equal(strlen(eg_error_last()->message), 1023);
}

/* ---- util/text.h ---- */

static void test_utf8_seq_lengths_and_rejections(void **state)
{
	(void)state;
	/* ASCII is 1; é U+00E9 is 2; 昌 U+660C is 3; U+1F600 is 4. */
	assert_int_equal(eg__utf8_seq((const unsigned char *)"a", 1), 1);
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xC3\xA9", 2), 2);
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xE6\x98\x8C", 3), 3);
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xF0\x9F\x98\x80", 4), 4);
	/* Too few bytes available: 0 even though the bytes that follow are fine. */
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xE6\x98\x8C", 2), 0);
	/* Leads C0, C1 (always overlong) and F5 (beyond U+10FFFF) are never valid. */
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xC1\xBF", 2), 0);
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xF5\x80\x80\x80", 4), 0);
	/* E0 80 80 would be U+0000 in 3 bytes: overlong. Boundary U+0800 (E0 A0 80) is fine. */
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xE0\x80\x80", 3), 0);
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xE0\xA0\x80", 3), 3);
	/* Surrogate boundaries: U+D7FF valid, U+D800 and U+DFFF not, U+E000 valid. */
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xED\x9F\xBF", 3), 3);
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xED\xBF\xBF", 3), 0);
	/* U+10FFFF (F4 8F BF BF) is the last code point; a bad continuation byte fails. */
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xF4\x8F\xBF\xBF", 4), 4);
	assert_int_equal(eg__utf8_seq((const unsigned char *)"\xF0\x9F\x28\x80", 4), 0);
}

static void test_quote_replaces_and_truncates(void **state)
{
	(void)state;
	char out[96];
	/* Control characters (TAB, DEL) and invalid bytes become '?'; UTF-8 stays. */
	eg__quote(out, sizeof out, "a\tb\x7F" "c\xFF" "昌", 9);
	assert_string_equal(out, "a?b?c?昌");
	/* outsz 8: "abc" (3) then no room for "d" plus 4 reserved bytes (3 + 4 + 1 >= 8):
	 * the ellipsis (3 bytes) is written instead: "abc…" is 6 bytes + NUL. */
	eg__quote(out, 8, "abcdefghij", 10);
	assert_string_equal(out, "abc\xE2\x80\xA6");
	/* outsz 4: room for the ellipsis alone (0 + 4 <= 4). */
	eg__quote(out, 4, "abcdefghij", 10);
	assert_string_equal(out, "\xE2\x80\xA6");
	/* outsz 3: not even the ellipsis fits (0 + 4 > 3): the empty string. */
	memset(out, 'z', sizeof out);
	eg__quote(out, 3, "abcdefghij", 10);
	assert_string_equal(out, "");
	/* outsz 0: nothing is written at all. */
	memset(out, 'z', sizeof out);
	eg__quote(out, 0, "abc", 3);
	assert_int_equal(out[0], 'z');
}

static void test_check_text_n_errors_and_limits(void **state)
{
	(void)state;
	assert_error(eg__check_text_n(NULL, 3, 64, "stratum name"), EG_EINVAL, "stratum name is NULL");
	assert_error(eg__check_text_n("abc", 0, 64, "stratum name"), EG_EINVAL, "stratum name is empty");
	/* 4 bytes with a limit of 3: one over. 3 bytes with a limit of 3: exactly. */
	assert_error(eg__check_text_n("abcd", 4, 3, "code"), EG_ERANGE, "\"abcd\" is 4 bytes long; at most 3 allowed");
	assert_int_equal(eg__check_text_n("abcd", 3, 3, "code"), EG_OK);
	/* DEL (0x7F) is a control character too. */
	assert_error(eg__check_text_n("a\x7F", 2, 64, "name"), EG_EINVAL, "control character at byte 1");
	/* A multi-byte character cut by len is invalid UTF-8 at its lead byte. */
	assert_error(eg__check_text_n("x昌", 3, 64, "name"), EG_EUTF8, "byte 1");
	assert_int_equal(eg__check_text_n("x昌", 4, 64, "name"), EG_OK);
}

/* ---- util/date.h: R0.3 calendar edges ---- */

static void test_r0_3_leap_years_and_month_lengths(void **state)
{
	(void)state;
	/* Divisible by 4 but not 100: leap; by 100 not 400: common; by 400: leap. */
	assert_int_equal(eg__is_leap(2024), 1);
	assert_int_equal(eg__is_leap(2026), 0);
	assert_int_equal(eg__is_leap(1900), 0);
	assert_int_equal(eg__is_leap(2000), 1);
	assert_int_equal(eg__days_in_month(2026, 0), 0);
	assert_int_equal(eg__days_in_month(2026, 13), 0);
	assert_int_equal(eg__days_in_month(2026, 1), 31);
	assert_int_equal(eg__days_in_month(2026, 4), 30);
	assert_int_equal(eg__days_in_month(2024, 2), 29);
	/* Years 1..9999, months 1..12, days 1..month length. */
	assert_int_equal(eg__date_valid(1, 1, 1), 1);
	assert_int_equal(eg__date_valid(9999, 12, 31), 1);
	assert_int_equal(eg__date_valid(0, 12, 31), 0);
	assert_int_equal(eg__date_valid(10000, 1, 1), 0);
	assert_int_equal(eg__date_valid(2026, 0, 1), 0);
	assert_int_equal(eg__date_valid(2026, 13, 1), 0);
	assert_int_equal(eg__date_valid(2026, 1, 0), 0);
	assert_int_equal(eg__date_valid(2026, 4, 31), 0);
	assert_int_equal(eg__date_valid(2026, 4, 30), 1);
}

static void test_r0_3_days_before_1970_and_year_0(void **state)
{
	(void)state;
	int y, m, d;
	char buf[16];
	/* 0001-01-01 is 719162 days before 1970-01-01 (proleptic Gregorian). */
	assert_int_equal(eg__days_from_civil(1, 1, 1), -719162);
	eg__civil_from_days(-719162, &y, &m, &d);
	assert_int_equal(y * 10000 + m * 100 + d, 10101);
	/* 9999-12-31 is day 2932896. */
	assert_int_equal(eg__days_from_civil(9999, 12, 31), 2932896);
	eg__date_format(buf, 2932896);
	assert_string_equal(buf, "9999-12-31");
	/* Year 0 is a leap year: 0000-01-01 = -719162 - 366 = -719528; 02-29 is
	 * 31 + 28 days later = -719469, the last day of the era before 0000-03-01
	 * (-719468), so both era computations take their negative branch. */
	assert_int_equal(eg__days_from_civil(0, 2, 29), -719469);
	assert_int_equal(eg__days_from_civil(0, 3, 1), -719468);
	eg__civil_from_days(-719469, &y, &m, &d);
	assert_int_equal(y, 0);
	assert_int_equal(m * 100 + d, 229);
	eg__date_format(buf, -719469);
	assert_string_equal(buf, "0000-02-29");
	/* Weekdays before 1970: 1969-12-28 was a Sunday (7), 12-29 a Monday (1),
	 * 12-31 a Wednesday (3). */
	assert_int_equal(eg__weekday(-4), 7);
	assert_int_equal(eg__weekday(-3), 1);
	assert_int_equal(eg__weekday(-1), 3);
	assert_int_equal(eg__weekday(0), 4); /* 1970-01-01, Thursday */
}

static void test_r0_3_date_parse_rejects_each_malformed_part(void **state)
{
	(void)state;
	int64_t d = 12345;
	static const char *const bad[] = {
		"20x6-01-01", /* year not digits */
		"2026/01-01", /* first separator */
		"2026-0x-01", /* month not digits */
		"2026-01/01", /* second separator */
		"2026-01-0x", /* day not digits */
		"2026-01-01 ", /* trailing text */
		"0000-01-01", /* year 0 */
		"2026-04-31", /* April has 30 days */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (eg__date_parse(&d, bad[i]) != -1)
			fail_msg("\"%s\" was accepted", bad[i]);
		assert_int_equal(d, 12345); /* untouched on failure */
	}
	assert_int_equal(eg__date_parse(&d, NULL), -1);
	assert_int_equal(eg__date_parse(&d, "2026-01-01"), 0);
	assert_int_equal(d, 20454); /* 56 years of 365 days + 14 leap days */
}

static void test_r0_3_datetime_parse_limits(void **state)
{
	(void)state;
	int64_t t = 1;
	static const char *const bad[] = {
		"2026-01-01 0:00",   /* 15 characters */
		"2026-01-01 00:000", /* 17 characters */
		"2026-01-01X00:00",  /* separator neither space nor T */
		"2026-01-01 00-00",  /* colon */
		"2026-01-01 x0:00",  /* hour not digits */
		"2026-01-01 00:0x",  /* minute not digits */
		"2026-01-01 24:00",  /* 24:00 is not allowed (R0.3) */
		"2026-01-01 23:60",  /* minute 60 */
		"2026-02-29 12:00",  /* 2026 is not a leap year */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (eg__datetime_parse(&t, bad[i]) != -1)
			fail_msg("\"%s\" was accepted", bad[i]);
		assert_int_equal(t, 1);
	}
	assert_int_equal(eg__datetime_parse(&t, NULL), -1);
	/* 2026-01-01 is day 20454: 20454 * 1440 + 1 = 29453761 at 00:01; the T form is the same. */
	assert_int_equal(eg__datetime_parse(&t, "2026-01-01T00:01"), 0);
	assert_int_equal(t, 29453761);
	/* 23:59 is the last minute of the day: 20454 * 1440 + 1439 = 29455199. */
	assert_int_equal(eg__datetime_parse(&t, "2026-01-01 23:59"), 0);
	assert_int_equal(t, 29455199);
}

static void test_r0_4_month_parse_rejects_each_malformed_part(void **state)
{
	(void)state;
	int32_t mi = 5;
	static const char *const bad[] = { "20x6-01", "2026/01", "2026-x1", "2026-01-", "0000-01", "2026-1" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (eg__month_parse(&mi, bad[i]) != -1)
			fail_msg("\"%s\" was accepted", bad[i]);
		assert_int_equal(mi, 5);
	}
	assert_int_equal(eg__month_parse(&mi, NULL), -1);
	/* 0001-01 is month index 1 * 12 + 0 = 12; 9999-12 is 9999 * 12 + 11 = 119999. */
	assert_int_equal(eg__month_parse(&mi, "0001-01"), 0);
	assert_int_equal(mi, 12);
	assert_int_equal(eg__month_parse(&mi, "9999-12"), 0);
	assert_int_equal(mi, 119999);
}

/* util/vec: doubling from `first`, the block kept when big enough, and on
 * failure (allocation or size overflow) nothing changed. */
static void test_util_vec_reserve_grows_and_fails_cleanly(void **state)
{
	(void)state;
	int *v = NULL, *t;
	size_t cap = 0;
	t = eg__vec_reserve(v, &cap, 1, sizeof *v, 4);
	assert_non_null(t);
	assert_int_equal(cap, 4); /* first */
	v = t;
	for (int i = 0; i < 4; i++)
		v[i] = i;
	assert_ptr_equal(eg__vec_reserve(v, &cap, 4, sizeof *v, 4), v); /* big enough: same block */
	t = eg__vec_reserve(v, &cap, 5, sizeof *v, 4);
	assert_non_null(t);
	assert_int_equal(cap, 8); /* 4 doubled */
	v = t;
	assert_int_equal(v[3], 3); /* contents moved */
	t = eg__vec_reserve(v, &cap, 33, sizeof *v, 4);
	assert_int_equal(cap, 64); /* 8 -> 16 -> 32 -> 64 */
	v = t;
	/* Overflow of need * elem: NULL, capacity unchanged, block still valid. */
	assert_null(eg__vec_reserve(v, &cap, SIZE_MAX / 2, 16, 4));
	assert_null(eg__vec_reserve(v, &cap, SIZE_MAX, 1, 4));
	assert_int_equal(cap, 64);
	/* An allocation failure: the same. */
	eg__alloc_fail_after(0);
	assert_null(eg__vec_reserve(v, &cap, 65, sizeof *v, 4));
	eg__alloc_fail_reset();
	assert_int_equal(cap, 64);
	assert_int_equal(v[3], 3);
	eg__free(v);
}

static const char *const hkeys[] = { "652301", "652302", "652323", "652327", "652328" };

/* The key looked for, as the table's callbacks take it. */
typedef struct hk {
	const char *s;
} hk;
#define HK(str) (&(hk){ (str) })

static int hkey_eq(void *key, uint32_t value)
{
	return strcmp(hkeys[value], ((const hk *)key)->s) == 0;
}

/* util/hmap: insert and find through the caller's equality, duplicates
 * reported, growth by stored hashes (colliding hashes included), and a
 * failed reserve leaves the table as it was. */
static void test_util_hmap_insert_find_grow(void **state)
{
	(void)state;
	eg__hmap m = { NULL, 0 };
	/* Hash 7 for three keys: they collide and probe. */
	const uint32_t h[] = { 7, 7, 123456789, 7, 0xFFFFFFFFu };
	assert_int_equal(eg__hmap_find(&m, 7, hkey_eq, HK("652301")), EG__HMAP_NONE); /* empty, never reserved */
	assert_int_equal(eg__hmap_reserve(&m, 3, "testing"), EG_OK);
	assert_int_equal(m.cap, 16); /* at least 16 */
	for (uint32_t i = 0; i < 3; i++)
		assert_int_equal(eg__hmap_insert(&m, h[i], i, hkey_eq, HK(hkeys[i])), EG__HMAP_NONE);
	/* "652301" again under its hash: the stored value comes back, nothing stored. */
	assert_int_equal(eg__hmap_insert(&m, 7, 9, hkey_eq, HK("652301")), 0);
	assert_int_equal(eg__hmap_find(&m, 7, hkey_eq, HK("652302")), 1);
	assert_int_equal(eg__hmap_find(&m, 123456789, hkey_eq, HK("652323")), 2);
	assert_int_equal(eg__hmap_find(&m, 7, hkey_eq, HK("652323")), EG__HMAP_NONE); /* right key, wrong hash */
	/* Grow to 13 entries (16 * 3/4 = 12 < 13 -> 32), moving slots by stored hash. */
	assert_int_equal(eg__hmap_reserve(&m, 13, "testing"), EG_OK);
	assert_int_equal(m.cap, 32);
	for (uint32_t i = 3; i < 5; i++)
		assert_int_equal(eg__hmap_insert(&m, h[i], i, NULL, NULL), EG__HMAP_NONE);
	for (uint32_t i = 0; i < 5; i++)
		assert_int_equal(eg__hmap_find(&m, h[i], hkey_eq, HK(hkeys[i])), i);
	/* Reserving less than the capacity keeps the table. */
	assert_int_equal(eg__hmap_reserve(&m, 2, "testing"), EG_OK);
	assert_int_equal(m.cap, 32);
	/* A failed growth: EG_ENOMEM naming the operation, the table unchanged. */
	eg__alloc_fail_after(0);
	assert_error(eg__hmap_reserve(&m, 1000, "indexing the test"), EG_ENOMEM, "indexing the test");
	eg__alloc_fail_reset();
	assert_int_equal(m.cap, 32);
	assert_int_equal(eg__hmap_find(&m, 0xFFFFFFFFu, hkey_eq, HK("652328")), 4);
	assert_error(eg__hmap_reserve(&m, SIZE_MAX, "indexing the test"), EG_ERANGE, "too many");
	assert_int_equal(eg__hmap_cap_for(12), 16);
	assert_int_equal(eg__hmap_cap_for(13), 32);
	eg__hmap_free(&m);
	assert_null(m.slot);
	assert_int_equal(m.cap, 0);
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
		cmocka_unit_test(test_alloc_mul_ok_boundaries),
		cmocka_unit_test(test_alloc_calloc_zero_sizes_and_overflow),
		cmocka_unit_test(test_alloc_strndup_size_max_and_realloc_failure),
		cmocka_unit_test(test_error_last_on_a_fresh_thread_is_empty_not_null),
		cmocka_unit_test(test_error_nomem_and_long_messages),
		cmocka_unit_test(test_utf8_seq_lengths_and_rejections),
		cmocka_unit_test(test_quote_replaces_and_truncates),
		cmocka_unit_test(test_check_text_n_errors_and_limits),
		cmocka_unit_test(test_r0_3_leap_years_and_month_lengths),
		cmocka_unit_test(test_r0_3_days_before_1970_and_year_0),
		cmocka_unit_test(test_r0_3_date_parse_rejects_each_malformed_part),
		cmocka_unit_test(test_r0_3_datetime_parse_limits),
		cmocka_unit_test(test_r0_4_month_parse_rejects_each_malformed_part),
		cmocka_unit_test(test_util_vec_reserve_grows_and_fails_cleanly),
		cmocka_unit_test(test_util_hmap_insert_find_grow),
	};
	return cmocka_run_group_tests_name("common", tests, NULL, NULL);
}
