/* grid.h: nodes (CJ-G.1), key grids (CJ-G.2), people and checks (CJ-G.3 to CJ-G.7, CJ-A2-5.2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "util/alloc.h"

/*
 * A small county: prefecture P, county C with townships T1, T2, T3,
 * villages V11, V12 under T1 and V21 under T2; a park K (level 2) with no
 * townships.
 */
static eg_grid *small_grid(void)
{
	eg_grid *g = NULL;
	assert_int_equal(eg_grid_new(&g), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "P", NULL, "州", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_PREFECTURE, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "C", "P", "县", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_COUNTY, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "K", "P", "园区", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_COUNTY, EG_KIND_PARK }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "T1", "C", "一镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "T2", "C", "二镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "T3", "C", "三镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "V11", "T1", "一村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_VILLAGE, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "V12", "T1", "二村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_VILLAGE, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "V21", "T2", "三村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_VILLAGE, EG_KIND_ADMIN }), EG_OK);
	return g;
}

static const eg_node *node(const eg_grid *g, const char *id)
{
	const eg_node *n = NULL;
	assert_int_equal(eg_grid_lookup(&n, g, id), EG_OK);
	return n;
}

/* Fully staffed: every rule met. Callers then break one thing. */
static void staff_fully(eg_grid *g)
{
	static const char *const t12[] = { "T1", "T2" }, *const t3[] = { "T3" };
	static const char *const v1[] = { "V11", "V12" }, *const v2[] = { "V21" };
	static const char *const ids[] = { "C", "K", "T1", "T2", "T3", "V11", "V12", "V21" };
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		assert_int_equal(eg_grid_set_heads(g, ids[i], "书记", "主任"), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "C", "甲", EG_RANK_DEPUTY_DIVISION, t12, 2), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "C", "乙", EG_RANK_DEPUTY_DIVISION, t3, 1), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "T1", "丙", EG_RANK_DEPUTY_SECTION, v1, 2), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "T2", "丁", EG_RANK_DEPUTY_DIVISION, v2, 1), EG_OK);
	for (int t = 0; t < 3; t++)
		for (int k = 0; k < 3; k++) {
			char who[16];
			snprintf(who, sizeof who, "专%d", k);
			assert_int_equal(eg_grid_add_supervisor(g, ids[2 + t], who, EG_STAFF_FULL_TIME), EG_OK);
		}
	for (int v = 0; v < 3; v++) {
		assert_int_equal(eg_grid_add_supervisor(g, ids[5 + v], "专", EG_STAFF_FULL_TIME), EG_OK);
		assert_int_equal(eg_grid_add_supervisor(g, ids[5 + v], "兼1", EG_STAFF_PART_TIME), EG_OK);
		assert_int_equal(eg_grid_add_supervisor(g, ids[5 + v], "兼2", EG_STAFF_PART_TIME), EG_OK);
	}
}

static eg_findings *check(const eg_grid *g)
{
	eg_findings *f = NULL;
	assert_int_equal(eg_grid_check(&f, g), EG_OK);
	return f;
}

/* Number of findings with this rule on this node. */
static size_t count_findings(const eg_findings *f, const char *rule, const char *node_id)
{
	size_t n = 0;
	for (size_t i = 0; i < eg_findings_count(f); i++) {
		const eg_finding *x = eg_findings_at(f, i);
		if (strcmp(eg_finding_rule(x), rule) == 0 && (!node_id || strcmp(eg_finding_node(x), node_id) == 0))
			n++;
	}
	return n;
}

static const eg_finding *first_finding(const eg_findings *f, const char *rule)
{
	for (size_t i = 0; i < eg_findings_count(f); i++)
		if (strcmp(eg_finding_rule(eg_findings_at(f, i)), rule) == 0)
			return eg_findings_at(f, i);
	return NULL;
}

static int item2(const eg_findings *f, const eg_grid *g, const char *unit)
{
	int met = -1;
	assert_int_equal(eg_findings_cj_a2_5_2(&met, f, g, unit), EG_OK);
	return met;
}

/* ---- CJ-G.1: structure ---------------------------------------------- */

static void test_cj_g_1_structure_counts_and_navigation(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	const eg_node *c = node(g, "C"), *t1 = node(g, "T1");
	/* 1 prefecture, 2 level-2 (county + park), 3 townships, 3 villages = 9. */
	assert_int_equal(eg_grid_size(g), 9);
	assert_int_equal(eg_grid_count(g, EG_LEVEL_PREFECTURE), 1);
	assert_int_equal(eg_grid_count(g, EG_LEVEL_COUNTY), 2);
	assert_int_equal(eg_grid_count(g, EG_LEVEL_TOWNSHIP), 3);
	assert_int_equal(eg_grid_count(g, EG_LEVEL_VILLAGE), 3);
	assert_int_equal(eg_grid_count(g, 5), 0);
	assert_int_equal(eg_grid_count(g, -1), 0);
	assert_int_equal(eg_grid_depth(g), 3); /* P -> C -> T1 -> V11 */
	assert_string_equal(eg_node_name(c), "县");
	assert_int_equal(eg_node_level(c), EG_LEVEL_COUNTY);
	assert_int_equal(eg_node_kind(node(g, "K")), EG_KIND_PARK);
	assert_ptr_equal(eg_node_parent(t1), c);
	assert_null(eg_node_parent(node(g, "P")));
	assert_int_equal(eg_node_child_count(c), 3);
	assert_ptr_equal(eg_node_first_child(c), t1);
	assert_ptr_equal(eg_node_next_sibling(t1), node(g, "T2"));
	assert_int_equal(eg_node_depth(node(g, "V11")), 3);
	assert_int_equal(eg_node_index(node(g, "P")), 0);
	assert_ptr_equal(eg_grid_node_at(g, 3), t1);
	assert_null(eg_grid_node_at(g, 9));
	/* NULL-safe accessors. */
	assert_null(eg_node_id(NULL));
	assert_int_equal(eg_node_level(NULL), -1);
	assert_int_equal(eg_node_index(NULL), SIZE_MAX);
	assert_int_equal(eg_grid_size(NULL), 0);
	eg_grid_free(g);
	eg_grid_free(NULL);
}

static void test_cj_g_1_node_pointers_are_stable(void **state)
{
	(void)state;
	eg_grid *g = NULL;
	const eg_node *first = NULL;
	char id[32];
	assert_int_equal(eg_grid_new(&g), EG_OK);
	assert_int_equal(eg_grid_add(&first, g, "root", NULL, "根", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_OK);
	/* 10,000 adds cross node chunks (4096) and several index rehashes. */
	for (int i = 0; i < 10000; i++) {
		snprintf(id, sizeof id, "n%d", i);
		assert_int_equal(eg_grid_add(NULL, g, id, "root", "子", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 2, 0 }), EG_OK);
	}
	assert_string_equal(eg_node_id(first), "root");
	assert_int_equal(eg_node_child_count(first), 10000);
	assert_ptr_equal(node(g, "root"), first);
	assert_string_equal(eg_node_id(node(g, "n9999")), "n9999");
	eg_grid_free(g);
}

static void test_cj_g_1_level_gaps_are_allowed(void **state)
{
	(void)state;
	eg_grid *g = NULL;
	/* Real data: Dongguan's townships sit directly under the prefecture. */
	assert_int_equal(eg_grid_new(&g), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "441900000000", NULL, "东莞市", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "441900003000", "441900000000", "东城街道", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 3, 0 }), EG_OK);
	assert_int_equal(eg_grid_depth(g), 1);
	eg_grid_free(g);
}

static void test_cj_g_1_add_errors_name_the_offender(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	const eg_node *out = (const eg_node *)(uintptr_t)1;
	char long_id[70];
	memset(long_id, '1', 65);
	long_id[65] = '\0';

	assert_error(eg_grid_add(NULL, NULL, "X", NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_EINVAL, "grid is NULL");
	assert_error(eg_grid_add(&out, g, "C", "P", "重复", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 2, 0 }), EG_EEXISTS, "C already exists");
	assert_ptr_equal(out, (const eg_node *)(uintptr_t)1); /* out untouched on failure */
	assert_error(eg_grid_add(NULL, g, "X", "NOPE", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 2, 0 }), EG_ENOTFOUND, "parent NOPE of X");
	assert_error(eg_grid_add(NULL, g, "X", "C", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 2, 0 }), EG_ELEVEL, "not deeper than its parent C");
	assert_error(eg_grid_add(NULL, g, "X", "T1", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 3, 0 }), EG_ELEVEL, "X");
	assert_error(eg_grid_add(NULL, g, "X", NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 5, 0 }), EG_ERANGE, "level 5");
	assert_error(eg_grid_add(NULL, g, "X", NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, -1, 0 }), EG_ERANGE, "level -1");
	assert_error(eg_grid_add(NULL, g, "X", NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 4 }), EG_EINVAL, "kind 4");
	assert_error(eg_grid_add(NULL, g, "", NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_EINVAL, "node ID is empty");
	assert_error(eg_grid_add(NULL, g, NULL, NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_EINVAL, "node ID is NULL");
	assert_error(eg_grid_add(NULL, g, long_id, NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_ERANGE, "65 bytes");
	assert_error(eg_grid_add(NULL, g, "X\xC3", NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_EUTF8, "not valid UTF-8");
	assert_error(eg_grid_add(NULL, g, "X", NULL, "bad\xFFname", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_EUTF8, "node name");
	assert_error(eg_grid_add(NULL, g, "X", NULL, "", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_EINVAL, "node name is empty");
	assert_error(eg_grid_add(NULL, g, "X\n", NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_EINVAL, "control character");
	/* 64 bytes exactly is fine. */
	long_id[64] = '\0';
	assert_int_equal(eg_grid_add(NULL, g, long_id, NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 1, 0 }), EG_OK);
	/* Nothing of the failed adds is left behind: 9 + the one good add. */
	assert_int_equal(eg_grid_size(g), 10);
	assert_int_equal(eg_grid_count(g, EG_LEVEL_COUNTY), 2);
	assert_int_equal(eg_node_child_count(node(g, "C")), 3);
	eg_grid_free(g);
}

static void test_cj_g_1_lookup_errors(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	const eg_node *n = NULL;
	assert_error(eg_grid_lookup(&n, g, "missing"), EG_ENOTFOUND, "missing");
	assert_null(n);
	assert_error(eg_grid_lookup(NULL, g, "C"), EG_EINVAL, NULL);
	assert_error(eg_grid_lookup(&n, NULL, "C"), EG_EINVAL, NULL);
	assert_error(eg_grid_lookup(&n, g, NULL), EG_EINVAL, NULL);
	assert_error(eg_grid_new(NULL), EG_EINVAL, "out is NULL");
	eg_grid_free(g);
}

static void test_cj_g_1_walk_is_preorder(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	eg_grid_walk *w = NULL;
	const eg_node *n;
	char seq[128] = "";
	assert_int_equal(eg_grid_walk_new(&w, g, NULL), EG_OK);
	while (eg_grid_walk_next(&n, w) == EG_OK) {
		strcat(seq, eg_node_id(n));
		strcat(seq, " ");
	}
	assert_string_equal(seq, "P C T1 V11 V12 T2 V21 T3 K ");
	assert_int_equal(eg_grid_walk_next(&n, w), EG_ITEROVER); /* stays over */
	eg_grid_walk_free(w);

	/* A subtree walk stops at the subtree's end, not at the root's. */
	seq[0] = '\0';
	assert_int_equal(eg_grid_walk_new(&w, g, node(g, "T1")), EG_OK);
	while (eg_grid_walk_next(&n, w) == EG_OK) {
		strcat(seq, eg_node_id(n));
		strcat(seq, " ");
	}
	assert_string_equal(seq, "T1 V11 V12 ");
	eg_grid_walk_free(w);

	/* A leaf walks itself only. */
	assert_int_equal(eg_grid_walk_new(&w, g, node(g, "V21")), EG_OK);
	assert_int_equal(eg_grid_walk_next(&n, w), EG_OK);
	assert_string_equal(eg_node_id(n), "V21");
	assert_int_equal(eg_grid_walk_next(&n, w), EG_ITEROVER);
	eg_grid_walk_free(w);

	assert_error(eg_grid_walk_new(NULL, g, NULL), EG_EINVAL, NULL);
	assert_error(eg_grid_walk_next(NULL, NULL), EG_EINVAL, NULL);
	eg_grid_walk_free(NULL);
	eg_grid_free(g);
}

static void test_grid_rollup_sums_to_ancestors(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	int64_t counts[9] = { 0 }, sums[9];
	/* V11=2, V12=3, V21=5, T3=7, K=1. */
	counts[eg_node_index(node(g, "V11"))] = 2;
	counts[eg_node_index(node(g, "V12"))] = 3;
	counts[eg_node_index(node(g, "V21"))] = 5;
	counts[eg_node_index(node(g, "T3"))] = 7;
	counts[eg_node_index(node(g, "K"))] = 1;
	assert_int_equal(eg_grid_rollup(sums, g, counts, 9), EG_OK);
	assert_int_equal(sums[eg_node_index(node(g, "T1"))], 5);   /* 2 + 3 */
	assert_int_equal(sums[eg_node_index(node(g, "T2"))], 5);   /* 5 */
	assert_int_equal(sums[eg_node_index(node(g, "C"))], 17);   /* 5 + 5 + 7 */
	assert_int_equal(sums[eg_node_index(node(g, "P"))], 18);   /* 17 + 1 */
	assert_int_equal(sums[eg_node_index(node(g, "V11"))], 2);

	memset(sums, 0x55, sizeof sums);
	assert_error(eg_grid_rollup(sums, g, counts, 8), EG_EINVAL, "8 counts given for 9 nodes");
	counts[3] = -1;
	assert_error(eg_grid_rollup(sums, g, counts, 9), EG_EINVAL, "negative");
	assert_int_equal(sums[0], 0x5555555555555555LL); /* out untouched */
	counts[3] = INT64_MAX;
	assert_error(eg_grid_rollup(sums, g, counts, 9), EG_ERANGE, "overflows");
	assert_error(eg_grid_rollup(NULL, g, counts, 9), EG_EINVAL, NULL);
	eg_grid_free(g);
}

/* ---- CJ-G.2: key grids ------------------------------------------------ */

static void test_cj_g_2_key_grid_spans_townships(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	const eg_node *kg = NULL;
	const char *st = NULL;
	size_t n = 0;
	const char *towns[] = { "T1", "T2" };
	eg_findings *f;
	staff_fully(g);
	assert_int_equal(eg_grid_add_key_grid(&kg, g, "KG1", "C", "国控站网格", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "ST-01", towns, 2 }), EG_OK);
	assert_int_equal(eg_node_kind(kg), EG_KIND_KEY_GRID);
	assert_ptr_equal(eg_node_parent(kg), node(g, "C"));
	assert_int_equal(eg_grid_key_grid_info(&st, &n, g, kg), EG_OK);
	assert_string_equal(st, "ST-01");
	assert_int_equal(n, 2);
	assert_ptr_equal(eg_grid_key_grid_township(g, kg, 1), node(g, "T2"));
	assert_null(eg_grid_key_grid_township(g, kg, 2));
	/* Key grids are skipped by the staffing checks: still no findings. */
	f = check(g);
	assert_int_equal(eg_findings_count(f), 0);
	eg_findings_free(f);

	assert_error(eg_grid_add_key_grid(NULL, g, "KG2", "T1", "x", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "ST", towns, 1 }), EG_ELEVEL, "level-2 unit (CJ-G.2)");
	assert_error(eg_grid_add_key_grid(NULL, g, "KG2", "K", "x", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "ST", towns, 1 }), EG_ELEVEL, "not a level-3 node under K");
	assert_error(eg_grid_add_key_grid(NULL, g, "KG2", "C", "x", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "ST", towns, 0 }), EG_EINVAL, "spans no township");
	assert_error(eg_grid_add_key_grid(NULL, g, "KG1", "C", "x", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "ST", towns, 1 }), EG_EEXISTS, "KG1");
	assert_error(eg_grid_add_key_grid(NULL, g, "KG2", "C", "x", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "", towns, 1 }), EG_EINVAL, "station ID");
	assert_error(eg_grid_key_grid_info(&st, &n, g, node(g, "C")), EG_EINVAL, "not a key grid");
	assert_int_equal(eg_grid_size(g), 10); /* only KG1 was added */
	eg_grid_free(g);
}

/* ---- CJ-G.3 to CJ-G.7 ------------------------------------------------- */

static void test_cj_g_3_to_7_fully_staffed_grid_has_no_findings(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	eg_findings *f;
	staff_fully(g);
	f = check(g);
	assert_int_equal(eg_findings_count(f), 0);
	assert_int_equal(item2(f, g, "C"), 1);
	assert_int_equal(item2(f, g, "K"), 1);
	eg_findings_free(f);
	eg_grid_free(g);
}

static void test_cj_g_3_dual_heads_required(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	eg_findings *f;
	const char *h1, *h2;
	staff_fully(g);
	assert_int_equal(eg_grid_set_heads(g, "T2", "书记", NULL), EG_OK); /* one head only */
	assert_int_equal(eg_grid_heads(&h1, &h2, g, node(g, "T2")), EG_OK);
	assert_string_equal(h1, "书记");
	assert_null(h2);
	f = check(g);
	assert_int_equal(eg_findings_count(f), 1);
	assert_int_equal(count_findings(f, "CJ-G.3", "T2"), 1);
	assert_string_equal(eg_finding_unit(eg_findings_at(f, 0)), "C");
	assert_non_null(strstr(eg_finding_message(eg_findings_at(f, 0), EG_LANG_ZH), "网格长 1 名"));
	assert_non_null(strstr(eg_finding_message(eg_findings_at(f, 0), EG_LANG_EN), "1 grid head(s)"));
	/* CJ-G.3 is not part of item 2. */
	assert_int_equal(item2(f, g, "C"), 1);
	eg_findings_free(f);
	/* Level 1 is not checked for dual heads: P has none and no finding came. */
	assert_error(eg_grid_set_heads(g, "T2", "同一人", "同一人"), EG_EEXISTS, "dual heads are two people");
	assert_error(eg_grid_set_heads(g, "NOPE", "a", "b"), EG_ENOTFOUND, "NOPE");
	assert_error(eg_grid_set_heads(g, "T2", "a", "b\xFF"), EG_EUTF8, "head name");
	assert_error(eg_grid_set_heads(NULL, "T2", "a", "b"), EG_EINVAL, NULL);
	/* The failed calls left the heads as they were. */
	assert_int_equal(eg_grid_heads(&h1, &h2, g, node(g, "T2")), EG_OK);
	assert_string_equal(h1, "书记");
	assert_null(h2);
	eg_grid_free(g);
}

static void test_cj_g_4_subhead_covering_three_townships(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	eg_findings *f;
	const char *t123[] = { "T1", "T2", "T3" };
	staff_fully(g);
	assert_int_equal(eg_grid_add_subhead(g, "C", "戊", EG_RANK_DEPUTY_DIVISION, t123, 3), EG_OK);
	f = check(g);
	/* 戊 covers 3 townships; CJ-G.4 allows 1-2. */
	assert_int_equal(count_findings(f, "CJ-G.4", "C"), 1);
	assert_int_equal(eg_findings_count(f), 1);
	assert_non_null(strstr(eg_finding_message(first_finding(f, "CJ-G.4"), EG_LANG_EN), "covers 3 townships; 1-2 are required"));
	assert_non_null(strstr(eg_finding_message(first_finding(f, "CJ-G.4"), EG_LANG_ZH), "负责 3 个乡镇"));
	assert_int_equal(item2(f, g, "C"), 0);
	eg_findings_free(f);
	eg_grid_free(g);
}

static void test_cj_g_4_two_townships_is_within_limit(void **state)
{
	(void)state;
	/* staff_fully gives 甲 exactly 2 townships and 乙 exactly 1: both allowed. */
	eg_grid *g = small_grid();
	eg_findings *f;
	staff_fully(g);
	f = check(g);
	assert_int_equal(count_findings(f, "CJ-G.4", NULL), 0);
	eg_findings_free(f);
	eg_grid_free(g);
}

static void test_cj_g_4_township_covered_by_nobody(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	eg_findings *f;
	const char *t12[] = { "T1", "T2" };
	/* Staff everything except a level-2 sub-head for T3. */
	const char *ids[] = { "C", "K", "T1", "T2", "T3", "V11", "V12", "V21" };
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(eg_grid_set_heads(g, ids[i], "书记", "主任"), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "C", "甲", EG_RANK_DEPUTY_DIVISION, t12, 2), EG_OK);
	f = check(g);
	assert_int_equal(count_findings(f, "CJ-G.4", "T3"), 1);
	assert_int_equal(count_findings(f, "CJ-G.4", "T1"), 0);
	assert_non_null(strstr(eg_finding_message(first_finding(f, "CJ-G.4"), EG_LANG_EN),
			       "township 三镇 (T3) is covered by no level-2 sub-grid head"));
	assert_int_equal(item2(f, g, "C"), 0);
	/* The park has no townships and no findings of its own under item 2. */
	assert_int_equal(item2(f, g, "K"), 1);
	eg_findings_free(f);
	eg_grid_free(g);
}

static void test_cj_g_4_rank_below_deputy_division(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	eg_findings *f;
	const char *t3[] = { "T3" };
	staff_fully(g);
	assert_int_equal(eg_grid_add_subhead(g, "C", "己", EG_RANK_DEPUTY_SECTION, t3, 1), EG_OK);
	f = check(g);
	assert_int_equal(count_findings(f, "CJ-G.4", "C"), 1);
	assert_non_null(strstr(eg_finding_message(first_finding(f, "CJ-G.4"), EG_LANG_ZH), "职级为副科级，要求副处级及以上"));
	assert_int_equal(item2(f, g, "C"), 0);
	eg_findings_free(f);
	eg_grid_free(g);
}

static void test_cj_g_5_village_uncovered_and_rank(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	eg_findings *f;
	const char *t12[] = { "T1", "T2" }, *t3[] = { "T3" }, *v11[] = { "V11" };
	const char *ids[] = { "C", "K", "T1", "T2", "T3", "V11", "V12", "V21" };
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(eg_grid_set_heads(g, ids[i], "书记", "主任"), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "C", "甲", EG_RANK_DEPUTY_DIVISION, t12, 2), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "C", "乙", EG_RANK_DEPUTY_DIVISION, t3, 1), EG_OK);
	/* T1's sub-head is below deputy-section and covers V11 only; V12 and V21 uncovered. */
	assert_int_equal(eg_grid_add_subhead(g, "T1", "庚", EG_RANK_OTHER, v11, 1), EG_OK);
	f = check(g);
	assert_int_equal(count_findings(f, "CJ-G.5", "T1"), 1);  /* rank */
	assert_int_equal(count_findings(f, "CJ-G.5", "V11"), 0);
	assert_int_equal(count_findings(f, "CJ-G.5", "V12"), 1);
	assert_int_equal(count_findings(f, "CJ-G.5", "V21"), 1);
	assert_non_null(strstr(eg_finding_message(first_finding(f, "CJ-G.5"), EG_LANG_EN),
			       "rank below deputy-section; deputy-section or above is required (CJ-G.5)"));
	assert_int_equal(item2(f, g, "C"), 0);
	eg_findings_free(f);
	eg_grid_free(g);
}

/* Township with `full` full-time and `part` part-time supervisors: CJ-G.6 finding count. */
static size_t township_findings(int full, int part)
{
	eg_grid *g = small_grid();
	eg_findings *f;
	size_t n;
	char who[16];
	staff_fully(g); /* T1 has 3 full-time already; use T3's fresh twin below */
	assert_int_equal(eg_grid_add(NULL, g, "T4", "C", "四镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 3, 0 }), EG_OK);
	{
		const char *t4[] = { "T4" };
		assert_int_equal(eg_grid_set_heads(g, "T4", "书记", "镇长"), EG_OK);
		assert_int_equal(eg_grid_add_subhead(g, "C", "辛", EG_RANK_DEPUTY_DIVISION, t4, 1), EG_OK);
	}
	for (int i = 0; i < full; i++) {
		snprintf(who, sizeof who, "F%d", i);
		assert_int_equal(eg_grid_add_supervisor(g, "T4", who, EG_STAFF_FULL_TIME), EG_OK);
	}
	for (int i = 0; i < part; i++) {
		snprintf(who, sizeof who, "P%d", i);
		assert_int_equal(eg_grid_add_supervisor(g, "T4", who, EG_STAFF_PART_TIME), EG_OK);
	}
	f = check(g);
	n = count_findings(f, "CJ-G.6", "T4");
	assert_int_equal(eg_findings_count(f), n); /* nothing else is wrong */
	eg_findings_free(f);
	eg_grid_free(g);
	return n;
}

static void test_cj_g_6_township_supervisor_boundaries(void **state)
{
	(void)state;
	assert_int_equal(township_findings(3, 0), 0); /* 3 total, 3 full-time: met */
	assert_int_equal(township_findings(2, 1), 1); /* 3 total but 2 full-time < 3 */
	assert_int_equal(township_findings(3, 2), 0); /* 5 total: upper bound met */
	assert_int_equal(township_findings(3, 3), 1); /* 6 total > 5 */
	assert_int_equal(township_findings(5, 0), 0); /* 5 full-time */
	assert_int_equal(township_findings(6, 0), 1); /* 6 > 5 even if all full-time */
	assert_int_equal(township_findings(0, 0), 1); /* none */
}

static void test_cj_g_6_message_states_measure_and_requirement(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	eg_findings *f;
	staff_fully(g);
	assert_int_equal(eg_grid_add_supervisor(g, "T3", "兼", EG_STAFF_PART_TIME), EG_OK);
	assert_int_equal(eg_grid_add_supervisor(g, "T3", "兼2", EG_STAFF_PART_TIME), EG_OK);
	assert_int_equal(eg_grid_add_supervisor(g, "T3", "兼3", EG_STAFF_PART_TIME), EG_OK);
	f = check(g);
	/* T3: 3 full + 3 part = 6 supervisors. */
	assert_string_equal(eg_finding_message(first_finding(f, "CJ-G.6"), EG_LANG_EN),
			    "三镇 (T3) has 6 supervisors (3 full-time); 3-5 are required, at least 3 full-time (CJ-G.6)");
	assert_string_equal(eg_finding_message(first_finding(f, "CJ-G.6"), EG_LANG_ZH),
			    "三镇（T3）网格监督员 6 名（专职 3 名），要求 3-5 名且专职不少于 3 名（CJ-G.6）");
	/* CJ-G.6 is not part of item 2. */
	assert_int_equal(item2(f, g, "C"), 1);
	eg_findings_free(f);
	eg_grid_free(g);
}

static void test_cj_g_7_village_supervisor_boundaries(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	eg_findings *f;
	staff_fully(g);
	/* A new village V13 under T1, covered, with 2 supervisors (1 full). */
	assert_int_equal(eg_grid_add(NULL, g, "V13", "T1", "四村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 4, 0 }), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "V13", "书记", "主任"), EG_OK);
	{
		const char *v13[] = { "V13" };
		assert_int_equal(eg_grid_add_subhead(g, "T1", "壬", EG_RANK_DEPUTY_SECTION, v13, 1), EG_OK);
	}
	assert_int_equal(eg_grid_add_supervisor(g, "V13", "专", EG_STAFF_FULL_TIME), EG_OK);
	assert_int_equal(eg_grid_add_supervisor(g, "V13", "兼", EG_STAFF_PART_TIME), EG_OK);
	f = check(g);
	assert_int_equal(count_findings(f, "CJ-G.7", "V13"), 1); /* 2 < 3 */
	eg_findings_free(f);
	assert_int_equal(eg_grid_add_supervisor(g, "V13", "兼2", EG_STAFF_PART_TIME), EG_OK);
	f = check(g);
	assert_int_equal(count_findings(f, "CJ-G.7", "V13"), 0); /* 3 total, 1 full-time: met */
	eg_findings_free(f);

	/* V21 with 3 part-time only: 0 full-time < 1. */
	assert_int_equal(eg_grid_add(NULL, g, "V22", "T2", "五村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 4, 0 }), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "V22", "书记", "主任"), EG_OK);
	{
		const char *v22[] = { "V22" };
		assert_int_equal(eg_grid_add_subhead(g, "T2", "癸", EG_RANK_DEPUTY_SECTION, v22, 1), EG_OK);
	}
	for (int i = 0; i < 3; i++) {
		char who[8];
		snprintf(who, sizeof who, "兼%d", i);
		assert_int_equal(eg_grid_add_supervisor(g, "V22", who, EG_STAFF_PART_TIME), EG_OK);
	}
	f = check(g);
	assert_int_equal(count_findings(f, "CJ-G.7", "V22"), 1);
	assert_non_null(strstr(eg_finding_message(first_finding(f, "CJ-G.7"), EG_LANG_EN), "3 supervisors (0 full-time)"));
	assert_int_equal(eg_findings_count(f), 1);
	eg_findings_free(f);
	eg_grid_free(g);
}

static void test_cj_g_people_errors(void **state)
{
	(void)state;
	eg_grid *g = small_grid();
	const char *t1[] = { "T1" }, *dup[] = { "T1", "T1" }, *v11[] = { "V11" }, *bad[] = { "NOPE" };
	size_t full = 9, part = 9;
	assert_error(eg_grid_add_subhead(g, "P", "甲", 2, t1, 1), EG_ELEVEL, "level 2 (CJ-G.4) or level 3 (CJ-G.5)");
	assert_error(eg_grid_add_subhead(g, "C", "甲", 2, v11, 1), EG_ELEVEL, "V11 is not a level-3 node under C");
	assert_error(eg_grid_add_subhead(g, "K", "甲", 2, t1, 1), EG_ELEVEL, "not a level-3 node under K");
	assert_error(eg_grid_add_subhead(g, "C", "甲", 2, dup, 2), EG_EEXISTS, "T1 is listed twice");
	assert_error(eg_grid_add_subhead(g, "C", "甲", 2, bad, 1), EG_ENOTFOUND, "NOPE");
	assert_error(eg_grid_add_subhead(g, "C", "甲", 2, t1, 0), EG_EINVAL, "covers no node");
	assert_error(eg_grid_add_subhead(g, "C", "甲", 3, t1, 1), EG_ERANGE, "rank 3");
	assert_error(eg_grid_add_subhead(g, "C", "", 2, t1, 1), EG_EINVAL, "sub-grid head name");
	assert_error(eg_grid_add_subhead(g, "C", "甲", 2, NULL, 1), EG_EINVAL, NULL);
	assert_int_equal(eg_grid_add_subhead(g, "C", "甲", 2, t1, 1), EG_OK);
	assert_error(eg_grid_add_subhead(g, "C", "甲", 2, t1, 1), EG_EEXISTS, "甲 is already a sub-grid head of C");

	assert_error(eg_grid_add_supervisor(g, "T1", "甲", 2), EG_ERANGE, "staff 2");
	assert_error(eg_grid_add_supervisor(g, "NOPE", "甲", 1), EG_ENOTFOUND, "NOPE");
	assert_error(eg_grid_add_supervisor(g, "T1", "\xE6\x98", 1), EG_EUTF8, "supervisor name");
	assert_int_equal(eg_grid_add_supervisor(g, "T1", "甲", 1), EG_OK);
	assert_error(eg_grid_add_supervisor(g, "T1", "甲", 0), EG_EEXISTS, "甲 is already a supervisor of T1");
	assert_int_equal(eg_grid_supervisors(&full, &part, g, node(g, "T1")), EG_OK);
	assert_int_equal(full, 1);
	assert_int_equal(part, 0);
	assert_error(eg_grid_supervisors(&full, &part, NULL, NULL), EG_EINVAL, NULL);
	assert_error(eg_grid_check(NULL, g), EG_EINVAL, NULL);
	assert_error(eg_findings_cj_a2_5_2(NULL, NULL, g, "C"), EG_EINVAL, NULL);
	{
		eg_findings *f = check(g);
		int met;
		assert_error(eg_findings_cj_a2_5_2(&met, f, g, "T1"), EG_ELEVEL, "CJ-A2-5.2 is judged for level-2 units");
		assert_error(eg_findings_cj_a2_5_2(&met, f, g, "NOPE"), EG_ENOTFOUND, "NOPE");
		assert_null(eg_findings_at(f, eg_findings_count(f)));
		assert_null(eg_finding_rule(NULL));
		assert_null(eg_finding_message(NULL, 0));
		/* An unknown language falls back to Chinese. */
		assert_string_equal(eg_finding_message(eg_findings_at(f, 0), 7),
				    eg_finding_message(eg_findings_at(f, 0), EG_LANG_ZH));
		eg_findings_free(f);
	}
	eg_findings_free(NULL);
	eg_grid_free(g);
}

/* ---- allocation failure: every allocation of a scenario --------------- */

typedef struct scenario_state {
	eg_grid *g; /* grid under change; must stay unchanged on failure */
} scenario_state;

static int scenario_build_and_check(void *p)
{
	(void)p;
	eg_grid *g = NULL;
	eg_findings *f = NULL;
	const char *t1[] = { "T1" };
	int rc;
	if ((rc = eg_grid_new(&g)) < 0)
		return rc;
	if ((rc = eg_grid_add(NULL, g, "C", NULL, "县", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 2, 0 })) < 0 ||
	    (rc = eg_grid_add(NULL, g, "T1", "C", "镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 3, 0 })) < 0 ||
	    (rc = eg_grid_add(NULL, g, "V1", "T1", "村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 4, 0 })) < 0 ||
	    (rc = eg_grid_set_heads(g, "C", "a", "b")) < 0 ||
	    (rc = eg_grid_add_subhead(g, "C", "甲", 2, t1, 1)) < 0 ||
	    (rc = eg_grid_add_supervisor(g, "T1", "乙", 1)) < 0 ||
	    (rc = eg_grid_add_key_grid(NULL, g, "KG", "C", "重点", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "ST", t1, 1 })) < 0 ||
	    (rc = eg_grid_check(&f, g)) < 0) {
		/* Whatever was added before the failure is intact and consistent. */
		assert_true(eg_grid_size(g) <= 4);
		eg_grid_free(g);
		return rc;
	}
	assert_int_equal(eg_grid_size(g), 4);
	eg_findings_free(f);
	eg_grid_free(g);
	return EG_OK;
}

static void test_grid_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	long n = tu_alloc_fail_loop(scenario_build_and_check, NULL);
	assert_true(n > 5);
}

static int scenario_add_to_existing(void *p)
{
	scenario_state *s = p;
	size_t before = eg_grid_size(s->g);
	int rc;
	char id[16];
	snprintf(id, sizeof id, "X%zu", before);
	/* Enough nodes to force a rehash and a new node chunk at some point. */
	rc = eg_grid_add(NULL, s->g, id, "C", "新", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 3, 0 });
	if (rc < 0) {
		/* Unchanged: same size, same last node, parent's child count intact
		 * (accessors only, so the error detail stays for the driver to check). */
		assert_int_equal(eg_grid_size(s->g), before);
		assert_string_not_equal(eg_node_id(eg_grid_node_at(s->g, before - 1)), id);
		assert_int_equal(eg_node_child_count(eg_grid_node_at(s->g, 1)), 3 + (before - 9));
		return rc;
	}
	return EG_OK;
}

static void test_grid_add_failure_leaves_grid_unchanged(void **state)
{
	(void)state;
	scenario_state s = { small_grid() };
	for (int round = 0; round < 40; round++)
		tu_alloc_fail_loop(scenario_add_to_existing, &s);
	assert_int_equal(eg_grid_size(s.g), 9 + 40);
	eg_grid_free(s.g);
}

/* ---- grid_check.c: allocation failure, level gaps, accessors ---- */

/* small_grid() with nobody but two rank-deficient sub-heads:
 * CJ-G.3 on C, K, T1, T2, T3, V11, V12, V21 (no heads)       8
 * CJ-G.4 on C: 己 below deputy-division, and 3 townships      2
 * CJ-G.5 on T1: 庚 below deputy-section; V12, V21 uncovered   3
 * CJ-G.6 on T1, T2, T3 (no supervisors)                       3
 * CJ-G.7 on V11, V12, V21 (no supervisors)                    3
 * in all 19 findings: more than the first 16 slots. */
static eg_grid *understaffed_grid(void)
{
	eg_grid *g = small_grid();
	const char *t123[] = { "T1", "T2", "T3" }, *v11[] = { "V11" };
	assert_int_equal(eg_grid_add_subhead(g, "C", "己", EG_RANK_OTHER, t123, 3), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "T1", "庚", EG_RANK_OTHER, v11, 1), EG_OK);
	return g;
}

static int scenario_grid_check(void *state)
{
	const eg_grid *g = state;
	eg_findings *f = NULL;
	int rc = eg_grid_check(&f, g);
	/* Messages are made on first request: their allocations may fail too,
	 * with NULL and an EG_ENOMEM detail (the findings stay usable). */
	for (size_t i = 0; rc == EG_OK && i < eg_findings_count(f); i++)
		for (int lang = 0; lang < 2 && rc == EG_OK; lang++)
			if (!eg_finding_message(eg_findings_at(f, i), lang)) {
				rc = eg_error_last()->code;
				assert_int_equal(eg_findings_count(f), 19);
				eg_findings_free(f);
				return rc;
			}
	if (rc == EG_OK) {
		assert_string_equal(eg_finding_message(eg_findings_at(f, 0), EG_LANG_EN),
				    "县 (C) has 0 grid head(s); dual grid heads (2) are required (CJ-G.3)");
		assert_int_equal(eg_findings_count(f), 19);
		assert_int_equal(count_findings(f, "CJ-G.3", NULL), 8);
		assert_int_equal(count_findings(f, "CJ-G.4", "C"), 2);
		assert_int_equal(count_findings(f, "CJ-G.5", NULL), 3);
		assert_int_equal(count_findings(f, "CJ-G.6", NULL), 3);
		assert_int_equal(count_findings(f, "CJ-G.7", NULL), 3);
	} else {
		assert_null(f);
	}
	eg_findings_free(f);
	return rc;
}

static void test_cj_g_3_to_7_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	eg_grid *g = understaffed_grid();
	/* 3 (findings, marks, node map) + 2 blocks (findings, names: sized at
	 * once) + 1 walk + 1 unit list + 2 message tables + 38 messages = 47;
	 * the 48th call succeeds. */
	assert_int_equal(tu_alloc_fail_loop(scenario_grid_check, g), 47);
	eg_grid_free(g);
}

static void test_cj_g_4_g_5_rank_messages_in_both_languages(void **state)
{
	(void)state;
	eg_grid *g = understaffed_grid();
	eg_findings *f = check(g);
	const char *zh = NULL, *en = NULL;
	for (size_t i = 0; i < eg_findings_count(f); i++) {
		const eg_finding *x = eg_findings_at(f, i);
		if (strcmp(eg_finding_rule(x), "CJ-G.4") == 0 && strstr(eg_finding_message(x, EG_LANG_EN), "has rank")) {
			zh = eg_finding_message(x, EG_LANG_ZH);
			en = eg_finding_message(x, EG_LANG_EN);
			assert_string_equal(eg_finding_unit(x), "C");
		}
	}
	assert_non_null(zh);
	assert_non_null(strstr(zh, "县二级分网格长己职级为副科级以下，要求副处级及以上（CJ-G.4）"));
	assert_string_equal(en, "level-2 sub-grid head 己 of C has rank below deputy-section; deputy-division or above is "
				"required (CJ-G.4)");
	eg_findings_free(f);
	eg_grid_free(g);
}

static void test_cj_g_level_gaps_have_no_unit_and_no_coverage_finding(void **state)
{
	(void)state;
	eg_grid *g = NULL;
	eg_findings *f;
	const eg_finding *x;
	/* Dongguan: a township straight under the prefecture has no level-2 unit,
	 * so no sub-head could cover it (no CJ-G.4 finding) and its findings have
	 * the unit "". A village straight under a county has no township (no CJ-G.5). */
	assert_int_equal(eg_grid_new(&g), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "441900000000", NULL, "东莞市", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_PREFECTURE, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "441900003000", "441900000000", "东城街道", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "C", "441900000000", "县", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_COUNTY, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "V", "C", "村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_VILLAGE, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "441900003000", "书记", "主任"), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "C", "书记", "县长"), EG_OK);
	assert_int_equal(eg_grid_set_heads(g, "V", "书记", "主任"), EG_OK);
	f = check(g);
	/* 东城街道: CJ-G.6 only (no supervisors); V: CJ-G.7 only. */
	assert_int_equal(eg_findings_count(f), 2);
	assert_int_equal(count_findings(f, "CJ-G.4", NULL), 0);
	assert_int_equal(count_findings(f, "CJ-G.5", NULL), 0);
	x = first_finding(f, "CJ-G.6");
	assert_string_equal(eg_finding_node(x), "441900003000");
	assert_string_equal(eg_finding_unit(x), "");
	x = first_finding(f, "CJ-G.7");
	assert_string_equal(eg_finding_node(x), "V");
	assert_string_equal(eg_finding_unit(x), "C");
	eg_findings_free(f);
	eg_grid_free(g);
}

/*
 * CJ-A2-5.2 when the grid's order is not the IDs' order: counties added as
 * CB, CA, CC (pre-order CB, CA, CC), each with one township. CA and CB have
 * an uncovered township (a CJ-G.4 finding each); CC's township is covered by
 * a deputy-division sub-head (no CJ-G.4/CJ-G.5 finding). So item 2: CA not
 * met, CB not met, CC met. (The sorted unit list once lost CA here.)
 */
static void test_cj_a2_5_2_units_out_of_id_order(void **state)
{
	(void)state;
	static const char *const tc[] = { "TC" };
	eg_grid *g = NULL;
	eg_findings *f;
	assert_int_equal(eg_grid_new(&g), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "P", NULL, "州", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_PREFECTURE, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "CB", "P", "乙县", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_COUNTY, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "CA", "P", "甲县", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_COUNTY, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "CC", "P", "丙县", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_COUNTY, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "TB", "CB", "乙镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "TA", "CA", "甲镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add(NULL, g, "TC", "CC", "丙镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), EG_OK);
	assert_int_equal(eg_grid_add_subhead(g, "CC", "丙", EG_RANK_DEPUTY_DIVISION, tc, 1), EG_OK);
	f = check(g);
	assert_int_equal(count_findings(f, "CJ-G.4", "TA"), 1);
	assert_int_equal(count_findings(f, "CJ-G.4", "TB"), 1);
	assert_int_equal(count_findings(f, "CJ-G.4", NULL), 2);
	assert_int_equal(item2(f, g, "CA"), 0);
	assert_int_equal(item2(f, g, "CB"), 0);
	assert_int_equal(item2(f, g, "CC"), 1);
	eg_findings_free(f);
	eg_grid_free(g);
}

static void test_cj_a2_5_2_errors_and_finding_accessors(void **state)
{
	(void)state;
	eg_grid *g = understaffed_grid();
	eg_findings *f = check(g);
	int met = -1;
	assert_error(eg_findings_cj_a2_5_2(NULL, f, g, "C"), EG_EINVAL, "eg_findings_cj_a2_5_2: NULL argument");
	assert_error(eg_findings_cj_a2_5_2(&met, NULL, g, "C"), EG_EINVAL, "eg_findings_cj_a2_5_2: NULL argument");
	assert_error(eg_findings_cj_a2_5_2(&met, f, NULL, "C"), EG_EINVAL, "eg_findings_cj_a2_5_2: NULL argument");
	assert_error(eg_findings_cj_a2_5_2(&met, f, g, NULL), EG_EINVAL, "eg_findings_cj_a2_5_2: NULL argument");
	assert_error(eg_findings_cj_a2_5_2(&met, f, g, "X"), EG_ENOTFOUND, "X");
	assert_error(eg_findings_cj_a2_5_2(&met, f, g, "T1"), EG_ELEVEL, "node T1 is at level 3");
	assert_int_equal(met, -1);
	/* The park K has only a CJ-G.3 finding: item 2 is met there. */
	assert_int_equal(item2(f, g, "K"), 1);
	assert_int_equal(item2(f, g, "C"), 0);
	assert_error(eg_grid_check(NULL, g), EG_EINVAL, "eg_grid_check: NULL argument");
	{
		eg_findings *none = NULL;
		assert_error(eg_grid_check(&none, NULL), EG_EINVAL, "eg_grid_check: NULL argument");
		assert_null(none);
	}
	assert_null(eg_findings_at(f, 19)); /* 19 findings: index 19 is one past */
	assert_non_null(eg_findings_at(f, 18));
	assert_int_equal(eg_findings_count(NULL), 0);
	assert_null(eg_findings_at(NULL, 0));
	assert_null(eg_finding_rule(NULL));
	assert_null(eg_finding_node(NULL));
	assert_null(eg_finding_unit(NULL));
	assert_null(eg_finding_message(NULL, EG_LANG_EN));
	eg_findings_free(f);
	eg_findings_free(NULL);
	eg_grid_free(g);
}

/* eg_grid_add_options: eg_grid_add_options_init() writes exactly EG_GRID_ADD_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_grid_add() itself, nothing written or changed. */
static void test_grid_add_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_grid_add_options want = EG_GRID_ADD_OPTIONS_INIT;
	eg_grid_add_options o, before;
	int rc;
	eg_grid *g = NULL;
	assert_int_equal(eg_grid_new(&g), EG_OK);
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_grid_add_options_init(&o, EG_GRID_ADD_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_GRID_ADD_OPTIONS_VERSION);
	assert_int_equal(o.level, want.level);
	assert_int_equal(o.kind, want.kind);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_grid_add_options_init(&o, EG_GRID_ADD_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_grid_add_options_init(NULL, EG_GRID_ADD_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_grid_add(NULL, g, "652300", NULL, "昌吉州", &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_GRID_ADD_OPTIONS_VERSION + 1;
	rc = eg_grid_add(NULL, g, "652300", NULL, "昌吉州", &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	rc = eg_grid_add(NULL, g, "652300", NULL, "昌吉州", NULL);
	assert_error(rc, EG_EINVAL, "is NULL (initialise it with EG_GRID_ADD_OPTIONS_INIT)");
	eg_grid_free(g);
}

/* eg_grid_key_grid_options: eg_grid_key_grid_options_init() writes exactly EG_GRID_KEY_GRID_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_grid_add_key_grid() itself, nothing written or changed. */
static void test_grid_key_grid_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_grid_key_grid_options want = EG_GRID_KEY_GRID_OPTIONS_INIT;
	eg_grid_key_grid_options o, before;
	int rc;
	eg_grid *g = NULL;
	assert_int_equal(eg_grid_new(&g), EG_OK);
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_grid_key_grid_options_init(&o, EG_GRID_KEY_GRID_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_GRID_KEY_GRID_OPTIONS_VERSION);
	assert_ptr_equal(o.station_id, want.station_id);
	assert_ptr_equal(o.townships, want.townships);
	assert_int_equal(o.n_townships, want.n_townships);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_grid_key_grid_options_init(&o, EG_GRID_KEY_GRID_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_grid_key_grid_options_init(NULL, EG_GRID_KEY_GRID_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_grid_add_key_grid(NULL, g, "K1", "652301", "站", &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_GRID_KEY_GRID_OPTIONS_VERSION + 1;
	rc = eg_grid_add_key_grid(NULL, g, "K1", "652301", "站", &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	rc = eg_grid_add_key_grid(NULL, g, "K1", "652301", "站", NULL);
	assert_error(rc, EG_EINVAL, "is NULL (initialise it with EG_GRID_KEY_GRID_OPTIONS_INIT)");
	eg_grid_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cj_g_1_structure_counts_and_navigation),
		cmocka_unit_test(test_cj_g_1_node_pointers_are_stable),
		cmocka_unit_test(test_cj_g_1_level_gaps_are_allowed),
		cmocka_unit_test(test_cj_g_1_add_errors_name_the_offender),
		cmocka_unit_test(test_cj_g_1_lookup_errors),
		cmocka_unit_test(test_cj_g_1_walk_is_preorder),
		cmocka_unit_test(test_grid_rollup_sums_to_ancestors),
		cmocka_unit_test(test_cj_g_2_key_grid_spans_townships),
		cmocka_unit_test(test_cj_g_3_to_7_fully_staffed_grid_has_no_findings),
		cmocka_unit_test(test_cj_g_3_dual_heads_required),
		cmocka_unit_test(test_cj_g_4_subhead_covering_three_townships),
		cmocka_unit_test(test_cj_g_4_two_townships_is_within_limit),
		cmocka_unit_test(test_cj_g_4_township_covered_by_nobody),
		cmocka_unit_test(test_cj_g_4_rank_below_deputy_division),
		cmocka_unit_test(test_cj_g_5_village_uncovered_and_rank),
		cmocka_unit_test(test_cj_g_6_township_supervisor_boundaries),
		cmocka_unit_test(test_cj_g_6_message_states_measure_and_requirement),
		cmocka_unit_test(test_cj_g_7_village_supervisor_boundaries),
		cmocka_unit_test(test_cj_g_people_errors),
		cmocka_unit_test(test_grid_every_allocation_failure_is_clean),
		cmocka_unit_test(test_grid_add_failure_leaves_grid_unchanged),
		cmocka_unit_test(test_cj_g_3_to_7_every_allocation_failure_is_clean),
		cmocka_unit_test(test_cj_g_4_g_5_rank_messages_in_both_languages),
		cmocka_unit_test(test_cj_g_level_gaps_have_no_unit_and_no_coverage_finding),
		cmocka_unit_test(test_cj_a2_5_2_units_out_of_id_order),
		cmocka_unit_test(test_cj_a2_5_2_errors_and_finding_accessors),
		cmocka_unit_test(test_grid_add_options_init_and_versions),
		cmocka_unit_test(test_grid_key_grid_options_init_and_versions),
	};
	return cmocka_run_group_tests_name("grid", tests, NULL, NULL);
}
