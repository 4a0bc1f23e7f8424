/*
 * Helpers shared by the libFuzzer harnesses: carve integers, doubles and
 * strings out of the input bytes (like LLVM's FuzzedDataProvider, in C).
 * Every take_* returns a defined value once the input is used up, so a
 * harness never reads past it. Strings live in an arena freed per run.
 */
#ifndef ECOGRID_FUZZ_UTIL_H
#define ECOGRID_FUZZ_UTIL_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

typedef struct fz {
	const uint8_t *p;
	size_t n;
	char *arena[256]; /* strings handed out in this run */
	size_t n_arena;
} fz;

static inline void fz_init(fz *f, const uint8_t *d, size_t n)
{
	f->p = d;
	f->n = n;
	f->n_arena = 0;
}

static inline void fz_done(fz *f)
{
	for (size_t i = 0; i < f->n_arena; i++)
		free(f->arena[i]);
	f->n_arena = 0;
}

static inline uint8_t take_u8(fz *f)
{
	uint8_t v;
	if (!f->n)
		return 0;
	v = *f->p++;
	f->n--;
	return v;
}

static inline uint64_t take_u64(fz *f, size_t bytes)
{
	uint64_t v = 0;
	for (size_t i = 0; i < bytes; i++)
		v = v << 8 | take_u8(f);
	return v;
}

static inline int32_t take_i32(fz *f)
{
	/* Small values most of the time (deep paths), extremes sometimes. */
	uint8_t mode = take_u8(f);
	switch (mode % 8) {
	case 0: return INT32_MIN;
	case 1: return INT32_MAX;
	case 2: return -(int32_t)take_u8(f);
	case 3: return (int32_t)(uint32_t)take_u64(f, 4);
	default: return (int32_t)take_u8(f);
	}
}

static inline int64_t take_i64(fz *f)
{
	uint8_t mode = take_u8(f);
	switch (mode % 8) {
	case 0: return INT64_MIN;
	case 1: return INT64_MAX;
	case 2: return -(int64_t)take_u8(f);
	case 3: return (int64_t)take_u64(f, 8);
	case 4: return 1000000 + (int64_t)(take_u8(f) % 3) - 1; /* around the input limit */
	default: return (int64_t)take_u8(f);
	}
}

/* A double: plain small numbers, the raw bit pattern, or a special value. */
static inline double take_double(fz *f)
{
	uint8_t mode = take_u8(f);
	uint64_t bits;
	double v;
	switch (mode % 16) {
	case 0: return NAN;
	case 1: return INFINITY;
	case 2: return -INFINITY;
	case 3: return 0.0;
	case 4: return -0.0;
	case 5: return 4.9406564584124654e-324; /* smallest denormal */
	case 6: return 1.7976931348623157e308;
	case 7: return -(double)take_u8(f);
	case 8:
		bits = take_u64(f, 8);
		memcpy(&v, &bits, sizeof v);
		return v;
	case 9: return (double)take_u64(f, 2) / 1000.0 + 0.005; /* near rounding ties */
	default: return (double)take_u64(f, 2) / 10.0;
	}
}

static inline char *fz_keep(fz *f, char *s)
{
	if (!s)
		abort();
	if (f->n_arena == sizeof f->arena / sizeof f->arena[0]) {
		free(s);
		return NULL;
	}
	f->arena[f->n_arena++] = s;
	return s;
}

/* Raw bytes of a given length as a NUL-terminated string (may hold NULs early). */
static inline char *take_bytes(fz *f, size_t len)
{
	char *s;
	if (len > f->n)
		len = f->n;
	s = malloc(len + 1);
	if (!s)
		abort();
	memcpy(s, f->p, len);
	s[len] = '\0';
	f->p += len;
	f->n -= len;
	return fz_keep(f, s);
}

/*
 * A string argument: NULL, empty, one of the words the caller knows (so
 * that builds get deep), raw bytes, invalid UTF-8, or very long.
 */
static inline const char *take_str(fz *f, const char *const *words, size_t n_words)
{
	uint8_t mode = take_u8(f);
	char *s;
	size_t len;
	switch (mode % 16) {
	case 0: return NULL;
	case 1: return "";
	case 2: return "\xff\xfe";
	case 3: return "a\xc3";          /* truncated sequence */
	case 4: return "\xed\xa0\x80";   /* UTF-16 surrogate */
	case 5: return "\xc0\xaf";       /* overlong '/' */
	case 6:
	case 7:
		len = take_u8(f) % 32;
		return take_bytes(f, len);
	case 8:
		/* Very long: around the 64, 256 and 1024 byte limits, or far past them. */
		switch (take_u8(f) % 8) {
		case 0: len = 64; break;
		case 1: len = 65; break;
		case 2: len = 256; break;
		case 3: len = 257; break;
		case 4: len = 1024; break;
		case 5: len = 1025; break;
		default: len = 70000; break;
		}
		s = malloc(len + 1);
		if (!s)
			abort();
		memset(s, 'a' + (int)(mode >> 4), len);
		s[len] = '\0';
		return fz_keep(f, s);
	default:
		if (!n_words)
			return "x";
		return words[take_u8(f) % n_words];
	}
}

#endif
