/*
 * Double-random (双随机) draws: SHA-256, the sampler.py-compatible sample,
 * object draws by stratum, inspector pairing with conflicts skipped (回避)
 * and verification of a published draw.
 */
#include <ecogrid/draw.h>
#include <ecogrid/inspect.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/sha256.h"
#include "util/text.h"
#include "util/vec.h"

#define SEED_MAX 4096

int eg_draw_sha256(uint8_t *out, const void *data, size_t len)
{
	eg__sha256 c;
	if (!out || (!data && len))
		return eg__error(EG_EINVAL, "eg_draw_sha256: NULL argument");
	eg__sha256_init(&c);
	eg__sha256_update(&c, data, len);
	eg__sha256_final(&c, out);
	return EG_OK;
}

static void to_hex(char *out, const uint8_t *d)
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[64] = '\0';
}

int eg_draw_sha256_hex(char *out, const void *data, size_t len)
{
	uint8_t d[32];
	int rc;
	if (!out)
		return eg__error(EG_EINVAL, "eg_draw_sha256_hex: NULL argument");
	if ((rc = eg_draw_sha256(d, data, len)) < 0)
		return rc;
	to_hex(out, d);
	return EG_OK;
}

/* H mod m for a 256-bit big-endian H, bit by bit (m < 2^63: 2r + 1 fits). */
static uint64_t mod_digest(const uint8_t d[32], uint64_t m)
{
	uint64_t r = 0;
	for (int i = 0; i < 32; i++)
		for (int bit = 7; bit >= 0; bit--) {
			r = 2 * r + ((d[i] >> bit) & 1u);
			if (r >= m)
				r -= m;
		}
	return r;
}

/* sampler.py: pick i hashes seed + "," + decimal(i). */
static int64_t pick(const char *seed, size_t seed_len, uint64_t i, int64_t a, uint64_t range)
{
	eg__sha256 c;
	uint8_t d[32];
	char num[24];
	int k = snprintf(num, sizeof num, ",%llu", (unsigned long long)i);
	eg__sha256_init(&c);
	eg__sha256_update(&c, seed, seed_len);
	eg__sha256_update(&c, num, (size_t)k);
	eg__sha256_final(&c, d);
	return (int64_t)((uint64_t)a + mod_digest(d, range)); /* <= b, no overflow */
}

/* Sorted set of picks for the duplicate test. */
static int seen_insert(int64_t *set, size_t *n, int64_t v)
{
	size_t lo = 0, hi = *n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (set[mid] == v)
			return 0;
		if (set[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	memmove(set + lo + 1, set + lo, (*n - lo) * sizeof *set);
	set[lo] = v;
	(*n)++;
	return 1;
}

static int draw_sample(int64_t *out, size_t count, const char *seed, int64_t a, int64_t b, int with_replacement,
		       size_t skip)
{
	uint64_t range, i = 0;
	size_t got = 0, seed_len, n_seen = 0;
	int64_t *seen = NULL;
	int rc;
	if ((!out && count) || !seed)
		return eg__error(EG_EINVAL, "eg_draw_sample: NULL argument");
	if ((rc = eg__check_text(seed, SEED_MAX, "seed")) < 0)
		return rc;
	if (a > b)
		return eg__error(EG_EINVAL, "eg_draw_sample: a = %lld is greater than b = %lld", (long long)a, (long long)b);
	/* Unsigned subtraction gives b - a exactly for a <= b. */
	if ((uint64_t)b - (uint64_t)a >= ((uint64_t)1 << 62))
		return eg__error(EG_ERANGE, "eg_draw_sample: the range %lld..%lld is too large", (long long)a, (long long)b);
	range = (uint64_t)b - (uint64_t)a + 1;
	if (count > SIZE_MAX - skip)
		return eg__error(EG_EINVAL, "eg_draw_sample: count %zu plus skip %zu is too large", count, skip);
	if (!with_replacement && (uint64_t)(count + skip) > range)
		return eg__error(EG_EINVAL, "eg_draw_sample: %zu picks without replacement from %llu values", count + skip,
				 (unsigned long long)range);
	seed_len = strlen(seed);
	if (!with_replacement && (seen = eg__malloc((count + skip ? count + skip : 1) * sizeof *seen)) == NULL)
		return eg__error_nomem("sampling");
	while (got < count) {
		int64_t v = pick(seed, seed_len, ++i, a, range);
		if (!with_replacement && !seen_insert(seen, &n_seen, v))
			continue; /* duplicate rejected, as sampler.py does */
		if (skip > 0) {
			skip--;
			continue;
		}
		out[got++] = v;
	}
	eg__free(seen);
	return EG_OK;
}

int eg_draw_sample_options_init(eg_draw_sample_options *opts, unsigned int version)
{
	static const eg_draw_sample_options init = EG_DRAW_SAMPLE_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_draw_sample_options_init: opts is NULL");
	if (version != EG_DRAW_SAMPLE_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_draw_sample_options_init: unknown version %u (this library knows %u)", version,
				 EG_DRAW_SAMPLE_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_draw_sample(int64_t *out, size_t count, const char *seed, int64_t a, int64_t b,
		   const eg_draw_sample_options *opts)
{
	static const eg_draw_sample_options defaults = EG_DRAW_SAMPLE_OPTIONS_INIT;
	if (opts && opts->version != EG_DRAW_SAMPLE_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_draw_sample: opts->version %u is not %u (initialise it with EG_DRAW_SAMPLE_OPTIONS_INIT)",
				 opts->version, EG_DRAW_SAMPLE_OPTIONS_VERSION);
	if (!opts)
		opts = &defaults;
	return draw_sample(out, count, seed, a, b, opts->with_replacement, opts->skip);
}

/* ------------------------------------------------------------------ */
/* Draws                                                                */
/* ------------------------------------------------------------------ */

typedef struct sel {
	char *id, *stratum;
	char **inspectors; /* per_object of them, or NULL */
} sel;

struct eg_draw {
	char *seed;
	char hash[65];
	sel *s;
	size_t n;
	size_t per_object;
	char **skip_insp, **skip_obj;
	size_t n_skips;
	/* The frame's object IDs, all strata, sorted (copies in one buffer): pairing
	 * checks that each conflict names an object of the frame (回避, CJ-A1-11). */
	const char **frame;
	char *frame_buf;
	size_t n_frame;
};

void eg_draw_free(eg_draw *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		eg__free(d->s[i].id);
		eg__free(d->s[i].stratum);
		if (d->s[i].inspectors)
			for (size_t k = 0; k < d->per_object; k++)
				eg__free(d->s[i].inspectors[k]);
		eg__free(d->s[i].inspectors);
	}
	for (size_t k = 0; k < d->n_skips; k++) {
		eg__free(d->skip_insp[k]);
		eg__free(d->skip_obj[k]);
	}
	eg__free(d->skip_insp);
	eg__free(d->skip_obj);
	eg__free(d->s);
	eg__free(d->seed);
	eg__free(d->frame);
	eg__free(d->frame_buf);
	eg__free(d);
}

/* Canonical frame and its hash; sorted[i] point into the caller's strings. */
static int canonical(char *hash, const char ***sorted_out, const char *const *strata, const size_t *sizes,
		     const char *const *frame, const size_t *quotas, size_t n_strata)
{
	const char **sorted;
	size_t total = 0, off = 0, used = 0;
	eg__sha256 c;
	uint8_t d[32];
	char text[4096]; /* IDs are at most 64 bytes (checked below) */
	int rc;
	if (!strata || !sizes || !frame || !quotas || n_strata == 0)
		return eg__error(EG_EINVAL, "draw: NULL argument or no stratum");
	for (size_t s = 0; s < n_strata; s++) {
		if ((rc = eg__check_text(strata[s], 64, "stratum name")) < 0)
			return rc;
		for (size_t t = 0; t < s; t++)
			if (strcmp(strata[s], strata[t]) == 0)
				return eg__error(EG_EINVAL, "stratum %s is listed twice", strata[s]);
		if (sizes[s] == 0)
			return eg__error(EG_EINVAL, "stratum %s has an empty frame", strata[s]);
		if (quotas[s] > sizes[s])
			return eg__error(EG_EINVAL, "stratum %s: quota %zu is larger than its %zu objects", strata[s], quotas[s],
					 sizes[s]);
		if (sizes[s] > SIZE_MAX / 2 - total)
			return eg__error(EG_ERANGE, "draw: frame too large");
		total += sizes[s];
	}
	for (size_t i = 0; i < total; i++)
		if ((rc = eg__check_text(frame[i], 64, "object ID")) < 0)
			return rc;
	sorted = eg__malloc(total * sizeof *sorted);
	if (!sorted)
		return eg__error_nomem("ordering the frame");
	memcpy(sorted, frame, total * sizeof *sorted);
	eg__sha256_init(&c);
	eg__sha256_update(&c, "ecogrid-frame-v1\n", 17);
	for (size_t s = 0; s < n_strata; s++) {
		qsort(sorted + off, sizes[s], sizeof *sorted, eg__cmp_strp);
		for (size_t i = off + 1; i < off + sizes[s]; i++)
			if (strcmp(sorted[i], sorted[i - 1]) == 0) {
				rc = eg__error(EG_EINVAL, "stratum %s: object %s is listed twice", strata[s], sorted[i]);
				eg__free(sorted);
				return rc;
			}
		eg__sha256_update(&c, "stratum ", 8);
		eg__sha256_update(&c, strata[s], strlen(strata[s]));
		eg__sha256_update(&c, "\n", 1);
		/* The same bytes, gathered into blocks: one update per 4 KiB, not two per ID. */
		for (size_t i = off; i < off + sizes[s]; i++) {
			size_t len = strlen(sorted[i]);
			if (used + len + 1 > sizeof text) {
				eg__sha256_update(&c, text, used);
				used = 0;
			}
			memcpy(text + used, sorted[i], len);
			text[used + len] = '\n';
			used += len + 1;
		}
		eg__sha256_update(&c, text, used);
		used = 0;
		off += sizes[s];
	}
	eg__sha256_final(&c, d);
	to_hex(hash, d);
	*sorted_out = sorted;
	return EG_OK;
}

static char *join3(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = eg__malloc(la + lb + lc + 1);
	if (s) {
		memcpy(s, a, la);
		memcpy(s + la, b, lb);
		memcpy(s + la + lb, c, lc + 1);
	}
	return s;
}

/*
 * A copy of the frame's IDs (d->n_frame of them, each checked to be 1-64
 * bytes), sorted over all strata: `ids` holds the strata each sorted
 * (canonical()), so they are merged, pairs of runs at a time, instead of
 * sorted again (IDs equal across strata are equal bytes, so their order
 * among themselves does not show).
 */
static int keep_frame(eg_draw *d, const char *const *ids, const size_t *sizes, size_t n_strata)
{
	size_t bytes = 0, off = 0, n = d->n_frame, runs = n_strata;
	const char **a, **b = NULL;
	size_t *bound;
	if (n > SIZE_MAX / 65)
		return eg__error(EG_ERANGE, "draw: frame too large");
	for (size_t i = 0; i < n; i++)
		bytes += strlen(ids[i]) + 1;
	d->frame = eg__malloc((n ? n : 1) * sizeof *d->frame);
	d->frame_buf = eg__malloc(bytes ? bytes : 1);
	bound = eg__malloc((n_strata + 1) * sizeof *bound);
	if (!d->frame || !d->frame_buf || !bound || (n_strata > 1 && !(b = eg__malloc((n ? n : 1) * sizeof *b)))) {
		eg__free(bound);
		return eg__error_nomem("keeping the frame");
	}
	/* The runs are merged between d->frame (holding the caller's pointers for now) and b. */
	a = d->frame;
	memcpy(a, ids, n * sizeof *a);
	bound[0] = 0;
	for (size_t s = 0; s < n_strata; s++)
		bound[s + 1] = bound[s] + sizes[s];
	while (runs > 1) {
		size_t r = 0;
		const char **t;
		for (size_t k = 0; k < runs; k += 2, r++) {
			size_t lo = bound[k], mid = bound[k + 1], hi = k + 2 <= runs ? bound[k + 2] : mid, i = lo, j = mid, o = lo;
			while (i < mid && j < hi)
				b[o++] = strcmp(a[j], a[i]) < 0 ? a[j++] : a[i++];
			while (i < mid)
				b[o++] = a[i++];
			while (j < hi)
				b[o++] = a[j++];
			bound[r] = lo;
		}
		bound[r] = n;
		runs = r;
		t = a;
		a = b;
		b = t;
	}
	/* Copies in merged order (a may be d->frame: each entry is read before it is replaced). */
	for (size_t i = 0; i < n; i++) {
		const char *id = a[i];
		size_t len = strlen(id) + 1;
		memcpy(d->frame_buf + off, id, len);
		d->frame[i] = d->frame_buf + off;
		off += len;
	}
	eg__free(a == d->frame ? b : a);
	eg__free(bound);
	return EG_OK;
}

static int draw_objects(eg_draw **out, const char *seed, const char *const *strata, const size_t *sizes,
			const char *const *frame, const size_t *quotas, size_t n_strata)
{
	eg_draw *d;
	const char **sorted = NULL;
	size_t off = 0, total_sel = 0;
	int rc;
	if (!out || !seed)
		return eg__error(EG_EINVAL, "eg_draw_objects: NULL argument");
	if ((rc = eg__check_text(seed, SEED_MAX, "seed")) < 0)
		return rc;
	d = eg__calloc(1, sizeof *d);
	if (!d)
		return eg__error_nomem("drawing");
	if ((rc = canonical(d->hash, &sorted, strata, sizes, frame, quotas, n_strata)) < 0) {
		eg__free(d);
		return rc;
	}
	for (size_t s = 0; s < n_strata; s++) {
		total_sel += quotas[s];
		d->n_frame += sizes[s];
	}
	d->s = eg__calloc(total_sel ? total_sel : 1, sizeof *d->s);
	d->seed = eg__strndup(seed, strlen(seed));
	if (!d->s || !d->seed || (rc = keep_frame(d, sorted, sizes, n_strata)) < 0) {
		rc = rc < 0 ? rc : eg__error_nomem("drawing");
		goto fail;
	}
	for (size_t s = 0; s < n_strata; s++) {
		int64_t *picks = eg__malloc((quotas[s] ? quotas[s] : 1) * sizeof *picks);
		char *sseed = join3(seed, "/", strata[s]);
		if (!picks || !sseed) {
			eg__free(picks);
			eg__free(sseed);
			rc = eg__error_nomem("drawing");
			goto fail;
		}
		/* Stratum seed: seed + "/" + name; picks 1..N index the canonical frame. */
		rc = draw_sample(picks, quotas[s], sseed, 1, (int64_t)sizes[s], 0, 0);
		eg__free(sseed);
		for (size_t k = 0; rc == EG_OK && k < quotas[s]; k++) {
			sel *x = &d->s[d->n];
			x->id = eg__strndup(sorted[off + (size_t)picks[k] - 1], strlen(sorted[off + (size_t)picks[k] - 1]));
			x->stratum = eg__strndup(strata[s], strlen(strata[s]));
			d->n++;
			if (!x->id || !x->stratum)
				rc = eg__error_nomem("drawing");
		}
		eg__free(picks);
		if (rc < 0)
			goto fail;
		off += sizes[s];
	}
	eg__free(sorted);
	*out = d;
	return EG_OK;
fail:
	eg__free(sorted);
	eg_draw_free(d);
	return rc;
}

int eg_draw_frame_options_init(eg_draw_frame_options *opts, unsigned int version)
{
	static const eg_draw_frame_options init = EG_DRAW_FRAME_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_draw_frame_options_init: opts is NULL");
	if (version != EG_DRAW_FRAME_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_draw_frame_options_init: unknown version %u (this library knows %u)", version,
				 EG_DRAW_FRAME_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_draw_objects(eg_draw **out, const char *seed, const eg_draw_frame_options *frame)
{
	if (!frame)
		return eg__error(EG_EINVAL, "eg_draw_objects: frame is NULL (initialise it with EG_DRAW_FRAME_OPTIONS_INIT)");
	if (frame->version != EG_DRAW_FRAME_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_draw_objects: frame->version %u is not %u (initialise it with EG_DRAW_FRAME_OPTIONS_INIT)",
				 frame->version, EG_DRAW_FRAME_OPTIONS_VERSION);
	return draw_objects(out, seed, frame->strata, frame->frame_sizes, frame->frame, frame->quotas, frame->n_strata);
}

static int has_conflict(const char *insp, const char *obj, const char *const *ci, const char *const *co, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(ci[k], insp) == 0 && strcmp(co[k], obj) == 0)
			return 1;
	return 0;
}

static int pair_inspectors(eg_draw *d, const char *const *inspectors, size_t n_insp, const char *const *ci,
			   const char *const *co, size_t n_conf, size_t per_object)
{
	const char **sorted = NULL;
	char ***chosen = NULL;
	char **sk_i = NULL, **sk_o = NULL;
	size_t n_sk = 0, cap_sk = 0;
	int64_t *picks = NULL;
	int rc = EG_OK;
	if (!d || !inspectors || n_insp == 0 || (n_conf && (!ci || !co)) || per_object == 0)
		return eg__error(EG_EINVAL, "eg_draw_pair_inspectors: NULL argument, no inspector or per_object 0");
	if (d->per_object)
		return eg__error(EG_ESTATE, "eg_draw_pair_inspectors: this draw already has inspectors");
	for (size_t i = 0; i < n_insp; i++)
		if ((rc = eg__check_text(inspectors[i], 64, "inspector ID")) < 0)
			return rc;
	for (size_t k = 0; k < n_conf; k++)
		if (!ci[k] || !co[k])
			return eg__error(EG_EINVAL, "conflict %zu has a NULL side", k);
	sorted = eg__malloc(n_insp * sizeof *sorted);
	chosen = eg__calloc(d->n ? d->n : 1, sizeof *chosen);
	picks = eg__malloc(n_insp * sizeof *picks);
	if (!sorted || !chosen || !picks) {
		rc = eg__error_nomem("pairing inspectors");
		goto done;
	}
	memcpy(sorted, inspectors, n_insp * sizeof *sorted);
	qsort(sorted, n_insp, sizeof *sorted, eg__cmp_strp);
	for (size_t i = 1; i < n_insp; i++)
		if (strcmp(sorted[i], sorted[i - 1]) == 0) {
			rc = eg__error(EG_EINVAL, "inspector %s is listed twice", sorted[i]);
			goto done;
		}
	/*
	 * 双随机 and CJ-A1-11: a drawn inspector with a conflict of interest is
	 * replaced (回避). What counts as a conflict is the caller's data, but a
	 * conflict takes effect only when it names an inspector of the list and an
	 * object of the frame; one that names neither, a misspelt name, would leave
	 * the real conflict unapplied without a word. So each conflict must name an
	 * inspector of this list and an object of this draw's frame (drawn or not);
	 * a wider register is narrowed to the draw's people and frame first.
	 */
	for (size_t k = 0; k < n_conf; k++) {
		if (!bsearch(&ci[k], sorted, n_insp, sizeof *sorted, eg__cmp_strp)) {
			rc = eg__error(EG_ENOTFOUND,
				       "conflict %s, %s: %s is not in the inspector list; a misspelt name would leave the conflict "
				       "unapplied (回避, CJ-A1-11)",
				       ci[k], co[k], ci[k]);
			goto done;
		}
		if (!bsearch(&co[k], d->frame, d->n_frame, sizeof *d->frame, eg__cmp_strp)) {
			rc = eg__error(EG_ENOTFOUND,
				       "conflict %s, %s: %s is not in the frame; a misspelt ID would leave the conflict unapplied "
				       "(回避, CJ-A1-11)",
				       ci[k], co[k], co[k]);
			goto done;
		}
	}
	for (size_t i = 0; i < d->n && rc == EG_OK; i++) {
		const char *obj = d->s[i].id;
		size_t eligible = 0, got = 0;
		char *sseed;
		for (size_t k = 0; k < n_insp; k++)
			eligible += !has_conflict(sorted[k], obj, ci, co, n_conf);
		if (eligible < per_object) {
			rc = eg__error(EG_EINVAL, "object %s: %zu eligible inspectors after conflicts (回避), %zu needed; nothing drawn",
				       obj, eligible, per_object);
			break;
		}
		/* A permutation of all inspectors from the object's own seed; skip conflicts. */
		sseed = join3(d->seed, "/inspectors/", obj);
		if (!sseed || !(chosen[i] = eg__calloc(per_object, sizeof **chosen))) {
			eg__free(sseed);
			rc = eg__error_nomem("pairing inspectors");
			break;
		}
		rc = draw_sample(picks, n_insp, sseed, 1, (int64_t)n_insp, 0, 0);
		eg__free(sseed);
		for (size_t k = 0; rc == EG_OK && got < per_object && k < n_insp; k++) {
			const char *insp = sorted[picks[k] - 1];
			if (has_conflict(insp, obj, ci, co, n_conf)) {
				if (n_sk == cap_sk) {
					/* Two arrays with one capacity: it moves when both have grown. */
					size_t cap_i = cap_sk, cap_o = cap_sk;
					char **ti = eg__vec_reserve(sk_i, &cap_i, n_sk + 1, sizeof *sk_i, 8), **to;
					if (!ti) {
						rc = eg__error_nomem("recording skips");
						break;
					}
					sk_i = ti;
					to = eg__vec_reserve(sk_o, &cap_o, n_sk + 1, sizeof *sk_o, 8);
					if (!to) {
						rc = eg__error_nomem("recording skips");
						break;
					}
					sk_o = to;
					cap_sk = cap_o;
				}
				sk_i[n_sk] = eg__strndup(insp, strlen(insp));
				sk_o[n_sk] = eg__strndup(obj, strlen(obj));
				n_sk++;
				if (!sk_i[n_sk - 1] || !sk_o[n_sk - 1])
					rc = eg__error_nomem("recording skips");
				continue;
			}
			if (!(chosen[i][got++] = eg__strndup(insp, strlen(insp))))
				rc = eg__error_nomem("pairing inspectors");
		}
	}
	if (rc == EG_OK) {
		/* Commit. */
		for (size_t i = 0; i < d->n; i++) {
			d->s[i].inspectors = chosen[i];
			chosen[i] = NULL;
		}
		d->per_object = per_object;
		d->skip_insp = sk_i;
		d->skip_obj = sk_o;
		d->n_skips = n_sk;
		sk_i = sk_o = NULL;
		n_sk = 0;
	}
done:
	if (chosen)
		for (size_t i = 0; i < d->n; i++) {
			if (chosen[i])
				for (size_t k = 0; k < per_object; k++)
					eg__free(chosen[i][k]);
			eg__free(chosen[i]);
		}
	for (size_t k = 0; k < n_sk; k++) {
		eg__free(sk_i[k]);
		eg__free(sk_o[k]);
	}
	eg__free(sk_i);
	eg__free(sk_o);
	eg__free(chosen);
	eg__free(sorted);
	eg__free(picks);
	return rc;
}

int eg_draw_pair_options_init(eg_draw_pair_options *opts, unsigned int version)
{
	static const eg_draw_pair_options init = EG_DRAW_PAIR_OPTIONS_INIT;
	if (!opts)
		return eg__error(EG_EINVAL, "eg_draw_pair_options_init: opts is NULL");
	if (version != EG_DRAW_PAIR_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_draw_pair_options_init: unknown version %u (this library knows %u)", version,
				 EG_DRAW_PAIR_OPTIONS_VERSION);
	*opts = init;
	return EG_OK;
}

int eg_draw_pair_inspectors(eg_draw *d, const char *const *inspectors, size_t n_inspectors,
			    const eg_draw_pair_options *opts)
{
	static const eg_draw_pair_options defaults = EG_DRAW_PAIR_OPTIONS_INIT;
	if (opts && opts->version != EG_DRAW_PAIR_OPTIONS_VERSION)
		return eg__error(EG_EINVAL, "eg_draw_pair_inspectors: opts->version %u is not %u (initialise it with EG_DRAW_PAIR_OPTIONS_INIT)",
				 opts->version, EG_DRAW_PAIR_OPTIONS_VERSION);
	if (!opts)
		opts = &defaults;
	return pair_inspectors(d, inspectors, n_inspectors, opts->conflict_inspector, opts->conflict_object,
			       opts->n_conflicts, opts->per_object);
}

const char *eg_draw_frame_hash(const eg_draw *d) { return d ? d->hash : NULL; }
int eg_draw_algorithm(const eg_draw *d) { return d ? 1 : 0; }
size_t eg_draw_selected_count(const eg_draw *d) { return d ? d->n : 0; }
const char *eg_draw_selected(const eg_draw *d, size_t i) { return d && i < d->n ? d->s[i].id : NULL; }
const char *eg_draw_selected_stratum(const eg_draw *d, size_t i) { return d && i < d->n ? d->s[i].stratum : NULL; }
size_t eg_draw_skip_count(const eg_draw *d) { return d ? d->n_skips : 0; }

const char *eg_draw_inspector(const eg_draw *d, size_t i, size_t k)
{
	return d && i < d->n && k < d->per_object && d->s[i].inspectors ? d->s[i].inspectors[k] : NULL;
}

int eg_draw_skip(const char **inspector, const char **object, const eg_draw *d, size_t k)
{
	if (!inspector || !object || !d || k >= d->n_skips)
		return eg__error(EG_EINVAL, "eg_draw_skip: NULL argument or k out of range");
	*inspector = d->skip_insp[k];
	*object = d->skip_obj[k];
	return EG_OK;
}

int eg_draw_verify(int *ok, const eg_draw *d, const eg_draw_frame_options *frame)
{
	eg_draw *again = NULL;
	int rc;
	if (!ok || !d)
		return eg__error(EG_EINVAL, "eg_draw_verify: NULL argument");
	if ((rc = eg_draw_objects(&again, d->seed, frame)) < 0)
		return rc;
	*ok = strcmp(again->hash, d->hash) == 0 && again->n == d->n;
	for (size_t i = 0; *ok && i < d->n; i++)
		*ok = strcmp(again->s[i].id, d->s[i].id) == 0 && strcmp(again->s[i].stratum, d->s[i].stratum) == 0;
	eg_draw_free(again);
	return EG_OK;
}

/* ------------------------------------------------------------------ */
/* Published records                                                    */
/* ------------------------------------------------------------------ */

int eg_draw_inspectors_hash(char *out, const char *const *inspectors, size_t n_insp, const char *const *ci,
			    const char *const *co, size_t n_conf)
{
	const char **ins = NULL;
	char **lines = NULL;
	eg__sha256 c;
	uint8_t d[32];
	int rc = EG_OK;
	if (!out || (n_insp && !inspectors) || (n_conf && (!ci || !co)))
		return eg__error(EG_EINVAL, "eg_draw_inspectors_hash: NULL argument");
	for (size_t i = 0; i < n_insp; i++)
		if ((rc = eg__check_text(inspectors[i], 64, "inspector ID")) < 0)
			return rc;
	for (size_t k = 0; k < n_conf; k++)
		if ((rc = eg__check_text(ci[k], 64, "conflict inspector")) < 0 ||
		    (rc = eg__check_text(co[k], 64, "conflict object")) < 0)
			return rc;
	ins = eg__malloc((n_insp ? n_insp : 1) * sizeof *ins);
	lines = eg__calloc(n_conf ? n_conf : 1, sizeof *lines);
	if (!ins || !lines) {
		rc = eg__error_nomem("hashing the inspector list");
		goto done;
	}
	if (n_insp)
		memcpy(ins, inspectors, n_insp * sizeof *ins);
	qsort(ins, n_insp, sizeof *ins, eg__cmp_strp);
	for (size_t i = 1; i < n_insp; i++)
		if (strcmp(ins[i], ins[i - 1]) == 0) {
			rc = eg__error(EG_EINVAL, "inspector %s is listed twice", ins[i]);
			goto done;
		}
	for (size_t k = 0; k < n_conf; k++) {
		char *t = join3(ci[k], "\t", co[k]);
		if (!t) {
			rc = eg__error_nomem("hashing the inspector list");
			goto done;
		}
		lines[k] = t;
	}
	qsort(lines, n_conf, sizeof *lines, eg__cmp_strp);
	eg__sha256_init(&c);
	eg__sha256_update(&c, "ecogrid-inspectors-v1\n", 22);
	for (size_t i = 0; i < n_insp; i++) {
		eg__sha256_update(&c, ins[i], strlen(ins[i]));
		eg__sha256_update(&c, "\n", 1);
	}
	eg__sha256_update(&c, "conflicts\n", 10);
	for (size_t k = 0; k < n_conf; k++) {
		eg__sha256_update(&c, lines[k], strlen(lines[k]));
		eg__sha256_update(&c, "\n", 1);
	}
	eg__sha256_final(&c, d);
	to_hex(out, d);
done:
	for (size_t k = 0; lines && k < n_conf; k++)
		eg__free(lines[k]);
	eg__free(lines);
	eg__free(ins);
	return rc;
}

int eg_draw_record_init(eg_draw_record *rec, unsigned int version)
{
	static const eg_draw_record init = EG_DRAW_RECORD_INIT;
	if (!rec)
		return eg__error(EG_EINVAL, "eg_draw_record_init: rec is NULL");
	if (version != EG_DRAW_RECORD_VERSION)
		return eg__error(EG_EINVAL, "eg_draw_record_init: unknown version %u (this library knows %u)", version,
				 EG_DRAW_RECORD_VERSION);
	*rec = init;
	return EG_OK;
}

int eg_draw_inputs_init(eg_draw_inputs *in, unsigned int version)
{
	static const eg_draw_inputs init = EG_DRAW_INPUTS_INIT;
	if (!in)
		return eg__error(EG_EINVAL, "eg_draw_inputs_init: in is NULL");
	if (version != EG_DRAW_INPUTS_VERSION)
		return eg__error(EG_EINVAL, "eg_draw_inputs_init: unknown version %u (this library knows %u)", version,
				 EG_DRAW_INPUTS_VERSION);
	*in = init;
	return EG_OK;
}

static int safe_strcmp(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) : a != b;
}

/* NULL as "(none)" in the check's text. */
static const char *nz(const char *s)
{
	return s ? s : "(none)";
}

static void put_line(eg__sbuf *b, const char *line)
{
	eg__sbuf_put(b, line, strlen(line));
	eg__sbuf_put(b, "\n", 1);
}

/* One line of the check's text, in the caller's language (literal formats, checked). */
#define NOTE(zh, en, x, y)                                                                                   \
	do {                                                                                                 \
		char line_[512];                                                                             \
		snprintf(line_, sizeof line_, lang == EG_LANG_EN ? en : zh, nz(x), nz(y));                    \
		put_line(&b, line_);                                                                         \
	} while (0)

int eg_draw_record_check(unsigned int *failed, char **detail, const eg_draw_record *rec, const eg_draw_inputs *in,
			 int lang)
{
	eg_draw *again = NULL;
	size_t *quotas = NULL, *zero = NULL;
	const char **sorted = NULL;
	char hash[65], people[65], num[2][32];
	unsigned int bad = 0;
	int selection_known = 1, rc;
	eg__sbuf b = { NULL, 0, 0, 0 };
	if (!failed || !rec || !in)
		return eg__error(EG_EINVAL, "eg_draw_record_check: NULL argument");
	if (rec->version != EG_DRAW_RECORD_VERSION || in->version != EG_DRAW_INPUTS_VERSION)
		return eg__error(EG_EINVAL, "eg_draw_record_check: unknown version (record %u, inputs %u; this library knows %u)",
				 rec->version, in->version, EG_DRAW_RECORD_VERSION);
	if (!rec->seed || !rec->frame_hash || (rec->n_strata && (!rec->strata || !rec->sizes || !rec->quotas)) ||
	    (rec->n_selected && (!rec->selected || !rec->selected_strata)) ||
	    (rec->n_selected && rec->per_object && !rec->inspectors) ||
	    (rec->n_skips && (!rec->skip_inspectors || !rec->skip_objects)))
		return eg__error(EG_EINVAL, "eg_draw_record_check: the record has a NULL field or array");
	if (rec->per_object && rec->n_selected > SIZE_MAX / rec->per_object)
		return eg__error(EG_ERANGE, "eg_draw_record_check: %zu objects x %zu inspectors is too large", rec->n_selected,
				 rec->per_object);
	for (size_t s = 0; s < rec->n_strata; s++) {
		if (!rec->strata[s])
			return eg__error(EG_EINVAL, "eg_draw_record_check: published stratum %zu has no name", s + 1);
		if (rec->sizes[s] < 0 || rec->quotas[s] < 0)
			return eg__error(EG_EINVAL, "stratum %s: a published size or quota is negative", rec->strata[s]);
		if (rec->quota_rules && rec->quota_rules[s] != -1 &&
		    (rec->quota_rules[s] < EG_INSPECT_QUOTA_DG8_CITY || rec->quota_rules[s] > EG_INSPECT_QUOTA_DG11))
			return eg__error(EG_EINVAL, "stratum %s: unknown quota rule %d", rec->strata[s], rec->quota_rules[s]);
	}
	/* The frame's canonical order and hash (a malformed frame is an error). */
	if (!in->frame_sizes || in->n_strata == 0)
		return eg__error(EG_EINVAL, "eg_draw_record_check: the frame has no stratum");
	zero = eg__calloc(in->n_strata, sizeof *zero);
	quotas = eg__calloc(in->n_strata, sizeof *quotas);
	if (!zero || !quotas) {
		rc = eg__error_nomem("checking a draw");
		goto done;
	}
	if ((rc = canonical(hash, &sorted, in->strata, in->frame_sizes, in->frame, zero, in->n_strata)) < 0)
		goto done;
	if (in->n_inspectors || rec->per_object) {
		if ((rc = eg_draw_inspectors_hash(people, in->inspectors, in->n_inspectors, in->conflict_inspector,
						  in->conflict_object, in->n_conflicts)) < 0)
			goto done;
	}

	if (rec->algorithm != 1) {
		bad |= EG_DRAW_CHECK_ALGORITHM;
		snprintf(num[0], sizeof num[0], "%d", rec->algorithm);
		NOTE("算法版本：公布为 %s，本库只有 1%s", "algorithm: published %s, this library has 1 only%s", num[0], "");
	}
	if (strcmp(rec->frame_hash, hash) != 0) {
		bad |= EG_DRAW_CHECK_FRAME_HASH;
		NOTE("名录哈希：公布为 %s，名录为 %s", "frame hash: published %s, the frame's is %s", rec->frame_hash, hash);
	}
	/* Strata by name and order; sizes and quotas of the frame's strata. */
	if (rec->n_strata != in->n_strata) {
		bad |= EG_DRAW_CHECK_STRATA;
		snprintf(num[0], sizeof num[0], "%zu", rec->n_strata);
		snprintf(num[1], sizeof num[1], "%zu", in->n_strata);
		NOTE("分层：公布 %s 层，名录 %s 层", "strata: %s published, %s in the frame", num[0], num[1]);
	}
	for (size_t s = 0; s < in->n_strata; s++) {
		size_t p = 0;
		while (p < rec->n_strata && strcmp(rec->strata[p], in->strata[s]) != 0)
			p++;
		if (p == rec->n_strata) {
			bad |= EG_DRAW_CHECK_STRATA;
			selection_known = 0;
			NOTE("分层：名录中的 %s 未公布%s", "strata: %s of the frame is not published%s", in->strata[s], "");
			continue;
		}
		if (p != s && !(bad & EG_DRAW_CHECK_STRATA)) {
			bad |= EG_DRAW_CHECK_STRATA;
			NOTE("分层：%s 的顺序与名录不同%s", "strata: %s is not in the frame's order%s", in->strata[s], "");
		}
		if ((uint64_t)rec->sizes[p] != in->frame_sizes[s]) {
			bad |= EG_DRAW_CHECK_SIZES;
			snprintf(num[0], sizeof num[0], "%lld", (long long)rec->sizes[p]);
			snprintf(num[1], sizeof num[1], "%zu", in->frame_sizes[s]);
			NOTE("对象数：公布为 %s，名录为 %s", "size: published %s, the frame has %s", num[0], num[1]);
		}
		if ((uint64_t)rec->quotas[p] > in->frame_sizes[s]) {
			bad |= EG_DRAW_CHECK_QUOTAS;
			selection_known = 0;
			snprintf(num[0], sizeof num[0], "%lld", (long long)rec->quotas[p]);
			snprintf(num[1], sizeof num[1], "%zu", in->frame_sizes[s]);
			NOTE("抽取数：%s 大于该层的 %s 个对象", "quota: %s is more than the stratum's %s objects", num[0], num[1]);
			continue;
		}
		quotas[s] = (size_t)rec->quotas[p];
		if (rec->quota_rules && rec->quota_rules[p] >= 0) {
			int64_t want;
			/* DG-8 (and DG-10/11): the quota the rule gives for the frame's stratum. */
			if ((rc = eg_inspect_quota(&want, rec->quota_rules[p], (int64_t)in->frame_sizes[s])) < 0)
				goto done;
			if (want != rec->quotas[p]) {
				bad |= EG_DRAW_CHECK_QUOTAS;
				snprintf(num[0], sizeof num[0], "%lld", (long long)rec->quotas[p]);
				snprintf(num[1], sizeof num[1], "%lld", (long long)want);
				NOTE("抽取数：公布为 %s，按规则应为 %s", "quota: published %s, its rule gives %s", num[0], num[1]);
			}
		}
	}
	/* The selection, recomputed from the seed. */
	if (selection_known) {
		eg_draw_frame_options fr = EG_DRAW_FRAME_OPTIONS_INIT;
		fr.strata = in->strata;
		fr.frame_sizes = in->frame_sizes;
		fr.frame = in->frame;
		fr.quotas = quotas;
		fr.n_strata = in->n_strata;
		if ((rc = eg_draw_objects(&again, rec->seed, &fr)) < 0)
			goto done;
		if (again->n != rec->n_selected) {
			bad |= EG_DRAW_CHECK_SELECTION;
			snprintf(num[0], sizeof num[0], "%zu", rec->n_selected);
			snprintf(num[1], sizeof num[1], "%zu", again->n);
			NOTE("抽中对象：公布 %s 个，重算 %s 个", "selected: %s published, %s recomputed", num[0], num[1]);
		}
		for (size_t i = 0; i < again->n && i < rec->n_selected; i++)
			if (safe_strcmp(rec->selected[i], again->s[i].id) || safe_strcmp(rec->selected_strata[i], again->s[i].stratum)) {
				bad |= EG_DRAW_CHECK_SELECTION;
				NOTE("抽中对象：公布为 %s，重算为 %s", "selected: published %s, recomputed %s", rec->selected[i],
				     again->s[i].id);
				break;
			}
	} else {
		bad |= EG_DRAW_CHECK_SELECTION;
	}
	/* The inspectors: their hash, the pairing and the skips. */
	if (rec->per_object == 0) {
		if (rec->inspectors_hash || rec->n_skips) {
			bad |= rec->inspectors_hash ? EG_DRAW_CHECK_INSPECTORS_HASH : 0;
			bad |= rec->n_skips ? EG_DRAW_CHECK_SKIPS : 0;
			NOTE("检查人员：记录未配对却公布了名单哈希或回避%s%s",
			     "inspectors: the record pairs none but publishes a list hash or skips%s%s", "", "");
		}
	} else {
		int paired = 0;
		if (safe_strcmp(rec->inspectors_hash, people)) {
			bad |= EG_DRAW_CHECK_INSPECTORS_HASH;
			NOTE("检查人员名单哈希：公布为 %s，名单为 %s", "inspector list hash: published %s, the list's is %s",
			     rec->inspectors_hash, people);
		}
		if (!(bad & EG_DRAW_CHECK_SELECTION) && in->n_inspectors > 0) {
			eg_draw_pair_options po = EG_DRAW_PAIR_OPTIONS_INIT;
			po.conflict_inspector = in->conflict_inspector;
			po.conflict_object = in->conflict_object;
			po.n_conflicts = in->n_conflicts;
			po.per_object = rec->per_object;
			rc = eg_draw_pair_inspectors(again, in->inspectors, in->n_inspectors, &po);
			if (rc == EG_ENOMEM)
				goto done;
			paired = rc == EG_OK;
			rc = EG_OK;
		}
		if (!paired) {
			bad |= EG_DRAW_CHECK_PAIRING | EG_DRAW_CHECK_SKIPS;
			NOTE("检查人员配对：无法由名单重算%s%s", "inspector pairing: cannot be recomputed from the list%s%s", "",
			     "");
		} else {
			for (size_t i = 0; i < again->n && !(bad & EG_DRAW_CHECK_PAIRING); i++)
				for (size_t k = 0; k < rec->per_object; k++)
					if (safe_strcmp(rec->inspectors[i * rec->per_object + k], again->s[i].inspectors[k])) {
						bad |= EG_DRAW_CHECK_PAIRING;
						NOTE("检查人员配对：公布为 %s，重算为 %s", "inspector pairing: published %s, recomputed %s",
						     rec->inspectors[i * rec->per_object + k], again->s[i].inspectors[k]);
						break;
					}
			if (again->n_skips != rec->n_skips) {
				bad |= EG_DRAW_CHECK_SKIPS;
				snprintf(num[0], sizeof num[0], "%zu", rec->n_skips);
				snprintf(num[1], sizeof num[1], "%zu", again->n_skips);
				NOTE("回避：公布 %s 次，重算 %s 次", "skips: %s published, %s recomputed", num[0], num[1]);
			} else {
				for (size_t k = 0; k < again->n_skips; k++)
					if (safe_strcmp(rec->skip_inspectors[k], again->skip_insp[k]) ||
					    safe_strcmp(rec->skip_objects[k], again->skip_obj[k])) {
						bad |= EG_DRAW_CHECK_SKIPS;
						NOTE("回避：公布为 %s，重算为 %s", "skips: published %s, recomputed %s",
						     rec->skip_inspectors[k], again->skip_insp[k]);
						break;
					}
			}
		}
	}
	eg__sbuf_put(&b, "", 0);
	if (b.failed) {
		rc = eg__error_nomem("checking a draw");
		goto done;
	}
	*failed = bad;
	if (detail) {
		*detail = b.p;
		b.p = NULL;
	}
	rc = EG_OK;
done:
	eg__free(b.p);
	eg_draw_free(again);
	eg__free(sorted);
	eg__free(zero);
	eg__free(quotas);
	return rc;
}
