/*
 * Rule sets as data: the builder and built (immutable) rule sets. The
 * presets by name (changji-2023, jiangmen-2021) are read from the shipped
 * scheme documents (src/scheme.c, data/schemes/), not kept here.
 */
#include "assess_internal.h"

#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "scheme_internal.h"
#include "util/text.h"
#include "util/vec.h"

#define NAME_MAX_BYTES 64
#define TEXT_MAX_BYTES 256
#define ARTICLE_MAX_BYTES 512
#define QUOTE_MAX_BYTES 1024

static char *dup_opt(const char *s, const char *fallback)
{
	const char *v = s ? s : fallback;
	return eg__strndup(v, strlen(v));
}

/* ------------------------------------------------------------------ */
/* Body: shared by the builder and built rule sets                      */
/* ------------------------------------------------------------------ */

static void src_clear(as_src *s)
{
	eg__free(s->article);
	eg__free(s->quote);
	s->article = s->quote = NULL;
}

/* Copy a source (NULLs stay NULL); EG_ENOMEM leaves dst NULL. */
static int src_copy(as_src *dst, const as_src *src)
{
	dst->article = dst->quote = NULL;
	if (!src->article)
		return EG_OK;
	dst->article = eg__strndup(src->article, strlen(src->article));
	dst->quote = eg__strndup(src->quote, strlen(src->quote));
	if (!dst->article || !dst->quote) {
		src_clear(dst);
		return EG_ENOMEM;
	}
	return EG_OK;
}

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
		src_clear(&it->src);
	}
	for (size_t i = 0; i < b->n_levels; i++) {
		eg__free(b->levels[i].id);
		eg__free(b->levels[i].rule);
		eg__free(b->levels[i].zh);
		eg__free(b->levels[i].en);
		src_clear(&b->levels[i].src);
	}
	for (size_t i = 0; i < b->n_conds; i++) {
		eg__free(b->conds[i].id);
		eg__free(b->conds[i].rule);
		eg__free(b->conds[i].zh);
		eg__free(b->conds[i].en);
		src_clear(&b->conds[i].src);
	}
	for (size_t i = 0; i < b->n_grades; i++) {
		eg__free(b->grades[i].rule);
		src_clear(&b->grades[i].src);
	}
	src_clear(&b->bonus_src);
	src_clear(&b->veto_src);
	eg__free(b->veto_rule);
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
	dst->name = dst->document = dst->bonus_rule = dst->total_rule = dst->veto_rule = NULL;
	dst->bonus_src.article = dst->bonus_src.quote = dst->veto_src.article = dst->veto_src.quote = NULL;
	dst->sections = NULL;
	dst->items = NULL;
	dst->levels = NULL;
	dst->conds = NULL;
	dst->grades = NULL;
	dst->n_sections = dst->n_items = dst->n_levels = dst->n_conds = dst->n_grades = 0;
	dst->cap_sections = dst->cap_items = dst->cap_levels = dst->cap_conds = dst->cap_grades = 0;
	if (!(dst->name = dup_opt(src->name, "")) || !(dst->document = dup_opt(src->document, "")) ||
	    (src->bonus_rule && !(dst->bonus_rule = dup_opt(src->bonus_rule, ""))) ||
	    (src->total_rule && !(dst->total_rule = dup_opt(src->total_rule, ""))) ||
	    (src->veto_rule && !(dst->veto_rule = dup_opt(src->veto_rule, ""))) ||
	    src_copy(&dst->bonus_src, &src->bonus_src) < 0 || src_copy(&dst->veto_src, &src->veto_src) < 0)
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
		d->src.article = d->src.quote = NULL;
		if (!(d->id = dup_opt(s->id, "")) || !(d->rule = dup_opt(s->rule, "")) ||
		    !(d->zh = dup_opt(s->zh, "")) || !(d->en = dup_opt(s->en, "")) || src_copy(&d->src, &s->src) < 0)
			goto fail;
	}
	for (size_t i = 0; i < src->n_levels; i++) {
		as_level *d = &dst->levels[i];
		const as_level *s = &src->levels[i];
		*d = *s;
		d->id = d->rule = d->zh = d->en = NULL;
		d->src.article = d->src.quote = NULL;
		if (!(d->id = dup_opt(s->id, "")) || !(d->rule = dup_opt(s->rule, "")) ||
		    (s->zh && (!(d->zh = dup_opt(s->zh, "")) || !(d->en = dup_opt(s->en, "")))) ||
		    src_copy(&d->src, &s->src) < 0)
			goto fail;
	}
	for (size_t i = 0; i < src->n_conds; i++) {
		as_cond *d = &dst->conds[i];
		const as_cond *s = &src->conds[i];
		if (!(d->id = dup_opt(s->id, "")) || !(d->rule = dup_opt(s->rule, "")) ||
		    !(d->zh = dup_opt(s->zh, "")) || !(d->en = dup_opt(s->en, "")) || src_copy(&d->src, &s->src) < 0)
			goto fail;
	}
	for (size_t i = 0; i < src->n_grades; i++) {
		as_grade *d = &dst->grades[i];
		*d = src->grades[i];
		d->rule = NULL;
		d->src.article = d->src.quote = NULL;
		if (!(d->rule = dup_opt(src->grades[i].rule, "")) || src_copy(&d->src, &src->grades[i].src) < 0)
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
	/* CJ-A2-6.1 until eg_ruleset_builder_set_veto_rule() says otherwise. */
	if (!(b->body.name = dup_opt(name, "")) || !(b->body.document = dup_opt(document, "")) ||
	    !(b->body.veto_rule = dup_opt("CJ-A2-6.1", ""))) {
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
	memset(&lv, 0, sizeof lv);
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
	memset(&c, 0, sizeof c);
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
	memset(&g, 0, sizeof g);
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

int eg_ruleset_builder_set_veto_rule(eg_ruleset_builder *b, const char *rule)
{
	char *r;
	int rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_set_veto_rule: builder is NULL");
	if ((rc = eg__check_text(rule, NAME_MAX_BYTES, "veto rule ID")) < 0)
		return rc;
	if (!(r = dup_opt(rule, "")))
		return eg__error_nomem("setting the veto rule");
	eg__free(b->body.veto_rule);
	b->body.veto_rule = r;
	return EG_OK;
}

static const char *const part_names[] = { "item", "penalty level", "forced-fail condition", "grade", "bonus", "veto" };

/* The source slot of a part, or NULL with the error set. */
static as_src *source_slot(as_body *b, int part, const char *id, const char *what)
{
	if (part < EG_RULESET_PART_ITEM || part > EG_RULESET_PART_VETO) {
		eg__error(EG_EINVAL, "%s: part %d is not one of eg_ruleset_part", what, part);
		return NULL;
	}
	if ((part >= EG_RULESET_PART_BONUS) != (id == NULL)) {
		eg__error(EG_EINVAL, "%s: the %s %s", what, part_names[part],
			  part >= EG_RULESET_PART_BONUS ? "takes no ID" : "needs an ID");
		return NULL;
	}
	switch (part) {
	case EG_RULESET_PART_ITEM: {
		int i = as__find_item(b, id);
		if (i >= 0)
			return &b->items[i].src;
		break;
	}
	case EG_RULESET_PART_LEVEL: {
		int i = as__find_level(b, id);
		if (i >= 0)
			return &b->levels[i].src;
		break;
	}
	case EG_RULESET_PART_CONDITION:
		for (size_t i = 0; i < b->n_conds; i++)
			if (strcmp(b->conds[i].id, id) == 0)
				return &b->conds[i].src;
		break;
	case EG_RULESET_PART_GRADE:
		for (size_t i = 0; i < b->n_grades; i++)
			if (strcmp(eg_grade_name(b->grades[i].grade), id) == 0)
				return &b->grades[i].src;
		break;
	case EG_RULESET_PART_BONUS:
		if (b->has_bonus)
			return &b->bonus_src;
		eg__error(EG_ENOTFOUND, "%s: rule set %s has no bonus rule", what, b->name);
		return NULL;
	default:
		return &b->veto_src;
	}
	eg__error(EG_ENOTFOUND, "%s: rule set %s has no %s %.64s", what, b->name, part_names[part], id);
	return NULL;
}

const as_src *as__source(const as_body *b, int part, const char *id)
{
	as_src *s = source_slot((as_body *)(uintptr_t)b, part, id, "source");
	return s && s->article ? s : NULL;
}

int eg_ruleset_builder_set_source(eg_ruleset_builder *b, int part, const char *id, const char *article, const char *quote)
{
	as_src *slot, n;
	int rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_set_source: builder is NULL");
	if ((rc = eg__check_text(article, ARTICLE_MAX_BYTES, "source article")) < 0 ||
	    (rc = eg__check_text(quote, QUOTE_MAX_BYTES, "source quote")) < 0)
		return rc;
	if (!(slot = source_slot(&b->body, part, id, "eg_ruleset_builder_set_source")))
		return eg_error_last()->code;
	n.article = eg__strndup(article, strlen(article));
	n.quote = eg__strndup(quote, strlen(quote));
	if (!n.article || !n.quote) {
		src_clear(&n);
		return eg__error_nomem("recording a source");
	}
	src_clear(slot);
	*slot = n;
	return EG_OK;
}

int eg_ruleset_builder_set_level_name(eg_ruleset_builder *b, const char *level_id, const char *zh, const char *en)
{
	char *z, *e;
	int i, rc;
	if (!b)
		return eg__error(EG_EINVAL, "eg_ruleset_builder_set_level_name: builder is NULL");
	if ((rc = eg__check_text(level_id, NAME_MAX_BYTES, "penalty level ID")) < 0 ||
	    (rc = eg__check_text(zh, TEXT_MAX_BYTES, "level name")) < 0 ||
	    (rc = eg__check_text(en, TEXT_MAX_BYTES, "level name")) < 0)
		return rc;
	if ((i = as__find_level(&b->body, level_id)) < 0)
		return eg__error(EG_ENOTFOUND, "penalty level %s not found (add it first)", level_id);
	z = dup_opt(zh, "");
	e = dup_opt(en, "");
	if (!z || !e) {
		eg__free(z);
		eg__free(e);
		return eg__error_nomem("naming a penalty level");
	}
	eg__free(b->body.levels[i].zh);
	eg__free(b->body.levels[i].en);
	b->body.levels[i].zh = z;
	b->body.levels[i].en = e;
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

size_t eg_ruleset_level_count(const eg_ruleset *rs) { return rs ? rs->body.n_levels : 0; }

const char *eg_ruleset_level_id(const eg_ruleset *rs, size_t i)
{
	return rs && i < rs->body.n_levels ? rs->body.levels[i].id : NULL;
}

int eg_ruleset_source(const char **article, const char **quote, const eg_ruleset *rs, int part, const char *id)
{
	const as_src *s;
	if (!article || !quote || !rs)
		return eg__error(EG_EINVAL, "eg_ruleset_source: NULL argument");
	if (!(s = source_slot((as_body *)(uintptr_t)&rs->body, part, id, "eg_ruleset_source")))
		return eg_error_last()->code;
	*article = s->article;
	*quote = s->quote;
	return EG_OK;
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
/* Presets: read from the shipped scheme documents (data/schemes/)       */
/* ------------------------------------------------------------------ */

int eg_ruleset_preset(eg_ruleset **out, const char *name)
{
	if (!out || !name)
		return eg__error(EG_EINVAL, "eg_ruleset_preset: NULL argument");
	return eg__scheme_preset_ruleset(out, name);
}

int eg_ruleset_for_date(eg_ruleset **out, const char *family, const char *date)
{
	if (!out || !date)
		return eg__error(EG_EINVAL, "eg_ruleset_for_date: NULL argument");
	return eg__scheme_preset_for_date(out, family, date);
}
