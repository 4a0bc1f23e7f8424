/*
 * YL rectification ledgers (YL-2, YL-4, YL-5.3, YL-5.5): problems kept in a
 * record store, the close-out workflow with its evidence (the principal's
 * signature, the acceptance report, the public notice) and who may take each
 * step, extensions by the office only, overdue problems, the summary and the
 * problems clearly behind per lead unit, and quantified targets.
 */
#include <ecogrid/ledger.h>

#include <string.h>

#include "util/date.h"
#include "util/error.h"
#include "util/text.h"
#include "records_internal.h"

static const char *const state_names[6] = { "open", "rectifying", "verified", "applied", "reviewed", "closed" };

const char *eg_ledger_state_name(int s)
{
	return s >= 0 && s < 6 ? state_names[s] : NULL;
}

static int state_of(const version *v)
{
	const char *s = eg__records_field(v, "state");
	for (int k = 0; s && k < 6; k++)
		if (strcmp(s, state_names[k]) == 0)
			return k;
	return -1;
}

static int ledger_open(eg_records *r, const char *id, const char *time, const char *actor, const char *lead_unit,
		       const char *target, const char *deadline)
{
	const char *keys[] = { "state", "lead_unit", "target", "deadline" };
	const char *vals[] = { "open", lead_unit, target, deadline };
	int64_t d;
	int rc;
	if (!r || !id)
		return eg__error(EG_EINVAL, "eg_ledger_open: NULL argument");
	if (eg__records_find(r, id))
		return eg__error(EG_EEXISTS, "problem %.64s is already in the ledger (YL-2)", id);
	if ((rc = eg__check_text(lead_unit, 256, "lead unit")) < 0 || (rc = eg__check_text(target, 4096, "target")) < 0)
		return rc;
	if (!deadline || eg__date_parse(&d, deadline) < 0)
		return eg__error(EG_EINVAL, "problem %s: deadline \"%.20s\" is not YYYY-MM-DD", id, deadline ? deadline : "(null)");
	return eg__records_put(r, id, time, actor, "registered (YL-2)", keys, vals, 4);
}

int eg_ledger_open_options_init(eg_ledger_open_options *opts, unsigned int ver)
{
	static const eg_ledger_open_options init = EG_LEDGER_OPEN_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_ledger_open_options_init: opts is NULL");
	if (ver != EG_LEDGER_OPEN_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_ledger_open_options_init: unknown version %u (this library knows %u)", ver,
				 EG_LEDGER_OPEN_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_ledger_open(eg_records *r, const char *id, const char *time, const char *actor, const eg_ledger_open_options *opts)
{
	if (!opts)
		return eg__error(EG_EINVAL, "eg_ledger_open: opts is NULL (initialise it with EG_LEDGER_OPEN_OPTIONS_INIT)");
	if (opts->version != EG_LEDGER_OPEN_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_ledger_open: opts->version %u is not %u (initialise it with EG_LEDGER_OPEN_OPTIONS_INIT)",
				 opts->version, EG_LEDGER_OPEN_OPTIONS_VERSION);
	return ledger_open(r, id, time, actor, opts->lead_unit, opts->target, opts->deadline);
}

int eg_ledger_step_options_init(eg_ledger_step_options *opts, unsigned int ver)
{
	static const eg_ledger_step_options init = EG_LEDGER_STEP_OPTIONS_INIT;
	if (!opts || ver != EG_LEDGER_STEP_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_ledger_step_options_init: NULL options or version %u (this library knows %d)",
				 ver, EG_LEDGER_STEP_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

/* The rectification office: the actor that registered the problem (YL-2). */
static const char *office_of(const record *rec)
{
	return rec->v[0].actor;
}

/* A date of the evidence: "YYYY-MM-DD", not after the step's day. */
static int evidence_date(int64_t *d, const char *id, const char *what, const char *s, int64_t step_day)
{
	if (!s || eg__date_parse(d, s) < 0)
		return eg__error(EG_EINVAL, "problem %s: %s \"%.20s\" is not YYYY-MM-DD (YL-5.5)", id, what, s ? s : "(null)");
	if (*d > step_day)
		return eg__error(EG_EINVAL, "problem %s: %s %s is after the step (YL-5.5)", id, what, s);
	return EG_OK;
}

/* YL-5.5 close-out workflow: may the problem move to `to`? (its current state in *from) */
static int check_move(int *from, const record *rec, const char *id, int to)
{
	/* Rows: from, columns: to. */
	static const unsigned char allowed[6][6] = {
		/* open */ { 0, 1, 0, 0, 0, 0 },
		/* rectifying */ { 0, 0, 1, 0, 0, 0 },
		/* verified */ { 0, 0, 0, 1, 0, 0 },
		/* applied */ { 0, 1, 0, 0, 1, 0 },
		/* reviewed */ { 0, 1, 0, 0, 0, 1 },
		/* closed */ { 0, 0, 0, 0, 0, 0 },
	};
	if (to < 0 || to > 5)
		return eg__error(EG_EINVAL, "problem %s: state %d is not one of eg_ledger_state", id, to);
	*from = state_of(&rec->v[rec->nv - 1]);
	if (*from < 0 || !allowed[*from][to])
		return eg__error(EG_ESTATE, "problem %s: %s -> %s is not allowed (YL-5.5)%s", id,
				 *from < 0 ? "?" : state_names[*from], state_names[to],
				 *from == EG_LEDGER_STATE_CLOSED ? "; a closed problem is archived" : "");
	return EG_OK;
}

int eg_ledger_step(eg_records *r, const char *id, int to, const eg_ledger_step_options *o)
{
	const record *rec;
	const char *keys[4], *vals[4], *lead;
	size_t nk = 0;
	int64_t t, day, d1, d2;
	int from, rc;
	if (!r || !id || !o)
		return eg__error(EG_EINVAL, "eg_ledger_step: NULL argument");
	if (o->version != EG_LEDGER_STEP_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_ledger_step: opts->version %u is not %d", o->version, EG_LEDGER_STEP_OPTIONS_VERSION);
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "problem %.64s not found", id);
	if ((rc = check_move(&from, rec, id, to)) < 0)
		return rc;
	if (!o->time || eg__datetime_parse(&t, o->time) < 0)
		return eg__error(EG_EINVAL, "problem %s: time \"%.20s\" is not YYYY-MM-DD HH:MM", id, o->time ? o->time : "(null)");
	if ((rc = eg__check_text(o->actor, 256, "actor")) < 0)
		return rc;
	day = t >= 0 ? t / 1440 : (t - 1439) / 1440;
	lead = eg__records_field(&rec->v[rec->nv - 1], "lead_unit");
	keys[nk] = "state", vals[nk++] = state_names[to];
	switch (to) {
	case EG_LEDGER_STATE_VERIFIED:
		/* 「牵头单位主要负责同志现场验收签字」: the lead unit's principal, on site, signed. */
		if (!lead || strcmp(o->actor, lead) != 0)
			return eg__error(EG_ESTATE, "problem %s: the on-site verification is the lead unit's (%s), not %s's (YL-5.5)",
					 id, lead ? lead : "?", o->actor);
		if ((rc = eg__check_text(o->principal, 256, "principal who signed (YL-5.5)")) < 0 ||
		    (rc = evidence_date(&d1, id, "signing day", o->signed_on, day)) < 0)
			return rc;
		keys[nk] = "principal", vals[nk++] = o->principal;
		keys[nk] = "signed_on", vals[nk++] = o->signed_on;
		break;
	case EG_LEDGER_STATE_APPLIED:
		if (!lead || strcmp(o->actor, lead) != 0)
			return eg__error(EG_ESTATE, "problem %s: the close-out is applied for by the lead unit (%s), not %s (YL-5.5)",
					 id, lead ? lead : "?", o->actor);
		if ((rc = eg__check_text(o->acceptance, 1024, "acceptance opinion and report (YL-5.5)")) < 0)
			return rc;
		keys[nk] = "acceptance", vals[nk++] = o->acceptance;
		break;
	case EG_LEDGER_STATE_CLOSED:
		/* The office publicises (公示) before the problem is archived. */
		if ((rc = evidence_date(&d1, id, "first day of the public notice (公示)", o->notice_from, day)) < 0 ||
		    (rc = evidence_date(&d2, id, "last day of the public notice (公示)", o->notice_to, day)) < 0)
			return rc;
		if (d2 < d1)
			return eg__error(EG_EINVAL, "problem %s: the public notice ends on %s, before it begins on %s (YL-5.5)", id,
					 o->notice_to, o->notice_from);
		keys[nk] = "notice_from", vals[nk++] = o->notice_from;
		keys[nk] = "notice_to", vals[nk++] = o->notice_to;
		/* fall through: closing is the office's */
		/* FALLTHROUGH */
	case EG_LEDGER_STATE_REVIEWED:
		if (strcmp(o->actor, office_of(rec)) != 0)
			return eg__error(EG_ESTATE, "problem %s: the review and the archive are the rectification office's (%s), not %s's (YL-5.5)",
					 id, office_of(rec), o->actor);
		break;
	default: /* rectifying: started by the lead unit, or sent back by the office */
		if (from != EG_LEDGER_STATE_OPEN && strcmp(o->actor, office_of(rec)) != 0)
			return eg__error(EG_ESTATE, "problem %s: only the rectification office (%s) sends a problem back (YL-5.5)", id,
					 office_of(rec));
		break;
	}
	return eg__records_put(r, id, o->time, o->actor, o->reason, keys, vals, nk);
}

int eg_ledger_transition(eg_records *r, const char *id, const char *time, const char *actor, int to, const char *reason)
{
	eg_ledger_step_options o = EG_LEDGER_STEP_OPTIONS_INIT;
	const record *rec;
	int from, rc;
	if (!r || !id)
		return eg__error(EG_EINVAL, "eg_ledger_transition: NULL argument");
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "problem %.64s not found", id);
	if ((rc = check_move(&from, rec, id, to)) < 0)
		return rc;
	if (to == EG_LEDGER_STATE_VERIFIED || to == EG_LEDGER_STATE_APPLIED || to == EG_LEDGER_STATE_CLOSED)
		return eg__error(EG_EINVAL, "problem %s: %s needs its evidence (%s; YL-5.5): use eg_ledger_step", id,
				 state_names[to],
				 to == EG_LEDGER_STATE_VERIFIED ? "the principal's on-site signature"
				 : to == EG_LEDGER_STATE_APPLIED ? "the acceptance opinion and report"
								  : "the public notice (公示)");
	o.time = time, o.actor = actor, o.reason = reason;
	return eg_ledger_step(r, id, to, &o);
}

int eg_ledger_extend(eg_records *r, const char *id, const char *time, const char *actor, const char *new_deadline,
		     const char *reason)
{
	const record *rec;
	const char *key = "deadline", *old;
	int64_t a, b;
	if (!r || !id || !new_deadline || !actor)
		return eg__error(EG_EINVAL, "eg_ledger_extend: NULL argument");
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "problem %.64s not found", id);
	if (state_of(&rec->v[rec->nv - 1]) == EG_LEDGER_STATE_CLOSED)
		return eg__error(EG_ESTATE, "problem %s is closed; its deadline cannot change (YL-5.5)", id);
	/* Not any actor: the lead unit cannot move its own deadline. */
	if (strcmp(actor, office_of(rec)) != 0)
		return eg__error(EG_ESTATE, "problem %s: only the rectification office that registered it (%s) may extend its deadline, not %s",
				 id, office_of(rec), actor);
	old = eg__records_field(&rec->v[rec->nv - 1], "deadline");
	if (eg__date_parse(&b, new_deadline) < 0 || !old || eg__date_parse(&a, old) < 0 || b <= a)
		return eg__error(EG_EINVAL, "problem %s: new deadline %.20s must be a date after %s", id, new_deadline,
				 old ? old : "(none)");
	return eg__records_put(r, id, time, actor, reason, &key, &new_deadline, 1);
}

int eg_ledger_status(int *state, int *overdue, const eg_records *r, const char *id, const char *on_date)
{
	const record *rec;
	const version *v;
	const char *dl;
	int64_t day, d;
	if (!state || !overdue || !r || !id || !on_date)
		return eg__error(EG_EINVAL, "eg_ledger_status: NULL argument");
	if (eg__date_parse(&day, on_date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not YYYY-MM-DD", on_date);
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "problem %.64s not found", id);
	if (!(v = eg__records_as_of(rec, (day + 1) * 1440 - 1)))
		return eg__error(EG_ENOTFOUND, "problem %s was not registered yet on %s", id, on_date);
	*state = state_of(v);
	dl = eg__records_field(v, "deadline");
	*overdue = *state != EG_LEDGER_STATE_CLOSED && dl && eg__date_parse(&d, dl) == 0 && day > d;
	return EG_OK;
}

/* YL-5.3: the monthly progress summary per lead unit. */
int eg_ledger_summary(size_t *counts, const eg_records *r, const char *const *units, size_t n_units, const char *on_date)
{
	int64_t day;
	if (!counts || !r || (n_units && !units) || !on_date)
		return eg__error(EG_EINVAL, "eg_ledger_summary: NULL argument");
	if (eg__date_parse(&day, on_date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not YYYY-MM-DD", on_date);
	memset(counts, 0, 3 * n_units * sizeof *counts);
	for (size_t i = 0; i < r->n; i++) {
		const version *v = eg__records_as_of(&r->rec[i], (day + 1) * 1440 - 1);
		const char *lead = v ? eg__records_field(v, "lead_unit") : NULL;
		int st, od;
		if (!lead)
			continue;
		for (size_t u = 0; u < n_units; u++)
			if (units[u] && strcmp(units[u], lead) == 0 &&
			    eg_ledger_status(&st, &od, r, r->rec[i].id, on_date) == EG_OK) {
				counts[3 * u]++;
				counts[3 * u + 1] += st == EG_LEDGER_STATE_CLOSED;
				counts[3 * u + 2] += od != 0;
			}
	}
	return EG_OK;
}

/* YL-5.3: clearly behind in a month: past the deadline in force on some day and not closed that day. */
int eg_ledger_behind(size_t *behind, const eg_records *r, const char *const *units, size_t n_units, const char *month)
{
	int32_t mi;
	int64_t first, last;
	int y, m;
	if (!behind || !r || (n_units && !units) || !month)
		return eg__error(EG_EINVAL, "eg_ledger_behind: NULL argument");
	if (eg__month_parse(&mi, month) < 0 || mi / 12 < 1 || mi / 12 > 9998)
		return eg__error(EG_EINVAL, "YL-5.3: month \"%.20s\" is not YYYY-MM", month);
	y = mi / 12, m = mi % 12 + 1;
	first = eg__days_from_civil(y, m, 1);
	last = eg__days_from_civil(y, m, eg__days_in_month(y, m));
	memset(behind, 0, n_units * sizeof *behind);
	for (size_t i = 0; i < r->n; i++) {
		const record *rec = &r->rec[i];
		const char *lead = NULL;
		int late = 0;
		/* The state in force changes only at versions: judge each day span between them. */
		for (int64_t d = first; d <= last && !late; d++) {
			const version *v = eg__records_as_of(rec, (d + 1) * 1440 - 1);
			const char *dl;
			int64_t due;
			if (!v)
				continue;
			lead = eg__records_field(v, "lead_unit");
			dl = eg__records_field(v, "deadline");
			late = state_of(v) != EG_LEDGER_STATE_CLOSED && dl && eg__date_parse(&due, dl) == 0 && d > due;
		}
		if (!late || !lead)
			continue;
		for (size_t u = 0; u < n_units; u++)
			if (units[u] && strcmp(units[u], lead) == 0)
				behind[u]++;
	}
	return EG_OK;
}

/* YL-4: quantified targets. */
int eg_ledger_target_attained(int *attained, int64_t value, const char *cmp, int64_t target)
{
	if (!attained || !cmp)
		return eg__error(EG_EINVAL, "eg_ledger_target_attained: NULL argument");
	if (!strcmp(cmp, ">="))
		*attained = value >= target;
	else if (!strcmp(cmp, ">"))
		*attained = value > target;
	else if (!strcmp(cmp, "<="))
		*attained = value <= target;
	else if (!strcmp(cmp, "<"))
		*attained = value < target;
	else if (!strcmp(cmp, "=="))
		*attained = value == target;
	else
		return eg__error(EG_EINVAL, "comparator \"%.8s\" is not >=, >, <=, < or ==", cmp);
	return EG_OK;
}
