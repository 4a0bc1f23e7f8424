/*
 * Loading a grid from the division CSV format (code,parent_code,level,name
 * [,kind]) of ../shared/data/divisions/. Levels follow CJ-G.1.
 *
 * The loader reads every row first, then resolves parents, so rows may come
 * in any order; it rejects duplicates, unknown parents and cycles with the
 * line number, and builds the grid only when everything is valid: the
 * caller's *out is untouched on failure.
 */
#include "grid_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/text.h"

#define ROW_ROOT UINT32_MAX          /* empty parent_code */
#define ROW_EXTERNAL (UINT32_MAX - 1) /* parent not in the file */
#define ROW_NONE (UINT32_MAX - 2)

typedef struct row {
	const char *id, *parent, *name;
	uint32_t id_len, parent_len, name_len;
	uint32_t line;
	uint32_t parent_row;
	int8_t level;
	int8_t kind; /* -1: infer */
} row;

typedef struct loader {
	char *buf;       /* private copy of the input, unescaped in place */
	size_t len;
	row *rows;
	size_t n_rows, cap_rows;
	int has_kind;
	uint32_t *table; /* id -> row + 1 */
	size_t table_cap;
	uint32_t *child_start, *child_list, *order, *stack;
	eg_node **row_node;
} loader;

static void loader_free(loader *L)
{
	eg__free(L->buf);
	eg__free(L->rows);
	eg__free(L->table);
	eg__free(L->child_start);
	eg__free(L->child_list);
	eg__free(L->order);
	eg__free(L->stack);
	eg__free(L->row_node);
}

int eg_grid_csv_options_init(eg_grid_csv_options *opts, unsigned int version)
{
	if (!opts)
		return eg__error(EG_EINVAL, "eg_grid_csv_options_init: opts is NULL");
	if (version != EG_GRID_CSV_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_grid_csv_options_init: unknown version %u (this library knows %u)",
				 version, EG_GRID_CSV_OPTIONS_VERSION);
	opts->version = version;
	opts->root = NULL;
	opts->root_level = -1;
	opts->flags = 0;
	return EG_OK;
}

/*
 * Split one record starting at *pos into at most `maxf` fields (pointers
 * into L->buf, unescaped in place, NUL-terminated). Advances *pos past the
 * line end and *line by the lines consumed. Returns the field count, or a
 * negative status for an unterminated quote or too many fields.
 */
static int split_record(loader *L, size_t *pos, uint32_t *line, char **f, uint32_t *flen, int maxf)
{
	char *b = L->buf;
	size_t i = *pos, n = L->len;
	int nf = 0;
	uint32_t start_line = *line;

	for (;;) {
		char *out = b + i, *start = out;
		if (nf == maxf)
			return eg__error(EG_EPARSE, "line %u: more than %d fields", start_line, maxf - 1);
		if (i < n && b[i] == '"') {
			i++;
			for (;;) {
				if (i >= n)
					return eg__error(EG_EPARSE, "line %u: unterminated quoted field", start_line);
				if (b[i] == '"') {
					if (i + 1 < n && b[i + 1] == '"') {
						*out++ = '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (b[i] == '\n')
					(*line)++;
				*out++ = b[i++];
			}
			if (i < n && b[i] != ',' && b[i] != '\n' && b[i] != '\r')
				return eg__error(EG_EPARSE, "line %u: text after a closing quote", start_line);
		} else {
			while (i < n && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
				if (b[i] == '"')
					return eg__error(EG_EPARSE, "line %u: quote inside an unquoted field", start_line);
				*out++ = b[i++];
			}
		}
		f[nf] = start;
		flen[nf] = (uint32_t)(out - start);
		nf++;
		if (i < n && b[i] == ',') {
			*out = '\0';
			i++;
			continue;
		}
		/* End of record: CRLF, LF, lone CR or end of input. */
		if (i < n && b[i] == '\r')
			i++;
		if (i < n && b[i] == '\n')
			i++;
		*out = '\0';
		break;
	}
	(*line)++;
	*pos = i;
	return nf;
}

static int parse_kind(const char *s, uint32_t len)
{
	static const char *const names[] = { "admin", "park", "key_grid", "other" };
	for (int k = 0; k < 4; k++)
		if (strlen(names[k]) == len && memcmp(names[k], s, len) == 0)
			return k;
	return -1;
}

/* NBS development zones: county digits 71-80 at level 2 (see divisions README). */
static int infer_kind(const row *r)
{
	if (r->level == EG_LEVEL_COUNTY && r->id_len == 12) {
		int d = (r->id[4] - '0') * 10 + (r->id[5] - '0');
		int digits = 1;
		for (int k = 0; k < 12; k++)
			digits &= r->id[k] >= '0' && r->id[k] <= '9';
		if (digits && d >= 71 && d <= 80)
			return EG_KIND_PARK;
	}
	return EG_KIND_ADMIN;
}

static int read_rows(loader *L)
{
	size_t pos = 0;
	uint32_t line = 1;
	char *f[6];
	uint32_t fl[6];
	int nf;

	if (L->len >= 3 && memcmp(L->buf, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	nf = split_record(L, &pos, &line, f, fl, 6);
	if (nf < 0)
		return nf;
	if (!(nf == 4 || nf == 5) || strcmp(f[0], "code") || strcmp(f[1], "parent_code") ||
	    strcmp(f[2], "level") || strcmp(f[3], "name") || (nf == 5 && strcmp(f[4], "kind")))
		return eg__error(EG_EPARSE,
				 "line 1: header must be code,parent_code,level,name with an optional kind column");
	L->has_kind = nf == 5;

	while (pos < L->len) {
		row *r;
		uint32_t this_line = line;
		int level = 0, rc;

		/* Tolerate blank lines (including a trailing one). */
		if (L->buf[pos] == '\n' || (L->buf[pos] == '\r')) {
			if (L->buf[pos] == '\r' && pos + 1 < L->len && L->buf[pos + 1] == '\n')
				pos++;
			pos++;
			line++;
			continue;
		}
		nf = split_record(L, &pos, &line, f, fl, 6);
		if (nf < 0)
			return nf;
		if (nf != (L->has_kind ? 5 : 4))
			return eg__error(EG_EPARSE, "line %u: %d fields, expected %d",
					 this_line, nf, L->has_kind ? 5 : 4);
		if (L->n_rows == L->cap_rows) {
			size_t nc = L->cap_rows ? L->cap_rows * 2 : 1024;
			row *t;
			if (nc > (size_t)UINT32_MAX - 8)
				return eg__error(EG_ERANGE, "line %u: too many rows", this_line);
			t = eg__realloc(L->rows, nc * sizeof *t);
			if (!t)
				return eg__error_nomem("reading CSV rows");
			L->rows = t;
			L->cap_rows = nc;
		}
		r = &L->rows[L->n_rows];
		if (fl[0] == 0)
			return eg__error(EG_EPARSE, "line %u: empty code", this_line);
		if ((rc = eg__check_text_n(f[0], fl[0], EG_GRID_ID_MAX, "code")) < 0 ||
		    (fl[1] && (rc = eg__check_text_n(f[1], fl[1], EG_GRID_ID_MAX, "parent_code")) < 0) ||
		    (rc = eg__check_text_n(f[3], fl[3], EG_GRID_NAME_MAX, "name")) < 0) {
			return eg__error(rc, "line %u: %s", this_line, eg_error_last()->message);
		}
		if (fl[2] == 0 || fl[2] > 2)
			return eg__error(EG_EPARSE, "line %u: level \"%s\" is not 0-4", this_line,
					 fl[2] ? "(too long)" : "");
		for (uint32_t k = 0; k < fl[2]; k++) {
			if (f[2][k] < '0' || f[2][k] > '9')
				return eg__error(EG_EPARSE, "line %u: level \"%s\" is not a number",
						 this_line, f[2]);
			level = level * 10 + (f[2][k] - '0');
		}
		if (level > EG_LEVEL_VILLAGE)
			return eg__error(EG_ERANGE, "line %u: level %d is not 0-4 (CJ-G.1)", this_line, level);
		r->id = f[0];
		r->id_len = fl[0];
		r->parent = f[1];
		r->parent_len = fl[1];
		r->name = f[3];
		r->name_len = fl[3];
		r->level = (int8_t)level;
		r->line = this_line;
		r->parent_row = ROW_NONE;
		r->kind = -1;
		if (L->has_kind && fl[4]) {
			int k = parse_kind(f[4], fl[4]);
			if (k < 0)
				return eg__error(EG_EPARSE,
						 "line %u: kind \"%s\" is not admin, park, key_grid or other",
						 this_line, f[4]);
			r->kind = (int8_t)k;
		}
		L->n_rows++;
	}
	return EG_OK;
}

static uint32_t find_row(const loader *L, const char *id, size_t len)
{
	size_t mask = L->table_cap - 1, i = (size_t)eg__hash(id, len) & mask;
	while (L->table[i]) {
		const row *r = &L->rows[L->table[i] - 1];
		if (r->id_len == len && memcmp(r->id, id, len) == 0)
			return L->table[i] - 1;
		i = (i + 1) & mask;
	}
	return ROW_NONE;
}

static int index_rows(loader *L)
{
	size_t cap = 16;
	while (cap < L->n_rows * 2)
		cap *= 2;
	L->table = eg__calloc(cap, sizeof *L->table);
	if (!L->table)
		return eg__error_nomem("indexing CSV rows");
	L->table_cap = cap;
	for (size_t r = 0; r < L->n_rows; r++) {
		const row *R = &L->rows[r];
		size_t mask = cap - 1, i = (size_t)eg__hash(R->id, R->id_len) & mask;
		while (L->table[i]) {
			const row *o = &L->rows[L->table[i] - 1];
			if (o->id_len == R->id_len && memcmp(o->id, R->id, R->id_len) == 0)
				return eg__error(EG_EEXISTS, "line %u: code %s duplicates line %u",
						 R->line, R->id, o->line);
			i = (i + 1) & mask;
		}
		L->table[i] = (uint32_t)r + 1;
	}
	return EG_OK;
}

/* Children lists in CSR form, siblings in file order. */
static int build_children(loader *L)
{
	size_t n = L->n_rows;
	uint32_t *fill;
	L->child_start = eg__calloc(n + 2, sizeof *L->child_start);
	L->child_list = eg__malloc((n ? n : 1) * sizeof *L->child_list);
	if (!L->child_start || !L->child_list)
		return eg__error_nomem("linking CSV rows");
	for (size_t r = 0; r < n; r++)
		if (L->rows[r].parent_row < ROW_NONE)
			L->child_start[L->rows[r].parent_row + 2]++;
	for (size_t r = 0; r < n; r++)
		L->child_start[r + 2] += L->child_start[r + 1];
	fill = L->child_start + 1;
	for (size_t r = 0; r < n; r++)
		if (L->rows[r].parent_row < ROW_NONE)
			L->child_list[fill[L->rows[r].parent_row]++] = (uint32_t)r;
	/* Now child_start[p] .. child_start[p+1] are p's children. */
	return EG_OK;
}

/* Append the pre-order walk of row `top`'s subtree to L->order. */
static size_t walk_rows(loader *L, uint32_t top, size_t n_order)
{
	size_t sp = 0;
	L->stack[sp++] = top;
	while (sp) {
		uint32_t r = L->stack[--sp];
		L->order[n_order++] = r;
		for (uint32_t k = L->child_start[r + 1]; k-- > L->child_start[r];)
			L->stack[sp++] = L->child_list[k];
	}
	return n_order;
}

static int report_cycle(const loader *L, const unsigned char *seen)
{
	size_t r = 0;
	char ids[400];
	size_t o = 0;
	uint32_t at;
	while (seen[r])
		r++;
	/* Follow parents until a row repeats: that row is on the cycle. */
	at = (uint32_t)r;
	for (size_t steps = 0; steps < L->n_rows; steps++)
		at = L->rows[at].parent_row;
	r = at;
	do {
		const row *R = &L->rows[r];
		int w = snprintf(ids + o, sizeof ids - o, "%s%s (line %u)", o ? " -> " : "", R->id, R->line);
		if (w < 0 || (size_t)w >= sizeof ids - o)
			break;
		o += (size_t)w;
		r = R->parent_row;
	} while (r != at);
	return eg__error(EG_ECYCLE, "line %u: parent chain loops: %s -> %s",
			 L->rows[at].line, ids, L->rows[at].id);
}

static int build(eg_grid **out, loader *L, const eg_grid_csv_options *o)
{
	size_t n = L->n_rows, n_order = 0, bytes = 0;
	uint32_t root_row = ROW_NONE, external_row = ROW_NONE;
	int shift = 0, rc, has_empty_parent = 0;
	eg_grid *g = NULL;

	if ((rc = index_rows(L)) < 0)
		return rc;

	if (o->root) {
		root_row = find_row(L, o->root, strnlen(o->root, EG_GRID_ID_MAX + 1));
		if (root_row == ROW_NONE)
			return eg__error(EG_ENOTFOUND, "root %s is not in the file", o->root);
	}
	for (size_t r = 0; r < n && !has_empty_parent; r++)
		has_empty_parent = L->rows[r].parent_len == 0;
	for (size_t r = 0; r < n; r++) {
		row *R = &L->rows[r];
		if (r == root_row || R->parent_len == 0) {
			R->parent_row = r == root_row ? ROW_ROOT : (o->root ? ROW_EXTERNAL : ROW_ROOT);
			continue;
		}
		R->parent_row = find_row(L, R->parent, R->parent_len);
		if (R->parent_row != ROW_NONE)
			continue;
		R->parent_row = ROW_EXTERNAL;
		if (o->root)
			continue; /* outside the kept subtree or detected below */
		/* A subtree extract may name one parent outside the file, but not
		 * next to a real root: there an unknown parent is a typo. */
		if ((o->flags & EG_GRID_CSV_STRICT_PARENTS) || has_empty_parent)
			return eg__error(EG_ENOTFOUND, "line %u: parent %s of %s not found",
					 R->line, R->parent, R->id);
		if (external_row != ROW_NONE)
			return eg__error(EG_ENOTFOUND,
					 "line %u: parent %s of %s not found (only one row may name a parent outside the file, and line %u already does)",
					 R->line, R->parent, R->id, L->rows[external_row].line);
		external_row = (uint32_t)r;
	}

	if ((rc = build_children(L)) < 0)
		return rc;
	L->order = eg__malloc((n ? n : 1) * sizeof *L->order);
	L->stack = eg__malloc((n ? n : 1) * sizeof *L->stack);
	if (!L->order || !L->stack)
		return eg__error_nomem("ordering CSV rows");
	if (o->root) {
		n_order = walk_rows(L, root_row, 0);
	} else {
		unsigned char *seen;
		for (size_t r = 0; r < n; r++)
			if (L->rows[r].parent_row >= ROW_EXTERNAL && L->rows[r].parent_row != ROW_NONE)
				n_order = walk_rows(L, (uint32_t)r, n_order);
		if (n_order < n) {
			seen = eg__calloc(n, 1);
			if (!seen)
				return eg__error_nomem("finding a cycle");
			for (size_t k = 0; k < n_order; k++)
				seen[L->order[k]] = 1;
			rc = report_cycle(L, seen);
			eg__free(seen);
			return rc;
		}
	}

	if (o->root && o->root_level >= 0)
		shift = o->root_level - L->rows[root_row].level;
	for (size_t k = 0; k < n_order; k++) {
		row *R = &L->rows[L->order[k]];
		int lv = R->level + shift;
		if (lv < EG_LEVEL_PROVINCE || lv > EG_LEVEL_VILLAGE)
			return eg__error(EG_ERANGE, "line %u: level %d of %s becomes %d with root_level %d; levels are 0-4",
					 R->line, R->level, R->id, lv, o->root_level);
		if (R->parent_row < ROW_NONE && R->level <= L->rows[R->parent_row].level)
			return eg__error(EG_ELEVEL, "line %u: level %d of %s is not deeper than its parent %s's level %d",
					 R->line, R->level, R->id, L->rows[R->parent_row].id,
					 L->rows[R->parent_row].level);
		bytes += (size_t)R->id_len + R->name_len + 2;
	}

	L->row_node = eg__malloc((n ? n : 1) * sizeof *L->row_node);
	if (!L->row_node)
		return eg__error_nomem("building the grid");
	if ((rc = eg_grid_new(&g)) < 0)
		return rc;
	if ((rc = eg__grid_reserve(g, n_order, bytes)) < 0) {
		eg_grid_free(g);
		return rc;
	}
	for (size_t k = 0; k < n_order; k++) {
		uint32_t r = L->order[k];
		row *R = &L->rows[r];
		eg_node *parent = R->parent_row < ROW_NONE ? L->row_node[R->parent_row] : NULL;
		int kind = R->kind >= 0 ? R->kind : infer_kind(R);
		L->row_node[r] = eg__grid_commit_node(g, R->id, R->id_len, R->name, R->name_len,
						      parent, R->level + shift, kind);
	}
	*out = g;
	return EG_OK;
}

static int parse_owned(eg_grid **out, char *buf, size_t len, const eg_grid_csv_options *opts)
{
	loader L;
	eg_grid_csv_options defaults = EG_GRID_CSV_OPTIONS_INIT;
	int rc;

	memset(&L, 0, sizeof L);
	L.buf = buf;
	L.len = len;
	if (!opts)
		opts = &defaults;
	if (opts->version != EG_GRID_CSV_OPTIONS_VERSION) {
		rc = eg__error(EG_EINVAL, "CSV options version %u is not %u", opts->version,
			       EG_GRID_CSV_OPTIONS_VERSION);
	} else if (opts->root_level < -1 || opts->root_level > EG_LEVEL_VILLAGE) {
		rc = eg__error(EG_ERANGE, "root_level %d is not -1 or 0-4", opts->root_level);
	} else if (opts->root_level >= 0 && !opts->root) {
		rc = eg__error(EG_EINVAL, "root_level is set but root is not");
	} else if (opts->root && (rc = eg__check_text(opts->root, EG_GRID_ID_MAX, "root ID")) < 0) {
		/* rc set */
	} else if ((rc = read_rows(&L)) == EG_OK) {
		rc = build(out, &L, opts);
	}
	loader_free(&L);
	return rc;
}

int eg_grid_parse_csv(eg_grid **out, const char *data, size_t len, const eg_grid_csv_options *opts)
{
	char *buf;
	if (!out || (!data && len))
		return eg__error(EG_EINVAL, "eg_grid_parse_csv: NULL argument");
	if (len > (size_t)UINT32_MAX * 16)
		return eg__error(EG_ERANGE, "eg_grid_parse_csv: input of %zu bytes is too large", len);
	buf = eg__malloc(len + 1);
	if (!buf)
		return eg__error_nomem("copying CSV input");
	if (len)
		memcpy(buf, data, len);
	buf[len] = '\0';
	return parse_owned(out, buf, len, opts);
}

int eg_grid_load_csv(eg_grid **out, const char *path, const eg_grid_csv_options *opts)
{
	FILE *fp;
	char *buf = NULL;
	size_t len = 0, cap = 0;

	if (!out || !path)
		return eg__error(EG_EINVAL, "eg_grid_load_csv: NULL argument");
	fp = fopen(path, "rb");
	if (!fp)
		return eg__error(EG_EIO, "cannot open %s: %s", path, strerror(errno));
	for (;;) {
		size_t got;
		if (cap - len < 65536) {
			size_t nc = cap ? cap * 2 : 1u << 20;
			char *t = eg__realloc(buf, nc + 1);
			if (!t) {
				eg__free(buf);
				fclose(fp);
				return eg__error_nomem("reading a CSV file");
			}
			buf = t;
			cap = nc;
		}
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		int e = errno;
		eg__free(buf);
		fclose(fp);
		return eg__error(EG_EIO, "cannot read %s: %s", path, strerror(e));
	}
	fclose(fp);
	buf[len] = '\0';
	return parse_owned(out, buf, len, opts);
}
