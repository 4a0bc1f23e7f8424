/*
 * libFuzzer harness: the rule-set builder driven by fuzzed operations.
 *
 * The input is a program: a builder (name, document, scale), then a
 * sequence of eg_ruleset_builder_* calls whose string and integer
 * arguments are carved from the bytes (known IDs most of the time so
 * that builds succeed; NULL, empty, invalid UTF-8 and very long strings
 * and integer extremes otherwise). Whenever it builds, a few fuzzed
 * inputs are scored one by one and as a batch, results are rendered in
 * both languages and every trace entry is read.
 */
#include <ecogrid/ecogrid.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static const char *const words[] = {
	"construction", "operation", "deductions", "1", "2", "3", "4", "5", "6", "7",
	"CJ-A2-5.4", "CJ-A2-5.7", "CJ-A2-5.8", "CJ-A2-5.9", "CJ-A2-6.2", "CJ-A2-6.3", "CJ-A2-5.10",
	"national", "regional", "prefecture", "CJ-A2-6.3-a", "CJ-A2-6.3-b",
	"2023-05-24", "2021-01-01", "2021-12-31", "2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31",
	"2026-10", "2026-10-31", "2023-05", "2021-13", "昌吉市", "网格化环境监管体系运行情况", "none",
};
#define N_WORDS (sizeof words / sizeof words[0])

#define S(f) take_str((f), words, N_WORDS)

static void add_item(fz *f, eg_ruleset_builder *b)
{
	eg_item_def def = EG_ITEM_DEF_INIT;
	uint8_t bits = take_u8(f);
	if (bits & 0x80)
		def.version = take_u8(f);
	def.id = S(f);
	def.rule = S(f);
	def.section = S(f);
	def.name_zh = S(f);
	def.name_en = S(f);
	def.kind = bits & 1 ? EG_ITEM_KIND_STATUS : bits & 0x40 ? take_i32(f) : EG_ITEM_KIND_DEDUCT;
	def.max_points = take_i32(f);
	def.per_occurrence = take_i32(f);
	def.floor = bits & 2 ? EG_ITEM_NO_FLOOR : take_i32(f);
	def.overflow = bits & 4;
	def.veto = bits & 8;
	def.adverse_fail = bits & 16;
	(void)eg_ruleset_builder_add_item(b, &def);
}

/* An item ID of the rule set most of the time, else a fuzzed string. */
static const char *item_of(fz *f, const eg_ruleset *rs)
{
	size_t n = eg_ruleset_item_count(rs);
	uint8_t k = take_u8(f);
	if (n && k < 224)
		return eg_ruleset_item_id(rs, k % n);
	return S(f);
}

static void fill_input(fz *f, eg_assess_input *in, const eg_ruleset *rs)
{
	unsigned ops = take_u8(f) % 12;
	for (unsigned i = 0; i < ops && f->n; i++) {
		const char *lv[5];
		size_t nl;
		switch (take_u8(f) % 6) {
		case 0: (void)eg_assess_input_set_status(in, item_of(f, rs), take_u8(f) & 1); break;
		case 1: (void)eg_assess_input_set_count(in, item_of(f, rs), take_i64(f)); break;
		case 2: (void)eg_assess_input_set_adverse(in, item_of(f, rs), take_u8(f) & 1); break;
		case 3: (void)eg_assess_input_set_bonus(in, take_i64(f)); break;
		case 4:
			nl = take_u8(f) % 6;
			for (size_t k = 0; k < nl; k++)
				lv[k] = S(f);
			(void)eg_assess_input_add_problem(in, nl ? lv : NULL, nl);
			break;
		default: (void)eg_assess_input_add_forced_fail(in, S(f)); break;
		}
	}
}

static void read_result(const eg_assess_result *r)
{
	char *text = NULL;
	for (int lang = EG_LANG_ZH; lang <= EG_LANG_EN; lang++) {
		if (eg_assess_result_render(&text, r, lang) != EG_OK)
			abort();
		eg_string_free(text);
	}
	for (size_t i = 0; i < eg_assess_result_trace_count(r); i++) {
		const eg_trace *t = eg_assess_result_trace_at(r, i);
		if (!t || !eg_trace_rule(t) || !eg_trace_subject(t) || !eg_trace_message(t, EG_LANG_ZH) ||
		    !eg_trace_message(t, EG_LANG_EN))
			abort();
		(void)eg_trace_count(t);
		(void)eg_trace_before(t);
		(void)eg_trace_after(t);
	}
	for (size_t i = 0; i < eg_assess_result_fail_count(r); i++)
		if (!eg_assess_result_fail_at(r, i))
			abort();
	(void)eg_grade_name(eg_assess_result_grade(r));
}

static void score_some(fz *f, const eg_ruleset *rs)
{
	eg_assess_input *in[3] = { NULL, NULL, NULL };
	eg_assess_result *res[3] = { NULL, NULL, NULL };
	int32_t scores[3];
	size_t n = 1 + take_u8(f) % 3, ok = 0;
	const char *period = S(f);
	int64_t mean;
	int grade;
	for (size_t i = 0; i < n; i++) {
		if (eg_assess_input_new(&in[i], rs) != EG_OK)
			abort();
		fill_input(f, in[i], rs);
		if (eg_assess_score(&res[i], rs, in[i], period) == EG_OK) {
			read_result(res[i]);
			scores[ok++] = eg_assess_result_score(res[i]);
			eg_assess_result_free(res[i]);
			res[i] = NULL;
		}
	}
	if (eg_assess_score_many(res, rs, (const eg_assess_input *const *)in, n, period) == EG_OK) {
		for (size_t i = 0; i < n; i++) {
			/* The batch gives what the single calls gave. */
			if (ok == n && eg_assess_result_score(res[i]) != scores[i])
				abort();
			eg_assess_result_free(res[i]);
		}
	}
	if (ok)
		(void)eg_assess_annual(&mean, &grade, rs, scores, ok);
	for (size_t i = 0; i < n; i++)
		eg_assess_input_free(in[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	fz f;
	eg_ruleset_builder *b = NULL;
	eg_ruleset *rs = NULL;
	const char *name, *doc;
	int scale;
	unsigned builds = 0;
	fz_init(&f, d, n);
	name = S(&f);
	doc = S(&f);
	scale = take_u8(&f) & 1 ? 10 : take_u8(&f) & 1 ? 1 : take_i32(&f);
	if (eg_ruleset_builder_new(&b, name, doc, scale) != EG_OK) {
		if (b)
			abort();
		if (eg_ruleset_builder_new(&b, "fuzz", "fuzz document", 1) != EG_OK)
			abort();
	}
	while (f.n) {
		const char *s1, *s2, *s3;
		int32_t a, c;
		switch (take_u8(&f) % 11) {
		case 0:
			s1 = S(&f);
			s2 = S(&f);
			(void)eg_ruleset_builder_add_section(b, s1, s2, S(&f));
			break;
		case 1:
		case 2:
			add_item(&f, b);
			break;
		case 3:
			s1 = S(&f);
			a = take_i32(&f);
			(void)eg_ruleset_builder_set_bonus(b, s1, a, take_i32(&f));
			break;
		case 4:
			s1 = S(&f);
			s2 = S(&f);
			s3 = S(&f);
			a = take_i32(&f);
			(void)eg_ruleset_builder_add_penalty_level(b, s1, s2, s3, a, take_u8(&f) % 3 == 0);
			break;
		case 5:
			s1 = S(&f);
			s2 = S(&f);
			s3 = S(&f);
			(void)eg_ruleset_builder_add_forced_fail(b, s1, s2, s3, S(&f));
			break;
		case 6:
			a = take_i32(&f);
			c = take_u8(&f) % 6 - 1;
			(void)eg_ruleset_builder_add_grade(b, a, c, S(&f));
			break;
		case 7:
			(void)eg_ruleset_builder_set_veto_mode(b, take_u8(&f) % 4 - 1);
			break;
		case 8:
			s1 = S(&f);
			(void)eg_ruleset_builder_set_validity(b, s1, S(&f));
			break;
		case 9:
			(void)eg_ruleset_builder_set_total_rule(b, S(&f));
			break;
		default:
			/* Build now, score, and keep building (the builder is unchanged). */
			if (builds++ < 4 && eg_ruleset_build(&rs, b) == EG_OK) {
				score_some(&f, rs);
				eg_ruleset_free(rs);
				rs = NULL;
			}
			break;
		}
	}
	if (eg_ruleset_build(&rs, b) == EG_OK) {
		const char *from, *to;
		fz last;
		/* Score with the input's tail read again from its start. */
		fz_init(&last, d, n);
		score_some(&last, rs);
		fz_done(&last);
		if (eg_ruleset_validity(&from, &to, rs) != EG_OK || !eg_ruleset_name(rs) || !eg_ruleset_document(rs))
			abort();
		eg_ruleset_free(rs);
	}
	eg_ruleset_builder_free(b);
	fz_done(&f);
	return 0;
}
