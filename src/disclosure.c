/*
 * Disclosure (JM-2.1, JM-2.1.1, JM-2.1.2, JM-2.2 (2), CJ-A2-5.3): the
 * deadlines of the quarterly cycle (the 3rd, the 15th) and the status of
 * each disclosed record, its JM-2.1.1 content, the JM-2.1 top N and
 * the grid-head disclosure.
 */
#include <ecogrid/disclosure.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"
#include "util/vec.h"
#include "records_internal.h"

/* ------------------------------------------------------------------ */
/* JM-2.1.2 quarterly updates                                             */
/* ------------------------------------------------------------------ */

int eg_disclosure_options_init(eg_disclosure_options *opts, unsigned int ver)
{
	static const eg_disclosure_options init = EG_DISCLOSURE_OPTIONS_INIT;
	if (!opts || ver != EG_DISCLOSURE_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_disclosure_options_init: NULL options or version %u (this library knows %d)",
				 ver, EG_DISCLOSURE_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

static const char *const step_field[3] = { "quarter", "listed", "published" };

static int check_options(const eg_disclosure_options *o)
{
	if (o->version != EG_DISCLOSURE_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "disclosure options version %u is not %d", o->version, EG_DISCLOSURE_OPTIONS_VERSION);
	if (o->step < EG_DISCLOSURE_STEP_DISTRICT_UPDATE || o->step > EG_DISCLOSURE_STEP_DISTRICT_PUBLICATION)
		return eg__error(EG_EINVAL, "disclosure step %d is not one of eg_disclosure_step", o->step);
	return EG_OK;
}

/* JM-2.1.2: the 3rd (district update) or the 15th (city list, district
 * publication) of the month after the quarter; "前" read as "by" (R0.3) or,
 * as an option, "before". */
static int deadline_days(int64_t *out, int year, int quarter, const eg_disclosure_options *o)
{
	int day = o->step == EG_DISCLOSURE_STEP_DISTRICT_UPDATE ? 3 : 15;
	if (quarter < 1 || quarter > 4 || year < 1 || year > 9998)
		return eg__error(EG_EINVAL, "JM-2.1.2 deadline: year %d quarter %d", year, quarter);
	*out = quarter == 4 ? eg__days_from_civil(year + 1, 1, day) : eg__days_from_civil(year, quarter * 3 + 1, day);
	if (o->before)
		--*out;
	return EG_OK;
}

int eg_disclosure_deadline(char *date, int year, int quarter, const eg_disclosure_options *opts)
{
	static const eg_disclosure_options defaults = EG_DISCLOSURE_OPTIONS_INIT;
	const eg_disclosure_options *o = opts ? opts : &defaults;
	int64_t d = 0; /* set by deadline_days() on success; 0 keeps GCC -O3 from warning */
	int rc;
	if (!date)
		return eg__error(EG_EINVAL, "eg_disclosure_deadline: NULL date");
	if ((rc = check_options(o)) < 0 || (rc = deadline_days(&d, year, quarter, o)) < 0)
		return rc;
	eg__date_format(date, d);
	return EG_OK;
}

int eg_disclosure_district_deadline(char *date, int year, int quarter)
{
	if (!date || quarter < 1 || quarter > 4 || year < 1 || year > 9998)
		return eg__error(EG_EINVAL, "eg_disclosure_district_deadline: year %d quarter %d", year, quarter);
	return eg_disclosure_deadline(date, year, quarter, NULL);
}

/* JM-2.1.1: name, district, category and target in every version judged;
 * progress too in a version that reports a quarter. */
static int content_check(const char *id, const version *v)
{
	static const char *const need[4] = { "name", "district", "category", "target" };
	char missing[96] = "";
	int reports = 0;
	for (int k = 0; k < 4; k++) {
		const char *val = eg__records_field(v, need[k]);
		if (!val || !*val)
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s", *missing ? ", " : "",
				 need[k]);
	}
	for (int k = 0; k < 3; k++)
		reports |= eg__records_field(v, step_field[k]) != NULL;
	if (reports) {
		const char *p = eg__records_field(v, "progress");
		if (!p || !*p)
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%sprogress", *missing ? ", " : "");
	}
	if (*missing)
		return eg__error(EG_EINVAL, "record %.64s (version of %s) lacks the JM-2.1.1 content: %s", id, v->time,
				 missing);
	return EG_OK;
}

int eg_disclosure_record_check(const eg_records *r, const char *id, const char *as_of)
{
	const record *rec;
	const version *v;
	int64_t t = INT64_MAX;
	if (!r || !id)
		return eg__error(EG_EINVAL, "eg_disclosure_record_check: NULL argument");
	if (as_of && eg__datetime_parse(&t, as_of) < 0)
		return eg__error(EG_EINVAL, "eg_disclosure_record_check: \"%.20s\" is not YYYY-MM-DD HH:MM", as_of);
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "record %.64s not found", id);
	if (!(v = eg__records_as_of(rec, t)))
		return eg__error(EG_ENOTFOUND, "record %.64s has no version yet at %s", id, as_of);
	return content_check(id, v);
}

int eg_disclosure_update_status(int *status, int32_t *late_days, const eg_records *r, const char *id, int year, int quarter)
{
	return eg_disclosure_update_check(status, late_days, r, id, year, quarter, NULL);
}

/* The first version whose `field` names the quarter q, or NULL. */
static const version *first_reporting(const record *rec, const char *key, const char *q)
{
	for (size_t k = 0; k < rec->nv; k++) {
		const char *v = eg__records_field(&rec->v[k], key);
		if (v && strcmp(v, q) == 0)
			return &rec->v[k];
	}
	return NULL;
}

/* A record's status for a step whose deadline is the day `deadline` (days since 1970-01-01). */
static int update_check_at(int *status, int32_t *late_days, const eg_records *r, const char *id, int year, int quarter,
			   const eg_disclosure_options *o, int64_t deadline)
{
	const record *rec;
	const version *done;
	char q[16];
	int64_t deadline_end;
	int rc;
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "record %.64s not found", id);
	snprintf(q, sizeof q, "%04dQ%d", year, quarter);
	done = first_reporting(rec, step_field[o->step], q);
	/* JM-2.1.1: the content is checked where it is judged, so that a late
	 * update is never filed under an empty 市（区）. */
	if ((rc = content_check(id, done ? done : &rec->v[rec->nv - 1])) < 0)
		return rc;
	if (o->step == EG_DISCLOSURE_STEP_DISTRICT_PUBLICATION && o->same_day) {
		/* Option: "同步" as the same calendar day as the city's list. */
		const version *city = first_reporting(rec, step_field[EG_DISCLOSURE_STEP_CITY_LIST], q);
		int64_t cd = city ? (city->t >= 0 ? city->t : city->t - 1439) / 1440 : INT64_MAX;
		if (cd < deadline)
			deadline = cd;
	}
	deadline_end = (deadline + 1) * 1440; /* R0.3: the whole last day counts */
	if (!done) {
		/* A record first listed after the deadline's day was not on the list
		 * when the step was due, so it owed nothing for this quarter. */
		*status = rec->v[0].t >= deadline_end ? EG_DISCLOSURE_UPDATE_NOT_DUE : EG_DISCLOSURE_UPDATE_MISSING;
		*late_days = 0;
	} else if (done->t < deadline_end) {
		*status = EG_DISCLOSURE_UPDATE_ON_TIME;
		*late_days = 0;
	} else {
		*status = EG_DISCLOSURE_UPDATE_LATE;
		*late_days = (int32_t)((done->t - deadline_end) / 1440 + 1);
	}
	return EG_OK;
}

int eg_disclosure_update_check(int *status, int32_t *late_days, const eg_records *r, const char *id, int year,
			       int quarter, const eg_disclosure_options *opts)
{
	static const eg_disclosure_options defaults = EG_DISCLOSURE_OPTIONS_INIT;
	const eg_disclosure_options *o = opts ? opts : &defaults;
	int64_t deadline = 0; /* as in eg_disclosure_deadline() */
	int rc;
	if (!status || !late_days || !r || !id)
		return eg__error(EG_EINVAL, "eg_disclosure_update_check: NULL argument");
	if ((rc = check_options(o)) < 0 || (rc = deadline_days(&deadline, year, quarter, o)) < 0)
		return rc;
	return update_check_at(status, late_days, r, id, year, quarter, o, deadline);
}

int eg__disclosure_update_due(int *status, int32_t *late_days, const eg_records *r, const char *id, int year, int quarter,
			      const char *due)
{
	static const eg_disclosure_options o = EG_DISCLOSURE_OPTIONS_INIT;
	int64_t deadline;
	if (quarter < 1 || quarter > 4 || year < 1 || year > 9998)
		return eg__error(EG_EINVAL, "JM-2.1.2 deadline: year %d quarter %d", year, quarter);
	if (eg__date_parse(&deadline, due) < 0)
		return eg__error(EG_EINVAL, "JM-2.1.2 deadline: \"%.20s\" is not a date", due);
	return update_check_at(status, late_days, r, id, year, quarter, &o, deadline);
}

/* ------------------------------------------------------------------ */
/* CJ-A2-5.3 grid-head disclosure                                          */
/* ------------------------------------------------------------------ */

typedef struct heads_item {
	int kind;
	char *node, *name; /* one block: node, name, message zh, message en */
	char effective[11], due[11];
	int64_t late_days;
	char *msg[2];
} heads_item;

struct eg_disclosure_heads {
	int met;
	heads_item *items;
	size_t n, cap;
};

void eg_disclosure_heads_free(eg_disclosure_heads *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->n; i++)
		eg__free(h->items[i].node);
	eg__free(h->items);
	eg__free(h);
}

int eg_disclosure_heads_met(const eg_disclosure_heads *h) { return h ? h->met : -1; }
size_t eg_disclosure_heads_count(const eg_disclosure_heads *h) { return h ? h->n : 0; }
#define HI_OK(h, i) ((h) && (i) < (h)->n)
int eg_disclosure_heads_kind(const eg_disclosure_heads *h, size_t i) { return HI_OK(h, i) ? h->items[i].kind : -1; }
const char *eg_disclosure_heads_node(const eg_disclosure_heads *h, size_t i) { return HI_OK(h, i) ? h->items[i].node : NULL; }
const char *eg_disclosure_heads_name(const eg_disclosure_heads *h, size_t i) { return HI_OK(h, i) ? h->items[i].name : NULL; }
const char *eg_disclosure_heads_effective(const eg_disclosure_heads *h, size_t i) { return HI_OK(h, i) ? h->items[i].effective : NULL; }
const char *eg_disclosure_heads_due(const eg_disclosure_heads *h, size_t i) { return HI_OK(h, i) ? h->items[i].due : NULL; }
int64_t eg_disclosure_heads_late_days(const eg_disclosure_heads *h, size_t i) { return HI_OK(h, i) ? h->items[i].late_days : -1; }
const char *eg_disclosure_heads_message(const eg_disclosure_heads *h, size_t i, int lang)
{
	return HI_OK(h, i) ? h->items[i].msg[lang == EG_LANG_EN ? 1 : 0] : NULL;
}

int eg_disclosure_change_init(eg_disclosure_change *change, unsigned int ver)
{
	static const eg_disclosure_change init = EG_DISCLOSURE_CHANGE_INIT;
	if (!change || ver != EG_DISCLOSURE_CHANGE_VERSION)
		return eg__error(EG_EINVAL, "eg_disclosure_change_init: NULL change or version %u (this library knows %d)", ver,
				 EG_DISCLOSURE_CHANGE_VERSION);
	*change = init;
	return EG_OK;
}

int eg_disclosure_heads_options_init(eg_disclosure_heads_options *opts, unsigned int ver)
{
	static const eg_disclosure_heads_options init = EG_DISCLOSURE_HEADS_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_options_init: opts is NULL");
	if (ver != EG_DISCLOSURE_HEADS_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_options_init: unknown version %u (this library knows %u)", ver,
				 EG_DISCLOSURE_HEADS_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

static int add_item(eg_disclosure_heads *h, int kind, const char *node, const char *name, int64_t eff, int64_t due,
		    int64_t late, const char *zh, const char *en)
{
	heads_item *it;
	size_t ln = strlen(node) + 1, lm = strlen(name) + 1, lz = strlen(zh) + 1, le = strlen(en) + 1;
	{
		heads_item *ni = eg__vec_reserve(h->items, &h->cap, h->n + 1, sizeof *h->items, 8);
		if (!ni)
			return eg__error_nomem("checking the disclosure (CJ-A2-5.3)");
		h->items = ni;
	}
	it = &h->items[h->n];
	memset(it, 0, sizeof *it);
	if (!(it->node = eg__malloc(ln + lm + lz + le)))
		return eg__error_nomem("checking the disclosure (CJ-A2-5.3)");
	memcpy(it->node, node, ln);
	it->name = memcpy(it->node + ln, name, lm);
	it->msg[0] = memcpy(it->node + ln + lm, zh, lz);
	it->msg[1] = memcpy(it->node + ln + lm + lz, en, le);
	it->kind = kind;
	if (kind == EG_DISCLOSURE_PROBLEM_LATE) {
		eg__date_format(it->effective, eff);
		eg__date_format(it->due, due);
	}
	it->late_days = late;
	h->n++;
	return EG_OK;
}

/* Is node nd the unit or under it? */
static int under(const eg_node *nd, const eg_node *unit)
{
	for (; nd; nd = eg_node_parent(nd))
		if (nd == unit)
			return 1;
	return 0;
}

/* A change applies to item 3 (with the options): heads at levels 2-4 (key
 * grids by option), sub-heads at levels 2-3, channels of the unit,
 * supervisors by option. Returns 1, 0 (out of scope), or a negative code. */
static int change_in_scope(const eg_disclosure_change *c, size_t i, const eg_node *nd, const eg_node *unit,
			   const eg_disclosure_heads_options *o)
{
	int lv = eg_node_level(nd);
	if (!under(nd, unit))
		return eg__error(EG_EINVAL, "change %zu: node %s is not under the unit %s (CJ-A2-5.3)", i, c->node,
				 eg_node_id(unit));
	switch (c->role) {
	case EG_DISCLOSURE_ROLE_HEAD:
		if (lv < EG_LEVEL_COUNTY || lv > EG_LEVEL_VILLAGE)
			return eg__error(EG_EINVAL, "change %zu: a grid head of %s, which is not at levels 2-4", i, c->node);
		return eg_node_kind(nd) != EG_KIND_KEY_GRID || o->key_grids;
	case EG_DISCLOSURE_ROLE_SUBHEAD:
		if (lv != EG_LEVEL_COUNTY && lv != EG_LEVEL_TOWNSHIP)
			return eg__error(EG_EINVAL, "change %zu: a sub-grid head of %s, which is not at level 2 or 3", i, c->node);
		return 1;
	case EG_DISCLOSURE_ROLE_CHANNEL:
		if (nd != unit)
			return eg__error(EG_EINVAL, "change %zu: a complaint channel belongs to the unit %s, not %s", i,
					 eg_node_id(unit), c->node);
		return 1;
	case EG_DISCLOSURE_ROLE_SUPERVISOR:
		return o->supervisors != 0;
	default:
		return eg__error(EG_EINVAL, "change %zu: role %d is not one of eg_disclosure_role", i, c->role);
	}
}

typedef struct pub_entry {
	const eg_node *node;
	int role;
	const char *name;
	int64_t published;
	int action;
	size_t order;
} pub_entry;

static int cmp_pub(const void *x, const void *y)
{
	const pub_entry *a = x, *b = y;
	if (a->published != b->published)
		return a->published < b->published ? -1 : 1;
	return (a->order > b->order) - (a->order < b->order);
}

int eg_disclosure_heads_check(eg_disclosure_heads **out, const eg_grid *g, const char *unit_id, const char *month,
			      const eg_disclosure_heads_options *o)
{
	static const char *const role_zh[4] = { "网格长", "分网格长", "投诉举报方式", "网格监督员" };
	static const char *const role_en[4] = { "grid head", "sub-grid head", "complaint channel", "supervisor" };
	const eg_node *unit, **nodes = NULL;
	eg_disclosure_heads *h = NULL;
	pub_entry *pub = NULL;
	size_t npub = 0, *head_count = NULL, n_nodes;
	int32_t mi;
	int64_t first, last;
	int y, m, rc;
	if (!out || !g || !unit_id || !month || !o)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_check: NULL argument");
	if (o->version != EG_DISCLOSURE_HEADS_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_check: opts->version %u is not %u (initialise it with EG_DISCLOSURE_HEADS_OPTIONS_INIT)",
				 o->version, EG_DISCLOSURE_HEADS_OPTIONS_VERSION);
	if (o->n_changes && !o->changes)
		return eg__error(EG_EINVAL, "eg_disclosure_heads_check: %zu changes but no array", o->n_changes);
	if (o->limit < EG_DISCLOSURE_LIMIT_WORKDAYS || o->limit > EG_DISCLOSURE_LIMIT_DAYS || o->days < 0 || o->days > 366)
		return eg__error(EG_EINVAL, "CJ-A2-5.3: limit %d of %d days is not one of eg_disclosure_limit with 0-366 days",
				 o->limit, (int)o->days);
	if (o->limit == EG_DISCLOSURE_LIMIT_WORKDAYS && !o->workdays)
		return eg__error(EG_EINVAL, "CJ-A2-5.3: %d working days need the caller's working-day calendar (R0.9(a))", (int)o->days);
	if (eg__month_parse(&mi, month) < 0)
		return eg__error(EG_EINVAL, "CJ-A2-5.3: month \"%.20s\" is not YYYY-MM", month);
	y = mi / 12, m = mi % 12 + 1;
	if (y < 1 || y > 9998)
		return eg__error(EG_EINVAL, "CJ-A2-5.3: month %s out of range", month);
	first = eg__days_from_civil(y, m, 1);
	last = eg__days_from_civil(y, m, eg__days_in_month(y, m));
	if ((rc = eg_grid_lookup(&unit, g, unit_id)) < 0)
		return rc;
	if (eg_node_level(unit) != EG_LEVEL_COUNTY)
		return eg__error(EG_ELEVEL, "node %s is not a level-2 unit (CJ-A2-5.3)", unit_id);
	n_nodes = eg_grid_size(g);
	h = eg__calloc(1, sizeof *h);
	pub = eg__malloc((o->n_changes ? o->n_changes : 1) * sizeof *pub);
	head_count = eg__calloc(n_nodes ? n_nodes : 1, sizeof *head_count);
	nodes = eg__malloc((o->n_changes ? o->n_changes : 1) * sizeof *nodes);
	if (!h || !pub || !head_count || !nodes) {
		rc = eg__error_nomem("checking the disclosure (CJ-A2-5.3)");
		goto fail;
	}
	/* Validate every change first: nothing is judged on bad input. */
	for (size_t i = 0; i < o->n_changes; i++) {
		const eg_disclosure_change *c = &o->changes[i];
		int64_t e, p;
		if (c->version != EG_DISCLOSURE_CHANGE_VERSION) {
			rc = eg__error(EG_EINVAL, "change %zu: version %u is not %d", i, c->version, EG_DISCLOSURE_CHANGE_VERSION);
			goto fail;
		}
		if ((rc = eg__check_text(c->node, 64, "change node")) < 0 || (rc = eg__check_text(c->name, 256, "change name")) < 0)
			goto fail;
		if ((rc = eg_grid_lookup(&nodes[i], g, c->node)) < 0)
			goto fail;
		if (c->action != EG_DISCLOSURE_ACTION_APPOINT && c->action != EG_DISCLOSURE_ACTION_REMOVE) {
			rc = eg__error(EG_EINVAL, "change %zu: action %d is not one of eg_disclosure_action", i, c->action);
			goto fail;
		}
		if (!c->effective || eg__date_parse(&e, c->effective) < 0 || (c->published && eg__date_parse(&p, c->published) < 0)) {
			rc = eg__error(EG_EINVAL, "change %zu (%s): effective \"%.20s\" or published \"%.20s\" is not YYYY-MM-DD", i,
				       c->name, c->effective ? c->effective : "(null)", c->published ? c->published : "(null)");
			goto fail;
		}
		if ((rc = change_in_scope(c, i, nodes[i], unit, o)) < 0)
			goto fail;
	}
	/* Each change past its limit and unpublished on some day of the month. */
	for (size_t i = 0; i < o->n_changes; i++) {
		const eg_disclosure_change *c = &o->changes[i];
		int64_t e, p = INT64_MAX, due, late = 0;
		int is_late;
		eg__date_parse(&e, c->effective);
		if (c->published)
			eg__date_parse(&p, c->published);
		if (change_in_scope(c, i, nodes[i], unit, o) != 1 || e > last)
			continue;
		if (o->limit == EG_DISCLOSURE_LIMIT_SNAPSHOT) {
			/* Option (1): only the list on the last day counts, with no grace. */
			due = last;
			is_late = p > last;
			if (is_late)
				late = (c->published && p <= last ? p : last) - e;
		} else {
			if (o->limit == EG_DISCLOSURE_LIMIT_NEXT_MONTH) {
				int ey, em, ed;
				eg__civil_from_days(e, &ey, &em, &ed);
				if (em == 12)
					ey++, em = 1;
				else
					em++;
				due = eg__days_from_civil(ey, em, eg__days_in_month(ey, em));
			} else if (o->limit == EG_DISCLOSURE_LIMIT_DAYS) {
				due = e + o->days;
			} else {
				char d[11];
				if ((rc = eg_duty_due_date(d, c->effective, EG_DUTY_UNIT_WORKDAYS, o->days, o->workdays, 0)) < 0)
					goto fail;
				eg__date_parse(&due, d);
			}
			/* Late on a day d of M when d > due and the change was not yet
			 * published when d began (d <= the day published). */
			{
				int64_t lo = due + 1 > first ? due + 1 : first, hi = p < last ? p : last;
				is_late = lo <= hi;
			}
			if (is_late)
				late = (c->published && p <= last ? p : last) - due;
		}
		if (is_late) {
			char zh[700], en[700], eff[11], dd[11];
			eg__date_format(eff, e);
			eg__date_format(dd, due);
			if (c->published) {
				snprintf(zh, sizeof zh, "%s %s%s %s（%s 起）应于 %s 前公开，%s 才公开，逾期 %lld 天（CJ-A2-5.3）", c->node,
					 role_zh[c->role], c->action == EG_DISCLOSURE_ACTION_REMOVE ? "调离" : "任职", c->name, eff, dd,
					 c->published, (long long)late);
				snprintf(en, sizeof en, "%s: %s %s %s from %s, due %s, published %s: %lld day(s) late (CJ-A2-5.3)",
					 c->node, role_en[c->role], c->name,
					 c->action == EG_DISCLOSURE_ACTION_REMOVE ? "removed" : "appointed", eff, dd, c->published,
					 (long long)late);
			} else {
				snprintf(zh, sizeof zh, "%s %s%s %s（%s 起）应于 %s 前公开，至月末仍未公开，逾期 %lld 天（CJ-A2-5.3）",
					 c->node, role_zh[c->role], c->action == EG_DISCLOSURE_ACTION_REMOVE ? "调离" : "任职", c->name,
					 eff, dd, (long long)late);
				snprintf(en, sizeof en, "%s: %s %s %s from %s, due %s, still unpublished at the month's end: %lld day(s) late (CJ-A2-5.3)",
					 c->node, role_en[c->role], c->name,
					 c->action == EG_DISCLOSURE_ACTION_REMOVE ? "removed" : "appointed", eff, dd, (long long)late);
			}
			if ((rc = add_item(h, EG_DISCLOSURE_PROBLEM_LATE, c->node, c->name, e, due, late, zh, en)) < 0)
				goto fail;
		}
	}
	/* The published list on the month's last day: changes published by then, in publication order. */
	for (size_t i = 0; i < o->n_changes; i++) {
		const eg_disclosure_change *c = &o->changes[i];
		int64_t p;
		if (!c->published || (eg__date_parse(&p, c->published), p > last))
			continue;
		pub[npub].node = nodes[i], pub[npub].role = c->role, pub[npub].name = c->name, pub[npub].published = p;
		pub[npub].action = c->action, pub[npub].order = i;
		npub++;
	}
	if (npub) /* qsort() takes no NULL array, even empty */
		qsort(pub, npub, sizeof *pub, cmp_pub);
	{
		size_t channels = 0;
		/* An entry is in force when its last published change (by publication
		 * date, then input order) is an appointment. */
		for (size_t i = 0; i < npub; i++) {
			int superseded = pub[i].action == EG_DISCLOSURE_ACTION_REMOVE;
			for (size_t k = i + 1; !superseded && k < npub; k++)
				superseded = pub[k].node == pub[i].node && pub[k].role == pub[i].role &&
					     strcmp(pub[k].name, pub[i].name) == 0;
			if (superseded)
				continue;
			if (pub[i].role == EG_DISCLOSURE_ROLE_HEAD)
				head_count[eg_node_index(pub[i].node)]++;
			else if (pub[i].role == EG_DISCLOSURE_ROLE_CHANNEL)
				channels++;
		}
		/* (a) both heads of every grid at levels 2-4 under the unit. */
		for (size_t i = 0; i < n_nodes; i++) {
			const eg_node *nd = eg_grid_node_at(g, i);
			int lv = eg_node_level(nd);
			char zh[400], en[400];
			if (lv < EG_LEVEL_COUNTY || lv > EG_LEVEL_VILLAGE || !under(nd, unit) ||
			    (eg_node_kind(nd) == EG_KIND_KEY_GRID && !o->key_grids) || head_count[i] >= 2)
				continue;
			snprintf(zh, sizeof zh, "%s（%s）月末公开的网格长 %zu 名，应为双网格长 2 名（CJ-A2-5.3 (a)）", eg_node_id(nd),
				 eg_node_name(nd), head_count[i]);
			snprintf(en, sizeof en, "%s (%s): %zu grid head(s) published at the month's end, both of the dual heads required (CJ-A2-5.3 (a))",
				 eg_node_id(nd), eg_node_name(nd), head_count[i]);
			if ((rc = add_item(h, EG_DISCLOSURE_PROBLEM_HEADS, eg_node_id(nd), "", 0, 0, 0, zh, en)) < 0)
				goto fail;
		}
		/* (c) at least one complaint channel. */
		if (channels == 0) {
			char zh[300], en[300];
			snprintf(zh, sizeof zh, "%s 月末未公开生态环境污染投诉举报方式（CJ-A2-5.3 (c)）", unit_id);
			snprintf(en, sizeof en, "%s: no channel for pollution complaints published at the month's end (CJ-A2-5.3 (c))", unit_id);
			if ((rc = add_item(h, EG_DISCLOSURE_PROBLEM_CHANNEL, unit_id, "", 0, 0, 0, zh, en)) < 0)
				goto fail;
		}
	}
	h->met = h->n == 0;
	eg__free(pub);
	eg__free(head_count);
	eg__free(nodes);
	*out = h;
	return EG_OK;
fail:
	eg__free(pub);
	eg__free(head_count);
	eg__free(nodes);
	eg_disclosure_heads_free(h);
	return rc;
}

/* ------------------------------------------------------------------ */
/* JM-2.1 top N                                                           */
/* ------------------------------------------------------------------ */

typedef struct ranked_item {
	const char *id;
	int64_t m;
	size_t index;
} ranked_item;

static int cmp_ranked_item(const void *x, const void *y)
{
	const ranked_item *a = x, *b = y;
	if (a->m != b->m)
		return a->m < b->m ? 1 : -1;
	return strcmp(a->id, b->id);
}

/* JM-2.1: top N by a measure, ties with the N-th all taken. */
int eg_disclosure_top_n(size_t *out, size_t *count, const char *const *ids, const int64_t *measure, size_t n, size_t top)
{
	ranked_item *it;
	size_t k;
	int rc;
	if (!out || !count || (n && (!ids || !measure)) || top == 0)
		return eg__error(EG_EINVAL, "eg_disclosure_top_n: NULL argument or top 0");
	for (size_t i = 0; i < n; i++)
		if ((rc = eg__check_text(ids[i], 64, "ID")) < 0)
			return rc;
	it = eg__malloc((n ? n : 1) * sizeof *it);
	if (!it)
		return eg__error_nomem("selecting the top N");
	for (size_t i = 0; i < n; i++) {
		it[i].id = ids[i];
		it[i].m = measure[i];
		it[i].index = i;
	}
	/* Duplicates first, on the IDs alone (measures set equal for the sort). */
	for (size_t i = 0; i < n; i++)
		it[i].m = 0;
	qsort(it, n, sizeof *it, cmp_ranked_item);
	for (size_t i = 1; i < n; i++)
		if (strcmp(it[i].id, it[i - 1].id) == 0) {
			rc = eg__error(EG_EINVAL, "ID %s is listed twice", it[i].id);
			eg__free(it);
			return rc;
		}
	for (size_t i = 0; i < n; i++)
		it[i].m = measure[it[i].index];
	qsort(it, n, sizeof *it, cmp_ranked_item);
	k = top < n ? top : n;
	while (k > 0 && k < n && it[k].m == it[k - 1].m)
		k++;
	for (size_t i = 0; i < k; i++)
		out[i] = it[i].index;
	*count = k;
	eg__free(it);
	return EG_OK;
}
