/* cases.h: CJ-A4-2.1, CJ-A4-2.3, CJ-A4-4.1 typical cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "util/alloc.h"

static void test_cj_a4_2_1_eligibility(void **state)
{
	(void)state;
	int e;
	/* Decision 2026-01-01, 60-day period: the 60th day (03-02) is still open; 03-03 final. */
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, "2026-03-02"), EG_OK);
	assert_int_equal(e, 0);
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, "2026-03-03"), EG_OK);
	assert_int_equal(e, 1);
	/* A lawsuit pending: not final, even after the period. */
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 1, NULL, "2026-12-01"), EG_OK);
	assert_int_equal(e, 0);
	/* Concluded on 2026-09-01: final from that day. */
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 1, "2026-09-01", "2026-09-01"), EG_OK);
	assert_int_equal(e, 1);
	assert_error(eg_case_eligible(&e, "2026-01-01", 0, 0, NULL, "2026-09-01"), EG_EINVAL, "legal period 0");
}

/* A text of exactly n Chinese characters. */
static char *chinese(size_t n)
{
	char *s = malloc(n * 3 + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + 3 * i, "案", 3);
	s[n * 3] = '\0';
	return s;
}

static void test_cj_a4_2_3_length_999_1000_1500_1501(void **state)
{
	(void)state;
	size_t cp;
	int64_t hit, which;
	const char *names[] = { "张三" };
	size_t lens[] = { 999, 1000, 1500, 1501 };
	int expect[] = { EG_ERANGE, EG_OK, EG_OK, EG_ERANGE };
	for (int i = 0; i < 4; i++) {
		char *t = chinese(lens[i]);
		int rc = eg_case_text_check(&cp, &hit, &which, t, names, 1);
		assert_int_equal(rc, expect[i]);
		assert_int_equal(cp, lens[i]); /* code points, not bytes (3 each) */
		free(t);
	}
	{
		char *t = chinese(1200), *anon = NULL;
		size_t rep;
		const char *ph[] = { "张某" };
		memcpy(t + 30, "张三", 6); /* 2 characters of 3 bytes replace 2 */
		assert_error(eg_case_text_check(&cp, &hit, &which, t, names, 1), EG_ESTATE, "names \"张三\" at byte 30");
		assert_int_equal(hit, 30);
		assert_int_equal(eg_case_anonymise(&anon, &rep, t, names, ph, 1), EG_OK);
		assert_int_equal(rep, 1);
		assert_int_equal(eg_case_text_check(&cp, &hit, &which, anon, names, 1), EG_OK);
		eg_string_free(anon);
		free(t);
	}
	{
		/* The longest name wins: "某某化工有限公司" before "某某". */
		const char *n2[] = { "宏达", "宏达化工有限公司" }, *p2[] = { "某人", "某公司" };
		char *anon = NULL;
		size_t rep;
		assert_int_equal(eg_case_anonymise(&anon, &rep, "宏达化工有限公司法定代表人宏达", n2, p2, 2), EG_OK);
		assert_string_equal(anon, "某公司法定代表人某人");
		assert_int_equal(rep, 2);
		eg_string_free(anon);
	}
}

static void test_cj_a4_4_1_quarterly_batches(void **state)
{
	(void)state;
	int q[4];
	const char *dates[] = { "2026-02-10", "2026-05-01", "2026-12-31", "2025-08-01" };
	assert_int_equal(eg_case_batches(q, dates, 4, 2026), EG_OK);
	assert_int_equal(q[0] + q[1] * 10 + q[2] * 100 + q[3] * 1000, 1011); /* Q3 missing (CJ-A4-4.1) */
}

/* Every NULL argument of the anonymiser and the batches is refused with EG_EINVAL. */
static void test_cj_a4_every_null_argument_is_einval(void **state)
{
	(void)state;
	const char *names[] = { "宏达" }, *ph[] = { "某人" };
	char *anon;
	size_t rep;
	int q[4];
	assert_error(eg_case_anonymise(NULL, &rep, "宏达", names, ph, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_anonymise(&anon, NULL, "宏达", names, ph, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_anonymise(&anon, &rep, NULL, names, ph, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", NULL, ph, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", names, NULL, 1), EG_EINVAL, "eg_case_anonymise");
	assert_error(eg_case_batches(NULL, names, 1, 2026), EG_EINVAL, "eg_case_batches");
	assert_error(eg_case_batches(q, NULL, 1, 2026), EG_EINVAL, "eg_case_batches");
}

/* ---- CJ-A4-2.1 / CJ-A4-2.3 errors and ties ---- */

static void test_cj_a4_2_1_eligibility_errors_and_concluded_later(void **state)
{
	(void)state;
	int e = -1;
	assert_error(eg_case_eligible(NULL, "2026-01-01", 60, 0, NULL, "2026-03-03"), EG_EINVAL, "eg_case_eligible: NULL");
	assert_error(eg_case_eligible(&e, NULL, 60, 0, NULL, "2026-03-03"), EG_EINVAL, "eg_case_eligible: NULL");
	assert_error(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, NULL), EG_EINVAL, "eg_case_eligible: NULL");
	assert_error(eg_case_eligible(&e, "2026-1-1", 60, 0, NULL, "2026-03-03"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, "2026-03-3"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_case_eligible(&e, "2026-01-01", 60, 1, "2026-9-1", "2026-09-01"), EG_EINVAL, "dates must be YYYY-MM-DD");
	assert_error(eg_case_eligible(&e, "2026-01-01", -1, 0, NULL, "2026-09-01"), EG_EINVAL, "legal period -1");
	/* Judged the day before the decision: refused; on the decision day: not final. */
	assert_error(eg_case_eligible(&e, "2026-01-01", 60, 0, NULL, "2025-12-31"), EG_EINVAL,
		     "2025-12-31 is before the decision on 2026-01-01");
	assert_int_equal(e, -1);
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 1, 0, NULL, "2026-01-01"), EG_OK);
	assert_int_equal(e, 0);
	/* Challenge concluded 09-01, judged 08-31: not final yet. */
	assert_int_equal(eg_case_eligible(&e, "2026-01-01", 60, 1, "2026-09-01", "2026-08-31"), EG_OK);
	assert_int_equal(e, 0);
}

static void test_cj_a4_2_3_earliest_of_several_names_and_errors(void **state)
{
	(void)state;
	size_t cp = 0;
	int64_t hit = -2, which = -2;
	char *t = chinese(1000);
	const char *names[] = { "张三", "李四" }, *empty[] = { "张三", "" }, *nulln[] = { NULL };
	/* 张三 at byte 30, 李四 at byte 9: the earliest (李四, index 1) is reported. */
	memcpy(t + 30, "张三", 6);
	memcpy(t + 9, "李四", 6);
	assert_error(eg_case_text_check(&cp, &hit, &which, t, names, 2), EG_ESTATE, "names \"李四\" at byte 9");
	assert_int_equal(hit, 9);
	assert_int_equal(which, 1);
	assert_int_equal(cp, 1000); /* 2 + 2 names of 2 characters replace 4 characters */
	/* Names not in the text at all: no hit, -1 and -1. */
	{
		const char *none[] = { "王五", "赵六" };
		char *clean = chinese(1000);
		assert_int_equal(eg_case_text_check(&cp, &hit, &which, clean, none, 2), EG_OK);
		assert_int_equal(hit, -1);
		assert_int_equal(which, -1);
		assert_int_equal(eg_case_text_check(&cp, &hit, &which, clean, NULL, 0), EG_OK);
		free(clean);
	}
	assert_error(eg_case_text_check(&cp, &hit, &which, t, empty, 2), EG_EINVAL, "sensitive name 1 is empty");
	assert_error(eg_case_text_check(&cp, &hit, &which, t, nulln, 1), EG_EINVAL, "sensitive name 0 is empty");
	assert_error(eg_case_text_check(&cp, &hit, &which, t, NULL, 1), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(NULL, &hit, &which, t, names, 2), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(&cp, NULL, &which, t, names, 2), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(&cp, &hit, NULL, t, names, 2), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(&cp, &hit, &which, NULL, names, 2), EG_EINVAL, "eg_case_text_check: NULL");
	assert_error(eg_case_text_check(&cp, &hit, &which, "案\xFF", names, 2), EG_EUTF8, "case text is not valid UTF-8");
	free(t);
}

static void test_cj_a4_2_3_anonymise_longest_name_listed_first_and_errors(void **state)
{
	(void)state;
	char *anon = NULL;
	size_t rep = 99;
	/* The longer name listed first: the shorter one (later) must not win over it. */
	const char *n2[] = { "宏达化工有限公司", "宏达" }, *p2[] = { "某公司", "某人" };
	const char *bad_ph[] = { "\xFF" }, *null_ph[] = { NULL }, *one[] = { "宏达" }, *empty[] = { "" };
	assert_int_equal(eg_case_anonymise(&anon, &rep, "宏达与宏达化工有限公司", n2, p2, 2), EG_OK);
	assert_string_equal(anon, "某人与某公司");
	assert_int_equal(rep, 2);
	eg_string_free(anon);
	/* No names: a copy. An empty text: the empty string. */
	assert_int_equal(eg_case_anonymise(&anon, &rep, "原文", NULL, NULL, 0), EG_OK);
	assert_string_equal(anon, "原文");
	assert_int_equal(rep, 0);
	eg_string_free(anon);
	assert_int_equal(eg_case_anonymise(&anon, &rep, "", one, p2, 1), EG_OK);
	assert_string_equal(anon, "");
	assert_int_equal(rep, 0);
	eg_string_free(anon);
	anon = NULL;
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", one, bad_ph, 1), EG_EINVAL, "name or placeholder 0 is empty or invalid");
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", one, null_ph, 1), EG_EINVAL, "name or placeholder 0");
	assert_error(eg_case_anonymise(&anon, &rep, "宏达", empty, p2, 1), EG_EINVAL, "name or placeholder 0");
	assert_error(eg_case_anonymise(&anon, &rep, "宏\xFF", one, p2, 1), EG_EUTF8, "case text is not valid UTF-8");
	assert_null(anon);
}

static void test_cj_a4_4_1_case_batches_errors(void **state)
{
	(void)state;
	int q[4] = { 9, 9, 9, 9 };
	const char *with_null[] = { "2026-01-01", NULL }, *bad[] = { "2026-04-31" };
	/* No publication: no quarter has a batch. */
	assert_int_equal(eg_case_batches(q, NULL, 0, 2026), EG_OK);
	assert_int_equal(q[0] + q[1] + q[2] + q[3], 0);
	assert_error(eg_case_batches(q, with_null, 2, 2026), EG_EINVAL, "publication date 1 \"(null)\"");
	assert_error(eg_case_batches(q, bad, 1, 2026), EG_EINVAL, "publication date 0 \"2026-04-31\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cj_a4_every_null_argument_is_einval),
		cmocka_unit_test(test_cj_a4_2_1_eligibility),
		cmocka_unit_test(test_cj_a4_2_3_length_999_1000_1500_1501),
		cmocka_unit_test(test_cj_a4_4_1_quarterly_batches),
		cmocka_unit_test(test_cj_a4_2_1_eligibility_errors_and_concluded_later),
		cmocka_unit_test(test_cj_a4_2_3_earliest_of_several_names_and_errors),
		cmocka_unit_test(test_cj_a4_2_3_anonymise_longest_name_listed_first_and_errors),
		cmocka_unit_test(test_cj_a4_4_1_case_batches_errors),
	};
	return cmocka_run_group_tests_name("cases", tests, NULL, NULL);
}
