/* Reading CSV input files through libcsv (RFC 4180), with line numbers. */
#include "tool.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 16

typedef struct reader {
	const char *path;
	const char *const *expect;
	size_t n_expect;
	csv_row_fn fn;
	void *payload;
	char *fields[MAX_FIELDS];
	size_t n;
	size_t record;   /* records seen, header = 1 */
	size_t line;     /* physical line of the current record's start */
	size_t newlines; /* newlines consumed so far */
	int failed;
	int too_many;
} reader;

static void on_field(void *data, size_t len, void *r_)
{
	reader *r = r_;
	char *copy;
	if (r->failed)
		return;
	if (r->n == MAX_FIELDS) {
		r->too_many = 1;
		return;
	}
	{
		/* Every field of every CSV input goes through the one text check (input.c). */
		char where[300], field[32];
		snprintf(where, sizeof where, "%s: line %zu", r->path, r->line);
		snprintf(field, sizeof field, "field %zu", r->n + 1);
		if (in_text_check(data, len, where,
				  r->record > 0 && r->n < r->n_expect ? r->expect[r->n] : field)) {
			r->failed = TOOL_FAIL;
			return;
		}
	}
	copy = malloc(len + 1);
	if (!copy) {
		r->failed = tool_fail("%s: out of memory", r->path);
		return;
	}
	memcpy(copy, data, len);
	copy[len] = '\0';
	r->fields[r->n++] = copy;
}

static void on_record(int term, void *r_)
{
	reader *r = r_;
	(void)term;
	r->record++;
	if (!r->failed && r->too_many)
		r->failed = tool_fail("%s: line %zu: more than %d fields", r->path, r->line, MAX_FIELDS);
	if (!r->failed && r->record == 1) {
		/* Header: the expected names, in order (a UTF-8 BOM is tolerated). */
		const char *first = r->n ? r->fields[0] : "";
		if (strncmp(first, "\xEF\xBB\xBF", 3) == 0)
			first += 3;
		if (r->n != r->n_expect || strcmp(first, r->expect[0]) != 0)
			r->failed = TOOL_FAIL;
		for (size_t i = 1; !r->failed && i < r->n; i++)
			if (strcmp(r->fields[i], r->expect[i]) != 0)
				r->failed = TOOL_FAIL;
		if (r->failed) {
			fprintf(stderr, "ecogrid: %s: line 1: header must be ", r->path);
			for (size_t i = 0; i < r->n_expect; i++)
				fprintf(stderr, "%s%s", i ? "," : "", r->expect[i]);
			fputc('\n', stderr);
		}
	} else if (!r->failed) {
		if (r->n != r->n_expect)
			r->failed = tool_fail("%s: line %zu: %zu fields, expected %zu", r->path, r->line, r->n, r->n_expect);
		else if (r->fn(r->payload, r->line, r->fields, r->n))
			r->failed = TOOL_FAIL;
	}
	for (size_t i = 0; i < r->n; i++)
		free(r->fields[i]);
	r->n = 0;
	r->too_many = 0;
	/* Called at the record's closing newline, before it is counted. */
	r->line = r->newlines + 2;
}

int csv_read_file(const char *path, const char *const *expect, size_t n_expect,
		  csv_row_fn fn, void *payload)
{
	struct csv_parser p;
	reader r;
	char buf[65536];
	size_t got;
	FILE *f = fopen(path, "rb");
	if (!f)
		return tool_fail("cannot open %s: %s", path, strerror(errno));
	memset(&r, 0, sizeof r);
	r.path = path;
	r.expect = expect;
	r.n_expect = n_expect;
	r.fn = fn;
	r.payload = payload;
	r.line = 1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fclose(f);
		return tool_fail("%s: out of memory", path);
	}
	while (!r.failed && (got = fread(buf, 1, sizeof buf, f)) > 0) {
		/* Feed line by line so that records know their starting line. */
		size_t start = 0;
		for (size_t i = 0; i < got && !r.failed; i++) {
			if (buf[i] == '\n') {
				if (csv_parse(&p, buf + start, i + 1 - start, on_field, on_record, &r) != i + 1 - start) {
					r.failed = tool_fail("%s: line %zu: %s", path, r.newlines + 1,
							     csv_strerror(csv_error(&p)));
					break;
				}
				r.newlines++;
				start = i + 1;
			}
		}
		if (!r.failed && start < got &&
		    csv_parse(&p, buf + start, got - start, on_field, on_record, &r) != got - start)
			r.failed = tool_fail("%s: line %zu: %s", path, r.newlines + 1, csv_strerror(csv_error(&p)));
	}
	if (!r.failed && ferror(f))
		r.failed = tool_fail("cannot read %s: %s", path, strerror(errno));
	if (!r.failed && csv_fini(&p, on_field, on_record, &r) != 0)
		r.failed = tool_fail("%s: line %zu: %s", path, r.newlines + 1, csv_strerror(csv_error(&p)));
	if (!r.failed && r.record == 0)
		r.failed = tool_fail("%s: empty file (no header)", path);
	for (size_t i = 0; i < r.n; i++)
		free(r.fields[i]);
	csv_free(&p);
	fclose(f);
	return r.failed ? TOOL_FAIL : TOOL_OK;
}
