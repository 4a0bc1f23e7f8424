/* Internal text helpers: UTF-8 validation, string checks, hashing. */
#ifndef EG_UTIL_TEXT_H
#define EG_UTIL_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * 1 if s[0..len) is well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), else 0; *bad_at gets the byte offset
 * of the first bad byte when it is not NULL.
 */
int eg__utf8_valid(const char *s, size_t len, size_t *bad_at);

/*
 * Length (2-4) of the well-formed UTF-8 sequence at p, whose lead byte is
 * 0x80 or above, reading at most `avail` bytes; 0 if it is not well-formed.
 */
size_t eg__utf8_seq(const unsigned char *p, size_t avail);

/* Number of code points in a valid UTF-8 string. */
size_t eg__utf8_count(const char *s, size_t len);

/*
 * Validate a caller-supplied identifier or label: non-NULL, non-empty,
 * at most max_bytes bytes, valid UTF-8, no C0 control characters.
 * `what` names the argument in the error message ("node ID", "name").
 * Returns EG_OK or EG_EINVAL / EG_ERANGE / EG_EUTF8 with the error set.
 */
int eg__check_text(const char *s, size_t max_bytes, const char *what);
/* Same, for a string with an explicit length (not NUL-terminated). */
int eg__check_text_n(const char *s, size_t len, size_t max_bytes, const char *what);

/* 64-bit FNV-1a, used by the hash tables. */
uint64_t eg__hash(const char *s, size_t len);

/*
 * Copy a possibly invalid byte string into `out` (size outsz) for use in an
 * error message: bytes that are not valid UTF-8 or are control characters
 * become '?', and long strings are cut with "…". Always NUL-terminates.
 */
void eg__quote(char *out, size_t outsz, const char *s, size_t len);

/* qsort/bsearch comparator over `const char *` elements (byte order). */
int eg__cmp_strp(const void *x, const void *y);

/*
 * A growing NUL-terminated string. Start with { NULL, 0, 0, 0 }; after an
 * allocation failure `failed` is set and further appends do nothing, so a
 * writer appends freely and checks once at the end (then frees `p`).
 */
typedef struct eg__sbuf {
	char *p;
	size_t n, cap;
	int failed;
} eg__sbuf;

/* Append len bytes of s (allocating through util/alloc). */
void eg__sbuf_put(eg__sbuf *b, const char *s, size_t len);

#endif
