/*
 * Equivalence of the duties in the shipped scheme documents with the C
 * table of duty presets they replaced (section 9 of the rule catalogue,
 * issue 18; the same approach as scheme_equiv.c for issue #15).
 *
 *   duty_equiv --write FILE   write every duty of every preset, field by
 *                             field, as this build's eg_duty_set_preset() gives it
 *   duty_equiv --check FILE   the same, compared with FILE
 *   duty_equiv --documents --check FILE
 *                             the same, taking the duties from the shipped
 *                             documents (eg_scheme_named(), eg_scheme_duties())
 *
 * tests/data/duty_presets.txt was written with --write by a build whose
 * presets were still the C table of src/duty_presets.c, and is committed.
 * A duty added since (MEE-2.2-review) was written into it with --write from
 * the documents, the diff checked to add that duty's lines and change none.
 * Each line ends with the duty's source (article and quote), added when
 * duties gained their sources: rewritten with --write, the diff checked to
 * append those two fields to every line and change nothing else.
 * Besides each jurisdiction's duties, it records for every duty ID and
 * every rule ID the duties eg_duty_set_preset() returns for that name, so
 * lookups by duty and by rule are pinned as well. A period is written only
 * for periodic duties (the others have none).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ecogrid/ecogrid.h>

static const char *const jurisdictions[] = { "changji-2023", "dongguan-2019", "jiangmen-2021", "mee-2020",
					     "yulin-2019" };

typedef struct out {
	char *buf;
	size_t n, cap;
} out;

static void emit(out *o, const char *s)
{
	size_t l = strlen(s);
	if (o->n + l + 1 > o->cap) {
		o->cap = (o->n + l + 1) * 2;
		if (!(o->buf = realloc(o->buf, o->cap))) {
			fprintf(stderr, "duty_equiv: out of memory\n");
			exit(1);
		}
	}
	memcpy(o->buf + o->n, s, l + 1);
	o->n += l;
}

static const char *z(const char *s) { return s ? s : "-"; }

static void emit_set(out *o, const char *label, const eg_duty_set *set)
{
	char line[4096];
	for (size_t i = 0; i < eg_duty_set_count(set); i++) {
		eg_duty_def d = EG_DUTY_DEF_INIT;
		const char *article = NULL, *quote = NULL;
		if (eg_duty_set_at(&d, set, i) < 0 || eg_duty_set_source(&article, &quote, set, i) < 0) {
			fprintf(stderr, "duty_equiv: %s: duty %zu: %s\n", label, i, eg_error_last()->message);
			exit(1);
		}
		snprintf(line, sizeof line,
			 "%s|%s|%s|%d|%s|%s|%s|%d|%d|%s|%s|%s|%s|%d|%d|%s|%d|%d|%d|0x%x|%s|%s|%s|%s\n", label, d.id, d.rule,
			 d.shape, d.kind, z(d.actor), z(d.group), d.shape == EG_DUTY_SHAPE_PERIODIC ? d.period : -1, (int)d.min_count, z(d.tags), z(d.cover_group),
			 z(d.start), z(d.end), (int)d.due_months, (int)d.due_day, z(d.event_kind), d.match, d.limit_unit,
			 (int)d.limit, d.flags, z(d.name_zh), z(d.name_en), z(article), z(quote));
		emit(o, line);
	}
}

/* The duties of a jurisdiction: the preset, or the shipped document's. */
static eg_duty_set *set_of(const char *name, int from_documents)
{
	eg_duty_set *set = NULL;
	int rc;
	if (from_documents) {
		eg_scheme *s = NULL;
		if ((rc = eg_scheme_named(&s, name)) == EG_OK)
			rc = eg_scheme_duties(&set, s);
		eg_scheme_free(s);
	} else {
		rc = eg_duty_set_preset(&set, name);
	}
	if (rc < 0) {
		fprintf(stderr, "duty_equiv: %s: %s\n", name, eg_error_last()->message);
		exit(1);
	}
	return set;
}

static void run(out *o, int from_documents)
{
	for (size_t j = 0; j < sizeof jurisdictions / sizeof jurisdictions[0]; j++) {
		eg_duty_set *set = set_of(jurisdictions[j], from_documents);
		emit_set(o, jurisdictions[j], set);
		if (!from_documents)
			/* Every duty by its ID, and every duty of its rule, by the rule ID. */
			for (size_t i = 0; i < eg_duty_set_count(set); i++) {
				eg_duty_def d = EG_DUTY_DEF_INIT;
				eg_duty_set *one;
				char label[160];
				eg_duty_set_at(&d, set, i);
				one = set_of(d.id, 0);
				snprintf(label, sizeof label, "by-id %s", d.id);
				emit_set(o, label, one);
				eg_duty_set_free(one);
				one = set_of(d.rule, 0);
				snprintf(label, sizeof label, "by-rule %s", d.rule);
				emit_set(o, label, one);
				eg_duty_set_free(one);
			}
		eg_duty_set_free(set);
	}
}

/* The lines of `want` that belong to the run (all, or only the jurisdictions' own). */
static int compare(const char *want, const char *got, int from_documents)
{
	const char *w = want, *g = got;
	size_t line = 0;
	while (*w) {
		const char *we = strchr(w, '\n');
		size_t wl = we ? (size_t)(we - w) : strlen(w);
		line++;
		if (from_documents && (strncmp(w, "by-id ", 6) == 0 || strncmp(w, "by-rule ", 8) == 0)) {
			w += wl + (we != NULL);
			continue;
		}
		{
			const char *ge = strchr(g, '\n');
			size_t gl = ge ? (size_t)(ge - g) : strlen(g);
			if (wl != gl || memcmp(w, g, wl) != 0) {
				fprintf(stderr, "duty_equiv: line %zu differs:\n  want %.*s\n  got  %.*s\n", line, (int)wl, w,
					(int)gl, g);
				return 1;
			}
			g += gl + (ge != NULL);
		}
		w += wl + (we != NULL);
	}
	if (*g) {
		fprintf(stderr, "duty_equiv: more duties than the frozen table: %.200s\n", g);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int from_documents = 0, rc;
	out o = { 0 };
	FILE *f;
	if (argc == 4 && strcmp(argv[1], "--documents") == 0) {
		from_documents = 1;
		argc--;
		argv++;
	}
	if (argc != 3 || (strcmp(argv[1], "--write") && strcmp(argv[1], "--check"))) {
		fprintf(stderr, "usage: duty_equiv [--documents] --write|--check FILE\n");
		return 2;
	}
	emit(&o, "");
	run(&o, from_documents);
	if (strcmp(argv[1], "--write") == 0) {
		if (from_documents || !(f = fopen(argv[2], "w")))
			return fprintf(stderr, "duty_equiv: cannot write %s\n", argv[2]), 1;
		fputs(o.buf, f);
		fclose(f);
		printf("duty_equiv: wrote %zu bytes to %s\n", o.n, argv[2]);
		free(o.buf);
		return 0;
	}
	{
		long len;
		char *want;
		if (!(f = fopen(argv[2], "rb")))
			return perror(argv[2]), 1;
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		rewind(f);
		if (len < 0 || !(want = calloc((size_t)len + 1, 1)) || fread(want, 1, (size_t)len, f) != (size_t)len) {
			fclose(f);
			return fprintf(stderr, "duty_equiv: cannot read %s\n", argv[2]), 1;
		}
		fclose(f);
		rc = compare(want, o.buf, from_documents);
		free(want);
	}
	if (rc == 0)
		printf("duty_equiv: every duty as frozen (%s)\n", from_documents ? "documents" : "presets");
	free(o.buf);
	return rc;
}
