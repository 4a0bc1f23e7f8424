/*
 * YL rectification ledgers (YL-2, YL-4, YL-5.3, YL-5.5): problems kept in a
 * record store, the close-out workflow, overdue problems, the summary per
 * lead unit and quantified targets.
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

int eg_ledger_transition(eg_records *r, const char *id, const char *time, const char *actor, int to, const char *reason)
{
	/* YL-5.5 close-out workflow; rows: from, columns: to. */
	static const unsigned char allowed[6][6] = {
		/* open */ { 0, 1, 0, 0, 0, 0 },
		/* rectifying */ { 0, 0, 1, 0, 0, 0 },
		/* verified */ { 0, 0, 0, 1, 0, 0 },
		/* applied */ { 0, 1, 0, 0, 1, 0 },
		/* reviewed */ { 0, 1, 0, 0, 0, 1 },
		/* closed */ { 0, 0, 0, 0, 0, 0 },
	};
	const record *rec;
	const char *key = "state";
	int from;
	if (!r || !id)
		return eg__error(EG_EINVAL, "eg_ledger_transition: NULL argument");
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "problem %.64s not found", id);
	if (to < 0 || to > 5)
		return eg__error(EG_EINVAL, "problem %s: state %d is not one of eg_ledger_state", id, to);
	from = state_of(&rec->v[rec->nv - 1]);
	if (from < 0 || !allowed[from][to])
		return eg__error(EG_ESTATE, "problem %s: %s -> %s is not allowed (YL-5.5)%s", id,
				 from < 0 ? "?" : state_names[from], state_names[to],
				 from == EG_LEDGER_STATE_CLOSED ? "; a closed problem is archived" : "");
	{
		const char *val = state_names[to];
		return eg__records_put(r, id, time, actor, reason, &key, &val, 1);
	}
}

int eg_ledger_extend(eg_records *r, const char *id, const char *time, const char *actor, const char *new_deadline,
		     const char *reason)
{
	const record *rec;
	const char *key = "deadline", *old;
	int64_t a, b;
	if (!r || !id || !new_deadline)
		return eg__error(EG_EINVAL, "eg_ledger_extend: NULL argument");
	if (!(rec = eg__records_find(r, id)))
		return eg__error(EG_ENOTFOUND, "problem %.64s not found", id);
	if (state_of(&rec->v[rec->nv - 1]) == EG_LEDGER_STATE_CLOSED)
		return eg__error(EG_ESTATE, "problem %s is closed; its deadline cannot change (YL-5.5)", id);
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
