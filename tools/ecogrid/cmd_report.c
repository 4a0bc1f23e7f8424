/*
 * report: the monthly bulletin (月度通报) as text, JSON, CSV or a
 * self-contained HTML page with an inline SVG chart of the air ranking.
 * Reads the results stored by `month run`; writes nothing.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw */
#include "tool.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * fprintf() of a translated format: through vfprintf, so that GCC's
 * sanitizer builds, which cannot see that gettext() never returns NULL,
 * do not take the format for a null one (-Wformat-overflow).
 */
static void putf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
}

typedef struct row {
	char id[72], name[300];
	json_t *r;
} row;

/* The ladders of the workspace's scheme, in its order: those the months feed, then the last-place ladder. */
static size_t scheme_ladders(const cycle_scheme *s, const char **out)
{
	size_t n = 0;
	for (size_t l = 0; l < s->n_ladders; l++)
		out[n++] = s->ladder[l];
	if (s->last_place)
		out[n++] = s->last_place;
	return n;
}

/* A score in the rule set's scale units as points: "87", or "93.5" in tenths (R0.2). */
static const char *points(char *buf, size_t size, long long score, int scale)
{
	if (scale == 10)
		snprintf(buf, size, "%s%lld.%lld", score < 0 ? "-" : "", (score < 0 ? -score : score) / 10,
			 (score < 0 ? -score : score) % 10);
	else
		snprintf(buf, size, "%lld", score);
	return buf;
}

static int load(sqlite3 *db, const char *month, row **out, size_t *n_out)
{
	sqlite3_stmt *st;
	row *rows = NULL;
	size_t n = 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT r.unit, COALESCE(g.name, r.unit), r.json FROM month_result r "
			       "LEFT JOIN grid_node g ON g.id = r.unit WHERE r.month = ? ORDER BY COALESCE(g.seq, 0), r.unit",
			       -1, &st, NULL) != SQLITE_OK)
		return tool_fail("workspace: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		row *t = realloc(rows, (n + 1) * sizeof *rows);
		if (!t)
			break;
		rows = t;
		snprintf(rows[n].id, sizeof rows[n].id, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(rows[n].name, sizeof rows[n].name, "%s", (const char *)sqlite3_column_text(st, 1));
		rows[n].r = json_loads((const char *)sqlite3_column_text(st, 2), 0, NULL);
		if (rows[n].r)
			n++;
	}
	sqlite3_finalize(st);
	if (n == 0) {
		free(rows);
		return tool_fail("report: no results for %s; run `ecogrid month run %s` first", month, month);
	}
	*out = rows;
	*n_out = n;
	return TOOL_OK;
}

/*
 * Freshness of the month's results (cycle.c): `stale` gets the reasons as
 * a JSON array of {reason, month, text}, empty when fresh; `gaps` what the
 * run found missing (month_run.gaps), or NULL; `root` (8 bytes) the month
 * `month run --from` must start at to bring this one up to date.
 */
static int freshness(sqlite3 *db, const char *month, int lang, json_t **stale, json_t **gaps, const cycle_scheme *s,
		     char *root)
{
	cycle c;
	const cyc_month *m;
	*stale = json_array();
	*gaps = NULL;
	if (cycle_load(&c, db, s))
		return TOOL_FAIL;
	if ((m = cycle_find(&c, month))) {
		for (size_t w = 0; w < m->n_why; w++) {
			char text[300];
			json_array_append_new(*stale, json_pack("{s:s, s:s, s:s}", "reason", cycle_why_code(m->why[w].code), "month",
								m->why[w].arg, "text",
								cycle_why_text(&m->why[w], lang, text, sizeof text)));
		}
		if (m->gaps)
			*gaps = json_loads(m->gaps, 0, NULL);
		snprintf(root, 8, "%s", cycle_root(&c, month)->month);
	}
	cycle_free(&c);
	return TOOL_OK;
}

/* How the run treated a missing block (what the tool did; the rules are the library's), naming the scheme's rules. */
static const char *treatment(char *buf, size_t size, const char *block, int lang, const cycle_scheme *s)
{
	char rules[200] = "";
	size_t o = 0;
	if (!strcmp(block, "inputs"))
		return lang ? "no inputs: not assessed, not ranked this month" : "无输入：本月未考核、未参加空气质量排名";
	if (!strncmp(block, "assessment", 10)) {
		/* Left out of what the month feeds the scheme's monthly ladders. */
		for (size_t i = 0; i < s->n_ladders && o < sizeof rules; i++)
			o += (size_t)snprintf(rules + o, sizeof rules - o, "%s%s", i ? (lang ? ", " : "、") : "", s->ladder[i]);
		if (!rules[0])
			return lang ? "not scored" : "未评分";
		snprintf(buf, size, lang ? "not scored; left out of this month's values of the ladders %s"
					 : "未评分，不计入本月问责阶梯 %s 的数值",
			 rules);
		return buf;
	}
	{
		const char *rank = cycle_source_rule(s->scheme, "/air_quality/ranking");
		if (rank && s->last_place)
			snprintf(rules, sizeof rules, lang ? " (%s) nor judged for last place (%s)" : "（%s）及末位判定（%s）", rank,
				 s->last_place);
		else if (rank)
			snprintf(rules, sizeof rules, lang ? " (%s)" : "（%s）", rank);
		snprintf(buf, size, lang ? "not ranked%s; the others are ranked among themselves" : "未参加空气质量排名%s，其余单位之间排名",
			 rules);
		return buf;
	}
}

/* The notes of a run with --allow-missing or of stale results, as lines of text. */
static void notes(json_t *lines, const char *month, row *rows, size_t n, json_t *stale, json_t *gaps, int lang,
		  const cycle_scheme *sch)
{
	char buf[1024], how[400];
	size_t k;
	json_t *x;
	json_array_foreach(stale, k, x) {
		snprintf(buf, sizeof buf, lang ? "STALE: %s; run `ecogrid month run --from` again before publishing"
					       : "已过期：%s；发布前请重新运行 `ecogrid month run --from`",
			 json_string_value(json_object_get(x, "text")));
		json_array_append_new(lines, json_string(buf));
	}
	json_array_foreach(json_object_get(gaps, "gap_months"), k, x) {
		snprintf(buf, sizeof buf, lang ? "%s was not imported: run with --allow-missing; streaks running into it are broken (R0.4)"
					       : "%s 未导入：以 --allow-missing 运行，跨越该月的连续记录中断（R0.4）",
			 json_string_value(x));
		json_array_append_new(lines, json_string(buf));
	}
	(void)month;
	for (size_t i = 0; i < n; i++) {
		json_t *b, *miss = json_object_get(rows[i].r, "missing");
		size_t j;
		json_array_foreach(miss, j, b) {
			snprintf(buf, sizeof buf, lang ? "%s: missing %s: %s" : "%s：缺少%s：%s", rows[i].name,
				 cycle_block_label(json_string_value(b), lang),
				 treatment(how, sizeof how, json_string_value(b), lang, sch));
			json_array_append_new(lines, json_string(buf));
		}
		json_array_foreach(json_object_get(rows[i].r, "streaks_broken"), j, b) {
			snprintf(buf, sizeof buf,
				 lang ? "%s: its %s streak of %lld month(s) was broken by %s missing (R0.4)"
				      : "%s：%s 连续 %lld 个月的记录因 %s 缺失而中断（R0.4）",
				 rows[i].name, json_string_value(json_object_get(b, "ladder")),
				 json_integer_value(json_object_get(b, "months")), json_string_value(json_object_get(b, "by")));
			json_array_append_new(lines, json_string(buf));
		}
	}
}

static const char *grade_label(const char *g, int lang)
{
	if (lang == EG_LANG_EN)
		return g;
	/* "none": a rule set without grades (JM-2.2) has no grade, which is not a fail. */
	return !strcmp(g, "excellent") ? "优秀" : !strcmp(g, "good") ? "良好" : !strcmp(g, "pass") ? "合格" :
	       !strcmp(g, "none") ? "无等次" : "不合格";
}

/* The ladder's action name in a language, from the workspace's scheme. */
static const char *action_name(const cycle_scheme *sch, const char *ladder, const char *action, int lang)
{
	eg_ladder *l = NULL;
	static char buf[256];
	buf[0] = '\0';
	if (eg_scheme_ladder(&l, sch->scheme, ladder) == EG_OK) {
		for (size_t s = 0; s < eg_ladder_action_count(l); s++)
			if (!strcmp(eg_ladder_action_id(l, s), action))
				snprintf(buf, sizeof buf, "%s", eg_ladder_action_name(l, s, lang));
		eg_ladder_free(l);
	}
	return buf[0] ? buf : action;
}

static void text_report(FILE *f, const char *month, row *rows, size_t n, int lang, json_t *lines, const cycle_scheme *s,
			int scale)
{
	size_t ln, n_lad;
	json_t *line;
	const char *ladders[CYCLE_MAX_LADDERS + 1];
	char pts[32];
	n_lad = scheme_ladders(s, ladders);
	fprintf(f, lang ? "Monthly grid supervision bulletin, %s\n\n" : "网格化环境监管月度通报（%s）\n\n", month);
	json_array_foreach(lines, ln, line)
		fprintf(f, "%s%s\n", ln ? "" : (lang ? "Notes:\n" : "说明：\n"), json_string_value(line));
	if (json_array_size(lines))
		fputc('\n', f);
	fprintf(f, "%s\n", lang ? "Unit\tScore\tGrade\tAir rank\tComposite index\tImprovement" : "单位\t得分\t等次\t空气排名\t综合指数\t同比改善率");
	for (size_t i = 0; i < n; i++) {
		json_t *r = rows[i].r, *air = json_object_get(r, "air");
		if (json_object_get(r, "score"))
			fprintf(f, "%s\t%s\t%s", rows[i].name,
				points(pts, sizeof pts, json_integer_value(json_object_get(r, "score")), scale),
				grade_label(json_string_value(json_object_get(r, "grade")), lang));
		else
			fprintf(f, "%s\t-\t%s", rows[i].name, lang ? "not assessed" : "未考核");
		if (air)
			fprintf(f, "\t%lld\t%s\t%s%%", json_integer_value(json_object_get(air, "rank")),
				json_string_value(json_object_get(air, "reported")),
				json_string_value(json_object_get(air, "rate_percent")));
		fputc('\n', f);
	}
	fprintf(f, "\n%s\n", lang ? "Escalations (rule IDs in brackets):" : "问责与通报（括号内为规则编号）：");
	for (size_t i = 0; i < n; i++) {
		json_t *acts = json_object_get(rows[i].r, "actions"), *fails = json_object_get(rows[i].r, "fail_reasons");
		if (json_array_size(fails) > 0) {
			size_t k;
			json_t *x;
			fprintf(f, lang ? "  %s: graded fail (" : "  %s：考核不合格（", rows[i].name);
			json_array_foreach(fails, k, x)
				fprintf(f, "%s%s", k ? (lang ? ", " : "、") : "", json_string_value(x));
			fprintf(f, "%s\n", lang ? ")" : "）");
		}
		for (size_t l = 0; l < n_lad; l++) {
			json_t *a = json_object_get(acts, ladders[l]), *cl, *x;
			size_t k;
			if (!a || json_integer_value(json_object_get(a, "severity")) == 0)
				continue;
			fprintf(f, "  %s%s%s\n", rows[i].name, lang ? ": " : "：",
				action_name(s, ladders[l], json_string_value(json_object_get(a, "action")), lang));
			cl = json_object_get(a, "clauses");
			json_array_foreach(cl, k, x)
				fprintf(f, "    %s\n", json_string_value(json_object_get(x, lang ? "message_en" : "message")));
		}
	}
}

/*
 * The CSV for people (Excel): headers and values in the user's language
 * (Chinese by default), with the codes kept in their own columns for
 * machines. Columns: unit code, name, score, grade, grade code, veto,
 * fail reasons (rule IDs), per ladder the months feed its action and the
 * action's code, the air index, improvement and rank, the last-place
 * ladder's action and code (when the scheme has one), the missing blocks,
 * stale.
 */
static void csv_report(FILE *f, row *rows, size_t n, int bom, int stale, const cycle_scheme *s, int scale, int lang)
{
	const char *ladders[CYCLE_MAX_LADDERS + 1];
	size_t n_lad = scheme_ladders(s, ladders);
	const char *head[] = { _("unit code"), _("unit"), _("score"), _("grade"), _("grade code"), _("veto"),
			       _("fail reasons (rule IDs)") };
	const char *air_head[] = { _("composite index"), _("improvement (%)"), _("air quality rank") };
	char h[160];
	if (bom)
		fputs("\xEF\xBB\xBF", f); /* spreadsheet software reads UTF-8 with a BOM */
	out_csv_cells(f, head, 7, 0);
	for (size_t l = 0; l < n_lad; l++) {
		if (l == s->n_ladders)
			out_csv_cells(f, air_head, 3, 0);
		snprintf(h, sizeof h, _("action (%s)"), ladders[l]);
		out_csv_cell(f, h, 0);
		snprintf(h, sizeof h, _("action code (%s)"), ladders[l]);
		out_csv_cell(f, h, 0);
	}
	if (!s->last_place)
		out_csv_cells(f, air_head, 3, 0);
	out_csv_cell(f, _("missing inputs"), 0);
	out_csv_cell(f, _("stale"), 1);
	for (size_t i = 0; i < n; i++) {
		json_t *r = rows[i].r, *air = json_object_get(r, "air"), *acts = json_object_get(r, "actions"), *x;
		const char *g = json_string_value(json_object_get(r, "grade"));
		char score[32], rank[32] = "", fails[512] = "", missing[512] = "";
		size_t k, o = 0, om = 0;
		json_array_foreach(json_object_get(r, "missing"), k, x)
			if (om < sizeof missing)
				om += (size_t)snprintf(missing + om, sizeof missing - om, "%s%s", k ? (lang ? "; " : "；") : "",
						       cycle_block_label(json_string_value(x), lang));
		if (json_object_get(r, "score"))
			points(score, sizeof score, json_integer_value(json_object_get(r, "score")), scale);
		else
			score[0] = '\0';
		json_array_foreach(json_object_get(r, "fail_reasons"), k, x)
			if (o < sizeof fails)
				o += (size_t)snprintf(fails + o, sizeof fails - o, "%s%s", k ? ";" : "", json_string_value(x));
		if (air)
			snprintf(rank, sizeof rank, "%lld", json_integer_value(json_object_get(air, "rank")));
		out_csv_cell(f, rows[i].id, 0);
		out_csv_cell(f, rows[i].name, 0);
		out_csv_cell(f, score, 0);
		out_csv_cell(f, g ? grade_label(g, lang) : "", 0);
		out_csv_cell(f, g, 0);
		out_csv_cell(f, json_object_get(r, "veto") ? (json_is_true(json_object_get(r, "veto")) ? _("yes") : _("no")) : "", 0);
		out_csv_cell(f, fails, 0);
		for (size_t l = 0; l < n_lad; l++) {
			const char *code = json_string_value(json_object_get(json_object_get(acts, ladders[l]), "action"));
			if (l == s->n_ladders) {
				out_csv_cell(f, air ? json_string_value(json_object_get(air, "reported")) : "", 0);
				out_csv_cell(f, air ? json_string_value(json_object_get(air, "rate_percent")) : "", 0);
				out_csv_cell(f, rank, 0);
			}
			out_csv_cell(f, code ? action_name(s, ladders[l], code, lang) : "", 0);
			out_csv_cell(f, code, 0);
		}
		if (!s->last_place) {
			out_csv_cell(f, air ? json_string_value(json_object_get(air, "reported")) : "", 0);
			out_csv_cell(f, air ? json_string_value(json_object_get(air, "rate_percent")) : "", 0);
			out_csv_cell(f, rank, 0);
		}
		out_csv_cell(f, missing, 0);
		out_csv_cell(f, stale ? _("yes") : _("no"), 1);
	}
}

/*
 * The publishable bulletin (HTML, and PDF printed from it). Citations as
 * the public reads them: the article of the scheme's document that a rule
 * implements (eg_scheme_source_at), with the catalogue's rule ID only in
 * the tooltip (title attribute), never in the text.
 */
typedef struct citer {
	const eg_scheme *s; /* the workspace's scheme (borrowed), or NULL */
	eg_ruleset *rs;     /* its rule set for the month (its items' kinds), or NULL */
	char buf[600];
} citer;

static void citer_open(citer *c, const cycle_scheme *s, const char *month)
{
	c->s = s->scheme;
	if (eg_scheme_ruleset(&c->rs, s->scheme, month) != EG_OK)
		c->rs = NULL;
}

/* The article a rule implements: its sources' common part ("附件2 第五条(四)" for items 8 to 10), else the first. */
static const char *citer_article(citer *c, const char *rule)
{
	size_t len = 0;
	int n = 0;
	c->buf[0] = '\0';
	for (size_t i = 0; c->s && i < eg_scheme_source_count(c->s); i++) {
		const char *r = NULL, *p = NULL, *a = NULL, *q = NULL;
		if (eg_scheme_source_at(&r, &p, &a, &q, c->s, i) != EG_OK || strcmp(r, rule) || !a)
			continue;
		if (n++ == 0) {
			snprintf(c->buf, sizeof c->buf, "%s", a);
			len = strlen(c->buf);
		} else {
			size_t k = 0;
			while (k < len && a[k] == c->buf[k])
				k++;
			while (k > 0 && ((unsigned char)c->buf[k] & 0xC0) == 0x80) /* not inside a UTF-8 character */
				k--;
			if (k > 0) {
				while (k > 0 && c->buf[k - 1] == ' ')
					k--;
				len = k;
				c->buf[len] = '\0';
			}
		}
	}
	return c->buf[0] ? c->buf : NULL;
}

/* " （附件2 第五条(二)4）" with the rule ID as its tooltip; nothing for a rule the document does not cite. */
static void cite(FILE *f, citer *c, const char *rule, int lang)
{
	const char *a = rule ? citer_article(c, rule) : NULL;
	if (!a)
		return;
	fputs("<span class=\"cite\" title=\"", f);
	out_html_escape(f, rule);
	fputs(lang ? "\"> (" : "\">（", f);
	out_html_escape(f, a);
	fputs(lang ? ")</span>" : "）</span>", f);
}

/* A rule-catalogue ID ("CJ-A2-5.4", "R0.4"): capitals, digits, dots and hyphens, with a hyphen or R and a digit. */
static int is_rule_id(const char *s, size_t n)
{
	int hyphen = 0, digit = 0;
	if (n < 2 || n > 24 || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			hyphen = 1;
		else if (s[i] >= '0' && s[i] <= '9')
			digit = 1;
		else if (!(s[i] >= 'A' && s[i] <= 'Z') && s[i] != '.')
			return 0;
	}
	return digit && (hyphen || (s[0] == 'R' && s[1] >= '0' && s[1] <= '9'));
}

/*
 * A library message as the public reads it: its rule citations taken out
 * ("…得 10 分（CJ-A2-5.1）" → "…得 10 分", "（1 个问题，扣完为止，CJ-A2-5.9）"
 * → "（1 个问题，扣完为止）"), HTML-escaped. The bulletin cites the article
 * beside it instead.
 */
static void public_text(FILE *f, const char *msg)
{
	static const char *const open[] = { "\xEF\xBC\x88", "(" }, *const close[] = { "\xEF\xBC\x89", ")" };
	char *out = malloc(strlen(msg) + 1);
	size_t o = 0;
	if (!out) {
		out_html_escape(f, msg);
		return;
	}
	for (const char *p = msg; *p;) {
		int done = 0;
		for (int b = 0; b < 2 && !done; b++) {
			size_t ol = strlen(open[b]), cl = strlen(close[b]);
			const char *end, *last;
			if (strncmp(p, open[b], ol))
				continue;
			if (!(end = strstr(p + ol, close[b])))
				continue;
			/* The group's last part, after its last "，" or ", ". */
			last = p + ol;
			for (const char *q = p + ol; q < end; q++) {
				if (!strncmp(q, "\xEF\xBC\x8C", 3))
					last = q + 3;
				else if (!strncmp(q, ", ", 2))
					last = q + 2;
			}
			if (!is_rule_id(last, (size_t)(end - last)))
				continue;
			if (last == p + ol) { /* the whole group is the citation: drop it, and a space before it */
				while (o > 0 && out[o - 1] == ' ')
					o--;
			} else { /* keep the group, without its last part and the separator before it */
				size_t keep = (size_t)(last - p);
				keep -= !strncmp(last - 3, "\xEF\xBC\x8C", 3) ? 3 : 2;
				memcpy(out + o, p, keep);
				o += keep;
				memcpy(out + o, close[b], cl);
				o += cl;
			}
			p = end + cl;
			done = 1;
		}
		if (!done)
			out[o++] = *p++;
	}
	out[o] = '\0';
	out_html_escape(f, out);
	free(out);
}

/*
 * The trace entries that explain a unit's points: an item not met (a status
 * item's count is 1 when met), an item with occurrences, counted events
 * (media problems, bonus), points taken (veto, media), a fail reason. Items
 * at full points, the total and the grade are not listed.
 */
static int is_reason(json_t *t, json_t *fails, const eg_ruleset *rs)
{
	json_int_t before = json_integer_value(json_object_get(t, "before")), after = json_integer_value(json_object_get(t, "after"));
	json_int_t count = json_integer_value(json_object_get(t, "count"));
	const char *rule = json_string_value(json_object_get(t, "rule")), *subject = json_string_value(json_object_get(t, "subject"));
	size_t k;
	json_t *x;
	for (size_t i = 0; rs && subject && rule && i < eg_ruleset_item_count(rs); i++)
		if (!strcmp(eg_ruleset_item_id(rs, i), subject) && !strcmp(eg_ruleset_item_rule(rs, i), rule))
			return eg_ruleset_item_kind(rs, i) == EG_ITEM_KIND_STATUS ? count == 0 : count > 0;
	if (count > 0 || after < before)
		return 1;
	json_array_foreach(fails, k, x)
		if (rule && !strcmp(rule, json_string_value(x)))
			return 1;
	return 0;
}

/* Today in CST (R0.3), YYYY-MM-DD. */
static void today(char *out, size_t size)
{
	char at[32];
	ws_now(at, sizeof at);
	snprintf(out, size, "%.10s", at);
}

/*
 * fprintf through a function of its own: GCC's sanitizer builds saw a
 * possibly null format in some inlined fprintf(f, _(...), ...) calls of
 * html_report (the -Wformat-overflow false positive "null format string").
 */
static void fmt_out(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fmt_out(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
}

/* "2026年11月5日" / "5 November 2026" from YYYY-MM-DD. */
static void long_date(char *out, size_t size, const char *d, int lang)
{
	static const char *const months[12] = { "January", "February", "March", "April", "May", "June", "July",
						"August", "September", "October", "November", "December" };
	int y = 0, m = 0, day = 0;
	if (sscanf(d, "%4d-%2d-%2d", &y, &m, &day) != 3 || m < 1 || m > 12)
		snprintf(out, size, "%s", d);
	else if (lang)
		snprintf(out, size, "%d %s %d", day, months[m - 1], y);
	else
		snprintf(out, size, "%d年%d月%d日", y, m, day);
}

typedef struct issue_info {
	char *office, *number, *date; /* `ecogrid config`; date defaults to today */
} issue_info;

static void html_report(FILE *f, const char *month, row *rows, size_t n, int lang, json_t *lines, int stale,
			const issue_info *iss, citer *c, const cycle_scheme *sch, int scale)
{
	const char *ladders[CYCLE_MAX_LADDERS + 1];
	size_t n_lad = scheme_ladders(sch, ladders);
	char pts[32];
	double maxabs = 0.001;
	int bar_h = 26, width = 640, label_w = 170, mid = label_w + (width - label_w) / 2, y_m = 0, m_m = 0, n_air = 0;
	char title[160], period[64], date[64];
	const char *doc = c->s ? eg_scheme_title(c->s, EG_LANG_ZH) : NULL, *docno = c->s ? eg_scheme_document(c->s) : NULL;
	sscanf(month, "%4d-%2d", &y_m, &m_m);
	if (lang)
		snprintf(period, sizeof period, "%s", month);
	else
		snprintf(period, sizeof period, "%d年%d月", y_m, m_m);
	snprintf(title, sizeof title, _("Grid-based environmental supervision: monthly bulletin, %s"), period);
	long_date(date, sizeof date, iss->date, lang);
	out_html_head(f, title, lang);

	/* The head of an official document: issuing office, document number, title. */
	fputs("<header class=\"doc\">\n", f);
	if (iss->office) {
		fputs("<p class=\"office\">", f);
		out_html_escape(f, iss->office);
		fputs("</p>\n", f);
	}
	if (iss->number) {
		fputs("<p class=\"docno\">", f);
		out_html_escape(f, iss->number);
		fputs("</p>\n", f);
	}
	fputs("<hr class=\"red\">\n<h1>", f);
	out_html_escape(f, title);
	fputs("</h1>\n</header>\n", f);
	if (stale)
		fprintf(f, "<p class=\"fail\">%s</p>\n", _("DRAFT: these results are stale and must be run again before publishing."));
	if (doc) {
		fputs("<p>", f);
		if (docno)
			fmt_out(f, _("This bulletin applies 《%s》 (%s); the articles cited below are of that document."), doc, docno);
		else
			fmt_out(f, _("This bulletin applies 《%s》; the articles cited below are of that document."), doc);
		fputs("</p>\n", f);
	}
	if (json_array_size(lines)) {
		size_t k;
		json_t *x;
		fprintf(f, "<div class=\"%s\"><p><b>%s</b></p>\n", stale ? "fail" : "note", _("Notes"));
		json_array_foreach(lines, k, x) {
			fputs("<p>", f);
			public_text(f, json_string_value(x));
			fputs("</p>\n", f);
		}
		fputs("</div>\n", f);
	}

	/* 1. Scores, grades and the reasons of every deduction, unit by unit. */
	fprintf(f, "<h2>%s</h2>\n<div class=\"scroll\"><table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
		_("1. Assessment results"), _("Unit"), _("Score"), _("Grade"), _("Points deducted or added, and why"));
	for (size_t i = 0; i < n; i++) {
		json_t *r = rows[i].r, *t, *fails = json_object_get(r, "fail_reasons");
		const char *g = json_string_value(json_object_get(r, "grade"));
		size_t k, shown = 0;
		fputs("<tr><td>", f);
		out_html_escape(f, rows[i].name);
		if (!g) {
			fprintf(f, "</td><td>-</td><td class=\"fail\">%s</td><td>%s</td></tr>\n", _("not assessed"),
				_("no assessment inputs this month"));
			continue;
		}
		fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n%s\">%s</td><td>",
			points(pts, sizeof pts, json_integer_value(json_object_get(r, "score")), scale),
			strcmp(g, "fail") ? "" : " fail", grade_label(g, lang));
		json_array_foreach(json_object_get(r, "trace"), k, t) {
			if (!is_reason(t, fails, c->rs))
				continue;
			fputs(shown++ ? "<li>" : "<ul class=\"why\"><li>", f);
			public_text(f, json_string_value(json_object_get(t, lang ? "message_en" : "message")));
			cite(f, c, json_string_value(json_object_get(t, "rule")), lang);
			fputs("</li>", f);
		}
		fputs(shown ? "</ul></td></tr>\n" : "</td></tr>\n", f); /* nothing: full points in every item */
	}
	fputs("</table></div>\n", f);

	/* 2. Escalations: one entry per unit and ladder, its strongest action and the clauses that reached it. */
	fprintf(f, "<h2>%s</h2>\n", _("2. Escalations and public criticism"));
	{
		int any = 0;
		for (size_t i = 0; i < n; i++) {
			json_t *fails = json_object_get(rows[i].r, "fail_reasons"), *y;
			size_t j;
			if (json_array_size(fails) > 0) {
				any = 1;
				fputs("<p><b>", f);
				out_html_escape(f, rows[i].name);
				fprintf(f, "</b>%s<span class=\"fail\">%s</span>", lang ? ": " : "：", _("graded fail"));
				json_array_foreach(fails, j, y)
					cite(f, c, json_string_value(y), lang);
				fputs("</p>\n", f);
			}
			for (size_t l = 0; l < n_lad; l++) {
				json_t *a = json_object_get(json_object_get(rows[i].r, "actions"), ladders[l]), *x;
				const char *action = json_string_value(json_object_get(a, "action"));
				size_t k, shown = 0;
				if (!a || json_integer_value(json_object_get(a, "severity")) == 0)
					continue;
				any = 1;
				fputs("<p><b>", f);
				out_html_escape(f, rows[i].name);
				fputs(lang ? "</b>: " : "</b>：", f);
				out_html_escape(f, action_name(sch, ladders[l], action, lang));
				cite(f, c, ladders[l], lang);
				fputs("</p>\n", f);
				/* What led to it: the clauses that reached the strongest action (every clause: the appendix). */
				json_array_foreach(json_object_get(a, "clauses"), k, x) {
					if (strcmp(json_string_value(json_object_get(x, "action")), action))
						continue;
					fprintf(f, "<div class=\"act\">%s", shown++ ? "" : _("Grounds: "));
					public_text(f, json_string_value(json_object_get(x, lang ? "message_en" : "message")));
					fputs("</div>\n", f);
				}
			}
		}
		if (!any)
			fprintf(f, "<p>%s</p>\n", _("None this month."));
	}

	/* 3. The air ranking: a table, and the same as a chart with its title and text alternative. */
	for (size_t i = 0; sch->air && i < n; i++) {
		json_t *air = json_object_get(rows[i].r, "air");
		double rate;
		if (!air)
			continue;
		n_air++;
		rate = json_real_value(json_object_get(air, "rate"));
		if (rate > maxabs || -rate > maxabs)
			maxabs = rate > 0 ? rate : -rate;
	}
	if (n_air > 0) {
		int k = 0;
		fprintf(f, "<h2>%s", _("3. Air quality: composite index and year-on-year improvement"));
		cite(f, c, cycle_source_rule(sch->scheme, "/air_quality/ranking"), lang);
		fprintf(f, "</h2>\n<div class=\"scroll\"><table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
			_("Unit"), _("Rank"), _("Composite index"), _("Improvement"));
		for (size_t i = 0; i < n; i++) {
			json_t *air = json_object_get(rows[i].r, "air");
			fputs("<tr><td>", f);
			out_html_escape(f, rows[i].name);
			if (air)
				fprintf(f, "</td><td>%lld</td><td>%s</td><td>%s%%</td></tr>\n",
					json_integer_value(json_object_get(air, "rank")),
					json_string_value(json_object_get(air, "reported")),
					json_string_value(json_object_get(air, "rate_percent")));
			else
				fprintf(f, "</td><td colspan=\"3\">%s</td></tr>\n", _("not ranked (no monitoring station)"));
		}
		fputs("</table></div>\n", f);
		fprintf(f, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
			   "role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n<title id=\"chart-title\">",
			width, n_air * bar_h + 10, width, n_air * bar_h + 10);
		fmt_out(f, _("Year-on-year improvement of the composite index, %s"), period);
		fputs("</title>\n<desc id=\"chart-desc\">", f);
		for (size_t i = 0; i < n; i++) {
			json_t *air = json_object_get(rows[i].r, "air");
			if (!air)
				continue;
			out_html_escape(f, rows[i].name);
			fprintf(f, lang ? ": %s%% (rank %lld). " : "：%s%%（第%lld名）。", json_string_value(json_object_get(air, "rate_percent")),
				json_integer_value(json_object_get(air, "rank")));
		}
		fputs("</desc>\n", f);
		for (size_t i = 0; i < n; i++) {
			json_t *air = json_object_get(rows[i].r, "air");
			double rate;
			int w, y = k * bar_h + 5;
			if (!air)
				continue;
			k++;
			rate = json_real_value(json_object_get(air, "rate"));
			w = (int)((rate < 0 ? -rate : rate) / maxabs * (width - label_w) / 2 * 0.95);
			fprintf(f, "<text x=\"0\" y=\"%d\" font-size=\"13\">", y + 17);
			out_html_escape(f, rows[i].name);
			fprintf(f, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", rate < 0 ? mid - w : mid,
				y, w > 0 ? w : 1, bar_h - 8, rate < 0 ? "#d9534f" : "#5cb85c");
			fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s%%</text>\n", rate < 0 ? mid + 4 : mid - 50, y + 15,
				json_string_value(json_object_get(air, "rate_percent")));
		}
		fprintf(f, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/></svg>\n<figcaption>", mid, mid,
			n_air * bar_h + 10);
		fmt_out(f, _("Figure: year-on-year improvement of the composite index, %s (green: improved, red: worse; the "
			     "figures are in the table above)."), period);
		fputs("</figcaption></figure>\n", f);
	}

	/* Signature: issuing office and date. */
	fputs("<div class=\"sign\">", f);
	if (iss->office) {
		out_html_escape(f, iss->office);
		fputs("<br>", f);
	}
	out_html_escape(f, date);
	fputs("</div>\n", f);

	/* Appendix: every clause that fired, ladder by ladder. */
	fprintf(f, "<section class=\"appendix\"><h2>%s</h2>\n", _("Appendix: every escalation clause that applied"));
	{
		int any = 0;
		for (size_t i = 0; i < n; i++)
			for (size_t l = 0; l < n_lad; l++) {
				json_t *a = json_object_get(json_object_get(rows[i].r, "actions"), ladders[l]), *x;
				size_t k;
				if (!json_array_size(json_object_get(a, "clauses")))
					continue;
				any = 1;
				fputs("<p><b>", f);
				out_html_escape(f, rows[i].name);
				fputs("</b>", f);
				cite(f, c, ladders[l], lang);
				fputs("</p><ul>\n", f);
				json_array_foreach(json_object_get(a, "clauses"), k, x) {
					fputs("<li>", f);
					public_text(f, json_string_value(json_object_get(x, lang ? "message_en" : "message")));
					fputs("</li>\n", f);
				}
				fputs("</ul>\n", f);
			}
		if (!any)
			fprintf(f, "<p>%s</p>\n", _("None this month."));
	}
	fputs("</section>\n", f);
	out_html_end(f);
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/*
 * --format pdf: the HTML bulletin printed by headless Chromium (its print
 * style sheet: A4, page numbers) in a private temporary directory, then
 * copied to the output. ECOGRID_CHROMIUM names the browser (default
 * `chromium` on PATH).
 */
static int print_pdf(FILE *out, const char *month, row *rows, size_t n, int lang, json_t *lines, int stale,
		     const issue_info *iss, citer *c, const cycle_scheme *sch, int scale)
{
	const char *tmp = getenv("TMPDIR"), *browser = getenv("ECOGRID_CHROMIUM");
	char dir[512], html[600], pdf[600], profile[600], url[620], print_to[620], buf[65536];
	FILE *f;
	pid_t pid;
	int status = 0, rc = TOOL_OK;
	size_t got;
	snprintf(dir, sizeof dir, "%s/ecogrid-pdf-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return tool_fail("report: cannot make a temporary directory in %s: %s", tmp && *tmp ? tmp : "/tmp",
				 strerror(errno));
	snprintf(html, sizeof html, "%s/bulletin.html", dir);
	snprintf(pdf, sizeof pdf, "%s/bulletin.pdf", dir);
	snprintf(profile, sizeof profile, "--user-data-dir=%s/profile", dir);
	snprintf(url, sizeof url, "file://%s", html);
	snprintf(print_to, sizeof print_to, "--print-to-pdf=%s", pdf);
	if (!(f = fopen(html, "w"))) {
		rc = tool_fail("cannot write %s: %s", html, strerror(errno));
		goto done;
	}
	html_report(f, month, rows, n, lang, lines, stale, iss, c, sch, scale);
	if (fclose(f) != 0) {
		rc = tool_fail("cannot write %s: %s", html, strerror(errno));
		goto done;
	}
	if (!browser || !*browser)
		browser = "chromium";
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		char prog[512];
		char *argv[] = { prog, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
				 "--disable-background-networking", "--disable-component-update", "--disable-sync",
				 "--no-pdf-header-footer", profile, print_to, url, NULL };
		int null = open("/dev/null", O_RDWR);
		snprintf(prog, sizeof prog, "%s", browser);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		execvp(prog, argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		rc = tool_fail("report: cannot run %s: %s", browser, strerror(errno));
		goto done;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		rc = tool_fail("report: --format pdf prints the page with headless Chromium, and %s was not found "
			       "(Debian: apt-get install chromium; or set ECOGRID_CHROMIUM)", browser);
		goto done;
	}
	if (!(f = fopen(pdf, "rb"))) {
		rc = tool_fail("report: %s did not print the bulletin to PDF (exit status %d)", browser,
			       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		goto done;
	}
	while ((got = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, got, out) != got)
			break;
	if (ferror(f))
		rc = tool_fail("cannot read %s: %s", pdf, strerror(errno));
	fclose(f);
done:
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return rc;
}

/*
 * report YYYY: the annual result of every unit. The scheme's annual rule
 * (changji-2023: CJ-A2-7.2, the mean of the year's monthly scores graded
 * with the month's grades) is the library's eg_assess_annual(); the tool
 * gathers the months that count (every month of the year with a stored
 * score for the unit) and prints what the regulation says follows a
 * failing year (the rule's source).
 */
typedef struct year_unit {
	char id[72], name[300];
	int32_t scores[12];
	char months[12][8];
	size_t n;
} year_unit;

/*
 * A block of the scheme's rule sets: its rule ID, article and words (the
 * source whose pointer ends in `block`: "/annual" for CJ-A2-7.2's annual
 * result, "/periods" for JM-2.2.1's half-year and year totals).
 */
static int ruleset_block(const eg_scheme *sc, const char *block, const char **rule, const char **article,
			 const char **quote)
{
	size_t lb = strlen(block);
	for (size_t i = 0; i < eg_scheme_source_count(sc); i++) {
		const char *r = NULL, *p = NULL, *a = NULL, *q = NULL;
		size_t lp;
		if (eg_scheme_source_at(&r, &p, &a, &q, sc, i) != EG_OK || !p)
			continue;
		lp = strlen(p);
		if (lp >= lb && !strcmp(p + lp - lb, block) && !strncmp(p, "/rulesets/", 10)) {
			*rule = r;
			*article = a;
			*quote = q;
			return 1;
		}
	}
	return 0;
}

static void mean_text(char *buf, size_t size, int64_t tenths, int scale)
{
	/* tenths of a scale unit: points with one decimal (scale 1) or two (scale 10, R0.2). */
	int64_t a = tenths < 0 ? -tenths : tenths;
	if (scale == 10)
		snprintf(buf, size, "%s%lld.%02lld", tenths < 0 ? "-" : "", (long long)(a / 100), (long long)(a % 100));
	else
		snprintf(buf, size, "%s%lld.%lld", tenths < 0 ? "-" : "", (long long)(a / 10), (long long)(a % 10));
}

static int report_year(tool_ctx *ctx, const char *year, const char *format, const char *out_path, int force, int bom,
		       int stale_ok)
{
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	cycle_scheme s;
	cycle c;
	year_unit *u = NULL;
	size_t n = 0;
	int rc, have_cycle = 0;
	const char *rule = NULL, *article = NULL, *quote = NULL, *rs_name = NULL;
	eg_ruleset *rs = NULL;
	char like[16], ruleset_name[128] = "";
	json_t *doc = NULL, *units = NULL;
	out_target o;
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv"))
		return tool_fail("report: the annual result is printed as text, json or csv, not %s", format);
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	memset(&s, 0, sizeof s);
	rc = ws_read_begin(db);
	if (!rc)
		rc = cycle_scheme_load(&s, db);
	if (!rc && !ruleset_block(s.scheme, "/annual", &rule, &article, &quote))
		rc = tool_fail("report %s: the workspace's scheme %s has no annual result", year, s.name);
	if (!rc && !(rc = cycle_load(&c, db, &s)))
		have_cycle = 1;
	/* The months of the year that were run: fresh (or --stale-ok), one rule set. */
	for (int m = 1; !rc && m <= 12; m++) {
		char mon[8];
		const cyc_month *cm;
		snprintf(mon, sizeof mon, "%.4s-%02d", year, m);
		if (!(cm = cycle_find(&c, mon)) || !cm->run)
			continue;
		if (cm->state == CYCLE_STALE && !stale_ok) {
			rc = tool_fail("report %s: the results of %s are stale; run `ecogrid month run --from %s` first (or "
				       "--stale-ok)", year, mon, mon);
			break;
		}
		if (eg_scheme_ruleset(&rs, s.scheme, mon) != EG_OK) {
			rc = tool_fail_eg(EG_ENOTFOUND, mon);
			break;
		}
		if (!ruleset_name[0]) {
			snprintf(ruleset_name, sizeof ruleset_name, "%s", eg_ruleset_name(rs));
		} else if (strcmp(ruleset_name, eg_ruleset_name(rs))) {
			rc = tool_fail("report %s: the months were scored under two rule sets (%s, then %s from %s); the "
				       "annual mean needs one", year, ruleset_name, eg_ruleset_name(rs), mon);
			break;
		}
		eg_ruleset_free(rs);
		rs = NULL;
	}
	if (!rc && !ruleset_name[0])
		rc = tool_fail("report %s: no month of %s has been run (`ecogrid month run YYYY-MM`)", year, year);
	snprintf(like, sizeof like, "%.4s-__", year);
	if (!rc && sqlite3_prepare_v2(db,
				      "SELECT r.unit, COALESCE(g.name, r.unit), r.month, r.json FROM month_result r "
				      "LEFT JOIN grid_node g ON g.id = r.unit WHERE r.month LIKE ? "
				      "ORDER BY COALESCE(g.seq, 0), r.unit, r.month", -1, &st, NULL) != SQLITE_OK)
		rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	if (!rc) {
		sqlite3_bind_text(st, 1, like, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *id = (const char *)sqlite3_column_text(st, 0);
			json_t *r = json_loads((const char *)sqlite3_column_text(st, 3), 0, NULL), *score = json_object_get(r, "score");
			if (score && (n == 0 || strcmp(u[n - 1].id, id))) {
				year_unit *t = realloc(u, (n + 1) * sizeof *u);
				if (!t) {
					json_decref(r);
					rc = tool_fail("out of memory");
					break;
				}
				u = t;
				memset(&u[n], 0, sizeof u[n]);
				snprintf(u[n].id, sizeof u[n].id, "%s", id);
				snprintf(u[n].name, sizeof u[n].name, "%s", (const char *)sqlite3_column_text(st, 1));
				n++;
			}
			if (score && u[n - 1].n < 12) {
				u[n - 1].scores[u[n - 1].n] = (int32_t)json_integer_value(score);
				snprintf(u[n - 1].months[u[n - 1].n], 8, "%s", (const char *)sqlite3_column_text(st, 2));
				u[n - 1].n++;
			}
			json_decref(r);
		}
		sqlite3_finalize(st);
	}
	if (!rc && eg_scheme_ruleset_named(&rs, s.scheme, ruleset_name) != EG_OK)
		rc = tool_fail_eg(EG_ENOTFOUND, ruleset_name);
	ws_commit(db);
	ws_close(db);
	if (!rc)
		rc = out_open(&o, ctx, out_path, force, "report");
	if (!rc) {
		FILE *f = o.f;
		int scale = eg_ruleset_scale(rs);
		rs_name = ruleset_name;
		units = json_object();
		if (!strcmp(format, "text"))
			putf(f, _("Annual result %s (%s, the mean of the monthly scores)\n\n"), year, rs_name);
		if (!strcmp(format, "csv")) {
			const char *head[] = { _("unit code"), _("unit"), _("months that count"), _("mean score"),
					       _("grade"), _("grade code"), _("what follows") };
			if (bom)
				fputs("\xEF\xBB\xBF", f);
			out_csv_cells(f, head, 7, 1);
		}
		for (size_t i = 0; i < n && !rc; i++) {
			int64_t tenths = 0;
			int grade = 0;
			char mean[32], months[12 * 9] = "";
			const char *g;
			int e = eg_assess_annual(&tenths, &grade, rs, u[i].scores, u[i].n);
			if (e != EG_OK) {
				rc = tool_fail_eg(e, u[i].name);
				break;
			}
			g = eg_grade_name(grade);
			mean_text(mean, sizeof mean, tenths, scale);
			for (size_t k = 0; k < u[i].n; k++)
				snprintf(months + strlen(months), sizeof months - strlen(months), "%s%s", k ? ";" : "", u[i].months[k] + 5);
			if (!strcmp(format, "json")) {
				json_t *ms = json_array();
				for (size_t k = 0; k < u[i].n; k++)
					json_array_append_new(ms, json_pack("{s:s, s:i}", "month", u[i].months[k], "score", (int)u[i].scores[k]));
				json_object_set_new(units, u[i].id,
						    json_pack("{s:s, s:o, s:s, s:I, s:s, s:s}", "name", u[i].name, "months", ms, "mean",
							      mean, "mean_tenths", (json_int_t)tenths, "grade", g, "rule", rule));
				if (!strcmp(g, "fail") && quote)
					json_object_set_new(json_object_get(units, u[i].id), "follows",
							    json_pack("{s:s, s:s}", "article", article ? article : "", "quote", quote));
			} else if (!strcmp(format, "csv")) {
				out_csv_cell(f, u[i].id, 0);
				out_csv_cell(f, u[i].name, 0);
				out_csv_cell(f, months, 0);
				out_csv_cell(f, mean, 0);
				out_csv_cell(f, grade_label(g, ctx->lang), 0);
				out_csv_cell(f, g, 0);
				out_csv_cell(f, !strcmp(g, "fail") && quote ? quote : "", 1);
			} else {
				putf(f, _("%s: %zu months (%s), mean %s, %s\n"), u[i].name, u[i].n, months, mean, grade_label(g, ctx->lang));
				if (!strcmp(g, "fail") && quote)
					putf(f, _("  a failing year: %s (%s, %s)\n"), quote, article ? article : "", rule);
			}
		}
		if (!rc && !strcmp(format, "json")) {
			doc = json_pack("{s:s, s:s, s:s, s:O}", "year", year, "ruleset", rs_name, "rule", rule, "units", units);
			json_dumpf(doc, f, JSON_INDENT(2));
			fputc('\n', f);
		}
		if (rc)
			out_abort(&o);
		else
			rc = out_close(&o);
	}
	json_decref(doc);
	json_decref(units);
	eg_ruleset_free(rs);
	free(u);
	if (have_cycle)
		cycle_free(&c);
	cycle_scheme_free(&s);
	return rc;
}

/*
 * report YYYY-H1 | YYYY-H2 | YYYY for a scheme with half-year and year
 * totals (its rule set's "periods" block, JM-2.2.1). Per unit the library
 * adds up the months' inputs and scores them once for the period
 * (eg_assess_period_*, JM-2.2); the tool reads each month's stored inputs
 * (`month import`: a month need not be run), says which months were counted
 * and which are missing, and prints per unit the deductions by item with
 * the regulation's article and words and the rule ID.
 */
typedef struct period_unit {
	char id[72], name[300];
	eg_assess_period *p;
	eg_assess_result *r; /* NULL: no month of the period with inputs */
} period_unit;

static int period_unit_cmp(const void *a, const void *b)
{
	return strcmp(((const period_unit *const *)a)[0]->id, ((const period_unit *const *)b)[0]->id);
}

/* Months joined as the language lists them: "2021-01、2021-02" or "2021-01, 2021-02". */
static void month_list(char *buf, size_t size, const eg_assess_period *p, const unsigned char *pick, int lang)
{
	size_t o = 0, k = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < eg_assess_period_month_count(p) && o < size; i++)
		if (pick[i])
			o += (size_t)snprintf(buf + o, size - o, "%s%s", k++ ? (lang ? ", " : "、") : "",
					      eg_assess_period_month_at(p, i));
}

/* The trace entry of item i of rs in a period's result, or NULL. */
static const eg_trace *item_entry(const eg_assess_result *r, const eg_ruleset *rs, size_t i)
{
	for (size_t k = 0; r && k < eg_assess_result_trace_count(r); k++) {
		const eg_trace *t = eg_assess_result_trace_at(r, k);
		if (!strcmp(eg_trace_subject(t), eg_ruleset_item_id(rs, i)) && !strcmp(eg_trace_rule(t), eg_ruleset_item_rule(rs, i)))
			return t;
	}
	return NULL;
}

/* Whether the workspace's scheme has a rule-set block (ruleset_block()): 1 or 0; -1 (reported) when it cannot be read. */
static int scheme_has_block(tool_ctx *ctx, const char *block)
{
	sqlite3 *db;
	cycle_scheme s;
	const char *r, *a, *q;
	int has = -1;
	if (ws_open(&db, ctx->db_path, 1))
		return -1;
	memset(&s, 0, sizeof s);
	if (!ws_read_begin(db) && !cycle_scheme_load(&s, db))
		has = ruleset_block(s.scheme, block, &r, &a, &q);
	ws_commit(db);
	ws_close(db);
	cycle_scheme_free(&s);
	return has;
}

static int report_period(tool_ctx *ctx, const char *period, const char *format, const char *out_path, int force, int bom)
{
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	cycle_scheme s;
	eg_ruleset *rs = NULL;
	eg_assess_period *probe = NULL;
	period_unit *u = NULL, **by_id = NULL;
	size_t n = 0, n_months = 0, n_imported = 0;
	int rc, year = strlen(period) == 4, lang = ctx->lang;
	char first[11], last[11], m_first[8], m_last[8];
	const char *rule = NULL, *article = NULL, *quote = NULL;
	unsigned char imported[12] = { 0 }, missing[12] = { 0 };
	out_target o;
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv"))
		return tool_fail("report: the half-year and year totals are printed as text, json or csv, not %s", format);
	if (eg_assess_period_bounds(first, last, period) != EG_OK)
		return tool_fail_eg(EG_EINVAL, "report");
	snprintf(m_first, sizeof m_first, "%.7s", first);
	snprintf(m_last, sizeof m_last, "%.7s", last);
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	memset(&s, 0, sizeof s);
	rc = ws_read_begin(db);
	if (!rc)
		rc = cycle_scheme_load(&s, db);
	/* The scheme decides: a rule set with a "periods" block (JM-2.2.1). */
	if (!rc && !ruleset_block(s.scheme, "/periods", &rule, &article, &quote))
		rc = year ? tool_fail("report %s: the workspace's scheme %s has neither an annual result (CJ-A2-7.2) nor "
				      "half-year and year totals (JM-2.2.1)", period, s.name)
			  : tool_fail("report %s: the workspace's scheme %s has no half-year totals (JM-2.2.1)", period, s.name);
	if (!rc && eg_scheme_ruleset(&rs, s.scheme, last) != EG_OK) {
		const char *vf = NULL, *vt = NULL;
		eg_scheme_validity(&vf, &vt, s.scheme);
		rc = tool_fail("report %s: %s to %s is outside the validity of the workspace's scheme %s (%s to %s)", period, first,
			       last, s.name, vf ? vf : "", vt ? vt : _("open-ended"));
	}
	/* One rule set over the whole period (the library's check). */
	if (!rc && eg_assess_period_new(&probe, rs, period) != EG_OK) {
		char what[32];
		snprintf(what, sizeof what, "report %s", period);
		rc = tool_fail_eg(EG_ERANGE, what);
	}
	if (!rc)
		n_months = eg_assess_period_month_count(probe);
	/* The units: the grid's level-2 units and any unit with inputs in the period. */
	if (!rc && sqlite3_prepare_v2(db,
				      "SELECT u.id, COALESCE(g.name, u.id) FROM (SELECT id FROM grid_node WHERE level = 2 AND "
				      "kind <> 2 UNION SELECT unit FROM month_input WHERE month BETWEEN ?1 AND ?2) u "
				      "LEFT JOIN grid_node g ON g.id = u.id ORDER BY COALESCE(g.seq, 9223372036854775807), u.id",
				      -1, &st, NULL) != SQLITE_OK)
		rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	if (!rc) {
		sqlite3_bind_text(st, 1, m_first, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, m_last, -1, SQLITE_STATIC);
		while (!rc && sqlite3_step(st) == SQLITE_ROW) {
			period_unit *t = realloc(u, (n + 1) * sizeof *u);
			if (!t) {
				rc = tool_fail("out of memory");
				break;
			}
			u = t;
			memset(&u[n], 0, sizeof u[n]);
			snprintf(u[n].id, sizeof u[n].id, "%s", (const char *)sqlite3_column_text(st, 0));
			snprintf(u[n].name, sizeof u[n].name, "%s", (const char *)sqlite3_column_text(st, 1));
			if (eg_assess_period_new(&u[n].p, rs, period) != EG_OK)
				rc = tool_fail_eg(EG_ENOMEM, u[n].id);
			n++;
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	if (!rc && n > 0 && !(by_id = malloc(n * sizeof *by_id)))
		rc = tool_fail("out of memory");
	for (size_t i = 0; !rc && i < n; i++)
		by_id[i] = &u[i];
	if (!rc && n > 0)
		qsort(by_id, n, sizeof *by_id, period_unit_cmp);
	/* Each month's stored inputs, added unit by unit (JM-2.2: the library sums and checks). */
	if (!rc && sqlite3_prepare_v2(db, "SELECT month, unit, json FROM month_input WHERE month BETWEEN ?1 AND ?2 ORDER BY month, unit",
				      -1, &st, NULL) != SQLITE_OK)
		rc = tool_fail("workspace: %s", sqlite3_errmsg(db));
	if (!rc) {
		sqlite3_bind_text(st, 1, m_first, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, m_last, -1, SQLITE_STATIC);
		while (!rc && sqlite3_step(st) == SQLITE_ROW) {
			const char *mon = (const char *)sqlite3_column_text(st, 0), *id = (const char *)sqlite3_column_text(st, 1);
			period_unit key, *kp = &key, **hit;
			json_t *doc = json_loads((const char *)sqlite3_column_text(st, 2), 0, NULL), *a = json_object_get(doc, "assessment");
			eg_assess_input *in = NULL;
			char path[128];
			for (size_t k = 0; k < n_months; k++)
				if (!strcmp(eg_assess_period_month_at(probe, k), mon))
					imported[k] = 1;
			snprintf(key.id, sizeof key.id, "%s", id);
			hit = n ? bsearch(&kp, by_id, n, sizeof *by_id, period_unit_cmp) : NULL;
			snprintf(path, sizeof path, "%s units.%s", mon, id);
			if (hit && a) {
				int e;
				if (eg_assess_input_new(&in, rs) != EG_OK)
					rc = tool_fail_eg(EG_ENOMEM, path);
				else if (!(rc = month_apply_assessment(in, a, path)) &&
					 (e = eg_assess_period_add_month((*hit)->p, mon, in)) != EG_OK)
					rc = tool_fail_eg(e, path);
				eg_assess_input_free(in);
			}
			json_decref(doc);
		}
		sqlite3_finalize(st);
	}
	for (size_t k = 0; k < n_months; k++) {
		n_imported += imported[k];
		missing[k] = !imported[k];
	}
	if (!rc && n_imported == 0)
		rc = tool_fail("report %s: no month of %s (%s to %s) has been imported (`ecogrid month import YYYY-MM FILE`)", period,
			       period, m_first, m_last);
	for (size_t i = 0; !rc && i < n; i++) {
		int e;
		if (eg_assess_period_missing_count(u[i].p) == n_months)
			continue; /* no month with inputs: not assessed */
		if ((e = eg_assess_period_score(&u[i].r, u[i].p)) != EG_OK)
			rc = tool_fail_eg(e, u[i].name);
	}
	ws_commit(db);
	ws_close(db);
	if (!rc)
		rc = out_open(&o, ctx, out_path, force, "report");
	if (!rc) {
		FILE *f = o.f;
		int scale = eg_ruleset_scale(rs);
		char list[12 * 10], pts[32];
		size_t n_items = eg_ruleset_item_count(rs);
		if (!strcmp(format, "text")) {
			putf(f, year ? _("Year %s: double-assessment totals, %s to %s (%s)\n")
				     : _("Half-year %s: double-assessment totals, %s to %s (%s)\n"),
			     period, first, last, eg_ruleset_name(rs));
			putf(f, _("%s 「%s」 (%s): each unit's counts of the months counted, added up and scored once for the "
				  "period (JM-2.2)\n"), article ? article : "", quote ? quote : "", rule);
			month_list(list, sizeof list, probe, imported, lang);
			putf(f, _("Months with inputs: %s\n"), list);
			if (n_imported < n_months) {
				month_list(list, sizeof list, probe, missing, lang);
				putf(f, year ? _("NOT COMPLETE: %s not imported; the totals leave them out and are not the year's\n")
					     : _("NOT COMPLETE: %s not imported; the totals leave them out and are not the half-year's\n"),
				     list);
			}
			fputc('\n', f);
			for (size_t i = 0; i < n; i++) {
				unsigned char lacks[12] = { 0 };
				size_t shown = 0, n_lacks = 0;
				for (size_t k = 0; k < n_months; k++)
					n_lacks += lacks[k] = imported[k] && !eg_assess_period_month_counted(u[i].p, k);
				if (!u[i].r) {
					putf(f, _("%s: not assessed: no inputs in any month of %s\n"), u[i].name, period);
					continue;
				}
				putf(f, _("%s: total %s points (%zu of %zu months counted)\n"), u[i].name,
				     points(pts, sizeof pts, eg_assess_result_score(u[i].r), scale),
				     n_months - eg_assess_period_missing_count(u[i].p), n_months);
				if (n_lacks) {
					month_list(list, sizeof list, probe, lacks, lang);
					putf(f, _("  no inputs for this unit in %s: left out of its total\n"), list);
				}
				for (size_t it = 0; it < n_items; it++) {
					const eg_trace *t = item_entry(u[i].r, rs, it);
					const char *a = NULL, *q = NULL;
					if (!t || eg_trace_count(t) == 0)
						continue;
					shown++;
					fprintf(f, "  %s\n", eg_trace_message(t, lang));
					if (eg_trace_source(&a, &q, t) == EG_OK && a)
						fprintf(f, lang ? "    %s: 「%s」\n" : "    %s：「%s」\n", a, q);
				}
				if (!shown)
					putf(f, "%s", _("  no deductions\n"));
			}
		} else if (!strcmp(format, "json")) {
			json_t *doc, *months = json_array(), *units = json_object(), *counted = json_array(), *absent = json_array();
			for (size_t k = 0; k < n_months; k++) {
				json_array_append_new(months, json_pack("{s:s, s:b}", "month", eg_assess_period_month_at(probe, k),
									"imported", imported[k]));
				json_array_append_new(imported[k] ? counted : absent, json_string(eg_assess_period_month_at(probe, k)));
			}
			for (size_t i = 0; i < n; i++) {
				json_t *x = json_pack("{s:s}", "name", u[i].name), *mc = json_array(), *mm = json_array(),
				       *ded = json_array(), *trace = json_array();
				for (size_t k = 0; k < n_months; k++)
					json_array_append_new(eg_assess_period_month_counted(u[i].p, k) ? mc : mm,
							      json_string(eg_assess_period_month_at(probe, k)));
				json_object_set_new(x, "months_counted", mc);
				json_object_set_new(x, "months_missing", mm);
				json_object_set_new(x, "complete", json_boolean(u[i].r && eg_assess_period_missing_count(u[i].p) == 0));
				json_object_set_new(x, "total", u[i].r ? json_integer(eg_assess_result_score(u[i].r)) : json_null());
				for (size_t it = 0; u[i].r && it < n_items; it++) {
					const eg_trace *t = item_entry(u[i].r, rs, it);
					const char *a = NULL, *q = NULL;
					json_t *d;
					if (!t || eg_trace_count(t) == 0)
						continue;
					eg_trace_source(&a, &q, t);
					d = json_pack("{s:s, s:s, s:I, s:i, s:s, s:s}", "item", eg_ruleset_item_id(rs, it), "rule",
						      eg_trace_rule(t), "count", (json_int_t)eg_trace_count(t), "points",
						      (int)(eg_trace_after(t) - eg_trace_before(t)), "message",
						      eg_trace_message(t, EG_LANG_ZH), "message_en", eg_trace_message(t, EG_LANG_EN));
					if (a)
						json_object_set_new(d, "source", json_pack("{s:s, s:s}", "article", a, "quote", q));
					json_array_append_new(ded, d);
				}
				json_object_set_new(x, "deductions", ded);
				for (size_t k = 0; u[i].r && k < eg_assess_result_trace_count(u[i].r); k++) {
					const eg_trace *t = eg_assess_result_trace_at(u[i].r, k);
					json_array_append_new(trace, json_pack("{s:s, s:s, s:I, s:i, s:i, s:s, s:s}", "rule", eg_trace_rule(t),
									       "subject", eg_trace_subject(t), "count",
									       (json_int_t)eg_trace_count(t), "before",
									       (int)eg_trace_before(t), "after", (int)eg_trace_after(t),
									       "message", eg_trace_message(t, EG_LANG_ZH), "message_en",
									       eg_trace_message(t, EG_LANG_EN)));
				}
				json_object_set_new(x, "trace", trace);
				json_object_set_new(units, u[i].id, x);
			}
			doc = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:b, s:o, s:o, s:o, s:o}", "period", period,
					"kind", year ? "year" : "half_year", "from", first, "to", last, "scheme", s.name, "ruleset",
					eg_ruleset_name(rs), "rule", rule, "source", "article", article ? article : "", "quote",
					quote ? quote : "", "complete", n_imported == n_months, "months", months, "months_imported",
					counted, "months_missing", absent, "units", units);
			json_dumpf(doc, f, JSON_INDENT(2));
			fputc('\n', f);
			json_decref(doc);
		} else {
			char h[160];
			const char *head[] = { _("unit code"), _("unit"), _("period"), _("total"), _("months counted"),
					       _("months missing"), _("complete") };
			if (bom)
				fputs("\xEF\xBB\xBF", f);
			out_csv_cells(f, head, 7, 0);
			for (size_t it = 0; it < n_items; it++) {
				snprintf(h, sizeof h, _("item %s: occurrences (%s)"), eg_ruleset_item_id(rs, it), eg_ruleset_item_rule(rs, it));
				out_csv_cell(f, h, 0);
				snprintf(h, sizeof h, _("item %s: points"), eg_ruleset_item_id(rs, it));
				out_csv_cell(f, h, 0);
			}
			out_csv_cell(f, _("rules (IDs)"), 1);
			for (size_t i = 0; i < n; i++) {
				unsigned char c[12], m[12];
				char mc[12 * 10], mm[12 * 10], num[32];
				for (size_t k = 0; k < n_months; k++) {
					c[k] = (unsigned char)eg_assess_period_month_counted(u[i].p, k);
					m[k] = !c[k];
				}
				month_list(mc, sizeof mc, probe, c, lang);
				month_list(mm, sizeof mm, probe, m, lang);
				out_csv_cell(f, u[i].id, 0);
				out_csv_cell(f, u[i].name, 0);
				out_csv_cell(f, period, 0);
				out_csv_cell(f, u[i].r ? points(pts, sizeof pts, eg_assess_result_score(u[i].r), scale) : "", 0);
				out_csv_cell(f, mc, 0);
				out_csv_cell(f, mm, 0);
				out_csv_cell(f, u[i].r && eg_assess_period_missing_count(u[i].p) == 0 ? _("yes") : _("no"), 0);
				for (size_t it = 0; it < n_items; it++) {
					const eg_trace *t = item_entry(u[i].r, rs, it);
					snprintf(num, sizeof num, "%lld", t ? (long long)eg_trace_count(t) : 0LL);
					out_csv_cell(f, u[i].r ? num : "", 0);
					out_csv_cell(f, u[i].r ? points(pts, sizeof pts, t ? eg_trace_after(t) - eg_trace_before(t) : 0, scale) : "", 0);
				}
				snprintf(h, sizeof h, "%s;%s", rule, n_items ? eg_ruleset_item_rule(rs, 0) : "");
				out_csv_cell(f, h, 1);
			}
		}
		if (rc)
			out_abort(&o);
		else
			rc = out_close(&o);
	}
	for (size_t i = 0; i < n; i++) {
		eg_assess_result_free(u[i].r);
		eg_assess_period_free(u[i].p);
	}
	free(u);
	free(by_id);
	eg_assess_period_free(probe);
	eg_ruleset_free(rs);
	cycle_scheme_free(&s);
	return rc;
}

int cmd_report(tool_ctx *ctx)
{
	const char *month = NULL, *format = "text", *out_path = NULL;
	int bom = 0, stale_ok = 0, force = 0, rc;
	row *rows = NULL;
	size_t n = 0;
	sqlite3 *db;
	json_t *stale = NULL, *gaps = NULL, *lines = json_array();
	cycle_scheme s;
	eg_ruleset *rs = NULL;
	int scale = 1;
	char root[8] = "";
	out_target o;
	FILE *f;
	issue_info iss = { NULL, NULL, NULL };
	char day[16];
	citer c = { NULL, NULL, { 0 } };
	for (int i = 0; i < ctx->argc; i++) {
		if (!strcmp(ctx->argv[i], "--format") && i + 1 < ctx->argc)
			format = ctx->argv[++i];
		else if (!strcmp(ctx->argv[i], "--output") && i + 1 < ctx->argc)
			out_path = ctx->argv[++i];
		else if (!strcmp(ctx->argv[i], "--bom"))
			bom = 1;
		else if (!strcmp(ctx->argv[i], "--stale-ok"))
			stale_ok = 1;
		else if (!strcmp(ctx->argv[i], "--force"))
			force = 1;
		else if (!strcmp(ctx->argv[i], "--help")) {
			puts(TR(ctx, "ecogrid report 月份|YYYY-H1|YYYY-H2|年份 [--format text|json|csv|html|pdf] [--output 文件] [--force] [--bom] [--stale-ok]\n"
				     "  过期（输入、网格或方案在运行后有变化，或前一月已过期）的月份拒绝出通报；--stale-ok 照出并在通报上注明\n"
				     "  半年（H1 为 1-6 月，H2 为 7-12 月）和年度：按工作库的考核方案，年度考核结果（CJ-A2-7.2）或“双考核”扣分合计（JM-2.2.1）",
				"ecogrid report YYYY-MM|YYYY-H1|YYYY-H2|YYYY [--format text|json|csv|html|pdf] [--output FILE] [--force] [--bom] [--stale-ok]\n"
				"  refused for a stale month (inputs, grid or scheme changed after the run, or the month before is\n"
				"  stale); --stale-ok prints it marked as stale\n"
				"  half-years (H1 January-June, H2 July-December) and years: as the workspace's scheme has them, the\n"
				"  annual result (CJ-A2-7.2) or the double-assessment totals (JM-2.2.1)"));
			json_decref(lines);
			return TOOL_OK;
		} else if (!month && ctx->argv[i][0] != '-')
			month = ctx->argv[i];
		else {
			json_decref(lines);
			return tool_fail("report: unknown argument %s", ctx->argv[i]);
		}
	}
	json_decref(lines);
	if (month && !month_valid(month)) {
		char a[11], b[11];
		int is_period = eg_assess_period_bounds(a, b, month) == EG_OK, annual;
		/* A half-year or a year (1900 on, as months): the scheme decides which result (CJ-A2-7.2, JM-2.2.1). */
		if (is_period && strcmp(month, "1900") >= 0) {
			if (strlen(month) == 4 && (annual = scheme_has_block(ctx, "/annual")) != 0)
				return annual < 0 ? TOOL_FAIL : report_year(ctx, month, format, out_path, force, bom, stale_ok);
			return report_period(ctx, month, format, out_path, force, bom);
		}
		if (!is_period && strlen(month) >= 6 && month[4] == '-' && month[5] == 'H')
			return tool_fail_eg(EG_EINVAL, "report");
	}
	if (!month || !month_valid(month))
		return tool_fail("report: which month or period? (ecogrid report YYYY-MM; YYYY-H1, YYYY-H2 or YYYY for the "
				 "half-year or the year)");
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "html") &&
	    strcmp(format, "pdf"))
		return tool_fail("report: --format must be text, json, csv, html or pdf, not %s", format);
	if (!strcmp(format, "pdf") && !out_path)
		return tool_fail("report: --format pdf needs --output FILE.pdf");
	if (ws_open(&db, ctx->db_path, 1))
		return TOOL_FAIL;
	/* One read transaction: the results and their freshness agree. */
	memset(&s, 0, sizeof s);
	rc = ws_read_begin(db);
	if (!rc)
		rc = cycle_scheme_load(&s, db);
	if (!rc)
		rc = load(db, month, &rows, &n);
	if (!rc)
		rc = freshness(db, month, ctx->lang, &stale, &gaps, &s, root);
	if (!rc) {
		iss.office = config_get(db, "office");
		iss.number = config_get(db, "number");
		iss.date = config_get(db, "date");
	}
	/* Scores are stored in the rule set's scale units (R0.2); shown as points. */
	if (!rc && eg_scheme_ruleset(&rs, s.scheme, month) == EG_OK)
		scale = eg_ruleset_scale(rs);
	eg_ruleset_free(rs);
	ws_commit(db);
	ws_close(db);
	if (!rc && json_array_size(stale) > 0 && !stale_ok) {
		size_t k;
		json_t *x;
		fprintf(stderr, TR(ctx, "ecogrid: report: %s 的结果已过期，不出通报：\n", "ecogrid: report: the results of %s are stale:\n"),
			month);
		json_array_foreach(stale, k, x)
			fprintf(stderr, "  %s\n", json_string_value(json_object_get(x, "text")));
		rc = tool_fail(TR(ctx, "重新运行：ecogrid month run --from %s（或用 --stale-ok 出一份注明“已过期”的通报）",
				  "run it again: ecogrid month run --from %s (or --stale-ok for a bulletin marked stale)"),
			       root[0] ? root : month);
	}
	lines = json_array();
	if (!rc)
		notes(lines, month, rows, n, stale, gaps, ctx->lang, &s);
	if (!rc)
		rc = out_open(&o, ctx, out_path, force, "report");
	if (!rc) {
		f = o.f;
		if (!strcmp(format, "json")) {
			json_t *doc = json_object(), *units = json_object();
			for (size_t i = 0; i < n; i++) {
				json_object_set_new(rows[i].r, "name", json_string(rows[i].name));
				json_object_set(units, rows[i].id, rows[i].r);
			}
			json_object_set_new(doc, "month", json_string(month));
			json_object_set_new(doc, "stale", json_boolean(json_array_size(stale) > 0));
			json_object_set(doc, "stale_reasons", stale);
			json_object_set_new(doc, "gap_months", json_incref(json_object_get(gaps, "gap_months") ?
									   json_object_get(gaps, "gap_months") : json_array()));
			json_object_set(doc, "notes", lines);
			json_object_set_new(doc, "units", units);
			json_dumpf(doc, f, JSON_INDENT(2));
			fputc('\n', f);
			json_decref(doc);
		} else if (!strcmp(format, "csv")) {
			csv_report(f, rows, n, bom, json_array_size(stale) > 0, &s, scale, ctx->lang);
		} else if (!strcmp(format, "html") || !strcmp(format, "pdf")) {
			if (!iss.date) {
				today(day, sizeof day);
				iss.date = strdup(day);
			}
			citer_open(&c, &s, month);
			if (!strcmp(format, "html"))
				html_report(f, month, rows, n, ctx->lang, lines, json_array_size(stale) > 0, &iss, &c, &s, scale);
			else if (print_pdf(f, month, rows, n, ctx->lang, lines, json_array_size(stale) > 0, &iss, &c, &s, scale))
				rc = TOOL_FAIL;
		} else {
			text_report(f, month, rows, n, ctx->lang, lines, &s, scale);
		}
		if (rc)
			out_abort(&o);
		else
			rc = out_close(&o);
	}
	eg_ruleset_free(c.rs);
	free(iss.office);
	free(iss.number);
	free(iss.date);
	json_decref(lines);
	json_decref(stale);
	json_decref(gaps);
	for (size_t i = 0; i < n; i++)
		json_decref(rows[i].r);
	free(rows);
	cycle_scheme_free(&s);
	return rc;
}
