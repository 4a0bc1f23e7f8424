#include "util/text.h"

#include <stdint.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/vec.h"

size_t eg__utf8_seq(const unsigned char *p, size_t avail)
{
	unsigned c = p[0];
	size_t n;
	unsigned cp, min;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; min = 0x80; }
	else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; min = 0x800; }
	else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; min = 0x10000; }
	else return 0;
	if (avail < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

int eg__utf8_valid(const char *s, size_t len, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		size_t n;
		if (p[i] < 0x80) { i++; continue; }
		n = eg__utf8_seq(p + i, len - i);
		if (n == 0) {
			if (bad_at)
				*bad_at = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

size_t eg__utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

void eg__quote(char *out, size_t outsz, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, i = 0;
	if (outsz == 0)
		return;
	while (i < len) {
		size_t n = p[i] < 0x80 ? 1 : eg__utf8_seq(p + i, len - i);
		if (o + 4 + (n ? n : 1) >= outsz) {
			if (o + 4 <= outsz) {
				memcpy(out + o, "\xE2\x80\xA6", 3); /* … */
				o += 3;
			}
			break;
		}
		if (n == 0 || (n == 1 && (p[i] < 0x20 || p[i] == 0x7F))) {
			out[o++] = '?';
			i++;
			continue;
		}
		memcpy(out + o, p + i, n);
		o += n;
		i += n;
	}
	out[o] = '\0';
}

int eg__check_text_n(const char *s, size_t len, size_t max_bytes, const char *what)
{
	size_t bad;
	char q[96];
	if (!s)
		return eg__error(EG_EINVAL, "%s is NULL", what);
	if (len == 0)
		return eg__error(EG_EINVAL, "%s is empty", what);
	/* The quoted copy for the message is made only on the error paths:
	 * this function runs for every field of a national load. */
	if (len > max_bytes) {
		eg__quote(q, sizeof q, s, len);
		return eg__error(EG_ERANGE, "%s \"%s\" is %zu bytes long; at most %zu allowed",
				 what, q, len, max_bytes);
	}
	/* One pass: control characters in the ASCII range, UTF-8 form above it. */
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		size_t n;
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (c < 0x80) {
			eg__quote(q, sizeof q, s, len);
			return eg__error(EG_EINVAL, "%s \"%s\" contains a control character at byte %zu",
					 what, q, i);
		}
		n = eg__utf8_seq((const unsigned char *)s + i, len - i);
		if (n == 0) {
			bad = i;
			eg__quote(q, sizeof q, s, len);
			return eg__error(EG_EUTF8, "%s \"%s\" is not valid UTF-8 (byte %zu)", what, q, bad);
		}
		i += n;
	}
	return EG_OK;
}

int eg__check_text(const char *s, size_t max_bytes, const char *what)
{
	if (!s)
		return eg__error(EG_EINVAL, "%s is NULL", what);
	/* strnlen bounds the scan: a huge unterminated string is not read past max+1. */
	return eg__check_text_n(s, strnlen(s, max_bytes + 1), max_bytes, what);
}

uint64_t eg__hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void eg__sbuf_put(eg__sbuf *b, const char *s, size_t len)
{
	char *t;
	if (b->failed)
		return;
	if (len > SIZE_MAX - b->n - 1 || !(t = eg__vec_reserve(b->p, &b->cap, b->n + len + 1, 1, 256))) {
		b->failed = 1;
		return;
	}
	b->p = t;
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

int eg__cmp_strp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}
