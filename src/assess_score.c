/*
 * Scoring one unit for one period by a rule set: CJ-A2-5.1 to CJ-A2-5.10,
 * CJ-A2-6.1 to CJ-A2-6.3, JM-2.2; the annual result (CJ-A2-7.2) and three
 * consecutive failing months (CJ-A2-7.1).
 */
#include "assess_internal.h"

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"
#include "util/vec.h"

#define COUNT_MAX 1000000

/* ------------------------------------------------------------------ */
/* Inputs                                                               */
/* ------------------------------------------------------------------ */

struct eg_assess_input {
	const eg_ruleset *rs;
	int64_t *item;          /* per item: status (1 met, 0 not) or occurrence count, as a table row */
	unsigned char *adverse; /* per item */
	unsigned char *forced;  /* per condition */
	int64_t bonus;
	uint32_t *problems;     /* per problem: mask of levels */
	size_t n_problems, cap_problems;
};

int eg_assess_input_new(eg_assess_input **out, const eg_ruleset *rs)
{
	eg_assess_input *in;
	size_t ni, nc;
	if (!out || !rs)
		return eg__error(EG_EINVAL, "eg_assess_input_new: NULL argument");
	ni = rs->body.n_items;
	nc = rs->body.n_conds;
	in = eg__calloc(1, sizeof *in);
	if (!in)
		return eg__error_nomem("creating assessment inputs");
	in->rs = rs;
	in->item = eg__calloc(ni ? ni : 1, sizeof *in->item);
	in->adverse = eg__calloc(ni ? ni : 1, 1);
	in->forced = eg__calloc(nc ? nc : 1, 1);
	if (!in->item || !in->adverse || !in->forced) {
		eg_assess_input_free(in);
		return eg__error_nomem("creating assessment inputs");
	}
	/* Status items start met, counts at 0. */
	for (size_t i = 0; i < ni; i++)
		in->item[i] = rs->body.items[i].kind == EG_ITEM_KIND_STATUS;
	*out = in;
	return EG_OK;
}

void eg_assess_input_free(eg_assess_input *in)
{
	if (!in)
		return;
	eg__free(in->item);
	eg__free(in->adverse);
	eg__free(in->forced);
	eg__free(in->problems);
	eg__free(in);
}

static int item_of(const eg_assess_input *in, const char *item_id, int kind, const char *what)
{
	int i;
	if (!in || !item_id)
		return eg__error(EG_EINVAL, "%s: NULL argument", what);
	i = as__find_item(&in->rs->body, item_id);
	if (i < 0)
		return eg__error(EG_ENOTFOUND, "%s: rule set %s has no item %.64s", what, in->rs->body.name, item_id);
	if (kind >= 0 && in->rs->body.items[i].kind != kind)
		return eg__error(EG_EINVAL, "%s: item %s (%s) is a %s item", what, item_id, in->rs->body.items[i].rule,
				 in->rs->body.items[i].kind == EG_ITEM_KIND_STATUS ? "status" : "deduction");
	return i;
}

int eg_assess_input_set_status(eg_assess_input *in, const char *item_id, int met)
{
	int i = item_of(in, item_id, EG_ITEM_KIND_STATUS, "eg_assess_input_set_status");
	if (i < 0)
		return i;
	in->item[i] = met != 0;
	return EG_OK;
}

/* CJ-A2-5.2 taken from the grid's CJ-G.4/CJ-G.5 findings. */
int eg_assess_input_status_from_grid(eg_assess_input *in, const char *item_id, const eg_findings *f,
				     const eg_grid *g, const char *unit_id)
{
	int met = 0, rc;
	int i = item_of(in, item_id, EG_ITEM_KIND_STATUS, "eg_assess_input_status_from_grid");
	if (i < 0)
		return i;
	if ((rc = eg_findings_cj_a2_5_2(&met, f, g, unit_id)) < 0)
		return rc;
	in->item[i] = met != 0;
	return EG_OK;
}

int eg_assess_input_set_count(eg_assess_input *in, const char *item_id, int64_t count)
{
	int i = item_of(in, item_id, EG_ITEM_KIND_DEDUCT, "eg_assess_input_set_count");
	if (i < 0)
		return i;
	if (count < 0)
		return eg__error(EG_EINVAL, "item %s: count %lld is negative", item_id, (long long)count);
	if (count > COUNT_MAX)
		return eg__error(EG_ERANGE, "item %s: count %lld is above %d", item_id, (long long)count, COUNT_MAX);
	/* JM-2.2 per situation (option): one situation however many occurrences. */
	in->item[i] = in->rs->body.items[i].situation && count > 0 ? 1 : count;
	return EG_OK;
}

int eg_assess_input_set_adverse(eg_assess_input *in, const char *item_id, int adverse)
{
	int i = item_of(in, item_id, -1, "eg_assess_input_set_adverse");
	if (i < 0)
		return i;
	if (!in->rs->body.items[i].adverse)
		return eg__error(EG_EINVAL, "item %s (%s) has no adverse-effects rule", item_id,
				 in->rs->body.items[i].rule);
	in->adverse[i] = adverse != 0;
	return EG_OK;
}

int eg_assess_input_set_bonus(eg_assess_input *in, int64_t events)
{
	if (!in)
		return eg__error(EG_EINVAL, "eg_assess_input_set_bonus: NULL argument");
	if (!in->rs->body.has_bonus)
		return eg__error(EG_EINVAL, "rule set %s has no bonus rule", in->rs->body.name);
	if (events < 0)
		return eg__error(EG_EINVAL, "bonus events %lld is negative", (long long)events);
	if (events > COUNT_MAX)
		return eg__error(EG_ERANGE, "bonus events %lld is above %d", (long long)events, COUNT_MAX);
	in->bonus = events;
	return EG_OK;
}

/* Append one problem (its media levels as a bit mask, CJ-A2-5.9); nothing changes on failure. */
static int push_problem(eg_assess_input *in, uint32_t mask)
{
	uint32_t *t;
	if (in->n_problems >= COUNT_MAX)
		return eg__error(EG_ERANGE, "more than %d problems", COUNT_MAX);
	if (!(t = eg__vec_reserve(in->problems, &in->cap_problems, in->n_problems + 1, sizeof *t, 4)))
		return eg__error_nomem("adding a problem");
	in->problems = t;
	in->problems[in->n_problems++] = mask;
	return EG_OK;
}

int eg_assess_input_add_problem(eg_assess_input *in, const char *const *levels, size_t n)
{
	uint32_t mask = 0;
	if (!in || (!levels && n))
		return eg__error(EG_EINVAL, "eg_assess_input_add_problem: NULL argument");
	if (in->rs->body.penalty_section < 0)
		return eg__error(EG_EINVAL, "rule set %s has no media penalties", in->rs->body.name);
	if (n == 0)
		return eg__error(EG_EINVAL, "a problem needs at least one exposure level (CJ-A2-5.9)");
	for (size_t k = 0; k < n; k++) {
		int l = as__find_level(&in->rs->body, levels[k]);
		if (l < 0)
			return eg__error(EG_ENOTFOUND, "rule set %s has no media level %.64s", in->rs->body.name,
					 levels[k] ? levels[k] : "(null)");
		if (mask & (1u << l))
			return eg__error(EG_EEXISTS, "media level %s is listed twice for one problem", levels[k]);
		mask |= 1u << l;
	}
	return push_problem(in, mask);
}

int eg_assess_input_add_forced_fail(eg_assess_input *in, const char *id)
{
	const as_body *b;
	if (!in || !id)
		return eg__error(EG_EINVAL, "eg_assess_input_add_forced_fail: NULL argument");
	b = &in->rs->body;
	for (size_t i = 0; i < b->n_conds; i++)
		if (strcmp(b->conds[i].id, id) == 0) {
			in->forced[i] = 1;
			return EG_OK;
		}
	/* The rule ID stands for any of its conditions: mark the first. */
	for (size_t i = 0; i < b->n_conds; i++)
		if (strcmp(b->conds[i].rule, id) == 0) {
			in->forced[i] = 1;
			return EG_OK;
		}
	return eg__error(EG_ENOTFOUND, "rule set %s has no forced-fail condition %.64s", b->name, id);
}

/*
 * CJ-A2-5.1 to CJ-A2-5.7 inputs of every item at once, in the rule set's item
 * order (the row of eg_assess_score_table()): all values are checked first,
 * then set through the per-item setters, which cannot fail any more.
 */
int eg_assess_input_set_items(eg_assess_input *in, const int64_t *values, const unsigned char *given, size_t n)
{
	const as_body *b;
	if (!in || (!values && n))
		return eg__error(EG_EINVAL, "eg_assess_input_set_items: NULL argument");
	b = &in->rs->body;
	if (n != b->n_items)
		return eg__error(EG_EINVAL, "eg_assess_input_set_items: %zu values for the %zu items of rule set %s", n,
				 b->n_items, b->name);
	for (size_t i = 0; i < n; i++) {
		if ((given && !given[i]) || b->items[i].kind != EG_ITEM_KIND_DEDUCT)
			continue;
		if (values[i] < 0)
			return eg__error(EG_EINVAL, "item %s: count %lld is negative", b->items[i].id, (long long)values[i]);
		if (values[i] > COUNT_MAX)
			return eg__error(EG_ERANGE, "item %s: count %lld is above %d", b->items[i].id, (long long)values[i],
					 COUNT_MAX);
	}
	for (size_t i = 0; i < n; i++) {
		int rc;
		if (given && !given[i])
			continue;
		rc = b->items[i].kind == EG_ITEM_KIND_DEDUCT ? eg_assess_input_set_count(in, b->items[i].id, values[i])
							     : eg_assess_input_set_status(in, b->items[i].id, values[i] != 0);
		if (rc < 0)
			return rc; /* not reached: checked above */
	}
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Results and traces                                                   */
/* ------------------------------------------------------------------ */

struct eg_trace {
	char *rule, *subject, *msg[2]; /* one allocation, rule first */
	char *article, *quote;         /* the part's source, in the same allocation, or NULL */
	int64_t count;
	int32_t before, after;
};

struct eg_assess_result {
	int32_t score;
	int grade;
	int veto;
	char (*fails)[72];
	size_t n_fails, cap_fails;
	eg_trace *trace;
	size_t n_trace, cap_trace;
};

/* Free what a result holds (its trace and fail reasons), not the result itself. */
static void result_clear(eg_assess_result *r)
{
	for (size_t i = 0; i < r->n_trace; i++)
		eg__free(r->trace[i].rule);
	eg__free(r->trace);
	eg__free(r->fails);
}

void eg_assess_result_free(eg_assess_result *r)
{
	if (!r)
		return;
	result_clear(r);
	eg__free(r);
}

static int add_trace(eg_assess_result *r, const char *rule, const char *subject, int64_t count,
		     int64_t before, int64_t after, const char *zh, const char *en, const as_src *src)
{
	size_t lr = strlen(rule) + 1, ls = strlen(subject) + 1, lz = strlen(zh) + 1, le = strlen(en) + 1;
	size_t la = src && src->article ? strlen(src->article) + 1 : 0, lq = src && src->article ? strlen(src->quote) + 1 : 0;
	eg_trace *t;
	char *mem;
	if (!(t = eg__vec_reserve(r->trace, &r->cap_trace, r->n_trace + 1, sizeof *t, 16)))
		return eg__error_nomem("recording the trace");
	r->trace = t;
	mem = eg__malloc(lr + ls + lz + le + la + lq);
	if (!mem)
		return eg__error_nomem("recording the trace");
	t = &r->trace[r->n_trace++];
	t->rule = memcpy(mem, rule, lr);
	t->subject = memcpy(mem + lr, subject, ls);
	t->msg[EG_LANG_ZH] = memcpy(mem + lr + ls, zh, lz);
	t->msg[EG_LANG_EN] = memcpy(mem + lr + ls + lz, en, le);
	t->article = la ? memcpy(mem + lr + ls + lz + le, src->article, la) : NULL;
	t->quote = la ? memcpy(mem + lr + ls + lz + le + la, src->quote, lq) : NULL;
	t->count = count;
	t->before = (int32_t)before;
	t->after = (int32_t)after;
	return EG_OK;
}

static int add_fail(eg_assess_result *r, const char *rule)
{
	for (size_t i = 0; i < r->n_fails; i++)
		if (strcmp(r->fails[i], rule) == 0)
			return EG_OK;
	{
		char (*n)[72] = eg__vec_reserve(r->fails, &r->cap_fails, r->n_fails + 1, sizeof *r->fails, 4);
		if (!n)
			return eg__error_nomem("recording fail reasons");
		r->fails = n;
	}
	snprintf(r->fails[r->n_fails++], sizeof r->fails[0], "%s", rule);
	return EG_OK;
}

/*
 * A penalty level's name in traces: the rule set's own (scheme documents
 * name every level), else for rule sets built in code without names the
 * words of changji-2023's levels (CJ-A2-5.9, CJ-A2-5.11), else the ID.
 */
static const char *level_name(const as_level *lv, int lang)
{
	static const char *const names[][3] = {
		{ "national", "国家级媒体曝光", "national media" },
		{ "regional", "自治区级媒体曝光或网络舆情", "regional media or online opinion" },
		{ "prefecture", "州级媒体曝光", "prefecture media" },
		{ "instructed_national", "未及时发现致使发生生态环境事件被国家领导批示交办", "national leaders' instruction (CJ-A2-5.11)" },
		{ "instructed_regional", "未及时发现致使发生生态环境事件被自治区领导批示交办", "regional leaders' instruction (CJ-A2-5.11)" },
		{ "instructed_prefecture", "未及时发现致使发生生态环境事件被自治州领导批示交办", "prefecture leaders' instruction (CJ-A2-5.11)" },
		{ "ministry_media", "部级媒体公开曝光造成重大舆情", "ministerial media, major public opinion (CJ-A2-5.11)" },
		{ "repeated_reports", "群众反复举报（3次及以上）未能妥善解决", "reported 3 or more times, not resolved (CJ-A2-5.11)" },
	};
	if (lv->zh)
		return lang == EG_LANG_EN ? lv->en : lv->zh;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i][0], lv->id) == 0)
			return names[i][lang == EG_LANG_EN ? 2 : 1];
	return lv->id;
}

/* Format points in scale units without locale: "12", "-3", "12.5". */
static const char *pts(char *buf, int64_t v, int scale)
{
	if (scale == 10) {
		int64_t a = v < 0 ? -v : v;
		snprintf(buf, 32, "%s%lld.%lld", v < 0 ? "-" : "", (long long)(a / 10), (long long)(a % 10));
	} else {
		snprintf(buf, 32, "%lld", (long long)v);
	}
	return buf;
}

static const char *grade_zh(int g)
{
	switch (g) {
	case EG_GRADE_EXCELLENT: return "优秀";
	case EG_GRADE_GOOD: return "良好";
	case EG_GRADE_PASS: return "合格";
	default: return "不合格";
	}
}

/* The range check of a period against the rule set's validity (R0.3). */
static int check_period(const as_body *b, const char *period)
{
	int64_t day;
	int32_t mi;
	char from[11], to[11];
	if (!period)
		return EG_OK;
	if (eg__date_parse(&day, period) == 0) {
		/* a date: judged as it is */
	} else if (eg__month_parse(&mi, period) == 0) {
		/* a month: judged on its last day */
		int y = (int)(mi / 12), m = (int)(mi % 12) + 1;
		day = eg__days_from_civil(y, m, eg__days_in_month(y, m));
	} else {
		return eg__error(EG_EINVAL, "period \"%.20s\" is not YYYY-MM or YYYY-MM-DD", period);
	}
	if (day < b->from || day > b->to) {
		eg__date_format(from, b->from);
		if (b->to == INT64_MAX)
			snprintf(to, sizeof to, "%s", "open");
		else
			eg__date_format(to, b->to);
		return eg__error(EG_ERANGE, "period %s is outside rule set %s's validity %s to %s",
				 period, b->name, from, to);
	}
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* The kernel: numbers only (CJ-A2-5.1 to CJ-A2-6.3)                    */
/* ------------------------------------------------------------------ */

/*
 * One unit-period as the kernel reads it: what eg_assess_input holds, or a
 * row of eg_assess_score_table()'s arrays, without copying either.
 */
typedef struct as_facts {
	const int64_t *item;          /* per item: status (nonzero: met) or occurrence count */
	const unsigned char *adverse; /* per item: adverse effects (CJ-A2-5.7), or NULL for none */
	int64_t bonus;                /* CJ-A2-5.8 events */
	int64_t n_problems;           /* CJ-A2-5.9 problems */
	const int32_t *worst;         /* per media level: problems whose worst level it is, or NULL */
	size_t n_worst;               /* levels in worst (the first n_worst of the rule set's) */
	const unsigned char *forced;  /* per condition (CJ-A2-6.3), or NULL: then forced_mask */
	uint32_t forced_mask;         /* conditions 0-31 */
} as_facts;

/* The numbers of one scoring, from which the trace is narrated. */
typedef struct as_tally {
	int64_t score; /* the total, after the veto */
	int grade;     /* EG_GRADE_*, EG_GRADE_NONE without grades */
	int reached;   /* the grade of the threshold reached, before a fail condition applies */
	int veto;      /* a veto item was not met (CJ-A2-6.1) */
	int forced;    /* a fail condition applies: adverse effects, a "fail" media level, CJ-A2-6.3 */
	size_t hit;    /* the grade threshold reached (the lowest when none is) */
} as_tally;

/*
 * CJ-A2-5.1 to CJ-A2-5.7: an item's points for v (status or count); *spill
 * what its floor absorbed into the total. A deduction item loses v × its
 * amount and stops at its floor: CJ-A2-5.5 (item 5, lower-grid reports not
 * assigned in time) and CJ-A2-5.6 (item 6, improper handling or false
 * rectification) lose 5 of their 10 per problem and stop at 0 with no
 * overflow (1 → 5, 2 → 0, 3 → 0); CJ-A2-5.7 overflows into the total.
 */
static int64_t item_points(const as_item *it, int64_t v, int64_t *spill)
{
	int64_t raw;
	*spill = 0;
	if (it->kind == EG_ITEM_KIND_STATUS)
		return v ? it->max : 0;
	if (it->situation && v > 0)
		v = 1; /* JM-2.2 per situation (option): once per period */
	raw = it->max - v * it->per;
	if (it->floor == EG_ITEM_NO_FLOOR || raw >= it->floor)
		return raw;
	if (it->overflow)
		*spill = it->floor - raw;
	return it->floor;
}

/* CJ-A2-5.9: a problem's worst level ("fail" is worse than any amount, else the larger amount); -1 for none. */
static int worst_level(const as_body *b, uint32_t mask)
{
	int w = -1;
	for (size_t l = 0; l < b->n_levels; l++) {
		const as_level *lv = &b->levels[l];
		if (!(mask & (1u << l)))
			continue;
		if (w < 0 || (lv->fail && !b->levels[w].fail) || (!lv->fail && !b->levels[w].fail && lv->amount > b->levels[w].amount))
			w = (int)l;
	}
	return w;
}

/* CJ-A2-5.10 for any rule set: the score and grade, no text, no allocation. */
static int tally(as_tally *t, const as_body *b, const as_facts *f)
{
	int64_t total = 0, penalty_sum = 0, overflow = 0;
	int veto = 0, forced = 0;

	for (size_t i = 0; i < b->n_items; i++) {
		const as_item *it = &b->items[i];
		int64_t spill, points = item_points(it, f->item[i], &spill);
		if (it->kind == EG_ITEM_KIND_STATUS)
			veto |= !f->item[i] && it->veto;
		else if (f->adverse && f->adverse[i])
			forced = 1; /* CJ-A2-5.7: adverse effects */
		total += points;
		overflow += spill;
		if (it->section == b->penalty_section)
			penalty_sum += points;
	}
	/* CJ-A2-5.9: worst level per problem, summed, drawn from the section down to 0 (扣完为止). */
	if (b->penalty_section >= 0 && f->n_problems > 0) {
		int64_t media = 0;
		for (size_t l = 0; f->worst && l < f->n_worst; l++) {
			if (!f->worst[l])
				continue;
			if (b->levels[l].fail)
				forced = 1;
			else
				media += (int64_t)b->levels[l].amount * f->worst[l];
		}
		total += (penalty_sum - media < 0 ? 0 : penalty_sum - media) - penalty_sum;
	}
	/* CJ-A2-5.7 / CJ-A2-5.10: what the floors could not absorb comes off the total. */
	total -= overflow;
	/* CJ-A2-5.8: bonus per event, capped. */
	if (b->has_bonus && f->bonus > 0)
		total += f->bonus * b->bonus_per > b->bonus_cap ? b->bonus_cap : f->bonus * b->bonus_per;
	/* CJ-A2-6.1: a failed veto item zeroes the period (default) or only itself. */
	if (veto && b->veto_mode == EG_VETO_MODE_TOTAL)
		total = 0;
	if (total > INT32_MAX || total < INT32_MIN)
		return eg__error(EG_ERANGE, "rule set %s: the score %lld does not fit 32 bits", b->name, (long long)total);
	/* CJ-A2-6.3: forced-fail conditions (a table row's mask: its bits below n_conds, at most 32). */
	if (f->forced)
		for (size_t c = 0; c < b->n_conds && !forced; c++)
			forced = f->forced[c] != 0;
	else if (!forced && b->n_conds)
		forced = (f->forced_mask & (b->n_conds >= 32 ? UINT32_MAX : (1u << b->n_conds) - 1u)) != 0;
	t->score = total;
	t->veto = veto;
	t->forced = forced;
	/* CJ-A2-6.2: grades from the highest threshold down; a fail condition makes it a fail. */
	t->grade = b->n_grades ? EG_GRADE_FAIL : EG_GRADE_NONE;
	t->hit = b->n_grades ? b->n_grades - 1 : 0;
	for (size_t g = 0; g < b->n_grades; g++)
		if (total >= b->grades[g].min) {
			t->grade = b->grades[g].grade;
			t->hit = g;
			break;
		}
	t->reached = t->grade;
	if (forced && b->n_grades)
		t->grade = EG_GRADE_FAIL;
	return EG_OK;
}

/* The facts of a per-unit input; `worst` (AS_MAX_LEVELS) receives the problems' worst levels. */
static void facts_of_input(as_facts *f, int32_t *worst, const as_body *b, const eg_assess_input *in)
{
	memset(worst, 0, AS_MAX_LEVELS * sizeof *worst);
	for (size_t p = 0; p < in->n_problems; p++) {
		int w = worst_level(b, in->problems[p]);
		if (w >= 0) /* a problem has at least one level (eg_assess_input_add_problem) */
			worst[w]++;
	}
	f->item = in->item;
	f->adverse = in->adverse;
	f->bonus = in->bonus;
	f->n_problems = (int64_t)in->n_problems;
	f->worst = worst;
	f->n_worst = b->n_levels;
	f->forced = in->forced;
	f->forced_mask = 0;
}

/* ------------------------------------------------------------------ */
/* Narration: the trace of a tally                                      */
/* ------------------------------------------------------------------ */

/*
 * The fail reasons of a tally (rule IDs, each once), in the order the trace
 * meets them: per section its items' adverse effects (CJ-A2-5.7) and then
 * its problems at a "fail" level (CJ-A2-5.9); the veto (CJ-A2-6.1); the
 * forced-fail conditions (CJ-A2-6.3); a failing score (CJ-A2-6.2), unless
 * the veto or a fail condition already explains it. No text is made.
 */
static int record_fails(eg_assess_result *r, const as_body *b, const eg_assess_input *in, const as_tally *t)
{
	int rc, vetoed = t->veto && b->veto_mode == EG_VETO_MODE_TOTAL;
	for (size_t s = 0; s < b->n_sections; s++) {
		for (size_t i = 0; i < b->n_items; i++)
			if (b->items[i].section == (int)s && b->items[i].kind != EG_ITEM_KIND_STATUS && in->adverse[i] &&
			    (rc = add_fail(r, b->items[i].rule)) < 0)
				return rc;
		for (size_t p = 0; b->penalty_section == (int)s && p < in->n_problems; p++) {
			const as_level *worst = &b->levels[worst_level(b, in->problems[p])];
			if (worst->fail && (rc = add_fail(r, worst->rule)) < 0)
				return rc;
		}
	}
	if (vetoed && (rc = add_fail(r, b->veto_rule)) < 0)
		return rc;
	for (size_t c = 0; c < b->n_conds; c++)
		if (in->forced[c] && (rc = add_fail(r, b->conds[c].rule)) < 0)
			return rc;
	if (b->n_grades && t->reached == EG_GRADE_FAIL && !vetoed && !t->forced &&
	    (rc = add_fail(r, b->grades[t->hit].rule)) < 0)
		return rc;
	return EG_OK;
}

#define ZH(...) snprintf(zh, sizeof zh, __VA_ARGS__)
#define EN(...) snprintf(en, sizeof en, __VA_ARGS__)

/*
 * The bilingual trace of a scoring whose numbers are `t` (from tally() on
 * the same input) and whose fail reasons record_fails() has recorded in r:
 * every step with its rule, its subject and the running total before and
 * after.
 */
static int narrate(eg_assess_result *r, const as_body *b, const eg_assess_input *in, const as_tally *t)
{
	char zh[768], en[768], p1[32], p2[32], p3[32], p4[32], p5[32];
	int64_t running = 0, overflow = 0;
	int sc = b->scale, rc;
	const as_item *veto_item = NULL;
	const as_grade *hit;

	for (size_t s = 0; s < b->n_sections; s++) {
		int64_t section_sum = 0;
		for (size_t i = 0; i < b->n_items; i++) {
			const as_item *it = &b->items[i];
			int64_t before = running, spill, points;
			if (it->section != (int)s)
				continue;
			points = item_points(it, in->item[i], &spill);
			if (it->kind == EG_ITEM_KIND_STATUS) {
				/* CJ-A2-5.1 to CJ-A2-5.3: met or not. */
				int met = in->item[i] != 0;
				if (met) {
					ZH("第%s项 %s：已落实，得 %s 分（%s）", it->id, it->zh, pts(p1, points, sc), it->rule);
					EN("item %s (%s): met, %s points (%s)", it->id, it->en, pts(p1, points, sc), it->rule);
				} else {
					ZH("第%s项 %s：未落实，得 0 分（%s）", it->id, it->zh, it->rule);
					EN("item %s (%s): not met, 0 points (%s)", it->id, it->en, it->rule);
				}
				if (!met && it->veto && !veto_item)
					veto_item = it;
				running += points;
				section_sum += points;
				if ((rc = add_trace(r, it->rule, it->id, met, before, running, zh, en, &it->src)) < 0)
					return rc;
				continue;
			}
			/*
			 * Deduction items: the item's maximum less n × the amount per
			 * occurrence, stopped at the floor; below the floor either
			 * nothing more (扣完为止) or, with overflow, the rest off the
			 * total. CJ-A2-5.4 (item 4: −1 from 40, floor 0), CJ-A2-5.5
			 * (item 5: −5 from 10 for each lower-grid report not assigned
			 * or jointly handled in time, floor 0), CJ-A2-5.6 (item 6: −5
			 * from 10 for each problem handled improperly or falsely
			 * rectified, floor 0), CJ-A2-5.7 (item 7: −10 from 10, the
			 * excess off the total), JM-2.2 (no floor).
			 */
			{
				int64_t n = in->item[i], ded = n * it->per, raw = it->max - ded;
				if (n == 0) {
					ZH("第%s项 %s：0 起，得 %s 分（%s）", it->id, it->zh, pts(p1, points, sc), it->rule);
					EN("item %s (%s): 0 occurrences, %s points (%s)", it->id, it->en, pts(p1, points, sc), it->rule);
				} else if (it->floor == EG_ITEM_NO_FLOOR || raw >= it->floor) {
					ZH("第%s项 %s：%lld 起 × %s 分 = 扣 %s 分，%s − %s = %s 分（%s）", it->id, it->zh,
					   (long long)n, pts(p1, it->per, sc), pts(p2, ded, sc), pts(p3, it->max, sc),
					   pts(p4, ded, sc), pts(p5, points, sc), it->rule);
					EN("item %s (%s): %lld × %s = %s deducted, %s − %s = %s points (%s)", it->id, it->en,
					   (long long)n, pts(p1, it->per, sc), pts(p2, ded, sc), pts(p3, it->max, sc),
					   pts(p4, ded, sc), pts(p5, points, sc), it->rule);
				} else if (spill) {
					ZH("第%s项 %s：%lld 起 × %s 分 = 扣 %s 分，本项 %s 分扣至 %s 分，不足的 %s 分从总分中扣除（%s）",
					   it->id, it->zh, (long long)n, pts(p1, it->per, sc), pts(p2, ded, sc),
					   pts(p3, it->max, sc), pts(p4, points, sc), pts(p5, spill, sc), it->rule);
					EN("item %s (%s): %lld × %s = %s deducted from the item's %s, floored at %s; the remaining %s comes off the total (%s)",
					   it->id, it->en, (long long)n, pts(p1, it->per, sc), pts(p2, ded, sc),
					   pts(p3, it->max, sc), pts(p4, points, sc), pts(p5, spill, sc), it->rule);
				} else {
					ZH("第%s项 %s：%lld 起 × %s 分 = 扣 %s 分，本项 %s 分扣完为止，得 %s 分（%s）", it->id,
					   it->zh, (long long)n, pts(p1, it->per, sc), pts(p2, ded, sc), pts(p3, it->max, sc),
					   pts(p4, points, sc), it->rule);
					EN("item %s (%s): %lld × %s = %s deducted from %s, floored at %s: %s points (%s)", it->id,
					   it->en, (long long)n, pts(p1, it->per, sc), pts(p2, ded, sc), pts(p3, it->max, sc),
					   pts(p4, points, sc), pts(p5, points, sc), it->rule);
				}
				running += points;
				section_sum += points;
				overflow += spill;
				if ((rc = add_trace(r, it->rule, it->id, n, before, running, zh, en, &it->src)) < 0)
					return rc;
				/* CJ-A2-5.7: adverse effects make the period a fail. */
				if (in->adverse[i]) {
					ZH("第%s项问题造成不良影响，总体考核为不合格（%s）", it->id, it->rule);
					EN("item %s's problems caused adverse effects: the period is a fail (%s)", it->id, it->rule);
					if ((rc = add_trace(r, it->rule, it->id, n, running, running, zh, en, &it->src)) < 0)
						return rc;
				}
			}
		}
		/* CJ-A2-5.9: media penalties, worst per problem, summed, drawn from
		 * this section down to 0 (扣完为止). */
		if (b->penalty_section == (int)s && in->n_problems > 0) {
			int64_t media = 0, before = running, after_section;
			for (size_t p = 0; p < in->n_problems; p++) {
				uint32_t mask = in->problems[p];
				const as_level *worst = &b->levels[worst_level(b, mask)];
				char names[512] = "", names_en[512] = "";
				size_t o = 0, oe = 0;
				for (size_t l = 0; l < b->n_levels; l++) {
					if (!(mask & (1u << l)))
						continue;
					if (o < sizeof names)
						o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", o ? "、" : "",
								      level_name(&b->levels[l], EG_LANG_ZH));
					if (oe < sizeof names_en)
						oe += (size_t)snprintf(names_en + oe, sizeof names_en - oe, "%s%s", oe ? ", " : "",
								       level_name(&b->levels[l], EG_LANG_EN));
				}
				if (worst->fail) {
					ZH("问题%zu（%s）：按最高一项（%s）处理，直接判定为不合格（%s）", p + 1, names,
					   level_name(worst, EG_LANG_ZH), worst->rule);
					EN("problem %zu (%s): taken once at its worst level (%s): the period is a fail (%s)",
					   p + 1, names_en, level_name(worst, EG_LANG_EN), worst->rule);
				} else {
					media += worst->amount;
					ZH("问题%zu（%s）：按最高一项（%s）扣 %s 分，不累计扣分（%s）", p + 1, names,
					   level_name(worst, EG_LANG_ZH), pts(p1, worst->amount, sc), worst->rule);
					EN("problem %zu (%s): taken once at its worst level (%s): −%s (%s)", p + 1, names_en,
					   level_name(worst, EG_LANG_EN), pts(p1, worst->amount, sc), worst->rule);
				}
				if ((rc = add_trace(r, worst->rule, worst->id, 1, running, running, zh, en, &worst->src)) < 0)
					return rc;
			}
			after_section = section_sum - media < 0 ? 0 : section_sum - media;
			running += after_section - section_sum;
			ZH("%s %s 分 − 媒体曝光扣分 %s 分 = %s 分（%zu 个问题，扣完为止，%s）", b->sections[s].zh,
			   pts(p1, section_sum, sc), pts(p2, media, sc), pts(p3, after_section, sc), in->n_problems,
			   b->levels[0].rule);
			EN("%s %s − media penalties %s = %s (%zu problem(s), stops at 0, %s)", b->sections[s].en,
			   pts(p1, section_sum, sc), pts(p2, media, sc), pts(p3, after_section, sc), in->n_problems,
			   b->levels[0].rule);
			if ((rc = add_trace(r, b->levels[0].rule, b->sections[s].id, (int64_t)in->n_problems, before,
					    running, zh, en, NULL)) < 0)
				return rc;
		}
	}

	/* CJ-A2-5.7 / CJ-A2-5.10: what the floors could not absorb comes off the
	 * total; the entry cites the overflowing items' rules and the total's. */
	if (overflow > 0) {
		int64_t before = running;
		const char *total_rule = b->total_rule ? b->total_rule : b->name;
		char rz[256] = "", re[256] = "";
		size_t oz = 0, oe = 0;
		for (size_t i = 0; i < b->n_items; i++)
			if (b->items[i].overflow && oz < sizeof rz && oe < sizeof re) {
				oz += (size_t)snprintf(rz + oz, sizeof rz - oz, "%s，", b->items[i].rule);
				oe += (size_t)snprintf(re + oe, sizeof re - oe, "%s, ", b->items[i].rule);
			}
		running -= overflow;
		ZH("不足部分从总分中扣除 %s 分（%s%s）", pts(p1, overflow, sc), rz, total_rule);
		EN("%s points that the item floors could not absorb come off the total (%s%s)", pts(p1, overflow, sc), re,
		   total_rule);
		if ((rc = add_trace(r, total_rule, "", 0, before, running, zh, en, NULL)) < 0)
			return rc;
	}

	/* CJ-A2-5.8: bonus per event, capped. */
	if (b->has_bonus && in->bonus > 0) {
		int64_t before = running, raw = in->bonus * b->bonus_per;
		int64_t bonus = raw > b->bonus_cap ? b->bonus_cap : raw;
		running += bonus;
		if (raw > b->bonus_cap) {
			ZH("加分：%lld 起 × %s 分 = %s 分，最高 %s 分，加 %s 分（%s）", (long long)in->bonus,
			   pts(p1, b->bonus_per, sc), pts(p2, raw, sc), pts(p3, b->bonus_cap, sc), pts(p4, bonus, sc),
			   b->bonus_rule);
			EN("bonus: %lld × %s = %s, capped at %s: +%s (%s)", (long long)in->bonus, pts(p1, b->bonus_per, sc),
			   pts(p2, raw, sc), pts(p3, b->bonus_cap, sc), pts(p4, bonus, sc), b->bonus_rule);
		} else {
			ZH("加分：%lld 起 × %s 分 = 加 %s 分（%s）", (long long)in->bonus, pts(p1, b->bonus_per, sc),
			   pts(p2, bonus, sc), b->bonus_rule);
			EN("bonus: %lld × %s = +%s (%s)", (long long)in->bonus, pts(p1, b->bonus_per, sc),
			   pts(p2, bonus, sc), b->bonus_rule);
		}
		if ((rc = add_trace(r, b->bonus_rule, "", in->bonus, before, running, zh, en, &b->bonus_src)) < 0)
			return rc;
	}

	/* CJ-A2-6.1: a failed mandatory item vetoes the month (default) or only itself. */
	if (veto_item) {
		if (b->veto_mode == EG_VETO_MODE_TOTAL) {
			ZH("第%s项未落实，实行一票否决，本期得分为 0（%s）", veto_item->id, b->veto_rule);
			EN("item %s not met: one-vote veto, the period scores 0 (%s)", veto_item->id, b->veto_rule);
			if ((rc = add_trace(r, b->veto_rule, veto_item->id, 0, running, 0, zh, en, &b->veto_src)) < 0)
				return rc;
			running = 0;
		} else {
			ZH("第%s项未落实，一票否决仅及该项，该项得 0 分（%s，仅该项的解读）", veto_item->id, b->veto_rule);
			EN("item %s not met: the veto applies to that item only, which scores 0 (%s, item-only reading)",
			   veto_item->id, b->veto_rule);
			if ((rc = add_trace(r, b->veto_rule, veto_item->id, 0, running, running, zh, en, &b->veto_src)) < 0)
				return rc;
		}
	}
	/* The narration walks the same arithmetic as tally(): running == t->score here. */
	{
		const char *total_rule = b->total_rule ? b->total_rule : b->name;
		ZH("总分 %s 分（%s）", pts(p1, running, sc), total_rule);
		EN("total %s points (%s)", pts(p1, running, sc), total_rule);
		if ((rc = add_trace(r, total_rule, "", 0, running, running, zh, en, NULL)) < 0)
			return rc;
	}

	/* CJ-A2-6.3: forced-fail conditions. */
	for (size_t c = 0; c < b->n_conds; c++) {
		if (!in->forced[c])
			continue;
		ZH("%s，本期考核为不合格（%s）", b->conds[c].zh, b->conds[c].rule);
		EN("%s: the period is a fail (%s)", b->conds[c].en, b->conds[c].rule);
		if ((rc = add_trace(r, b->conds[c].rule, b->conds[c].id, 1, running, running, zh, en, &b->conds[c].src)) < 0)
			return rc;
	}

	/* CJ-A2-6.2: grades from the highest threshold down. */
	if (b->n_grades == 0)
		return EG_OK;
	hit = &b->grades[t->hit];
	if (t->forced && t->reached != EG_GRADE_FAIL) {
		ZH("得分 %s 分，但存在不合格情形，等次为不合格（%s）", pts(p1, running, sc), r->fails[0]);
		EN("score %s, but a fail condition applies: graded fail (%s)", pts(p1, running, sc), r->fails[0]);
	} else if (t->reached == EG_GRADE_FAIL) {
		ZH("%s 分低于 %s 分，等次为不合格（%s）", pts(p1, running, sc), pts(p2, hit->min, sc), hit->rule);
		EN("%s is below %s: graded fail (%s)", pts(p1, running, sc), pts(p2, hit->min, sc), hit->rule);
	} else {
		ZH("%s 分，不低于 %s 分，等次为%s（%s）", pts(p1, running, sc), pts(p2, hit->min, sc), grade_zh(t->grade),
		   hit->rule);
		EN("%s is at least %s: graded %s (%s)", pts(p1, running, sc), pts(p2, hit->min, sc),
		   eg_grade_name(t->grade), hit->rule);
	}
	return add_trace(r, b->grades[0].rule, eg_grade_name(r->grade), 0, running, running, zh, en, &hit->src);
}

static int narrate_months(eg_assess_result *r, const eg_assess_period *p);

/*
 * Score counts against a rule set's body: compute the facts and the tally,
 * record why it fails, then (when asked) narrate. For a period (JM-2.2,
 * JM-2.2.1) `p` is the period, whose months counted and missing open the
 * trace; for a month it is NULL. The one path of eg_assess_score(),
 * eg_assess_score_untraced() and eg_assess_period_score().
 */
static int score_counts(eg_assess_result **out, const as_body *b, const eg_assess_input *in,
			const eg_assess_period *p, int traced)
{
	eg_assess_result *r;
	as_facts f;
	as_tally t;
	int32_t worst[AS_MAX_LEVELS];
	int rc;
	facts_of_input(&f, worst, b, in);
	if ((rc = tally(&t, b, &f)) < 0)
		return rc;
	r = eg__calloc(1, sizeof *r);
	if (!r)
		return eg__error_nomem("scoring");
	r->score = (int32_t)t.score;
	r->grade = t.grade;
	r->veto = t.veto;
	if ((rc = record_fails(r, b, in, &t)) < 0 || (p && (rc = narrate_months(r, p)) < 0) ||
	    (traced && (rc = narrate(r, b, in, &t)) < 0)) {
		eg_assess_result_free(r);
		return rc;
	}
	*out = r;
	return EG_OK;
}

/* eg_assess_score() (traced) and eg_assess_score_untraced(): `fn` names the caller in errors. */
static int score_impl(eg_assess_result **out, const eg_ruleset *rs, const eg_assess_input *in, const char *period,
		      int traced, const char *fn)
{
	int rc;
	if (!out || !rs || !in)
		return eg__error(EG_EINVAL, "%s: NULL argument", fn);
	if (in->rs != rs)
		return eg__error(EG_EINVAL, "%s: the inputs were made for rule set %s, not this %s", fn,
				 in->rs->body.name, rs->body.name);
	if ((rc = check_period(&rs->body, period)) < 0)
		return rc;
	/* CJ-A2-5.7: "造成不良影响的" qualifies item 7's problems; adverse effects with
	 * none are a contradiction (adverse effects of their own are CJ-A2-6.3 (d)). */
	for (size_t i = 0; i < rs->body.n_items; i++)
		if (in->adverse[i] && in->item[i] == 0)
			return eg__error(EG_EINVAL, "item %s: adverse effects with no problem of the item (%s); effects not tied "
					 "to its problems are a forced fail of CJ-A2-6.3", rs->body.items[i].id, rs->body.items[i].rule);
	return score_counts(out, &rs->body, in, NULL, traced);
}

int eg_assess_score(eg_assess_result **out, const eg_ruleset *rs, const eg_assess_input *in, const char *period)
{
	return score_impl(out, rs, in, period, 1, "eg_assess_score");
}

int eg_assess_score_untraced(eg_assess_result **out, const eg_ruleset *rs, const eg_assess_input *in,
			     const char *period)
{
	return score_impl(out, rs, in, period, 0, "eg_assess_score_untraced");
}

int eg_assess_score_many(eg_assess_result **out, const eg_ruleset *rs, const eg_assess_input *const *inputs,
			 size_t n, const char *period)
{
	int rc;
	if (!out || !rs || (!inputs && n))
		return eg__error(EG_EINVAL, "eg_assess_score_many: NULL argument");
	for (size_t i = 0; i < n; i++)
		if (!inputs[i])
			return eg__error(EG_EINVAL, "eg_assess_score_many: inputs[%zu] is NULL", i);
	for (size_t i = 0; i < n; i++) {
		if ((rc = eg_assess_score(&out[i], rs, inputs[i], period)) < 0) {
			/* All or nothing: free what was scored, leave out as NULLs. */
			for (size_t k = 0; k < i; k++) {
				eg_assess_result_free(out[k]);
				out[k] = NULL;
			}
			return rc;
		}
	}
	return EG_OK;
}

int32_t eg_assess_result_score(const eg_assess_result *r) { return r ? r->score : 0; }
int eg_assess_result_grade(const eg_assess_result *r) { return r ? r->grade : EG_GRADE_NONE; }
int eg_assess_result_veto(const eg_assess_result *r) { return r ? r->veto : 0; }
size_t eg_assess_result_fail_count(const eg_assess_result *r) { return r ? r->n_fails : 0; }
size_t eg_assess_result_trace_count(const eg_assess_result *r) { return r ? r->n_trace : 0; }

const char *eg_assess_result_fail_at(const eg_assess_result *r, size_t i)
{
	return r && i < r->n_fails ? r->fails[i] : NULL;
}

const eg_trace *eg_assess_result_trace_at(const eg_assess_result *r, size_t i)
{
	return r && i < r->n_trace ? &r->trace[i] : NULL;
}

const char *eg_trace_rule(const eg_trace *t) { return t ? t->rule : NULL; }
const char *eg_trace_subject(const eg_trace *t) { return t ? t->subject : NULL; }
int64_t eg_trace_count(const eg_trace *t) { return t ? t->count : 0; }
int32_t eg_trace_before(const eg_trace *t) { return t ? t->before : 0; }
int32_t eg_trace_after(const eg_trace *t) { return t ? t->after : 0; }

int eg_trace_source(const char **article, const char **quote, const eg_trace *t)
{
	if (!article || !quote || !t)
		return eg__error(EG_EINVAL, "eg_trace_source: NULL argument");
	*article = t->article;
	*quote = t->quote;
	return EG_OK;
}

const char *eg_trace_message(const eg_trace *t, int lang)
{
	return t ? t->msg[lang == EG_LANG_EN ? EG_LANG_EN : EG_LANG_ZH] : NULL;
}

int eg_assess_result_render(char **out, const eg_assess_result *r, int lang)
{
	size_t len = 256, o = 0;
	char *s;
	int en = lang == EG_LANG_EN;
	if (!out || !r)
		return eg__error(EG_EINVAL, "eg_assess_result_render: NULL argument");
	for (size_t i = 0; i < r->n_trace; i++)
		len += strlen(r->trace[i].msg[en]) + 8;
	for (size_t i = 0; i < r->n_fails; i++)
		len += 80;
	s = eg__malloc(len);
	if (!s)
		return eg__error_nomem("rendering a result");
	o += (size_t)snprintf(s + o, len - o, en ? "score %d, grade %s%s\n" : "得分 %d，等次%s%s\n", (int)r->score,
			      en ? eg_grade_name(r->grade) : (r->grade == EG_GRADE_NONE ? "：无" : grade_zh(r->grade)),
			      r->veto ? (en ? ", veto" : "，一票否决") : "");
	if (r->n_fails) {
		o += (size_t)snprintf(s + o, len - o, "%s", en ? "fail reasons:" : "不合格原因：");
		for (size_t i = 0; i < r->n_fails; i++)
			o += (size_t)snprintf(s + o, len - o, "%s%s", i ? (en ? ", " : "、") : (en ? " " : ""), r->fails[i]);
		o += (size_t)snprintf(s + o, len - o, "\n");
	}
	for (size_t i = 0; i < r->n_trace; i++)
		o += (size_t)snprintf(s + o, len - o, "  %s\n", r->trace[i].msg[en]);
	*out = s;
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Over months                                                          */
/* ------------------------------------------------------------------ */

/* CJ-A2-7.2 (default reading): mean of the monthly scores, graded exactly. */
int eg_assess_annual(int64_t *mean_tenths, int *grade, const eg_ruleset *rs, const int32_t *scores, size_t n)
{
	int64_t sum = 0, q, rem, twice;
	if (!mean_tenths || !grade || !rs || !scores)
		return eg__error(EG_EINVAL, "eg_assess_annual: NULL argument");
	if (n == 0)
		return eg__error(EG_EINVAL, "eg_assess_annual: no months (CJ-A2-7.2)");
	if (n > 12)
		return eg__error(EG_ERANGE, "eg_assess_annual: %zu months in a year (CJ-A2-7.2)", n);
	for (size_t i = 0; i < n; i++)
		sum += scores[i];
	/* 10 * sum / n, rounded half to even (floor division first). */
	q = (10 * sum) / (int64_t)n;
	rem = (10 * sum) % (int64_t)n;
	if (rem < 0) {
		q -= 1;
		rem += (int64_t)n;
	}
	twice = 2 * rem;
	if (twice > (int64_t)n || (twice == (int64_t)n && (q & 1)))
		q += 1;
	*mean_tenths = q;
	if (rs->body.n_grades == 0) {
		*grade = EG_GRADE_NONE;
		return EG_OK;
	}
	*grade = EG_GRADE_FAIL;
	for (size_t g = 0; g < rs->body.n_grades; g++)
		if (sum >= (int64_t)rs->body.grades[g].min * (int64_t)n) { /* mean >= min, exactly (R0.2) */
			*grade = rs->body.grades[g].grade;
			break;
		}
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Batch: many units from flat arrays                                   */
/* ------------------------------------------------------------------ */

int eg_assess_score_table(int32_t *scores, int32_t *grades, const eg_ruleset *rs, const int64_t *items,
			  size_t n_items, const int64_t *bonus, const int32_t *problems, size_t n_levels,
			  const uint32_t *forced, size_t n, const char *period)
{
	const as_body *b;
	int rc;
	if (!scores || !grades || !rs || (!items && n))
		return eg__error(EG_EINVAL, "eg_assess_score_table: NULL argument");
	b = &rs->body;
	if (n_items != b->n_items)
		return eg__error(EG_EINVAL, "eg_assess_score_table: rule set %s has %zu items, not %zu", b->name,
				 b->n_items, n_items);
	/* The first n_levels levels: a table written before later levels were
	 * added (CJ-A2-5.11's triggers) still scores, with no problem at them. */
	if (problems && (n_levels == 0 || n_levels > b->n_levels))
		return eg__error(EG_EINVAL, "eg_assess_score_table: rule set %s has %zu media levels, not %zu", b->name,
				 b->n_levels, n_levels);
	if ((rc = check_period(b, period)) < 0)
		return rc;
	/* Check every row first: nothing is scored from a bad table. */
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < b->n_items; k++) {
			int64_t v = items[i * n_items + k];
			if (b->items[k].kind == EG_ITEM_KIND_DEDUCT && (v < 0 || v > COUNT_MAX))
				return eg__error(v < 0 ? EG_EINVAL : EG_ERANGE,
						 "row %zu, item %s: count %lld is not in 0..%d", i, b->items[k].id,
						 (long long)v, COUNT_MAX);
		}
		if (bonus && (bonus[i] < 0 || bonus[i] > COUNT_MAX || (bonus[i] && !b->has_bonus)))
			return eg__error(bonus[i] > COUNT_MAX ? EG_ERANGE : EG_EINVAL,
					 "row %zu: bonus events %lld (0..%d, and rule set %s %s a bonus rule)", i,
					 (long long)bonus[i], COUNT_MAX, b->name, b->has_bonus ? "has" : "has no");
		if (problems) {
			int64_t sum = 0;
			for (size_t l = 0; l < n_levels; l++) {
				if (problems[i * n_levels + l] < 0)
					return eg__error(EG_EINVAL, "row %zu, media level %s: %d problems", i,
							 b->levels[l].id, (int)problems[i * n_levels + l]);
				sum += problems[i * n_levels + l];
			}
			if (sum > COUNT_MAX)
				return eg__error(EG_ERANGE, "row %zu: more than %d problems", i, COUNT_MAX);
		}
		if (forced && b->n_conds < 32 && (forced[i] >> b->n_conds))
			return eg__error(EG_EINVAL, "row %zu: forced-fail mask 0x%x names a condition beyond the %zu of %s",
					 i, (unsigned)forced[i], b->n_conds, b->name);
	}
	/* The numbers only: no trace, no allocation (the per-unit path narrates the same tally). */
	for (size_t i = 0; i < n; i++) {
		as_facts f;
		as_tally t;
		int64_t n_problems = 0;
		f.item = items + i * n_items;
		f.adverse = NULL;
		f.bonus = bonus ? bonus[i] : 0;
		/* Each problem counted at level l was exposed at that level alone: l is its worst. */
		f.worst = problems ? problems + i * n_levels : NULL;
		f.n_worst = problems ? n_levels : 0; /* the first n_levels levels (a table may predate later ones) */
		for (size_t l = 0; problems && l < n_levels; l++)
			n_problems += problems[i * n_levels + l];
		f.n_problems = n_problems;
		f.forced = NULL;
		f.forced_mask = forced ? forced[i] : 0;
		if ((rc = tally(&t, b, &f)) < 0)
			return rc;
		scores[i] = (int32_t)t.score;
		grades[i] = t.grade;
	}
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Half-year and year totals (JM-2.2, JM-2.2.1)                         */
/* ------------------------------------------------------------------ */

struct eg_assess_period {
	const eg_ruleset *rs;
	eg_assess_input *sum;       /* the counted months' inputs, added up */
	char name[8];               /* "2021-H1", "2021" */
	char from[11], to[11];      /* the first and last day (R0.3) */
	size_t n;                   /* 6 or 12 months */
	char months[12][8];         /* "YYYY-MM" */
	unsigned char counted[12];
};

/* JM-2.2.1 (R0.5): "YYYY-H1" January-June, "YYYY-H2" July-December, "YYYY" the calendar year. */
static int period_parse(int *year, int *first_month, size_t *n_months, const char *s)
{
	size_t len;
	int y = 0;
	if (!s)
		return -1;
	len = strlen(s);
	if (len != 4 && len != 7)
		return -1;
	for (size_t i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (y < 1)
		return -1;
	*year = y;
	if (len == 4) {
		*first_month = 1;
		*n_months = 12;
		return 0;
	}
	if (s[4] != '-' || s[5] != 'H' || (s[6] != '1' && s[6] != '2'))
		return -1;
	*first_month = s[6] == '1' ? 1 : 7;
	*n_months = 6;
	return 0;
}

int eg_assess_period_bounds(char *first, char *last, const char *period)
{
	int y, m0;
	size_t n;
	if (!first || !last || !period)
		return eg__error(EG_EINVAL, "eg_assess_period_bounds: NULL argument");
	if (period_parse(&y, &m0, &n, period) < 0)
		return eg__error(EG_EINVAL, "period \"%.20s\" is not YYYY-H1, YYYY-H2 or YYYY (JM-2.2.1)", period);
	{
		int m1 = m0 + (int)n - 1;
		eg__date_format(first, eg__days_from_civil(y, m0, 1));
		eg__date_format(last, eg__days_from_civil(y, m1, eg__days_in_month(y, m1)));
	}
	return EG_OK;
}

/*
 * JM-2.2: the months' counts add up only for rule sets of deduction items;
 * the other parts (CJ-A2-5.1 to CJ-A2-5.3 status items and their veto,
 * CJ-A2-5.7 adverse effects, CJ-A2-5.8 bonus, CJ-A2-5.9 media penalties,
 * CJ-A2-6.3 forced fails) are judged month by month and have no sum.
 */
static int check_sums(const as_body *b)
{
	for (size_t i = 0; i < b->n_items; i++) {
		if (b->items[i].kind == EG_ITEM_KIND_STATUS)
			return eg__error(EG_EINVAL, "rule set %s does not sum over months: item %s is a status item (JM-2.2)",
					 b->name, b->items[i].id);
		if (b->items[i].adverse)
			return eg__error(EG_EINVAL,
					 "rule set %s does not sum over months: item %s has an adverse-effects rule (JM-2.2)",
					 b->name, b->items[i].id);
	}
	if (b->has_bonus)
		return eg__error(EG_EINVAL, "rule set %s does not sum over months: it has a bonus rule (JM-2.2)", b->name);
	if (b->penalty_section >= 0)
		return eg__error(EG_EINVAL, "rule set %s does not sum over months: it has media penalties (JM-2.2)", b->name);
	if (b->n_conds > 0)
		return eg__error(EG_EINVAL, "rule set %s does not sum over months: it has forced-fail conditions (JM-2.2)",
				 b->name);
	return EG_OK;
}

/* JM-2.2: counts summed item by item, checked first (nothing changes on failure), never wrapped. */
int eg_assess_input_add(eg_assess_input *sum, const eg_assess_input *month)
{
	const as_body *b;
	int rc;
	if (!sum || !month)
		return eg__error(EG_EINVAL, "eg_assess_input_add: NULL argument");
	b = &sum->rs->body;
	if (month->rs != sum->rs)
		return eg__error(EG_EINVAL, "eg_assess_input_add: the month's inputs were made for rule set %s, the "
				 "period's for %s", month->rs->body.name, b->name);
	if ((rc = check_sums(b)) < 0)
		return rc;
	for (size_t i = 0; i < b->n_items; i++)
		if (month->item[i] > COUNT_MAX - sum->item[i])
			return eg__error(EG_ERANGE, "item %s: the period's count %lld + %lld is above %d (JM-2.2)",
					 b->items[i].id, (long long)sum->item[i], (long long)month->item[i], COUNT_MAX);
	for (size_t i = 0; i < b->n_items; i++) {
		int64_t v = sum->item[i] + month->item[i];
		/* JM-2.2 per situation (option): one situation in the period, however many months had one. */
		sum->item[i] = b->items[i].situation && v > 0 ? 1 : v;
	}
	return EG_OK;
}

int eg_assess_period_new(eg_assess_period **out, const eg_ruleset *rs, const char *period)
{
	eg_assess_period *p;
	int y, m0, rc;
	size_t n;
	int64_t from, to;
	if (!out || !rs || !period)
		return eg__error(EG_EINVAL, "eg_assess_period_new: NULL argument");
	if (period_parse(&y, &m0, &n, period) < 0)
		return eg__error(EG_EINVAL, "period \"%.20s\" is not YYYY-H1, YYYY-H2 or YYYY (JM-2.2.1)", period);
	if ((rc = check_sums(&rs->body)) < 0)
		return rc;
	/* One rule set in force over the whole period (R0.3, inclusive). */
	from = eg__days_from_civil(y, m0, 1);
	to = eg__days_from_civil(y, m0 + (int)n - 1, eg__days_in_month(y, m0 + (int)n - 1));
	if (from < rs->body.from || to > rs->body.to) {
		char vf[11], vt[11];
		eg__date_format(vf, rs->body.from);
		if (rs->body.to == INT64_MAX)
			snprintf(vt, sizeof vt, "%s", "open");
		else
			eg__date_format(vt, rs->body.to);
		return eg__error(EG_ERANGE, "period %s is outside rule set %s's validity %s to %s", period, rs->body.name, vf,
				 vt);
	}
	p = eg__calloc(1, sizeof *p);
	if (!p)
		return eg__error_nomem("starting a period");
	if ((rc = eg_assess_input_new(&p->sum, rs)) < 0) {
		eg__free(p);
		return rc;
	}
	p->rs = rs;
	snprintf(p->name, sizeof p->name, "%s", period);
	eg__date_format(p->from, from);
	eg__date_format(p->to, to);
	p->n = n;
	for (size_t i = 0; i < n; i++)
		eg__month_format(p->months[i], eg__month_index(y, m0 + (int)i));
	*out = p;
	return EG_OK;
}

void eg_assess_period_free(eg_assess_period *p)
{
	if (!p)
		return;
	eg_assess_input_free(p->sum);
	eg__free(p);
}

int eg_assess_period_add_month(eg_assess_period *p, const char *month, const eg_assess_input *in)
{
	int32_t mi;
	size_t i;
	int rc;
	if (!p || !month || !in)
		return eg__error(EG_EINVAL, "eg_assess_period_add_month: NULL argument");
	if (eg__month_parse(&mi, month) < 0)
		return eg__error(EG_EINVAL, "month \"%.20s\" is not YYYY-MM", month);
	for (i = 0; i < p->n && strcmp(p->months[i], month) != 0; i++)
		;
	if (i == p->n)
		return eg__error(EG_ERANGE, "month %s is not in period %s (%s to %s, JM-2.2.1)", month, p->name, p->from,
				 p->to);
	if (p->counted[i])
		return eg__error(EG_EEXISTS, "month %s is already counted in period %s", month, p->name);
	if ((rc = eg_assess_input_add(p->sum, in)) < 0)
		return rc;
	p->counted[i] = 1;
	return EG_OK;
}

const char *eg_assess_period_name(const eg_assess_period *p) { return p ? p->name : NULL; }
size_t eg_assess_period_month_count(const eg_assess_period *p) { return p ? p->n : 0; }

const char *eg_assess_period_month_at(const eg_assess_period *p, size_t i)
{
	return p && i < p->n ? p->months[i] : NULL;
}

int eg_assess_period_month_counted(const eg_assess_period *p, size_t i)
{
	return p && i < p->n ? p->counted[i] : 0;
}

size_t eg_assess_period_missing_count(const eg_assess_period *p)
{
	size_t k = 0;
	for (size_t i = 0; p && i < p->n; i++)
		k += !p->counted[i];
	return k;
}

/* JM-2.2.1: which months the total is of, and each month it leaves out. */
static int narrate_months(eg_assess_result *r, const eg_assess_period *p)
{
	char zh[768], en[768], list_zh[128] = "", list_en[128] = "";
	size_t k = 0, oz = 0, oe = 0;
	int rc;
	for (size_t i = 0; i < p->n; i++) {
		if (!p->counted[i])
			continue;
		oz += (size_t)snprintf(list_zh + oz, sizeof list_zh - oz, "%s%s", k ? "、" : "", p->months[i]);
		oe += (size_t)snprintf(list_en + oe, sizeof list_en - oe, "%s%s", k ? ", " : "", p->months[i]);
		k++;
	}
	ZH("%s（%s 至 %s）：计入 %zu 个月的扣分：%s（JM-2.2.1）", p->name, p->from, p->to, k, list_zh);
	EN("%s (%s to %s): the deductions of %zu month(s) counted: %s (JM-2.2.1)", p->name, p->from, p->to, k, list_en);
	if ((rc = add_trace(r, "JM-2.2.1", p->name, (int64_t)k, 0, 0, zh, en, NULL)) < 0)
		return rc;
	for (size_t i = 0; i < p->n; i++) {
		if (p->counted[i])
			continue;
		ZH("%s 没有输入，未计入本期：合计不含该月（JM-2.2.1）", p->months[i]);
		EN("%s has no inputs and is not counted: the total leaves it out (JM-2.2.1)", p->months[i]);
		if ((rc = add_trace(r, "JM-2.2.1", p->months[i], 0, 0, 0, zh, en, NULL)) < 0)
			return rc;
	}
	return EG_OK;
}

/* JM-2.2: the rule set applied once to the period's summed counts. */
int eg_assess_period_score(eg_assess_result **out, const eg_assess_period *p)
{
	if (!out || !p)
		return eg__error(EG_EINVAL, "eg_assess_period_score: NULL argument");
	if (p->n == eg_assess_period_missing_count(p))
		return eg__error(EG_ESTATE, "period %s: no month is counted (JM-2.2.1)", p->name);
	return score_counts(out, &p->rs->body, p->sum, p, 1);
}
