/*
 * Thread-safety contract (common.h): distinct handles on distinct threads
 * at once; an unmodified grid read from several threads at once; immutable
 * objects (built rule sets, presets, profiles, ladders) shared by threads
 * that each use their own inputs, results and ladder states; error detail
 * per thread. Run under ThreadSanitizer in CI (-Db_sanitize=thread).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#define THREADS 4
#define ROUNDS 200

static const char csv[] =
	"code,parent_code,level,name\n"
	"P,,1,州\nC,P,2,县\nT1,C,3,一镇\nT2,C,3,二镇\nV1,T1,4,一村\nV2,T2,4,二村\n";

/* Each thread builds, staffs and checks grids of its own. */
static void *own_handles(void *arg)
{
	long ok = 0;
	(void)arg;
	for (int r = 0; r < ROUNDS; r++) {
		eg_grid *g = NULL;
		eg_findings *f = NULL;
		const char *t[] = { "T1", "T2" };
		if (eg_grid_parse_csv(&g, csv, sizeof csv - 1, NULL) != EG_OK)
			return NULL;
		eg_grid_add_subhead(g, "C", "甲", EG_RANK_DEPUTY_DIVISION, t, 2);
		if (eg_grid_check(&f, g) == EG_OK) {
			/* Nothing else staffed: C, T1, T2, V1, V2 lack heads (5 x CJ-G.3),
			 * T1 and T2 lack supervisors (2 x CJ-G.6), V1 and V2 lack
			 * supervisors (2 x CJ-G.7) and a level-3 sub-head (2 x CJ-G.5) = 11. */
			ok += eg_findings_count(f) == 11;
			eg_findings_free(f);
		}
		/* A failure on this thread sets this thread's detail only. */
		if (eg_grid_add(NULL, g, "C", "P", "dup", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 2, 0 }) == EG_EEXISTS &&
		    strstr(eg_error_last()->message, "C already exists"))
			ok++;
		eg_grid_free(g);
	}
	return (void *)(intptr_t)ok;
}

/* Many threads reading one unmodified grid. */
static void *shared_reader(void *arg)
{
	const eg_grid *g = arg;
	long ok = 0;
	for (int r = 0; r < ROUNDS; r++) {
		const eg_node *n;
		eg_grid_walk *w;
		size_t count = 0;
		ok += eg_grid_lookup(&n, g, "V2") == EG_OK && strcmp(eg_node_name(n), "二村") == 0;
		if (eg_grid_walk_new(&w, g, NULL) == EG_OK) {
			while (eg_grid_walk_next(&n, w) == EG_OK)
				count++;
			eg_grid_walk_free(w);
		}
		ok += count == 6;
	}
	return (void *)(intptr_t)ok;
}

static void test_threads_own_handles(void **state)
{
	(void)state;
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, own_handles, NULL), 0);
	for (int i = 0; i < THREADS; i++) {
		void *ret;
		assert_int_equal(pthread_join(t[i], &ret), 0);
		assert_int_equal((intptr_t)ret, 2 * ROUNDS);
	}
}

static void test_threads_share_a_read_only_grid(void **state)
{
	(void)state;
	pthread_t t[THREADS];
	eg_grid *g = NULL;
	assert_int_equal(eg_grid_parse_csv(&g, csv, sizeof csv - 1, NULL), EG_OK);
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, shared_reader, g), 0);
	for (int i = 0; i < THREADS; i++) {
		void *ret;
		assert_int_equal(pthread_join(t[i], &ret), 0);
		assert_int_equal((intptr_t)ret, 2 * ROUNDS);
	}
	eg_grid_free(g);
}

/* The immutable objects every thread shares; inputs, results and states are per thread. */
typedef struct shared_objs {
	const eg_ruleset *rs;
	const eg_airq_profile *prof;
	const eg_ladder *lad;
} shared_objs;

static void *shared_immutables(void *arg)
{
	const shared_objs *sh = arg;
	static const double stats[EG_POLLUTANT_COUNT] = { 10, 30, 70, 35, 1.2, 150 };
	static const char *const units[] = { "A", "B" };
	static const int64_t problems[] = { 12, 68 };
	long ok = 0;
	for (int r = 0; r < ROUNDS; r++) {
		eg_assess_input *in = NULL;
		eg_assess_result *res = NULL;
		eg_ladder_state *st = NULL;
		eg_ladder_outcome *o = NULL;
		eg_airq_index ix = EG_AIRQ_INDEX_INIT;
		/* CJ-A2-5.4: 5 problems -> item 4 at 40 - 5 = 35; 30 + 35 + 10 + 10 + 10 = 95. */
		if (eg_assess_input_new(&in, sh->rs) == EG_OK && eg_assess_input_set_count(in, "4", 5) == EG_OK &&
		    eg_assess_score(&res, sh->rs, in, "2026-10") == EG_OK)
			ok += eg_assess_result_score(res) == 95;
		eg_assess_result_free(res);
		eg_assess_input_free(in);
		/* CJ-A3-3 (CN2026): 10/60 + 30/40 + 70/60 + 35/30 + 1.2/4 + 150/160 = 4.4875 -> "4.49". */
		if (eg_airq_composite(&ix, sh->prof, stats, 0) == EG_OK)
			ok += strcmp(ix.reported, "4.49") == 0;
		/* CJ-A2-7.3: A has 12 of 80 problems = 15 % -> criticism. */
		if (eg_ladder_state_new(&st, sh->lad) == EG_OK &&
		    eg_ladder_step(&o, st, "2026-09", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, units, problems, NULL, 2 }) == EG_OK)
			ok += strcmp(eg_ladder_outcome_action(o, 0), "criticism") == 0;
		eg_ladder_outcome_free(o);
		eg_ladder_state_free(st);
	}
	return (void *)(intptr_t)ok;
}

static void test_threads_share_rule_sets_profiles_and_ladders(void **state)
{
	(void)state;
	pthread_t t[THREADS];
	eg_ruleset *rs = NULL;
	eg_airq_profile *prof = NULL;
	eg_ladder *lad = NULL;
	shared_objs sh;
	assert_int_equal(eg_ruleset_preset(&rs, "changji-2023"), EG_OK);
	assert_int_equal(eg_airq_profile_named(&prof, "CN2026"), EG_OK);
	assert_int_equal(eg_ladder_preset(&lad, "CJ-A2-7.3"), EG_OK);
	sh.rs = rs;
	sh.prof = prof;
	sh.lad = lad;
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, shared_immutables, &sh), 0);
	for (int i = 0; i < THREADS; i++) {
		void *ret;
		assert_int_equal(pthread_join(t[i], &ret), 0);
		assert_int_equal((intptr_t)ret, 3 * ROUNDS);
	}
	eg_ladder_free(lad);
	eg_airq_profile_free(prof);
	eg_ruleset_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_own_handles),
		cmocka_unit_test(test_threads_share_a_read_only_grid),
		cmocka_unit_test(test_threads_share_rule_sets_profiles_and_ladders),
	};
	return cmocka_run_group_tests_name("threads", tests, NULL, NULL);
}
