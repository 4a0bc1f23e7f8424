/*
 * scheme.h (issue #15): loading scheme documents, their errors, round trips,
 * queries, the static checks, families of versions and the diff.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* ---- helpers ---------------------------------------------------------------- */

/* A file of the source tree (ECOGRID_SOURCE_DIR), read whole; NULL-terminated. */
static char *source_file(const char *relative, size_t *len)
{
	const char *dir = getenv("ECOGRID_SOURCE_DIR");
	char path[1024];
	FILE *f;
	char *buf;
	long n;
	assert_non_null(dir);
	snprintf(path, sizeof path, "%s/%s", dir, relative);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

static char *source_path(const char *relative)
{
	static char path[1024];
	snprintf(path, sizeof path, "%s/%s", getenv("ECOGRID_SOURCE_DIR"), relative);
	return path;
}

/* text with the first occurrence of `from` replaced by `to` (caller frees). */
static char *replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	size_t a, nf = strlen(from), nt = strlen(to), n = strlen(text);
	char *out;
	if (!at)
		fail_msg("\"%s\" not found in the document", from);
	a = (size_t)(at - text);
	out = malloc(n - nf + nt + 1);
	assert_non_null(out);
	memcpy(out, text, a);
	memcpy(out + a, to, nt);
	memcpy(out + a + nt, at + nf, n - a - nf + 1);
	return out;
}

/* The shipped Changji document's canonical text (caller frees). */
static char *changji_text(void)
{
	eg_scheme *s = NULL;
	char *t = NULL;
	assert_int_equal(eg_scheme_named(&s, "changji-2023"), EG_OK);
	assert_int_equal(eg_scheme_write(&t, s), EG_OK);
	eg_scheme_free(s);
	{
		char *copy = strdup(t);
		eg_string_free(t);
		return copy;
	}
}

/*
 * Load a text that must be refused: the status, the place (line, column,
 * pointer), what was expected and found, and no scheme made.
 */
static void refused(const char *text, int code, int line, int column, const char *pointer, const char *expected,
		    const char *found)
{
	eg_scheme *s = (eg_scheme *)&s; /* any non-NULL value: it must stay untouched */
	eg_scheme *const mark = s;
	eg_scheme_error e = EG_SCHEME_ERROR_INIT;
	int rc = eg_scheme_load_buffer(&s, &e, text, strlen(text));
	if (rc != code)
		fail_msg("status %d, expected %d: %s", rc, code, eg_error_last()->message);
	assert_ptr_equal(s, mark);
	assert_int_equal(e.code, code);
	assert_int_equal(eg_error_last()->code, code);
	if (line >= 0 && e.line != line)
		fail_msg("line %d, expected %d: %s", (int)e.line, line, eg_error_last()->message);
	if (column >= 0 && e.column != column)
		fail_msg("column %d, expected %d: %s", (int)e.column, column, eg_error_last()->message);
	assert_string_equal(e.pointer, pointer);
	if (expected && !strstr(e.expected, expected))
		fail_msg("expected \"%s\" does not contain \"%s\"", e.expected, expected);
	if (found && !strstr(e.found, found))
		fail_msg("found \"%s\" does not contain \"%s\"", e.found, found);
	/* One sentence with all of it. */
	{
		char where[96];
		snprintf(where, sizeof where, "line %d, column %d, at %s", (int)e.line, (int)e.column, pointer[0] ? pointer : "the document's top");
		if (line > 0 && !strstr(eg_error_last()->message, where))
			fail_msg("message \"%s\" does not say \"%s\"", eg_error_last()->message, where);
		if (expected && !strstr(eg_error_last()->message, expected))
			fail_msg("message \"%s\" does not say \"%s\"", eg_error_last()->message, expected);
	}
}

/* ---- the shipped documents --------------------------------------------------- */

static void test_shipped_documents_load_and_are_canonical(void **state)
{
	(void)state;
	assert_int_equal(eg_scheme_named_count(), 5);
	for (size_t i = 0; i < eg_scheme_named_count(); i++) {
		const char *id = eg_scheme_named_at(i);
		eg_scheme *s = NULL, *again = NULL;
		char rel[128], *file, *text = NULL;
		size_t len;
		assert_int_equal(eg_scheme_named(&s, id), EG_OK);
		assert_string_equal(eg_scheme_id(s), id);
		/* The file in data/schemes is the embedded one and is canonical:
		 * writing the loaded scheme gives its bytes. */
		snprintf(rel, sizeof rel, "data/schemes/%s.json", id);
		file = source_file(rel, &len);
		assert_int_equal(eg_scheme_write(&text, s), EG_OK);
		assert_string_equal(text, file);
		assert_string_equal(eg_scheme_text(s), file);
		/* load -> write -> load -> write: the same bytes and digest. */
		assert_int_equal(eg_scheme_load_buffer(&again, NULL, text, strlen(text)), EG_OK);
		assert_string_equal(eg_scheme_text(again), text);
		assert_string_equal(eg_scheme_sha256(again), eg_scheme_sha256(s));
		assert_int_equal(strlen(eg_scheme_sha256(s)), 64);
		/* From the file as well. */
		eg_scheme_free(again);
		assert_int_equal(eg_scheme_load(&again, NULL, source_path(rel)), EG_OK);
		assert_string_equal(eg_scheme_text(again), file);
		/* A seed scheme has no static defect. */
		{
			eg_scheme_findings *f = NULL;
			assert_int_equal(eg_scheme_check(&f, s), EG_OK);
			for (size_t k = 0; k < eg_scheme_findings_count(f); k++)
				print_error("%s: %s %s\n", id, eg_scheme_findings_id(f, k), eg_scheme_findings_message(f, k, EG_LANG_EN));
			assert_int_equal(eg_scheme_findings_count(f), 0);
			eg_scheme_findings_free(f);
		}
		eg_string_free(text);
		free(file);
		eg_scheme_free(again);
		eg_scheme_free(s);
	}
	{
		eg_scheme *s = NULL;
		assert_null(eg_scheme_named_at(5));
		assert_error(eg_scheme_named(&s, "changji-2099"), EG_ENOTFOUND, "changji-2023, dongguan-2019");
		assert_error(eg_scheme_named(NULL, "changji-2023"), EG_EINVAL, NULL);
	}
}

/* Every quote of every shipped document is verbatim in a seed (../shared/seeds). */
static void test_sources_are_verbatim_in_the_seeds(void **state)
{
	char path[1024], *seeds = NULL;
	size_t total = 0;
	const char *dir = getenv("ECOGRID_SHARED_DATA");
	(void)state;
	if (!dir || !*dir)
		skip();
	for (int k = 0; k < 5; k++) {
		static const char *const files[] = { "000_8d12557ba7d33fea.txt", "001_cb63c957d12f9c9c.txt",
						     "002_d4878596a089f38c.txt", "003_de700301f1a9b0a4.txt",
						     "004_1103bdedf29f919c.txt" };
		FILE *f;
		long n;
		snprintf(path, sizeof path, "%s/../seeds/%s", dir, files[k]);
		if (!(f = fopen(path, "rb"))) {
			free(seeds);
			skip();
		}
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		fseek(f, 0, SEEK_SET);
		seeds = realloc(seeds, total + (size_t)n + 2);
		assert_non_null(seeds);
		assert_int_equal(fread(seeds + total, 1, (size_t)n, f), (size_t)n);
		total += (size_t)n;
		seeds[total++] = '\n';
		seeds[total] = '\0';
		fclose(f);
	}
	for (size_t i = 0; i < eg_scheme_named_count(); i++) {
		eg_scheme *s = NULL;
		assert_int_equal(eg_scheme_named(&s, eg_scheme_named_at(i)), EG_OK);
		assert_true(eg_scheme_source_count(s) > 0);
		for (size_t c = 0; c < eg_scheme_source_count(s); c++) {
			const char *rule, *ptr, *article, *quote;
			assert_int_equal(eg_scheme_source_at(&rule, &ptr, &article, &quote, s, c), EG_OK);
			if (!strstr(seeds, quote))
				fail_msg("%s %s (%s): the quote \"%s\" is not in the seeds", eg_scheme_named_at(i), ptr, rule, quote);
			assert_true(article[0] != '\0');
		}
		eg_scheme_free(s);
	}
	free(seeds);
}

/* Changji's sources: item 4 cites 附件2 第五条(二)4 and its words. */
static void test_cj_a2_5_4_source_of_item_4(void **state)
{
	eg_scheme *s = NULL;
	const char *rule, *ptr, *article, *quote;
	int found = 0;
	(void)state;
	assert_int_equal(eg_scheme_named(&s, "changji-2023"), EG_OK);
	/* 7 items, the veto, the bonus, 8 levels (CJ-A2-5.9's 3, CJ-A2-5.11's 5),
	 * 4 conditions, 3 grades, the annual rule (25), 5 + 1 + 5 + 3 clauses (14),
	 * air: index, ranking, tampering (3), 5 cadences: 47 citations. */
	assert_int_equal(eg_scheme_source_count(s), 47);
	for (size_t c = 0; c < eg_scheme_source_count(s); c++) {
		assert_int_equal(eg_scheme_source_at(&rule, &ptr, &article, &quote, s, c), EG_OK);
		if (strcmp(ptr, "/rulesets/0/items/3") == 0) {
			assert_string_equal(rule, "CJ-A2-5.4");
			assert_string_equal(article, "附件2 第五条(二)4");
			assert_non_null(strstr(quote, "每1起扣1分,扣完为止"));
			found = 1;
		}
	}
	assert_true(found);
	assert_error(eg_scheme_source_at(&rule, &ptr, &article, &quote, s, 47), EG_ERANGE, "47");
	assert_error(eg_scheme_source_at(NULL, &ptr, &article, &quote, s, 0), EG_EINVAL, NULL);
	eg_scheme_free(s);
}

/* ---- round trip --------------------------------------------------------------- */

/* A document with explicit defaults and other formatting loads to the same model. */
static void test_round_trip_normalises_formatting_and_defaults(void **state)
{
	char *base = changji_text(), *a, *b;
	eg_scheme *s1 = NULL, *s2 = NULL, *s3 = NULL;
	(void)state;
	/* Explicit defaults (scale 1, a clause's count 1, overflow false) and
	 * compact spacing: the canonical text leaves the defaults out. */
	a = replaced(base, "\"total_rule\": \"CJ-A2-5.10\",", "\"scale\":1,\"total_rule\":\"CJ-A2-5.10\",");
	b = replaced(a, "\"kind\": \"single\",\n          \"threshold\": 10,", "\"kind\":\"single\",\"count\":1,\"threshold\":10,\"window_sum\":false,\"flag\":\"none\",");
	assert_int_equal(eg_scheme_load_buffer(&s1, NULL, b, strlen(b)), EG_OK);
	assert_string_equal(eg_scheme_text(s1), base);
	/* load -> write -> load -> write */
	assert_int_equal(eg_scheme_load_buffer(&s2, NULL, eg_scheme_text(s1), strlen(eg_scheme_text(s1))), EG_OK);
	assert_string_equal(eg_scheme_text(s2), eg_scheme_text(s1));
	/* A custom air profile with decimals survives too. */
	free(a);
	a = replaced(base, "\"profile\": \"by_date\",",
		     "\"profile\": {\"name\": \"local\", \"limits\": {\"so2\": 60, \"no2\": 40, \"pm10\": 70, \"pm25\": 35, \"co\": 4.5, \"o3\": 160}, "
		     "\"weights\": {\"so2\": 1, \"no2\": 1, \"pm10\": 1, \"pm25\": 1.25, \"co\": 1, \"o3\": 0.1}, \"aqi_table\": 2012},");
	assert_int_equal(eg_scheme_load_buffer(&s3, NULL, a, strlen(a)), EG_OK);
	{
		eg_scheme *s4 = NULL;
		eg_airq_profile *p = NULL;
		assert_non_null(strstr(eg_scheme_text(s3), "\"co\": 4.5"));
		assert_non_null(strstr(eg_scheme_text(s3), "\"pm25\": 1.25"));
		assert_int_equal(eg_scheme_load_buffer(&s4, NULL, eg_scheme_text(s3), strlen(eg_scheme_text(s3))), EG_OK);
		assert_string_equal(eg_scheme_text(s4), eg_scheme_text(s3));
		assert_int_equal(eg_scheme_airq_profile(&p, s4, "2026-06"), EG_OK);
		assert_string_equal(eg_airq_profile_name(p), "local");
		assert_double_equal(eg_airq_profile_limit(p, 4), 4.5, 0);
		assert_double_equal(eg_airq_profile_weight(p, 5), 0.1, 0);
		eg_airq_profile_free(p);
		eg_scheme_free(s4);
	}
	eg_scheme_free(s1);
	eg_scheme_free(s2);
	eg_scheme_free(s3);
	free(a);
	free(b);
	free(base);
}

/* ---- queries -------------------------------------------------------------------- */

static void test_ruleset_in_force_by_date(void **state)
{
	eg_scheme *s = NULL;
	eg_ruleset *rs = NULL;
	const char *from, *to;
	(void)state;
	assert_int_equal(eg_scheme_named(&s, "changji-2023"), EG_OK);
	assert_string_equal(eg_scheme_family_name(s), "changji");
	assert_string_equal(eg_scheme_document(s), "昌州环委办发〔2023〕6号");
	assert_string_equal(eg_scheme_title(s, EG_LANG_ZH), "昌吉州网格化环境监管工作实施方案(试行)");
	assert_non_null(strstr(eg_scheme_issuer(s, EG_LANG_EN), "Changji"));
	assert_int_equal(eg_scheme_validity(&from, &to, s), EG_OK);
	assert_string_equal(from, "2023-05-24");
	assert_null(to);
	assert_int_equal(eg_scheme_ruleset_count(s), 1);
	assert_string_equal(eg_scheme_ruleset_name(s, 0), "changji-2023");
	assert_null(eg_scheme_ruleset_name(s, 1));
	/* R0.3: in force from the day it was issued, 2023-05-24, inclusive. */
	assert_int_equal(eg_scheme_ruleset(&rs, s, "2023-05-24"), EG_OK);
	assert_string_equal(eg_ruleset_name(rs), "changji-2023");
	eg_ruleset_free(rs);
	rs = NULL;
	assert_int_equal(eg_scheme_ruleset(&rs, s, "2026-10"), EG_OK);
	eg_ruleset_free(rs);
	rs = NULL;
	assert_error(eg_scheme_ruleset(&rs, s, "2023-05-23"), EG_ENOTFOUND, "2023-05-23");
	assert_error(eg_scheme_ruleset(&rs, s, "2023-5-23"), EG_EINVAL, "not a date");
	assert_error(eg_scheme_ruleset(&rs, NULL, "2023-05-24"), EG_EINVAL, NULL);
	assert_error(eg_scheme_ruleset_named(&rs, s, "jiangmen-2021"), EG_ENOTFOUND, "jiangmen-2021");
	assert_int_equal(eg_scheme_ruleset_named(&rs, s, "changji-2023"), EG_OK);
	eg_ruleset_free(rs);
	assert_null(rs = NULL);
	eg_scheme_free(s);
}

static void test_ladders_air_cadences_and_monthly_feeds(void **state)
{
	eg_scheme *s = NULL;
	eg_ladder *l = NULL;
	eg_airq_profile *p = NULL;
	int metric, order, decimals, feed;
	eg_scheme_cadence cd = EG_SCHEME_CADENCE_INIT;
	const char *last, *ladder, *item;
	(void)state;
	assert_int_equal(eg_scheme_named(&s, "changji-2023"), EG_OK);
	assert_int_equal(eg_scheme_ladder_count(s), 4);
	assert_string_equal(eg_scheme_ladder_name(s, 0), "CJ-A2-7.3");
	assert_int_equal(eg_scheme_ladder(&l, s, "CJ-A3-4"), EG_OK);
	assert_int_equal(eg_ladder_action_count(l), 5); /* none + 4 */
	assert_string_equal(eg_ladder_action_id(l, 4), "accountability");
	eg_ladder_free(l);
	l = NULL;
	assert_error(eg_scheme_ladder(&l, s, "DG-65"), EG_ENOTFOUND, "DG-65");
	/* airquality.md §1: CN2012 until 2026-02-28, CN2026 from 2026-03-01. */
	assert_int_equal(eg_scheme_airq_profile(&p, s, "2026-02-28"), EG_OK);
	assert_string_equal(eg_airq_profile_name(p), "CN2012");
	eg_airq_profile_free(p);
	assert_int_equal(eg_scheme_airq_profile(&p, s, "2026-03"), EG_OK);
	assert_string_equal(eg_airq_profile_name(p), "CN2026");
	eg_airq_profile_free(p);
	/* CJ-A3-5: the improvement rate, larger is better, to 0.1 % (3 decimals of the fraction). */
	assert_int_equal(eg_scheme_airq_ranking(&metric, &order, &decimals, &last, s), EG_OK);
	assert_int_equal(metric, EG_SCHEME_RANK_METRIC_IMPROVEMENT_RATE);
	assert_int_equal(order, EG_RANK_ORDER_DESC);
	assert_int_equal(decimals, 3);
	assert_string_equal(last, "CJ-A3-4");
	/* CJ-G.8: patrol every day, at least once. */
	assert_int_equal(eg_scheme_cadence_count(s), 5);
	assert_string_equal(eg_scheme_cadence_id(s, 0), "CJ-G.8-patrol");
	assert_int_equal(eg_scheme_cadence_at(&cd, s, 0), EG_OK);
	assert_string_equal(cd.id, "CJ-G.8-patrol");
	assert_string_equal(cd.kind, "patrol");
	assert_int_equal(cd.period, EG_DUTY_PERIOD_DAY);
	assert_int_equal(cd.min_count, 1);
	assert_int_equal(cd.flags, 0);
	assert_string_equal(cd.rule, "CJ-G.8");
	assert_error(eg_scheme_cadence_at(&cd, s, 5), EG_ERANGE, NULL);
	cd.version = 2;
	assert_error(eg_scheme_cadence_at(&cd, s, 0), EG_EINVAL, "version 2");
	assert_error(eg_scheme_cadence_init(&cd, 2), EG_EINVAL, NULL);
	assert_int_equal(eg_scheme_cadence_init(&cd, EG_SCHEME_CADENCE_VERSION), EG_OK);
	/* The monthly cycle: CJ-A2-7.3 takes item 4's count, CJ-A2-7.1 the failed months. */
	assert_int_equal(eg_scheme_monthly_count(s), 2);
	assert_int_equal(eg_scheme_monthly_at(&ladder, &feed, &item, s, 0), EG_OK);
	assert_string_equal(ladder, "CJ-A2-7.3");
	assert_int_equal(feed, EG_SCHEME_FEED_ITEM_COUNT);
	assert_string_equal(item, "4");
	assert_int_equal(eg_scheme_monthly_at(&ladder, &feed, &item, s, 1), EG_OK);
	assert_int_equal(feed, EG_SCHEME_FEED_FAILED);
	assert_null(item);
	assert_error(eg_scheme_monthly_at(&ladder, &feed, &item, s, 2), EG_ERANGE, NULL);
	eg_scheme_free(s);
	/* Without an air-quality set-up. */
	assert_int_equal(eg_scheme_named(&s, "dongguan-2019"), EG_OK);
	assert_error(eg_scheme_airq_profile(&p, s, "2026-03"), EG_ENOTFOUND, "air-quality");
	assert_int_equal(eg_scheme_airq_ranking(&metric, &order, &decimals, &last, s), EG_OK);
	assert_int_equal(metric, EG_SCHEME_RANK_METRIC_NONE);
	assert_null(last);
	/* DG-15: night or holiday inspections, 4 a month for a town. */
	assert_int_equal(eg_scheme_cadence_at(&cd, s, 2), EG_OK);
	assert_string_equal(eg_scheme_cadence_id(s, 2), "DG-15-town");
	assert_int_equal(cd.min_count, 4);
	assert_int_equal(cd.flags, EG_DUTY_CADENCE_NIGHT_OR_HOLIDAY);
	eg_scheme_free(s);
}


/* JM-2.2: "the text never says 每起": per occurrence (30 late records = −30, the
 * default) or per situation (−1), chosen in the jurisdiction's document. */
static void test_jm_2_2_per_situation_in_the_document(void **state)
{
	eg_scheme *s = NULL;
	eg_ruleset *rs = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	char *t;
	(void)state;
	assert_int_equal(eg_scheme_named(&s, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_scheme_ruleset(&rs, s, "2021-06-30"), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "2", 30), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, "2021-06-30"), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -30); /* 30 occurrences x 1 */
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	/* Item 2 per situation: the first "per_occurrence": 1 of the document is item 2's. */
	t = replaced(eg_scheme_text(s), "\"per_occurrence\": 1,", "\"per_occurrence\": 1,\n          \"per_situation\": true,");
	eg_scheme_free(s);
	s = NULL;
	assert_int_equal(eg_scheme_load_buffer(&s, NULL, t, strlen(t)), EG_OK);
	assert_int_equal(eg_scheme_ruleset(&rs, s, "2021-06-30"), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "2", 30), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, "2021-06-30"), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -1); /* one situation */
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "2", 0), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, "2021-06-30"), EG_OK);
	assert_int_equal(eg_assess_result_score(r), 0); /* no occurrence, no situation */
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	/* The option is written back: the document round-trips with it. */
	assert_non_null(strstr(eg_scheme_text(s), "\"per_situation\": true"));
	eg_scheme_free(s);
	free(t);
}

/*
 * Every duty carries its source, as items and clauses do (section 9 of the
 * catalogue quotes it under "Seed:"): a duty without one is refused at the
 * duty, naming it; a source without its quote is refused at the source. A
 * loaded duty keeps the source through eg_scheme_duties() and a rewrite.
 */
static void test_duty_without_a_source_is_refused(void **state)
{
	eg_scheme *s = NULL;
	eg_duty_set *set = NULL;
	const char *a = NULL, *q = NULL;
	char *base, *t;
	(void)state;
	assert_int_equal(eg_scheme_named(&s, "mee-2020"), EG_OK);
	base = strdup(eg_scheme_text(s));
	eg_scheme_free(s);
	s = NULL;
	/* MEE-2.1-procedure, the first duty: its source is 二(一) 「申請程序、時限要求等相關事項」. */
	assert_non_null(strstr(base, "\"limit\": 20,\n      \"source\": {\n        \"article\": \"二(一)\",\n"
				     "        \"quote\": \"申請程序、時限要求等相關事項\"\n      }\n"));
	t = replaced(base, "\"limit\": 20,\n      \"source\": {\n        \"article\": \"二(一)\",\n"
			   "        \"quote\": \"申請程序、時限要求等相關事項\"\n      }\n", "\"limit\": 20\n");
	/* Line 34, column 5: the duty's opening brace in the canonical text. */
	refused(t, EG_EPARSE, 34, 5, "/duties/0",
		"duty MEE-2.1-procedure has no source: a duty needs the key \"source\" with the article and the verbatim "
		"words of the regulation it implements",
		NULL);
	assert_string_equal(eg_error_last()->message,
			    "scheme: line 34, column 5, at /duties/0: duty MEE-2.1-procedure has no source: a duty needs "
			    "the key \"source\" with the article and the verbatim words of the regulation it implements");
	free(t);
	t = replaced(base, ",\n        \"quote\": \"申請程序、時限要求等相關事項\"", "");
	refused(t, EG_EPARSE, -1, -1, "/duties/0/source", "needs the key \"quote\"", NULL);
	free(t);
	t = replaced(base, "\"quote\": \"申請程序、時限要求等相關事項\"", "\"quote\": \"\"");
	refused(t, EG_EPARSE, -1, -1, "/duties/0/source/quote", NULL, NULL);
	free(t);
	/* The source survives loading, writing and eg_scheme_duties(). */
	assert_int_equal(eg_scheme_load_buffer(&s, NULL, base, strlen(base)), EG_OK);
	assert_string_equal(eg_scheme_text(s), base);
	assert_int_equal(eg_scheme_duties(&set, s), EG_OK);
	assert_int_equal(eg_duty_set_source(&a, &q, set, 0), EG_OK);
	assert_string_equal(a, "二(一)");
	assert_string_equal(q, "申請程序、時限要求等相關事項");
	/* MEE-3.3, the last: 三(三) 「在重污染天氣預警期間開展督查」. */
	assert_int_equal(eg_duty_set_source(&a, &q, set, 9), EG_OK);
	assert_string_equal(a, "三(三)");
	assert_string_equal(q, "在重污染天氣預警期間開展督查");
	eg_duty_set_free(set);
	eg_scheme_free(s);
	free(base);
}

/* Section 9 of the catalogue: a scheme carries its duty calendar; the presets are the shipped documents' duties. */
static void test_duties_of_a_scheme(void **state)
{
	eg_scheme *s = NULL;
	eg_duty_set *set = NULL, *preset = NULL;
	eg_duty_def d = EG_DUTY_DEF_INIT;
	char *t;
	(void)state;
	assert_int_equal(eg_scheme_named(&s, "mee-2020"), EG_OK);
	assert_int_equal(eg_scheme_duties(&set, s), EG_OK);
	assert_int_equal(eg_duty_set_preset(&preset, "mee-2020"), EG_OK);
	assert_int_equal(eg_duty_set_count(set), 10);
	assert_int_equal(eg_duty_set_count(preset), 10);
	/* MEE-2.1 (a): published within 20 working days of adoption (R0.9(a)). */
	assert_int_equal(eg_duty_set_at(&d, set, 0), EG_OK);
	assert_string_equal(d.id, "MEE-2.1-procedure");
	assert_string_equal(d.rule, "MEE-2.1");
	assert_int_equal(d.shape, EG_DUTY_SHAPE_EVENT);
	assert_string_equal(d.event_kind, "procedure_adopted");
	assert_int_equal(d.limit_unit, EG_DUTY_UNIT_WORKDAYS);
	assert_int_equal(d.limit, 20);
	assert_string_equal(d.start, "2020-10-05");
	for (size_t i = 0; i < eg_duty_set_count(set); i++) {
		eg_duty_def a = EG_DUTY_DEF_INIT, b = EG_DUTY_DEF_INIT;
		assert_int_equal(eg_duty_set_at(&a, set, i), EG_OK);
		assert_int_equal(eg_duty_set_at(&b, preset, i), EG_OK);
		assert_string_equal(a.id, b.id);
		assert_int_equal(a.flags, b.flags);
	}
	eg_duty_set_free(set);
	eg_duty_set_free(preset);
	set = NULL;
	assert_error(eg_scheme_duties(NULL, s), EG_EINVAL, NULL);
	assert_error(eg_scheme_duties(&set, NULL), EG_EINVAL, NULL);
	assert_null(set);
	/* Flags are written in the order of their bits, whatever the order given. */
	t = replaced(eg_scheme_text(s), "\"kind\": \"procedure_published\",",
		     "\"kind\": \"procedure_published\", \"flags\": [\"extend\", \"no_due\"],");
	eg_scheme_free(s);
	s = NULL;
	assert_int_equal(eg_scheme_load_buffer(&s, NULL, t, strlen(t)), EG_OK);
	assert_non_null(strstr(eg_scheme_text(s), "\"flags\": [\n        \"no_due\",\n        \"extend\"\n      ]"));
	assert_int_equal(eg_scheme_duties(&set, s), EG_OK);
	assert_int_equal(eg_duty_set_at(&d, set, 0), EG_OK);
	assert_int_equal(d.flags, EG_DUTY_FLAG_NO_DUE | EG_DUTY_FLAG_EXTEND);
	eg_duty_set_free(set);
	eg_scheme_free(s);
	free(t);
	/* A scheme without duties gives an empty set. */
	assert_int_equal(eg_scheme_named(&s, "changji-2023"), EG_OK);
	t = strdup(eg_scheme_text(s));
	eg_scheme_free(s);
	{
		char *cut = strstr(t, ",\n  \"duties\": [");
		char *rest = strstr(t, "\n  \"monthly_ladders\"");
		assert_non_null(cut);
		assert_non_null(rest);
		memmove(cut + 1, rest, strlen(rest) + 1);
	}
	assert_int_equal(eg_scheme_load_buffer(&s, NULL, t, strlen(t)), EG_OK);
	assert_string_equal(eg_scheme_text(s), t);
	assert_int_equal(eg_scheme_duties(&set, s), EG_OK);
	assert_int_equal(eg_duty_set_count(set), 0);
	eg_duty_set_free(set);
	eg_scheme_free(s);
	free(t);
}

static void test_deadlines(void **state)
{
	eg_scheme *s = NULL;
	char due[11] = "untouched";
	(void)state;
	assert_int_equal(eg_scheme_named(&s, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_scheme_deadline_count(s), 2);
	assert_string_equal(eg_scheme_deadline_id(s, 0), "district_update");
	assert_string_equal(eg_scheme_deadline_rule(s, 0), "JM-2.1.2");
	/* JM-2.1.2: by the 3rd of the month after the quarter: Q1 -> 3 April; Q4 -> 3 January next year. */
	assert_int_equal(eg_scheme_deadline(due, s, "district_update", "2021Q1"), EG_OK);
	assert_string_equal(due, "2021-04-03");
	assert_int_equal(eg_scheme_deadline(due, s, "district_update", "2021Q4"), EG_OK);
	assert_string_equal(due, "2022-01-03");
	/* ... and the list by the 15th. */
	assert_int_equal(eg_scheme_deadline(due, s, "list_update", "2021Q2"), EG_OK);
	assert_string_equal(due, "2021-07-15");
	assert_error(eg_scheme_deadline(due, s, "list_update", "2021Q5"), EG_EINVAL, "quarter");
	assert_error(eg_scheme_deadline(due, s, "list_update", "2021-Q1"), EG_EINVAL, "quarter");
	assert_error(eg_scheme_deadline(due, s, "nothing", "2021Q1"), EG_ENOTFOUND, "nothing");
	assert_string_equal(due, "2021-07-15");
	eg_scheme_free(s);
	/* YL-5.4: 3 months, R0.10: 2019-11-30 -> 2020-02-29 (the month's last day). */
	assert_int_equal(eg_scheme_named(&s, "yulin-2019"), EG_OK);
	assert_int_equal(eg_scheme_deadline(due, s, "YL-5.4", "2019-11-30"), EG_OK);
	assert_string_equal(due, "2020-02-29");
	assert_int_equal(eg_scheme_deadline(due, s, "YL-5.4", "2019-07-15"), EG_OK);
	assert_string_equal(due, "2019-10-15");
	assert_error(eg_scheme_deadline(due, s, "YL-5.4", "9999-11-01"), EG_ERANGE, "9999-12-31");
	assert_error(eg_scheme_deadline(due, s, "YL-5.4", "2019-13-01"), EG_EINVAL, "not a date");
	eg_scheme_free(s);
	/* MEE-3.1: by 30 September every year. */
	assert_int_equal(eg_scheme_named(&s, "mee-2020"), EG_OK);
	assert_int_equal(eg_scheme_deadline(due, s, "MEE-3.1", "2021"), EG_OK);
	assert_string_equal(due, "2021-09-30");
	assert_error(eg_scheme_deadline(due, s, "MEE-3.1", "21"), EG_EINVAL, "year");
	assert_error(eg_scheme_deadline(NULL, s, "MEE-3.1", "2021"), EG_EINVAL, NULL);
	eg_scheme_free(s);
}

/* Put one version of a disclosure record (JM-2.1.1 content, and the quarter it reports when q is set). */
static void put_disclosure(eg_records *r, const char *id, const char *time, const char *q)
{
	const char *keys[6] = { "name", "district", "category", "target", "progress", "quarter" };
	const char *values[6] = { "甲厂", "蓬江区", "造纸", "目标", "进展", q };
	eg_records_put_options o = { EG_RECORDS_PUT_OPTIONS_VERSION, keys, values, q ? 6 : 5 };
	assert_int_equal(eg_records_put(r, id, time, "a", "b", &o), EG_OK);
}

/*
 * JM-2.1.2 under a scheme (eg_scheme_disclosure_status): jiangmen-2021's
 * district update of 2021Q4 is due 2022-01-03; a copy due on the 10th moves
 * it to 2022-01-10. J1 updated at 2022-01-10 23:59: 7 days late under the
 * 3rd (2022-01-03 23:59 + 7 days), on time under the 10th (the whole day,
 * R0.3); J2 at 2022-01-11 00:00: 8 and 1 day late; J3 never: missing; J4
 * first listed on 2022-01-11: not due under the 10th. A scheme without the
 * deadline (changji-2023) is ENOTFOUND.
 */
static void test_jm_2_1_2_disclosure_status_by_the_scheme_deadline(void **state)
{
	eg_scheme *jm = NULL, *d10 = NULL, *cj = NULL;
	eg_records *r = NULL;
	char *t;
	char due[11] = "untouched";
	int st = -1;
	int32_t late = -1;
	static const struct {
		const char *id;
		int st3;
		int32_t late3;
		int st10;
		int32_t late10;
	} want[] = {
		{ "J1", EG_DISCLOSURE_UPDATE_LATE, 7, EG_DISCLOSURE_UPDATE_ON_TIME, 0 },
		{ "J2", EG_DISCLOSURE_UPDATE_LATE, 8, EG_DISCLOSURE_UPDATE_LATE, 1 },
		{ "J3", EG_DISCLOSURE_UPDATE_MISSING, 0, EG_DISCLOSURE_UPDATE_MISSING, 0 },
		{ "J4", EG_DISCLOSURE_UPDATE_NOT_DUE, 0, EG_DISCLOSURE_UPDATE_NOT_DUE, 0 },
	};
	(void)state;
	assert_int_equal(eg_scheme_named(&jm, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_scheme_named(&cj, "changji-2023"), EG_OK);
	t = replaced(eg_scheme_text(jm), "\"months\": 1,\n      \"day\": 3,", "\"months\": 1,\n      \"day\": 10,");
	assert_int_equal(eg_scheme_load_buffer(&d10, NULL, t, strlen(t)), EG_OK);
	assert_int_equal(eg_records_new(&r), EG_OK);
	put_disclosure(r, "J1", "2021-10-01 09:00", NULL);
	put_disclosure(r, "J2", "2021-10-01 09:00", NULL);
	put_disclosure(r, "J3", "2021-10-01 09:00", NULL);
	put_disclosure(r, "J1", "2022-01-10 23:59", "2021Q4");
	put_disclosure(r, "J2", "2022-01-11 00:00", "2021Q4");
	put_disclosure(r, "J4", "2022-01-11 09:00", NULL);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(eg_scheme_disclosure_status(&st, &late, due, jm, r, want[i].id, 2021, 4), EG_OK);
		assert_string_equal(due, "2022-01-03");
		assert_int_equal(st, want[i].st3);
		assert_int_equal(late, want[i].late3);
		/* The shipped document agrees with eg_disclosure_update_status(). */
		{
			int st2 = -1;
			int32_t late2 = -1;
			assert_int_equal(eg_disclosure_update_status(&st2, &late2, r, want[i].id, 2021, 4), EG_OK);
			assert_int_equal(st2, st);
			assert_int_equal(late2, late);
		}
		assert_int_equal(eg_scheme_disclosure_status(&st, &late, due, d10, r, want[i].id, 2021, 4), EG_OK);
		assert_string_equal(due, "2022-01-10");
		assert_int_equal(st, want[i].st10);
		assert_int_equal(late, want[i].late10);
	}
	/* due may be NULL. */
	assert_int_equal(eg_scheme_disclosure_status(&st, &late, NULL, d10, r, "J1", 2021, 4), EG_OK);
	/* Errors: no such deadline, record, quarter, NULLs; due untouched. */
	strcpy(due, "untouched");
	assert_error(eg_scheme_disclosure_status(&st, &late, due, cj, r, "J1", 2021, 4), EG_ENOTFOUND, "district_update");
	assert_error(eg_scheme_disclosure_status(&st, &late, due, jm, r, "J9", 2021, 4), EG_ENOTFOUND, "J9");
	assert_error(eg_scheme_disclosure_status(&st, &late, due, jm, r, "J1", 2021, 5), EG_EINVAL, "quarter");
	assert_error(eg_scheme_disclosure_status(&st, &late, due, jm, r, "J1", 9999, 1), EG_EINVAL, "quarter");
	assert_error(eg_scheme_disclosure_status(NULL, &late, due, jm, r, "J1", 2021, 4), EG_EINVAL, NULL);
	assert_error(eg_scheme_disclosure_status(&st, &late, due, NULL, r, "J1", 2021, 4), EG_EINVAL, NULL);
	assert_error(eg_scheme_disclosure_status(&st, &late, due, jm, NULL, "J1", 2021, 4), EG_EINVAL, NULL);
	assert_string_equal(due, "untouched");
	eg_records_free(r);
	eg_scheme_free(jm);
	eg_scheme_free(d10);
	eg_scheme_free(cj);
	free(t);
}

/* ---- errors ----------------------------------------------------------------------- */

static void test_error_unknown_key_lists_the_valid_keys(void **state)
{
	char *base = changji_text(), *t;
	(void)state;
	/* Item 4's "max_points" is on line 97 of the canonical document, 10 spaces in. */
	t = replaced(base, "\"max_points\": 40,", "\"max_point\": 40,");
	refused(t, EG_EPARSE, 97, 11, "/rulesets/0/items/3/max_point",
		"one of the keys of an item: id, rule, section, name, kind, max_points, per_occurrence, floor, overflow, veto, adverse_fail, per_situation, source",
		"the unknown key \"max_point\"");
	free(t);
	t = replaced(base, "\"ecogrid_scheme\": 1,", "\"ecogrid_scheme\": 1, \"comment\": \"x\",");
	refused(t, EG_EPARSE, 2, 24, "/comment", "ecogrid_scheme, id, family, title", "\"comment\"");
	free(t);
	free(base);
}

static void test_error_numbers_out_of_range(void **state)
{
	char *base = changji_text(), *t;
	(void)state;
	/* Item 5's per_occurrence (line 115): negative, fractional, beyond 64 bits. */
	t = replaced(base, "\"per_occurrence\": 5,", "\"per_occurrence\": -5,");
	refused(t, EG_ERANGE, 115, 29, "/rulesets/0/items/4/per_occurrence", "an integer from 0 to 1000000", "-5");
	free(t);
	t = replaced(base, "\"per_occurrence\": 5,", "\"per_occurrence\": 1000001,");
	refused(t, EG_ERANGE, 115, 29, "/rulesets/0/items/4/per_occurrence", "an integer from 0 to 1000000", "1000001");
	free(t);
	t = replaced(base, "\"per_occurrence\": 5,", "\"per_occurrence\": 5.5,");
	refused(t, EG_EPARSE, 115, 29, "/rulesets/0/items/4/per_occurrence", "an integer from 0 to 1000000", "5.5");
	free(t);
	/* An integer that does not fit int64: jansson refuses it, at its place. */
	t = replaced(base, "\"per_occurrence\": 5,", "\"per_occurrence\": 99999999999999999999,");
	refused(t, EG_ERANGE, 115, -1, "/rulesets/0/items/4/per_occurrence", "too big integer", NULL);
	free(t);
	t = replaced(base, "\"per_occurrence\": 5,", "\"per_occurrence\": \"5\",");
	refused(t, EG_EPARSE, 115, 29, "/rulesets/0/items/4/per_occurrence", "an integer", "\"5\"");
	free(t);
	/* A ladder's window of 13 months (at most 12). */
	t = replaced(base, "\"count\": 2,", "\"count\": 13,");
	refused(t, EG_ERANGE, -1, -1, "/ladders/0/clauses/1/count", "an integer from 1 to 12", "13");
	free(t);
	/* The format version. */
	t = replaced(base, "\"ecogrid_scheme\": 1,", "\"ecogrid_scheme\": 2,");
	refused(t, EG_ERANGE, 2, 21, "/ecogrid_scheme", "an integer from 1 to 1", "2");
	free(t);
	free(base);
}

static void test_error_duplicates(void **state)
{
	char *base = changji_text(), *t;
	(void)state;
	/* Item 5 given item 4's ID (line 106). */
	t = replaced(base, "\"id\": \"5\",", "\"id\": \"4\",");
	refused(t, EG_EEXISTS, 106, 17, "/rulesets/0/items/4/id", "an ID that no other item has", "already the ID of entry 3");
	free(t);
	/* A key twice in one object: jansson refuses it. */
	t = replaced(base, "\"per_occurrence\": 5,", "\"per_occurrence\": 5, \"per_occurrence\": 6,");
	refused(t, EG_EEXISTS, 115, -1, "/rulesets/0/items/4/per_occurrence", "duplicate object key", NULL);
	free(t);
	/* Two ladders with one ID. */
	t = replaced(base, "\"id\": \"CJ-A2-7.1\",", "\"id\": \"CJ-A2-7.3\",");
	refused(t, EG_EEXISTS, -1, -1, "/ladders/1/id", "an ID that no other ladder has", NULL);
	free(t);
	free(base);
}

static void test_error_bytes_utf8_nul_size_syntax(void **state)
{
	char *base = changji_text(), *t;
	eg_scheme *s = NULL;
	eg_scheme_error e = EG_SCHEME_ERROR_INIT;
	size_t n;
	(void)state;
	/* A byte that is not UTF-8 inside the document number (line 9). */
	t = replaced(base, "6号", "6\xff");
	refused(t, EG_EUTF8, 9, 29, "/document", "UTF-8 text", "0xff");
	free(t);
	/* A NUL byte. */
	n = strlen(base);
	t = strdup(base);
	t[40] = '\0';
	assert_int_equal(eg_scheme_load_buffer(&s, &e, t, n), EG_EPARSE);
	assert_null(s);
	assert_string_equal(e.found, "a NUL byte");
	free(t);
	/* Over EG_SCHEME_MAX_BYTES: refused before parsing. */
	t = calloc(EG_SCHEME_MAX_BYTES + 2, 1);
	memset(t, ' ', EG_SCHEME_MAX_BYTES + 1);
	t[0] = '{';
	t[EG_SCHEME_MAX_BYTES] = '}';
	assert_int_equal(eg_scheme_load_buffer(&s, &e, t, EG_SCHEME_MAX_BYTES + 1), EG_ERANGE);
	assert_string_equal(e.found, "1048577 bytes");
	assert_int_equal(e.line, 0);
	assert_non_null(strstr(eg_error_last()->message, "1048576"));
	/* Exactly the limit is not refused for its size (it is no scheme, though). */
	assert_int_equal(eg_scheme_load_buffer(&s, &e, t, EG_SCHEME_MAX_BYTES), EG_EPARSE);
	assert_string_equal(e.pointer, "");
	free(t);
	/* A syntax error: where jansson stopped and the pointer of the value being read. */
	t = replaced(base, "\"per_occurrence\": 5,", "\"per_occurrence\": 5,,");
	refused(t, EG_EPARSE, 115, -1, "/rulesets/0/items/4", "valid JSON", NULL);
	free(t);
	refused("", EG_EPARSE, 1, -1, "", "valid JSON", NULL);
	refused("[1, 2]", EG_EPARSE, 1, 1, "", "a scheme document (an object)", "an array");
	free(base);
}

static void test_error_missing_and_wrong_values(void **state)
{
	char *base = changji_text(), *t;
	(void)state;
	t = replaced(base, "\"family\": \"changji\",", "");
	refused(t, EG_EPARSE, 1, 1, "", "a scheme document needs the key \"family\"", NULL);
	free(t);
	t = replaced(base, "\"valid_from\": \"2023-05-24\",", "\"valid_from\": \"2023-02-30\",");
	refused(t, EG_EPARSE, 14, 17, "/valid_from", "a date YYYY-MM-DD", "\"2023-02-30\"");
	free(t);
	t = replaced(base, "\"kind\": \"status\",", "\"kind\": \"bonus\",");
	refused(t, EG_EPARSE, -1, -1, "/rulesets/0/items/0/kind", "one of \"status\", \"deduction\"", "\"bonus\"");
	free(t);
	/* A deduction key on a status item. */
	t = replaced(base, "\"kind\": \"status\",", "\"kind\": \"status\", \"floor\": 0,");
	refused(t, EG_EPARSE, -1, -1, "/rulesets/0/items/0/floor", "no deduction keys on a status item", NULL);
	free(t);
	/* An item without its source. */
	t = replaced(base, "\"source\": {\n            \"article\": \"附件2 第五条(二)5\",", "\"sourcex\": {\n            \"article\": \"附件2 第五条(二)5\",");
	refused(t, EG_EPARSE, -1, -1, "/rulesets/0/items/4/sourcex", "source", "\"sourcex\"");
	free(t);
	/* An empty string and a control character. */
	t = replaced(base, "\"rule\": \"CJ-A2-5.4\",", "\"rule\": \"\",");
	refused(t, EG_EPARSE, -1, -1, "/rulesets/0/items/3/rule", "a non-empty string", NULL);
	free(t);
	t = replaced(base, "\"zh\": \"应发现未发现问题\",", "\"zh\": \"应发现\\t未发现问题\",");
	refused(t, EG_EPARSE, -1, -1, "/rulesets/0/items/3/name/zh", "without control characters", NULL);
	free(t);
	/* A level with both an amount and "fail". */
	t = replaced(base, "\"fail\": true,", "\"fail\": true, \"amount\": 5,");
	refused(t, EG_EPARSE, -1, -1, "/rulesets/0/penalties/levels/0", "either \"amount\"", "both");
	free(t);
	free(base);
}

/* Phase 2: the library's rules, placed on the value that breaks them. */
static void test_error_builder_refusals_are_placed(void **state)
{
	char *base = changji_text(), *t;
	(void)state;
	t = replaced(base, "\"section\": \"operation\",", "\"section\": \"operations\",");
	refused(t, EG_ENOTFOUND, 91, 22, "/rulesets/0/items/3/section", "section operations not found", NULL);
	free(t);
	/* CJ-A2-6.1: a veto on a deduction item. */
	t = replaced(base, "\"per_occurrence\": 1,", "\"per_occurrence\": 1, \"veto\": true,");
	refused(t, EG_EINVAL, -1, -1, "/rulesets/0/items/3/veto", "only status items can be veto items", NULL);
	free(t);
	/* A clause naming an action the ladder lacks. */
	t = replaced(base, "\"action\": \"criticism\",", "\"action\": \"warning\",");
	refused(t, EG_ENOTFOUND, -1, -1, "/ladders/0/clauses/0", "action warning not found", NULL);
	free(t);
	/* Grades must rise with the grade (CJ-A2-6.2). */
	t = replaced(base, "\"min_points\": 80,", "\"min_points\": 95,");
	refused(t, EG_ERANGE, -1, -1, "/rulesets/0/grades/1", "thresholds must rise", NULL);
	free(t);
	/* Dates: a rule set outside the scheme, the scheme ending before it starts. */
	t = replaced(base, "\"total_rule\": \"CJ-A2-5.10\",", "\"valid_from\": \"2023-01-01\", \"total_rule\": \"CJ-A2-5.10\",");
	refused(t, EG_ERANGE, -1, -1, "/rulesets/0/valid_from", "dates within the scheme's 2023-05-24", "2023-01-01");
	free(t);
	t = replaced(base, "\"valid_to\": null,", "\"valid_to\": \"2023-05-01\",");
	refused(t, EG_ERANGE, 15, 15, "/valid_to", "a last day on or after valid_from 2023-05-24", "2023-05-01");
	free(t);
	/* References: the last-place ladder and the monthly feeds. */
	t = replaced(base, "\"last_place_ladder\": \"CJ-A3-4\",", "\"last_place_ladder\": \"CJ-A3-5\",");
	refused(t, EG_ENOTFOUND, -1, -1, "/air_quality/last_place_ladder", "a ladder of this scheme", "CJ-A3-5");
	free(t);
	t = replaced(base, "\"last_place_ladder\": \"CJ-A3-4\",", "\"last_place_ladder\": \"CJ-A2-7.3\",");
	refused(t, EG_EPARSE, -1, -1, "/air_quality/last_place_ladder", "\"last_place\"", "CJ-A2-7.3");
	free(t);
	t = replaced(base, "\"item\": \"4\"", "\"item\": \"1\"");
	refused(t, EG_ENOTFOUND, -1, -1, "/monthly_ladders/0/item", "a deduction item of rule set changji-2023", "1");
	free(t);
	t = replaced(base, "\"item\": \"4\"", "\"item\": \"4\", \"value\": \"failed\"");
	refused(t, EG_EEXISTS, -1, -1, "/monthly_ladders/0/value", "duplicate object key", NULL);
	free(t);
	free(base);
}

static void test_error_files_and_arguments(void **state)
{
	eg_scheme *s = NULL;
	eg_scheme_error e = EG_SCHEME_ERROR_INIT, bad = EG_SCHEME_ERROR_INIT;
	(void)state;
	assert_error(eg_scheme_load(&s, &e, "/nonexistent/scheme.json"), EG_EIO, "/nonexistent/scheme.json");
	assert_int_equal(e.code, EG_EIO);
	assert_int_equal(e.line, 0);
	assert_null(s);
	bad.version = 99;
	assert_error(eg_scheme_load(&s, &bad, "/nonexistent/scheme.json"), EG_EINVAL, "version 99");
	assert_error(eg_scheme_load(NULL, NULL, "x"), EG_EINVAL, NULL);
	assert_error(eg_scheme_load(&s, NULL, NULL), EG_EINVAL, NULL);
	assert_error(eg_scheme_load_buffer(&s, NULL, NULL, 3), EG_EINVAL, NULL);
	assert_error(eg_scheme_error_init(&bad, 2), EG_EINVAL, NULL);
	assert_int_equal(eg_scheme_error_init(&bad, EG_SCHEME_ERROR_VERSION), EG_OK);
	assert_int_equal(bad.offset, -1);
	assert_error(eg_scheme_error_init(NULL, EG_SCHEME_ERROR_VERSION), EG_EINVAL, NULL);
	assert_error(eg_scheme_write(NULL, NULL), EG_EINVAL, NULL);
	assert_null(eg_scheme_text(NULL));
	assert_null(eg_scheme_id(NULL));
	assert_int_equal(eg_scheme_ruleset_count(NULL), 0);
	eg_scheme_free(NULL);
}

/* ---- many refusals, one row each -------------------------------------------------- */

typedef struct mutation {
	const char *doc;     /* a shipped document's ID */
	const char *from, *to;
	int code;
	const char *pointer; /* where the refusal is placed */
	const char *says;    /* in the message */
} mutation;

static const mutation mutations[] = {
	/* types and required values */
	{ "changji-2023", "\"family\": \"changji\",", "\"family\": null,", EG_EPARSE, "/family", "a string" },
	{ "changji-2023", "\"family\": \"changji\",", "\"family\": 7,", EG_EPARSE, "/family", "found 7" },
	{ "changji-2023", "\"family\": \"changji\",", "\"family\": \"chang ji\",", EG_EPARSE, "/family", "letters, digits" },
	{ "changji-2023", "\"family\": \"changji\",", "\"family\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",", EG_ERANGE, "/family", "at most 64 bytes" },
	{ "changji-2023", "\"zh\": \"昌吉州网格化环境监管工作实施方案(试行)\",", "\"zh\": [],", EG_EPARSE, "/title/zh", "a string" },
	{ "changji-2023", "\"zh\": \"昌吉州环委办\",", "", EG_EPARSE, "/issuer", "needs the key \"zh\"" },
	{ "changji-2023", "\"valid_to\": null,", "\"valid_to\": 2024,", EG_EPARSE, "/valid_to", "a string" },
	{ "changji-2023", "\"valid_to\": null,", "\"valid_to\": \"2024-01-01T00\",", EG_EPARSE, "/valid_to", "a date YYYY-MM-DD" },
	{ "changji-2023", "\"sections\": [", "\"sections\": {}, \"items_\": [", EG_EPARSE, "/rulesets/0/items_", "id, document, valid_from" },
	{ "changji-2023", "\"scale\"", "\"scale\"", 0, NULL, NULL }, /* (no scale key in the canonical text: skipped) */
	{ "changji-2023", "\"total_rule\": \"CJ-A2-5.10\",", "\"scale\": 5, \"total_rule\": \"CJ-A2-5.10\",", EG_ERANGE, "/rulesets/0/scale", "1 (whole points) or 10" },
	{ "changji-2023", "\"total_rule\": \"CJ-A2-5.10\",", "\"valid_to\": \"2030-01-01\", \"total_rule\": \"CJ-A2-5.10\",", EG_EPARSE, "/rulesets/0", "needs \"valid_from\" too" },
	{ "changji-2023", "\"max_points\": 30", "\"max_points\": 30, \"id\": \"construction\"", EG_EEXISTS, "/rulesets/0/sections/0/id", "duplicate object key" },
	{ "changji-2023", "\"id\": \"operation\",", "\"id\": \"construction\",", EG_EEXISTS, "/rulesets/0/sections/1/id", "no other section" },
	{ "changji-2023", "\"kind\": \"status\",", "\"kind\": 1,", EG_EPARSE, "/rulesets/0/items/0/kind", "one of \"status\"" },
	{ "changji-2023", "\"veto\": true,", "\"veto\": \"yes\",", EG_EPARSE, "/rulesets/0/items/0/veto", "true or false" },
	{ "changji-2023", "\"floor\": 0,", "", EG_EPARSE, "/rulesets/0/items/3", "needs \"floor\"" },
	{ "changji-2023", "\"floor\": 0,", "\"floor\": 1000001,", EG_ERANGE, "/rulesets/0/items/3/floor", "-1000000 to 1000000" },
	{ "changji-2023", "\"floor\": 0,", "\"floor\": null,", 0, NULL, NULL }, /* no floor: allowed */
	{ "changji-2023", "\"article\": \"附件2 第五条(二)4\",", "\"article\": \"\",", EG_EPARSE, "/rulesets/0/items/3/source/article", "a non-empty string" },
	{ "changji-2023", "\"article\": \"附件2 第五条(二)4\",", "", EG_EPARSE, "/rulesets/0/items/3/source", "needs the key \"article\"" },
	{ "changji-2023", "\"mode\": \"total\",", "\"mode\": \"partial\",", EG_EPARSE, "/rulesets/0/veto/mode", "\"item_only\"" },
	{ "changji-2023", "\"per_event\": 2,", "\"per_event\": -2,", EG_ERANGE, "/rulesets/0/bonus/per_event", "0 to 1000000" },
	{ "changji-2023", "\"section\": \"operation\",\n        \"levels\"", "\"section\": \"nowhere\",\n        \"levels\"", EG_ENOTFOUND, "/rulesets/0/penalties/section", "section nowhere not found" },
	{ "changji-2023", "\"fail\": true,", "", EG_EPARSE, "/rulesets/0/penalties/levels/0", "either \"amount\"" },
	{ "changji-2023", "\"id\": \"regional\",", "\"id\": \"national\",", EG_EEXISTS, "/rulesets/0/penalties/levels/1/id", "no other penalty level" },
	{ "changji-2023", "\"id\": \"CJ-A2-6.3-b\",", "\"id\": \"CJ-A2-6.3-a\",", EG_EEXISTS, "/rulesets/0/forced_fails/1/id", "no other condition" },
	{ "changji-2023", "\"grade\": \"good\",", "\"grade\": \"excellent\",", EG_EEXISTS, "/rulesets/0/grades/1", "already set" },
	{ "changji-2023", "\"grade\": \"good\",", "\"grade\": \"fail\",", EG_EPARSE, "/rulesets/0/grades/1/grade", "\"pass\", \"good\", \"excellent\"" },
	{ "changji-2023", "\"method\": \"mean\",", "\"method\": \"median\",", EG_EPARSE, "/rulesets/0/annual/method", "\"mean\"" },
	{ "changji-2023", "\"veto\": {", "\"vetoes\": {", EG_EPARSE, "/rulesets/0/vetoes", "id, document, valid_from" },
	/* ladders */
	{ "changji-2023", "\"measure\": \"share\",", "\"measure\": \"percent\",", EG_EPARSE, "/ladders/0/measure", "\"share\", \"at_least\"" },
	{ "changji-2023", "\"id\": \"interview\",", "\"id\": \"criticism\",", EG_EEXISTS, "/ladders/0/actions/1/id", "no other action" },
	{ "changji-2023", "\"kind\": \"consecutive\",", "\"kind\": \"streak\",", EG_EPARSE, "/ladders/0/clauses/1/kind", "\"rolling_12\"" },
	{ "changji-2023", "\"threshold\": 10,", "\"threshold\": -1,", EG_ERANGE, "/ladders/0/clauses/0/threshold", "0 to 1000000000000000" },
	{ "changji-2023", "\"flag\": \"year\",", "\"flag\": \"week\",", EG_EPARSE, "/ladders/2/clauses/4/flag", "\"none\", \"month\", \"year\"" },
	{ "changji-2023", "\"kind\": \"single\",\n          \"threshold\": 10,", "\"kind\": \"single\", \"window_sum\": true,\n          \"threshold\": 10,", EG_EINVAL, "/ladders/0/clauses/0", "window_sum applies to window clauses only" },
	/* air quality */
	{ "changji-2023", "\"profile\": \"by_date\",", "\"profile\": 2012,", EG_EPARSE, "/air_quality/profile", "\"by_date\", a national profile" },
	{ "changji-2023", "\"profile\": \"by_date\",", "\"profile\": \"CN1999\",", EG_ENOTFOUND, "/air_quality/profile", "CN1999" },
	{ "changji-2023", "\"profile\": \"by_date\",", "\"profile\": {\"name\": \"p\", \"aqi_table\": 2012},", EG_EPARSE, "/air_quality/profile", "needs the key \"limits\"" },
	{ "changji-2023", "\"profile\": \"by_date\",", "\"profile\": {\"name\": \"p\", \"limits\": {\"so2\": 60, \"no2\": 40, \"pm10\": 70, \"pm25\": 35, \"co\": \"4\", \"o3\": 160}, \"aqi_table\": 2012},", EG_EPARSE, "/air_quality/profile/limits/co", "a number" },
	{ "changji-2023", "\"profile\": \"by_date\",", "\"profile\": {\"name\": \"p\", \"limits\": {\"so2\": 60, \"no2\": 40, \"pm10\": 70, \"pm25\": 35, \"co\": 0.12345678901234567, \"o3\": 160}, \"aqi_table\": 2012},", EG_EPARSE, "/air_quality/profile/limits/co", "15 significant digits" },
	{ "changji-2023", "\"profile\": \"by_date\",", "\"profile\": {\"name\": \"p\", \"limits\": {\"so2\": 60, \"no2\": 40, \"pm10\": 70, \"pm25\": 35, \"co\": -4, \"o3\": 160}, \"aqi_table\": 2012},", EG_EPARSE, "/air_quality/profile/limits/co", "from 0 to 1e9" },
	{ "changji-2023", "\"profile\": \"by_date\",", "\"profile\": {\"name\": \"p\", \"limits\": {\"so2\": 60, \"no2\": 40, \"pm10\": 70, \"pm25\": 35, \"co\": 0, \"o3\": 160}, \"aqi_table\": 2012},", EG_ERANGE, "/air_quality/profile", "limit of CO" },
	{ "changji-2023", "\"profile\": \"by_date\",", "\"profile\": {\"name\": \"p\", \"limits\": {\"so2\": 60, \"no2\": 40, \"pm10\": 70, \"pm25\": 35, \"co\": 4, \"o3\": 160}, \"aqi_table\": 2020},", EG_ERANGE, "/air_quality/profile/aqi_table", "2012 (HJ 633-2012) or 2026" },
	{ "changji-2023", "\"metric\": \"improvement_rate\",", "\"metric\": \"aqi\",", EG_EPARSE, "/air_quality/ranking/metric", "\"composite_index\"" },
	{ "changji-2023", "\"replace\": \"month_max\",", "\"replace\": \"mean\",", EG_EPARSE, "/air_quality/tampering/replace", "\"month_max\"" },
	{ "changji-2023", "\"ranking\": {", "\"rankings\": {", EG_EPARSE, "/air_quality/rankings", "one of the keys of the air-quality set-up" },
	/* cadences and the monthly cycle */
	{ "changji-2023", "\"period\": \"day\",", "\"period\": \"fortnight\",", EG_EPARSE, "/cadences/0/period", "\"quarter\"" },
	{ "changji-2023", "\"min_count\": 1,\n      \"actor\": {\n        \"zh\": \"每名四级网格监督员\"", "\"min_count\": 0,\n      \"actor\": {\n        \"zh\": \"每名四级网格监督员\"", EG_ERANGE, "/cadences/0/min_count", "1 to 1000000" },
	{ "changji-2023", "\"id\": \"CJ-G.8-dispatch\",", "\"id\": \"CJ-G.8-patrol\",", EG_EEXISTS, "/cadences/1/id", "no other cadence" },
	{ "changji-2023", "\"value\": \"failed\"", "\"value\": \"failed\", \"item\": \"4\"", EG_EPARSE, "/monthly_ladders/1/item", "no \"item\" on a \"failed\" ladder" },
	{ "changji-2023", "\"ladder\": \"CJ-A2-7.1\",", "\"ladder\": \"CJ-A9\",", EG_ENOTFOUND, "/monthly_ladders/1/ladder", "a ladder of this scheme" },
	{ "changji-2023", "\"ladder\": \"CJ-A2-7.1\",", "\"ladder\": \"CJ-A3-4\",", EG_EPARSE, "/monthly_ladders/1/ladder", "\"flag\" or \"at_least\"" },
	{ "changji-2023", "\"ladder\": \"CJ-A2-7.3\",", "\"ladder\": \"CJ-A2-7.1\",", EG_EPARSE, "/monthly_ladders/0/ladder", "\"share\" or \"at_least\"" },
	{ "changji-2023", "\"value\": \"item_count\",\n      \"item\": \"4\"", "\"value\": \"item_count\"", EG_EPARSE, "/monthly_ladders/0", "needs \"item\"" },
	/* deadlines */
	{ "jiangmen-2021", "\"kind\": \"after_quarter\",\n      \"months\": 1,\n      \"day\": 3,", "\"kind\": \"after_quarter\",\n      \"months\": 1,\n      \"day\": 3, \"month\": 4,", EG_EPARSE, "/deadlines/0/month", "only months and day" },
	{ "jiangmen-2021", "\"day\": 3,", "\"day\": 29,", EG_ERANGE, "/deadlines/0/day", "1 to 28" },
	{ "jiangmen-2021", "\"kind\": \"after_quarter\",\n      \"months\": 1,\n      \"day\": 3,", "\"kind\": \"yearly\",\n      \"month\": 2,\n      \"day\": 29,", EG_ERANGE, "/deadlines/0/day", "1 to 28" },
	{ "jiangmen-2021", "\"kind\": \"after_quarter\",\n      \"months\": 1,\n      \"day\": 3,", "\"kind\": \"months_after\",\n      \"months\": 0,", EG_ERANGE, "/deadlines/0/months", "1 to 120" },
	{ "jiangmen-2021", "\"kind\": \"after_quarter\",\n      \"months\": 1,\n      \"day\": 3,", "\"kind\": \"weekly\",", EG_EPARSE, "/deadlines/0/kind", "\"months_after\"" },
	{ "jiangmen-2021", "\"id\": \"list_update\",", "\"id\": \"district_update\",", EG_EEXISTS, "/deadlines/1/id", "no other deadline" },
	/* rule sets of one scheme must not overlap; two rule sets or ladders with one ID */
	{ "jiangmen-2021", "\"total_rule\": \"JM-2.2\",", "\"valid_from\": \"2021-01-01\", \"valid_to\": \"2022-01-01\", \"total_rule\": \"JM-2.2\",", EG_ERANGE, "/rulesets/0/valid_to", "within the scheme's 2021-01-01 to 2021-12-31" },
	/* duties (section 9 of the catalogue, read by eg_duty_set_add()'s rules) */
	{ "mee-2020", "\"shape\": \"event\",\n      \"kind\": \"procedure_published\",", "\"shape\": \"weekly\",\n      \"kind\": \"procedure_published\",", EG_EPARSE, "/duties/0/shape", "\"conflict\"" },
	{ "mee-2020", "\"limit_unit\": \"workdays\",", "\"limit_unit\": \"hours\",", EG_EPARSE, "/duties/0/limit_unit", "\"valid_at\"" },
	{ "mee-2020", "\"kind\": \"procedure_published\",", "\"kind\": \"procedure_published\", \"flags\": [\"no_due\", \"bogus\"],", EG_EPARSE, "/duties/0/flags/1", "a duty flag" },
	{ "mee-2020", "\"kind\": \"procedure_published\",", "\"kind\": \"procedure_published\", \"flags\": [\"no_due\", \"no_due\"],", EG_EEXISTS, "/duties/0/flags/1", "each flag once" },
	{ "mee-2020", "\"kind\": \"procedure_published\",", "\"kind\": \"procedure_published\", \"flags\": [\"extend\", \"no_due\"],", 0, NULL, NULL }, /* any order: loads */
	{ "mee-2020", "\"kind\": \"procedure_published\",", "\"kind\": \"procedure_published\", \"min_count\": 0,", EG_ERANGE, "/duties/0/min_count", "1 to 1000000" },
	{ "mee-2020", "\"kind\": \"procedure_published\",", "\"kind\": \"procedure_published\", \"every\": 2,", EG_EPARSE, "/duties/0/every", "one of the keys of a duty" },
	{ "mee-2020", "\"event_kind\": \"procedure_adopted\",", "", EG_EINVAL, "/duties/0", "needs its event kind" },
	{ "mee-2020", "\"start\": \"2020-10-05\",\n      \"event_kind\": \"procedure_adopted\",", "\"start\": \"2020-13-05\",\n      \"event_kind\": \"procedure_adopted\",", EG_EPARSE, "/duties/0/start", "a date YYYY-MM-DD" },
	{ "mee-2020", "\"id\": \"MEE-2.1-onsite\",", "\"id\": \"MEE-2.1-procedure\",", EG_EEXISTS, "/duties/1", "already in the set" },
	{ "yulin-2019", "\"kind\": \"progress_bulletin\",\n      \"actor\": \"市整改办\",", "\"kind\": \"progress_bulletin\",\n      \"actor\": \"市整改办\", \"min_count\": 2,", EG_EPARSE, "/duties/5", "agrees with cadence YL-5.3" },
	{ "yulin-2019", "\"group\": \"body\",", "\"group\": \"body\", \"actor\": \"市委\",", EG_EINVAL, "/duties/0", "not both" },
	/* keys that need escaping in a pointer: "~" and "/" */
	{ "changji-2023", "\"ecogrid_scheme\": 1,", "\"ecogrid_scheme\": 1, \"a/b~c\": 1,", EG_EPARSE, "/a~1b~0c", "the unknown key \"a/b~c\"" },
	{ "changji-2023", "\"ecogrid_scheme\": 1,", "\"ecogrid_scheme\": 1, \"\\u00e9t\\u00e9\": 1,", EG_EPARSE, "/été", "the unknown key" },
	/* a syntax error deep inside, after strings with escapes */
	{ "changji-2023", "\"en\": \"public criticism\"", "\"en\": \"public \\\"criticism\\\" \\u4e00\" ]", EG_EPARSE, "/ladders/0/actions/0/name", "valid JSON" },
};

static void test_error_each_mutation_is_refused_at_its_place(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof mutations / sizeof mutations[0]; i++) {
		const mutation *m = &mutations[i];
		eg_scheme *s = NULL;
		char *base, *t;
		if (!m->pointer) {
			/* rows that must load (or whose text is absent from the canonical form) */
			if (strcmp(m->from, m->to) == 0)
				continue;
			assert_int_equal(eg_scheme_named(&s, m->doc), EG_OK);
			base = strdup(eg_scheme_text(s));
			eg_scheme_free(s);
			s = NULL;
			t = replaced(base, m->from, m->to);
			if (eg_scheme_load_buffer(&s, NULL, t, strlen(t)) != EG_OK)
				fail_msg("row %zu should load: %s", i, eg_error_last()->message);
			eg_scheme_free(s);
			free(t);
			free(base);
			continue;
		}
		assert_int_equal(eg_scheme_named(&s, m->doc), EG_OK);
		base = strdup(eg_scheme_text(s));
		eg_scheme_free(s);
		t = replaced(base, m->from, m->to);
		print_message("row %zu: %s\n", i, m->pointer);
		refused(t, m->code, -1, -1, m->pointer, NULL, NULL);
		if (!strstr(eg_error_last()->message, m->says))
			fail_msg("row %zu: \"%s\" does not say \"%s\"", i, eg_error_last()->message, m->says);
		free(t);
		free(base);
	}
}

/* ---- static checks ------------------------------------------------------------------ */

static void expect_findings(const char *doc, const char *id, const char *pointer, const char *needle)
{
	char rel[128], *text;
	size_t len, hits = 0;
	eg_scheme_findings *f = NULL;
	snprintf(rel, sizeof rel, "tests/data/schemes/%s.json", doc);
	text = source_file(rel, &len);
	assert_int_equal(eg_scheme_check_buffer(&f, NULL, text, len), EG_OK);
	for (size_t k = 0; k < eg_scheme_findings_count(f); k++)
		if (strcmp(eg_scheme_findings_id(f, k), id) == 0) {
			hits++;
			assert_string_equal(eg_scheme_findings_pointer(f, k), pointer);
			if (!strstr(eg_scheme_findings_message(f, k, EG_LANG_EN), needle))
				fail_msg("%s: \"%s\" does not say \"%s\"", doc, eg_scheme_findings_message(f, k, EG_LANG_EN), needle);
			assert_true(strlen(eg_scheme_findings_message(f, k, EG_LANG_ZH)) > 0);
			break;
		}
	if (!hits)
		fail_msg("%s: no %s finding", doc, id);
	eg_scheme_findings_free(f);
	free(text);
}

static void test_check_each_defect_kind(void **state)
{
	(void)state;
	/* good 75-88 and excellent from 90: 89 has no grade. */
	expect_findings("defect-grade-gap", "grade-gap", "/rulesets/0/grades/1", "ends at 88 and");
	/* good 75-90 and excellent from 90: 90 is both. */
	expect_findings("defect-grade-overlap", "grade-overlap", "/rulesets/0/grades/1", "ends at 90, overlapping");
	/* d1: 40 points, 0 per occurrence, floor 0. */
	expect_findings("defect-floor-unreachable", "floor-unreachable", "/rulesets/0/items/1", "never reaches its floor of 0");
	/* d2: 45 points in section b of 40. */
	expect_findings("defect-item-exceeds-section", "item-exceeds-section", "/rulesets/0/items/2", "worth 45, more than its section b's 40");
	/* A veto on a deduction item: the loader refuses it, the check says why. */
	expect_findings("defect-veto-not-status", "veto-not-status", "/rulesets/0/items/1", "cannot be a veto item");
	expect_findings("defect-veto-not-status", "load-refused", "/rulesets/0/items/1/veto", "would not load");
	/* A share of 120 %. */
	expect_findings("defect-clause-never-fires", "clause-never-fires", "/ladders/0/clauses/1", "a share above 100%");
	/* "single >= 10 % -> interview" fires whenever "single >= 10 % -> criticism" does. */
	expect_findings("defect-clause-shadowed", "clause-shadowed", "/ladders/0/clauses/0", "clause 2 (-> interview)");
	expect_findings("defect-action-unnamed", "action-unnamed", "/ladders/0/actions/1", "action interview has no name");
	/* T-1.2 is item d1's rule and a ladder clause's. */
	expect_findings("defect-rule-cited-twice", "rule-cited-twice", "/ladders/0/clauses/0", "rule T-1.2 is cited at /rulesets/0/items/1");
	expect_findings("defect-dates-out-of-order", "dates-out-of-order", "/rulesets/0", "in force outside the scheme's dates");
}

static void test_check_base_document_is_clean_and_loads(void **state)
{
	size_t len;
	char *text = source_file("tests/data/schemes/check-base.json", &len);
	eg_scheme_findings *f = NULL;
	eg_scheme *s = NULL;
	(void)state;
	assert_int_equal(eg_scheme_check_buffer(&f, NULL, text, len), EG_OK);
	assert_int_equal(eg_scheme_findings_count(f), 0);
	eg_scheme_findings_free(f);
	assert_int_equal(eg_scheme_load_buffer(&s, NULL, text, len), EG_OK);
	assert_int_equal(eg_scheme_check(&f, s), EG_OK);
	assert_int_equal(eg_scheme_findings_count(f), 0);
	assert_null(eg_scheme_findings_id(f, 0));
	eg_scheme_findings_free(f);
	eg_scheme_free(s);
	/* A document that cannot even be read is an error, not a finding. */
	{
		eg_scheme_error e = EG_SCHEME_ERROR_INIT;
		assert_int_equal(eg_scheme_check_buffer(&f, &e, "{", 1), EG_EPARSE);
		assert_int_equal(e.line, 1);
		assert_error(eg_scheme_check(NULL, NULL), EG_EINVAL, NULL);
	}
	free(text);
}

/* More shapes of the same defects, on the check-base document. */
static void test_check_more_shapes_of_each_defect(void **state)
{
	static const struct {
		const char *from, *to, *id, *says;
	} rows[] = {
		/* a lower grade starting above a higher one; two grades at one score */
		{ "\"min_points\": 75,", "\"min_points\": 95,", "grade-overlap", "the lower grade" },
		{ "\"min_points\": 75,", "\"min_points\": 90,", "grade-overlap", "start at the same score" },
		/* 40 - (-1,000,000) at 1 a time: 1,000,040 occurrences, more than an input can give (1,000,000) */
		{ "\"max_points\": 40,\n          \"per_occurrence\": 2,\n          \"floor\": 0,", "\"max_points\": 40,\n          \"per_occurrence\": 1,\n          \"floor\": -1000000,", "floor-unreachable", "more than 1000000 occurrences" },
		/* a flag clause on a ladder without a flag label */
		{ "\"kind\": \"single\",\n          \"threshold\": 10,", "\"kind\": \"single\",\n          \"threshold\": 10,\n          \"flag\": \"month\",", "clause-never-fires", "requires a flag" },
		/* the scheme ending before it starts; two rule sets at once */
		{ "\"valid_to\": null,", "\"valid_to\": \"2023-01-01\",", "dates-out-of-order", "before it starts" },
		{ "\"total_rule\": \"T-9\",", "\"valid_from\": \"2024-06-01\", \"valid_to\": \"2024-01-01\", \"total_rule\": \"T-9\",", "dates-out-of-order", "ends on 2024-01-01, before" },
		/* one entry twice with the same source */
		{ "\"article\": \"第六条\",\n            \"quote\": \"连续两个月10%以上的约谈\"", "\"article\": \"第六条\",\n            \"quote\": \"占比10%以上的通报批评\"", "rule-cited-twice", "cited twice with the same source" },
		/* the section's items above its total */
		{ "\"max_points\": 60", "\"max_points\": 50", "item-exceeds-section", "add up to 60, more than its 50" },
	};
	size_t len;
	char *base = source_file("tests/data/schemes/check-base.json", &len);
	(void)state;
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		char *t = replaced(base, rows[r].from, rows[r].to);
		eg_scheme_findings *f = NULL;
		int found = 0;
		assert_int_equal(eg_scheme_check_buffer(&f, NULL, t, strlen(t)), EG_OK);
		for (size_t k = 0; k < eg_scheme_findings_count(f); k++)
			found |= strcmp(eg_scheme_findings_id(f, k), rows[r].id) == 0 &&
				 strstr(eg_scheme_findings_message(f, k, EG_LANG_EN), rows[r].says) != NULL;
		if (!found) {
			for (size_t k = 0; k < eg_scheme_findings_count(f); k++)
				print_error("  %s: %s\n", eg_scheme_findings_id(f, k), eg_scheme_findings_message(f, k, EG_LANG_EN));
			fail_msg("row %zu: no %s saying \"%s\"", r, rows[r].id, rows[r].says);
		}
		eg_scheme_findings_free(f);
		free(t);
	}
	free(base);
}

/* ---- versions ------------------------------------------------------------------------ */

/* The Changji document as another version: ID, dates and the text swapped in. */
static eg_scheme *changji_version(const char *id, const char *from, const char *to)
{
	char *base = changji_text(), *a, *b, *c, ids[64], froms[64], tos[64];
	eg_scheme *s = NULL;
	snprintf(ids, sizeof ids, "\"id\": \"%s\",\n  \"family\"", id);
	snprintf(froms, sizeof froms, "\"valid_from\": \"%s\",", from);
	if (to)
		snprintf(tos, sizeof tos, "\"valid_to\": \"%s\",", to);
	else
		snprintf(tos, sizeof tos, "\"valid_to\": null,");
	a = replaced(base, "\"id\": \"changji-2023\",\n  \"family\"", ids);
	b = replaced(a, "\"valid_from\": \"2023-05-24\",", froms);
	c = replaced(b, "\"valid_to\": null,", tos);
	if (eg_scheme_load_buffer(&s, NULL, c, strlen(c)) != EG_OK)
		fail_msg("%s", eg_error_last()->message);
	free(a);
	free(b);
	free(c);
	free(base);
	return s;
}

static void test_family_versions_by_date_gaps_and_overlaps(void **state)
{
	eg_scheme *v1 = changji_version("changji-2023", "2023-05-24", "2024-12-31");
	eg_scheme *v2 = changji_version("changji-2025", "2025-01-01", NULL);
	eg_scheme *gap = changji_version("changji-2025b", "2025-01-02", NULL);
	eg_scheme *open = changji_version("changji-2023o", "2023-05-24", NULL);
	eg_scheme *jm = NULL;
	eg_scheme_family *f = NULL;
	const eg_scheme *at = NULL;
	(void)state;
	{
		const eg_scheme *vs[2] = { v2, v1 }; /* any order */
		assert_int_equal(eg_scheme_family_new(&f, vs, 2), EG_OK);
	}
	assert_int_equal(eg_scheme_family_count(f), 2);
	assert_string_equal(eg_scheme_id(eg_scheme_family_version(f, 0)), "changji-2023");
	assert_null(eg_scheme_family_version(f, 2));
	/* R0.3: 2024-12-31 is the old version's last day, 2025-01-01 the new one's first. */
	assert_int_equal(eg_scheme_family_at(&at, f, "2024-12-31"), EG_OK);
	assert_string_equal(eg_scheme_id(at), "changji-2023");
	assert_int_equal(eg_scheme_family_at(&at, f, "2025-01"), EG_OK);
	assert_string_equal(eg_scheme_id(at), "changji-2025");
	assert_error(eg_scheme_family_at(&at, f, "2023-05-23"), EG_ENOTFOUND, "2023-05-23");
	assert_error(eg_scheme_family_at(&at, f, "soon"), EG_EINVAL, NULL);
	eg_scheme_family_free(f);
	f = NULL;
	{
		const eg_scheme *vs[2] = { v1, gap };
		assert_error(eg_scheme_family_new(&f, vs, 2), EG_ERANGE, "leave a gap");
	}
	{
		const eg_scheme *vs[2] = { open, v2 };
		assert_error(eg_scheme_family_new(&f, vs, 2), EG_ERANGE, "overlap: set changji-2023o's valid_to to the day before 2025-01-01");
	}
	{
		const eg_scheme *vs[2] = { v1, v1 };
		assert_error(eg_scheme_family_new(&f, vs, 2), EG_EEXISTS, "twice");
	}
	assert_int_equal(eg_scheme_named(&jm, "jiangmen-2021"), EG_OK);
	{
		const eg_scheme *vs[2] = { v1, jm };
		assert_error(eg_scheme_family_new(&f, vs, 2), EG_EINVAL, "family jiangmen");
	}
	assert_error(eg_scheme_family_new(&f, NULL, 0), EG_EINVAL, NULL);
	assert_null(f);
	eg_scheme_free(jm);
	eg_scheme_free(v1);
	eg_scheme_free(v2);
	eg_scheme_free(gap);
	eg_scheme_free(open);
}

/* ---- diff ------------------------------------------------------------------------------ */

static void test_diff_of_a_revision_hand_computed(void **state)
{
	/* The revision: item 4 costs 2 per problem instead of 1, excellent from 95 instead of 90. */
	char *base = changji_text(), *a, *b;
	eg_scheme *s_old = NULL, *s_new = NULL;
	eg_ruleset *ro = NULL, *rn = NULL;
	eg_assess_input *in[3][2];
	eg_scheme_diff_result *d = NULL;
	eg_scheme_diff_unit units[3];
	int32_t os, ns;
	int og, ng;
	(void)state;
	a = replaced(base, "\"max_points\": 40,\n          \"per_occurrence\": 1,", "\"max_points\": 40,\n          \"per_occurrence\": 2,");
	b = replaced(a, "\"min_points\": 90,", "\"min_points\": 95,");
	assert_int_equal(eg_scheme_named(&s_old, "changji-2023"), EG_OK);
	assert_int_equal(eg_scheme_load_buffer(&s_new, NULL, b, strlen(b)), EG_OK);
	assert_int_equal(eg_scheme_ruleset(&ro, s_old, "2026-10"), EG_OK);
	assert_int_equal(eg_scheme_ruleset(&rn, s_new, "2026-10"), EG_OK);
	for (int u = 0; u < 3; u++) {
		assert_int_equal(eg_assess_input_new(&in[u][0], ro), EG_OK);
		assert_int_equal(eg_assess_input_new(&in[u][1], rn), EG_OK);
	}
	/* A: 3 item-4 problems. Old 30 + (40 − 3) + 30 = 97, excellent; new 30 + (40 − 6) + 30 = 94 < 95, good. */
	assert_int_equal(eg_assess_input_set_count(in[0][0], "4", 3), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in[0][1], "4", 3), EG_OK);
	/* B: nothing wrong. 100 both times, excellent both times (100 >= 95). */
	/* C: 41 problems. Item 4 ends at its floor 0 either way: 30 + 0 + 30 = 60, pass both times. */
	assert_int_equal(eg_assess_input_set_count(in[2][0], "4", 41), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in[2][1], "4", 41), EG_OK);
	units[0] = (eg_scheme_diff_unit){ "A", in[0][0], in[0][1] };
	units[1] = (eg_scheme_diff_unit){ "B", in[1][0], in[1][1] };
	units[2] = (eg_scheme_diff_unit){ "C", in[2][0], in[2][1] };
	assert_int_equal(eg_scheme_diff(&d, ro, rn, units, 3), EG_OK);
	/* The definitions: item 4 and the excellent grade. */
	assert_int_equal(eg_scheme_diff_rule_count(d), 2);
	assert_string_equal(eg_scheme_diff_rule_message(d, 0, EG_LANG_EN),
			    "item 4: max 40, 1 per occurrence (CJ-A2-5.4) -> max 40, 2 per occurrence (CJ-A2-5.4)");
	assert_string_equal(eg_scheme_diff_rule_message(d, 1, EG_LANG_EN), "grade excellent: from 90 -> from 95 (CJ-A2-6.2)");
	assert_int_equal(eg_scheme_diff_count(d), 3);
	assert_string_equal(eg_scheme_diff_unit_id(d, 0), "A");
	assert_int_equal(eg_scheme_diff_changed(d, 0), 1);
	assert_int_equal(eg_scheme_diff_scores(&os, &ns, &og, &ng, d, 0), EG_OK);
	assert_int_equal(os, 97);
	assert_int_equal(ns, 94);
	assert_int_equal(og, EG_GRADE_EXCELLENT);
	assert_int_equal(ng, EG_GRADE_GOOD);
	/* Why: item 4's arithmetic, the total, the grade. */
	assert_int_equal(eg_scheme_diff_reason_count(d, 0), 3);
	assert_string_equal(eg_scheme_diff_reason_rule(d, 0, 0), "CJ-A2-5.4");
	assert_non_null(strstr(eg_scheme_diff_reason_message(d, 0, 0, EG_LANG_EN), "3 × 1 = 3 deducted, 40 − 3 = 37 points (CJ-A2-5.4) → "));
	assert_non_null(strstr(eg_scheme_diff_reason_message(d, 0, 0, EG_LANG_EN), "3 × 2 = 6 deducted, 40 − 6 = 34 points"));
	assert_string_equal(eg_scheme_diff_reason_rule(d, 0, 1), "CJ-A2-5.10");
	assert_string_equal(eg_scheme_diff_reason_rule(d, 0, 2), "CJ-A2-6.2");
	assert_non_null(strstr(eg_scheme_diff_reason_message(d, 0, 2, EG_LANG_ZH), "等次为良好"));
	/* B: unchanged; only the grade's wording (at least 95 instead of 90) differs. */
	assert_int_equal(eg_scheme_diff_changed(d, 1), 0);
	assert_int_equal(eg_scheme_diff_reason_count(d, 1), 1);
	assert_string_equal(eg_scheme_diff_reason_rule(d, 1, 0), "CJ-A2-6.2");
	/* C: unchanged, the item at its floor either way; its deduction reads 41 × 2 = 82 now. */
	assert_int_equal(eg_scheme_diff_changed(d, 2), 0);
	assert_int_equal(eg_scheme_diff_scores(&os, &ns, &og, &ng, d, 2), EG_OK);
	assert_int_equal(os, 60);
	assert_int_equal(ns, 60);
	assert_int_equal(eg_scheme_diff_reason_count(d, 2), 1);
	assert_non_null(strstr(eg_scheme_diff_reason_message(d, 2, 0, EG_LANG_EN), "41 × 2 = 82 deducted"));
	/* Bad arguments and ranges. */
	assert_int_equal(eg_scheme_diff_changed(d, 3), -1);
	assert_null(eg_scheme_diff_unit_id(d, 3));
	assert_null(eg_scheme_diff_reason_message(d, 0, 9, EG_LANG_EN));
	assert_error(eg_scheme_diff_scores(&os, &ns, &og, &ng, d, 3), EG_ERANGE, NULL);
	eg_scheme_diff_free(d);
	d = NULL;
	units[1].unit = "A";
	assert_error(eg_scheme_diff(&d, ro, rn, units, 2), EG_EINVAL, "given twice");
	units[1].unit = "B";
	units[1].new_input = in[1][0]; /* inputs made for the old rule set */
	assert_error(eg_scheme_diff(&d, ro, rn, units, 2), EG_EINVAL, "unit B");
	units[1].new_input = NULL;
	assert_error(eg_scheme_diff(&d, ro, rn, units, 2), EG_EINVAL, "no inputs");
	assert_null(d);
	for (int u = 0; u < 3; u++) {
		eg_assess_input_free(in[u][0]);
		eg_assess_input_free(in[u][1]);
	}
	eg_ruleset_free(ro);
	eg_ruleset_free(rn);
	eg_scheme_free(s_old);
	eg_scheme_free(s_new);
	free(a);
	free(b);
	free(base);
}

/* Every kind of definition change is listed by the diff. */
/*
 * eg_scheme_compare(): what a revision of the Jiangmen document changes
 * beyond its rule set, each way. JM-2.1.2's district deadline moved from
 * the 3rd to the 10th, the JM-2.3 clause of two situations removed, the
 * JM-2.2.1 half-year bulletin duty removed: each is named; the same
 * document against itself names nothing; NULL is refused.
 */
static void test_compare_jm_2_1_2_deadline_jm_2_3_clause_and_duties(void **state)
{
	eg_scheme *so = NULL, *sn = NULL;
	eg_scheme_diff_result *d = NULL;
	char *base, *t1, *t2, *t3;
	static const char *const want_en[] = {
		"ladder JM-2.3: clause JM-2.3 written self-criticism and city-wide criticism (single, threshold 2) is removed",
		"deadline district_update: day 3 of the month 1 after the quarter -> day 10 of the month 1 after the quarter (JM-2.1.2)",
		"duty JM-2.1.2-district: at least 1 per quarter, due day 3 of month 1 after the period, limit 0 -> at least 1 per "
		"quarter, due day 10 of month 1 after the period, limit 0 (JM-2.1.2)",
		"duty JM-2.2.1-half (JM-2.2.1) is removed in the new version",
	};
	static const char *const want_zh[] = {
		"问责阶梯 JM-2.3：条款 JM-2.3 责令书面检讨并全市通报批评（单月，阈值 2）在新版本中删除",
		"时限 district_update：季度结束后第 1 个月的 3 日 → 季度结束后第 1 个月的 10 日（JM-2.1.2）",
		"职责 JM-2.1.2-district：每季度至少 1 次，期后第 1 个月 3 日到期，时限 0 → 每季度至少 1 次，期后第 1 个月 10 日到期，时限 0（JM-2.1.2）",
		"职责 JM-2.2.1-half（JM-2.2.1）在新版本中删除",
	};
	(void)state;
	assert_int_equal(eg_scheme_named(&so, "jiangmen-2021"), EG_OK);
	base = strdup(eg_scheme_text(so));
	assert_non_null(base);
	t1 = replaced(base, "\"months\": 1,\n      \"day\": 3,", "\"months\": 1,\n      \"day\": 10,");
	t2 = replaced(t1, "\"due_months\": 1,\n      \"due_day\": 3,", "\"due_months\": 1,\n      \"due_day\": 10,");
	{
		/* the clause with threshold 2, and the half-year duty: cut from their opening brace to the next one */
		const char *c = strstr(t2, "\"threshold\": 2,");
		const char *open = c, *close;
		char *cut;
		assert_non_null(c);
		while (*open != '{')
			open--;
		while (open[-1] != ',')
			open--; /* back over the comma's line break */
		close = strstr(c, "}\n        },") + strlen("}\n        }");
		cut = malloc(strlen(t2) + 1);
		assert_non_null(cut);
		memcpy(cut, t2, (size_t)(open - 1 - t2));
		strcpy(cut + (open - 1 - t2), close);
		c = strstr(cut, "\"id\": \"JM-2.2.1-half\"");
		assert_non_null(c);
		open = c;
		while (*open != '{')
			open--;
		close = strstr(c, "\n    },\n") + strlen("\n    },\n");
		t3 = malloc(strlen(cut) + 1);
		assert_non_null(t3);
		memcpy(t3, cut, (size_t)(open - cut));
		strcpy(t3 + (open - cut), close);
		/* the next duty's indentation stays: the cut begins at the brace */
		free(cut);
	}
	if (eg_scheme_load_buffer(&sn, NULL, t3, strlen(t3)) != EG_OK)
		fail_msg("the revision does not load: %s\n%s", eg_error_last()->message, t3);
	assert_int_equal(eg_scheme_compare(&d, so, sn), EG_OK);
	assert_int_equal(eg_scheme_diff_count(d), 0);
	if (eg_scheme_diff_rule_count(d) != 4)
		for (size_t k = 0; k < eg_scheme_diff_rule_count(d); k++)
			print_error("  %s\n", eg_scheme_diff_rule_message(d, k, EG_LANG_EN));
	assert_int_equal(eg_scheme_diff_rule_count(d), 4);
	for (size_t k = 0; k < 4; k++) {
		assert_string_equal(eg_scheme_diff_rule_message(d, k, EG_LANG_EN), want_en[k]);
		assert_string_equal(eg_scheme_diff_rule_message(d, k, EG_LANG_ZH), want_zh[k]);
	}
	eg_scheme_diff_free(d);
	/* The other way: the removed clause and duty are new. */
	assert_int_equal(eg_scheme_compare(&d, sn, so), EG_OK);
	assert_int_equal(eg_scheme_diff_rule_count(d), 4);
	assert_string_equal(eg_scheme_diff_rule_message(d, 0, EG_LANG_EN),
			    "ladder JM-2.3: clause JM-2.3 written self-criticism and city-wide criticism (single, threshold 2) is new");
	assert_string_equal(eg_scheme_diff_rule_message(d, 3, EG_LANG_EN), "duty JM-2.2.1-half (JM-2.2.1) is new");
	eg_scheme_diff_free(d);
	/* The same document: nothing. */
	assert_int_equal(eg_scheme_compare(&d, so, so), EG_OK);
	assert_int_equal(eg_scheme_diff_rule_count(d), 0);
	assert_null(eg_scheme_diff_rule_message(d, 0, EG_LANG_EN));
	eg_scheme_diff_free(d);
	assert_error(eg_scheme_compare(&d, NULL, so), EG_EINVAL, NULL);
	assert_error(eg_scheme_compare(NULL, so, so), EG_EINVAL, NULL);
	eg_scheme_free(sn);
	eg_scheme_free(so);
	free(base);
	free(t1);
	free(t2);
	free(t3);
}

static void test_diff_lists_every_kind_of_definition_change(void **state)
{
	static const struct {
		const char *from, *to, *says;
	} rows[] = {
		{ "\"amount\": 30,", "\"amount\": 40,", "penalty level regional: 30 -> 40 (CJ-A2-5.9)" },
		{ "\"per_event\": 2,", "\"per_event\": 3,", "bonus: 2 per event, at most 10 -> 3 per event, at most 10" },
		{ "\"mode\": \"total\",", "\"mode\": \"item_only\",", "veto: total -> item_only" },
		{ "\"grade\": \"good\",\n          \"min_points\": 80,", "\"grade\": \"good\",\n          \"min_points\": 85,", "grade good: from 80 -> from 85 (CJ-A2-6.2)" },
		{ "\"id\": \"CJ-A2-6.3-d\",", "\"id\": \"CJ-A2-6.3-e\",", "forced-fail condition CJ-A2-6.3-d is removed" },
		{ "\"id\": \"prefecture\",", "\"id\": \"county\",", "penalty level county is new" },
		{ "\"id\": \"6\",", "\"id\": \"6b\",", "item 6 (CJ-A2-5.6) is removed in the new version" },
		{ "\"per_occurrence\": 1,", "\"per_occurrence\": 1, \"per_situation\": true,", "item 4: per occurrence -> once per period (CJ-A2-5.4)" },
	};
	char *base = changji_text();
	eg_scheme *so = NULL;
	eg_ruleset *ro = NULL;
	(void)state;
	assert_int_equal(eg_scheme_named(&so, "changji-2023"), EG_OK);
	assert_int_equal(eg_scheme_ruleset(&ro, so, "2026-10"), EG_OK);
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		char *t = replaced(base, rows[r].from, rows[r].to);
		eg_scheme *sn = NULL;
		eg_ruleset *rn = NULL;
		eg_scheme_diff_result *d = NULL;
		int found = 0;
		assert_int_equal(eg_scheme_load_buffer(&sn, NULL, t, strlen(t)), EG_OK);
		assert_int_equal(eg_scheme_ruleset(&rn, sn, "2026-10"), EG_OK);
		assert_int_equal(eg_scheme_diff(&d, ro, rn, NULL, 0), EG_OK);
		for (size_t k = 0; k < eg_scheme_diff_rule_count(d); k++)
			found |= strstr(eg_scheme_diff_rule_message(d, k, EG_LANG_EN), rows[r].says) != NULL &&
				 strlen(eg_scheme_diff_rule_message(d, k, EG_LANG_ZH)) > 0;
		if (!found) {
			for (size_t k = 0; k < eg_scheme_diff_rule_count(d); k++)
				print_error("  %s\n", eg_scheme_diff_rule_message(d, k, EG_LANG_EN));
			fail_msg("row %zu: the diff does not say \"%s\"", r, rows[r].says);
		}
		assert_int_equal(eg_scheme_diff_count(d), 0);
		eg_scheme_diff_free(d);
		eg_ruleset_free(rn);
		eg_scheme_free(sn);
		free(t);
	}
	/* The same rule set: nothing differs. */
	{
		eg_scheme_diff_result *d = NULL;
		assert_int_equal(eg_scheme_diff(&d, ro, ro, NULL, 0), EG_OK);
		assert_int_equal(eg_scheme_diff_rule_count(d), 0);
		assert_null(eg_scheme_diff_rule_message(d, 0, EG_LANG_EN));
		eg_scheme_diff_free(d);
		assert_error(eg_scheme_diff(&d, NULL, ro, NULL, 0), EG_EINVAL, NULL);
	}
	eg_ruleset_free(ro);
	eg_scheme_free(so);
	free(base);
}

/*
 * JM-2.2 per situation (option): "per_situation": true on item 2 makes 30
 * progress reports not updated one situation, −1, where the default reading
 * deducts −1 × 30 = −30. The key is written back, and refused on a status item.
 */
static void test_jm_2_2_per_situation_in_a_document(void **state)
{
	eg_scheme *s = NULL, *d = NULL;
	eg_ruleset *rs = NULL, *rd = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	char *base, *t, *out = NULL;
	(void)state;
	assert_int_equal(eg_scheme_named(&d, "jiangmen-2021"), EG_OK);
	assert_int_equal(eg_scheme_write(&out, d), EG_OK);
	base = strdup(out);
	eg_string_free(out);
	out = NULL;
	/* Item 2 is the only item at 1 point per occurrence. */
	t = replaced(base, "\"per_occurrence\": 1,\n          \"floor\": null,",
		     "\"per_occurrence\": 1,\n          \"floor\": null,\n          \"per_situation\": true,");
	assert_int_equal(eg_scheme_load_buffer(&s, NULL, t, strlen(t)), EG_OK);
	assert_int_equal(eg_scheme_write(&out, s), EG_OK);
	assert_string_equal(out, t); /* canonical: the key sits after "floor" */
	eg_string_free(out);
	assert_int_equal(eg_scheme_ruleset(&rs, s, "2021-06"), EG_OK);
	assert_int_equal(eg_scheme_ruleset(&rd, d, "2021-06"), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "2", 30), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, "2021-06"), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -1); /* once: −1 */
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	assert_int_equal(eg_assess_input_new(&in, rd), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "2", 30), EG_OK);
	assert_int_equal(eg_assess_score(&r, rd, in, "2021-06"), EG_OK);
	assert_int_equal(eg_assess_result_score(r), -30); /* default: −1 × 30 */
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	/* The diff says which reading changed. */
	{
		eg_scheme_diff_result *df = NULL;
		int found = 0;
		assert_int_equal(eg_scheme_diff(&df, rd, rs, NULL, 0), EG_OK);
		for (size_t k = 0; k < eg_scheme_diff_rule_count(df); k++)
			found |= strstr(eg_scheme_diff_rule_message(df, k, EG_LANG_EN),
					"item 2: per occurrence -> once per period (JM-2.2)") != NULL;
		assert_true(found);
		eg_scheme_diff_free(df);
		assert_int_equal(eg_scheme_diff(&df, rs, rd, NULL, 0), EG_OK);
		found = 0;
		for (size_t k = 0; k < eg_scheme_diff_rule_count(df); k++)
			found |= strstr(eg_scheme_diff_rule_message(df, k, EG_LANG_EN),
					"item 2: once per period -> per occurrence (JM-2.2)") != NULL;
		assert_true(found);
		eg_scheme_diff_free(df);
	}
	/* A rule set built in code with the option is written out with the key. */
	{
		eg_scheme *back = NULL;
		eg_scheme_info info = EG_SCHEME_INFO_INIT;
		info.family = "jiangmen";
		info.issuer_zh = "江门市生态环境局";
		info.issuer_en = "Jiangmen ecology and environment bureau";
		assert_int_equal(eg_scheme_from_ruleset(&back, &info, rs), EG_OK);
		assert_int_equal(eg_scheme_write(&out, back), EG_OK);
		assert_non_null(strstr(out, "\"per_situation\": true"));
		eg_string_free(out);
		eg_scheme_free(back);
	}
	eg_ruleset_free(rs);
	eg_ruleset_free(rd);
	eg_scheme_free(s);
	eg_scheme_free(d);
	free(t);
	free(base);
	/* Not on a status item. */
	base = changji_text();
	t = replaced(base, "\"kind\": \"status\",", "\"kind\": \"status\", \"per_situation\": true,");
	refused(t, EG_EPARSE, -1, -1, "/rulesets/0/items/0/per_situation", "no deduction keys on a status item", NULL);
	free(t);
	free(base);
}

/*
 * JM-2.2.1: jiangmen-2021's "periods" block says its rule set has half-year
 * and year totals, cited like every part (pointer /rulesets/0/periods); it is
 * written back, and refused with another method or on a rule set whose parts
 * are judged month by month (changji-2023's status items, JM-2.2 sums
 * deduction counts only).
 */
static void test_jm_2_2_1_periods_block(void **state)
{
	eg_scheme *s = NULL;
	char *out = NULL, *base, *t;
	int cited = 0;
	(void)state;
	assert_int_equal(eg_scheme_named(&s, "jiangmen-2021"), EG_OK);
	for (size_t i = 0; i < eg_scheme_source_count(s); i++) {
		const char *r = NULL, *p = NULL, *a = NULL, *q = NULL;
		assert_int_equal(eg_scheme_source_at(&r, &p, &a, &q, s, i), EG_OK);
		if (p && strcmp(p, "/rulesets/0/periods") == 0) {
			cited++;
			assert_string_equal(r, "JM-2.2.1");
			assert_string_equal(a, "二(二)1");
			assert_non_null(strstr(q, "进行半年考核和年度考核"));
		}
	}
	assert_int_equal(cited, 1);
	assert_int_equal(eg_scheme_write(&out, s), EG_OK);
	base = strdup(out);
	eg_string_free(out);
	assert_non_null(strstr(base, "\"periods\": {\n        \"rule\": \"JM-2.2.1\",\n        \"method\": \"sum\","));
	eg_scheme_free(s);
	/* Only "sum". */
	t = replaced(base, "\"method\": \"sum\"", "\"method\": \"mean\"");
	refused(t, EG_EPARSE, -1, -1, "/rulesets/0/periods/method", NULL, "mean");
	free(t);
	free(base);
	/* Not on changji-2023's rule set: its item 1 is a status item. */
	base = changji_text();
	t = replaced(base, "\"annual\": {",
		     "\"periods\": {\"rule\": \"JM-2.2.1\", \"method\": \"sum\", \"source\": {\"article\": \"a\", \"quote\": \"q\"}},\n"
		     "      \"annual\": {");
	refused(t, EG_EPARSE, -1, -1, "/rulesets/0/periods", "a rule set of deduction items only", "item 1 is a status item");
	free(t);
	free(base);
}

/* ---- sources in rule sets, traces and outcomes ------------------------------------ */

static const eg_trace *trace_with(const eg_assess_result *r, const char *rule, const char *subject)
{
	for (size_t i = 0; i < eg_assess_result_trace_count(r); i++) {
		const eg_trace *t = eg_assess_result_trace_at(r, i);
		if (strcmp(eg_trace_rule(t), rule) == 0 && strcmp(eg_trace_subject(t), subject) == 0)
			return t;
	}
	fail_msg("no trace entry %s %s", rule, subject);
	return NULL;
}

static void expect_source(const eg_trace *t, const char *article, const char *words)
{
	const char *a = NULL, *q = NULL;
	assert_int_equal(eg_trace_source(&a, &q, t), EG_OK);
	if (!article) {
		assert_null(a);
		assert_null(q);
		return;
	}
	assert_string_equal(a, article);
	if (!strstr(q, words))
		fail_msg("quote \"%s\" lacks \"%s\"", q, words);
}

static void test_cj_a2_traces_carry_the_regulation_words(void **state)
{
	eg_ruleset *rs = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	const char *regional[] = { "regional" };
	const char *a, *q;
	(void)state;
	assert_int_equal(eg_ruleset_preset(&rs, "changji-2023"), EG_OK);
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_count(in, "4", 3), EG_OK);
	assert_int_equal(eg_assess_input_set_bonus(in, 1), EG_OK);
	assert_int_equal(eg_assess_input_add_problem(in, regional, 1), EG_OK);
	assert_int_equal(eg_assess_input_add_forced_fail(in, "CJ-A2-6.3-c"), EG_OK);
	assert_int_equal(eg_assess_input_set_status(in, "3", 0), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, "2026-10"), EG_OK);
	expect_source(trace_with(r, "CJ-A2-5.4", "4"), "附件2 第五条(二)4", "每1起扣1分,扣完为止");
	expect_source(trace_with(r, "CJ-A2-5.9", "regional"), "附件2 第五条(四)9", "一次性扣减30分");
	expect_source(trace_with(r, "CJ-A2-5.8", ""), "附件2 第五条(三)", "每1起加2分");
	expect_source(trace_with(r, "CJ-A2-6.1", "3"), "附件2 第六条(一)", "一票否决");
	expect_source(trace_with(r, "CJ-A2-6.3", "CJ-A2-6.3-c"), "附件2 第六条(三)", "群众反复举报(3次及以上)");
	/* The grade entry cites the threshold it was judged against (fail: below 60, the pass threshold). */
	expect_source(trace_with(r, "CJ-A2-6.2", "fail"), "附件2 第六条(二)", "60至79分为合格");
	/* The total and the section sum implement no single sentence. */
	expect_source(trace_with(r, "CJ-A2-5.10", ""), NULL, NULL);
	expect_source(trace_with(r, "CJ-A2-5.9", "operation"), NULL, NULL);
	/* The level's name comes from the document. */
	assert_non_null(strstr(eg_trace_message(trace_with(r, "CJ-A2-5.9", "regional"), EG_LANG_ZH), "自治区级媒体曝光或网络舆情"));
	/* And the rule set answers for its parts. */
	assert_int_equal(eg_ruleset_source(&a, &q, rs, EG_RULESET_PART_GRADE, "excellent"), EG_OK);
	assert_string_equal(q, "90分以上为优秀");
	assert_int_equal(eg_ruleset_level_count(rs), 8);
	assert_string_equal(eg_ruleset_level_id(rs, 2), "prefecture");
	assert_string_equal(eg_ruleset_level_id(rs, 7), "repeated_reports");
	assert_null(eg_ruleset_level_id(rs, 8));
	assert_error(eg_ruleset_source(&a, &q, rs, EG_RULESET_PART_ITEM, "8"), EG_ENOTFOUND, "no item 8");
	assert_error(eg_ruleset_source(&a, &q, rs, EG_RULESET_PART_BONUS, "x"), EG_EINVAL, "takes no ID");
	assert_error(eg_ruleset_source(&a, &q, rs, 9, "x"), EG_EINVAL, "part 9");
	assert_error(eg_trace_source(NULL, &q, trace_with(r, "CJ-A2-5.10", "")), EG_EINVAL, NULL);
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
}

static void test_cj_a2_7_3_outcome_clauses_carry_their_source(void **state)
{
	eg_ladder *l = NULL;
	eg_ladder_state *st = NULL;
	eg_ladder_outcome *o = NULL;
	const char *units[2] = { "A", "B" }, *a, *q;
	const int64_t v[2] = { 1, 9 }; /* A: 1/10 = 10 % -> criticism (R0.1: 10 % is "10%以上") */
	(void)state;
	assert_int_equal(eg_ladder_preset(&l, "CJ-A2-7.3"), EG_OK);
	assert_int_equal(eg_ladder_state_new(&st, l), EG_OK);
	assert_int_equal(eg_ladder_step(&o, st, "2026-10", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, units, v, NULL, 2 }), EG_OK);
	assert_string_equal(eg_ladder_outcome_action(o, 0), "criticism");
	assert_int_equal(eg_ladder_outcome_clause_source(&a, &q, o, 0, 0), EG_OK);
	assert_string_equal(a, "附件2 第七条(三)");
	assert_string_equal(q, "总数占全州问题总数10%以上,由州大气办进行通报批评");
	assert_error(eg_ladder_outcome_clause_source(&a, &q, o, 0, 1), EG_ERANGE, NULL);
	assert_error(eg_ladder_outcome_clause_source(NULL, &q, o, 0, 0), EG_EINVAL, NULL);
	eg_ladder_outcome_free(o);
	eg_ladder_state_free(st);
	eg_ladder_free(l);
}

/* Builders in code: sources, level names, the veto rule; and their errors. */
static void test_builder_sources_names_and_veto_rule(void **state)
{
	eg_ruleset_builder *b = NULL;
	eg_ruleset *rs = NULL;
	eg_item_def d = EG_ITEM_DEF_INIT;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	const char *lv[] = { "district" };
	eg_ladder_builder *lb = NULL;
	(void)state;
	assert_int_equal(eg_ruleset_builder_new(&b, "t-2025", "测试", 1), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_validity(b, "2025-01-01", NULL), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_section(b, "s", "建设", "build"), EG_OK);
	d.id = "1"; d.rule = "T-1"; d.section = "s"; d.kind = EG_ITEM_KIND_STATUS; d.max_points = 40; d.veto = 1;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	d.id = "2"; d.rule = "T-2"; d.kind = EG_ITEM_KIND_DEDUCT; d.max_points = 60; d.per_occurrence = 5; d.floor = 0; d.veto = 0;
	assert_int_equal(eg_ruleset_builder_add_item(b, &d), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_penalty_level(b, "s", "district", "T-3", 10, 0), EG_OK);
	assert_int_equal(eg_ruleset_builder_add_grade(b, 60, EG_GRADE_PASS, "T-4"), EG_OK);
	/* Errors first: nothing changes. */
	assert_error(eg_ruleset_builder_set_source(b, EG_RULESET_PART_ITEM, "9", "第一条", "x"), EG_ENOTFOUND, "no item 9");
	assert_error(eg_ruleset_builder_set_source(b, EG_RULESET_PART_ITEM, NULL, "第一条", "x"), EG_EINVAL, "needs an ID");
	assert_error(eg_ruleset_builder_set_source(b, EG_RULESET_PART_BONUS, NULL, "第一条", "x"), EG_ENOTFOUND, "no bonus rule");
	assert_error(eg_ruleset_builder_set_source(b, EG_RULESET_PART_ITEM, "1", "", "x"), EG_EINVAL, NULL);
	assert_error(eg_ruleset_builder_set_source(NULL, EG_RULESET_PART_ITEM, "1", "a", "x"), EG_EINVAL, NULL);
	assert_error(eg_ruleset_builder_set_level_name(b, "national", "国家", "national"), EG_ENOTFOUND, "national");
	assert_error(eg_ruleset_builder_set_veto_rule(b, ""), EG_EINVAL, NULL);
	/* Without sources the rule set cannot be written as a document. */
	assert_int_equal(eg_ruleset_build(&rs, b), EG_OK);
	{
		eg_scheme *s = NULL;
		eg_scheme_info info = EG_SCHEME_INFO_INIT;
		info.family = "t";
		info.issuer_zh = "测试办";
		info.issuer_en = "test office";
		assert_error(eg_scheme_from_ruleset(&s, &info, rs), EG_EINVAL, "item 1 has no source");
		assert_null(s);
	}
	eg_ruleset_free(rs);
	rs = NULL;
	assert_int_equal(eg_ruleset_builder_set_source(b, EG_RULESET_PART_ITEM, "1", "第一条", "设立机构"), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_source(b, EG_RULESET_PART_ITEM, "2", "第二条", "每起扣5分"), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_source(b, EG_RULESET_PART_LEVEL, "district", "第三条", "区级曝光扣10分"), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_source(b, EG_RULESET_PART_GRADE, "pass", "第四条", "60分以上为合格"), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_source(b, EG_RULESET_PART_VETO, NULL, "第五条", "一票否决"), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_level_name(b, "district", "区级媒体曝光", "district media"), EG_OK);
	assert_int_equal(eg_ruleset_builder_set_veto_rule(b, "T-5"), EG_OK);
	assert_int_equal(eg_ruleset_build(&rs, b), EG_OK);
	/* Item 1 not met: veto under T-5, the named level in the trace. 40 + 60 - 10 = 90 before the veto. */
	assert_int_equal(eg_assess_input_new(&in, rs), EG_OK);
	assert_int_equal(eg_assess_input_set_status(in, "1", 0), EG_OK);
	assert_int_equal(eg_assess_input_add_problem(in, lv, 1), EG_OK);
	assert_int_equal(eg_assess_score(&r, rs, in, NULL), EG_OK);
	assert_int_equal(eg_assess_result_score(r), 0);
	assert_string_equal(eg_assess_result_fail_at(r, 0), "T-5");
	expect_source(trace_with(r, "T-5", "1"), "第五条", "一票否决");
	assert_non_null(strstr(eg_trace_message(trace_with(r, "T-3", "district"), EG_LANG_EN), "district media"));
	/* Written out and loaded back: the same rule set. */
	{
		eg_scheme *s = NULL, *s2 = NULL;
		eg_ruleset *back = NULL;
		eg_assess_input *in2 = NULL;
		eg_assess_result *r2 = NULL;
		char *t1 = NULL, *t2 = NULL;
		eg_scheme_info info = EG_SCHEME_INFO_INIT;
		info.family = "t";
		info.issuer_zh = "测试办";
		info.issuer_en = "test office";
		assert_int_equal(eg_scheme_from_ruleset(&s, &info, rs), EG_OK);
		assert_string_equal(eg_scheme_id(s), "t-2025");
		assert_int_equal(eg_scheme_write(&t1, s), EG_OK);
		assert_int_equal(eg_scheme_load_buffer(&s2, NULL, t1, strlen(t1)), EG_OK);
		assert_int_equal(eg_scheme_ruleset(&back, s2, "2025-06"), EG_OK);
		{
			eg_scheme *s3 = NULL;
			assert_int_equal(eg_scheme_from_ruleset(&s3, &info, back), EG_OK);
			assert_int_equal(eg_scheme_write(&t2, s3), EG_OK);
			assert_string_equal(t1, t2); /* byte-identical */
			eg_scheme_free(s3);
		}
		assert_int_equal(eg_assess_input_new(&in2, back), EG_OK);
		assert_int_equal(eg_assess_input_set_status(in2, "1", 0), EG_OK);
		assert_int_equal(eg_assess_input_add_problem(in2, lv, 1), EG_OK);
		assert_int_equal(eg_assess_score(&r2, back, in2, NULL), EG_OK);
		assert_int_equal(eg_assess_result_trace_count(r2), eg_assess_result_trace_count(r));
		for (size_t i = 0; i < eg_assess_result_trace_count(r); i++)
			assert_string_equal(eg_trace_message(eg_assess_result_trace_at(r2, i), EG_LANG_ZH),
					    eg_trace_message(eg_assess_result_trace_at(r, i), EG_LANG_ZH));
		info.family = NULL;
		{
			eg_scheme *none = NULL;
			assert_error(eg_scheme_from_ruleset(&none, &info, rs), EG_EINVAL, "scheme family");
			assert_null(none);
		}
		eg_assess_result_free(r2);
		eg_assess_input_free(in2);
		eg_ruleset_free(back);
		eg_string_free(t1);
		eg_string_free(t2);
		eg_scheme_free(s);
		eg_scheme_free(s2);
	}
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	eg_ruleset_builder_free(b);
	/* Ladder clauses. */
	{
		eg_ladder_clause c = EG_LADDER_CLAUSE_INIT;
		assert_int_equal(eg_ladder_builder_new(&lb, "T-6", EG_LADDER_MEASURE_AT_LEAST, "次数", "times", NULL), EG_OK);
		assert_int_equal(eg_ladder_builder_add_action(lb, "warn", "提醒", "warning"), EG_OK);
		assert_error(eg_ladder_builder_set_clause_source(lb, 0, "第六条", "x"), EG_ENOTFOUND, "clause 0");
		c.rule = "T-6";
		c.action = "warn";
		c.threshold = 1;
		assert_int_equal(eg_ladder_builder_add_clause(lb, &c), EG_OK);
		assert_int_equal(eg_ladder_builder_set_clause_source(lb, 0, "第六条", "一次即提醒"), EG_OK);
		assert_error(eg_ladder_builder_set_clause_source(lb, 0, "第六条", ""), EG_EINVAL, NULL);
		assert_error(eg_ladder_builder_set_clause_source(NULL, 0, "第六条", "x"), EG_EINVAL, NULL);
		eg_ladder_builder_free(lb);
	}
}

/* The preset from the shipped document, written out through its rule set: the same scores. */
static void test_cj_a2_preset_written_out_scores_the_same(void **state)
{
	eg_ruleset *rs = NULL, *back = NULL;
	eg_scheme *s = NULL;
	eg_scheme_info info = EG_SCHEME_INFO_INIT;
	(void)state;
	assert_int_equal(eg_ruleset_preset(&rs, "changji-2023"), EG_OK);
	info.family = "changji";
	info.issuer_zh = "昌吉州环委办";
	info.issuer_en = "Changji Prefecture environmental committee office";
	assert_int_equal(eg_scheme_from_ruleset(&s, &info, rs), EG_OK);
	assert_int_equal(eg_scheme_ruleset(&back, s, "2026-10"), EG_OK);
	for (int n4 = 0; n4 <= 45; n4 += 3)
		for (int n7 = 0; n7 <= 3; n7++) {
			eg_assess_input *a = NULL, *b = NULL;
			eg_assess_result *ra = NULL, *rb = NULL;
			assert_int_equal(eg_assess_input_new(&a, rs), EG_OK);
			assert_int_equal(eg_assess_input_new(&b, back), EG_OK);
			assert_int_equal(eg_assess_input_set_count(a, "4", n4), EG_OK);
			assert_int_equal(eg_assess_input_set_count(b, "4", n4), EG_OK);
			assert_int_equal(eg_assess_input_set_count(a, "7", n7), EG_OK);
			assert_int_equal(eg_assess_input_set_count(b, "7", n7), EG_OK);
			assert_int_equal(eg_assess_score(&ra, rs, a, NULL), EG_OK);
			assert_int_equal(eg_assess_score(&rb, back, b, NULL), EG_OK);
			assert_int_equal(eg_assess_result_score(ra), eg_assess_result_score(rb));
			assert_int_equal(eg_assess_result_grade(ra), eg_assess_result_grade(rb));
			eg_assess_result_free(ra);
			eg_assess_result_free(rb);
			eg_assess_input_free(a);
			eg_assess_input_free(b);
		}
	eg_ruleset_free(back);
	eg_ruleset_free(rs);
	eg_scheme_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_documents_load_and_are_canonical),
		cmocka_unit_test(test_sources_are_verbatim_in_the_seeds),
		cmocka_unit_test(test_cj_a2_5_4_source_of_item_4),
		cmocka_unit_test(test_round_trip_normalises_formatting_and_defaults),
		cmocka_unit_test(test_ruleset_in_force_by_date),
		cmocka_unit_test(test_ladders_air_cadences_and_monthly_feeds),
		cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_jm_2_1_2_disclosure_status_by_the_scheme_deadline),
		cmocka_unit_test(test_duties_of_a_scheme),
		cmocka_unit_test(test_duty_without_a_source_is_refused),
		cmocka_unit_test(test_jm_2_2_per_situation_in_the_document),
		cmocka_unit_test(test_error_unknown_key_lists_the_valid_keys),
		cmocka_unit_test(test_error_numbers_out_of_range),
		cmocka_unit_test(test_error_duplicates),
		cmocka_unit_test(test_error_bytes_utf8_nul_size_syntax),
		cmocka_unit_test(test_error_missing_and_wrong_values),
		cmocka_unit_test(test_error_builder_refusals_are_placed),
		cmocka_unit_test(test_error_files_and_arguments),
		cmocka_unit_test(test_error_each_mutation_is_refused_at_its_place),
		cmocka_unit_test(test_check_each_defect_kind),
		cmocka_unit_test(test_check_base_document_is_clean_and_loads),
		cmocka_unit_test(test_check_more_shapes_of_each_defect),
		cmocka_unit_test(test_diff_lists_every_kind_of_definition_change),
		cmocka_unit_test(test_compare_jm_2_1_2_deadline_jm_2_3_clause_and_duties),
		cmocka_unit_test(test_family_versions_by_date_gaps_and_overlaps),
		cmocka_unit_test(test_diff_of_a_revision_hand_computed),
		cmocka_unit_test(test_jm_2_2_per_situation_in_a_document),
		cmocka_unit_test(test_jm_2_2_1_periods_block),
		cmocka_unit_test(test_cj_a2_traces_carry_the_regulation_words),
		cmocka_unit_test(test_cj_a2_7_3_outcome_clauses_carry_their_source),
		cmocka_unit_test(test_builder_sources_names_and_veto_rule),
		cmocka_unit_test(test_cj_a2_preset_written_out_scores_the_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
