/*
 * Rule sets as data: the builder, built (immutable) rule sets and the
 * presets changji-2023 (CJ-A2) and jiangmen-2021 (JM-2.2).
 */
#include "assess_internal.h"

#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"
#include "util/vec.h"

#define NAME_MAX_BYTES 64
#define TEXT_MAX_BYTES 256

static char *dup_opt(const char *s, const char *fallback)
{
	const char *v = s ? s : fallback;
	return eg__strndup(v, strlen(v));
}

/* ------------------------------------------------------------------ */
/* Body: shared by the builder and built rule sets                      */
/* ------------------------------------------------------------------ */

void as__body_clear(as_body *b)
{
	for (size_t i = 0; i < b->n_sections; i++) {
		eg__free(b->sections[i].id);
		eg__free(b->sections[i].zh);
		eg__free(b->sections[i].en);
	}
	for (size_t i = 0; i < b->n_items; i++) {
		as_item *it = &b->items[i];
		eg__free(it->id);
		eg__free(it->rule);
		eg__free(it->zh);
		eg__free(it->en);
	}
	for (size_t i = 0; i < b->n_levels; i++) {
		eg__free(b->levels[i].id);
		eg__free(b->levels[i].rule);
	}
	for (size_t i = 0; i < b->n_conds; i++) {
		eg__free(b->conds[i].id);
		eg__free(b->conds[i].rule);
		eg__free(b->conds[i].zh);
		eg__free(b->conds[i].en);
	}
	for (size_t i = 0; i < b->n_grades; i++)
		eg__free(b->grades[i].rule);
	eg__free(b->sections);
	eg__free(b->items);
	eg__free(b->levels);
	eg__free(b->conds);
	eg__free(b->grades);
	eg__free(b->name);
	eg__free(b->document);
	eg__free(b->bonus_rule);
	eg__free(b->total_rule);
	memset(b, 0, sizeof *b);
}

/* Room for one more element of a rule set's array (util/vec): the block, or NULL with the error set. */
static void *grow(void *arr, size_t *cap, size_t n, size_t size)
{
	void *t = eg__vec_reserve(arr, cap, n + 1, size, 8);
	if (!t)
		eg__error_nomem("growing a rule set");
	return t;
}

static int find_section(const as_body *b, const char *id)
{
	for (size_t i = 0; i < b->n_sections; i++)
		if (strcmp(b->sections[i].id, id) == 0)
			return (int)i;
	return -1;
}

int as__find_item(const as_body *b, const char *id)
{
	if (!id)
		return -1;
	for (size_t i = 0; i < b->n_items; i++)
		if (strcmp(b->items[i].id, id) == 0)
			return (int)i;
	return -1;
}

int as__find_level(const as_body *b, const char *id)
{
	if (!id)
		return -1;
	for (size_t i = 0; i < b->n_levels; i++)
		if (strcmp(b->levels[i].id, id) == 0)
			return (int)i;
	return -1;
}

/*
 * Deep copy; on failure dst is cleared and EG_ENOMEM returned. Arrays are
 * zero-filled and their counts set before filling, so that clearing after a
 * failure part-way frees exactly what was copied (the rest is NULL).
 */
static int body_copy(as_body *dst, const as_body *src)
{
	*dst = *src;
	dst->name = dst->document = dst->bonus_rule = dst->total_rule = NULL;
	dst->sections = NULL;
	dst->items = NULL;
	dst->levels = NULL;
	dst->conds = NULL;
	dst->grades = NULL;
	dst->n_sections = dst->n_items = dst->n_levels = dst->n_conds = dst->n_grades = 0;
	dst->cap_sections = dst->cap_items = dst->cap_levels = dst->cap_conds = dst->cap_grades = 0;
	if (!(dst->name = dup_opt(src->name, "")) || !(dst->document = dup_opt(src->document, "")) ||
	    (src->bonus_rule && !(dst->bonus_rule = dup_opt(src->bonus_rule, ""))) ||
	    (src->total_rule && !(dst->total_rule = dup_opt(src->total_rule, ""))))
		goto fail;
#define COPY_ARRAY(field, n_field)                                                     \
	if (src->n_field) {                                                            \
		dst->field = eg__calloc(src->n_field, sizeof *dst->field);            \
		if (!dst->field)                                                       \
			goto fail;                                                     \
		dst->n_field = dst->cap_##field = src->n_field;                        \
	}
	COPY_ARRAY(sections, n_sections)
	COPY_ARRAY(items, n_items)
	COPY_ARRAY(levels, n_levels)
	COPY_ARRAY(conds, n_conds)
	COPY_ARRAY(grades, n_grades)
#undef COPY_ARRAY
	for (size_t i = 0; i < src->n_sections; i++) {
		as_section *d = &dst->sections[i];
		const as_section *s = &src->sections[i];
		if (!(d->id = dup_opt(s->id, "")) || !(d->zh = dup_opt(s->zh, "")) || !(d->en = dup_opt(s->en, "")))
			goto fail;
	}
	for (size_t i = 0; i < src->n_items; i++) {
		as_item *d = &dst->items[i];
		const as_item *s = &src->items[i];
		*d = *s;
		d->id = d->rule = d->zh = d->en = NULL;
		if (!(d->id = dup_opt(s->id, "")) || !(d->rule = dup_opt(s->rule, "")) ||
		    !(d->zh = dup_opt(s->zh, "")) || !(d->en = dup_opt(s->en, "")))
			goto fail;
	}
	for (size_t i = 0; i < src->n_levels; i++) {
		as_level *d = &dst->levels[i];
		const as_level *s = &src->levels[i];
		*d = *s;
		d->id = d->rule = NULL;
		if (!(d->id = dup_opt(s->id, "")) || !(d->rule = dup_opt(s->rule, "")))
			goto fail;
	}
	for (size_t i = 0; i < src->n_conds; i++) {
		as_cond *d = &dst->conds[i];
		const as_cond *s = &src->conds[i];
		if (!(d->id = dup_opt(s->id, "")) || !(d->rule = dup_opt(s->rule, "")) ||
		    !(d->zh = dup_opt(s->zh, "")) || !(d->en = dup_opt(s->en, "")))
			goto fail;
	}
	for (size_t i = 0; i < src->n_grades; i++) {
		as_grade *d = &dst->grades[i];
		*d = src->grades[i];
		d->rule = NULL;
		if (!(d->rule = dup_opt(src->grades[i].rule, "")))
			goto fail;
	}
	return EG_OK;
fail:
	as__body_clear(dst);
	return eg__error_nomem("building a rule set");
}

/* ------------------------------------------------------------------ */
/* Builder                                                              */
/* ------------------------------------------------------------------ */

struct eg_ruleset_builder {
	as_body body;
};

int eg_ruleset_builder_new(eg_ruleset_builder **out, const char *name, const char *document, int scale)
{
	eg_ruleset_builder *b;
	int rc;
	if (!out)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_new: out is NULL");
	if ((rc = eg__check_text(name, NAME_MAX_BYTES, "rule-set name")) < 0 ||
	    (rc = eg__check_text(document, TEXT_MAX_BYTES, "document number")) < 0)
		return rc;
	if (scale != 1 && scale != 10)
		return eg__error(EG_ERANGE, "rule set %s: scale %d is not 1 or 10 (R0.2)", name, scale);
	b = eg__calloc(1, sizeof *b);
	if (!b)
		return eg__error_nomem("creating a rule-set builder");
	b->body.scale = scale;
	b->body.penalty_section = -1;
	b->body.to = INT64_MAX;
	if (!(b->body.name = dup_opt(name, "")) || !(b->body.document = dup_opt(document, ""))) {
		as__body_clear(&b->body);
		eg__free(b);
		return eg__error_nomem("creating a rule-set builder");
	}
	*out = b;
	return EG_OK;
}

void eg_ruleset_builder_free(eg_ruleset_builder *b)
{
	if (!b)
		return;
	as__body_clear(&b->body);
	eg__free(b);
}

int eg_ruleset_builder_set_validity(eg_ruleset_builder *b, const char *from, const char *to)
{
	int64_t f, t = INT64_MAX;
	if (!b || !from)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_set_validity: NULL argument");
	if (eg__date_parse(&f, from) < 0)
		return eg__error(EG_EINVAL, "valid_from \"%.20s\" is not a date YYYY-MM-DD", from);
	if (to && eg__date_parse(&t, to) < 0)
		return eg__error(EG_EINVAL, "valid_to \"%.20s\" is not a date YYYY-MM-DD", to);
	if (t < f)
		return eg__error(EG_EINVAL, "valid_to %s is before valid_from %s", to, from);
	b->body.from = f;
	b->body.to = t;
	b->body.has_validity = 1;
	memcpy(b->body.from_s, from, 11);
	if (to)
		memcpy(b->body.to_s, to, 11);
	else
		b->body.to_s[0] = '\0';
	return EG_OK;
}

int eg_ruleset_builder_add_section(eg_ruleset_builder *b, const char *id, const char *zh, const char *en)
{
	as_section s;
	int rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_add_section: builder is NULL");
	if ((rc = eg__check_text(id, NAME_MAX_BYTES, "section ID")) < 0 ||
	    (zh && (rc = eg__check_text(zh, TEXT_MAX_BYTES, "section name")) < 0) ||
	    (en && (rc = eg__check_text(en, TEXT_MAX_BYTES, "section name")) < 0))
		return rc;
	if (find_section(&b->body, id) >= 0)
		return eg__error(EG_EEXISTS, "section %s already exists", id);
	{
		void *t = grow(b->body.sections, &b->body.cap_sections, b->body.n_sections, sizeof s);
		if (!t)
			return EG_ENOMEM;
		b->body.sections = t;
	}
	s.id = dup_opt(id, "");
	s.zh = dup_opt(zh, id);
	s.en = dup_opt(en, id);
	if (!s.id || !s.zh || !s.en) {
		eg__free(s.id);
		eg__free(s.zh);
		eg__free(s.en);
		return eg__error_nomem("adding a section");
	}
	b->body.sections[b->body.n_sections++] = s;
	return EG_OK;
}

int eg_item_def_init(eg_item_def *def, unsigned int version)
{
	static const eg_item_def init = EG_ITEM_DEF_INIT;
	if (!def)
		return eg__error(EG_EINVAL, "eg_item_def_init: def is NULL");
	if (version != EG_ITEM_DEF_VERSION)
		return eg__error(EG_EINVAL, "eg_item_def_init: unknown version %u (this library knows %u)", version,
				 EG_ITEM_DEF_VERSION);
	*def = init;
	return EG_OK;
}

int eg_ruleset_builder_add_item(eg_ruleset_builder *b, const eg_item_def *d)
{
	as_item it;
	int rc, sec;
	if (!b || !d)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_add_item: NULL argument");
	if (d->version != EG_ITEM_DEF_VERSION)
		return eg__error(EG_EINVAL, "item definition version %u is not %u", d->version, EG_ITEM_DEF_VERSION);
	if ((rc = eg__check_text(d->id, NAME_MAX_BYTES, "item ID")) < 0 ||
	    (rc = eg__check_text(d->rule, NAME_MAX_BYTES, "item rule ID")) < 0 ||
	    (rc = eg__check_text(d->section, NAME_MAX_BYTES, "item section")) < 0 ||
	    (d->name_zh && (rc = eg__check_text(d->name_zh, TEXT_MAX_BYTES, "item name")) < 0) ||
	    (d->name_en && (rc = eg__check_text(d->name_en, TEXT_MAX_BYTES, "item name")) < 0))
		return rc;
	if (as__find_item(&b->body, d->id) >= 0)
		return eg__error(EG_EEXISTS, "item %s already exists in rule set %s", d->id, b->body.name);
	if ((sec = find_section(&b->body, d->section)) < 0)
		return eg__error(EG_ENOTFOUND, "item %s: section %s not found", d->id, d->section);
	if (d->kind != EG_ITEM_KIND_STATUS && d->kind != EG_ITEM_KIND_DEDUCT)
		return eg__error(EG_EINVAL, "item %s: kind %d is not one of eg_item_kind", d->id, d->kind);
	if (d->max_points < 0 || d->per_occurrence < 0)
		return eg__error(EG_ERANGE, "item %s: max_points %d and per_occurrence %d must be >= 0",
				 d->id, (int)d->max_points, (int)d->per_occurrence);
	if (d->floor != EG_ITEM_NO_FLOOR && d->floor > d->max_points)
		return eg__error(EG_ERANGE, "item %s: floor %d is above max_points %d", d->id,
				 (int)d->floor, (int)d->max_points);
	if (d->kind == EG_ITEM_KIND_DEDUCT && d->veto)
		return eg__error(EG_EINVAL, "item %s: only status items can be veto items (CJ-A2-6.1)", d->id);
	if (d->kind == EG_ITEM_KIND_STATUS && (d->overflow || d->adverse_fail || d->per_occurrence))
		return eg__error(EG_EINVAL, "item %s: a status item has no deductions, overflow or adverse flag", d->id);
	if (d->overflow && d->floor == EG_ITEM_NO_FLOOR)
		return eg__error(EG_EINVAL, "item %s: overflow needs a floor (CJ-A2-5.7)", d->id);
	{
		void *t = grow(b->body.items, &b->body.cap_items, b->body.n_items, sizeof it);
		if (!t)
			return EG_ENOMEM;
		b->body.items = t;
	}
	memset(&it, 0, sizeof it);
	it.section = sec;
	it.kind = d->kind;
	it.max = d->max_points;
	it.per = d->per_occurrence;
	it.floor = d->kind == EG_ITEM_KIND_STATUS ? 0 : d->floor;
	it.overflow = d->overflow != 0;
	it.veto = d->veto != 0;
	it.adverse = d->adverse_fail != 0;
	it.id = dup_opt(d->id, "");
	it.rule = dup_opt(d->rule, "");
	it.zh = dup_opt(d->name_zh, d->id);
	it.en = dup_opt(d->name_en, d->id);
	if (!it.id || !it.rule || !it.zh || !it.en) {
		eg__free(it.id);
		eg__free(it.rule);
		eg__free(it.zh);
		eg__free(it.en);
		return eg__error_nomem("adding an item");
	}
	b->body.items[b->body.n_items++] = it;
	return EG_OK;
}

int eg_ruleset_builder_set_bonus(eg_ruleset_builder *b, const char *rule, int32_t per_event, int32_t cap)
{
	char *r;
	int rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_set_bonus: builder is NULL");
	if ((rc = eg__check_text(rule, NAME_MAX_BYTES, "bonus rule ID")) < 0)
		return rc;
	if (per_event < 0 || cap < 0)
		return eg__error(EG_ERANGE, "bonus: per_event %d and cap %d must be >= 0 (CJ-A2-5.8)",
				 (int)per_event, (int)cap);
	if (!(r = dup_opt(rule, "")))
		return eg__error_nomem("setting the bonus");
	eg__free(b->body.bonus_rule);
	b->body.bonus_rule = r;
	b->body.has_bonus = 1;
	b->body.bonus_per = per_event;
	b->body.bonus_cap = cap;
	return EG_OK;
}

int eg_ruleset_builder_add_penalty_level(eg_ruleset_builder *b, const char *section, const char *level_id,
					 const char *rule, int32_t amount, int fail)
{
	as_level lv;
	int rc, sec;
	if (!b || !section)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_add_penalty_level: NULL argument");
	if ((rc = eg__check_text(level_id, NAME_MAX_BYTES, "penalty level ID")) < 0 ||
	    (rc = eg__check_text(rule, NAME_MAX_BYTES, "penalty rule ID")) < 0)
		return rc;
	if ((sec = find_section(&b->body, section)) < 0)
		return eg__error(EG_ENOTFOUND, "penalty level %s: section %s not found", level_id, section);
	if (b->body.penalty_section >= 0 && b->body.penalty_section != sec)
		return eg__error(EG_EINVAL, "penalty level %s: penalties are drawn from section %s, not %s (CJ-A2-5.9)",
				 level_id, b->body.sections[b->body.penalty_section].id, section);
	if (as__find_level(&b->body, level_id) >= 0)
		return eg__error(EG_EEXISTS, "penalty level %s already exists", level_id);
	if (b->body.n_levels >= AS_MAX_LEVELS)
		return eg__error(EG_ERANGE, "penalty level %s: at most %d levels", level_id, AS_MAX_LEVELS);
	if (amount < 0)
		return eg__error(EG_ERANGE, "penalty level %s: amount %d must be >= 0", level_id, (int)amount);
	{
		void *t = grow(b->body.levels, &b->body.cap_levels, b->body.n_levels, sizeof lv);
		if (!t)
			return EG_ENOMEM;
		b->body.levels = t;
	}
	lv.id = dup_opt(level_id, "");
	lv.rule = dup_opt(rule, "");
	lv.amount = fail ? 0 : amount;
	lv.fail = fail != 0;
	if (!lv.id || !lv.rule) {
		eg__free(lv.id);
		eg__free(lv.rule);
		return eg__error_nomem("adding a penalty level");
	}
	b->body.levels[b->body.n_levels++] = lv;
	b->body.penalty_section = sec;
	return EG_OK;
}

int eg_ruleset_builder_add_forced_fail(eg_ruleset_builder *b, const char *id, const char *rule,
				       const char *zh, const char *en)
{
	as_cond c;
	int rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_add_forced_fail: builder is NULL");
	if ((rc = eg__check_text(id, NAME_MAX_BYTES, "condition ID")) < 0 ||
	    (rc = eg__check_text(rule, NAME_MAX_BYTES, "condition rule ID")) < 0 ||
	    (rc = eg__check_text(zh, TEXT_MAX_BYTES, "condition text")) < 0 ||
	    (rc = eg__check_text(en, TEXT_MAX_BYTES, "condition text")) < 0)
		return rc;
	for (size_t i = 0; i < b->body.n_conds; i++)
		if (strcmp(b->body.conds[i].id, id) == 0)
			return eg__error(EG_EEXISTS, "forced-fail condition %s already exists", id);
	{
		void *t = grow(b->body.conds, &b->body.cap_conds, b->body.n_conds, sizeof c);
		if (!t)
			return EG_ENOMEM;
		b->body.conds = t;
	}
	c.id = dup_opt(id, "");
	c.rule = dup_opt(rule, "");
	c.zh = dup_opt(zh, "");
	c.en = dup_opt(en, "");
	if (!c.id || !c.rule || !c.zh || !c.en) {
		eg__free(c.id);
		eg__free(c.rule);
		eg__free(c.zh);
		eg__free(c.en);
		return eg__error_nomem("adding a forced-fail condition");
	}
	b->body.conds[b->body.n_conds++] = c;
	return EG_OK;
}

int eg_ruleset_builder_add_grade(eg_ruleset_builder *b, int32_t min_points, int grade, const char *rule)
{
	as_grade g;
	int rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_add_grade: builder is NULL");
	if ((rc = eg__check_text(rule, NAME_MAX_BYTES, "grade rule ID")) < 0)
		return rc;
	if (grade != EG_GRADE_PASS && grade != EG_GRADE_GOOD && grade != EG_GRADE_EXCELLENT)
		return eg__error(EG_EINVAL, "grade %d is not pass, good or excellent (below every threshold is fail)", grade);
	for (size_t i = 0; i < b->body.n_grades; i++) {
		const as_grade *o = &b->body.grades[i];
		if (o->grade == grade || o->min == min_points)
			return eg__error(EG_EEXISTS, "grade %s or threshold %d is already set", eg_grade_name(grade),
					 (int)min_points);
		if ((o->grade < grade) != (o->min < min_points))
			return eg__error(EG_ERANGE, "grade %s at %d: thresholds must rise with the grade (%s is at %d)",
					 eg_grade_name(grade), (int)min_points, eg_grade_name(o->grade), (int)o->min);
	}
	{
		void *t = grow(b->body.grades, &b->body.cap_grades, b->body.n_grades, sizeof g);
		if (!t)
			return EG_ENOMEM;
		b->body.grades = t;
	}
	g.min = min_points;
	g.grade = grade;
	if (!(g.rule = dup_opt(rule, "")))
		return eg__error_nomem("adding a grade");
	/* Keep grades sorted from the highest threshold down. */
	{
		size_t k = b->body.n_grades;
		while (k > 0 && b->body.grades[k - 1].min < min_points) {
			b->body.grades[k] = b->body.grades[k - 1];
			k--;
		}
		b->body.grades[k] = g;
		b->body.n_grades++;
	}
	return EG_OK;
}

int eg_ruleset_builder_set_total_rule(eg_ruleset_builder *b, const char *rule)
{
	char *r;
	int rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_set_total_rule: builder is NULL");
	if ((rc = eg__check_text(rule, NAME_MAX_BYTES, "total rule ID")) < 0)
		return rc;
	if (!(r = dup_opt(rule, "")))
		return eg__error_nomem("setting the total rule");
	eg__free(b->body.total_rule);
	b->body.total_rule = r;
	return EG_OK;
}

/* JM-2.2: per occurrence (default) or per situation (option). */
int eg_ruleset_builder_set_per_situation(eg_ruleset_builder *b, const char *item_id, int per_situation)
{
	if (!b || !item_id)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_set_per_situation: NULL argument");
	for (size_t i = 0; i < b->body.n_items; i++)
		if (strcmp(b->body.items[i].id, item_id) == 0) {
			if (b->body.items[i].kind != EG_ITEM_KIND_DEDUCT)
				return eg__error(EG_EINVAL, "item %s is a status item: it has no occurrences (JM-2.2)", item_id);
			b->body.items[i].situation = per_situation != 0;
			return EG_OK;
		}
	return eg__error(EG_ENOTFOUND, "item %.64s not found", item_id);
}

int eg_ruleset_builder_set_veto_mode(eg_ruleset_builder *b, int mode)
{
	if (!b)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_set_veto_mode: builder is NULL");
	if (mode != EG_VETO_MODE_TOTAL && mode != EG_VETO_MODE_ITEM_ONLY)
		return eg__error(EG_EINVAL, "veto mode %d is not EG_VETO_MODE_TOTAL or EG_VETO_MODE_ITEM_ONLY (CJ-A2-6.1)", mode);
	b->body.veto_mode = mode;
	return EG_OK;
}

int eg_ruleset_build(eg_ruleset **out, const eg_ruleset_builder *b)
{
	eg_ruleset *rs;
	int can_fail = 0, rc;
	if (!out || !b)
		return eg__error(EG_EINVAL, "eg_ruleset_build: NULL argument");
	if (b->body.n_items == 0)
		return eg__error(EG_EINVAL, "rule set %s has no items", b->body.name);
	if (!b->body.has_validity)
		return eg__error(EG_EINVAL, "rule set %s has no validity dates", b->body.name);
	for (size_t i = 0; i < b->body.n_levels; i++)
		can_fail |= b->body.levels[i].fail;
	for (size_t i = 0; i < b->body.n_items; i++)
		can_fail |= b->body.items[i].adverse;
	can_fail |= b->body.n_conds > 0;
	if (can_fail && b->body.n_grades == 0)
		return eg__error(EG_EINVAL, "rule set %s has fail conditions but no grades (CJ-A2-6.2)", b->body.name);
	rs = eg__calloc(1, sizeof *rs);
	if (!rs)
		return eg__error_nomem("building a rule set");
	if ((rc = body_copy(&rs->body, &b->body)) < 0) {
		eg__free(rs);
		return rc;
	}
	*out = rs;
	return EG_OK;
}

void eg_ruleset_free(eg_ruleset *rs)
{
	if (!rs)
		return;
	as__body_clear(&rs->body);
	eg__free(rs);
}

const char *eg_ruleset_name(const eg_ruleset *rs) { return rs ? rs->body.name : NULL; }
const char *eg_ruleset_document(const eg_ruleset *rs) { return rs ? rs->body.document : NULL; }
int eg_ruleset_scale(const eg_ruleset *rs) { return rs ? rs->body.scale : 0; }
size_t eg_ruleset_item_count(const eg_ruleset *rs) { return rs ? rs->body.n_items : 0; }

int eg_ruleset_validity(const char **from, const char **to, const eg_ruleset *rs)
{
	if (!from || !to || !rs)
		return eg__error(EG_EINVAL, "eg_ruleset_validity: NULL argument");
	*from = rs->body.from_s;
	*to = rs->body.to_s[0] ? rs->body.to_s : NULL;
	return EG_OK;
}

const char *eg_ruleset_item_id(const eg_ruleset *rs, size_t i)
{
	return rs && i < rs->body.n_items ? rs->body.items[i].id : NULL;
}

const char *eg_ruleset_item_rule(const eg_ruleset *rs, size_t i)
{
	return rs && i < rs->body.n_items ? rs->body.items[i].rule : NULL;
}

int eg_ruleset_item_kind(const eg_ruleset *rs, size_t i)
{
	return rs && i < rs->body.n_items ? rs->body.items[i].kind : -1;
}

const char *eg_grade_name(int grade)
{
	switch (grade) {
	case EG_GRADE_EXCELLENT: return "excellent";
	case EG_GRADE_GOOD: return "good";
	case EG_GRADE_PASS: return "pass";
	case EG_GRADE_FAIL: return "fail";
	default: return "none";
	}
}

/* ------------------------------------------------------------------ */
/* Presets                                                              */
/* ------------------------------------------------------------------ */

/* changji-2023: 昌州环委办发〔2023〕6号 附件2, CJ-A2-5.1 … CJ-A2-6.3. */
static int build_changji(eg_ruleset_builder *b)
{
	static const struct {
		const char *id, *rule, *section, *zh, *en;
		int kind;
		int32_t max, per;
		int overflow, veto, adverse;
	} items[] = {
		/* CJ-A2-5.1 to CJ-A2-5.3: mandatory construction items (veto, CJ-A2-6.1). */
		{ "1", "CJ-A2-5.1", "construction", "二级网格长及领导小组办公室", "level-2 heads and grid office", EG_ITEM_KIND_STATUS, 10, 0, 0, 1, 0 },
		{ "2", "CJ-A2-5.2", "construction", "分网格长职级与全覆盖", "sub-grid heads at rank, full coverage", EG_ITEM_KIND_STATUS, 10, 0, 0, 1, 0 },
		{ "3", "CJ-A2-5.3", "construction", "网格长及投诉渠道公开", "heads and complaint channels disclosed", EG_ITEM_KIND_STATUS, 10, 0, 0, 1, 0 },
		/* CJ-A2-5.4 to CJ-A2-5.7: operation items, floored at 0 (扣完为止). */
		{ "4", "CJ-A2-5.4", "operation", "应发现未发现问题", "problems the grid should have found", EG_ITEM_KIND_DEDUCT, 40, 1, 0, 0, 0 },
		{ "5", "CJ-A2-5.5", "operation", "未及时交办或联合查处", "lower-grid reports not assigned in time", EG_ITEM_KIND_DEDUCT, 10, 5, 0, 0, 0 },
		{ "6", "CJ-A2-5.6", "operation", "查处不到位或虚假整改", "improper handling or false rectification", EG_ITEM_KIND_DEDUCT, 10, 5, 0, 0, 0 },
		/* CJ-A2-5.7: overflow into the total; adverse effects make the month a fail. */
		{ "7", "CJ-A2-5.7", "operation", "督察问题未按时整改", "inspection problems not rectified on time", EG_ITEM_KIND_DEDUCT, 10, 10, 1, 0, 1 },
	};
	int rc;
	if ((rc = eg_ruleset_builder_set_validity(b, "2023-05-24", NULL)) < 0 ||
	    (rc = eg_ruleset_builder_set_total_rule(b, "CJ-A2-5.10")) < 0 ||
	    (rc = eg_ruleset_builder_add_section(b, "construction", "网格化环境监管体系建设情况", "grid construction")) < 0 ||
	    (rc = eg_ruleset_builder_add_section(b, "operation", "网格化环境监管体系运行情况", "grid operation")) < 0)
		return rc;
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		eg_item_def d = EG_ITEM_DEF_INIT;
		d.id = items[i].id;
		d.rule = items[i].rule;
		d.section = items[i].section;
		d.name_zh = items[i].zh;
		d.name_en = items[i].en;
		d.kind = items[i].kind;
		d.max_points = items[i].max;
		d.per_occurrence = items[i].per;
		d.floor = 0;
		d.overflow = items[i].overflow;
		d.veto = items[i].veto;
		d.adverse_fail = items[i].adverse;
		if ((rc = eg_ruleset_builder_add_item(b, &d)) < 0)
			return rc;
	}
	if ((rc = eg_ruleset_builder_set_bonus(b, "CJ-A2-5.8", 2, 10)) < 0 ||
	    /* CJ-A2-5.9: worst per problem, summed, from the operation section (扣完为止). */
	    (rc = eg_ruleset_builder_add_penalty_level(b, "operation", "national", "CJ-A2-5.9", 0, 1)) < 0 ||
	    (rc = eg_ruleset_builder_add_penalty_level(b, "operation", "regional", "CJ-A2-5.9", 30, 0)) < 0 ||
	    (rc = eg_ruleset_builder_add_penalty_level(b, "operation", "prefecture", "CJ-A2-5.9", 20, 0)) < 0 ||
	    /* CJ-A2-5.11: a serious-impact trigger takes the operation section's points
	     * (「一次性扣减…相应分值」, default reading: the 70 of 第五条(二)), once per
	     * problem, at its worst with items 8-10 (item 8 > trigger > 9 > 10). */
	    (rc = eg_ruleset_builder_add_penalty_level(b, "operation", "instructed_national", "CJ-A2-5.11", 70, 0)) < 0 ||
	    (rc = eg_ruleset_builder_add_penalty_level(b, "operation", "instructed_regional", "CJ-A2-5.11", 70, 0)) < 0 ||
	    (rc = eg_ruleset_builder_add_penalty_level(b, "operation", "instructed_prefecture", "CJ-A2-5.11", 70, 0)) < 0 ||
	    (rc = eg_ruleset_builder_add_penalty_level(b, "operation", "ministry_media", "CJ-A2-5.11", 70, 0)) < 0 ||
	    (rc = eg_ruleset_builder_add_penalty_level(b, "operation", "repeated_reports", "CJ-A2-5.11", 70, 0)) < 0 ||
	    /* CJ-A2-6.3: the four forced-fail conditions. */
	    (rc = eg_ruleset_builder_add_forced_fail(b, "CJ-A2-6.3-a", "CJ-A2-6.3",
		     "因失职发生突出环境问题或重大污染事件，被国家、自治区、自治州领导批示交办并查证属实",
		     "a serious incident from dereliction, instructed on by national, regional or prefecture leaders and verified")) < 0 ||
	    (rc = eg_ruleset_builder_add_forced_fail(b, "CJ-A2-6.3-b", "CJ-A2-6.3",
		     "被国家级媒体公开曝光造成重大舆情",
		     "national media exposure causing a major public-opinion event")) < 0 ||
	    (rc = eg_ruleset_builder_add_forced_fail(b, "CJ-A2-6.3-c", "CJ-A2-6.3",
		     "群众反复举报（3次及以上）问题未能得到妥善解决、群众反映强烈并查证属实",
		     "a problem reported 3 or more times not properly resolved, the public reaction strong, verified")) < 0 ||
	    (rc = eg_ruleset_builder_add_forced_fail(b, "CJ-A2-6.3-d", "CJ-A2-6.3",
		     "因履职尽责不力造成严重后果或不良社会影响",
		     "dereliction causing serious consequences or adverse social effects")) < 0 ||
	    /* CJ-A2-6.2: 90 excellent, 80-89 good, 60-79 pass, below 60 fail (R0.1: 60 passes). */
	    (rc = eg_ruleset_builder_add_grade(b, 90, EG_GRADE_EXCELLENT, "CJ-A2-6.2")) < 0 ||
	    (rc = eg_ruleset_builder_add_grade(b, 80, EG_GRADE_GOOD, "CJ-A2-6.2")) < 0 ||
	    (rc = eg_ruleset_builder_add_grade(b, 60, EG_GRADE_PASS, "CJ-A2-6.2")) < 0)
		return rc;
	return EG_OK;
}

/* jiangmen-2021: JM-2.2 double assessment, deductions per occurrence, no floor, no grades. */
static int build_jiangmen(eg_ruleset_builder *b)
{
	static const struct {
		const char *id, *zh, *en;
		int32_t per;
	} items[] = {
		{ "1", "未按时真实完整公开“双公开”信息", "disclosure duty not met, late, untrue or incomplete", 2 },
		{ "2", "未及时动态更新报送进展", "progress not updated or reported in time", 1 },
		{ "3", "未及时依法查处企业违法行为", "violations not investigated", 2 },
		{ "4", "整改或达标未按时完成", "rectification or compliance not achieved on time", 3 },
		{ "5", "市有关单位未履行监管责任", "a city department failing its supervision duty", 2 },
	};
	int rc;
	if ((rc = eg_ruleset_builder_set_validity(b, "2021-01-01", "2021-12-31")) < 0 ||
	    (rc = eg_ruleset_builder_set_total_rule(b, "JM-2.2")) < 0 ||
	    (rc = eg_ruleset_builder_add_section(b, "deductions", "“双考核”扣分", "double-assessment deductions")) < 0)
		return rc;
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		eg_item_def d = EG_ITEM_DEF_INIT;
		d.id = items[i].id;
		d.rule = "JM-2.2";
		d.section = "deductions";
		d.name_zh = items[i].zh;
		d.name_en = items[i].en;
		d.kind = EG_ITEM_KIND_DEDUCT;
		d.max_points = 0;
		d.per_occurrence = items[i].per;
		d.floor = EG_ITEM_NO_FLOOR;
		if ((rc = eg_ruleset_builder_add_item(b, &d)) < 0)
			return rc;
	}
	return EG_OK;
}

static const struct preset {
	const char *name, *document;
	int (*build)(eg_ruleset_builder *);
} presets[] = {
	{ "changji-2023", "昌州环委办发〔2023〕6号 附件2", build_changji },
	{ "jiangmen-2021", "江门市2021年生态环境保护重点行业企业信息“双公开”工作方案", build_jiangmen },
};

static int make_preset(eg_ruleset **out, const struct preset *p)
{
	eg_ruleset_builder *b = NULL;
	int rc = eg_ruleset_builder_new(&b, p->name, p->document, 1);
	if (rc == EG_OK)
		rc = p->build(b);
	if (rc == EG_OK)
		rc = eg_ruleset_build(out, b);
	eg_ruleset_builder_free(b);
	return rc;
}

int eg_ruleset_preset(eg_ruleset **out, const char *name)
{
	if (!out || !name)
		return eg__error(EG_EINVAL, "eg_ruleset_preset: NULL argument");
	for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++)
		if (strcmp(presets[i].name, name) == 0)
			return make_preset(out, &presets[i]);
	return eg__error(EG_ENOTFOUND, "no preset rule set named \"%.64s\" (changji-2023, jiangmen-2021)", name);
}

int eg_ruleset_for_date(eg_ruleset **out, const char *family, const char *date)
{
	int64_t d;
	const struct preset *best = NULL;
	int64_t best_from = INT64_MIN;
	if (!out || !date)
		return eg__error(EG_EINVAL, "eg_ruleset_for_date: NULL argument");
	if (eg__date_parse(&d, date) < 0)
		return eg__error(EG_EINVAL, "\"%.20s\" is not a date YYYY-MM-DD", date);
	for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++) {
		eg_ruleset *rs = NULL;
		int rc;
		if (family && strncmp(presets[i].name, family, strlen(family)) != 0)
			continue;
		if ((rc = make_preset(&rs, &presets[i])) < 0)
			return rc;
		if (d >= rs->body.from && d <= rs->body.to && rs->body.from > best_from) {
			best = &presets[i];
			best_from = rs->body.from;
		}
		eg_ruleset_free(rs);
	}
	if (!best)
		return eg__error(EG_ENOTFOUND, "no preset rule set%s%s is in force on %s",
				 family ? " of family " : "", family ? family : "", date);
	return make_preset(out, best);
}
