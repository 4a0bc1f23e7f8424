/*
 * The C library's answers on the inputs of the extension's comparison test
 * (test/compare.py): the same rows the test loads into PostgreSQL, computed
 * by calling the library directly, printed one result per line for a
 * row-by-row comparison. Floating-point values are printed with 17
 * significant digits so that equality means the same double.
 *
 *   pg_reference stats FILE    station,ts,so2,no2,pm10,pm25,co,o3,flags  ('' missing; ts "YYYY-MM-DD HH:MM:SS",
 *                              the end of the hour; rows of a station together, one month each)
 *   pg_reference aqi FILE      profile,report,c1..c8                     ('' missing)
 *   pg_reference round FILE    value,decimals
 *   pg_reference pct FILE      fraction,v1 v2 ...
 *   pg_reference score FILE    scheme,period,unit,kind:id=value;...,bonus,problems,forced
 *                              (kind s/c: status/count; problems "l1/l2;l3"; forced "id;id")
 *   pg_reference ladder FILE   ladder,group,month,unit,value,flag         (ordered by group, month)
 *   pg_reference draw FILE     seed,strata "name:quota;...",frame "stratum/id;..."
 *   pg_reference pool FILE     share,ids "id:emissions;..."
 */
#include <ecogrid/ecogrid.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXF 64

static int fail(const char *what)
{
	fprintf(stderr, "pg_reference: %s: %s\n", what, eg_error_last()->message);
	return 1;
}

/* Split a line in place on `sep`; returns the number of fields. */
static int split(char *s, char sep, char **f, int max)
{
	int n = 0;
	s[strcspn(s, "\r\n")] = '\0';
	f[n++] = s;
	for (char *p = s; *p && n < max; p++)
		if (*p == sep) {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

static double num(const char *s)
{
	return *s ? strtod(s, NULL) : NAN;
}

static void pr(double v)
{
	if (isnan(v))
		printf("|");
	else
		printf("%.17g|", v);
}

static int days_in(int y, int m)
{
	static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return dm[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* ------------------------------------------------------------------ */

typedef struct station {
	char id[64];
	int y, m, days;
	double *hourly;
	unsigned char dust[31], tampered[31];
} station;

static int stats_flush(station *s)
{
	eg_airq_stat st[EG_POLLUTANT_COUNT];
	eg_airq_monthly_options opts = EG_AIRQ_MONTHLY_OPTIONS_INIT;
	eg_airq_profile *p = NULL;
	char date[16];
	double v[EG_POLLUTANT_COUNT];
	int missing = 0;
	if (!s->hourly)
		return 0;
	snprintf(date, sizeof date, "%04d-%02d-01", s->y, s->m);
	if (eg_airq_profile_for_date(&p, date) < 0)
		return fail("profile");
	opts.year = s->y;
	opts.month = s->m;
	opts.dust = s->dust;
	opts.tampered = s->tampered;
	if (eg_airq_monthly_stats(st, p, s->hourly, 1, (size_t)s->days * 24, &opts) < 0) {
		eg_airq_profile_free(p);
		return fail(s->id);
	}
	printf("%s|%s|", s->id, date);
	for (int i = 0; i < EG_POLLUTANT_COUNT; i++) {
		pr(st[i].value);
		v[i] = st[i].value;
		missing |= isnan(v[i]);
	}
	for (int i = 0; i < EG_POLLUTANT_COUNT; i++)
		printf("%d|%d|", st[i].valid, st[i].n_valid);
	printf("%d|%d|", st[0].n_days, st[0].n_required);
	if (missing) {
		printf("||\n");
	} else {
		eg_airq_index ix = EG_AIRQ_INDEX_INIT;
		if (eg_airq_composite(&ix, p, v, 0) < 0) {
			eg_airq_profile_free(p);
			return fail("composite");
		}
		printf("%.17g|%s|%s\n", ix.composite, ix.reported, eg_pollutant_name(ix.primary));
	}
	eg_airq_profile_free(p);
	free(s->hourly);
	s->hourly = NULL;
	return 0;
}

static int do_stats(FILE *in)
{
	char line[1024], *f[MAXF];
	station s;
	memset(&s, 0, sizeof s);
	while (fgets(line, sizeof line, in)) {
		int y, m, d, hh, h, n = split(line, ',', f, MAXF);
		if (n < 9 || sscanf(f[1], "%d-%d-%d %d", &y, &m, &d, &hh) != 4)
			return fprintf(stderr, "pg_reference: bad stats row\n"), 1;
		/* The row labelled HH:00 covers the hour before it (airquality.md §3). */
		if (--hh < 0) {
			hh = 23;
			if (--d < 1) {
				if (--m < 1) {
					m = 12;
					y--;
				}
				d = days_in(y, m);
			}
		}
		if (strcmp(s.id, f[0]) != 0) {
			if (stats_flush(&s))
				return 1;
			snprintf(s.id, sizeof s.id, "%s", f[0]);
			s.y = y;
			s.m = m;
			s.days = days_in(y, m);
			s.hourly = malloc(sizeof(double) * EG_POLLUTANT_COUNT * 24 * (size_t)s.days);
			if (!s.hourly)
				return 1;
			for (size_t i = 0; i < (size_t)EG_POLLUTANT_COUNT * 24 * (size_t)s.days; i++)
				s.hourly[i] = NAN;
			memset(s.dust, 0, sizeof s.dust);
			memset(s.tampered, 0, sizeof s.tampered);
		}
		h = (d - 1) * 24 + hh;
		for (int p = 0; p < EG_POLLUTANT_COUNT; p++)
			s.hourly[(size_t)p * 24 * (size_t)s.days + (size_t)h] = num(f[2 + p]);
		if (atoi(f[8]) & 1)
			s.dust[d - 1] = 1;
		if (atoi(f[8]) & 2)
			s.tampered[d - 1] = 1;
	}
	return stats_flush(&s);
}

static int do_aqi(FILE *in)
{
	char line[1024], *f[MAXF];
	while (fgets(line, sizeof line, in)) {
		double c[EG_AQI_SLOT_COUNT];
		eg_aqi_result r = EG_AQI_RESULT_INIT;
		eg_airq_profile *p = NULL;
		int n = split(line, ',', f, MAXF);
		if (n < 2 + EG_AQI_SLOT_COUNT)
			return 1;
		for (int i = 0; i < EG_AQI_SLOT_COUNT; i++)
			c[i] = num(f[2 + i]);
		if (eg_airq_profile_named(&p, f[0]) < 0)
			return fail("profile");
		if (eg_aqi_compute(&r, p, c, strcmp(f[1], "hourly") == 0 ? EG_AQI_REPORT_HOURLY : EG_AQI_REPORT_DAILY) < 0) {
			printf("error\n");
		} else {
			printf("%d|%d|%d|%d|%u", r.published ? r.aqi : -1, r.published, r.level, r.clamped, r.primary_mask);
			for (int i = 0; i < EG_AQI_SLOT_COUNT; i++)
				printf("|%d", r.iaqi[i]);
			printf("\n");
		}
		eg_airq_profile_free(p);
	}
	return 0;
}

static int do_round(FILE *in)
{
	char line[256], *f[4], buf[32];
	while (fgets(line, sizeof line, in)) {
		split(line, ',', f, 4);
		if (eg_airq_round(NULL, buf, sizeof buf, strtod(f[0], NULL), atoi(f[1])) < 0)
			printf("error\n");
		else
			printf("%s\n", buf);
	}
	return 0;
}

static int do_pct(FILE *in)
{
	static char line[1 << 16];
	char *f[4], *v[4096];
	double x[4096], out;
	while (fgets(line, sizeof line, in)) {
		int nv;
		split(line, ',', f, 4);
		nv = split(f[1], ' ', v, 4096);
		for (int i = 0; i < nv; i++)
			x[i] = strtod(v[i], NULL);
		if (eg_airq_percentile(&out, x, (size_t)nv, strtod(f[0], NULL)) < 0)
			printf("error\n");
		else
			printf("%.17g\n", out);
	}
	return 0;
}

/* ------------------------------------------------------------------ */

static int score_line(char **f)
{
	eg_ruleset *rs = NULL;
	eg_assess_input *in = NULL;
	eg_assess_result *r = NULL;
	char *items[32], *probs[32], *forced[16];
	int ni = *f[3] ? split(f[3], ';', items, 32) : 0, np = *f[5] ? split(f[5], ';', probs, 32) : 0;
	int nf = *f[6] ? split(f[6], ';', forced, 16) : 0, rc = 0;
	if (eg_ruleset_preset(&rs, f[0]) < 0 || eg_assess_input_new(&in, rs) < 0)
		return fail("score");
	for (int i = 0; i < ni && rc == 0; i++) {
		char *eq = strchr(items[i], '=');
		*eq = '\0';
		if (items[i][0] == 's')
			rc = eg_assess_input_set_status(in, items[i] + 2, atoi(eq + 1));
		else if (items[i][0] == 'a')
			rc = eg_assess_input_set_adverse(in, items[i] + 2, 1);
		else
			rc = eg_assess_input_set_count(in, items[i] + 2, strtoll(eq + 1, NULL, 10));
	}
	if (rc == 0 && *f[4])
		rc = eg_assess_input_set_bonus(in, strtoll(f[4], NULL, 10));
	for (int i = 0; i < np && rc == 0; i++) {
		char *lv[8];
		int nl = split(probs[i], '/', lv, 8);
		rc = eg_assess_input_add_problem(in, (const char *const *)lv, (size_t)nl);
	}
	for (int i = 0; i < nf && rc == 0; i++)
		rc = eg_assess_input_add_forced_fail(in, forced[i]);
	if (rc == 0)
		rc = eg_assess_score(&r, rs, in, f[1]);
	if (rc < 0) {
		printf("%s|error\n", f[2]);
	} else {
		printf("%s|%d|%s|%d|", f[2], eg_assess_result_score(r),
		       eg_assess_result_grade(r) == EG_GRADE_NONE ? "" : eg_grade_name(eg_assess_result_grade(r)),
		       eg_assess_result_veto(r));
		for (size_t i = 0; i < eg_assess_result_fail_count(r); i++)
			printf("%s%s", i ? ";" : "", eg_assess_result_fail_at(r, i));
		printf("|%zu\n", eg_assess_result_trace_count(r));
	}
	eg_assess_result_free(r);
	eg_assess_input_free(in);
	eg_ruleset_free(rs);
	return 0;
}

static int do_score(FILE *in)
{
	char line[4096], *f[MAXF];
	while (fgets(line, sizeof line, in)) {
		if (split(line, ',', f, MAXF) < 7 || score_line(f))
			return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */

typedef struct month_rows {
	char ladder[64], group[64], month[16];
	int n;
	char units[256][64];
	int64_t values[256];
	int flags[256];
} month_rows;

static int ladder_flush(month_rows *mr, eg_ladder_state **s)
{
	const char *u[256];
	eg_ladder_outcome *o = NULL;
	eg_ladder_step_options opts = EG_LADDER_STEP_OPTIONS_INIT;
	if (mr->n == 0)
		return 0;
	for (int i = 0; i < mr->n; i++)
		u[i] = mr->units[i];
	opts.units = u;
	opts.values = mr->values;
	opts.flags = mr->flags;
	opts.n_units = (size_t)mr->n;
	if (eg_ladder_step(&o, *s, mr->month, &opts) < 0)
		return fail("ladder step");
	for (size_t i = 0; i < eg_ladder_outcome_count(o); i++) {
		printf("%s|%s|%s|%d|%s|", mr->group, mr->month, eg_ladder_outcome_unit(o, i), eg_ladder_outcome_severity(o, i),
		       eg_ladder_outcome_action(o, i));
		for (size_t k = 0; k < eg_ladder_outcome_clause_count(o, i); k++)
			printf("%s%s>%s", k ? ";" : "", eg_ladder_outcome_clause_rule(o, i, k),
			       eg_ladder_outcome_clause_message(o, i, k, EG_LANG_EN));
		printf("\n");
	}
	eg_ladder_outcome_free(o);
	mr->n = 0;
	return 0;
}

static int do_ladder(FILE *in)
{
	char line[1024], *f[MAXF];
	month_rows *mr = calloc(1, sizeof *mr);
	eg_ladder *l = NULL;
	eg_ladder_state *s = NULL;
	int rc = 0;
	while (rc == 0 && fgets(line, sizeof line, in)) {
		if (split(line, ',', f, MAXF) < 6) {
			rc = 1;
			break;
		}
		if (strcmp(mr->group, f[1]) != 0 || strcmp(mr->ladder, f[0]) != 0) {
			rc = ladder_flush(mr, &s);
			eg_ladder_state_free(s);
			eg_ladder_free(l);
			s = NULL;
			l = NULL;
			snprintf(mr->ladder, sizeof mr->ladder, "%s", f[0]);
			snprintf(mr->group, sizeof mr->group, "%s", f[1]);
			mr->month[0] = '\0';
			if (rc == 0 && (eg_ladder_preset(&l, f[0]) < 0 || eg_ladder_state_new(&s, l) < 0))
				rc = fail("ladder");
		} else if (strcmp(mr->month, f[2]) != 0) {
			rc = ladder_flush(mr, &s);
		}
		snprintf(mr->month, sizeof mr->month, "%s", f[2]);
		if (rc == 0 && *f[4]) {
			snprintf(mr->units[mr->n], 64, "%s", f[3]);
			mr->values[mr->n] = strtoll(f[4], NULL, 10);
			mr->flags[mr->n] = f[5][0] == 't';
			mr->n++;
		}
	}
	if (rc == 0)
		rc = ladder_flush(mr, &s);
	eg_ladder_state_free(s);
	eg_ladder_free(l);
	free(mr);
	return rc;
}

/* ------------------------------------------------------------------ */

static int do_draw(FILE *in)
{
	static char line[1 << 20];
	char *f[4], *st[32], *fr[8192];
	while (fgets(line, sizeof line, in)) {
		const char *names[32], *frame[8192];
		size_t sizes[32] = { 0 }, quotas[32], nf = 0;
		int ns, nr;
		eg_draw *d = NULL;
		eg_draw_frame_options fo = EG_DRAW_FRAME_OPTIONS_INIT;
		split(line, ',', f, 4);
		ns = split(f[1], ';', st, 32);
		nr = split(f[2], ';', fr, 8192);
		for (int i = 0; i < ns; i++) {
			char *c = strchr(st[i], ':');
			*c = '\0';
			names[i] = st[i];
			quotas[i] = (size_t)atoi(c + 1);
		}
		for (int i = 0; i < ns; i++)
			for (int k = 0; k < nr; k++) {
				char *slash = strchr(fr[k], '/');
				if ((size_t)(slash - fr[k]) == strlen(names[i]) && strncmp(fr[k], names[i], strlen(names[i])) == 0) {
					frame[nf++] = slash + 1;
					sizes[i]++;
				}
			}
		fo.strata = names;
		fo.frame_sizes = sizes;
		fo.frame = frame;
		fo.quotas = quotas;
		fo.n_strata = (size_t)ns;
		if (eg_draw_objects(&d, f[0], &fo) < 0) {
			printf("error\n");
			continue;
		}
		printf("%s|", eg_draw_frame_hash(d));
		for (size_t i = 0; i < eg_draw_selected_count(d); i++)
			printf("%s%s/%s", i ? ";" : "", eg_draw_selected_stratum(d, i), eg_draw_selected(d, i));
		printf("\n");
		eg_draw_free(d);
	}
	return 0;
}

static int do_pool(FILE *in)
{
	static char line[1 << 18];
	char *f[4], *e[8192];
	while (fgets(line, sizeof line, in)) {
		const char *ids[8192];
		int64_t em[8192];
		size_t pool[8192], count = 0;
		int n;
		split(line, ',', f, 4);
		n = split(f[1], ';', e, 8192);
		for (int i = 0; i < n; i++) {
			char *c = strchr(e[i], ':');
			*c = '\0';
			ids[i] = e[i];
			em[i] = strtoll(c + 1, NULL, 10);
		}
		if (eg_inspect_pool(pool, &count, ids, em, (size_t)n, atoi(f[0])) < 0) {
			printf("error\n");
			continue;
		}
		for (size_t i = 0; i < count; i++)
			printf("%s%s", i ? ";" : "", ids[pool[i]]);
		printf("\n");
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(FILE *);
	} modes[] = { { "stats", do_stats }, { "aqi", do_aqi },     { "round", do_round }, { "pct", do_pct },
		      { "score", do_score }, { "ladder", do_ladder }, { "draw", do_draw },   { "pool", do_pool } };
	FILE *in;
	int rc;
	if (argc != 3)
		return fprintf(stderr, "usage: pg_reference MODE FILE\n"), 2;
	if (!(in = fopen(argv[2], "r")))
		return perror(argv[2]), 2;
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
		if (strcmp(modes[i].name, argv[1]) == 0) {
			rc = modes[i].fn(in);
			fclose(in);
			return rc;
		}
	fclose(in);
	return fprintf(stderr, "pg_reference: unknown mode %s\n", argv[1]), 2;
}
