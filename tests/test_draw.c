/* draw.h: SHA-256 (FIPS 180-4), the sampler.py-compatible sample, 双随机 draws and pairing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "util/alloc.h"

static void test_sha256_fips_180_4_examples(void **state)
{
	(void)state;
	char hex[65];
	char *million = malloc(1000000);
	/* FIPS 180-4 / 180-2 appendix examples. */
	assert_int_equal(eg_draw_sha256_hex(hex, "abc", 3), EG_OK);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(eg_draw_sha256_hex(hex, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56), EG_OK);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	assert_int_equal(eg_draw_sha256_hex(hex, "", 0), EG_OK);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_non_null(million);
	memset(million, 'a', 1000000);
	assert_int_equal(eg_draw_sha256_hex(hex, million, 1000000), EG_OK);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
	assert_error(eg_draw_sha256_hex(NULL, "a", 1), EG_EINVAL, NULL);
	assert_error(eg_draw_sha256_hex(hex, NULL, 1), EG_EINVAL, NULL);
}

/* The transcript published with sampler.py (14 November 2011): seed
 * 3546311556112163624615351222, a = 1, b = 876, n = 47, no replacement;
 * counter 32 gives 611 again and is rejected. */
static const int64_t sampler_vector[47] = {
	740, 180, 264, 789, 238, 448, 272, 611, 761, 208, 596, 88,  160, 113, 766, 427,
	184, 816, 653, 411, 779, 331, 339, 487, 594, 235, 65,  527, 821, 490, 461, 251,
	471, 414, 174, 567, 300, 134, 144, 357, 786, 792, 218, 550, 787, 537, 197,
};

static void test_sampler_py_published_vector_without_replacement(void **state)
{
	(void)state;
	int64_t out[47];
	assert_int_equal(eg_draw_sample(out, 47, "3546311556112163624615351222", 1, 876, NULL), EG_OK);
	assert_memory_equal(out, sampler_vector, sizeof out);
}

static void test_sampler_py_expanded_sample_and_with_replacement(void **state)
{
	(void)state;
	int64_t out[47];
	/* An expanded sample skips the first 40 and continues: the last 7 of the vector. */
	assert_int_equal(eg_draw_sample(out, 7, "3546311556112163624615351222", 1, 876, &(eg_draw_sample_options){ EG_DRAW_SAMPLE_OPTIONS_VERSION, 0, 40 }), EG_OK);
	assert_memory_equal(out, sampler_vector + 40, 7 * sizeof *out);
	/* With replacement nothing is rejected: counter 32 gives its 611 again, so
	 * picks 1-31 equal the vector's and pick 32 is 611 (picks 33+ shift by one). */
	assert_int_equal(eg_draw_sample(out, 33, "3546311556112163624615351222", 1, 876, &(eg_draw_sample_options){ EG_DRAW_SAMPLE_OPTIONS_VERSION, 1, 0 }), EG_OK);
	assert_memory_equal(out, sampler_vector, 31 * sizeof *out);
	assert_int_equal(out[31], 611);
	assert_int_equal(out[32], sampler_vector[31]); /* counter 33 -> 251 */
	assert_error(eg_draw_sample(out, 3, "s", 1, 2, NULL), EG_EINVAL, "3 picks without replacement from 2 values");
	assert_error(eg_draw_sample(out, 1, "", 1, 2, NULL), EG_EINVAL, "seed is empty");
	assert_error(eg_draw_sample(out, 1, "s", 5, 2, NULL), EG_EINVAL, "a = 5 is greater than b = 2");
	assert_error(eg_draw_sample(out, 1, "s", INT64_MIN, INT64_MAX, &(eg_draw_sample_options){ EG_DRAW_SAMPLE_OPTIONS_VERSION, 1, 0 }), EG_ERANGE, "too large");
}

/* A frame of 200 synthetic enterprises in two strata. */
typedef struct frame {
	char ids[200][16];
	const char *ptr[200];
} frame;

static void make_frame(frame *f)
{
	for (int i = 0; i < 200; i++) {
		snprintf(f->ids[i], sizeof f->ids[i], "E%03d", (i * 37) % 200); /* shuffled order */
		f->ptr[i] = f->ids[i];
	}
}

static void test_double_random_draw_is_reproducible_and_verifiable(void **state)
{
	(void)state;
	frame f;
	const char *strata[] = { "key", "general" };
	size_t sizes[] = { 31, 169 }, quotas[] = { 4, 10 };
	eg_draw *d = NULL, *again = NULL;
	int ok = -1;
	make_frame(&f);
	assert_int_equal(eg_draw_objects(&d, "2026Q4-12345678", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, f.ptr, quotas, 2 }), EG_OK);
	assert_int_equal(eg_draw_selected_count(d), 14);
	assert_int_equal(eg_draw_algorithm(d), 1);
	assert_string_equal(eg_draw_selected_stratum(d, 0), "key");
	assert_string_equal(eg_draw_selected_stratum(d, 13), "general");
	/* The same inputs in another order give the same frame hash and draw. */
	{
		frame g = f;
		const char *tmp = g.ptr[0];
		g.ptr[0] = g.ptr[30];
		g.ptr[30] = tmp;
		assert_int_equal(eg_draw_objects(&again, "2026Q4-12345678", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, g.ptr, quotas, 2 }), EG_OK);
		assert_string_equal(eg_draw_frame_hash(again), eg_draw_frame_hash(d));
		for (size_t i = 0; i < 14; i++)
			assert_string_equal(eg_draw_selected(again, i), eg_draw_selected(d, i));
		eg_draw_free(again);
	}
	assert_int_equal(eg_draw_verify(&ok, d, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, f.ptr, quotas, 2 }), EG_OK);
	assert_int_equal(ok, 1);
	/* One changed frame entry: the check fails. */
	f.ptr[5] = "E999";
	assert_int_equal(eg_draw_verify(&ok, d, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, f.ptr, quotas, 2 }), EG_OK);
	assert_int_equal(ok, 0);
	eg_draw_free(d);
}

static void test_draw_matches_the_public_sampler_on_the_canonical_frame(void **state)
{
	(void)state;
	/* Stratum "s" of IDs "001".."876" (canonical order = numeric order here):
	 * the draw with seed X uses sampler.py's seed "X/s", so pick k is ID k. */
	static char ids[876][8];
	const char *ptr[876], *strata[] = { "s" };
	size_t sizes[] = { 876 }, quotas[] = { 5 };
	int64_t expect[5];
	eg_draw *d = NULL;
	for (int i = 0; i < 876; i++) {
		snprintf(ids[i], sizeof ids[i], "%03d", i + 1);
		ptr[i] = ids[i];
	}
	assert_int_equal(eg_draw_objects(&d, "3546311556112163624615351222", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ptr, quotas, 1 }), EG_OK);
	assert_int_equal(eg_draw_sample(expect, 5, "3546311556112163624615351222/s", 1, 876, NULL), EG_OK);
	for (int k = 0; k < 5; k++)
		assert_int_equal(atoi(eg_draw_selected(d, (size_t)k)), expect[k]);
	eg_draw_free(d);
}

static void test_inspector_pairing_skips_conflicts(void **state)
{
	(void)state;
	frame f;
	const char *strata[] = { "key" }, *insp[] = { "I1", "I2", "I3", "I4" };
	size_t sizes[] = { 200 }, quotas[] = { 3 };
	eg_draw *d = NULL;
	const char *ci[4], *co[4], *si, *so;
	make_frame(&f);
	assert_int_equal(eg_draw_objects(&d, "seed-2026", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, f.ptr, quotas, 1 }), EG_OK);
	/* Object 0 conflicts with I1, I2 and I3: only I4 is eligible. */
	for (int k = 0; k < 3; k++) {
		ci[k] = insp[k];
		co[k] = eg_draw_selected(d, 0);
	}
	/* Two per object are impossible for object 0: clear error, nothing paired. */
	assert_error(eg_draw_pair_inspectors(d, insp, 4, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 3, 2 }), EG_EINVAL, "1 eligible inspectors after conflicts");
	assert_null(eg_draw_inspector(d, 1, 0));
	/* One per object works; object 0 gets I4 and the conflicts met on the way are recorded. */
	assert_int_equal(eg_draw_pair_inspectors(d, insp, 4, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 3, 1 }), EG_OK);
	assert_string_equal(eg_draw_inspector(d, 0, 0), "I4");
	for (size_t k = 0; k < eg_draw_skip_count(d); k++) {
		assert_int_equal(eg_draw_skip(&si, &so, d, k), EG_OK);
		assert_string_equal(so, eg_draw_selected(d, 0));
		assert_true(strcmp(si, "I4") != 0);
	}
	assert_error(eg_draw_pair_inspectors(d, insp, 4, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 3, 1 }), EG_ESTATE, "already has inspectors");
	eg_draw_free(d);
}

static void test_draw_errors(void **state)
{
	(void)state;
	const char *strata[] = { "a", "a" }, *ids[] = { "X", "X", "Y" };
	size_t sizes[] = { 2, 1 }, quotas[] = { 1, 1 }, big[] = { 3, 1 }, zero[] = { 0, 1 };
	eg_draw *d = NULL;
	const char *one[] = { "a", "b" };
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 2 }), EG_EINVAL, "stratum a is listed twice");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, one, sizes, ids, quotas, 2 }), EG_EINVAL, "object X is listed twice");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, one, sizes, ids, big, 2 }), EG_EINVAL, "quota 3 is larger than its 2 objects");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, one, zero, ids, zero, 2 }), EG_EINVAL, "empty frame");
	assert_error(eg_draw_objects(&d, "", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, one, sizes, ids, quotas, 2 }), EG_EINVAL, "seed is empty");
	assert_null(d);
}

static int scenario_draw(void *unused)
{
	(void)unused;
	frame f;
	const char *strata[] = { "key", "general" }, *insp[] = { "I1", "I2", "I3" }, *ci[] = { "I1" }, *co[1];
	size_t sizes[] = { 31, 169 }, quotas[] = { 4, 10 };
	eg_draw *d = NULL;
	int rc, ok;
	make_frame(&f);
	if ((rc = eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, f.ptr, quotas, 2 })) < 0)
		return rc;
	co[0] = eg_draw_selected(d, 0);
	rc = eg_draw_pair_inspectors(d, insp, 3, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 1, 2 });
	if (rc < 0)
		assert_null(eg_draw_inspector(d, 1, 0)); /* a failed pairing left no inspector */
	else
		rc = eg_draw_verify(&ok, d, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, f.ptr, quotas, 2 });
	eg_draw_free(d);
	return rc;
}

static void test_draw_every_allocation_failure_is_clean(void **state)
{
	(void)state;
	assert_true(tu_alloc_fail_loop(scenario_draw, NULL) > 10);
}

/* ---- SHA-256 and the sampler: argument edges ---- */

static void test_sha256_empty_input_and_sample_argument_edges(void **state)
{
	(void)state;
	uint8_t d[32];
	int64_t out[2] = { -7, -7 };
	/* NULL data with length 0 is the empty message: e3b0c442... */
	assert_int_equal(eg_draw_sha256(d, NULL, 0), EG_OK);
	assert_int_equal(d[0], 0xe3);
	assert_int_equal(d[31], 0x55);
	assert_error(eg_draw_sha256(NULL, "a", 1), EG_EINVAL, "eg_draw_sha256: NULL argument");
	assert_error(eg_draw_sha256(d, NULL, 1), EG_EINVAL, "eg_draw_sha256: NULL argument");
	/* No pick wanted: out may be NULL. */
	assert_int_equal(eg_draw_sample(NULL, 0, "s", 1, 2, NULL), EG_OK);
	assert_error(eg_draw_sample(NULL, 1, "s", 1, 2, NULL), EG_EINVAL, "eg_draw_sample: NULL argument");
	assert_error(eg_draw_sample(out, 1, NULL, 1, 2, NULL), EG_EINVAL, "eg_draw_sample: NULL argument");
	/* count + skip would wrap around SIZE_MAX: refused, with or without replacement. */
	assert_error(eg_draw_sample(out, 1, "s", 1, 2, &(eg_draw_sample_options){ EG_DRAW_SAMPLE_OPTIONS_VERSION, 1, SIZE_MAX }), EG_EINVAL, "count 1 plus skip");
	assert_error(eg_draw_sample(out, 2, "s", 1, 2, &(eg_draw_sample_options){ EG_DRAW_SAMPLE_OPTIONS_VERSION, 0, SIZE_MAX - 1 }), EG_EINVAL, "is too large");
	/* Exactly as many picks as values without replacement: a permutation of 1..2. */
	assert_int_equal(eg_draw_sample(out, 2, "s", 1, 2, NULL), EG_OK);
	assert_int_equal(out[0] + out[1], 3);
	assert_true(out[0] != out[1]);
	/* b - a = 2^62 - 1 is the largest range allowed. */
	assert_int_equal(eg_draw_sample(out, 1, "s", 0, ((int64_t)1 << 62) - 1, &(eg_draw_sample_options){ EG_DRAW_SAMPLE_OPTIONS_VERSION, 1, 0 }), EG_OK);
	assert_true(out[0] >= 0 && out[0] < ((int64_t)1 << 62));
	assert_error(eg_draw_sample(out, 1, "s", 0, (int64_t)1 << 62, &(eg_draw_sample_options){ EG_DRAW_SAMPLE_OPTIONS_VERSION, 1, 0 }), EG_ERANGE, "too large");
}

/* ---- Draws: the canonical frame hash, errors, accessors ---- */

static void test_double_random_frame_hash_is_sha256_of_the_canonical_text(void **state)
{
	(void)state;
	/* The same seven IDs as the DG-6 test, in the same shuffled order. */
	const char *ids[] = { "91652302MA77ABCD1X", "91652301MA77ABCD2X", "91652301MA77ABCD", "企业甲",
				"91652301MA77ABCE0Y", "91652301", "91652301MA77ABCD1X" };
	const char *strata[] = { "s" };
	size_t sizes[] = { 7 }, quotas[] = { 1 };
	/* Written out by hand in byte order: the hash is over this exact text. */
	static const char canonical_text[] = "ecogrid-frame-v1\nstratum s\n"
					     "91652301\n91652301MA77ABCD\n91652301MA77ABCD1X\n91652301MA77ABCD2X\n"
					     "91652301MA77ABCE0Y\n91652302MA77ABCD1X\n企业甲\n";
	char hex[65];
	eg_draw *d = NULL;
	assert_int_equal(eg_draw_sha256_hex(hex, canonical_text, sizeof canonical_text - 1), EG_OK);
	assert_int_equal(eg_draw_objects(&d, "2026Q4", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 1 }), EG_OK);
	assert_string_equal(eg_draw_frame_hash(d), hex);
	eg_draw_free(d);
}

static void test_draw_argument_errors_and_frame_limits(void **state)
{
	(void)state;
	const char *strata[] = { "a" }, *bad_stratum[] = { "" }, *ids[] = { "X", "Y" }, *bad_ids[] = { "X", "" };
	size_t sizes[] = { 2 }, quotas[] = { 1 }, huge[] = { SIZE_MAX / 2 + 1 }, zero_q[] = { 0 };
	eg_draw *d = NULL;
	assert_error(eg_draw_objects(NULL, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 1 }), EG_EINVAL, "eg_draw_objects: NULL argument");
	assert_error(eg_draw_objects(&d, NULL, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 1 }), EG_EINVAL, "eg_draw_objects: NULL argument");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, NULL, sizes, ids, quotas, 1 }), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, NULL, ids, quotas, 1 }), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, NULL, quotas, 1 }), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, NULL, 1 }), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 0 }), EG_EINVAL, "NULL argument or no stratum");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, bad_stratum, sizes, ids, quotas, 1 }), EG_EINVAL, "stratum name is empty");
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, bad_ids, quotas, 1 }), EG_EINVAL, "object ID is empty");
	/* A stratum of more than SIZE_MAX / 2 objects is refused before the frame is read. */
	assert_error(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, huge, ids, zero_q, 1 }), EG_ERANGE, "frame too large");
	assert_null(d);
	/* A quota of 0 is a draw of nothing. */
	assert_int_equal(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, zero_q, 1 }), EG_OK);
	assert_int_equal(eg_draw_selected_count(d), 0);
	assert_null(eg_draw_selected(d, 0));
	assert_null(eg_draw_selected_stratum(d, 0));
	eg_draw_free(d);
}

static void test_draw_accessors_on_null_and_out_of_range(void **state)
{
	(void)state;
	const char *strata[] = { "a" }, *ids[] = { "X", "Y" }, *insp[] = { "I1", "I2" }, *si = "u", *so = "u";
	size_t sizes[] = { 2 }, quotas[] = { 1 };
	eg_draw *d = NULL;
	int ok = -1;
	assert_null(eg_draw_frame_hash(NULL));
	assert_int_equal(eg_draw_algorithm(NULL), 0);
	assert_int_equal(eg_draw_selected_count(NULL), 0);
	assert_null(eg_draw_selected(NULL, 0));
	assert_null(eg_draw_selected_stratum(NULL, 0));
	assert_int_equal(eg_draw_skip_count(NULL), 0);
	assert_null(eg_draw_inspector(NULL, 0, 0));
	assert_error(eg_draw_skip(&si, &so, NULL, 0), EG_EINVAL, "eg_draw_skip");
	assert_error(eg_draw_verify(&ok, NULL, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 1 }), EG_EINVAL, "eg_draw_verify: NULL argument");
	assert_int_equal(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 1 }), EG_OK);
	assert_error(eg_draw_verify(NULL, d, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 1 }), EG_EINVAL, "eg_draw_verify: NULL argument");
	/* The draw's own inputs are refused in verify as in the draw. */
	assert_error(eg_draw_verify(&ok, d, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 0 }), EG_EINVAL, "no stratum");
	/* Same frame (same hash) but 2 picks instead of 1: not the same draw. */
	{
		size_t two[] = { 2 };
		assert_int_equal(eg_draw_verify(&ok, d, &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, two, 1 }), EG_OK);
		assert_int_equal(ok, 0);
	}
	/* Before pairing: no inspector; skip 0 of 0 is out of range. */
	assert_null(eg_draw_inspector(d, 0, 0));
	assert_error(eg_draw_skip(&si, &so, d, 0), EG_EINVAL, "k out of range");
	assert_int_equal(eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, NULL, NULL, 0, 2 }), EG_OK);
	/* Both inspectors for the one object; k = 2 and i = 1 are out of range. */
	assert_non_null(eg_draw_inspector(d, 0, 0));
	assert_non_null(eg_draw_inspector(d, 0, 1));
	assert_true(strcmp(eg_draw_inspector(d, 0, 0), eg_draw_inspector(d, 0, 1)) != 0);
	assert_null(eg_draw_inspector(d, 0, 2));
	assert_null(eg_draw_inspector(d, 1, 0));
	assert_error(eg_draw_skip(NULL, &so, d, 0), EG_EINVAL, "eg_draw_skip");
	assert_error(eg_draw_skip(&si, NULL, d, 0), EG_EINVAL, "eg_draw_skip");
	assert_string_equal(si, "u"); /* untouched */
	eg_draw_free(d);
}

static void test_inspector_pairing_argument_errors(void **state)
{
	(void)state;
	const char *strata[] = { "a" }, *ids[] = { "X", "Y" }, *insp[] = { "I1", "I2" }, *dup[] = { "I1", "I1" };
	const char *bad[] = { "I1", "" }, *ci[] = { "I1" }, *co[] = { NULL };
	size_t sizes[] = { 2 }, quotas[] = { 2 };
	eg_draw *d = NULL;
	assert_int_equal(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 1 }), EG_OK);
	assert_error(eg_draw_pair_inspectors(NULL, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, NULL, NULL, 0, 1 }), EG_EINVAL, "eg_draw_pair_inspectors");
	assert_error(eg_draw_pair_inspectors(d, NULL, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, NULL, NULL, 0, 1 }), EG_EINVAL, "eg_draw_pair_inspectors");
	assert_error(eg_draw_pair_inspectors(d, insp, 0, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, NULL, NULL, 0, 1 }), EG_EINVAL, "no inspector");
	assert_error(eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, NULL, co, 1, 1 }), EG_EINVAL, "eg_draw_pair_inspectors");
	assert_error(eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, NULL, 1, 1 }), EG_EINVAL, "eg_draw_pair_inspectors");
	assert_error(eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, NULL, NULL, 0, 0 }), EG_EINVAL, "per_object 0");
	assert_error(eg_draw_pair_inspectors(d, bad, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, NULL, NULL, 0, 1 }), EG_EINVAL, "inspector ID is empty");
	assert_error(eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 1, 1 }), EG_EINVAL, "conflict 0 has a NULL side");
	assert_error(eg_draw_pair_inspectors(d, dup, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, NULL, NULL, 0, 1 }), EG_EINVAL, "inspector I1 is listed twice");
	/* 3 per object from 2 inspectors: 2 eligible, 3 needed. */
	assert_error(eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, NULL, NULL, 0, 3 }), EG_EINVAL, "2 eligible inspectors after conflicts");
	/* Nothing was paired by any refused call. */
	assert_null(eg_draw_inspector(d, 0, 0));
	assert_int_equal(eg_draw_skip_count(d), 0);
	eg_draw_free(d);
}

static void test_inspector_pairing_records_every_skip_in_order(void **state)
{
	(void)state;
	/* 12 objects, 5 inspectors; each object conflicts with every inspector
	 * but one, so exactly one is eligible and each conflicting inspector met
	 * before it in the object's permutation is a recorded skip (回避). */
	static char obj_ids[12][8];
	const char *objs[12], *strata[] = { "s" }, *insp[] = { "I1", "I2", "I3", "I4", "I5" };
	const char *ci[48], *co[48];
	size_t sizes[] = { 12 }, quotas[] = { 12 }, nc = 0, expect_skips = 0, k_skip = 0;
	eg_draw *d = NULL;
	for (int i = 0; i < 12; i++) {
		snprintf(obj_ids[i], sizeof obj_ids[i], "O%02d", i);
		objs[i] = obj_ids[i];
	}
	assert_int_equal(eg_draw_objects(&d, "2026-pairing", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, objs, quotas, 1 }), EG_OK);
	assert_int_equal(eg_draw_selected_count(d), 12);
	/* Object O<i> may only get inspector I<1 + i % 5>. */
	for (int i = 0; i < 12; i++)
		for (int k = 0; k < 5; k++)
			if (k != i % 5) {
				ci[nc] = insp[k];
				co[nc] = obj_ids[i];
				nc++;
			}
	assert_int_equal(nc, 48);
	assert_int_equal(eg_draw_pair_inspectors(d, insp, 5, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, nc, 1 }), EG_OK);
	/* The permutation of I1..I5 (sorted order) for an object is sampler.py's
	 * with seed "<seed>/inspectors/<object>": the skips are the inspectors
	 * before the eligible one, in the drawn objects' order. */
	for (size_t i = 0; i < 12; i++) {
		const char *obj = eg_draw_selected(d, i);
		int idx = atoi(obj + 1), eligible = idx % 5;
		int64_t perm[5];
		char seed[64];
		snprintf(seed, sizeof seed, "2026-pairing/inspectors/%s", obj);
		assert_int_equal(eg_draw_sample(perm, 5, seed, 1, 5, NULL), EG_OK);
		assert_string_equal(eg_draw_inspector(d, i, 0), insp[eligible]);
		for (int p = 0; p < 5 && perm[p] - 1 != eligible; p++) {
			const char *si, *so;
			assert_int_equal(eg_draw_skip(&si, &so, d, k_skip++), EG_OK);
			assert_string_equal(si, insp[perm[p] - 1]);
			assert_string_equal(so, obj);
			expect_skips++;
		}
	}
	assert_int_equal(eg_draw_skip_count(d), expect_skips);
	/* 12 objects with 0-4 skips each: more than the first 8 slots of the skip list. */
	assert_true(expect_skips > 8);
	eg_draw_free(d);
}

/* eg_draw_sample_options: eg_draw_sample_options_init() writes exactly EG_DRAW_SAMPLE_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_draw_sample() itself, nothing written or changed. */
static void test_draw_sample_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_draw_sample_options want = EG_DRAW_SAMPLE_OPTIONS_INIT;
	eg_draw_sample_options o, before;
	int rc;
	int64_t picks[3] = { 0, 0, 0 };
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_draw_sample_options_init(&o, EG_DRAW_SAMPLE_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_DRAW_SAMPLE_OPTIONS_VERSION);
	assert_int_equal(o.with_replacement, want.with_replacement);
	assert_int_equal(o.skip, want.skip);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_draw_sample_options_init(&o, EG_DRAW_SAMPLE_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_draw_sample_options_init(NULL, EG_DRAW_SAMPLE_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_draw_sample(picks, 3, "3546311556112163624615351222", 1, 876, &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_DRAW_SAMPLE_OPTIONS_VERSION + 1;
	rc = eg_draw_sample(picks, 3, "3546311556112163624615351222", 1, 876, &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	/* NULL options are the defaults. */
	rc = eg_draw_sample(picks, 3, "3546311556112163624615351222", 1, 876, NULL);
	assert_int_equal(rc, EG_OK);
}

/* eg_draw_frame_options: eg_draw_frame_options_init() writes exactly EG_DRAW_FRAME_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_draw_objects() itself, nothing written or changed. */
static void test_draw_frame_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_draw_frame_options want = EG_DRAW_FRAME_OPTIONS_INIT;
	eg_draw_frame_options o, before;
	int rc;
	eg_draw *d = NULL;
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_draw_frame_options_init(&o, EG_DRAW_FRAME_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_DRAW_FRAME_OPTIONS_VERSION);
	assert_ptr_equal(o.strata, want.strata);
	assert_ptr_equal(o.frame_sizes, want.frame_sizes);
	assert_ptr_equal(o.frame, want.frame);
	assert_ptr_equal(o.quotas, want.quotas);
	assert_int_equal(o.n_strata, want.n_strata);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_draw_frame_options_init(&o, EG_DRAW_FRAME_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_draw_frame_options_init(NULL, EG_DRAW_FRAME_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_draw_objects(&d, "seed", &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_DRAW_FRAME_OPTIONS_VERSION + 1;
	rc = eg_draw_objects(&d, "seed", &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	rc = eg_draw_objects(&d, "seed", NULL);
	assert_error(rc, EG_EINVAL, "is NULL (initialise it with EG_DRAW_FRAME_OPTIONS_INIT)");
	assert_null(d);
}

/* eg_draw_pair_options: eg_draw_pair_options_init() writes exactly EG_DRAW_PAIR_OPTIONS_INIT (the defaults, for FFIs
 * that cannot expand the macro); an unknown version is refused by the init
 * function and by eg_draw_pair_inspectors() itself, nothing written or changed. */
static void test_draw_pair_options_init_and_versions(void **state)
{
	(void)state;
	static const eg_draw_pair_options want = EG_DRAW_PAIR_OPTIONS_INIT;
	eg_draw_pair_options o, before;
	int rc;
	eg_draw *d = NULL;
	const char *strata[] = { "s" }, *ids[] = { "A", "B" }, *insp[] = { "I1", "I2" };
	const size_t sizes[] = { 2 }, quotas[] = { 1 };
	assert_int_equal(eg_draw_objects(&d, "seed", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 1 }), EG_OK);
	memset(&o, 0xA5, sizeof o);
	assert_int_equal(eg_draw_pair_options_init(&o, EG_DRAW_PAIR_OPTIONS_VERSION), EG_OK);
	assert_int_equal(o.version, EG_DRAW_PAIR_OPTIONS_VERSION);
	assert_ptr_equal(o.conflict_inspector, want.conflict_inspector);
	assert_ptr_equal(o.conflict_object, want.conflict_object);
	assert_int_equal(o.n_conflicts, want.n_conflicts);
	assert_int_equal(o.per_object, want.per_object);
	memset(&o, 0xA5, sizeof o);
	memset(&before, 0xA5, sizeof before);
	assert_error(eg_draw_pair_options_init(&o, EG_DRAW_PAIR_OPTIONS_VERSION + 1), EG_EINVAL, "unknown version 2");
	assert_memory_equal(&o, &before, sizeof o);
	assert_error(eg_draw_pair_options_init(NULL, EG_DRAW_PAIR_OPTIONS_VERSION), EG_EINVAL, "opts is NULL");
	/* The call refuses a version it does not know (0: never initialised; 2: newer). */
	o = want;
	o.version = 0;
	rc = eg_draw_pair_inspectors(d, insp, 2, &o);
	assert_error(rc, EG_EINVAL, "version 0 is not 1");
	o.version = EG_DRAW_PAIR_OPTIONS_VERSION + 1;
	rc = eg_draw_pair_inspectors(d, insp, 2, &o);
	assert_error(rc, EG_EINVAL, "version 2 is not 1");
	/* NULL options are the defaults. */
	rc = eg_draw_pair_inspectors(d, insp, 2, NULL);
	assert_int_equal(rc, EG_OK);
	eg_draw_free(d);
}

static void test_inspector_list_hash_is_order_free_and_canonical(void **state)
{
	(void)state;
	const char *ins[] = { "I3", "I1", "I2" }, *ins2[] = { "I2", "I3", "I1" }, *dup[] = { "I1", "I1" };
	const char *ci[] = { "I2", "I1" }, *co[] = { "E9", "E10" }, *ci2[] = { "I1", "I2" }, *co2[] = { "E10", "E9" };
	char h[65], h2[65];
	/* SHA-256 of "ecogrid-inspectors-v1\nI1\nI2\nI3\nconflicts\nI1\tE10\nI2\tE9\n" (hashlib). */
	assert_int_equal(eg_draw_inspectors_hash(h, ins, 3, ci, co, 2), EG_OK);
	assert_string_equal(h, "8accf49defa9284b2e5c5a47eb857a087d8649b6925564addb835c99adbae725");
	assert_int_equal(eg_draw_inspectors_hash(h2, ins2, 3, ci2, co2, 2), EG_OK);
	assert_string_equal(h, h2);
	/* Nobody: SHA-256 of "ecogrid-inspectors-v1\nconflicts\n". */
	assert_int_equal(eg_draw_inspectors_hash(h, NULL, 0, NULL, NULL, 0), EG_OK);
	assert_string_equal(h, "1af24f1de553d77ca5e813149350ed8ade2d274aa2f2f609e6932b1a2c89d838");
	strcpy(h, "untouched");
	assert_error(eg_draw_inspectors_hash(h, dup, 2, NULL, NULL, 0), EG_EINVAL, "inspector I1 is listed twice");
	assert_string_equal(h, "untouched");
	assert_error(eg_draw_inspectors_hash(NULL, ins, 3, NULL, NULL, 0), EG_EINVAL, NULL);
	assert_error(eg_draw_inspectors_hash(h, NULL, 1, NULL, NULL, 0), EG_EINVAL, NULL);
	assert_error(eg_draw_inspectors_hash(h, ins, 3, NULL, co, 1), EG_EINVAL, NULL);
	{
		const char *empty[] = { "" }, *ctl[] = { "a\tb" };
		assert_error(eg_draw_inspectors_hash(h, empty, 1, NULL, NULL, 0), EG_EINVAL, "inspector ID");
		assert_error(eg_draw_inspectors_hash(h, ins, 3, ctl, co, 1), EG_EINVAL, "conflict inspector");
		assert_error(eg_draw_inspectors_hash(h, ins, 3, ci, ctl, 1), EG_EINVAL, "conflict object");
	}
}

/* A published record of `d` (as a tool would read it back), arrays in `buf`. */
typedef struct pubrec {
	eg_draw_record rec;
	const char *strata[2], *sel[32], *selst[32], *ins[64], *ski[32], *sko[32];
	int64_t sizes[2], quotas[2];
	int rules[2];
	char people[65];
} pubrec;

static void publish(pubrec *p, const eg_draw *d, const char *seed, const size_t *sizes, const size_t *quotas,
		    size_t per_object, const char *people)
{
	assert_int_equal(eg_draw_record_init(&p->rec, EG_DRAW_RECORD_VERSION), EG_OK);
	p->strata[0] = "key";
	p->strata[1] = "general";
	for (int s = 0; s < 2; s++) {
		p->sizes[s] = (int64_t)sizes[s];
		p->quotas[s] = (int64_t)quotas[s];
		p->rules[s] = -1;
	}
	for (size_t i = 0; i < eg_draw_selected_count(d); i++) {
		p->sel[i] = eg_draw_selected(d, i);
		p->selst[i] = eg_draw_selected_stratum(d, i);
		for (size_t k = 0; k < per_object; k++)
			p->ins[i * per_object + k] = eg_draw_inspector(d, i, k);
	}
	for (size_t k = 0; k < eg_draw_skip_count(d); k++)
		assert_int_equal(eg_draw_skip(&p->ski[k], &p->sko[k], d, k), EG_OK);
	p->rec.seed = seed;
	p->rec.frame_hash = eg_draw_frame_hash(d);
	p->rec.n_strata = 2;
	p->rec.strata = p->strata;
	p->rec.sizes = p->sizes;
	p->rec.quotas = p->quotas;
	p->rec.quota_rules = p->rules;
	p->rec.n_selected = eg_draw_selected_count(d);
	p->rec.selected = p->sel;
	p->rec.selected_strata = p->selst;
	p->rec.per_object = per_object;
	p->rec.inspectors = per_object ? p->ins : NULL;
	p->rec.n_skips = eg_draw_skip_count(d);
	p->rec.skip_inspectors = p->ski;
	p->rec.skip_objects = p->sko;
	if (people) {
		snprintf(p->people, sizeof p->people, "%s", people);
		p->rec.inspectors_hash = p->people;
	}
}

static unsigned int check(const pubrec *p, const eg_draw_inputs *in, char **detail)
{
	unsigned int failed = 12345;
	assert_int_equal(eg_draw_record_check(&failed, detail, &p->rec, in, EG_LANG_EN), EG_OK);
	return failed;
}

static void test_draw_record_check_every_field_dg_8(void **state)
{
	(void)state;
	frame f;
	const char *strata[] = { "key", "general" }, *ins[] = { "I1", "I2", "I3", "I4" }, *ci[2], *co[2] = { NULL, NULL };
	size_t sizes[] = { 31, 169 }, quotas[] = { 4, 10 };
	eg_draw *d = NULL;
	eg_draw_inputs in;
	pubrec p;
	char people[65], *detail = NULL;
	make_frame(&f);
	assert_int_equal(eg_draw_inputs_init(&in, EG_DRAW_INPUTS_VERSION), EG_OK);
	in.strata = strata;
	in.frame_sizes = sizes;
	in.frame = f.ptr;
	in.n_strata = 2;
	/* DG-8 city: ceil(31 x 10 %) = ceil(3.1) = 4 key objects. */
	assert_int_equal(eg_draw_objects(&d, "2026Q4-12345678", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, f.ptr, quotas, 2 }), EG_OK);
	publish(&p, d, "2026Q4-12345678", sizes, quotas, 0, NULL);
	p.rules[0] = EG_INSPECT_QUOTA_DG8_CITY;
	assert_int_equal(check(&p, &in, &detail), 0u);
	assert_string_equal(detail, "");
	eg_string_free(detail);
	/* Each field on its own. */
	p.rec.algorithm = 2;
	assert_int_equal(check(&p, &in, NULL), (unsigned)EG_DRAW_CHECK_ALGORITHM);
	p.rec.algorithm = 1;
	p.sizes[0] = 30; /* the frame's key stratum has 31 */
	assert_int_equal(check(&p, &in, &detail), (unsigned)EG_DRAW_CHECK_SIZES);
	assert_string_equal(detail, "size: published 30, the frame has 31\n");
	eg_string_free(detail);
	p.sizes[0] = 31;
	p.rules[0] = EG_INSPECT_QUOTA_DG8_TOWN; /* ceil(31 x 25 %) = ceil(7.75) = 8, not 4 */
	assert_int_equal(check(&p, &in, &detail), (unsigned)EG_DRAW_CHECK_QUOTAS);
	assert_string_equal(detail, "quota: published 4, its rule gives 8\n");
	eg_string_free(detail);
	p.rules[0] = -1; /* a given quota: any 0..31 is consistent */
	p.quotas[0] = 32; /* more than the stratum: the selection cannot be recomputed */
	assert_int_equal(check(&p, &in, NULL), (unsigned)(EG_DRAW_CHECK_QUOTAS | EG_DRAW_CHECK_SELECTION));
	p.quotas[0] = 4;
	p.rec.frame_hash = "0000";
	assert_int_equal(check(&p, &in, NULL), (unsigned)EG_DRAW_CHECK_FRAME_HASH);
	p.rec.frame_hash = eg_draw_frame_hash(d);
	p.sel[3] = p.sel[4];
	assert_int_equal(check(&p, &in, NULL), (unsigned)EG_DRAW_CHECK_SELECTION);
	p.sel[3] = eg_draw_selected(d, 3);
	p.selst[0] = "general";
	assert_int_equal(check(&p, &in, NULL), (unsigned)EG_DRAW_CHECK_SELECTION);
	p.selst[0] = "key";
	p.rec.n_selected = 13;
	assert_int_equal(check(&p, &in, NULL), (unsigned)EG_DRAW_CHECK_SELECTION);
	p.rec.n_selected = 14;
	p.strata[0] = "general";
	p.strata[1] = "key"; /* swapped names: order, sizes and quotas of the matched strata differ */
	assert_int_equal(check(&p, &in, NULL) & EG_DRAW_CHECK_STRATA, (unsigned)EG_DRAW_CHECK_STRATA);
	p.strata[0] = "key";
	p.strata[1] = "other"; /* the frame's "general" is not published */
	assert_int_equal(check(&p, &in, NULL), (unsigned)(EG_DRAW_CHECK_STRATA | EG_DRAW_CHECK_SELECTION));
	p.strata[1] = "general";
	p.rec.n_strata = 1;
	assert_int_equal(check(&p, &in, NULL), (unsigned)(EG_DRAW_CHECK_STRATA | EG_DRAW_CHECK_SELECTION));
	p.rec.n_strata = 2;
	p.rec.inspectors_hash = "ff";
	assert_int_equal(check(&p, &in, NULL), (unsigned)EG_DRAW_CHECK_INSPECTORS_HASH);
	p.rec.inspectors_hash = NULL;
	assert_int_equal(check(&p, &in, NULL), 0u);
	eg_draw_free(d);

	/* Paired: the hash, every inspector and every skip. */
	assert_int_equal(eg_draw_objects(&d, "2026Q4-12345678", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, f.ptr, quotas, 2 }), EG_OK);
	/* Object 0 conflicts with I1 and I2: two of four inspectors are left, so the permutation of its
	 * seed meets at least one of them before the second eligible one (回避). */
	ci[0] = "I1";
	ci[1] = "I2";
	co[0] = co[1] = eg_draw_selected(d, 0);
	assert_int_equal(eg_draw_pair_inspectors(d, ins, 4, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 2, 2 }), EG_OK);
	assert_int_equal(eg_draw_inspectors_hash(people, ins, 4, ci, co, 2), EG_OK);
	publish(&p, d, "2026Q4-12345678", sizes, quotas, 2, people);
	in.inspectors = ins;
	in.n_inspectors = 4;
	in.conflict_inspector = ci;
	in.conflict_object = co;
	in.n_conflicts = 2;
	assert_int_equal(check(&p, &in, NULL), 0u);
	p.ins[5] = strcmp(p.ins[5], "I3") ? "I3" : "I2";
	assert_int_equal(check(&p, &in, NULL), (unsigned)EG_DRAW_CHECK_PAIRING);
	p.ins[5] = eg_draw_inspector(d, 2, 1);
	p.rec.n_skips = 0;
	assert_true(eg_draw_skip_count(d) > 0); /* I1 was picked for object 0 and skipped (回避) */
	assert_int_equal(check(&p, &in, NULL), (unsigned)EG_DRAW_CHECK_SKIPS);
	p.rec.n_skips = eg_draw_skip_count(d);
	in.n_conflicts = 0; /* another conflict list: another hash (and maybe pairing) */
	assert_int_equal(check(&p, &in, NULL) & EG_DRAW_CHECK_INSPECTORS_HASH, (unsigned)EG_DRAW_CHECK_INSPECTORS_HASH);
	in.n_conflicts = 2;
	in.n_inspectors = 1; /* one inspector cannot be paired twice per object */
	assert_int_equal(check(&p, &in, &detail),
			 (unsigned)(EG_DRAW_CHECK_INSPECTORS_HASH | EG_DRAW_CHECK_PAIRING | EG_DRAW_CHECK_SKIPS));
	assert_non_null(strstr(detail, "inspector pairing: cannot be recomputed from the list"));
	eg_string_free(detail);
	in.n_inspectors = 4;
	/* Chinese detail. */
	{
		unsigned int failed;
		p.rec.algorithm = 7;
		assert_int_equal(eg_draw_record_check(&failed, &detail, &p.rec, &in, EG_LANG_ZH), EG_OK);
		assert_string_equal(detail, "算法版本：公布为 7，本库只有 1\n");
		eg_string_free(detail);
		p.rec.algorithm = 1;
	}
	eg_draw_free(d);
}

static void test_draw_record_check_argument_errors(void **state)
{
	(void)state;
	frame f;
	const char *strata[] = { "key", "general" }, *dupframe[2] = { "A", "A" };
	size_t sizes[] = { 31, 169 }, quotas[] = { 4, 10 }, two[] = { 2 };
	eg_draw *d = NULL;
	eg_draw_inputs in = EG_DRAW_INPUTS_INIT;
	eg_draw_record bad = EG_DRAW_RECORD_INIT;
	pubrec p;
	unsigned int failed = 99;
	make_frame(&f);
	in.strata = strata;
	in.frame_sizes = sizes;
	in.frame = f.ptr;
	in.n_strata = 2;
	assert_int_equal(eg_draw_objects(&d, "s", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, f.ptr, quotas, 2 }), EG_OK);
	publish(&p, d, "s", sizes, quotas, 0, NULL);
	assert_error(eg_draw_record_check(NULL, NULL, &p.rec, &in, 0), EG_EINVAL, NULL);
	assert_error(eg_draw_record_check(&failed, NULL, NULL, &in, 0), EG_EINVAL, NULL);
	assert_error(eg_draw_record_check(&failed, NULL, &p.rec, NULL, 0), EG_EINVAL, NULL);
	assert_error(eg_draw_record_check(&failed, NULL, &bad, &in, 0), EG_EINVAL, "NULL field");
	p.rec.version = 2;
	assert_error(eg_draw_record_check(&failed, NULL, &p.rec, &in, 0), EG_EINVAL, "unknown version");
	p.rec.version = EG_DRAW_RECORD_VERSION;
	p.quotas[1] = -1;
	assert_error(eg_draw_record_check(&failed, NULL, &p.rec, &in, 0), EG_EINVAL, "stratum general");
	p.quotas[1] = 10;
	p.rules[1] = 9;
	assert_error(eg_draw_record_check(&failed, NULL, &p.rec, &in, 0), EG_EINVAL, "unknown quota rule 9");
	p.rules[1] = -1;
	p.strata[1] = NULL;
	assert_error(eg_draw_record_check(&failed, NULL, &p.rec, &in, 0), EG_EINVAL, "stratum 2 has no name");
	p.strata[1] = "general";
	p.rec.per_object = SIZE_MAX / 2;
	p.rec.inspectors = p.ins;
	assert_error(eg_draw_record_check(&failed, NULL, &p.rec, &in, 0), EG_ERANGE, NULL);
	p.rec.per_object = 0;
	in.n_strata = 0;
	assert_error(eg_draw_record_check(&failed, NULL, &p.rec, &in, 0), EG_EINVAL, "no stratum");
	in.n_strata = 1;
	in.frame = dupframe; /* a malformed frame is an error, not a failed check */
	in.frame_sizes = two;
	assert_error(eg_draw_record_check(&failed, NULL, &p.rec, &in, 0), EG_EINVAL, "object A is listed twice");
	assert_int_equal(failed, 99u);
	in.frame = f.ptr;
	in.frame_sizes = sizes;
	in.n_strata = 2;
	{
		const char *dup[] = { "I1", "I1" };
		in.inspectors = dup;
		in.n_inspectors = 2;
		assert_error(eg_draw_record_check(&failed, NULL, &p.rec, &in, 0), EG_EINVAL, "inspector I1 is listed twice");
	}
	in.version = 5;
	assert_error(eg_draw_record_check(&failed, NULL, &p.rec, &in, 0), EG_EINVAL, "unknown version");
	assert_error(eg_draw_record_init(NULL, EG_DRAW_RECORD_VERSION), EG_EINVAL, NULL);
	assert_error(eg_draw_record_init(&bad, 2), EG_EINVAL, "unknown version 2");
	assert_error(eg_draw_inputs_init(NULL, EG_DRAW_INPUTS_VERSION), EG_EINVAL, NULL);
	assert_error(eg_draw_inputs_init(&in, 0), EG_EINVAL, "unknown version 0");
	assert_int_equal(in.version, 5u); /* nothing written */
	eg_draw_free(d);
}

/*
 * 回避, CJ-A1-11: a conflict must name an inspector of the list and an object
 * of the frame. Frame: stratum key = E1, E2, E3, quota 1; inspectors I1, I2.
 */
static void test_pairing_refuses_a_conflict_outside_the_draw_cj_a1_11(void **state)
{
	(void)state;
	const char *strata[] = { "key" }, *ids[] = { "E3", "E1", "E2" }, *insp[] = { "I1", "I2" };
	size_t sizes[] = { 3 }, quotas[] = { 1 };
	const char *ci[2], *co[2], *drawn, *other = NULL;
	eg_draw *d = NULL;
	assert_int_equal(eg_draw_objects(&d, "2026Q4-conflicts", &(eg_draw_frame_options){ EG_DRAW_FRAME_OPTIONS_VERSION, strata, sizes, ids, quotas, 1 }), EG_OK);
	drawn = eg_draw_selected(d, 0);
	for (int i = 0; i < 3; i++)
		if (strcmp(ids[i], drawn) != 0)
			other = ids[i];
	/* An inspector not in the list (a misspelt "I1"): refused, nothing paired. */
	ci[0] = "I1 ";
	co[0] = drawn;
	assert_error(eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 1, 1 }), EG_ENOTFOUND,
		     "is not in the inspector list; a misspelt name would leave the conflict unapplied (回避, CJ-A1-11)");
	assert_non_null(strstr(eg_error_last()->message, "conflict I1 , "));
	/* An object not in the frame (E4), after a valid first conflict: refused. */
	ci[0] = "I1";
	ci[1] = "I2";
	co[1] = "E4";
	assert_error(eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 2, 1 }), EG_ENOTFOUND,
		     "conflict I2, E4: E4 is not in the frame; a misspelt ID would leave the conflict unapplied (回避, CJ-A1-11)");
	assert_null(eg_draw_inspector(d, 0, 0));
	assert_int_equal(eg_draw_skip_count(d), 0);
	/* An object of the frame that was not drawn is a conflict of the draw: accepted, no effect.
	 * I1 conflicts with the drawn object, so I2 is paired with it (2 inspectors, 1 eligible). */
	co[1] = other;
	ci[1] = "I2";
	assert_int_equal(eg_draw_pair_inspectors(d, insp, 2, &(eg_draw_pair_options){ EG_DRAW_PAIR_OPTIONS_VERSION, ci, co, 2, 1 }), EG_OK);
	assert_string_equal(eg_draw_inspector(d, 0, 0), "I2");
	eg_draw_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_fips_180_4_examples),
		cmocka_unit_test(test_sampler_py_published_vector_without_replacement),
		cmocka_unit_test(test_sampler_py_expanded_sample_and_with_replacement),
		cmocka_unit_test(test_double_random_draw_is_reproducible_and_verifiable),
		cmocka_unit_test(test_draw_matches_the_public_sampler_on_the_canonical_frame),
		cmocka_unit_test(test_inspector_pairing_skips_conflicts),
		cmocka_unit_test(test_pairing_refuses_a_conflict_outside_the_draw_cj_a1_11),
		cmocka_unit_test(test_draw_errors),
		cmocka_unit_test(test_draw_every_allocation_failure_is_clean),
		cmocka_unit_test(test_sha256_empty_input_and_sample_argument_edges),
		cmocka_unit_test(test_double_random_frame_hash_is_sha256_of_the_canonical_text),
		cmocka_unit_test(test_draw_argument_errors_and_frame_limits),
		cmocka_unit_test(test_draw_accessors_on_null_and_out_of_range),
		cmocka_unit_test(test_inspector_pairing_argument_errors),
		cmocka_unit_test(test_inspector_pairing_records_every_skip_in_order),
		cmocka_unit_test(test_draw_sample_options_init_and_versions),
		cmocka_unit_test(test_draw_frame_options_init_and_versions),
		cmocka_unit_test(test_draw_pair_options_init_and_versions),
		cmocka_unit_test(test_inspector_list_hash_is_order_free_and_canonical),
		cmocka_unit_test(test_draw_record_check_every_field_dg_8),
		cmocka_unit_test(test_draw_record_check_argument_errors),
	};
	return cmocka_run_group_tests_name("draw", tests, NULL, NULL);
}
