/*
 * Loading a grid from the division CSV format (code,parent_code,level,name
 * [,kind]) of ../shared/data/divisions/. Levels follow CJ-G.1.
 *
 * One pass over the input, which the loader owns (the file is read into it,
 * or the caller's bytes are copied into it once): each row is scanned and
 * validated where it lies (16 bytes at a time for plain ASCII, UTF-8 checked
 * on the way), its code and name are moved down to the front of the same
 * buffer, which becomes the grid's string pool, and its node is written in
 * file order into one block of node chunks sized from the input (large
 * blocks ask Linux for huge pages: page faults, not parsing, were most of
 * the cost of a national load). The parent is looked for on the
 * chain of ancestors of the previous row; when every row finds its parent
 * there, the file order already is the grid's pre-order, and the loader
 * finishes by building the ID index once, at its final size, from hashes
 * computed during the scan (a subtree extract's top row, whose parent is
 * outside the file, is checked there too). Anything else (rows in another
 * order, a root option, more than one parent off the chain, cycles) takes
 * the general path, which resolves parents by hash, orders the rows and
 * builds a fresh grid from them.
 *
 * Rows that are not plain (quotes, control characters, a bad field count
 * or level, bad UTF-8) are split and checked by the exact RFC 4180 reader,
 * so every error names its line. Duplicates, unknown parents, cycles and
 * level order are reported as before; the caller's *out is untouched on
 * failure.
 */
#include "grid_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/text.h"
#include "util/vec.h"

#if defined(__SSE2__) && !defined(EG_NO_SIMD)
#include <emmintrin.h>
#endif

#define ROW_ROOT UINT32_MAX          /* empty parent_code */
#define ROW_EXTERNAL (UINT32_MAX - 1) /* parent not in the file */
#define ROW_NONE (UINT32_MAX - 2)

/* Bytes of zero padding after the input (and its NUL) for 16-byte loads. */
#define PAD 16
/* Ancestor chain of the previous row; levels 0-4 need at most 5. */
#define CHAIN_MAX 16

/* A row of the general path. */
typedef struct row {
	const char *id, *parent, *name;
	uint32_t id_len, parent_len, name_len;
	uint32_t line;
	uint32_t parent_row;
	int8_t level;
	int8_t kind; /* -1: infer */
} row;

/* Per row during the scan: the ID's hash and the row's line. */
typedef struct row_info {
	uint32_t hash;
	uint32_t line;
} row_info;

/* A row whose parent was not on the ancestor chain: its code, kept aside. */
typedef struct pending {
	uint32_t row;
	uint32_t off; /* into loader.pstr, NUL-terminated */
	uint32_t len;
} pending;

typedef struct loader {
	eg_pool_chunk *arena; /* owns the input: data[len] = NUL, then PAD zeros */
	char *buf;            /* arena->data */
	size_t len;
	size_t dst;           /* end of the moved codes and names in buf */
	eg_grid *g;           /* nodes in file order (fast path), else scratch */
	size_t n_rows;
	int has_kind;
	int general;          /* the fast path does not apply */
	unsigned flags;       /* eg_grid_csv_options.flags */
	row_info *info;
	size_t cap_info;
	pending *pend;
	size_t n_pend, cap_pend;
	char *pstr;
	size_t pstr_len, pstr_cap;
	uint32_t chain[CHAIN_MAX];
	size_t chain_len;
	uint32_t level_err;   /* first row not deeper than its parent, or ROW_NONE */
	uint32_t ext_row;     /* the one row whose parent was not seen, taken as a root, or ROW_NONE */
	int has_root;         /* some row has an empty parent */
	/* General path. */
	row *rows;
	eg__hmap rows_index;  /* id -> row */
	uint32_t *child_start, *child_list, *order, *stack;
	eg_node **row_node;
} loader;

static void loader_free(loader *L)
{
	eg__free(L->arena);
	eg_grid_free(L->g);
	eg__free(L->info);
	eg__free(L->pend);
	eg__free(L->pstr);
	eg__free(L->rows);
	eg__hmap_free(&L->rows_index);
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

/* ------------------------------------------------------------------ */
/* Scanning plain rows                                                  */
/* ------------------------------------------------------------------ */

#if defined(__SSE2__) && !defined(EG_NO_SIMD)
#define SCAN_SSE2 1
#else
#define SCAN_SSE2 0
#endif

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#define CTZ(x) ((size_t)__builtin_ctz(x))
#else
#define PREFETCH(p) ((void)(p))
#endif

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define IS_LE 1
#else
#define IS_LE 0
#endif

static inline int is_plain(unsigned c)
{
	return c >= 0x20 && c < 0x7F && c != ',' && c != '"';
}

/*
 * Index of the first byte at or after i that is not plain text: plain is
 * printable ASCII other than ',' and '"'. The input ends with a NUL and PAD
 * zero bytes, so the scan stops there and 16-byte loads stay inside.
 */
static inline size_t skip_plain(const unsigned char *b, size_t i)
{
#if SCAN_SSE2 && defined(__GNUC__)
	const __m128i lo = _mm_set1_epi8(0x20), comma = _mm_set1_epi8(','),
		      quote = _mm_set1_epi8('"'), del = _mm_set1_epi8(0x7F);
	for (;;) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
		/* Signed compare: bytes 0x80 and above are negative, so below 0x20 too. */
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(x, lo), _mm_cmpeq_epi8(x, comma)),
					 _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, del)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + CTZ(bits);
		i += 16;
	}
#else
	while (is_plain(b[i]))
		i++;
	return i;
#endif
}

/*
 * Index of the first byte at or after i that is neither plain text nor part
 * of a well-formed UTF-8 sequence: the field's end, or something the exact
 * reader must look at (a quote, a control character, bad UTF-8).
 */
static inline size_t scan_text(const unsigned char *b, size_t i, size_t len)
{
	for (;;) {
		unsigned c;
		size_t n;
		i = skip_plain(b, i);
		c = b[i];
		/* Runs of three-byte sequences (most of CJK): lead E0-EF and two
		 * continuation bytes, no overlong forms, no surrogates. */
#if SCAN_SSE2 && defined(__GNUC__)
		for (;;) {
			/* Four at a time: the pattern of leads and continuation
			 * bytes over 12 bytes, and no lead E0 or ED (which need
			 * the exact check of the loop below). */
			const __m128i form = _mm_setr_epi8((char)0xF0, (char)0xC0, (char)0xC0, (char)0xF0,
							   (char)0xC0, (char)0xC0, (char)0xF0, (char)0xC0,
							   (char)0xC0, (char)0xF0, (char)0xC0, (char)0xC0, 0, 0, 0, 0);
			const __m128i want = _mm_setr_epi8((char)0xE0, (char)0x80, (char)0x80, (char)0xE0,
							   (char)0x80, (char)0x80, (char)0xE0, (char)0x80,
							   (char)0x80, (char)0xE0, (char)0x80, (char)0x80, 0, 0, 0, 0);
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
			unsigned ok = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, form), want));
			unsigned odd = (unsigned)_mm_movemask_epi8(_mm_or_si128(
				_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE0)), _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xED))));
			if ((ok & 0xFFFu) != 0xFFFu || (odd & 0x249u))
				break;
			i += 12;
		}
#endif
		for (;;) {
			uint32_t w, v;
			memcpy(&w, b + i, 4);
			if (!IS_LE || (w & 0xC0C0F0u) != 0x8080E0u)
				break;
			/* The top 10 bits of the code point: below 0x20 is overlong,
			 * 0x360-0x37F a surrogate. */
			v = (w & 0x0Fu) << 6 | (w >> 8 & 0x3Fu);
			if (v < 0x20 || v >> 5 == 0x1B)
				return i;
			i += 3;
		}
		c = b[i];
		if (c < 0x80) {
			if (is_plain(c))
				continue;
			return i;
		}
		n = eg__utf8_seq(b + i, len - i);
		if (n == 0)
			return i;
		i += n;
	}
}

/* ------------------------------------------------------------------ */
/* Storing a row                                                        */
/* ------------------------------------------------------------------ */

/* Make room for node `r` and its row_info. */
static int grow_rows(loader *L, size_t r)
{
	eg_grid *g = L->g;
	if (r >= (size_t)UINT32_MAX - 8)
		return eg__error(EG_ERANGE, "line %u: too many rows", L->info[r - 1].line + 1);
	if (r == L->cap_info) {
		row_info *t = eg__vec_reserve(L->info, &L->cap_info, r + 1, sizeof *L->info, 64);
		if (!t)
			return eg__error_nomem("reading CSV rows");
		L->info = t;
	}
	if ((r >> EG_NODE_CHUNK_BITS) >= g->n_chunks) {
		eg_node *c, **t = eg__vec_reserve(g->chunks, &g->cap_chunks, g->n_chunks + 1, sizeof *g->chunks, 64);
		if (!t)
			return eg__error_nomem("allocating nodes");
		g->chunks = t;
		c = eg__malloc(EG_NODE_CHUNK * sizeof *c);
		if (!c)
			return eg__error_nomem("allocating nodes");
		g->chunks[g->n_chunks++] = c;
	}
	return EG_OK;
}

/*
 * Move a field down to d <= s in the same buffer. With at least 16 bytes
 * between them, copy in 16-byte blocks: each block is read before the
 * writes reach it, and the last block's spill stays inside the field's own
 * bytes (d + len + 15 < s + len), so nothing unread is touched; the reads
 * may run 15 bytes past the field, into the padding at worst.
 */
static inline void move_down(char *d, const char *s, size_t len)
{
	if ((size_t)(s - d) >= 16) {
		for (size_t k = 0; k < len; k += 16)
			memcpy(d + k, s + k, 16);
	} else {
		memmove(d, s, len);
	}
}

/* a[0..len) == b[0..len): two word compares for IDs of 8-16 bytes. */
static inline int id_eq(const char *a, const char *b, size_t len)
{
	if (len >= 8 && len <= 16) {
		uint64_t a0, a1, b0, b1;
		memcpy(&a0, a, 8);
		memcpy(&b0, b, 8);
		memcpy(&a1, a + len - 8, 8);
		memcpy(&b1, b + len - 8, 8);
		return ((a0 ^ b0) | (a1 ^ b1)) == 0;
	}
	return memcmp(a, b, len) == 0;
}

/* Keep a parent code that was not on the ancestor chain. */
static int add_pending(loader *L, uint32_t r, const char *par, size_t par_len)
{
	pending *p;
	{
		pending *t = eg__vec_reserve(L->pend, &L->cap_pend, L->n_pend + 1, sizeof *L->pend, 64);
		if (!t)
			return eg__error_nomem("reading CSV rows");
		L->pend = t;
	}
	if (L->pstr_cap - L->pstr_len < par_len + 1) {
		char *t;
		/* Offsets into pstr are 32 bits. */
		if (L->pstr_len + par_len + 1 > UINT32_MAX)
			return eg__error(EG_ERANGE, "line %u: too many parent codes to resolve", L->info[r].line);
		t = eg__vec_reserve(L->pstr, &L->pstr_cap, L->pstr_len + par_len + 1, 1, 4096);
		if (!t)
			return eg__error_nomem("reading CSV rows");
		L->pstr = t;
	}
	p = &L->pend[L->n_pend++];
	p->row = r;
	p->off = (uint32_t)L->pstr_len;
	p->len = (uint32_t)par_len;
	memcpy(L->pstr + L->pstr_len, par, par_len);
	L->pstr[L->pstr_len + par_len] = '\0';
	L->pstr_len += par_len + 1;
	return EG_OK;
}

/* NBS development zones: county digits 71-80 at level 2 (see divisions README). */
static int infer_kind_of(const char *id, size_t id_len, int level)
{
	if (level == EG_LEVEL_COUNTY && id_len == 12) {
		int d = (id[4] - '0') * 10 + (id[5] - '0');
		int digits = 1;
		for (int k = 0; k < 12; k++)
			digits &= id[k] >= '0' && id[k] <= '9';
		if (digits && d >= 71 && d <= 80)
			return EG_KIND_PARK;
	}
	return EG_KIND_ADMIN;
}

/*
 * Store one validated row as node number L->n_rows: link it to its parent
 * when that is on the ancestor chain, move its code and name down to
 * L->buf + L->dst (never past the row's own start, so the row may lie in the
 * same buffer), record its hash and line. kind < 0: infer.
 */
static int commit_row(loader *L, const char *id, size_t id_len, const char *par, size_t par_len,
		      int level, const char *name, size_t name_len, int kind, uint32_t line)
{
	eg_grid *g = L->g;
	size_t r = L->n_rows, k;
	eg_node *n, *parent = NULL;
	char *d;
	int rc;

	if ((r == L->cap_info || (r & (EG_NODE_CHUNK - 1)) == 0) && (rc = grow_rows(L, r)) < 0)
		return rc;
	n = eg__grid_node(g, r);
	L->info[r].hash = eg__grid_hash(id, id_len);
	L->info[r].line = line;
	if (kind < 0)
		kind = infer_kind_of(id, id_len, level);
	k = 0;
	if (par_len) {
		for (k = L->chain_len; k-- > 0;) {
			eg_node *c = eg__grid_node(g, L->chain[k]);
			if (c->id_len == par_len && id_eq(c->id, par, par_len)) {
				parent = c;
				break;
			}
		}
		if (parent) {
			k++;
			if (level <= parent->level && L->level_err == ROW_NONE)
				L->level_err = (uint32_t)r;
		} else {
			/* Not in pre-order, unknown, or outside the file: a subtree
			 * extract's top row starts it as a root, checked at the end. */
			if ((rc = add_pending(L, (uint32_t)r, par, par_len)) < 0)
				return rc;
			if (L->ext_row == ROW_NONE && !L->has_root)
				L->ext_row = (uint32_t)r;
			else
				L->general = 1;
			k = 0;
		}
	} else {
		L->has_root = 1;
		if (L->ext_row != ROW_NONE)
			L->general = 1;
	}
	if (k < CHAIN_MAX) {
		L->chain[k] = (uint32_t)r;
		L->chain_len = k + 1;
	} else {
		L->general = 1;
		L->chain_len = 0;
	}

	d = L->buf + L->dst;
	move_down(d, id, id_len);
	d[id_len] = '\0';
	move_down(d + id_len + 1, name, name_len);
	d[id_len + 1 + name_len] = '\0';
	L->dst += id_len + name_len + 2;

	n->id = d;
	n->name = d + id_len + 1;
	n->people = NULL;
	n->last_child = NULL;
	n->n_children = 0;
	n->index = (uint32_t)r;
	n->id_len = (uint8_t)id_len;
	n->level = (uint8_t)level;
	n->kind = (uint8_t)kind;
	eg__grid_link(g, n, parent);
	L->n_rows = r + 1;
	g->n_nodes = r + 1;
	return EG_OK;
}

/*
 * One plain row at *pos: unquoted fields of plain text and valid UTF-8,
 * the right field count, a one-digit level, lengths in range. Returns 1
 * when stored, 0 when the row needs the exact reader (nothing changed),
 * or a negative status.
 */
static int fast_row(loader *L, size_t *pos, uint32_t line)
{
	const unsigned char *b = (const unsigned char *)L->buf;
	size_t len = L->len, i = *pos, id, id_len, par, par_len, name, name_len;
	int level, kind = -1, rc;
	unsigned c;

	id = i;
	i = scan_text(b, i, len);
	id_len = i - id;
	if (b[i] != ',' || id_len == 0 || id_len > EG_GRID_ID_MAX)
		return 0;
	par = ++i;
	i = scan_text(b, i, len);
	par_len = i - par;
	if (b[i] != ',' || par_len > EG_GRID_ID_MAX)
		return 0;
	c = b[i + 1];
	if (c < '0' || c > '4' || b[i + 2] != ',')
		return 0;
	level = (int)(c - '0');
	name = i += 3;
	i = scan_text(b, i, len);
	name_len = i - name;
	if (name_len == 0 || name_len > EG_GRID_NAME_MAX)
		return 0;
	c = b[i];
	if (L->has_kind) {
		size_t ks;
		if (c != ',')
			return 0;
		ks = ++i;
		i = scan_text(b, i, len);
		c = b[i];
		if (i > ks && (i - ks > 8 || (kind = parse_kind((const char *)b + ks, (uint32_t)(i - ks))) < 0))
			return 0; /* the exact reader reports it */
	}
	if (c == '\r') {
		i++;
		if (b[i] == '\n')
			i++;
	} else if (c == '\n') {
		i++;
	} else if (c != '\0' || i != len) {
		return 0;
	}
	if ((rc = commit_row(L, L->buf + id, id_len, L->buf + par, par_len, level,
			     L->buf + name, name_len, kind, line)) < 0)
		return rc;
	*pos = i;
	return 1;
}

/*
 * A row that is not plain: split it exactly (RFC 4180, in place), check
 * every field with the messages of eg__check_text_n, then store it.
 */
static int slow_row(loader *L, size_t *pos, uint32_t *line)
{
	uint32_t this_line = *line;
	char *f[6];
	uint32_t fl[6];
	int nf, level = 0, kind = -1, rc;

	nf = split_record(L, pos, line, f, fl, 6);
	if (nf < 0)
		return nf;
	if (nf != (L->has_kind ? 5 : 4))
		return eg__error(EG_EPARSE, "line %u: %d fields, expected %d",
				 this_line, nf, L->has_kind ? 5 : 4);
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
	if (L->has_kind && fl[4]) {
		kind = parse_kind(f[4], fl[4]);
		if (kind < 0)
			return eg__error(EG_EPARSE,
					 "line %u: kind \"%s\" is not admin, park, key_grid or other",
					 this_line, f[4]);
	}
	return commit_row(L, f[0], fl[0], f[1], fl[1], level, f[3], fl[3], kind, this_line);
}

static int read_rows(loader *L)
{
	const char *b = L->buf;
	size_t pos = 0;
	uint32_t line = 1;
	char *f[6];
	uint32_t fl[6];
	int nf, rc;

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
		/* Tolerate blank lines (including a trailing one). */
		if (b[pos] == '\n' || b[pos] == '\r') {
			if (b[pos] == '\r' && pos + 1 < L->len && b[pos + 1] == '\n')
				pos++;
			pos++;
			line++;
			continue;
		}
		if ((rc = fast_row(L, &pos, line)) > 0) {
			line++;
			continue;
		}
		if (rc < 0 || (rc = slow_row(L, &pos, &line)) < 0)
			return rc;
	}
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Finishing                                                            */
/* ------------------------------------------------------------------ */

/*
 * Fast path: the nodes are in pre-order already. Build the ID index once at
 * its final size (duplicates found on the way, reported in row order), check
 * an extract's top row, then report a level error if the scan saw one.
 * Returns EG_OK, an error, or 1 when the general path must decide.
 */
/* Index key: row r's node (looked up only on a hash match), compared with a node already indexed. */
typedef struct node_key {
	const eg_grid *g;
	uint32_t row;
} node_key;

EG__HMAP_INLINE int same_id(void *key, uint32_t other)
{
	const node_key *k = key;
	const eg_node *o = eg__grid_node(k->g, other), *n = eg__grid_node(k->g, k->row);
	return o->id_len == n->id_len && memcmp(o->id, n->id, o->id_len) == 0;
}

static int finish_fast(loader *L)
{
	eg_grid *g = L->g;
	size_t n = L->n_rows;
	const row_info *info = L->info;
	int rc;

	eg__hmap ix;

	if ((rc = eg__hmap_reserve(&g->index, n, "indexing the grid")) < 0)
		return rc;
	eg__advise_huge(g->index.slot, g->index.cap * sizeof *g->index.slot);
	ix = g->index; /* a local copy of the map (the same slots), not reloaded through g */
	for (size_t r = 0; r < n; r++) {
		node_key k;
		uint32_t dup;
		if (r + 16 < n)
			eg__hmap_prefetch(&ix, info[r + 16].hash);
		k.g = g;
		k.row = (uint32_t)r;
		dup = eg__hmap_insert(&ix, info[r].hash, (uint32_t)r, same_id, &k);
		if (dup != EG__HMAP_NONE)
			return eg__error(EG_EEXISTS, "line %u: code %s duplicates line %u", info[r].line,
					 eg__grid_node(g, r)->id, info[dup].line);
	}
	if (L->ext_row != ROW_NONE) {
		/* An extract's top row: its parent must be outside the file. */
		const eg_node *R = eg__grid_node(g, L->ext_row);
		const char *par = L->pstr + L->pend[0].off;
		if (eg__grid_find(g, par, L->pend[0].len))
			return 1; /* in the file after all: rows are not in pre-order */
		if (L->flags & EG_GRID_CSV_STRICT_PARENTS)
			return eg__error(EG_ENOTFOUND, "line %u: parent %s of %s not found",
					 info[L->ext_row].line, par, R->id);
	}
	if (L->level_err != ROW_NONE) {
		const eg_node *R = eg__grid_node(g, L->level_err);
		return eg__error(EG_ELEVEL, "line %u: level %d of %s is not deeper than its parent %s's level %d",
				 info[L->level_err].line, R->level, R->id, R->parent->id, R->parent->level);
	}
	return EG_OK;
}

/* Give the unused end of the input back and hand the buffer to the grid as its string pool. */
static void adopt_arena(loader *L)
{
	eg_grid *g = L->g;
	eg_pool_chunk *c = L->arena, *nc;
	uintptr_t old = (uintptr_t)c->data;

	nc = eg__realloc(c, sizeof *c + (L->dst ? L->dst : 1));
	if (nc) {
		c = nc;
		if ((uintptr_t)c->data != old) {
			/* Moved (allowed, though shrinking allocators rarely do). */
			for (size_t r = 0; r < L->n_rows; r++) {
				eg_node *n = eg__grid_node(g, r);
				n->id = c->data + ((uintptr_t)n->id - old);
				n->name = c->data + ((uintptr_t)n->name - old);
			}
		}
	}
	c->prev = NULL;
	c->used = c->cap = L->dst;
	g->pool = c;
	L->arena = NULL;
}

/* General path: rows with parent codes, for the resolver below. */
static int make_rows(loader *L)
{
	size_t n = L->n_rows, p = 0;
	L->rows = eg__malloc((n ? n : 1) * sizeof *L->rows);
	if (!L->rows)
		return eg__error_nomem("reading CSV rows");
	for (size_t r = 0; r < n; r++) {
		const eg_node *N = eg__grid_node(L->g, r);
		row *R = &L->rows[r];
		R->id = N->id;
		R->id_len = N->id_len;
		R->name = N->name;
		R->name_len = (uint32_t)strlen(N->name);
		if (N->parent) {
			R->parent = N->parent->id;
			R->parent_len = N->parent->id_len;
		} else if (p < L->n_pend && L->pend[p].row == r) {
			R->parent = L->pstr + L->pend[p].off;
			R->parent_len = L->pend[p].len;
			p++;
		} else {
			R->parent = "";
			R->parent_len = 0;
		}
		R->line = L->info[r].line;
		R->parent_row = ROW_NONE;
		R->level = (int8_t)N->level;
		R->kind = (int8_t)N->kind;
	}
	return EG_OK;
}

/* Row index key: an ID with its length, and the loader's rows. */
typedef struct row_key {
	const row *rows;
	const char *id;
	size_t len;
} row_key;

EG__HMAP_INLINE int row_has_id(void *key, uint32_t r)
{
	const row_key *k = key;
	return k->rows[r].id_len == k->len && memcmp(k->rows[r].id, k->id, k->len) == 0;
}

static uint32_t find_row(const loader *L, const char *id, size_t len)
{
	row_key k = { L->rows, id, len };
	uint32_t r = eg__hmap_find(&L->rows_index, eg__grid_hash(id, len), row_has_id, &k);
	return r == EG__HMAP_NONE ? ROW_NONE : r;
}

static int index_rows(loader *L)
{
	int rc;
	if ((rc = eg__hmap_reserve(&L->rows_index, L->n_rows, "indexing CSV rows")) < 0)
		return rc;
	for (size_t r = 0; r < L->n_rows; r++) {
		const row *R = &L->rows[r];
		row_key k = { L->rows, R->id, R->id_len };
		uint32_t dup = eg__hmap_insert(&L->rows_index, eg__grid_hash(R->id, R->id_len), (uint32_t)r, row_has_id, &k);
		if (dup != EG__HMAP_NONE)
			return eg__error(EG_EEXISTS, "line %u: code %s duplicates line %u", R->line, R->id, L->rows[dup].line);
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
		int kind = R->kind >= 0 ? R->kind : infer_kind_of(R->id, R->id_len, R->level);
		L->row_node[r] = eg__grid_commit_node(g, R->id, R->id_len, R->name, R->name_len,
						      parent, R->level + shift, kind);
	}
	*out = g;
	return EG_OK;
}

/*
 * The nodes of a load in one block sized from the input (about 48 bytes a
 * row in the national file; more rows get chunks of their own), so that
 * huge pages can back it. Untouched pages cost no memory.
 */
static int reserve_nodes(eg_grid *g, size_t rows)
{
	size_t n_chunks = (rows + EG_NODE_CHUNK - 1) >> EG_NODE_CHUNK_BITS, bytes;
	eg_node *block;
	if (!eg__mul_ok(&bytes, n_chunks, EG_NODE_CHUNK * sizeof *block))
		return eg__error(EG_ERANGE, "input too large");
	g->chunks = eg__malloc(n_chunks * 2 * sizeof *g->chunks);
	if (!g->chunks)
		return eg__error_nomem("allocating nodes");
	g->cap_chunks = n_chunks * 2;
	block = eg__malloc(bytes);
	if (!block)
		return eg__error_nomem("allocating nodes");
	eg__advise_huge(block, bytes);
	g->node_block = block;
	for (size_t i = 0; i < n_chunks; i++)
		g->chunks[i] = block + i * EG_NODE_CHUNK;
	g->n_chunks = g->block_chunks = n_chunks;
	return EG_OK;
}

static int load(eg_grid **out, loader *L, const eg_grid_csv_options *opts)
{
	int rc;
	if ((rc = eg_grid_new(&L->g)) < 0)
		return rc;
	L->cap_info = L->len / 40 + 1024;
	if ((rc = reserve_nodes(L->g, L->cap_info)) < 0)
		return rc;
	L->info = eg__malloc(L->cap_info * sizeof *L->info);
	if (!L->info)
		return eg__error_nomem("reading CSV rows");
	eg__advise_huge(L->info, L->cap_info * sizeof *L->info);
	if ((rc = read_rows(L)) < 0)
		return rc;
	rc = L->general || opts->root ? 1 : finish_fast(L);
	if (rc == EG_OK) {
		adopt_arena(L);
		*out = L->g;
		L->g = NULL;
	} else if (rc > 0 && (rc = make_rows(L)) == EG_OK) {
		rc = build(out, L, opts);
	}
	return rc;
}

static int parse_owned(eg_grid **out, loader *L, const eg_grid_csv_options *opts)
{
	eg_grid_csv_options defaults = EG_GRID_CSV_OPTIONS_INIT;
	int rc;

	L->buf = L->arena->data;
	L->level_err = ROW_NONE;
	L->ext_row = ROW_NONE;
	if (!opts)
		opts = &defaults;
	L->flags = opts->flags;
	if (opts->version != EG_GRID_CSV_OPTIONS_VERSION) {
		rc = eg__error(EG_EINVAL, "CSV options version %u is not %u", opts->version,
			       EG_GRID_CSV_OPTIONS_VERSION);
	} else if (opts->root_level < -1 || opts->root_level > EG_LEVEL_VILLAGE) {
		rc = eg__error(EG_ERANGE, "root_level %d is not -1 or 0-4", opts->root_level);
	} else if (opts->root_level >= 0 && !opts->root) {
		rc = eg__error(EG_EINVAL, "root_level is set but root is not");
	} else if (opts->root && (rc = eg__check_text(opts->root, EG_GRID_ID_MAX, "root ID")) < 0) {
		/* rc set */
	} else {
		rc = load(out, L, opts);
	}
	loader_free(L);
	return rc;
}

/* A pool chunk with room for `len` input bytes, their NUL and the padding. */
static eg_pool_chunk *new_arena(size_t len)
{
	eg_pool_chunk *c = eg__malloc(sizeof *c + len + 1 + PAD);
	if (c) {
		eg__advise_huge(c, sizeof *c + len + 1 + PAD);
		c->prev = NULL;
		c->used = 0;
		c->cap = len;
	}
	return c;
}

int eg_grid_parse_csv(eg_grid **out, const char *data, size_t len, const eg_grid_csv_options *opts)
{
	loader L;
	if (!out || (!data && len))
		return eg__error(EG_EINVAL, "eg_grid_parse_csv: NULL argument");
	if (len > (size_t)UINT32_MAX * 16)
		return eg__error(EG_ERANGE, "eg_grid_parse_csv: input of %zu bytes is too large", len);
	memset(&L, 0, sizeof L);
	L.arena = new_arena(len);
	if (!L.arena)
		return eg__error_nomem("copying CSV input");
	if (len)
		memcpy(L.arena->data, data, len);
	memset(L.arena->data + len, 0, 1 + PAD);
	L.len = len;
	return parse_owned(out, &L, opts);
}

int eg_grid_load_csv(eg_grid **out, const char *path, const eg_grid_csv_options *opts)
{
	FILE *fp;
	eg_pool_chunk *c;
	size_t len = 0, cap = 1u << 20;
	loader L;
	long size;

	if (!out || !path)
		return eg__error(EG_EINVAL, "eg_grid_load_csv: NULL argument");
	fp = fopen(path, "rb");
	if (!fp)
		return eg__error(EG_EIO, "cannot open %s: %s", path, strerror(errno));
	/* Size the buffer from the file's length when it has one (one read). */
	if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) > 0 && fseek(fp, 0, SEEK_SET) == 0)
		cap = (size_t)size + 1;
	else
		clearerr(fp);
	c = new_arena(cap);
	for (;;) {
		size_t got;
		if (!c) {
			fclose(fp);
			return eg__error_nomem("reading a CSV file");
		}
		got = fread(c->data + len, 1, cap - len, fp);
		len += got;
		if (got == 0)
			break;
		if (cap - len == 0) {
			eg_pool_chunk *t;
			if (cap > (size_t)UINT32_MAX * 16) {
				eg__free(c);
				fclose(fp);
				return eg__error(EG_ERANGE, "%s is too large", path);
			}
			t = eg__realloc(c, sizeof *c + cap * 2 + 1 + PAD);
			if (!t)
				eg__free(c);
			c = t;
			cap *= 2;
		}
	}
	if (ferror(fp)) {
		int e = errno;
		eg__free(c);
		fclose(fp);
		return eg__error(EG_EIO, "cannot read %s: %s", path, strerror(e));
	}
	fclose(fp);
	if (len > (size_t)UINT32_MAX * 16) {
		eg__free(c);
		return eg__error(EG_ERANGE, "%s is too large", path);
	}
	memset(c->data + len, 0, 1 + PAD);
	memset(&L, 0, sizeof L);
	L.arena = c;
	L.len = len;
	return parse_owned(out, &L, opts);
}
