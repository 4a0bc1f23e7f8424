/* inspect.h: DG-6 pool, DG-7 classes, DG-8/10/11 quotas, DG-8 coverage. */
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

static void test_dg_6_pool_85_percent_with_ties_at_the_cut(void **state)
{
	(void)state;
	const char *ids[] = { "E", "A", "B", "C", "D" };
	int64_t em[] = { 5, 50, 20, 15, 10 }, tie[] = { 5, 50, 20, 12, 12 };
	size_t pool[5], n = 0;
	/* Total 100, by emissions A 50, B 20, C 15, D 10, E 5. At 850 per mille:
	 * A 50000 < 85000, A+B 70000 < 85000, A+B+C 85000 >= 85000 (exactly 85 %): 3. */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, em, 5, 850), EG_OK);
	assert_int_equal(n, 3);
	assert_string_equal(ids[pool[0]], "A");
	assert_string_equal(ids[pool[1]], "B");
	assert_string_equal(ids[pool[2]], "C");
	/* At 860: 85000 < 86000, + D 10 -> 95000 >= 86000: 4. */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, em, 5, 860), EG_OK);
	assert_int_equal(n, 4);
	/* Tie at the cut: total 99 with C and D both 12; at 800 the threshold is
	 * 79200: A+B 70000 < 79200, + C 82000 >= 79200 -> cut at C, and D ties
	 * with C, so D is taken too: 4, not 3 (the cut is never decided by ID). */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, tie, 5, 800), EG_OK);
	assert_int_equal(n, 4);
	{
		const char *dup[] = { "A", "A" };
		int64_t z[] = { 0, 0 }, neg[] = { 1, -1 };
		/* A, B, A with emissions 1, 5, 10: in emission order the two A are apart (A B A). */
		const char *apart[] = { "A", "B", "A" };
		int64_t e3[] = { 1, 5, 10 };
		assert_error(eg_inspect_pool(pool, &n, dup, em, 2, 850), EG_EINVAL, "A is listed twice");
		assert_error(eg_inspect_pool(pool, &n, apart, e3, 3, 850), EG_EINVAL, "A is listed twice");
		assert_error(eg_inspect_pool(pool, &n, ids, z, 2, 850), EG_EINVAL, "total emissions are 0");
		assert_error(eg_inspect_pool(pool, &n, ids, neg, 2, 850), EG_EINVAL, "emissions -1 are negative");
		assert_error(eg_inspect_pool(pool, &n, ids, em, 5, 1001), EG_ERANGE, "1001");
	}
}

/* DG-8 (key objects: 10 % by the city, 25 % by the town), DG-10 (general objects: staff × 5
 * for the city, staff × 10 for the town), DG-11 (specialists × 25): minimums, rounded up. */
static void test_dg_8_10_11_quotas_round_up(void **state)
{
	(void)state;
	int64_t q;
	assert_int_equal(eg_inspect_quota(&q, EG_INSPECT_QUOTA_DG8_CITY, 31), EG_OK);
	assert_int_equal(q, 4); /* 10 % of 31 = 3.1 -> 4 */
	assert_int_equal(eg_inspect_quota(&q, EG_INSPECT_QUOTA_DG8_CITY, 30), EG_OK);
	assert_int_equal(q, 3); /* exactly 3 */
	assert_int_equal(eg_inspect_quota(&q, EG_INSPECT_QUOTA_DG8_TOWN, 31), EG_OK);
	assert_int_equal(q, 8); /* 25 % of 31 = 7.75 -> 8 */
	assert_int_equal(eg_inspect_quota(&q, EG_INSPECT_QUOTA_DG10_CITY, 12), EG_OK);
	assert_int_equal(q, 60); /* 1:5 of 12 staff */
	assert_int_equal(eg_inspect_quota(&q, EG_INSPECT_QUOTA_DG10_TOWN, 12), EG_OK);
	assert_int_equal(q, 120);
	assert_int_equal(eg_inspect_quota(&q, EG_INSPECT_QUOTA_DG11, 3), EG_OK);
	assert_int_equal(q, 75);
	assert_error(eg_inspect_quota(&q, 9, 3), EG_EINVAL, "rule 9");
	assert_error(eg_inspect_quota(&q, 0, -1), EG_ERANGE, "-1");
}

/* A frame of 200 synthetic enterprises in two strata. */
typedef struct frame {
	char ids[200][16];
	const char *ptr[200];
} frame;

static void make_frame(frame *f)
{
	for (int i = 0; i < 200; i++) {
		snprintf(f->ids[i], sizeof f->ids[i], "E%03d", (i * 37) % 200); /* shuffled order */
		f->ptr[i] = f->ids[i];
	}
}

static void test_dg_7_classes_dg_8_coverage_and_dg_12(void **state)
{
	(void)state;
	int key[] = { 1, 0, 0, 1 }, low[] = { 0, 0, 1, 1 }, cls[4];
	const char *keys[] = { "K1", "K2", "K3" }, *done[] = { "K3", "G9", "K1", "K3" };
	size_t miss[3], nm;
	assert_int_equal(eg_inspect_classify(cls, key, low, 4), EG_OK);
	assert_int_equal(cls[0], EG_INSPECT_CLASS_KEY);
	assert_int_equal(cls[1], EG_INSPECT_CLASS_GENERAL);
	assert_int_equal(cls[2], EG_INSPECT_CLASS_LOW_FREQUENCY); /* DG-12: no set frequency */
	assert_int_equal(cls[3], EG_INSPECT_CLASS_KEY);           /* key wins over low-frequency */
	/* DG-8: K2 was never inspected this year. */
	assert_int_equal(eg_inspect_key_coverage(miss, &nm, keys, 3, done, 4), EG_OK);
	assert_int_equal(nm, 1);
	assert_string_equal(keys[miss[0]], "K2");
	assert_int_equal(eg_inspect_key_coverage(miss, &nm, keys, 3, done, 0), EG_OK);
	assert_int_equal(nm, 3);
	assert_error(eg_inspect_key_coverage(NULL, &nm, keys, 3, done, 4), EG_EINVAL, NULL);
}

static int scenario_inspect(void *unused)
{
	(void)unused;
	frame f;
	size_t pool[200], n, missing[200], n_missing;
	int64_t em[200];
	int rc;
	make_frame(&f);
	for (int i = 0; i < 200; i++)
		em[i] = 200 - i;
	if ((rc = eg_inspect_pool(pool, &n, f.ptr, em, 200, 850)) < 0)
		return rc;
	return eg_inspect_key_coverage(missing, &n_missing, f.ptr, 200, f.ptr + 100, 100);
}

static void test_inspect_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	assert_true(tu_alloc_fail_loop(scenario_inspect, NULL) >= 2);
}

/* ---- DG-6 with real 18-character unified social credit codes ---- */

static void test_dg_6_pool_orders_long_ids_bytewise(void **state)
{
	(void)state;
	/* Sorted bytewise (strcmp): a < b < c < d < e < f < g.
	 * a is 8 bytes; b exactly 16; c and d share b's 16 bytes and differ at
	 * byte 16 ("1X" / "2X"); e differs at byte 15; f at byte 7; g starts
	 * with a byte above 0x7F (企 = E4 BC 81), so it sorts after every digit. */
	const char *a = "91652301", *b = "91652301MA77ABCD", *c = "91652301MA77ABCD1X", *d = "91652301MA77ABCD2X",
		   *e = "91652301MA77ABCE0Y", *f = "91652302MA77ABCD1X", *g = "企业甲";
	const char *ids[] = { f, d, b, g, e, a, c };
	int64_t em[] = { 10, 10, 10, 10, 10, 10, 10 };
	size_t pool[7], n = 0;
	/* Equal emissions: the order is the IDs' byte order; a share of 1000 ‰ takes all 7. */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, em, 7, 1000), EG_OK);
	assert_int_equal(n, 7);
	/* Input positions: a 5, b 2, c 6, d 1, e 4, f 0, g 3. */
	assert_int_equal(pool[0], 5);
	assert_int_equal(pool[1], 2);
	assert_int_equal(pool[2], 6);
	assert_int_equal(pool[3], 1);
	assert_int_equal(pool[4], 4);
	assert_int_equal(pool[5], 0);
	assert_int_equal(pool[6], 3);
	/* Two 18-byte codes that are the same: found although 16 bytes tie in the keys. */
	{
		const char *dup[] = { c, d, "91652301MA77ABCD1X" };
		assert_error(eg_inspect_pool(pool, &n, dup, em, 3, 850), EG_EINVAL, "91652301MA77ABCD1X is listed twice");
	}
}

static void test_dg_6_pool_total_2_pow_53_and_argument_errors(void **state)
{
	(void)state;
	const char *ids[] = { "A", "B" }, *bad[] = { "A", "" };
	int64_t max[] = { ((int64_t)1 << 53) - 1, 1 }, over[] = { (int64_t)1 << 53, 1 }, em[] = { 1, 1 };
	size_t pool[2], n = 0;
	/* Total exactly 2^53: allowed. A has 2^53 - 1 of it: 1000 · (2^53 - 1) ≥ 850 · 2^53, A alone. */
	assert_int_equal(eg_inspect_pool(pool, &n, ids, max, 2, 850), EG_OK);
	assert_int_equal(n, 1);
	assert_int_equal(pool[0], 0);
	/* 2^53 + 1: refused. */
	assert_error(eg_inspect_pool(pool, &n, ids, over, 2, 850), EG_ERANGE, "total emissions reach 2^53");
	assert_error(eg_inspect_pool(pool, &n, bad, em, 2, 850), EG_EINVAL, "enterprise ID is empty");
	assert_error(eg_inspect_pool(pool, &n, ids, em, 2, 0), EG_ERANGE, "share 0");
	assert_error(eg_inspect_pool(NULL, &n, ids, em, 2, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_pool(pool, NULL, ids, em, 2, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_pool(pool, &n, NULL, em, 2, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_pool(pool, &n, ids, NULL, 2, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_pool(pool, &n, ids, em, 0, 850), EG_EINVAL, "NULL argument or no enterprise");
	assert_error(eg_inspect_quota(NULL, EG_INSPECT_QUOTA_DG11, 1), EG_EINVAL, "out is NULL");
	/* 2^40 is the largest count accepted: DG-11 gives 25 · 2^40; 2^40 + 1 is refused. */
	{
		int64_t q = 0;
		assert_int_equal(eg_inspect_quota(&q, EG_INSPECT_QUOTA_DG11, (int64_t)1 << 40), EG_OK);
		assert_true(q == 25 * ((int64_t)1 << 40));
		assert_error(eg_inspect_quota(&q, EG_INSPECT_QUOTA_DG11, ((int64_t)1 << 40) + 1), EG_ERANGE, "out of range");
	}
}

/* ---- DG-7 / DG-8 argument edges ---- */

static void test_dg_7_classify_without_attributes_and_dg_8_errors(void **state)
{
	(void)state;
	int cls[3] = { -1, -1, -1 }, key[] = { 0, 1, 0 }, low[] = { 1, 0, 0 };
	const char *keys[] = { "K1", NULL }, *done[] = { "K1", NULL };
	size_t miss[2], nm = 99;
	/* No attribute arrays: everything is general. */
	assert_int_equal(eg_inspect_classify(cls, NULL, NULL, 3), EG_OK);
	assert_int_equal(cls[0] * 100 + cls[1] * 10 + cls[2], 111);
	/* Key only: 1 is key (0), the others general (1). Low only: 0 is low (2). */
	assert_int_equal(eg_inspect_classify(cls, key, NULL, 3), EG_OK);
	assert_int_equal(cls[0] * 100 + cls[1] * 10 + cls[2], 101);
	assert_int_equal(eg_inspect_classify(cls, NULL, low, 3), EG_OK);
	assert_int_equal(cls[0] * 100 + cls[1] * 10 + cls[2], 211);
	assert_int_equal(eg_inspect_classify(NULL, NULL, NULL, 0), EG_OK);
	assert_error(eg_inspect_classify(NULL, key, low, 3), EG_EINVAL, "eg_inspect_classify: NULL argument");
	/* DG-8 coverage: no key object means nothing missing. */
	assert_int_equal(eg_inspect_key_coverage(miss, &nm, NULL, 0, done, 1), EG_OK);
	assert_int_equal(nm, 0);
	assert_error(eg_inspect_key_coverage(miss, &nm, keys, 2, done, 1), EG_EINVAL, "key object 1 is NULL");
	assert_error(eg_inspect_key_coverage(miss, &nm, keys, 1, done, 2), EG_EINVAL, "inspected ID 1 is NULL");
	assert_error(eg_inspect_key_coverage(miss, NULL, keys, 1, done, 1), EG_EINVAL, "eg_inspect_key_coverage");
	assert_error(eg_inspect_key_coverage(miss, &nm, NULL, 1, done, 1), EG_EINVAL, "eg_inspect_key_coverage");
	assert_error(eg_inspect_key_coverage(miss, &nm, keys, 1, NULL, 1), EG_EINVAL, "eg_inspect_key_coverage");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dg_6_pool_85_percent_with_ties_at_the_cut),
		cmocka_unit_test(test_dg_8_10_11_quotas_round_up),
		cmocka_unit_test(test_dg_7_classes_dg_8_coverage_and_dg_12),
		cmocka_unit_test(test_inspect_every_allocation_failure_is_clean),
		cmocka_unit_test(test_dg_6_pool_orders_long_ids_bytewise),
		cmocka_unit_test(test_dg_6_pool_total_2_pow_53_and_argument_errors),
		cmocka_unit_test(test_dg_7_classify_without_attributes_and_dg_8_errors),
	};
	return cmocka_run_group_tests_name("inspect", tests, NULL, NULL);
}
