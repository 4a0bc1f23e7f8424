/*
 * Assessment and escalation benchmark (CJ-A2-5.1 to CJ-A2-7.3): score
 * 3,000 units over 120 months with the changji-2023 rule set, then run the
 * CJ-A2-7.3 ladder (share of the month's CJ-A2-5.4 problems, units in
 * prefectures of 10) and the CJ-A2-7.1 ladder (three failing months) over
 * the series. Inputs are synthetic but plausible and reproducible
 * (xorshift64*, fixed seed), and built so that every branch users hit is
 * measured: most units pass most months; a tenth are struggling (more
 * problems, so that the CJ-A2-7.3 clauses fire up to accountability);
 * one in twenty has spells of 3-5 failing months (veto, forced fail,
 * national exposure or a low score), so that CJ-A2-7.1 fires; the counts
 * of every severity are printed.
 *
 * Two paths over the same data, checked to agree:
 *   batch  eg_assess_score_table() per month, eg_ladder_evaluate_table()
 *          per ladder (the figure reported, and what the Python binding calls)
 *   api    per unit: eg_assess_input_* setters, eg_assess_score_many() per
 *          month, eg_ladder_step() per prefecture and month
 * Baseline in the same round: one pass over the same input arrays computing
 * a naive point total and the group shares (the arithmetic floor).
 *
 * Usage: bench_assess_ladder [--scale S] [--rounds R] [--dump FILE] [--no-api] [--scaling]
 *   --scale S   S × 3,000 units (120 months always)
 *   --dump FILE write the inputs for bench/python_batch.py (see there)
 *   --scaling   1x, 2x, 4x the units, interleaved round by round, CPU time
 *               (bench=scaling line)
 */
#include <ecogrid/ecogrid.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"

#define UNITS 3000
#define MONTHS 120
#define GROUP 10
#define N_ITEMS 7
#define N_LEVELS 3
#define MAX_ROUNDS BU_MAX_ROUNDS

typedef struct data {
	size_t units, groups;
	char **ids;
	size_t *group_sizes;
	int64_t *items;    /* [m][u][N_ITEMS] */
	int64_t *bonus;    /* [m][u] */
	int32_t *problems; /* [m][u][N_LEVELS] */
	uint32_t *forced;  /* [m][u] */
	int64_t *item4;    /* [m][u]: CJ-A2-5.4 problems, the CJ-A2-7.3 value */
} data;

static void month_name(char *buf, int m)
{
	snprintf(buf, 8, "%04d-%02d", 2024 + m / 12, m % 12 + 1);
}

static int make_data(data *d, const eg_ruleset *rs, size_t units)
{
	bu_rng rng = { 0x9E3779B97F4A7C15ULL };
	size_t n = units * MONTHS;
	d->units = units;
	d->groups = (units + GROUP - 1) / GROUP;
	d->ids = malloc(units * sizeof *d->ids);
	d->group_sizes = malloc(d->groups * sizeof *d->group_sizes);
	d->items = malloc(n * N_ITEMS * sizeof *d->items);
	d->bonus = malloc(n * sizeof *d->bonus);
	d->problems = malloc(n * N_LEVELS * sizeof *d->problems);
	d->forced = malloc(n * sizeof *d->forced);
	d->item4 = malloc(n * sizeof *d->item4);
	if (!d->ids || !d->group_sizes || !d->items || !d->bonus || !d->problems || !d->forced || !d->item4)
		return -1;
	if (eg_ruleset_item_count(rs) != N_ITEMS)
		return -1;
	for (size_t u = 0; u < units; u++) {
		d->ids[u] = malloc(24);
		if (!d->ids[u])
			return -1;
		snprintf(d->ids[u], 24, "U%05zu", u);
	}
	for (size_t g = 0; g < d->groups; g++)
		d->group_sizes[g] = g + 1 < d->groups || units % GROUP == 0 ? GROUP : units % GROUP;
	for (size_t i = 0; i < n; i++) {
		size_t u = i % units;
		int m = (int)(i / units);
		/* Unit profiles (fixed per unit): 85 % ordinary, 10 % struggling, 5 % with failing spells. */
		int struggling = u % 20 == 3 || u % 20 == 11, spells = u % 20 == 7;
		/* A failing spell: months [s, s + 3 + u % 3) for s = 12, 40, 77 (shifted per unit). */
		int shift = (int)(u % 9), in_spell = 0;
		int64_t *it = d->items + i * N_ITEMS;
		int32_t *pr = d->problems + i * N_LEVELS;
		for (int k = 0; k < 3 && spells; k++) {
			int s0 = (k == 0 ? 12 : k == 1 ? 40 : 77) + shift;
			in_spell |= m >= s0 && m < s0 + 3 + (int)(u % 3);
		}
		/* Items "1"-"3": construction status, rarely not met (veto, CJ-A2-6.1). */
		for (int k = 0; k < 3; k++)
			it[k] = bu_below(&rng, 400) != 0;
		/* "4": problems found (CJ-A2-5.4); struggling units find more. */
		it[3] = bu_below(&rng, 100) < (struggling ? 30 : 80) ? (int64_t)bu_below(&rng, 4)
								     : 4 + (int64_t)bu_below(&rng, struggling ? 20 : 9);
		it[4] = bu_below(&rng, 100) < 10 ? 1 + (int64_t)bu_below(&rng, 3) : 0; /* "5" */
		it[5] = bu_below(&rng, 100) < 5 ? 1 : 0;                               /* "6" */
		it[6] = bu_below(&rng, 100) < 3 ? 1 + (int64_t)bu_below(&rng, 2) : 0;  /* "7" */
		d->bonus[i] = bu_below(&rng, 100) < 20 ? 1 + (int64_t)bu_below(&rng, 3) : 0;
		pr[0] = bu_below(&rng, 2000) == 0;   /* national exposure: fail */
		pr[1] = bu_below(&rng, 100) < 2;     /* regional: -30 */
		pr[2] = bu_below(&rng, 100) < 5;     /* prefecture: -20 */
		d->forced[i] = bu_below(&rng, 1000) < 3 ? 1u << bu_below(&rng, 4) : 0;
		if (in_spell) {
			/* Each failing month fails a different way: veto, forced fail, national exposure, low score. */
			switch ((m + (int)u) % 4) {
			case 0: it[bu_below(&rng, 3)] = 0; break;
			case 1: d->forced[i] |= 1u << bu_below(&rng, 4); break;
			case 2: pr[0] = 1; break;
			default: it[3] = 30; pr[1] = 1; pr[2] = 2; break;
			}
		}
		d->item4[i] = it[3];
	}
	return 0;
}

/* The batch path; returns 0, or -1 on failure. */
static long long run_batch(const data *d, const eg_ruleset *rs, const eg_ladder *l73, const eg_ladder *l71,
			   int32_t *scores, int32_t *grades, int *fails, int32_t *sev73, int32_t *sev71)
{
	size_t U = d->units;
	long long sum = 0;
	for (int m = 0; m < MONTHS; m++) {
		char period[8];
		size_t o = (size_t)m * U;
		month_name(period, m);
		if (eg_assess_score_table(scores + o, grades + o, rs, d->items + o * N_ITEMS, N_ITEMS, d->bonus + o,
					  d->problems + o * N_LEVELS, N_LEVELS, d->forced + o, U, period) != EG_OK)
			return -1;
	}
	for (size_t i = 0; i < U * MONTHS; i++)
		fails[i] = grades[i] == EG_GRADE_FAIL;
	if (eg_ladder_evaluate_table(sev73, l73, "2024-01", MONTHS, (const char *const *)d->ids, d->group_sizes,
				     d->groups, d->item4, NULL, U) != EG_OK)
		return -1;
	/* CJ-A2-7.1: the value is the failing flag (EG_LADDER_MEASURE_FLAG). */
	{
		int64_t *v = malloc(U * MONTHS * sizeof *v);
		if (!v)
			return -1;
		for (size_t i = 0; i < U * MONTHS; i++)
			v[i] = fails[i];
		if (eg_ladder_evaluate_table(sev71, l71, "2024-01", MONTHS, (const char *const *)d->ids, NULL, 0, v,
					     NULL, U) != EG_OK) {
			free(v);
			return -1;
		}
		free(v);
	}
	(void)sum;
	return 0;
}

/* The checksum of the batch path's results, folded outside the timing. */
static long long fold(size_t n, const int32_t *scores, const int32_t *grades, const int32_t *sev73,
		      const int32_t *sev71)
{
	long long sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += scores[i] * 7 + grades[i] * 3 + sev73[i] * 11 + sev71[i] * 13;
	return sum;
}

/* The per-unit API path over the same data. */
static long long run_api(const data *d, const eg_ruleset *rs, const eg_ladder *l73, const eg_ladder *l71)
{
	static const char *const level_ids[N_LEVELS] = { "national", "regional", "prefecture" };
	static const char *const cond_ids[4] = { "CJ-A2-6.3-a", "CJ-A2-6.3-b", "CJ-A2-6.3-c", "CJ-A2-6.3-d" };
	size_t U = d->units;
	long long sum = 0;
	eg_assess_input **in = malloc(U * sizeof *in);
	eg_assess_result **res = malloc(U * sizeof *res);
	eg_ladder_state **st73 = malloc(d->groups * sizeof *st73);
	eg_ladder_state *st71 = NULL;
	int64_t *fail = malloc(U * sizeof *fail);
	const char *item_ids[N_ITEMS];
	if (!in || !res || !st73 || !fail || eg_ladder_state_new(&st71, l71) != EG_OK)
		return -1;
	for (int k = 0; k < N_ITEMS; k++)
		item_ids[k] = eg_ruleset_item_id(rs, (size_t)k);
	for (size_t g = 0; g < d->groups; g++)
		if (eg_ladder_state_new(&st73[g], l73) != EG_OK)
			return -1;
	for (int m = 0; m < MONTHS; m++) {
		char period[8];
		size_t o = (size_t)m * U, off = 0;
		eg_ladder_outcome *out;
		month_name(period, m);
		for (size_t u = 0; u < U; u++) {
			const int64_t *it = d->items + (o + u) * N_ITEMS;
			const int32_t *pr = d->problems + (o + u) * N_LEVELS;
			if (eg_assess_input_new(&in[u], rs) != EG_OK)
				return -1;
			for (int k = 0; k < N_ITEMS; k++)
				if (eg_ruleset_item_kind(rs, (size_t)k) == EG_ITEM_KIND_STATUS
					    ? eg_assess_input_set_status(in[u], item_ids[k], (int)it[k]) != EG_OK
					    : eg_assess_input_set_count(in[u], item_ids[k], it[k]) != EG_OK)
					return -1;
			if (d->bonus[o + u] && eg_assess_input_set_bonus(in[u], d->bonus[o + u]) != EG_OK)
				return -1;
			for (int l = 0; l < N_LEVELS; l++)
				for (int32_t k = 0; k < pr[l]; k++)
					if (eg_assess_input_add_problem(in[u], &level_ids[l], 1) != EG_OK)
						return -1;
			for (int c = 0; c < 4; c++)
				if ((d->forced[o + u] >> c) & 1u && eg_assess_input_add_forced_fail(in[u], cond_ids[c]) != EG_OK)
					return -1;
		}
		if (eg_assess_score_many(res, rs, (const eg_assess_input *const *)in, U, period) != EG_OK)
			return -1;
		for (size_t u = 0; u < U; u++) {
			int32_t s = eg_assess_result_score(res[u]);
			int gr = eg_assess_result_grade(res[u]);
			sum += s * 7 + gr * 3;
			fail[u] = gr == EG_GRADE_FAIL;
			eg_assess_result_free(res[u]);
			eg_assess_input_free(in[u]);
		}
		for (size_t g = 0; g < d->groups; off += d->group_sizes[g], g++) {
			if (eg_ladder_step(&out, st73[g], period, &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, (const char *const *)d->ids + off, d->item4 + o + off, NULL, d->group_sizes[g] }) != EG_OK)
				return -1;
			for (size_t i = 0; i < d->group_sizes[g]; i++)
				sum += eg_ladder_outcome_severity(out, i) * 11;
			eg_ladder_outcome_free(out);
		}
		if (eg_ladder_step(&out, st71, period, &(eg_ladder_step_options){ EG_LADDER_STEP_OPTIONS_VERSION, (const char *const *)d->ids, fail, NULL, U }) != EG_OK)
			return -1;
		for (size_t i = 0; i < U; i++)
			sum += eg_ladder_outcome_severity(out, i) * 13;
		eg_ladder_outcome_free(out);
	}
	for (size_t g = 0; g < d->groups; g++)
		eg_ladder_state_free(st73[g]);
	eg_ladder_state_free(st71);
	free(in);
	free(res);
	free(st73);
	free(fail);
	return sum;
}

/* Baseline: a naive total per unit-month and each group's share test, same arrays. */
static long long run_baseline(const data *d)
{
	static const int64_t w[N_ITEMS] = { 10, 10, 10, -2, -5, -5, -10 };
	long long sum = 0;
	size_t U = d->units;
	for (int m = 0; m < MONTHS; m++) {
		size_t o = (size_t)m * U, off = 0;
		for (size_t u = 0; u < U; u++) {
			const int64_t *it = d->items + (o + u) * N_ITEMS;
			const int32_t *pr = d->problems + (o + u) * N_LEVELS;
			int64_t s = 70 + d->bonus[o + u] * 2 - pr[1] * 30 - pr[2] * 20;
			for (int k = 0; k < N_ITEMS; k++)
				s += w[k] * it[k];
			sum += s + (pr[0] || d->forced[o + u]);
		}
		for (size_t g = 0; g < d->groups; off += d->group_sizes[g], g++) {
			int64_t total = 0;
			for (size_t i = 0; i < d->group_sizes[g]; i++)
				total += d->item4[o + off + i];
			for (size_t i = 0; i < d->group_sizes[g]; i++)
				sum += 100 * d->item4[o + off + i] >= 10 * total && total > 0;
		}
	}
	return sum;
}

static int dump(const data *d, const char *path)
{
	size_t n = d->units * MONTHS;
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	fwrite(d->items, sizeof *d->items, n * N_ITEMS, f);
	fwrite(d->bonus, sizeof *d->bonus, n, f);
	fwrite(d->problems, sizeof *d->problems, n * N_LEVELS, f);
	fwrite(d->forced, sizeof *d->forced, n, f);
	fwrite(d->item4, sizeof *d->item4, n, f);
	return fclose(f);
}

static void data_free(data *d)
{
	for (size_t u = 0; u < d->units; u++)
		free(d->ids[u]);
	free(d->ids);
	free(d->group_sizes);
	free(d->items);
	free(d->bonus);
	free(d->problems);
	free(d->forced);
	free(d->item4);
}

typedef struct outputs {
	int32_t *scores, *grades, *sev73, *sev71;
	int *fails;
} outputs;

static int outputs_new(outputs *o, size_t n)
{
	o->scores = malloc(n * sizeof *o->scores);
	o->grades = malloc(n * sizeof *o->grades);
	o->sev73 = malloc(n * sizeof *o->sev73);
	o->sev71 = malloc(n * sizeof *o->sev71);
	o->fails = malloc(n * sizeof *o->fails);
	return o->scores && o->grades && o->sev73 && o->sev71 && o->fails ? 0 : -1;
}

static void outputs_free(outputs *o)
{
	free(o->scores);
	free(o->grades);
	free(o->sev73);
	free(o->sev71);
	free(o->fails);
}

/* --scaling: 1x, 2x, 4x the units, each with its own data, interleaved round by round (CPU time). */
static int scaling(const eg_ruleset *rs, const eg_ladder *l73, const eg_ladder *l71, int scale, int rounds)
{
	data d[3];
	outputs o[3];
	double t[MAX_ROUNDS * 3], b[MAX_ROUNDS * 3], c;
	long long fold_b = 0;
	for (int k = 0; k < 3; k++)
		if (make_data(&d[k], rs, (size_t)UNITS * (size_t)scale << k) < 0 || outputs_new(&o[k], d[k].units * MONTHS) < 0)
			return 1;
	for (int r = 0; r < rounds; r++)
		for (int k = 0; k < 3; k++) {
			/* The naive pass is short (milliseconds): ten of them. */
			c = bu_cpu_now();
			for (int rep = 0; rep < 10; rep++)
				fold_b += run_baseline(&d[k]);
			b[r * 3 + k] = bu_cpu_now() - c;
			c = bu_cpu_now();
			if (run_batch(&d[k], rs, l73, l71, o[k].scores, o[k].grades, o[k].fails, o[k].sev73, o[k].sev71) < 0) {
				fprintf(stderr, "batch path failed: %s\n", eg_error_last()->message);
				return 1;
			}
			t[r * 3 + k] = bu_cpu_now() - c;
		}
	printf("# assess_ladder scaling: %zu / %zu / %zu units x %d months (baseline: 10 naive passes, fold %lld)\n",
	       d[0].units, d[1].units, d[2].units, MONTHS, fold_b);
	bu_print_scaling("assess_ladder", "naive_pass", t, b, rounds);
	for (int k = 0; k < 3; k++) {
		data_free(&d[k]);
		outputs_free(&o[k]);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int scale = 1, rounds = 5, no_api = 0, want_scaling = 0;
	const char *dump_path = NULL;
	eg_ruleset *rs = NULL;
	eg_ladder *l73 = NULL, *l71 = NULL;
	data d;
	outputs o;
	size_t n;
	double tb[MAX_ROUNDS], tw[MAX_ROUNDS], ta[MAX_ROUNDS], cw_[MAX_ROUNDS], rate[MAX_ROUNDS], crate[MAX_ROUNDS], t, c0, mb, mw, ma = 0;
	long long cw = 0, ca = 0, cb = 0;
	size_t n_fail = 0, h73[4] = { 0, 0, 0, 0 }, h71[2] = { 0, 0 };
	bu_spread rs_rate, rs_crate;

	if (bu_options(argc, argv, &scale, &rounds) < 0)
		return 2;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
			dump_path = argv[++i];
		else if (strcmp(argv[i], "--no-api") == 0)
			no_api = 1;
		else if (strcmp(argv[i], "--scaling") == 0)
			want_scaling = 1;
	}
	if (rounds > MAX_ROUNDS)
		rounds = MAX_ROUNDS;
	if (eg_ruleset_preset(&rs, "changji-2023") != EG_OK || eg_ladder_preset(&l73, "CJ-A2-7.3") != EG_OK ||
	    eg_ladder_preset(&l71, "CJ-A2-7.1") != EG_OK)
		return 1;
	if (want_scaling) {
		int rc = scaling(rs, l73, l71, scale, rounds);
		eg_ruleset_free(rs);
		eg_ladder_free(l73);
		eg_ladder_free(l71);
		return rc;
	}
	if (make_data(&d, rs, (size_t)UNITS * (size_t)scale) < 0)
		return 1;
	if (dump_path && dump(&d, dump_path) != 0) {
		fprintf(stderr, "cannot write %s\n", dump_path);
		return 1;
	}
	n = d.units * MONTHS;
	if (outputs_new(&o, n) < 0)
		return 1;
	for (int r = 0; r < rounds; r++) {
		t = bu_now();
		cb = run_baseline(&d);
		tb[r] = bu_now() - t;
		c0 = bu_cpu_now();
		t = bu_now();
		cw = run_batch(&d, rs, l73, l71, o.scores, o.grades, o.fails, o.sev73, o.sev71);
		tw[r] = bu_now() - t;
		cw_[r] = bu_cpu_now() - c0;
		rate[r] = (double)n / tw[r];
		crate[r] = (double)n / cw_[r];
		if (cw == 0)
			cw = fold(n, o.scores, o.grades, o.sev73, o.sev71);
		if (cw < 0) {
			fprintf(stderr, "batch path failed: %s\n", eg_error_last()->message);
			return 1;
		}
		if (!no_api) {
			t = bu_now();
			ca = run_api(&d, rs, l73, l71);
			ta[r] = bu_now() - t;
			if (ca != cw) {
				fprintf(stderr, "api path disagrees (%lld vs %lld): %s\n", ca, cw, eg_error_last()->message);
				return 1;
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		n_fail += o.grades[i] == EG_GRADE_FAIL;
		h73[o.sev73[i] & 3]++;
		h71[o.sev71[i] & 1]++;
	}
	rs_rate = bu_spread_of(rate, rounds);
	rs_crate = bu_spread_of(crate, rounds);
	mb = bu_median(tb, rounds);
	mw = bu_median(tw, rounds);
	if (!no_api)
		ma = bu_median(ta, rounds);
	printf("bench=assess_ladder scale=%d units=%zu months=%d unit_months=%zu rounds=%d batch_s=%.4f", scale, d.units,
	       MONTHS, n, rounds, mw);
	bu_print_spread("unit_months_per_s", rs_rate, 0);
	bu_print_spread("unit_months_per_cpu_s", rs_crate, 0);
	printf(" batch_cpu_s=%.4f api_s=%.4f api_over_batch=%.2f baseline_s=%.5f ratio=%.1f fails=%zu "
	       "sev73=%zu,%zu,%zu,%zu sev71=%zu,%zu checksum=%lld baseline_checksum=%lld\n",
	       bu_median(cw_, rounds), ma, no_api ? 0 : ma / mw, mb, mw / mb, n_fail, h73[0], h73[1], h73[2], h73[3],
	       h71[0], h71[1], cw, cb);
	printf("assess_ladder: %zu units x %d months scored and escalated in %.3f s = %.2f M unit-months/s (median of "
	       "%d, rounds %.2f-%.2f M/s; in CPU time %.2f M/s; per-unit API %.3f s); %.0fx a naive pass over the inputs; %zu failing months; "
	       "CJ-A2-7.3 none/criticism/interview/accountability %zu/%zu/%zu/%zu; CJ-A2-7.1 special inspections %zu\n",
	       d.units, MONTHS, mw, rs_rate.med / 1e6, rounds, rs_rate.min / 1e6, rs_rate.max / 1e6, rs_crate.med / 1e6, ma, mw / mb, n_fail,
	       h73[0], h73[1], h73[2], h73[3], h71[1]);
	data_free(&d);
	outputs_free(&o);
	eg_ruleset_free(rs);
	eg_ladder_free(l73);
	eg_ladder_free(l71);
	return 0;
}
