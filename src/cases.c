/*
 * CJ-A4 typical cases: when a decision is final (CJ-A4-2.1), the
 * publication text and its anonymisation (CJ-A4-2.3), quarterly batches
 * (CJ-A4-4.1).
 */
#include <ecogrid/cases.h>

#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"

int eg_case_eligible(int *eligible, const char *decision, int32_t period_days, int filed, const char *concluded,
		     const char *on_date)
{
	int64_t dd, on, cc;
	if (!eligible || !decision || !on_date)
		return eg__error(EG_EINVAL, "eg_case_eligible: NULL argument");
	if (eg__date_parse(&dd, decision) < 0 || eg__date_parse(&on, on_date) < 0 ||
	    (concluded && eg__date_parse(&cc, concluded) < 0))
		return eg__error(EG_EINVAL, "eg_case_eligible: dates must be YYYY-MM-DD");
	if (period_days < 1)
		return eg__error(EG_EINVAL, "eg_case_eligible: legal period %d days", (int)period_days);
	if (on < dd)
		return eg__error(EG_EINVAL, "eg_case_eligible: %s is before the decision on %s", on_date, decision);
	/* CJ-A4-2.1: final once the legal period has passed unchallenged, or the challenge concluded. */
	if (filed)
		*eligible = concluded && on >= cc;
	else
		*eligible = on > dd + period_days;
	return EG_OK;
}

int eg_case_text_check(size_t *cps, int64_t *first_hit, int64_t *hit_index, const char *text, const char *const *names,
		       size_t n)
{
	size_t len;
	int64_t best = -1, which = -1;
	if (!cps || !first_hit || !hit_index || !text || (n && !names))
		return eg__error(EG_EINVAL, "eg_case_text_check: NULL argument");
	len = strlen(text);
	if (!eg__utf8_valid(text, len, NULL))
		return eg__error(EG_EUTF8, "case text is not valid UTF-8");
	*cps = eg__utf8_count(text, len);
	for (size_t k = 0; k < n; k++) {
		const char *hit;
		if (!names[k] || !names[k][0])
			return eg__error(EG_EINVAL, "sensitive name %zu is empty", k);
		hit = strstr(text, names[k]);
		if (hit && (best < 0 || hit - text < best)) {
			best = (int64_t)(hit - text);
			which = (int64_t)k;
		}
	}
	*first_hit = best;
	*hit_index = which;
	/* CJ-A4-2.3: 1000-1500 characters, no real names. */
	if (*cps < 1000 || *cps > 1500)
		return eg__error(EG_ERANGE, "case text has %zu characters; 1000-1500 required (CJ-A4-2.3)", *cps);
	if (best >= 0)
		return eg__error(EG_ESTATE, "case text names \"%s\" at byte %lld; parties must be anonymised (CJ-A4-2.3)",
				 names[which], (long long)best);
	return EG_OK;
}

int eg_case_anonymise(char **out, size_t *replaced, const char *text, const char *const *names,
		      const char *const *placeholders, size_t n)
{
	eg__sbuf b = { NULL, 0, 0, 0 };
	size_t count = 0, len;
	if (!out || !replaced || !text || (n && (!names || !placeholders)))
		return eg__error(EG_EINVAL, "eg_case_anonymise: NULL argument");
	len = strlen(text);
	if (!eg__utf8_valid(text, len, NULL))
		return eg__error(EG_EUTF8, "case text is not valid UTF-8");
	for (size_t k = 0; k < n; k++)
		if (!names[k] || !names[k][0] || !placeholders[k] || !eg__utf8_valid(placeholders[k], strlen(placeholders[k]), NULL))
			return eg__error(EG_EINVAL, "name or placeholder %zu is empty or invalid", k);
	eg__sbuf_put(&b, "", 0);
	for (size_t i = 0; i < len;) {
		size_t best = n, best_len = 0;
		/* The longest name matching here wins ("某某化工有限公司" before "某某"). */
		for (size_t k = 0; k < n; k++) {
			size_t nl = strlen(names[k]);
			if (nl > best_len && strncmp(text + i, names[k], nl) == 0) {
				best = k;
				best_len = nl;
			}
		}
		if (best < n) {
			eg__sbuf_put(&b, placeholders[best], strlen(placeholders[best]));
			i += best_len;
			count++;
		} else {
			eg__sbuf_put(&b, text + i, 1);
			i++;
		}
	}
	if (b.failed) {
		eg__free(b.p);
		return eg__error_nomem("anonymising");
	}
	*out = b.p;
	*replaced = count;
	return EG_OK;
}

/* CJ-A4-4.1: a batch in each quarter. */
int eg_case_batches(int *quarters, const char *const *dates, size_t n, int year)
{
	if (!quarters || (n && !dates))
		return eg__error(EG_EINVAL, "eg_case_batches: NULL argument");
	for (int q = 0; q < 4; q++)
		quarters[q] = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t d;
		int y, m, dd;
		if (!dates[i] || eg__date_parse(&d, dates[i]) < 0)
			return eg__error(EG_EINVAL, "publication date %zu \"%.20s\" is not YYYY-MM-DD", i, dates[i] ? dates[i] : "(null)");
		eg__civil_from_days(d, &y, &m, &dd);
		if (y == year)
			quarters[(m - 1) / 3] = 1;
	}
	return EG_OK;
}
