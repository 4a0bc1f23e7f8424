/* Internal layout of rule sets, shared by assess_ruleset.c and assess_score.c. */
#ifndef EG_ASSESS_INTERNAL_H
#define EG_ASSESS_INTERNAL_H

#include <ecogrid/assess.h>

#include <stdint.h>

/* Penalty levels per rule set (a problem's levels are a bit mask). */
#define AS_MAX_LEVELS 32

/* The article and words of the regulation a value implements (NULLs when none). */
typedef struct as_src {
	char *article, *quote;
} as_src;

typedef struct as_section {
	char *id, *zh, *en;
} as_section;

typedef struct as_item {
	char *id, *rule, *zh, *en;
	int section;
	int kind;
	int32_t max, per, floor;
	int overflow, veto, adverse;
	int situation; /* JM-2.2 option: deducted once per period however many occurrences */
	as_src src;
} as_item;

typedef struct as_level {
	char *id, *rule;
	char *zh, *en; /* names in traces (NULL: the built-in names of CJ-A2-5.9's levels, or the ID) */
	as_src src;
	int32_t amount;
	int fail;
} as_level;

typedef struct as_cond {
	char *id, *rule, *zh, *en;
	as_src src;
} as_cond;

typedef struct as_grade {
	int32_t min;
	int grade;
	char *rule;
	as_src src;
} as_grade;

typedef struct as_body {
	char *name, *document;
	int scale;
	int64_t from, to; /* days since 1970-01-01; to = INT64_MAX when open */
	int has_validity;
	char from_s[11], to_s[11];
	as_section *sections;
	size_t n_sections, cap_sections;
	as_item *items;
	size_t n_items, cap_items;
	as_level *levels;
	size_t n_levels, cap_levels;
	int penalty_section; /* -1: no penalty group */
	as_cond *conds;
	size_t n_conds, cap_conds;
	as_grade *grades; /* sorted by min, highest first */
	size_t n_grades, cap_grades;
	int has_bonus;
	char *bonus_rule;
	int32_t bonus_per, bonus_cap;
	int veto_mode;
	char *veto_rule; /* rule ID of the veto's trace entry and fail reason (default CJ-A2-6.1) */
	as_src bonus_src, veto_src;
	char *total_rule; /* rule ID of the total's trace entry (NULL: the name) */
} as_body;

struct eg_ruleset {
	as_body body;
};

void as__body_clear(as_body *b);
int as__find_item(const as_body *b, const char *id);
int as__find_level(const as_body *b, const char *id);
/* The source of a part (eg_ruleset_part) of a body, or NULL when it has none. */
const as_src *as__source(const as_body *b, int part, const char *id);

#endif
