/*
 * Air quality in SQL (airquality.md §1–§7, CJ-A3-3, CJ-A3-6): the monthly
 * statistics aggregate over hourly rows, the composite index, AQI (HJ 633),
 * GB/T 8170 rounding, the HJ 663 percentile and the rates. Every statistic,
 * validity rule, MDA8, dust and tampered day is computed by the library.
 */
#include "pg_ecogrid.h"

#include <math.h>
#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#define NPOL EG_POLLUTANT_COUNT
#define MS_MAX_HOURS (31 * 24)
#define MS_FLAG_DUST 1
#define MS_FLAG_TAMPERED 2

static const char *const pol_names[NPOL] = { "SO2", "NO2", "PM10", "PM2.5", "CO", "O3" };

/* ------------------------------------------------------------------ */
/* Profiles, cached per call site for the query                          */
/* ------------------------------------------------------------------ */

typedef struct profile_cache {
	char key[96];
	egpg_guard *g;
} profile_cache;

/* The profile named `name` ("CN2012" …) or in force on `date` ("YYYY-MM-DD"), built once per call site and key. */
static const eg_airq_profile *profile_cached(FunctionCallInfo fcinfo, const char *name, const char *date,
					     const char *what)
{
	profile_cache *c = fcinfo->flinfo->fn_extra;
	char key[96];
	eg_airq_profile *p = NULL;
	snprintf(key, sizeof key, "%s:%.80s", name ? "n" : "d", name ? name : date);
	if (c && c->g->obj && strcmp(c->key, key) == 0)
		return c->g->obj;
	if (!c) {
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof *c);
		c->g = egpg_guard_new(fcinfo->flinfo->fn_mcxt, egpg_free_profile);
		fcinfo->flinfo->fn_extra = c;
	}
	egpg_guard_release(c->g);
	c->key[0] = '\0';
	if (name)
		EGPG_CHECK(eg_airq_profile_named(&p, name), what);
	else
		EGPG_CHECK(eg_airq_profile_for_date(&p, date), what);
	c->g->obj = p;
	strlcpy(c->key, key, sizeof c->key);
	return p;
}

static void date_text(char *buf, size_t sz, DateADT d, const char *what)
{
	int y, m, day;
	if (DATE_NOT_FINITE(d))
		ereport(ERROR, (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE), errmsg("%s: the date must be finite", what)));
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	snprintf(buf, sz, "%04d-%02d-%02d", y, m, day);
}

/* ------------------------------------------------------------------ */
/* ecogrid.monthly_stats: hourly rows → the month's statistics (§3)      */
/* ------------------------------------------------------------------ */

/* One hourly row: hour index h of the month (0 = the hour ending 01:00 of day 1) and six values (NaN missing). */
typedef struct ms_hour {
	int32 h;
	float8 v[NPOL];
} ms_hour;

typedef struct ms_state {
	int32 year, month, days; /* the month of every row */
	int32 first_day;         /* its first day, days since 2000-01-01 (DateADT) */
	uint32 dust, tampered;   /* bit d: day d + 1 is dust-affected / has verified interference */
	int32 n, cap;
	uint64 seen[(MS_MAX_HOURS + 63) / 64];
	ms_hour *e;
} ms_state;

/* Serialised: header of 7 int32, then n × (int32 h, 6 float8). */
#define MS_HEADER 7
#define MS_ENTRY (sizeof(int32) + NPOL * sizeof(float8))

static int days_in(int y, int m)
{
	return day_tab[isleap(y) ? 1 : 0][m - 1];
}

/* "the hour ending 2026-01-05 14:00" for hour index h. */
static char *hour_label(const ms_state *st, int32 h)
{
	return psprintf("the hour ending %04d-%02d-%02d %02d:00", st->year, st->month, h / 24 + 1, h % 24 + 1);
}

static void ms_reserve(ms_state *st, int32 more)
{
	if (st->n + more <= st->cap)
		return;
	/* At most one entry per hour of the month (duplicates are refused). */
	st->cap = Min(Max(st->cap * 2, st->n + more), MS_MAX_HOURS);
	st->e = repalloc(st->e, sizeof(ms_hour) * st->cap);
}

static ms_state *ms_new(MemoryContext cxt, int32 cap)
{
	ms_state *st = MemoryContextAllocZero(cxt, sizeof *st);
	st->cap = Max(cap, 1);
	st->e = MemoryContextAlloc(cxt, sizeof(ms_hour) * st->cap);
	return st;
}

static void ms_set_month(ms_state *st, int y, int m, int32 first_day)
{
	st->year = y;
	st->month = m;
	st->days = days_in(y, m);
	st->first_day = first_day;
}

pg_attribute_noreturn() static void ms_two_months(const ms_state *st, int y, int m)
{
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("ecogrid.monthly_stats: rows of %04d-%02d and %04d-%02d in one group", st->year, st->month, y, m),
			errhint("The statistics are of one calendar month (airquality.md §3): group by the month as well, "
				"e.g. GROUP BY station, date_trunc('month', ts - interval '1 hour').")));
}

static void ms_mark(ms_state *st, int32 h)
{
	if (st->seen[h / 64] & (UINT64CONST(1) << (h % 64)))
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("ecogrid.monthly_stats: two rows for %s", hour_label(st, h)),
				errhint("Each station has one value per hour; a missing value is NULL or NaN.")));
	st->seen[h / 64] |= UINT64CONST(1) << (h % 64);
}

/*
 * The transition: `offset` turns the timestamp into CST (0 for timestamp,
 * which is read as CST; 8 hours for timestamptz). The row labelled HH:00
 * covers the hour before it (airquality.md §3), so its hour starts an hour
 * earlier: 2026-02-01 00:00 is the last hour of January.
 */
static Datum ms_trans(FunctionCallInfo fcinfo, int64 offset, bool with_flags)
{
	MemoryContext aggcxt;
	ms_state *st;
	int64 t, day, rem;
	int32 h;
	ms_hour *e;
	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "ecogrid.monthly_stats: transition function called outside an aggregate");
	st = PG_ARGISNULL(0) ? NULL : (ms_state *)PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				errmsg("ecogrid.monthly_stats: ts is NULL; every hourly row needs its time")));
	t = PG_GETARG_INT64(1);
	if (TIMESTAMP_NOT_FINITE(t))
		ereport(ERROR, (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("ecogrid.monthly_stats: ts must be a finite time")));
	t = t + offset - USECS_PER_HOUR;
	day = t / USECS_PER_DAY;
	rem = t % USECS_PER_DAY;
	if (rem < 0) {
		rem += USECS_PER_DAY;
		day--;
	}
	if (rem % USECS_PER_HOUR != 0)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("ecogrid.monthly_stats: ts %s is not on the hour",
				       DatumGetCString(DirectFunctionCall1(offset ? timestamptz_out : timestamp_out,
									   PG_GETARG_DATUM(1)))),
				errhint("Hourly values are labelled with the end of their hour, e.g. 01:00 for 00:00-01:00.")));
	if (!st)
		st = ms_new(aggcxt, 32);
	if (st->year == 0 || day < st->first_day || day >= st->first_day + st->days) {
		int y, m, d;
		j2date((int)(day + POSTGRES_EPOCH_JDATE), &y, &m, &d);
		if (st->year != 0)
			ms_two_months(st, y, m);
		ms_set_month(st, y, m, (int32)(day - (d - 1)));
	}
	h = (int32)(day - st->first_day) * 24 + (int32)(rem / USECS_PER_HOUR);
	ms_mark(st, h);
	ms_reserve(st, 1);
	e = &st->e[st->n++];
	e->h = h;
	for (int p = 0; p < NPOL; p++)
		e->v[p] = PG_ARGISNULL(2 + p) ? NAN : PG_GETARG_FLOAT8(2 + p);
	if (with_flags && !PG_ARGISNULL(8)) {
		int32 f = PG_GETARG_INT32(8);
		if (f & ~(MS_FLAG_DUST | MS_FLAG_TAMPERED))
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("ecogrid.monthly_stats: flags %d at %s: only 1 (dust day) and 2 (tampered day) are defined",
					       f, hour_label(st, h))));
		if (f & MS_FLAG_DUST)
			st->dust |= 1u << (h / 24);
		if (f & MS_FLAG_TAMPERED)
			st->tampered |= 1u << (h / 24);
	}
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(egpg_ms_trans);
Datum egpg_ms_trans(PG_FUNCTION_ARGS)
{
	return ms_trans(fcinfo, 0, PG_NARGS() > 8);
}

PG_FUNCTION_INFO_V1(egpg_ms_trans_tz);
Datum egpg_ms_trans_tz(PG_FUNCTION_ARGS)
{
	/* CST is UTC+8 all year (no daylight saving since 1991), R0.3. */
	return ms_trans(fcinfo, 8 * USECS_PER_HOUR, PG_NARGS() > 8);
}

PG_FUNCTION_INFO_V1(egpg_ms_combine);
Datum egpg_ms_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	ms_state *a, *b;
	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "ecogrid.monthly_stats: combine function called outside an aggregate");
	a = PG_ARGISNULL(0) ? NULL : (ms_state *)PG_GETARG_POINTER(0);
	b = PG_ARGISNULL(1) ? NULL : (ms_state *)PG_GETARG_POINTER(1);
	if (!b) {
		if (!a)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (!a) {
		/* b may live in a short-lived context: copy it into the aggregate's. */
		a = ms_new(aggcxt, b->n);
		ms_set_month(a, b->year, b->month, b->first_day);
	} else if (a->year != b->year || a->month != b->month) {
		ms_two_months(a, b->year, b->month);
	}
	for (int32 i = 0; i < b->n; i++)
		ms_mark(a, b->e[i].h);
	ms_reserve(a, b->n);
	memcpy(a->e + a->n, b->e, sizeof(ms_hour) * b->n);
	a->n += b->n;
	a->dust |= b->dust;
	a->tampered |= b->tampered;
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(egpg_ms_serialize);
Datum egpg_ms_serialize(PG_FUNCTION_ARGS)
{
	ms_state *st = (ms_state *)PG_GETARG_POINTER(0);
	int32 hdr[MS_HEADER] = { st->year, st->month, st->days, st->first_day, (int32)st->dust, (int32)st->tampered, st->n };
	Size sz = sizeof hdr + (Size)st->n * MS_ENTRY;
	bytea *out = palloc(VARHDRSZ + sz);
	char *p = VARDATA(out);
	SET_VARSIZE(out, VARHDRSZ + sz);
	memcpy(p, hdr, sizeof hdr);
	p += sizeof hdr;
	for (int32 i = 0; i < st->n; i++) {
		memcpy(p, &st->e[i].h, sizeof(int32));
		memcpy(p + sizeof(int32), st->e[i].v, NPOL * sizeof(float8));
		p += MS_ENTRY;
	}
	PG_RETURN_BYTEA_P(out);
}

pg_attribute_noreturn() static void ms_corrupt(void)
{
	ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED), errmsg("ecogrid.monthly_stats: corrupt serialised state")));
}

PG_FUNCTION_INFO_V1(egpg_ms_deserialize);
Datum egpg_ms_deserialize(PG_FUNCTION_ARGS)
{
	bytea *in = PG_GETARG_BYTEA_PP(0);
	const char *p = VARDATA_ANY(in);
	Size sz = VARSIZE_ANY_EXHDR(in);
	int32 hdr[MS_HEADER];
	ms_state *st;
	if (sz < sizeof hdr)
		ms_corrupt();
	memcpy(hdr, p, sizeof hdr);
	p += sizeof hdr;
	if (hdr[1] < 1 || hdr[1] > 12 || hdr[0] < 1 || hdr[0] > 9999 || hdr[2] != days_in(hdr[0], hdr[1]) ||
	    hdr[3] != date2j(hdr[0], hdr[1], 1) - POSTGRES_EPOCH_JDATE || hdr[6] < 0 || hdr[6] > MS_MAX_HOURS ||
	    sz != sizeof hdr + (Size)hdr[6] * MS_ENTRY)
		ms_corrupt();
	st = ms_new(CurrentMemoryContext, hdr[6]);
	ms_set_month(st, hdr[0], hdr[1], hdr[3]);
	st->dust = (uint32)hdr[4];
	st->tampered = (uint32)hdr[5];
	for (int32 i = 0; i < hdr[6]; i++) {
		ms_hour *e = &st->e[i];
		memcpy(&e->h, p, sizeof(int32));
		memcpy(e->v, p + sizeof(int32), NPOL * sizeof(float8));
		p += MS_ENTRY;
		if (e->h < 0 || e->h >= st->days * 24)
			ms_corrupt();
		ms_mark(st, e->h);
	}
	st->n = hdr[6];
	PG_RETURN_POINTER(st);
}

/* Errors of the library name "station 0": say which group that is. */
static void ms_context(void *arg)
{
	const ms_state *st = arg;
	errcontext("the group's month %04d-%02d (station 0 is the group; day d hour h is the hour ending h:00 of day d)",
		   st->year, st->month);
}

PG_FUNCTION_INFO_V1(egpg_ms_final);
Datum egpg_ms_final(PG_FUNCTION_ARGS)
{
	ms_state *st = PG_ARGISNULL(0) ? NULL : (ms_state *)PG_GETARG_POINTER(0);
	size_t nh;
	double *hourly;
	unsigned char dust[31], tampered[31];
	eg_airq_stat out[NPOL];
	const eg_airq_profile *prof;
	char first[16];
	Datum values[4 * NPOL];
	bool nulls[4 * NPOL];
	int k = 0;
	TupleDesc td;
	ErrorContextCallback ctx;
	eg_airq_monthly_options opts = EG_AIRQ_MONTHLY_OPTIONS_INIT;
	if (!st || st->n == 0)
		PG_RETURN_NULL();
	nh = (size_t)st->days * 24;
	hourly = palloc(sizeof(double) * NPOL * nh);
	for (size_t i = 0; i < NPOL * nh; i++)
		hourly[i] = NAN;
	for (int32 i = 0; i < st->n; i++)
		for (int p = 0; p < NPOL; p++)
			hourly[(size_t)p * nh + (size_t)st->e[i].h] = st->e[i].v[p];
	for (int d = 0; d < st->days; d++) {
		dust[d] = (st->dust >> d) & 1u;
		tampered[d] = (st->tampered >> d) & 1u;
	}
	snprintf(first, sizeof first, "%04d-%02d-01", st->year, st->month);
	/* The profile in force in the month (§1) gives the O3 limit of the MDA8 rule. */
	prof = profile_cached(fcinfo, NULL, first, "ecogrid.monthly_stats");
	opts.year = st->year;
	opts.month = st->month;
	opts.dust = dust;
	opts.tampered = tampered;
	ctx.callback = ms_context;
	ctx.arg = st;
	ctx.previous = error_context_stack;
	error_context_stack = &ctx;
	EGPG_CHECK(eg_airq_monthly_stats(out, prof, hourly, 1, nh, &opts),
		   "ecogrid.monthly_stats");
	error_context_stack = ctx.previous;
	pfree(hourly);
	td = egpg_result_tupdesc(fcinfo);
	memset(nulls, 0, sizeof nulls);
	values[k++] = DateADTGetDatum(st->first_day);
	for (int p = 0; p < NPOL; p++, k++) {
		nulls[k] = isnan(out[p].value);
		values[k] = Float8GetDatum(out[p].value);
	}
	for (int p = 0; p < NPOL; p++)
		values[k++] = BoolGetDatum(out[p].valid != 0);
	for (int p = 0; p < NPOL; p++)
		values[k++] = Int32GetDatum(out[p].n_valid);
	values[k++] = Int32GetDatum(out[0].n_days);
	values[k++] = Int32GetDatum(out[0].n_required);
	if (td->natts != k)
		elog(ERROR, "ecogrid.month_stats has %d columns, %d expected", td->natts, k);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}

/* ------------------------------------------------------------------ */
/* Composite index (CJ-A3-3, §2)                                         */
/* ------------------------------------------------------------------ */

static Datum float8_array(const double *v, int n)
{
	Datum *d = palloc(sizeof(Datum) * n);
	for (int i = 0; i < n; i++)
		d[i] = Float8GetDatum(v[i]);
	return PointerGetDatum(construct_array(d, n, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

static Datum text_array(const char *const *s, int n)
{
	Datum *d = palloc(sizeof(Datum) * Max(n, 1));
	for (int i = 0; i < n; i++)
		d[i] = PointerGetDatum(egpg_utf8_text(s[i]));
	return PointerGetDatum(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

static Datum composite_result(FunctionCallInfo fcinfo, const eg_airq_profile *prof, const double *stats, bool round_first)
{
	eg_airq_index ix = EG_AIRQ_INDEX_INIT;
	const char *primaries[NPOL];
	int np = 0;
	Datum values[7];
	bool nulls[7] = { false };
	TupleDesc td;
	EGPG_CHECK(eg_airq_composite(&ix, prof, stats, round_first ? EG_AIRQ_ROUND_STATS_FIRST : 0),
		   "ecogrid.composite_index");
	for (int p = 0; p < NPOL; p++)
		if (ix.primary_mask & (1u << p))
			primaries[np++] = pol_names[p];
	td = egpg_result_tupdesc(fcinfo);
	values[0] = PointerGetDatum(egpg_utf8_text(eg_airq_profile_name(prof)));
	values[1] = Float8GetDatum(ix.composite);
	values[2] = egpg_numeric_from_text(ix.reported);
	values[3] = PointerGetDatum(egpg_utf8_text(pol_names[ix.primary]));
	values[4] = text_array(primaries, np);
	values[5] = float8_array(ix.single, NPOL);
	values[6] = float8_array(ix.load, NPOL);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}

/*
 * composite_index(stats ecogrid.month_stats [, profile text], round_stats_first boolean):
 * the profile in force in the stats' month unless named. NULL when a
 * statistic is NULL (no valid day at all).
 */
PG_FUNCTION_INFO_V1(egpg_composite_stats);
Datum egpg_composite_stats(PG_FUNCTION_ARGS)
{
	HeapTupleHeader th = PG_GETARG_HEAPTUPLEHEADER(0);
	static const char *const cols[NPOL] = { "so2", "no2", "pm10", "pm25", "co", "o3" };
	double stats[NPOL];
	bool isnull, round_first = PG_GETARG_BOOL(PG_NARGS() - 1);
	const eg_airq_profile *prof;
	for (int p = 0; p < NPOL; p++) {
		Datum d = GetAttributeByName(th, cols[p], &isnull);
		if (isnull)
			PG_RETURN_NULL();
		stats[p] = DatumGetFloat8(d);
	}
	if (PG_NARGS() == 3) {
		prof = profile_cached(fcinfo, egpg_text_utf8(PG_GETARG_TEXT_PP(1)), NULL, "ecogrid.composite_index");
	} else {
		Datum m = GetAttributeByName(th, "month", &isnull);
		char date[16];
		if (isnull)
			ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("ecogrid.composite_index: the statistics have no month; name the profile")));
		date_text(date, sizeof date, DatumGetDateADT(m), "ecogrid.composite_index");
		prof = profile_cached(fcinfo, NULL, date, "ecogrid.composite_index");
	}
	return composite_result(fcinfo, prof, stats, round_first);
}

/* composite_index(so2, no2, pm10, pm25, co, o3, profile, round_stats_first). */
PG_FUNCTION_INFO_V1(egpg_composite_values);
Datum egpg_composite_values(PG_FUNCTION_ARGS)
{
	double stats[NPOL];
	for (int p = 0; p < NPOL; p++)
		stats[p] = PG_GETARG_FLOAT8(p);
	return composite_result(fcinfo,
				profile_cached(fcinfo, egpg_text_utf8(PG_GETARG_TEXT_PP(6)), NULL, "ecogrid.composite_index"),
				stats, PG_GETARG_BOOL(7));
}

/* profile_for_date(date) → the name of the profile in force (§1). */
PG_FUNCTION_INFO_V1(egpg_profile_for_date);
Datum egpg_profile_for_date(PG_FUNCTION_ARGS)
{
	char date[16];
	date_text(date, sizeof date, PG_GETARG_DATEADT(0), "ecogrid.profile_for_date");
	PG_RETURN_TEXT_P(egpg_utf8_text(eg_airq_profile_name(profile_cached(fcinfo, NULL, date, "ecogrid.profile_for_date"))));
}

/* ------------------------------------------------------------------ */
/* AQI (HJ 633-2012 and -2026, §7)                                       */
/* ------------------------------------------------------------------ */

static const char *const slot_names[EG_AQI_SLOT_COUNT] = { "SO2", "NO2", "PM10", "PM2.5", "CO", "O3_1h", "O3_8h", "SO2_24h" };

/*
 * aqi(profile, report, so2, no2, pm10, pm25, co, o3_1h, o3_8h [, so2_24h]):
 * NULL concentrations are missing; NULL profile or report gives NULL.
 */
PG_FUNCTION_INFO_V1(egpg_aqi);
Datum egpg_aqi(PG_FUNCTION_ARGS)
{
	double conc[EG_AQI_SLOT_COUNT];
	eg_aqi_result r = EG_AQI_RESULT_INIT;
	char *report, colour[8];
	int kind;
	const char *primaries[EG_AQI_SLOT_COUNT];
	int np = 0;
	StringInfoData iaqi;
	Datum values[9];
	bool nulls[9] = { false };
	TupleDesc td;
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	report = egpg_text_utf8(PG_GETARG_TEXT_PP(1));
	if (strcmp(report, "daily") == 0)
		kind = EG_AQI_REPORT_DAILY;
	else if (strcmp(report, "hourly") == 0)
		kind = EG_AQI_REPORT_HOURLY;
	else
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("ecogrid.aqi: report \"%s\" is not daily or hourly", report)));
	for (int i = 0; i < EG_AQI_SLOT_COUNT; i++)
		conc[i] = (i + 2 < PG_NARGS() && !PG_ARGISNULL(i + 2)) ? PG_GETARG_FLOAT8(i + 2) : NAN;
	EGPG_CHECK(eg_aqi_compute(&r, profile_cached(fcinfo, egpg_text_utf8(PG_GETARG_TEXT_PP(0)), NULL, "ecogrid.aqi"),
				  conc, kind),
		   "ecogrid.aqi");
	initStringInfo(&iaqi);
	appendStringInfoChar(&iaqi, '{');
	for (int i = 0, first = 1; i < EG_AQI_SLOT_COUNT; i++) {
		if (r.primary_mask & (1u << i))
			primaries[np++] = slot_names[i];
		if (r.iaqi[i] < 0)
			continue;
		appendStringInfo(&iaqi, "%s\"%s\": %d", first ? "" : ", ", slot_names[i], r.iaqi[i]);
		first = 0;
	}
	appendStringInfoChar(&iaqi, '}');
	snprintf(colour, sizeof colour, "#%02x%02x%02x", r.rgb[0], r.rgb[1], r.rgb[2]);
	td = egpg_result_tupdesc(fcinfo);
	values[0] = Int32GetDatum(r.aqi);
	nulls[0] = !r.published;
	values[1] = BoolGetDatum(r.published != 0);
	values[2] = Int32GetDatum(r.level);
	nulls[2] = r.level == 0;
	nulls[3] = nulls[4] = r.level == 0;
	if (r.level > 0) {
		values[3] = PointerGetDatum(egpg_utf8_text(eg_aqi_level_name(r.level, EG_LANG_ZH)));
		values[4] = PointerGetDatum(egpg_utf8_text(eg_aqi_level_name(r.level, EG_LANG_EN)));
	}
	values[5] = text_array(primaries, np);
	values[6] = egpg_jsonb_from_text(iaqi.data);
	values[7] = BoolGetDatum(r.clamped != 0);
	values[8] = PointerGetDatum(cstring_to_text(colour));
	nulls[8] = r.level == 0;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, values, nulls)));
}

/* ------------------------------------------------------------------ */
/* Numbers (§2, §5)                                                      */
/* ------------------------------------------------------------------ */

/* round_gbt8170(value, decimals) → numeric, GB/T 8170 (half to even on an exact 5). */
PG_FUNCTION_INFO_V1(egpg_round);
Datum egpg_round(PG_FUNCTION_ARGS)
{
	char buf[32];
	EGPG_CHECK(eg_airq_round(NULL, buf, sizeof buf, PG_GETARG_FLOAT8(0), PG_GETARG_INT32(1)), "ecogrid.round_gbt8170");
	PG_RETURN_DATUM(egpg_numeric_from_text(buf));
}

PG_FUNCTION_INFO_V1(egpg_change_rate);
Datum egpg_change_rate(PG_FUNCTION_ARGS)
{
	double r;
	EGPG_CHECK(eg_airq_change_rate(&r, PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)), "ecogrid.change_rate");
	PG_RETURN_FLOAT8(r);
}

PG_FUNCTION_INFO_V1(egpg_improvement_rate);
Datum egpg_improvement_rate(PG_FUNCTION_ARGS)
{
	double r;
	EGPG_CHECK(eg_airq_improvement_rate(&r, PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)), "ecogrid.improvement_rate");
	PG_RETURN_FLOAT8(r);
}

/* The HJ 663 percentile of the values (NULL elements are missing); NULL when none is given. */
static Datum percentile_of(const double *v, int n, double p)
{
	double out;
	if (n == 0)
		return (Datum)0;
	EGPG_CHECK(eg_airq_percentile(&out, v, (size_t)n, p), "ecogrid.percentile_hj663");
	return Float8GetDatum(out);
}

/* percentile_hj663(values float8[], fraction float8). */
PG_FUNCTION_INFO_V1(egpg_percentile_array);
Datum egpg_percentile_array(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	Datum *elems;
	bool *isnull;
	int n, k = 0;
	double *v;
	deconstruct_array(a, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &isnull, &n);
	v = palloc(sizeof(double) * Max(n, 1));
	for (int i = 0; i < n; i++)
		if (!isnull[i])
			v[k++] = DatumGetFloat8(elems[i]);
	if (k == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(percentile_of(v, k, PG_GETARG_FLOAT8(1)));
}

typedef struct pct_state {
	int n, cap;
	double *v;
} pct_state;

/* The ordered-set aggregate's transition: collect the non-NULL values (the library sorts them). */
PG_FUNCTION_INFO_V1(egpg_pct_trans);
Datum egpg_pct_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	pct_state *st;
	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "ecogrid.percentile_hj663: transition function called outside an aggregate");
	st = PG_ARGISNULL(0) ? NULL : (pct_state *)PG_GETARG_POINTER(0);
	if (!st) {
		st = MemoryContextAllocZero(aggcxt, sizeof *st);
		st->cap = 64;
		st->v = MemoryContextAlloc(aggcxt, sizeof(double) * st->cap);
	}
	if (!PG_ARGISNULL(1)) {
		if (st->n == st->cap) {
			if ((Size)st->cap * 2 * sizeof(double) > MaxAllocSize)
				ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						errmsg("ecogrid.percentile_hj663: too many values in one group")));
			st->cap *= 2;
			st->v = repalloc(st->v, sizeof(double) * st->cap);
		}
		st->v[st->n++] = PG_GETARG_FLOAT8(1);
	}
	PG_RETURN_POINTER(st);
}

/* Final: (state, fraction, placeholder). HJ 663 orders ascending; another ORDER BY is refused. */
PG_FUNCTION_INFO_V1(egpg_pct_final);
Datum egpg_pct_final(PG_FUNCTION_ARGS)
{
	pct_state *st = PG_ARGISNULL(0) ? NULL : (pct_state *)PG_GETARG_POINTER(0);
	Aggref *ref = AggGetAggref(fcinfo);
	if (ref && ref->aggorder) {
		SortGroupClause *sc = linitial_node(SortGroupClause, ref->aggorder);
		if (sc->sortop != Float8LessOperator)
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("ecogrid.percentile_hj663: the values are ordered ascending (HJ 663: X(1) <= ... <= X(n))"),
					errhint("Write WITHIN GROUP (ORDER BY value), without DESC or USING.")));
	}
	if (PG_ARGISNULL(1) || !st || st->n == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(percentile_of(st->v, st->n, PG_GETARG_FLOAT8(1)));
}
