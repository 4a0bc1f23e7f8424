/*
 * The bad-input catalogue (docs/bad-input.md), executed.
 *
 * Each R() row below is one class of bad input tried against one public
 * function: the call is run, its status must be the listed code, the
 * thread's detail must carry the same code and mention the listed text, and
 * the objects it was given must still work. The same rows render the
 * catalogue, so the document cannot drift from what the library does:
 *
 *   bad_input --check docs/bad-input.md   run every row, fail if a code or
 *                                         detail differs or the file is stale
 *   bad_input --write docs/bad-input.md   run every row and regenerate the file
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ecogrid/ecogrid.h>

static FILE *md;          /* the catalogue being rendered (a memory stream) */
static int failures, rows;
static const char *module;

static const char *code_name(int code)
{
	switch (code) {
	case EG_OK: return "EG_OK";
	case EG_ERROR: return "EG_ERROR";
	case EG_EINVAL: return "EG_EINVAL";
	case EG_ENOMEM: return "EG_ENOMEM";
	case EG_ENOTFOUND: return "EG_ENOTFOUND";
	case EG_EEXISTS: return "EG_EEXISTS";
	case EG_ERANGE: return "EG_ERANGE";
	case EG_EPARSE: return "EG_EPARSE";
	case EG_ESTATE: return "EG_ESTATE";
	case EG_EIO: return "EG_EIO";
	case EG_EUTF8: return "EG_EUTF8";
	case EG_ECYCLE: return "EG_ECYCLE";
	case EG_ELEVEL: return "EG_ELEVEL";
	case EG_EBUFSIZE: return "EG_EBUFSIZE";
	default: return "?";
	}
}

static void section(const char *name, const char *fixture)
{
	module = name;
	fprintf(md, "\n## %s\n\n%s\n\n| Bad input | Call | Code | Detail mentions |\n|---|---|---|---|\n", name, fixture);
}

/* A table cell: pipes escaped, the call in a code span. */
static void cell(const char *s, int code)
{
	fputs(code ? "`" : "", md);
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", md);
		else if (*s == '\n' || *s == '\t')
			fputc(' ', md);
		else
			fputc(*s, md);
	}
	fputs(code ? "`" : "", md);
}

static void row(const char *klass, const char *call, int expected, const char *needle, int rc)
{
	const eg_error *e = eg_error_last();
	rows++;
	if (rc != expected) {
		fprintf(stderr, "%s: %s: %s returned %d (%s), catalogue says %s: %s\n", module, klass, call, rc,
			code_name(rc), code_name(expected), e->message);
		failures++;
	} else if (e->code != expected || !e->message[0]) {
		fprintf(stderr, "%s: %s: %s: detail not set (code %d)\n", module, klass, call, e->code);
		failures++;
	} else if (needle && !strstr(e->message, needle)) {
		fprintf(stderr, "%s: %s: %s: detail \"%s\" does not mention \"%s\"\n", module, klass, call, e->message,
			needle);
		failures++;
	}
	eg_error_clear();
	fputs("| ", md);
	cell(klass, 0);
	fputs(" | ", md);
	cell(call, 1);
	fprintf(md, " | `%s` | ", code_name(expected));
	if (needle)
		cell(needle, 0);
	fputs(" |\n", md);
}

/* One row: class of bad input, expected code, text the detail must contain (or NULL), the call. */
#define R(klass, expected, needle, call) row((klass), #call, (expected), (needle), (call))

static void must(int rc, const char *what)
{
	if (rc != EG_OK) {
		fprintf(stderr, "%s: fixture %s failed: %s\n", module, what, eg_error_last()->message);
		exit(2);
	}
}

/* ------------------------------------------------------------------ */

static void grid_rows(void)
{
	eg_grid *g = NULL, *out = NULL;
	const eg_node *n = NULL, *t1 = NULL;
	eg_grid_walk *w = NULL;
	eg_findings *f = NULL;
	int64_t sums[4], counts[4] = { 1, 2, 3, 4 }, big[4] = { INT64_MAX, 1, 1, 1 }, neg[4] = { 1, -1, 0, 0 };
	const char *towns[] = { "T1" }, *nope[] = { "T9" }, *twice[] = { "T1", "T1" };
	char long_id[80];
	int met;
	memset(long_id, 'x', 65);
	long_id[65] = '\0';
	section("grid", "Fixture: `g` holds P (level 1) > C (level 2) > T1 (level 3) > V1 (level 4); `CSVH` is the header line `code,parent_code,level,name`.");
	must(eg_grid_new(&g), "grid");
	must(eg_grid_add(NULL, g, "P", NULL, "州", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_PREFECTURE, EG_KIND_ADMIN }), "P");
	must(eg_grid_add(NULL, g, "C", "P", "县", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_COUNTY, EG_KIND_ADMIN }), "C");
	must(eg_grid_add(&t1, g, "T1", "C", "镇", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }), "T1");
	must(eg_grid_add(NULL, g, "V1", "T1", "村", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_VILLAGE, EG_KIND_ADMIN }), "V1");

	R("NULL out-parameter", EG_EINVAL, NULL, eg_grid_new(NULL));
	R("NULL grid", EG_EINVAL, NULL, eg_grid_add(NULL, NULL, "X", NULL, "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_PROVINCE, EG_KIND_ADMIN }));
	R("empty ID", EG_EINVAL, "node ID", eg_grid_add(NULL, g, "", "C", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }));
	R("ID longer than 64 bytes", EG_ERANGE, "node ID", eg_grid_add(NULL, g, long_id, "C", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }));
	R("invalid UTF-8 in a name", EG_EUTF8, "node T2: node name", eg_grid_add(NULL, g, "T2", "C", "\xC3\x28", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }));
	R("control character in a name", EG_EINVAL, "control character", eg_grid_add(NULL, g, "T2", "C", "a\tb", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }));
	R("level out of range", EG_ERANGE, "T2", eg_grid_add(NULL, g, "T2", "C", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, 5, EG_KIND_ADMIN }));
	R("unknown kind", EG_EINVAL, "T2", eg_grid_add(NULL, g, "T2", "C", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, 7 }));
	R("duplicate ID", EG_EEXISTS, "T1", eg_grid_add(NULL, g, "T1", "C", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }));
	R("unknown parent", EG_ENOTFOUND, "C9", eg_grid_add(NULL, g, "T2", "C9", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }));
	R("level not deeper than the parent's", EG_ELEVEL, "T2", eg_grid_add(NULL, g, "T2", "T1", "x", &(eg_grid_add_options){ EG_GRID_ADD_OPTIONS_VERSION, EG_LEVEL_TOWNSHIP, EG_KIND_ADMIN }));
	R("unknown ID", EG_ENOTFOUND, "652399999999", eg_grid_lookup(&n, g, "652399999999"));
	R("NULL ID", EG_EINVAL, NULL, eg_grid_lookup(&n, g, NULL));
	R("NULL grid", EG_EINVAL, NULL, eg_grid_walk_new(&w, NULL, NULL));
	R("count array of the wrong length", EG_EINVAL, "3 counts given for 4 nodes", eg_grid_rollup(sums, g, counts, 3));
	R("negative count", EG_EINVAL, "negative", eg_grid_rollup(sums, g, neg, 4));
	R("sum overflows int64_t", EG_ERANGE, "overflows", eg_grid_rollup(sums, g, big, 4));
	R("unknown node", EG_ENOTFOUND, "T9", eg_grid_set_heads(g, "T9", "甲", "乙"));
	R("both heads the same person", EG_EEXISTS, NULL, eg_grid_set_heads(g, "C", "甲", "甲"));
	R("invalid UTF-8 in a person", EG_EUTF8, NULL, eg_grid_set_heads(g, "C", "\xFF", "乙"));
	R("sub-head of a village", EG_ELEVEL, NULL, eg_grid_add_subhead(g, "V1", "甲", EG_RANK_DEPUTY_SECTION, towns, 1));
	R("unknown covered node", EG_ENOTFOUND, "T9", eg_grid_add_subhead(g, "C", "甲", EG_RANK_DEPUTY_DIVISION, nope, 1));
	R("covered node twice", EG_EEXISTS, "T1", eg_grid_add_subhead(g, "C", "甲", EG_RANK_DEPUTY_DIVISION, twice, 2));
	R("unknown staff kind", EG_ERANGE, "staff 2", eg_grid_add_supervisor(g, "T1", "甲", 2));
	R("key grid under a township", EG_ELEVEL, "level-2 unit (CJ-G.2)", eg_grid_add_key_grid(NULL, g, "KG", "T1", "x", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "ST", towns, 1 }));
	R("key grid spanning no township", EG_EINVAL, "spans no township", eg_grid_add_key_grid(NULL, g, "KG", "C", "x", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "ST", towns, 0 }));
	R("empty station ID", EG_EINVAL, "station ID", eg_grid_add_key_grid(NULL, g, "KG", "C", "x", &(eg_grid_key_grid_options){ EG_GRID_KEY_GRID_OPTIONS_VERSION, "", towns, 1 }));
	R("not a key grid", EG_EINVAL, NULL, eg_grid_key_grid_info(NULL, NULL, g, t1));
	R("NULL out-parameter", EG_EINVAL, NULL, eg_grid_check(NULL, g));
	must(eg_grid_check(&f, g), "check");
	R("unit not at level 2", EG_ELEVEL, NULL, eg_findings_cj_a2_5_2(&met, f, g, "T1"));
	R("unknown unit", EG_ENOTFOUND, "C9", eg_findings_cj_a2_5_2(&met, f, g, "C9"));
	eg_findings_free(f);
	eg_grid_free(g);

#define CSVH "code,parent_code,level,name\n"
	R("bad header", EG_EPARSE, "line 1", eg_grid_parse_csv(&out, "id,name\nA,x\n", 12, NULL));
	R("wrong field count", EG_EPARSE, "line 2", eg_grid_parse_csv(&out, CSVH "A,,1\n", strlen(CSVH "A,,1\n"), NULL));
	R("level not a number", EG_EPARSE, "line 2", eg_grid_parse_csv(&out, CSVH "A,,x,州\n", strlen(CSVH "A,,x,州\n"), NULL));
	R("unterminated quote", EG_EPARSE, NULL, eg_grid_parse_csv(&out, CSVH "A,,1,\"州\n", strlen(CSVH "A,,1,\"州\n"), NULL));
	R("invalid UTF-8", EG_EUTF8, "line 2", eg_grid_parse_csv(&out, CSVH "A,,1,\xFF\n", strlen(CSVH "A,,1,\xFF\n"), NULL));
	R("duplicate code", EG_EEXISTS, "A", eg_grid_parse_csv(&out, CSVH "A,,1,州\nA,,1,州\n", strlen(CSVH "A,,1,州\nA,,1,州\n"), NULL));
	R("unknown parent", EG_ENOTFOUND, "parent NOPE of X not found", eg_grid_parse_csv(&out, CSVH "R,,1,r\nX,NOPE,2,x\n", strlen(CSVH "R,,1,r\nX,NOPE,2,x\n"), NULL));
	R("parent cycle", EG_ECYCLE, NULL, eg_grid_parse_csv(&out, CSVH "A,B,2,县\nB,A,3,镇\n", strlen(CSVH "A,B,2,县\nB,A,3,镇\n"), NULL));
	R("child level not deeper", EG_ELEVEL, NULL, eg_grid_parse_csv(&out, CSVH "A,,2,县\nB,A,2,县\n", strlen(CSVH "A,,2,县\nB,A,2,县\n"), NULL));
	R("NULL data with a length", EG_EINVAL, NULL, eg_grid_parse_csv(&out, NULL, 5, NULL));
	R("empty data (no header)", EG_EPARSE, "line 1", eg_grid_parse_csv(&out, "", 0, NULL));
	R("missing file", EG_EIO, "/nonexistent/grid.csv", eg_grid_load_csv(&out, "/nonexistent/grid.csv", NULL));
	R("unknown options version", EG_EINVAL, NULL, eg_grid_csv_options_init(&(eg_grid_csv_options){ 0 }, 99));
}

static void assess_rows(void)
{
	eg_ruleset_builder *b = NULL, *nb = NULL;
	eg_ruleset *rs = NULL, *none = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	eg_item_def d = { EG_ITEM_DEF_VERSION, "9", "X-9", "operation", NULL, NULL, EG_ITEM_KIND_DEDUCT, 5, 1, 0, 0, 0, 0 };
	eg_item_def veto = { EG_ITEM_DEF_VERSION, "8", "X-8", "s", NULL, NULL, EG_ITEM_KIND_DEDUCT, 5, 1, 0, 0, 1, 0 };
	const char *unknown_lv[] = { "county" };
	int32_t scores[13] = { 0 };
	int64_t mean;
	int grade;
	section("assess", "Fixture: `rs` is the preset `changji-2023`, `in` an input for it, `b` a builder with section `s`.");
	must(eg_ruleset_preset(&rs, "changji-2023"), "preset");
	must(eg_assess_input_new(&in, rs), "input");
	must(eg_ruleset_builder_new(&b, "x", "doc", 1), "builder");
	must(eg_ruleset_builder_add_section(b, "s", NULL, NULL), "section");

	R("scale out of range", EG_ERANGE, NULL, eg_ruleset_builder_new(&nb, "x", "doc", 3));
	R("invalid UTF-8 name", EG_EUTF8, NULL, eg_ruleset_builder_new(&nb, "\xC0\xAF", "doc", 1));
	R("bad date", EG_EINVAL, NULL, eg_ruleset_builder_set_validity(b, "2026-02-30", NULL));
	R("end before start", EG_EINVAL, NULL, eg_ruleset_builder_set_validity(b, "2026-02-01", "2026-01-31"));
	R("duplicate section", EG_EEXISTS, "s", eg_ruleset_builder_add_section(b, "s", NULL, NULL));
	R("unknown section", EG_ENOTFOUND, "operation", eg_ruleset_builder_add_item(b, &d));
	R("veto on a deduction item", EG_EINVAL, NULL, eg_ruleset_builder_add_item(b, &veto));
	R("negative bonus", EG_ERANGE, NULL, eg_ruleset_builder_set_bonus(b, "X-7", -1, 5));
	R("unknown section", EG_ENOTFOUND, "section nope", eg_ruleset_builder_add_penalty_level(b, "nope", "l", "P", 1, 0));
	R("unknown veto mode", EG_EINVAL, NULL, eg_ruleset_builder_set_veto_mode(b, 9));
	R("unknown item definition version", EG_EINVAL, "unknown version 2", eg_item_def_init(&d, 2));
	R("no items", EG_EINVAL, NULL, eg_ruleset_build(&none, b));
	R("unknown preset", EG_ENOTFOUND, "nowhere-1999", eg_ruleset_preset(&none, "nowhere-1999"));
	R("bad date", EG_EINVAL, NULL, eg_ruleset_for_date(&none, NULL, "2026-13-01"));
	R("no rule set in force", EG_ENOTFOUND, NULL, eg_ruleset_for_date(&none, "changji", "1999-01-01"));
	R("unknown item", EG_ENOTFOUND, "99", eg_assess_input_set_count(in, "99", 1));
	R("count on a status item", EG_EINVAL, NULL, eg_assess_input_set_count(in, "1", 1));
	R("negative count", EG_EINVAL, NULL, eg_assess_input_set_count(in, "4", -1));
	R("count above 1,000,000", EG_ERANGE, NULL, eg_assess_input_set_count(in, "4", 1000001));
	R("status on a deduction item", EG_EINVAL, NULL, eg_assess_input_set_status(in, "4", 1));
	R("negative bonus events", EG_EINVAL, NULL, eg_assess_input_set_bonus(in, -1));
	R("unknown penalty level", EG_ENOTFOUND, "county", eg_assess_input_add_problem(in, unknown_lv, 1));
	R("unknown forced-fail condition", EG_ENOTFOUND, "CJ-A2-6.9", eg_assess_input_add_forced_fail(in, "CJ-A2-6.9"));
	R("bad period", EG_EINVAL, NULL, eg_assess_score(&r, rs, in, "2026-13"));
	R("period outside the validity", EG_ERANGE, NULL, eg_assess_score(&r, rs, in, "2020-01"));
	R("NULL result", EG_EINVAL, NULL, eg_assess_result_render(NULL, NULL, EG_LANG_ZH));
	R("no scores", EG_EINVAL, NULL, eg_assess_annual(&mean, &grade, rs, scores, 0));
	R("more than 12 months", EG_ERANGE, NULL, eg_assess_annual(&mean, &grade, rs, scores, 13));
	eg_assess_input_free(in);
	eg_ruleset_builder_free(b);
	eg_ruleset_free(rs);
}

static void ladder_rows(void)
{
	eg_ladder_builder *b = NULL;
	eg_ladder *l = NULL, *none = NULL;
	eg_ladder_state *s = NULL, *back = NULL;
	eg_ladder_outcome *o = NULL;
	eg_ladder_clause c = EG_LADDER_CLAUSE_INIT, c13 = EG_LADDER_CLAUSE_INIT;
	const char *ids[] = { "U0", "U0" }, *bad_id[] = { "\xFF" };
	int64_t v[] = { 1, 1 }, negv[] = { -1 };
	section("ladder", "Fixture: `l` is the preset `CJ-A3-4`, `s` a state stepped to 2026-02, `b` a builder with action `warn`.");
	must(eg_ladder_preset(&l, "CJ-A3-4"), "preset");
	must(eg_ladder_state_new(&s, l), "state");
	must(eg_ladder_step(&o, s, "2026-02", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v, NULL, 1 }), "step");
	eg_ladder_outcome_free(o);
	o = NULL;
	must(eg_ladder_builder_new(&b, "x", EG_LADDER_MEASURE_AT_LEAST, "a", "a", NULL), "builder");
	must(eg_ladder_builder_add_action(b, "warn", "提醒", "warning"), "action");
	c.rule = "X-1";
	c.action = "nope";
	c13.rule = "X-1";
	c13.action = "warn";
	c13.kind = EG_LADDER_CLAUSE_KIND_CONSECUTIVE;
	c13.count = 13;

	R("unknown measure", EG_EINVAL, NULL, eg_ladder_builder_new(&b, "x", 9, "a", "a", NULL));
	R("duplicate action", EG_EEXISTS, "warn", eg_ladder_builder_add_action(b, "warn", "x", "x"));
	R("unknown action", EG_ENOTFOUND, "nope", eg_ladder_builder_add_clause(b, &c));
	R("count outside 1-12", EG_ERANGE, NULL, eg_ladder_builder_add_clause(b, &c13));
	R("unknown clause version", EG_EINVAL, "unknown version 2", eg_ladder_clause_init(&c, 2));
	R("no clauses", EG_EINVAL, NULL, eg_ladder_build(&none, b));
	R("unknown preset", EG_ENOTFOUND, "XX-1", eg_ladder_preset(&none, "XX-1"));
	R("bad month", EG_EINVAL, "2026-13", eg_ladder_step(&o, s, "2026-13", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v, NULL, 1 }));
	R("month not after the last", EG_ESTATE, NULL, eg_ladder_step(&o, s, "2026-02", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v, NULL, 1 }));
	R("unit twice", EG_EEXISTS, "U0", eg_ladder_step(&o, s, "2026-03", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, v, NULL, 2 }));
	R("negative value", EG_EINVAL, NULL, eg_ladder_step(&o, s, "2026-03", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, ids, negv, NULL, 1 }));
	R("invalid UTF-8 unit", EG_EUTF8, NULL, eg_ladder_step(&o, s, "2026-03", &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, bad_id, v, NULL, 1 }));
	R("junk state text", EG_EPARSE, "line 1", eg_ladder_state_parse(&back, l, "junk\n", 5));
	R("NULL state", EG_EINVAL, NULL, eg_ladder_state_serialize(NULL, s));
	eg_ladder_builder_free(b);
	eg_ladder_state_free(s);
	eg_ladder_free(l);
}

static void airq_rows(void)
{
	eg_airq_profile *p = NULL, *none = NULL;
	eg_airq_index ix = EG_AIRQ_INDEX_INIT;
	double r, limits0[6] = { 60, 40, 0, 35, 4, 160 }, w[6] = { 1, 1, 1, 1, 1, 1 };
	double stats_nan[6] = { 6, 4, NAN, 35, 0.4, 16 }, stats_neg[6] = { 6, 4, -7, 35, 0.4, 16 };
	double v_inf[3] = { 1, INFINITY, 2 }, v_nan[2] = { NAN, NAN }, v[3] = { 1, 2, 3 };
	double hourly[6 * 24] = { 0 }, out[6];
	eg_airq_stat st[6];
	int32_t ranks[3];
	int64_t scaled;
	char buf[4];
	section("airq", "Fixture: `p` is the profile `CN2012`.");
	must(eg_airq_profile_named(&p, "CN2012"), "profile");

	R("unknown profile", EG_ENOTFOUND, "CN1996", eg_airq_profile_named(&none, "CN1996"));
	R("bad date", EG_EINVAL, NULL, eg_airq_profile_for_date(&none, "2026-02-30"));
	R("limit of 0", EG_ERANGE, NULL, eg_airq_profile_custom(&none, "x", limits0, w, EG_AQI_TABLE_HJ633_2012));
	R("NaN statistic", EG_EINVAL, NULL, eg_airq_composite(&ix, p, stats_nan, 0));
	R("negative statistic", EG_EINVAL, NULL, eg_airq_composite(&ix, p, stats_neg, 0));
	R("unknown flag", EG_EINVAL, NULL, eg_airq_composite(&ix, p, v, 0x80));
	R("result version not set", EG_EINVAL, "out->version 0", eg_airq_composite(&(eg_airq_index){ 0 }, p, v, 0));
	R("unknown result version", EG_EINVAL, "unknown version 2", eg_airq_index_init(&ix, 2));
	R("p outside [0, 1]", EG_EINVAL, "p = 1.5", eg_airq_percentile(&r, v, 3, 1.5));
	R("infinite value", EG_EINVAL, "infinite", eg_airq_percentile(&r, v_inf, 3, 0.5));
	R("no valid value (all NaN)", EG_EINVAL, "no valid value", eg_airq_percentile(&r, v_nan, 2, 0.5));
	R("buffer too small", EG_EBUFSIZE, NULL, eg_airq_round(&scaled, buf, sizeof buf, 123.456, 2));
	R("reference of 0", EG_EINVAL, NULL, eg_airq_change_rate(&r, 1, 0));
	R("NaN value", EG_EINVAL, NULL, eg_airq_improvement_rate(&r, NAN, 1));
	R("unknown order", EG_EINVAL, NULL, eg_airq_rank(ranks, v, 3, 7, 2));
	R("not a month", EG_EINVAL, "2026-13", eg_airq_monthly_stats(st, p, hourly, 1, 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 13, NULL, NULL }));
	R("hours not matching the month", EG_EINVAL, "not 24", eg_airq_monthly_stats(st, p, hourly, 1, 24, &(eg_airq_monthly_options){ EG_AIRQ_MONTHLY_OPTIONS_VERSION, 2026, 2, NULL, NULL }));
	R("stations x hours overflow size_t", EG_ERANGE, NULL, eg_airq_aggregate_hours(out, hourly, SIZE_MAX / 2, 24));
	R("hours not a multiple of 24", EG_EINVAL, NULL, eg_airq_daily_values(out, p, hourly, 1, 23));
	eg_airq_profile_free(p);
}

static void aqi_rows(void)
{
	eg_airq_profile *p = NULL;
	eg_aqi_result aqi = EG_AQI_RESULT_INIT;
	double conc_neg[EG_AQI_SLOT_COUNT] = { 6, 4, -7, 35, 0.4, 16, 16, 6 };
	double conc_none[EG_AQI_SLOT_COUNT] = { NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN };
	section("aqi", "Fixture: `p` is the profile `CN2012`.");
	must(eg_airq_profile_named(&p, "CN2012"), "profile");

	R("negative concentration", EG_EINVAL, NULL, eg_aqi_compute(&aqi, p, conc_neg, EG_AQI_REPORT_DAILY));
	R("no pollutant at all", EG_EINVAL, "no pollutant", eg_aqi_compute(&aqi, p, conc_none, EG_AQI_REPORT_DAILY));
	R("unknown report", EG_EINVAL, "report 7", eg_aqi_compute(&aqi, p, conc_neg, 7));
	R("result version not set", EG_EINVAL, "out->version 0", eg_aqi_compute(&(eg_aqi_result){ 0 }, p, conc_neg, 0));
	R("unknown result version", EG_EINVAL, "unknown version 2", eg_aqi_result_init(&aqi, 2));
	eg_airq_profile_free(p);
}

static void inspect_rows(void)
{
	int64_t quota;
	size_t pool[3], np, nm;
	const char *ids[] = { "A", "A", "B" }, *one[] = { "A" };
	const int64_t em[] = { 1, 2, 3 }, zero[] = { 0, 0, 0 };
	section("inspect", "No fixture.");

	R("duplicate ID", EG_EINVAL, "A", eg_inspect_pool(pool, &np, ids, em, 3, 850));
	R("all emissions zero", EG_EINVAL, NULL, eg_inspect_pool(pool, &np, one, zero, 1, 850));
	R("share above 1000 per mille", EG_ERANGE, NULL, eg_inspect_pool(pool, &np, one, em, 1, 1001));
	R("unknown quota rule", EG_EINVAL, NULL, eg_inspect_quota(&quota, 99, 10));
	R("NULL output", EG_EINVAL, NULL, eg_inspect_key_coverage(NULL, &nm, one, 1, one, 1));
}

static void draw_rows(void)
{
	eg_draw *d = NULL;
	int64_t picks[4];
	const char *strata[] = { "key" }, *frame[] = { "E1", "E2" };
	const size_t sizes[] = { 2 }, too_many[] = { 3 }, one[] = { 1 };
	const char *insp[] = { "张", "李" }, *zhao[] = { "赵" }, *zhang[] = { "张" }, *e1[] = { "E1" }, *e9[] = { "E9" };
	section("draw", "Fixture: `d` draws 1 of the frame E1, E2 (stratum key) with the seed \"s\"; `insp` is 张, 李.");

	R("empty seed", EG_EINVAL, NULL, eg_draw_sample(picks, 4, "", 1, 10, NULL));
	R("a > b", EG_EINVAL, NULL, eg_draw_sample(picks, 4, "s", 10, 1, NULL));
	R("more picks than values without replacement", EG_EINVAL, NULL, eg_draw_sample(picks, 4, "s", 1, 3, NULL));
	R("quota larger than its stratum", EG_EINVAL, "key", eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, frame, too_many, 1 }));
	R("empty seed", EG_EINVAL, NULL, eg_draw_objects(&d, "", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, frame, sizes, 1 }));
	if (eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, frame, one, 1 }) < 0)
		abort();
	R("conflict naming an inspector not in the list (CJ-A1-11)", EG_ENOTFOUND, "赵 is not in the inspector list", eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, zhao, e1, 1, 1 }));
	R("conflict naming an object not in the frame (CJ-A1-11)", EG_ENOTFOUND, "E9 is not in the frame", eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, zhang, e9, 1, 1 }));
	eg_draw_free(d);
}

static void duty_rows(void)
{
	eg_duty_set *set = NULL, *dg52 = NULL;
	eg_duty_rows *drows = NULL;
	const char *article, *quote;
	eg_duty_log *log = NULL;
	eg_duty_record rec = EG_DUTY_RECORD_INIT;
	int st, ok, grade, ind[1] = { 9 };
	int32_t late;
	const char *measure, *kind, *rule;
	const char *table[15] = { NULL };
	char date[11];
	int period;
	int32_t min_count;
	unsigned int flags;
	section("duty", "Fixture: `log` is an empty duty log; `rec` is EG_DUTY_RECORD_INIT; `dg52` is the preset `DG-52-bulletin` (one duty).");
	eg_duty_log_new(&log);
	must(eg_duty_set_preset(&dg52, "DG-52-bulletin"), "dg52");

	R("bad time", EG_EINVAL, NULL, eg_duty_alert_deadlines(&st, &late, "2026-10-01 25:00", NULL, NULL));
	R("feedback before the push", EG_EINVAL, NULL, eg_duty_alert_deadlines(&st, &late, "2026-10-01 10:00", "2026-10-01 09:00", NULL));
	R("bad date", EG_EINVAL, NULL, eg_duty_equipment_due(&ok, 0, "2026-02-30", "2026-03-01"));
	R("unknown indicator grade", EG_EINVAL, NULL, eg_duty_mee_grade_of(&grade, 1, ind, 1));
	R("alert level out of range", EG_EINVAL, "alert level 5", eg_duty_mee_reduction_measure(&measure, table, EG_DUTY_MEE_GRADE_C, 5));
	R("year 0", EG_EINVAL, "year 0", eg_duty_mee_filing_late(&ok, 0, "2026-09-30", NULL));
	R("working days without a calendar (R0.9)", EG_EINVAL, "calendar", eg_duty_due_date(date, "2026-09-30", EG_DUTY_UNIT_WORKDAYS, 20, NULL, 0));
	R("due date after 9999-12-31", EG_ERANGE, NULL, eg_duty_due_date(date, "9999-12-30", EG_DUTY_UNIT_DAYS, 2, NULL, 0));
	R("unknown duty preset", EG_ENOTFOUND, "XX-9", eg_duty_set_preset(&set, "XX-9"));
	R("no duty set", EG_EINVAL, NULL, eg_duty_status(&drows, NULL, NULL, "2026-10-31", NULL));
	R("record without kind or actor", EG_EINVAL, NULL, eg_duty_log_add(log, &rec));
	R("unknown preset", EG_ENOTFOUND, "XX-9", eg_duty_cadence_preset(&kind, &period, &min_count, &flags, &rule, "XX-9"));
	R("months outside 3-12 (DG-67)", EG_ERANGE, NULL, eg_duty_obligation_due(date, EG_DUTY_OBLIGATION_DG_67, "2026-01-01", 2));
	R("source for a duty not in the set", EG_ENOTFOUND, "no duty DG-52-press in the set", eg_duty_set_set_source(dg52, "DG-52-press", "第52项", "每季度召开1次新闻发布会"));
	R("empty source article", EG_EINVAL, "source article", eg_duty_set_set_source(dg52, "DG-52-bulletin", "", "每月1次书面通报"));
	R("source of a duty past the end", EG_ERANGE, "duty 1 of a set of 1", eg_duty_set_source(&article, &quote, dg52, 1));
	eg_duty_set_free(dg52);
	eg_duty_log_free(log);
}

static void records_rows(void)
{
	eg_records *r = NULL, *back = NULL;
	const char *k[] = { "a", "a" }, *v[] = { "1", "2" }, *bad[] = { "\xFF" }, *val;
	const char *t, *a, *why;
	section("records", "Fixture: `r` holds record `JM-001` (last version 2026-07-03 23:59).");
	must(eg_records_new(&r), "records");
	must(eg_records_put(r, "JM-001", "2026-07-03 23:59", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 1 }), "put");

	R("NULL out-parameter", EG_EINVAL, NULL, eg_records_new(NULL));
	R("bad time", EG_EINVAL, "not YYYY-MM-DD HH:MM", eg_records_put(r, "JM-002", "2026-13-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 1 }));
	R("time before the last version", EG_EINVAL, "before its last version", eg_records_put(r, "JM-001", "2026-07-03 23:58", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 1 }));
	R("no field", EG_EINVAL, "at least one field", eg_records_put(r, "JM-002", "2026-01-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 0 }));
	R("duplicate key", EG_EINVAL, "field a is given twice", eg_records_put(r, "JM-002", "2026-01-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 2 }));
	R("invalid UTF-8 value", EG_EUTF8, "field a", eg_records_put(r, "JM-002", "2026-01-01 00:00", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, bad, 1 }));
	R("unknown ID", EG_ENOTFOUND, "JM-404", eg_records_get(&val, r, "JM-404", "a", NULL));
	R("as of a time before the record", EG_ENOTFOUND, "did not exist yet", eg_records_get(&val, r, "JM-001", "a", "2025-12-31 23:59"));
	R("version out of range", EG_ENOTFOUND, NULL, eg_records_version(&t, &a, &why, r, "JM-001", 5));
	R("junk text", EG_EPARSE, "line 1", eg_records_parse(&back, "junk\n", 5));
	R("NULL out-parameter", EG_EINVAL, NULL, eg_records_serialize(NULL, r));
	eg_records_free(r);
}

static void disclosure_rows(void)
{
	eg_records *r = NULL;
	const char *k[] = { "a" }, *v[] = { "1" }, *names[] = { "宏达" };
	char date[11];
	size_t out[2], count;
	int st;
	int32_t late;
	eg_disclosure_heads *heads = NULL;
	section("disclosure", "Fixture: `r` holds record `JM-001` (last version 2026-07-03 23:59).");
	must(eg_records_new(&r), "records");
	must(eg_records_put(r, "JM-001", "2026-07-03 23:59", "x", "y", &(eg_records_put_options){ EG_RECORDS_PUT_OPTIONS_VERSION, k, v, 1 }), "put");

	R("quarter out of range", EG_EINVAL, NULL, eg_disclosure_district_deadline(date, 2026, 5));
	R("unknown ID", EG_ENOTFOUND, NULL, eg_disclosure_update_status(&st, &late, r, "JM-404", 2026, 1));
	R("no grid (CJ-A2-5.3)", EG_EINVAL, NULL, eg_disclosure_heads_check(&heads, NULL, "C", "2026-01", &(eg_disclosure_heads_options)EG_DISCLOSURE_HEADS_OPTIONS_INIT));
	R("top 0", EG_EINVAL, NULL, eg_disclosure_top_n(out, &count, names, (const int64_t[]){ 1 }, 1, 0));
	eg_records_free(r);
}

static void ledger_rows(void)
{
	eg_records *r = NULL;
	int st, od, el;
	section("ledger", "Fixture: `r` holds ledger `P` (open, deadline 2026-06-30).");
	must(eg_records_new(&r), "records");
	must(eg_ledger_open(r, "P", "2026-01-05 09:00", "整改办", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "住建局", "目标", "2026-06-30" }), "ledger");

	R("ledger ID exists", EG_EEXISTS, "P", eg_ledger_open(r, "P", "2026-02-01 09:00", "x", &(eg_ledger_open_options){ EG_LEDGER_OPEN_OPTIONS_VERSION, "y", "z", "2026-06-30" }));
	R("transition not allowed (open to closed)", EG_ESTATE, NULL, eg_ledger_transition(r, "P", "2026-02-01 09:00", "x", EG_LEDGER_STATE_CLOSED, "y"));
	R("unknown ledger", EG_ENOTFOUND, "Q", eg_ledger_transition(r, "Q", "2026-02-01 09:00", "x", EG_LEDGER_STATE_RECTIFYING, "y"));
	R("new deadline not later", EG_EINVAL, NULL, eg_ledger_extend(r, "P", "2026-02-01 09:00", "整改办", "2026-06-30", "y"));
	R("extension by the lead unit (only the office)", EG_ESTATE, NULL, eg_ledger_extend(r, "P", "2026-02-01 09:00", "市住建局", "2026-09-30", "y"));
	R("bad date", EG_EINVAL, NULL, eg_ledger_status(&st, &od, r, "P", "2026-06-31"));
	R("unknown comparator", EG_EINVAL, "~", eg_ledger_target_attained(&el, 1, "~", 1));
	eg_records_free(r);
}

static void cases_rows(void)
{
	char *text = NULL;
	const char *names[] = { "宏达" }, *ph[] = { "某人" };
	size_t cp;
	int64_t hit, which;
	int el, quarters[4];
	eg_case_facts facts = EG_CASE_FACTS_INIT;
	eg_duty_workdays *cal = NULL;
	section("cases", "Fixture: `facts` is EG_CASE_FACTS_INIT with decision `2026-02-30`; `cal` is an empty calendar.");
	eg_duty_workdays_new(&cal);
	facts.decision = "2026-02-30";

	R("bad date", EG_EINVAL, NULL, eg_case_eligible(&el, NULL, &facts, cal, "2026-03-01"));
	R("no calendar (legal periods extend over rest days)", EG_EINVAL, "calendar", eg_case_eligible(&el, NULL, &facts, NULL, "2026-03-01"));
	R("text shorter than 1000 code points", EG_ERANGE, NULL, eg_case_text_check(&cp, &hit, &which, "短", NULL, 0));
	R("invalid UTF-8 text", EG_EUTF8, NULL, eg_case_anonymise(&text, &cp, "\xFF", names, ph, 1));
	R("bad date", EG_EINVAL, NULL, eg_case_batches(quarters, (const char *[]){ "2026-02-30" }, 1, 2026));
	eg_duty_workdays_free(cal);
}

/* ------------------------------------------------------------------ */

/* Where the tool's section of the catalogue begins (written by tests/tool/test_bad_input.py). */
#define TOOL_SECTION "\n## The ecogrid tool\n"

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	char *text = NULL, *old, *tail;
	size_t len = 0;
	int write = argc == 3 && strcmp(argv[1], "--write") == 0;
	if (argc != 3 || (!write && strcmp(argv[1], "--check") != 0)) {
		fprintf(stderr, "usage: %s --check|--write docs/bad-input.md\n", argv[0]);
		return 2;
	}
	md = open_memstream(&text, &len);
	if (!md)
		return 2;
	fputs("# Bad-input catalogue\n\n"
	      "Every class of bad input that the tests try, per module, with the status code it gets\n"
	      "and a piece of the detail message (`eg_error_last()->message`). Generated by\n"
	      "`tests/bad_input.c`, which runs each call against the library: the `bad_input` test\n"
	      "fails when a call returns another code or detail, or when this file is not what the\n"
	      "rows render. After changing a row, regenerate with\n"
	      "`build/tests/bad_input --write docs/bad-input.md`.\n", md);
	grid_rows();
	assess_rows();
	ladder_rows();
	airq_rows();
	aqi_rows();
	inspect_rows();
	draw_rows();
	duty_rows();
	records_rows();
	disclosure_rows();
	ledger_rows();
	cases_rows();
	fprintf(md, "\n%d rows.\n", rows);
	fclose(md);
	if (failures) {
		fprintf(stderr, "bad_input: %d of %d rows do not behave as catalogued\n", failures, rows);
		free(text);
		return 1;
	}
	old = read_file(argv[2]);
	/* The file's last section, the tool's, is tests/tool/test_bad_input.py's: kept as it is. */
	tail = old ? strstr(old, TOOL_SECTION) : NULL;
	if (write) {
		FILE *f = fopen(argv[2], "wb");
		if (!f || fwrite(text, 1, len, f) != len || (tail && fputs(tail, f) < 0) || fclose(f) != 0) {
			fprintf(stderr, "bad_input: cannot write %s\n", argv[2]);
			free(text);
			return 2;
		}
		printf("bad_input: %d rows written to %s\n", rows, argv[2]);
		free(old);
		free(text);
		return 0;
	}
	if (tail)
		*tail = '\0';
	if (!old || strcmp(old, text) != 0) {
		fprintf(stderr, "bad_input: %s is %s; regenerate it with: bad_input --write %s\n", argv[2],
			old ? "out of date" : "missing", argv[2]);
		free(old);
		free(text);
		return 1;
	}
	printf("bad_input: %d rows, all as catalogued in %s\n", rows, argv[2]);
	free(old);
	free(text);
	return 0;
}
