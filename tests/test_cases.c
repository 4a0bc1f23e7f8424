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

/* The caller's official calendar: weekends, National Day 1-7 October 2026; 2025-2027 covered. */
static eg_duty_workdays *calendar(void)
{
	eg_duty_workdays *w = NULL;
	char d[11];
	assert_int_equal(eg_duty_workdays_new(&w), EG_OK);
	assert_int_equal(eg_duty_workdays_cover(w, 2025, 2027), EG_OK);
	for (int k = 1; k <= 7; k++) {
		snprintf(d, sizeof d, "2026-10-%02d", k);
		assert_int_equal(eg_duty_workdays_set(w, d, EG_DUTY_DAY_HOLIDAY), EG_OK);
	}
	return w;
}

/* Eligible on `on`? and the first day, through the out-parameters. */
static int elig(char *from, const eg_case_facts *f, const eg_duty_workdays *w, const char *on)
{
	int e = -1;
	assert_int_equal(eg_case_eligible(&e, from, f, w, on), EG_OK);
	return e;
}

/* CJ-A4-2.1 "Lawsuit (行政诉讼): six months, calendar months … Example: known 15
 * March, last day 15 September"; "both periods run from service". */
static void test_cj_a4_2_1_six_months_from_service(void **state)
{
	(void)state;
	eg_duty_workdays *w = calendar();
	eg_case_facts f = EG_CASE_FACTS_INIT;
	char from[11];
	f.decision = "2026-03-10", f.served = "2026-03-15";
	/* Review: 15 March + 60 days = 14 May; lawsuit: 15 September (a Tuesday).
	 * The lawsuit's last day is still open: eligible from 16 September. The old
	 * reading (decision + 180 days = 6 September) published ten days too early. */
	assert_int_equal(elig(from, &f, w, "2026-09-15"), 0);
	assert_string_equal(from, "2026-09-16");
	assert_int_equal(elig(from, &f, w, "2026-09-16"), 1);
	/* On the spot (no service): known on the decision's day, 10 September is the last day. */
	f.served = NULL;
	assert_int_equal(elig(from, &f, w, "2026-09-10"), 0);
	assert_string_equal(from, "2026-09-11");
	/* "the period ends on … the month's last day when there is none": 31 March -> 30 September. */
	f.decision = f.served = "2026-03-31";
	assert_int_equal(elig(from, &f, w, "2026-10-01"), 1);
	assert_string_equal(from, "2026-10-01");
	/* "when a period's last day is a statutory holiday, the period ends on the
	 * first day after it": 1 April + 6 months = 1 October, National Day -> 8 October. */
	f.decision = f.served = "2026-04-01";
	assert_int_equal(elig(from, &f, w, "2026-10-08"), 0);
	assert_string_equal(from, "2026-10-09");
	/* "Weekends count as such holidays": 27 June + 6 months = Sun 27 December -> Mon 28. */
	f.decision = f.served = "2026-06-27";
	assert_int_equal(elig(from, &f, w, "2026-12-28"), 0);
	assert_string_equal(from, "2026-12-29");
	/* 31 August + 6 months = 28 February 2027 (no 31st), a Sunday -> Monday 1 March. */
	f.decision = f.served = "2026-08-31";
	assert_int_equal(elig(from, &f, w, "2027-03-02"), 1);
	assert_string_equal(from, "2027-03-02");
	/* A longer period set by another law (“法律另有规定”): 90 days and 12 months. */
	f.decision = f.served = "2026-03-15", f.review_days = 90, f.lawsuit_months = 12;
	assert_int_equal(elig(from, &f, w, "2027-03-15"), 0);
	assert_string_equal(from, "2027-03-16"); /* 15 March 2027 is a Monday */
	eg_duty_workdays_free(w);
}

/* CJ-A4-2.1 "Party not informed: … review runs from when the party learns of
 * them, at most 1 year from knowing the decision … a lawsuit is allowed up to
 * 1 year in the same way". */
static void test_cj_a4_2_1_party_not_informed(void **state)
{
	(void)state;
	eg_duty_workdays *w = calendar();
	eg_case_facts f = EG_CASE_FACTS_INIT;
	char from[11];
	f.decision = "2026-03-10", f.served = "2026-03-15", f.informed = 0;
	/* Not yet learned: 1 year from knowing, 15 March 2027 (Monday): from the 16th. */
	assert_int_equal(elig(from, &f, w, "2027-03-15"), 0);
	assert_string_equal(from, "2027-03-16");
	/* Learned on 10 May: review to 9 July, lawsuit to 10 November: from 11 November. */
	f.learned = "2026-05-10";
	assert_int_equal(elig(from, &f, w, "2026-11-11"), 1);
	assert_string_equal(from, "2026-11-11");
	/* Learned on 10 January 2027: six months would end in July, but 1 year caps it at 15 March. */
	f.learned = "2027-01-10";
	assert_int_equal(elig(from, &f, w, "2027-03-16"), 1);
	assert_string_equal(from, "2027-03-16");
	f.learned = "2026-03-14";
	assert_error(eg_case_eligible(&(int){ 0 }, from, &f, w, "2027-01-01"), EG_EINVAL, "before knowing");
	eg_duty_workdays_free(w);
}

/* CJ-A4-2.1 (b) "a review decision that is final by law or was not challenged
 * in time, or a judgment or ruling that has taken legal effect". */
static void test_cj_a4_2_1_challenges_and_appeals(void **state)
{
	(void)state;
	eg_duty_workdays *w = calendar();
	eg_case_facts f = EG_CASE_FACTS_INIT;
	char from[11];
	f.decision = "2026-03-10", f.served = "2026-03-15";
	/* "A case with a pending review, lawsuit or appeal is not eligible." */
	f.review = EG_CASE_CHALLENGE_PENDING;
	assert_int_equal(elig(from, &f, w, "2027-12-31"), 0);
	assert_string_equal(from, "");
	/* Review decision received 20 May: a lawsuit within 15 days (art. 45), to Thu 4 June. */
	f.review = EG_CASE_CHALLENGE_DECIDED, f.review_date = "2026-05-20";
	assert_int_equal(elig(from, &f, w, "2026-06-04"), 0);
	assert_int_equal(elig(from, &f, w, "2026-06-05"), 1);
	/* A review decision final by law, on 1 June: eligible that day. */
	f.review = EG_CASE_CHALLENGE_FINAL, f.review_date = "2026-06-01";
	assert_int_equal(elig(from, &f, w, "2026-06-01"), 1);
	assert_int_equal(elig(from, &f, w, "2026-05-31"), 0);
	/* A lawsuit after the review, pending: not eligible whatever the review. */
	f.lawsuit = EG_CASE_CHALLENGE_PENDING;
	assert_int_equal(elig(from, &f, w, "2027-12-31"), 0);
	/* First-instance judgment received 16 September: appeal within 15 days, to 1
	 * October, a holiday -> 8 October; eligible from the 9th. A ruling: 10 days, to
	 * Sat 26 September -> Mon 28th; eligible from the 29th. */
	f.lawsuit = EG_CASE_CHALLENGE_DECIDED, f.lawsuit_date = "2026-09-16";
	assert_int_equal(elig(from, &f, w, "2026-10-08"), 0);
	assert_string_equal(from, "2026-10-09");
	f.lawsuit_ruling = 1;
	assert_int_equal(elig(from, &f, w, "2026-09-29"), 1);
	assert_string_equal(from, "2026-09-29");
	/* The judgment took legal effect on 2 November: from that day. */
	f.lawsuit = EG_CASE_CHALLENGE_FINAL, f.lawsuit_date = "2026-11-02";
	assert_int_equal(elig(from, &f, w, "2026-11-01"), 0);
	assert_int_equal(elig(from, &f, w, "2026-11-02"), 1);
	/* A lawsuit directly, no review. */
	f.review = EG_CASE_CHALLENGE_NONE, f.review_date = NULL;
	assert_int_equal(elig(from, &f, w, "2026-11-02"), 1);
	eg_duty_workdays_free(w);
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

static void test_cj_a4_2_1_eligibility_errors(void **state)
{
	(void)state;
	eg_duty_workdays *w = calendar(), *empty = NULL;
	eg_case_facts f = EG_CASE_FACTS_INIT, x;
	char from[11];
	int e = -1;
	f.decision = "2026-03-10", f.served = "2026-03-15";
	assert_error(eg_case_eligible(NULL, from, &f, w, "2026-10-01"), EG_EINVAL, "eg_case_eligible: NULL");
	assert_error(eg_case_eligible(&e, from, NULL, w, "2026-10-01"), EG_EINVAL, "eg_case_eligible: NULL");
	assert_error(eg_case_eligible(&e, from, &f, NULL, "2026-10-01"), EG_EINVAL, "calendar is required");
	assert_error(eg_case_eligible(&e, from, &f, w, NULL), EG_EINVAL, "eg_case_eligible: NULL");
	assert_int_equal(eg_case_eligible(&e, NULL, &f, w, "2026-10-01"), EG_OK); /* from may be NULL */
	assert_int_equal(e, 1);
#define BADF(field, value, needle)                                                                                    \
	do {                                                                                                           \
		x = f;                                                                                                 \
		x.field = value;                                                                                       \
		assert_error(eg_case_eligible(&e, from, &x, w, "2026-10-01"), EG_EINVAL, needle);                     \
	} while (0)
	BADF(version, 2, "version 2");
	BADF(decision, NULL, "decision date");
	BADF(decision, "2026-3-10", "decision date");
	BADF(served, "2026-03-09", "before the decision");
	BADF(served, "2026-02-30", "service date");
	BADF(review_days, 0, "periods of 0 days");
	BADF(lawsuit_months, 121, "121 months");
	BADF(review, 4, "challenge states 4");
	BADF(lawsuit, -1, "challenge states");
#undef BADF
	x = f;
	x.review = EG_CASE_CHALLENGE_PENDING, x.lawsuit = EG_CASE_CHALLENGE_DECIDED;
	assert_error(eg_case_eligible(&e, from, &x, w, "2026-10-01"), EG_EINVAL, "review is still pending");
	x.review = EG_CASE_CHALLENGE_DECIDED, x.lawsuit = EG_CASE_CHALLENGE_NONE;
	assert_error(eg_case_eligible(&e, from, &x, w, "2026-10-01"), EG_EINVAL, "review date");
	x.review = EG_CASE_CHALLENGE_NONE, x.lawsuit = EG_CASE_CHALLENGE_FINAL;
	assert_error(eg_case_eligible(&e, from, &x, w, "2026-10-01"), EG_EINVAL, "lawsuit date");
	assert_error(eg_case_eligible(&e, from, &f, w, "2026-10-1"), EG_EINVAL, "date judged");
	/* A calendar that does not cover the period's last day is not guessed. */
	assert_int_equal(eg_duty_workdays_new(&empty), EG_OK);
	assert_error(eg_case_eligible(&e, from, &f, empty, "2026-10-01"), EG_ERANGE, "does not cover 2026");
	{
		eg_case_facts y;
		memset(&y, 0x5a, sizeof y);
		assert_error(eg_case_facts_init(&y, 0), EG_EINVAL, "version 0");
		assert_int_equal(y.version, 0x5a5a5a5au);
		assert_int_equal(eg_case_facts_init(&y, EG_CASE_FACTS_VERSION), EG_OK);
		assert_int_equal(y.informed, 1);
		assert_int_equal(y.review_days, 60);
		assert_int_equal(y.lawsuit_months, 6);
		assert_error(eg_case_facts_init(NULL, EG_CASE_FACTS_VERSION), EG_EINVAL, "NULL");
	}
	eg_duty_workdays_free(empty);
	eg_duty_workdays_free(w);
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
		cmocka_unit_test(test_cj_a4_2_1_six_months_from_service),
		cmocka_unit_test(test_cj_a4_2_1_party_not_informed),
		cmocka_unit_test(test_cj_a4_2_1_challenges_and_appeals),
		cmocka_unit_test(test_cj_a4_2_3_length_999_1000_1500_1501),
		cmocka_unit_test(test_cj_a4_4_1_quarterly_batches),
		cmocka_unit_test(test_cj_a4_2_1_eligibility_errors),
		cmocka_unit_test(test_cj_a4_2_3_earliest_of_several_names_and_errors),
		cmocka_unit_test(test_cj_a4_2_3_anonymise_longest_name_listed_first_and_errors),
		cmocka_unit_test(test_cj_a4_4_1_case_batches_errors),
	};
	return cmocka_run_group_tests_name("cases", tests, NULL, NULL);
}
