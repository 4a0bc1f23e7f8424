/*
 * Escalation ladders over calendar months: CJ-A2-7.3, CJ-A2-7.1, CJ-A3-4,
 * CJ-M-4.3, DG-65/66, DG-63, JM-2.3 as data; exact arithmetic (R0.1, R0.2);
 * calendar months where a gap breaks a streak (R0.4).
 */
#include <ecogrid/ladder.h>

#include <stdio.h>
#include <string.h>

#include "scheme_internal.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"
#include "util/hmap.h"
#include "util/vec.h"

#define MAX_ACTIONS 16
#define MAX_CLAUSES 32
#define HIST 12            /* observations kept per unit: enough for 12-month windows */
#define VALUE_MAX 1000000000000000LL

typedef struct lclause {
	char *rule;
	char *article, *quote; /* the source the clause implements, or NULLs */
	int action;
	int kind;
	int32_t count;
	int64_t threshold;
	int window_sum;
	int flag;
} lclause;

struct eg_ladder {
	char *name;
	int measure;
	char *label[2], *flag_label[2];
	char *act_id[MAX_ACTIONS], *act_name[MAX_ACTIONS][2];
	size_t n_actions; /* including "none" */
	lclause clauses[MAX_CLAUSES];
	size_t n_clauses;
};

struct eg_ladder_builder {
	eg_ladder l;
};

/* ------------------------------------------------------------------ */
/* Ladders                                                              */
/* ------------------------------------------------------------------ */

static void ladder_clear(eg_ladder *l)
{
	eg__free(l->name);
	for (int k = 0; k < 2; k++) {
		eg__free(l->label[k]);
		eg__free(l->flag_label[k]);
	}
	for (size_t a = 0; a < l->n_actions; a++) {
		eg__free(l->act_id[a]);
		eg__free(l->act_name[a][0]);
		eg__free(l->act_name[a][1]);
	}
	for (size_t c = 0; c < l->n_clauses; c++) {
		eg__free(l->clauses[c].rule);
		eg__free(l->clauses[c].article);
		eg__free(l->clauses[c].quote);
	}
	memset(l, 0, sizeof *l);
}

static char *sdup(const char *s)
{
	return s ? eg__strndup(s, strlen(s)) : NULL;
}

/* Deep copy (src fully valid); on failure dst is cleared. */
static int ladder_copy(eg_ladder *dst, const eg_ladder *src)
{
	*dst = *src;
	dst->name = NULL;
	for (int k = 0; k < 2; k++)
		dst->label[k] = dst->flag_label[k] = NULL;
	for (size_t a = 0; a < src->n_actions; a++)
		dst->act_id[a] = dst->act_name[a][0] = dst->act_name[a][1] = NULL;
	for (size_t c = 0; c < src->n_clauses; c++)
		dst->clauses[c].rule = dst->clauses[c].article = dst->clauses[c].quote = NULL;
	if (!(dst->name = sdup(src->name)))
		goto fail;
	for (int k = 0; k < 2; k++)
		if (!(dst->label[k] = sdup(src->label[k])) ||
		    (src->flag_label[k] && !(dst->flag_label[k] = sdup(src->flag_label[k]))))
			goto fail;
	for (size_t a = 0; a < src->n_actions; a++)
		if (!(dst->act_id[a] = sdup(src->act_id[a])) || !(dst->act_name[a][0] = sdup(src->act_name[a][0])) ||
		    !(dst->act_name[a][1] = sdup(src->act_name[a][1])))
			goto fail;
	for (size_t c = 0; c < src->n_clauses; c++)
		if (!(dst->clauses[c].rule = sdup(src->clauses[c].rule)) ||
		    (src->clauses[c].article && (!(dst->clauses[c].article = sdup(src->clauses[c].article)) ||
						 !(dst->clauses[c].quote = sdup(src->clauses[c].quote)))))
			goto fail;
	return EG_OK;
fail:
	ladder_clear(dst);
	return eg__error_nomem("copying a ladder");
}

static int builder_new(eg_ladder_builder **out, const char *name, int measure, const char *label_zh,
		       const char *label_en, const char *flag_zh, const char *flag_en)
{
	eg_ladder_builder *b;
	eg_ladder *l;
	int rc;
	if (!out)
		return eg__error(EG_EINVAL, "eg_ladder_builder_new: out is NULL");
	if ((rc = eg__check_text(name, 64, "ladder name")) < 0 ||
	    (rc = eg__check_text(label_zh, 256, "condition label")) < 0 ||
	    (rc = eg__check_text(label_en, 256, "condition label")) < 0 ||
	    (flag_zh && (rc = eg__check_text(flag_zh, 256, "flag label")) < 0) ||
	    (flag_en && (rc = eg__check_text(flag_en, 256, "flag label")) < 0))
		return rc;
	if (measure < EG_LADDER_MEASURE_SHARE || measure > EG_LADDER_MEASURE_FLAG)
		return eg__error(EG_EINVAL, "ladder %s: measure %d is not one of eg_ladder_measure", name, measure);
	if (!flag_zh != !flag_en)
		return eg__error(EG_EINVAL, "ladder %s: give the flag label in both languages or neither", name);
	b = eg__calloc(1, sizeof *b);
	if (!b)
		return eg__error_nomem("creating a ladder builder");
	l = &b->l;
	l->measure = measure;
	l->name = sdup(name);
	l->label[0] = sdup(label_zh);
	l->label[1] = sdup(label_en);
	l->flag_label[0] = sdup(flag_zh);
	l->flag_label[1] = sdup(flag_en);
	l->act_id[0] = sdup("none");
	l->act_name[0][0] = sdup("无");
	l->act_name[0][1] = sdup("none");
	l->n_actions = 1;
	if (!l->name || !l->label[0] || !l->label[1] || (flag_zh && (!l->flag_label[0] || !l->flag_label[1])) ||
	    !l->act_id[0] || !l->act_name[0][0] || !l->act_name[0][1]) {
		ladder_clear(l);
		eg__free(b);
		return eg__error_nomem("creating a ladder builder");
	}
	*out = b;
	return EG_OK;
}

int eg_ladder_builder_options_init(eg_ladder_builder_options *opts, unsigned int version)
{
	static const eg_ladder_builder_options init = EG_LADDER_BUILDER_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_ladder_builder_options_init: opts is NULL");
	if (version != EG_LADDER_BUILDER_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_ladder_builder_options_init: unknown version %u (this library knows %u)", version,
				 EG_LADDER_BUILDER_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_ladder_builder_new(eg_ladder_builder **out, const char *name, int measure, const char *label_zh,
			  const char *label_en, const eg_ladder_builder_options *opts)
{
	if (opts && opts->version != EG_LADDER_BUILDER_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_ladder_builder_new: opts->version %u is not %u (initialise it with EG_LADDER_BUILDER_OPTIONS_INIT)",
				 opts->version, EG_LADDER_BUILDER_OPTIONS_VERSION);
	return builder_new(out, name, measure, label_zh, label_en, opts ? opts->flag_zh : NULL, opts ? opts->flag_en : NULL);
}

void eg_ladder_builder_free(eg_ladder_builder *b)
{
	if (!b)
		return;
	ladder_clear(&b->l);
	eg__free(b);
}

static int find_action(const eg_ladder *l, const char *id)
{
	for (size_t a = 0; a < l->n_actions; a++)
		if (strcmp(l->act_id[a], id) == 0)
			return (int)a;
	return -1;
}

int eg_ladder_builder_add_action(eg_ladder_builder *b, const char *id, const char *zh, const char *en)
{
	eg_ladder *l;
	size_t a;
	int rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ladder_builder_add_action: builder is NULL");
	l = &b->l;
	if ((rc = eg__check_text(id, 64, "action ID")) < 0 || (rc = eg__check_text(zh, 256, "action name")) < 0 ||
	    (rc = eg__check_text(en, 256, "action name")) < 0)
		return rc;
	if (find_action(l, id) >= 0)
		return eg__error(EG_EEXISTS, "ladder %s: action %s already exists", l->name, id);
	if (l->n_actions == MAX_ACTIONS)
		return eg__error(EG_ERANGE, "ladder %s: at most %d actions", l->name, MAX_ACTIONS - 1);
	a = l->n_actions;
	l->act_id[a] = sdup(id);
	l->act_name[a][0] = sdup(zh);
	l->act_name[a][1] = sdup(en);
	if (!l->act_id[a] || !l->act_name[a][0] || !l->act_name[a][1]) {
		eg__free(l->act_id[a]);
		eg__free(l->act_name[a][0]);
		eg__free(l->act_name[a][1]);
		l->act_id[a] = l->act_name[a][0] = l->act_name[a][1] = NULL;
		return eg__error_nomem("adding an action");
	}
	l->n_actions++;
	return EG_OK;
}

int eg_ladder_clause_init(eg_ladder_clause *clause, unsigned int version)
{
	static const eg_ladder_clause init = EG_LADDER_CLAUSE_INIT;
	if (!clause)
		return eg__error(EG_EINVAL, "eg_ladder_clause_init: clause is NULL");
	if (version != EG_LADDER_CLAUSE_VERSION)
		return eg__error(EG_EINVAL, "eg_ladder_clause_init: unknown version %u (this library knows %u)", version,
				 EG_LADDER_CLAUSE_VERSION);
	*clause = init;
	return EG_OK;
}

int eg_ladder_builder_add_clause(eg_ladder_builder *b, const eg_ladder_clause *c)
{
	eg_ladder *l;
	lclause *d;
	int a, rc;
	if (!b || !c)
		return eg__error(EG_EINVAL, "eg_ladder_builder_add_clause: NULL argument");
	l = &b->l;
	if (c->version != EG_LADDER_CLAUSE_VERSION)
		return eg__error(EG_EINVAL, "clause version %u is not %u", c->version, EG_LADDER_CLAUSE_VERSION);
	if ((rc = eg__check_text(c->rule, 64, "clause rule ID")) < 0 || (rc = eg__check_text(c->action, 64, "clause action")) < 0)
		return rc;
	if ((a = find_action(l, c->action)) <= 0)
		return eg__error(EG_ENOTFOUND, "ladder %s: action %s not found (add it first; \"none\" is no action)",
				 l->name, c->action);
	if (c->kind < EG_LADDER_CLAUSE_KIND_SINGLE || c->kind > EG_LADDER_CLAUSE_KIND_CALENDAR_YEAR)
		return eg__error(EG_EINVAL, "clause %s: kind %d is not one of eg_ladder_clause_kind", c->rule, c->kind);
	if (c->flag < EG_LADDER_FLAG_NONE || c->flag > EG_LADDER_FLAG_YEAR)
		return eg__error(EG_EINVAL, "clause %s: flag %d is not one of eg_ladder_flag", c->rule, c->flag);
	if (c->flag != EG_LADDER_FLAG_NONE && !l->flag_label[0])
		return eg__error(EG_EINVAL, "clause %s needs a flag but ladder %s has no flag label", c->rule, l->name);
	if (c->window_sum && (c->kind == EG_LADDER_CLAUSE_KIND_SINGLE || c->kind == EG_LADDER_CLAUSE_KIND_CONSECUTIVE))
		return eg__error(EG_EINVAL, "clause %s: window_sum applies to window clauses only", c->rule);
	if (c->count < 1 || c->count > HIST || (c->kind == EG_LADDER_CLAUSE_KIND_SINGLE && c->count != 1))
		return eg__error(EG_ERANGE, "clause %s: count %d is not 1-%d (1 for a single-month clause)", c->rule,
				 (int)c->count, HIST);
	if (c->threshold < 0 || c->threshold > VALUE_MAX)
		return eg__error(EG_ERANGE, "clause %s: threshold %lld is out of range", c->rule, (long long)c->threshold);
	if (l->n_clauses == MAX_CLAUSES)
		return eg__error(EG_ERANGE, "ladder %s: at most %d clauses", l->name, MAX_CLAUSES);
	d = &l->clauses[l->n_clauses];
	d->article = d->quote = NULL;
	if (!(d->rule = sdup(c->rule)))
		return eg__error_nomem("adding a clause");
	d->action = a;
	d->kind = c->kind;
	d->count = c->count;
	d->threshold = c->threshold;
	d->window_sum = c->window_sum != 0;
	d->flag = c->flag;
	l->n_clauses++;
	return EG_OK;
}

int eg_ladder_builder_set_clause_source(eg_ladder_builder *b, size_t clause, const char *article, const char *quote)
{
	char *a, *q;
	int rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ladder_builder_set_clause_source: builder is NULL");
	if ((rc = eg__check_text(article, 512, "source article")) < 0 || (rc = eg__check_text(quote, 1024, "source quote")) < 0)
		return rc;
	if (clause >= b->l.n_clauses)
		return eg__error(EG_ENOTFOUND, "ladder %s: clause %zu not found (it has %zu; add it first)", b->l.name, clause,
				 b->l.n_clauses);
	a = sdup(article);
	q = sdup(quote);
	if (!a || !q) {
		eg__free(a);
		eg__free(q);
		return eg__error_nomem("recording a source");
	}
	eg__free(b->l.clauses[clause].article);
	eg__free(b->l.clauses[clause].quote);
	b->l.clauses[clause].article = a;
	b->l.clauses[clause].quote = q;
	return EG_OK;
}

int eg_ladder_build(eg_ladder **out, const eg_ladder_builder *b)
{
	eg_ladder *l;
	int rc;
	if (!out || !b)
		return eg__error(EG_EINVAL, "eg_ladder_build: NULL argument");
	if (b->l.n_clauses == 0)
		return eg__error(EG_EINVAL, "ladder %s has no steps (no clauses)", b->l.name);
	l = eg__calloc(1, sizeof *l);
	if (!l)
		return eg__error_nomem("building a ladder");
	if ((rc = ladder_copy(l, &b->l)) < 0) {
		eg__free(l);
		return rc;
	}
	*out = l;
	return EG_OK;
}

void eg_ladder_free(eg_ladder *l)
{
	if (!l)
		return;
	ladder_clear(l);
	eg__free(l);
}

const char *eg_ladder_name(const eg_ladder *l) { return l ? l->name : NULL; }
size_t eg_ladder_action_count(const eg_ladder *l) { return l ? l->n_actions : 0; }

const char *eg_ladder_action_id(const eg_ladder *l, size_t s)
{
	return l && s < l->n_actions ? l->act_id[s] : NULL;
}

const char *eg_ladder_action_name(const eg_ladder *l, size_t s, int lang)
{
	return l && s < l->n_actions ? l->act_name[s][lang == EG_LANG_EN ? 1 : 0] : NULL;
}

/* ------------------------------------------------------------------ */
/* Presets: read from the shipped scheme documents (data/schemes/)       */
/* ------------------------------------------------------------------ */

int eg_ladder_preset(eg_ladder **out, const char *name)
{
	if (!out || !name)
		return eg__error(EG_EINVAL, "eg_ladder_preset: NULL argument");
	return eg__scheme_preset_ladder(out, name);
}

/* ------------------------------------------------------------------ */
/* State                                                                */
/* ------------------------------------------------------------------ */

typedef struct obs {
	int32_t month;   /* month index */
	int64_t value;
	int64_t aux;     /* share: the month's total; last place: worst rank; bottom-N: units ranked */
	uint32_t holds;  /* bit c: clause c's measure holds this month */
	unsigned char flag;
} obs;

typedef struct unit_hist {
	char *id;
	size_t id_len;
	obs h[HIST]; /* oldest first */
	int n;
} unit_hist;

struct eg_ladder_state {
	const eg_ladder *l;
	int has_last;
	int32_t last;
	char last_s[8];
	unit_hist *units;
	size_t n_units, cap_units;
	eg__hmap index; /* unit ID -> index into units */
};

int eg_ladder_state_new(eg_ladder_state **out, const eg_ladder *l)
{
	eg_ladder_state *s;
	if (!out || !l)
		return eg__error(EG_EINVAL, "eg_ladder_state_new: NULL argument");
	s = eg__calloc(1, sizeof *s);
	if (!s)
		return eg__error_nomem("creating a ladder state");
	s->l = l;
	*out = s;
	return EG_OK;
}

void eg_ladder_state_free(eg_ladder_state *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_units; i++)
		eg__free(s->units[i].id);
	eg__free(s->units);
	eg__hmap_free(&s->index);
	eg__free(s);
}

const char *eg_ladder_state_last_month(const eg_ladder_state *s)
{
	return s && s->has_last ? s->last_s : NULL;
}

/* A unit ID looked up in a state's index (or in a month's units: `ids`). */
typedef struct unit_key {
	const unit_hist *units;
	const char *const *ids;
	const char *id;
	size_t len;
} unit_key;

EG__HMAP_INLINE int unit_is(void *key, uint32_t i)
{
	const unit_key *k = key;
	if (k->ids)
		return strcmp(k->ids[i], k->id) == 0;
	return k->units[i].id_len == k->len && memcmp(k->units[i].id, k->id, k->len) == 0;
}

static long find_unit(const eg_ladder_state *s, const char *id, size_t len)
{
	unit_key k = { s->units, NULL, id, len };
	uint32_t i = eg__hmap_find(&s->index, (uint32_t)eg__hash(id, len), unit_is, &k);
	return i == EG__HMAP_NONE ? -1 : (long)i;
}

int eg_ladder_state_streak(int32_t *months, const eg_ladder_state *s, const char *unit)
{
	const unit_hist *u;
	long k;
	int32_t best = 0;
	if (!months || !s || !unit)
		return eg__error(EG_EINVAL, "eg_ladder_state_streak: NULL argument");
	*months = 0;
	k = find_unit(s, unit, strlen(unit));
	if (k < 0 || !s->has_last)
		return EG_OK;
	u = &s->units[k];
	/* R0.4: a run of calendar months with no gap, ending with the state's last month. */
	if (u->n == 0 || u->h[u->n - 1].month != s->last)
		return EG_OK;
	for (size_t c = 0; c < s->l->n_clauses; c++) {
		uint32_t bit = 1u << c;
		int32_t run = 0;
		if (s->l->clauses[c].kind != EG_LADDER_CLAUSE_KIND_CONSECUTIVE)
			continue;
		for (int i = u->n - 1; i >= 0 && (u->h[i].holds & bit); i--) {
			if (i < u->n - 1 && u->h[i].month != u->h[i + 1].month - 1)
				break;
			run++;
		}
		if (run > best)
			best = run;
	}
	*months = best;
	return EG_OK;
}

/* Index unit `index` (room reserved by reserve_units()). */
static void table_put(eg_ladder_state *s, uint32_t index)
{
	const unit_hist *u = &s->units[index];
	eg__hmap_insert(&s->index, (uint32_t)eg__hash(u->id, u->id_len), index, NULL, NULL);
}

/* Make room for `extra` more units (arrays and index) without visible change. */
static int reserve_units(eg_ladder_state *s, size_t extra)
{
	size_t need = s->n_units + extra;
	unit_hist *t = eg__vec_reserve(s->units, &s->cap_units, need, sizeof *s->units, 16);
	if (!t)
		return eg__error_nomem("growing a ladder state");
	s->units = t;
	return eg__hmap_reserve(&s->index, need, "growing a ladder state");
}

/* ------------------------------------------------------------------ */
/* Outcomes                                                             */
/* ------------------------------------------------------------------ */

typedef struct fired {
	char *rule, *action, *msg[2]; /* one allocation */
	char *article, *quote;        /* the clause's source in it, or NULLs */
} fired;

typedef struct unit_out {
	char *unit;
	int severity;
	fired *f;
	size_t n_f, cap_f;
} unit_out;

struct eg_ladder_outcome {
	const eg_ladder *l;
	unit_out *u;
	size_t n;
};

void eg_ladder_outcome_free(eg_ladder_outcome *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++) {
		for (size_t k = 0; k < o->u[i].n_f; k++)
			eg__free(o->u[i].f[k].rule);
		eg__free(o->u[i].f);
		eg__free(o->u[i].unit);
	}
	eg__free(o->u);
	eg__free(o);
}

size_t eg_ladder_outcome_count(const eg_ladder_outcome *o) { return o ? o->n : 0; }

const char *eg_ladder_outcome_unit(const eg_ladder_outcome *o, size_t i)
{
	return o && i < o->n ? o->u[i].unit : NULL;
}

int eg_ladder_outcome_severity(const eg_ladder_outcome *o, size_t i)
{
	return o && i < o->n ? o->u[i].severity : -1;
}

const char *eg_ladder_outcome_action(const eg_ladder_outcome *o, size_t i)
{
	return o && i < o->n ? o->l->act_id[o->u[i].severity] : NULL;
}

size_t eg_ladder_outcome_clause_count(const eg_ladder_outcome *o, size_t i)
{
	return o && i < o->n ? o->u[i].n_f : 0;
}

const char *eg_ladder_outcome_clause_rule(const eg_ladder_outcome *o, size_t i, size_t k)
{
	return o && i < o->n && k < o->u[i].n_f ? o->u[i].f[k].rule : NULL;
}

const char *eg_ladder_outcome_clause_action(const eg_ladder_outcome *o, size_t i, size_t k)
{
	return o && i < o->n && k < o->u[i].n_f ? o->u[i].f[k].action : NULL;
}

int eg_ladder_outcome_clause_source(const char **article, const char **quote, const eg_ladder_outcome *o, size_t i,
				    size_t k)
{
	if (!article || !quote || !o)
		return eg__error(EG_EINVAL, "eg_ladder_outcome_clause_source: NULL argument");
	if (i >= o->n || k >= o->u[i].n_f)
		return eg__error(EG_ERANGE, "eg_ladder_outcome_clause_source: unit %zu, clause %zu out of range", i, k);
	*article = o->u[i].f[k].article;
	*quote = o->u[i].f[k].quote;
	return EG_OK;
}

const char *eg_ladder_outcome_clause_message(const eg_ladder_outcome *o, size_t i, size_t k, int lang)
{
	return o && i < o->n && k < o->u[i].n_f ? o->u[i].f[k].msg[lang == EG_LANG_EN ? 1 : 0] : NULL;
}

/* ------------------------------------------------------------------ */
/* Judging a month                                                       */
/* ------------------------------------------------------------------ */

/* Does the measure hold for this observation under threshold thr? (R0.1, R0.2) */
static int measure_holds(int measure, int64_t v, int64_t aux, int64_t thr, int64_t tie)
{
	switch (measure) {
	case EG_LADDER_MEASURE_SHARE:
		/* exact: 100·count ≥ p·total (a p·total past INT64_MAX exceeds any 100·count ≤ 10^17) */
		return aux > 0 && thr <= INT64_MAX / aux && 100 * v >= thr * aux;
	case EG_LADDER_MEASURE_AT_LEAST:
		return v >= thr;
	case EG_LADDER_MEASURE_LAST_PLACE:
		return v == aux;                          /* every unit at the worst rank */
	case EG_LADDER_MEASURE_BOTTOM_N:
		return v + tie - 1 >= aux - thr + 1;      /* tie group reaches the worst thr positions */
	default:
		return v != 0;
	}
}

/* One observation, described for a message. */
static void describe(char *buf, size_t sz, const eg_ladder *l, const obs *o, int lang)
{
	char m[8];
	eg__month_format(m, o->month);
	switch (l->measure) {
	case EG_LADDER_MEASURE_SHARE: {
		/* Tenths of a percent, rounded half to even, in integers. */
		int64_t num = 1000 * o->value, q = num / o->aux, r = num % o->aux;
		if (2 * r > o->aux || (2 * r == o->aux && (q & 1)))
			q++;
		snprintf(buf, sz, "%s%s%lld/%lld = %lld.%lld%%", m, lang ? ": " : "：", (long long)o->value,
			 (long long)o->aux, (long long)(q / 10), (long long)(q % 10));
		break;
	}
	case EG_LADDER_MEASURE_LAST_PLACE:
		snprintf(buf, sz, lang ? "%s: rank %lld (last)" : "%s：第%lld名（末位）", m, (long long)o->value);
		break;
	case EG_LADDER_MEASURE_BOTTOM_N:
		snprintf(buf, sz, lang ? "%s: rank %lld of %lld" : "%s：第%lld名（共%lld个）", m, (long long)o->value,
			 (long long)o->aux);
		break;
	case EG_LADDER_MEASURE_FLAG:
		snprintf(buf, sz, "%s%s%s", m, lang ? ": " : "：", l->label[lang]);
		break;
	default:
		snprintf(buf, sz, "%s%s%lld", m, lang ? ": " : "：", (long long)o->value);
		break;
	}
}

static void condition(char *buf, size_t sz, const eg_ladder *l, const lclause *c, int lang)
{
	switch (l->measure) {
	case EG_LADDER_MEASURE_SHARE:
		snprintf(buf, sz, lang ? "≥ %lld%%" : "占比 ≥ %lld%%", (long long)c->threshold);
		break;
	case EG_LADDER_MEASURE_AT_LEAST:
		snprintf(buf, sz, "%s ≥ %lld", l->label[lang], (long long)c->threshold);
		break;
	case EG_LADDER_MEASURE_LAST_PLACE:
		snprintf(buf, sz, "%s", lang ? "last place" : "末位");
		break;
	case EG_LADDER_MEASURE_BOTTOM_N:
		snprintf(buf, sz, lang ? "bottom %lld (ties included)" : "倒数 %lld 名（含并列）", (long long)c->threshold);
		break;
	default:
		snprintf(buf, sz, "%s", l->label[lang]);
		break;
	}
}

/*
 * Judge clause c for a unit whose history (oldest first, the current month
 * last) is h[0..n). On a hit, write the message and return 1.
 */
static int judge(const eg_ladder *l, const lclause *c, uint32_t bit, const obs *h, int n, char *zh, char *en,
		 size_t sz, int quiet)
{
	const obs *cur = &h[n - 1];
	int picks[HIST + 1], np = 0, year = (int)(cur->month / 12);
	int64_t total = 0;
	char cond[2][300], kind[2][160], flag[2][300];

	/* A clause fires in a month where its condition holds (the month that
	 * completes a streak or a count), or, for a year-flag clause, in the
	 * month the flag arrives (an annual target is known late in the year). */
	if (!(cur->holds & bit) && !(c->flag == EG_LADDER_FLAG_YEAR && cur->flag))
		return 0;
	switch (c->kind) {
	case EG_LADDER_CLAUSE_KIND_SINGLE:
		picks[np++] = n - 1;
		break;
	case EG_LADDER_CLAUSE_KIND_CONSECUTIVE:
		/* R0.4: calendar months with no gap, all holding. */
		if (n < c->count)
			return 0;
		for (int k = n - c->count; k < n; k++) {
			if (!(h[k].holds & bit) || (k > n - c->count && h[k].month != h[k - 1].month + 1))
				return 0;
			picks[np++] = k;
		}
		break;
	default:
		for (int k = 0; k < n; k++) {
			int in = c->kind == EG_LADDER_CLAUSE_KIND_ROLLING_12 ? h[k].month > cur->month - 12
								  : (int)(h[k].month / 12) == year;
			if (in && (h[k].holds & bit)) {
				picks[np++] = k;
				total += c->window_sum ? h[k].value : 1;
			}
		}
		if (total < c->count)
			return 0;
		break;
	}
	if (c->flag == EG_LADDER_FLAG_MONTH && !cur->flag)
		return 0;
	if (c->flag == EG_LADDER_FLAG_YEAR) {
		int any = 0;
		for (int k = 0; k < n; k++)
			any |= (int)(h[k].month / 12) == year && h[k].flag;
		if (!any)
			return 0;
	}
	/* Batch evaluation needs the verdict only: no message. */
	if (quiet)
		return 1;
	for (int lang = 0; lang < 2; lang++) {
		condition(cond[lang], sizeof cond[lang], l, c, lang);
		switch (c->kind) {
		case EG_LADDER_CLAUSE_KIND_SINGLE: kind[lang][0] = '\0'; break;
		case EG_LADDER_CLAUSE_KIND_CONSECUTIVE:
			snprintf(kind[lang], sizeof kind[lang], lang ? " %d months running" : "连续 %d 个月", (int)c->count);
			break;
		case EG_LADDER_CLAUSE_KIND_ROLLING_12:
			snprintf(kind[lang], sizeof kind[lang], lang ? " %lld times within 12 months" : "近 12 个月内累计 %lld 次",
				 (long long)total);
			break;
		default:
			snprintf(kind[lang], sizeof kind[lang], lang ? " %lld times this calendar year" : "本年度累计 %lld 次",
				 (long long)total);
			break;
		}
		if (c->flag != EG_LADDER_FLAG_NONE)
			snprintf(flag[lang], sizeof flag[lang], lang ? ", and %s" : "，且%s", l->flag_label[lang]);
		else
			flag[lang][0] = '\0';
	}
	{
		size_t oz = 0, oe = 0;
		zh[0] = en[0] = '\0';
		for (int k = 0; k < np; k++) {
			char d[128];
			describe(d, sizeof d, l, &h[picks[k]], 0);
			if (oz < sz)
				oz += (size_t)snprintf(zh + oz, sz - oz, "%s%s", k ? "，" : "", d);
			describe(d, sizeof d, l, &h[picks[k]], 1);
			if (oe < sz)
				oe += (size_t)snprintf(en + oe, sz - oe, "%s%s", k ? ", " : "", d);
		}
		if (oz < sz)
			snprintf(zh + oz, sz - oz, "；%s%s%s → %s（%s）", kind[0], cond[0], flag[0], l->act_name[c->action][0], c->rule);
		if (oe < sz)
			snprintf(en + oe, sz - oe, ", %s%s%s → %s (%s)", cond[1], kind[1], flag[1], l->act_name[c->action][1], c->rule);
	}
	return 1;
}

static int add_fired(unit_out *u, const eg_ladder *l, const lclause *c, const char *zh, const char *en)
{
	const char *act = l->act_id[c->action];
	size_t lr = strlen(c->rule) + 1, la = strlen(act) + 1, lz = strlen(zh) + 1, le = strlen(en) + 1;
	size_t ls = c->article ? strlen(c->article) + 1 : 0, lq = c->article ? strlen(c->quote) + 1 : 0;
	fired *t = eg__vec_reserve(u->f, &u->cap_f, u->n_f + 1, sizeof *u->f, 4);
	char *mem;
	if (!t)
		return eg__error_nomem("recording ladder clauses");
	u->f = t;
	mem = eg__malloc(lr + la + lz + le + ls + lq);
	if (!mem)
		return eg__error_nomem("recording ladder clauses");
	t[u->n_f].rule = memcpy(mem, c->rule, lr);
	t[u->n_f].action = memcpy(mem + lr, act, la);
	t[u->n_f].msg[0] = memcpy(mem + lr + la, zh, lz);
	t[u->n_f].msg[1] = memcpy(mem + lr + la + lz, en, le);
	t[u->n_f].article = ls ? memcpy(mem + lr + la + lz + le, c->article, ls) : NULL;
	t[u->n_f].quote = ls ? memcpy(mem + lr + la + lz + le + ls, c->quote, lq) : NULL;
	u->n_f++;
	if (c->action > u->severity)
		u->severity = c->action;
	return EG_OK;
}

/*
 * eg_ladder_step(); quiet (eg_ladder_evaluate_table()) keeps the verdicts
 * and severities but formats no message and records no clause.
 */
static int step_impl(eg_ladder_outcome **out, eg_ladder_state *s, const char *month, const char *const *units,
		     const int64_t *values, const int *flags, size_t n, int quiet)
{
	const eg_ladder *l;
	eg_ladder_outcome *o = NULL;
	obs *fresh = NULL;
	long *where = NULL;
	eg__hmap seen = { NULL, 0 };
	size_t n_new = 0;
	int32_t mi;
	int64_t total = 0, worst = 0;
	int rc = EG_OK;
	char zh[2048], en[2048];

	if (!out || !s || (n && (!units || !values)))
		return eg__error(EG_EINVAL, "eg_ladder_step: NULL argument");
	l = s->l;
	if (!month || eg__month_parse(&mi, month) < 0)
		return eg__error(EG_EINVAL, "month \"%.20s\" is not YYYY-MM", month ? month : "(null)");
	if (s->has_last && mi <= s->last)
		return eg__error(EG_ESTATE, "month %s does not come after %s: months must be in order, each once (R0.4)",
				 month, s->last_s);
	if (n > UINT32_MAX / 4)
		return eg__error(EG_ERANGE, "too many units (%zu)", n);
	/* Validate every unit before anything changes. */
	rc = eg__hmap_reserve(&seen, n, "judging a month");
	where = eg__malloc((n ? n : 1) * sizeof *where);
	fresh = eg__calloc(n ? n : 1, sizeof *fresh);
	if (rc < 0 || !where || !fresh) {
		rc = eg__error_nomem("judging a month");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		unit_key k = { NULL, units, units[i], 0 };
		if ((rc = eg__check_text(units[i], 64, "unit ID")) < 0)
			goto done;
		k.len = strlen(units[i]);
		if (eg__hmap_insert(&seen, (uint32_t)eg__hash(units[i], k.len), (uint32_t)i, unit_is, &k) != EG__HMAP_NONE) {
			rc = eg__error(EG_EEXISTS, "%s: unit %s is given twice", month, units[i]);
			goto done;
		}
		if (values[i] < 0 || values[i] > VALUE_MAX) {
			rc = eg__error(values[i] < 0 ? EG_EINVAL : EG_ERANGE, "%s: value %lld of unit %s is %s", month,
				       (long long)values[i], units[i], values[i] < 0 ? "negative" : "too large");
			goto done;
		}
		if ((l->measure == EG_LADDER_MEASURE_LAST_PLACE || l->measure == EG_LADDER_MEASURE_BOTTOM_N) &&
		    (values[i] < 1 || (size_t)values[i] > n)) {
			rc = eg__error(EG_EINVAL, "%s: rank %lld of unit %s is not 1-%zu", month, (long long)values[i],
				       units[i], n);
			goto done;
		}
		total += values[i];
		if (values[i] > worst)
			worst = values[i];
		where[i] = find_unit(s, units[i], k.len);
		n_new += where[i] < 0;
	}
	if (total > VALUE_MAX) {
		rc = eg__error(EG_ERANGE, "%s: the month's total %lld is too large", month, (long long)total);
		goto done;
	}
	/* The month's observations. */
	for (size_t i = 0; i < n; i++) {
		obs *f = &fresh[i];
		int64_t tie = 0;
		f->month = mi;
		f->value = values[i];
		f->flag = flags && flags[i] ? 1 : 0;
		f->aux = l->measure == EG_LADDER_MEASURE_SHARE ? total : l->measure == EG_LADDER_MEASURE_LAST_PLACE ? worst : (int64_t)n;
		if (l->measure == EG_LADDER_MEASURE_BOTTOM_N)
			for (size_t k = 0; k < n; k++)
				tie += values[k] == values[i];
		for (size_t c = 0; c < l->n_clauses; c++)
			if (measure_holds(l->measure, f->value, f->aux, l->clauses[c].threshold, tie))
				f->holds |= 1u << c;
	}
	/* Judge each unit on its history plus this month. */
	o = eg__calloc(1, sizeof *o);
	if (!o || !(o->u = eg__calloc(n ? n : 1, sizeof *o->u))) {
		rc = eg__error_nomem("judging a month");
		goto done;
	}
	o->l = l;
	for (size_t i = 0; i < n; i++) {
		obs h[HIST + 1];
		int hn = 0;
		unit_out *u = &o->u[o->n++];
		if (!(u->unit = eg__strndup(units[i], strlen(units[i])))) {
			rc = eg__error_nomem("judging a month");
			goto done;
		}
		if (where[i] >= 0) {
			const unit_hist *uh = &s->units[where[i]];
			memcpy(h, uh->h, (size_t)uh->n * sizeof *h);
			hn = uh->n;
		}
		h[hn++] = fresh[i];
		for (size_t c = 0; c < l->n_clauses; c++) {
			if (!judge(l, &l->clauses[c], 1u << c, h, hn, zh, en, sizeof zh, quiet))
				continue;
			if (quiet) {
				if (l->clauses[c].action > u->severity)
					u->severity = l->clauses[c].action;
			} else if ((rc = add_fired(u, l, &l->clauses[c], zh, en)) < 0) {
				goto done;
			}
		}
	}
	/* Commit: reserve, copy new IDs, then append (nothing below can fail). */
	if ((rc = reserve_units(s, n_new)) < 0)
		goto done;
	{
		char **ids = eg__calloc(n_new ? n_new : 1, sizeof *ids);
		size_t j = 0;
		if (!ids) {
			rc = eg__error_nomem("judging a month");
			goto done;
		}
		for (size_t i = 0; i < n; i++)
			if (where[i] < 0 && !(ids[j++] = eg__strndup(units[i], strlen(units[i])))) {
				for (size_t k = 0; k < j; k++)
					eg__free(ids[k]);
				eg__free(ids);
				rc = eg__error_nomem("judging a month");
				goto done;
			}
		j = 0;
		for (size_t i = 0; i < n; i++) {
			unit_hist *uh;
			if (where[i] < 0) {
				uh = &s->units[s->n_units];
				memset(uh, 0, sizeof *uh);
				uh->id = ids[j++];
				uh->id_len = strlen(uh->id);
				table_put(s, (uint32_t)s->n_units);
				s->n_units++;
			} else {
				uh = &s->units[where[i]];
			}
			if (uh->n == HIST) {
				memmove(uh->h, uh->h + 1, (HIST - 1) * sizeof *uh->h);
				uh->n--;
			}
			uh->h[uh->n++] = fresh[i];
		}
		eg__free(ids);
	}
	s->has_last = 1;
	s->last = mi;
	eg__month_format(s->last_s, mi);
	*out = o;
	o = NULL;
done:
	eg_ladder_outcome_free(o);
	eg__hmap_free(&seen);
	eg__free(where);
	eg__free(fresh);
	return rc;
}

int eg_ladder_step_options_init(eg_ladder_step_options *opts, unsigned int version)
{
	static const eg_ladder_step_options init = EG_LADDER_STEP_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_ladder_step_options_init: opts is NULL");
	if (version != EG_LADDER_STEP_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_ladder_step_options_init: unknown version %u (this library knows %u)", version,
				 EG_LADDER_STEP_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_ladder_step(eg_ladder_outcome **out, eg_ladder_state *s, const char *month, const eg_ladder_step_options *opts)
{
	if (!opts)
		return eg__error(EG_EINVAL, "eg_ladder_step: opts is NULL (initialise it with EG_LADDER_STEP_OPTIONS_INIT)");
	if (opts->version != EG_LADDER_STEP_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_ladder_step: opts->version %u is not %u (initialise it with EG_LADDER_STEP_OPTIONS_INIT)",
				 opts->version, EG_LADDER_STEP_OPTIONS_VERSION);
	return step_impl(out, s, month, opts->units, opts->values, opts->flags, opts->n_units, 0);
}

/* ------------------------------------------------------------------ */
/* Serialisation                                                          */
/* ------------------------------------------------------------------ */

/*
 * Format (version 1), one record per line, fields separated by one space:
 *   ecogrid-ladder-state 1
 *   ladder <bytes>:<name>
 *   last <YYYY-MM | ->
 *   units <count>
 *   unit <bytes>:<id> <observations>
 *   o <YYYY-MM> <value> <aux> <flag 0|1> <holds, decimal>
 * Strings are length-prefixed so that any UTF-8 ID round-trips.
 */
int eg_ladder_state_serialize(char **out, const eg_ladder_state *s)
{
	size_t cap = 128 + strlen(s ? s->l->name : ""), o = 0;
	char *buf;
	if (!out || !s)
		return eg__error(EG_EINVAL, "eg_ladder_state_serialize: NULL argument");
	for (size_t i = 0; i < s->n_units; i++)
		cap += 32 + s->units[i].id_len + (size_t)s->units[i].n * 80;
	buf = eg__malloc(cap);
	if (!buf)
		return eg__error_nomem("serialising a ladder state");
	o += (size_t)snprintf(buf + o, cap - o, "ecogrid-ladder-state 1\nladder %zu:%s\nlast %s\nunits %zu\n",
			      strlen(s->l->name), s->l->name, s->has_last ? s->last_s : "-", s->n_units);
	for (size_t i = 0; i < s->n_units; i++) {
		const unit_hist *u = &s->units[i];
		o += (size_t)snprintf(buf + o, cap - o, "unit %zu:%s %d\n", u->id_len, u->id, u->n);
		for (int k = 0; k < u->n; k++) {
			char m[8];
			eg__month_format(m, u->h[k].month);
			o += (size_t)snprintf(buf + o, cap - o, "o %s %lld %lld %d %lu\n", m, (long long)u->h[k].value,
					      (long long)u->h[k].aux, u->h[k].flag, (unsigned long)u->h[k].holds);
		}
	}
	*out = buf;
	return EG_OK;
}

typedef struct cursor {
	const char *p, *end;
	unsigned line;
} cursor;

static int expect(cursor *c, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0)
		return eg__error(EG_EPARSE, "ladder state line %u: expected \"%s\"", c->line, lit);
	c->p += n;
	return EG_OK;
}

static int read_int(cursor *c, int64_t *v, int64_t lo, int64_t hi)
{
	int64_t x = 0;
	int neg = 0, digits = 0;
	if (c->p < c->end && *c->p == '-') {
		neg = 1;
		c->p++;
	}
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		if (x > (INT64_MAX - 9) / 10)
			return eg__error(EG_EPARSE, "ladder state line %u: number too large", c->line);
		x = x * 10 + (*c->p++ - '0');
		digits++;
	}
	if (!digits)
		return eg__error(EG_EPARSE, "ladder state line %u: expected a number", c->line);
	x = neg ? -x : x;
	if (x < lo || x > hi)
		return eg__error(EG_EPARSE, "ladder state line %u: %lld is out of range", c->line, (long long)x);
	*v = x;
	return EG_OK;
}

static int read_str(cursor *c, const char **s, size_t *len)
{
	int64_t n;
	int rc;
	if ((rc = read_int(c, &n, 1, 256)) < 0 || (rc = expect(c, ":")) < 0)
		return rc;
	if (c->end - c->p < n)
		return eg__error(EG_EPARSE, "ladder state line %u: string runs past the end", c->line);
	*s = c->p;
	*len = (size_t)n;
	c->p += n;
	return EG_OK;
}

static int read_month(cursor *c, int32_t *mi)
{
	char m[8];
	if (c->end - c->p < 7)
		return eg__error(EG_EPARSE, "ladder state line %u: expected YYYY-MM", c->line);
	memcpy(m, c->p, 7);
	m[7] = '\0';
	if (eg__month_parse(mi, m) < 0)
		return eg__error(EG_EPARSE, "ladder state line %u: \"%s\" is not YYYY-MM", c->line, m);
	c->p += 7;
	return EG_OK;
}

static int eol(cursor *c)
{
	int rc = expect(c, "\n");
	c->line++;
	return rc;
}

/* The clauses whose measure holds for an observation (not for BOTTOM_N, which needs the month's ties). */
static uint32_t holds_of(const eg_ladder *l, const obs *ob)
{
	uint32_t h = 0;
	for (size_t k = 0; k < l->n_clauses; k++)
		if (measure_holds(l->measure, ob->value, ob->aux, l->clauses[k].threshold, 0))
			h |= 1u << k;
	return h;
}

int eg_ladder_state_parse(eg_ladder_state **out, const eg_ladder *l, const char *text, size_t len)
{
	eg_ladder_state *s = NULL;
	cursor c;
	const char *str = NULL;
	size_t slen = 0;
	int64_t n_units;
	int rc;
	if (!out || !l || (!text && len))
		return eg__error(EG_EINVAL, "eg_ladder_state_parse: NULL argument");
	if (!eg__utf8_valid(text, len, NULL))
		return eg__error(EG_EUTF8, "ladder state is not valid UTF-8");
	c.p = text;
	c.end = text + len;
	c.line = 1;
	if ((rc = eg_ladder_state_new(&s, l)) < 0)
		return rc;
	if ((rc = expect(&c, "ecogrid-ladder-state 1")) < 0 || (rc = eol(&c)) < 0 || (rc = expect(&c, "ladder ")) < 0 ||
	    (rc = read_str(&c, &str, &slen)) < 0 || (rc = eol(&c)) < 0)
		goto fail;
	if (slen != strlen(l->name) || memcmp(str, l->name, slen) != 0) {
		rc = eg__error(EG_EINVAL, "ladder state belongs to ladder %.*s, not %s", (int)slen, str, l->name);
		goto fail;
	}
	if ((rc = expect(&c, "last ")) < 0)
		goto fail;
	if (c.p < c.end && *c.p == '-') {
		c.p++;
	} else {
		if ((rc = read_month(&c, &s->last)) < 0)
			goto fail;
		s->has_last = 1;
		eg__month_format(s->last_s, s->last);
	}
	if ((rc = eol(&c)) < 0 || (rc = expect(&c, "units ")) < 0 || (rc = read_int(&c, &n_units, 0, UINT32_MAX / 4)) < 0 ||
	    (rc = eol(&c)) < 0)
		goto fail;
	/* Each unit takes a line of at least 11 bytes ("unit 1:x 0\n"): a count the
	 * text cannot hold is an error, not a reservation of gigabytes. */
	if (n_units > (c.end - c.p) / 11) {
		rc = eg__error(EG_EPARSE, "ladder state line %u: %lld units do not fit in the %lld bytes left", c.line - 1,
			       (long long)n_units, (long long)(c.end - c.p));
		goto fail;
	}
	if ((rc = reserve_units(s, (size_t)n_units)) < 0)
		goto fail;
	for (int64_t i = 0; i < n_units; i++) {
		unit_hist *u = &s->units[s->n_units];
		int64_t n_obs;
		memset(u, 0, sizeof *u);
		if ((rc = expect(&c, "unit ")) < 0 || (rc = read_str(&c, &str, &slen)) < 0)
			goto fail;
		if ((rc = eg__check_text_n(str, slen, 64, "unit ID")) < 0 || find_unit(s, str, slen) >= 0) {
			rc = eg__error(EG_EPARSE, "ladder state line %u: bad or repeated unit ID", c.line);
			goto fail;
		}
		if ((rc = expect(&c, " ")) < 0 || (rc = read_int(&c, &n_obs, 0, HIST)) < 0 || (rc = eol(&c)) < 0)
			goto fail;
		if (!(u->id = eg__strndup(str, slen))) {
			rc = eg__error_nomem("parsing a ladder state");
			goto fail;
		}
		u->id_len = slen;
		table_put(s, (uint32_t)s->n_units);
		s->n_units++;
		for (int64_t k = 0; k < n_obs; k++) {
			obs *ob = &u->h[u->n];
			int64_t flag, holds;
			if ((rc = expect(&c, "o ")) < 0 || (rc = read_month(&c, &ob->month)) < 0 || (rc = expect(&c, " ")) < 0 ||
			    (rc = read_int(&c, &ob->value, 0, VALUE_MAX)) < 0 || (rc = expect(&c, " ")) < 0 ||
			    (rc = read_int(&c, &ob->aux, 0, VALUE_MAX)) < 0 || (rc = expect(&c, " ")) < 0 ||
			    (rc = read_int(&c, &flag, 0, 1)) < 0 || (rc = expect(&c, " ")) < 0 ||
			    (rc = read_int(&c, &holds, 0, UINT32_MAX)) < 0 || (rc = eol(&c)) < 0)
				goto fail;
			if ((u->n > 0 && ob->month <= u->h[u->n - 1].month) || !s->has_last || ob->month > s->last) {
				rc = eg__error(EG_EPARSE, "ladder state line %u: observation months out of order", c.line - 1);
				goto fail;
			}
			/* A clause marked as held must exist and, except for BOTTOM_N (whose
			 * ties are not kept), hold for the value and total: otherwise it
			 * would fire on nothing, e.g. on a share of 0/0. */
			if (l->measure == EG_LADDER_MEASURE_BOTTOM_N ? l->n_clauses < 32 && (holds >> l->n_clauses) != 0
							       : ((uint32_t)holds & ~holds_of(l, ob)) != 0) {
				rc = eg__error(EG_EPARSE, "ladder state line %u: clauses held (%lld) that do not hold for the values",
					       c.line - 1, (long long)holds);
				goto fail;
			}
			ob->flag = (unsigned char)flag;
			ob->holds = (uint32_t)holds;
			u->n++;
		}
	}
	if (c.p != c.end) {
		rc = eg__error(EG_EPARSE, "ladder state line %u: unexpected text after the last unit", c.line);
		goto fail;
	}
	*out = s;
	return EG_OK;
fail:
	eg_ladder_state_free(s);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Batch: a series of months for groups of units                        */
/* ------------------------------------------------------------------ */

/*
 * Observations kept per unit in the batch: HIST of history and the month
 * judged are a window sliding along this buffer, moved back to its start
 * when it reaches the end (once in HBUF - HIST months), instead of the
 * state's shift of the whole history every month.
 */
#define HBUF (2 * HIST)

typedef struct bunit {
	int s, n; /* the unit's history is buf[s .. s + n) of its HBUF */
} bunit;

/*
 * One group through the months: exactly what stepping a fresh state with
 * step_impl(quiet) month by month gives (the same checks in the same
 * order, so the same first error and message; the same observations and
 * judge()), without the state's per-month index, copies and allocations:
 * the group's IDs are checked once (they do not change between months)
 * and each unit's history stays in place.
 */
static int evaluate_group(int32_t *severity, const eg_ladder *l, int32_t m0, size_t n_months,
			  const char *const *units, size_t n, const int64_t *values, const int *flags, size_t stride,
			  obs *buf, bunit *bu, size_t *tie, eg__hmap *seen)
{
	uint32_t year_flag = 0; /* the clauses judged when a flag arrives (EG_LADDER_FLAG_YEAR) */
	int64_t lim[MAX_CLAUSES];
	int rc;
	for (size_t c = 0; c < l->n_clauses; c++)
		if (l->clauses[c].flag == EG_LADDER_FLAG_YEAR)
			year_flag |= 1u << c;
	if (n > UINT32_MAX / 4)
		return eg__error(EG_ERANGE, "too many units (%zu)", n);
	memset(seen->slot, 0, seen->cap * sizeof *seen->slot);
	for (size_t i = 0; i < n; i++)
		bu[i].s = bu[i].n = 0;
	for (size_t m = 0; m < n_months; m++) {
		const int64_t *v = values + m * stride;
		const int *fl = flags ? flags + m * stride : NULL;
		int32_t *sev = severity + m * stride;
		int32_t mi = m0 + (int32_t)m;
		int64_t total = 0, worst = 0, scale = 1;
		char month[8];
		month[0] = '\0';
		/* step_impl()'s checks, unit by unit; a group's IDs passed in its first month pass in every month. */
		for (size_t i = 0; i < n; i++) {
			if (m == 0) {
				unit_key k = { NULL, units, units[i], 0 };
				if ((rc = eg__check_text(units[i], 64, "unit ID")) < 0)
					return rc;
				k.len = strlen(units[i]);
				if (eg__hmap_insert(seen, (uint32_t)eg__hash(units[i], k.len), (uint32_t)i, unit_is, &k) !=
				    EG__HMAP_NONE) {
					eg__month_format(month, mi);
					return eg__error(EG_EEXISTS, "%s: unit %s is given twice", month, units[i]);
				}
			}
			if (v[i] < 0 || v[i] > VALUE_MAX) {
				eg__month_format(month, mi);
				return eg__error(v[i] < 0 ? EG_EINVAL : EG_ERANGE, "%s: value %lld of unit %s is %s", month,
						 (long long)v[i], units[i], v[i] < 0 ? "negative" : "too large");
			}
			if ((l->measure == EG_LADDER_MEASURE_LAST_PLACE || l->measure == EG_LADDER_MEASURE_BOTTOM_N) &&
			    (v[i] < 1 || (size_t)v[i] > n)) {
				eg__month_format(month, mi);
				return eg__error(EG_EINVAL, "%s: rank %lld of unit %s is not 1-%zu", month, (long long)v[i],
						 units[i], n);
			}
			total += v[i];
			if (v[i] > worst)
				worst = v[i];
		}
		if (total > VALUE_MAX) {
			eg__month_format(month, mi);
			return eg__error(EG_ERANGE, "%s: the month's total %lld is too large", month, (long long)total);
		}
		/*
		 * measure_holds() for this month's values, as a limit per clause:
		 * clause c holds for value v when scale·v ≥ lim[c] (v is 0..VALUE_MAX).
		 * SHARE: 100·v ≥ p·total, never when total is 0 or p·total passes
		 * INT64_MAX (then above any 100·v ≤ 10^17). AT_LEAST: v ≥ threshold.
		 * LAST_PLACE: v = worst, i.e. v ≥ worst (no value is above it).
		 * FLAG: v ≠ 0, i.e. v ≥ 1. BOTTOM_N needs each value's ties: below.
		 */
		for (size_t c = 0; c < l->n_clauses; c++) {
			int64_t thr = l->clauses[c].threshold;
			switch (l->measure) {
			case EG_LADDER_MEASURE_SHARE:
				scale = 100;
				lim[c] = total > 0 && thr <= INT64_MAX / total ? thr * total : INT64_MAX;
				break;
			case EG_LADDER_MEASURE_AT_LEAST: lim[c] = thr; break;
			case EG_LADDER_MEASURE_LAST_PLACE: lim[c] = worst; break;
			default: lim[c] = 1; break;
			}
		}
		/* BOTTOM_N: the units sharing each rank (ranks are 1..n, checked above). */
		if (l->measure == EG_LADDER_MEASURE_BOTTOM_N) {
			memset(tie, 0, (n + 1) * sizeof *tie);
			for (size_t i = 0; i < n; i++)
				tie[v[i]]++;
		}
		for (size_t i = 0; i < n; i++) {
			bunit *b = &bu[i];
			obs *h, *f;
			uint32_t todo;
			int severity_i = 0;
			if (b->s + b->n == HBUF) {
				memmove(buf + i * HBUF, buf + i * HBUF + b->s, (size_t)b->n * sizeof *buf);
				b->s = 0;
			}
			h = buf + i * HBUF + b->s;
			f = &h[b->n];
			memset(f, 0, sizeof *f);
			f->month = mi;
			f->value = v[i];
			f->flag = fl && fl[i] ? 1 : 0;
			f->aux = l->measure == EG_LADDER_MEASURE_SHARE        ? total
				 : l->measure == EG_LADDER_MEASURE_LAST_PLACE ? worst
									      : (int64_t)n;
			if (l->measure == EG_LADDER_MEASURE_BOTTOM_N) {
				for (size_t c = 0; c < l->n_clauses; c++)
					if (measure_holds(l->measure, f->value, f->aux, l->clauses[c].threshold, (int64_t)tie[v[i]]))
						f->holds |= 1u << c;
			} else {
				int64_t sv = scale * v[i];
				for (size_t c = 0; c < l->n_clauses; c++)
					f->holds |= (uint32_t)(sv >= lim[c]) << c;
			}
			/* judge() fires only clause c whose measure holds this month, or
			 * a year-flag clause when the flag arrives; a clause whose action
			 * is no worse than one already fired cannot raise the severity. */
			todo = f->holds | (f->flag ? year_flag : 0);
			for (size_t c = 0; todo >> c; c++)
				if ((todo >> c & 1u) && l->clauses[c].action > severity_i &&
				    judge(l, &l->clauses[c], 1u << c, h, b->n + 1, NULL, NULL, 0, 1))
					severity_i = l->clauses[c].action;
			sev[i] = (int32_t)severity_i;
			if (b->n == HIST)
				b->s++;
			else
				b->n++;
		}
	}
	return EG_OK;
}

int eg_ladder_evaluate_table(int32_t *severity, const eg_ladder *l, const char *first_month, size_t n_months,
			     const char *const *units, const size_t *group_sizes, size_t n_groups,
			     const int64_t *values, const int *flags, size_t n_units)
{
	int32_t m0;
	size_t covered = 0, whole = n_units, off = 0, largest = 0;
	obs *buf = NULL;
	bunit *bu = NULL;
	size_t *tie = NULL;
	eg__hmap seen = { NULL, 0 };
	int rc = EG_OK;
	if (!severity || !l || !first_month || (n_units && (!units || !values)) || (n_groups && !group_sizes))
		return eg__error(EG_EINVAL, "eg_ladder_evaluate_table: NULL argument");
	if (eg__month_parse(&m0, first_month) < 0)
		return eg__error(EG_EINVAL, "month \"%.20s\" is not YYYY-MM", first_month);
	if (n_months > 12000 || (int64_t)m0 + (int64_t)n_months > (int64_t)9999 * 12 + 12)
		return eg__error(EG_ERANGE, "eg_ladder_evaluate_table: %zu months from %s run past 9999-12", n_months,
				 first_month);
	if (!group_sizes) {
		group_sizes = &whole;
		n_groups = n_units ? 1 : 0;
	}
	for (size_t g = 0; g < n_groups; g++) {
		if (group_sizes[g] == 0)
			return eg__error(EG_EINVAL, "eg_ladder_evaluate_table: group %zu is empty", g);
		covered += group_sizes[g];
		if (group_sizes[g] > largest)
			largest = group_sizes[g];
	}
	if (covered != n_units)
		return eg__error(EG_EINVAL, "eg_ladder_evaluate_table: the groups cover %zu units, not %zu", covered,
				 n_units);
	if (n_months == 0 || n_groups == 0)
		return EG_OK;
	/* Each group as a fresh state stepped month by month (step_impl), in one set of buffers. */
	if (largest > UINT32_MAX / 4)
		return eg__error(EG_ERANGE, "too many units (%zu)", largest);
	if (largest > SIZE_MAX / sizeof *buf / HBUF ||
	    !(buf = eg__malloc(largest * HBUF * sizeof *buf)) || !(bu = eg__malloc(largest * sizeof *bu)) ||
	    !(tie = eg__malloc((largest + 1) * sizeof *tie)) || eg__hmap_reserve(&seen, largest, "judging a month") < 0) {
		rc = eg__error_nomem("judging a month");
		goto done;
	}
	for (size_t g = 0; g < n_groups && rc == EG_OK; off += group_sizes[g], g++)
		rc = evaluate_group(severity + off, l, m0, n_months, units + off, group_sizes[g], values + off,
				    flags ? flags + off : NULL, n_units, buf, bu, tie, &seen);
done:
	eg__free(buf);
	eg__free(bu);
	eg__free(tie);
	eg__hmap_free(&seen);
	return rc;
}
