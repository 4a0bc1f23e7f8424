/*
 * CJ-A4 typical cases: when a case may be published (CJ-A4-2.1: legal
 * periods from service, 60 days and six months, extended over rest days,
 * the "party not informed" extension, challenges and appeals), the
 * publication text and its anonymisation (CJ-A4-2.3), quarterly batches
 * (CJ-A4-4.1).
 */
#include <ecogrid/cases.h>

#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"

int eg_case_facts_init(eg_case_facts *facts, unsigned int ver)
{
	static const eg_case_facts init = EG_CASE_FACTS_INIT;
	if (!facts || ver != EG_CASE_FACTS_VERSION)
		return eg__error(EG_EINVAL, "eg_case_facts_init: NULL facts or version %u (this library knows %d)", ver,
				 EG_CASE_FACTS_VERSION);
	*facts = init;
	return EG_OK;
}

/* The last day of a legal period: n units after `start`, extended over rest days (R0.10, Civil Code art. 203). */
static int legal_end(int64_t *out, int64_t start, int unit, int32_t n, const eg_duty_workdays *cal)
{
	char s[11], d[11];
	int rc;
	eg__date_format(s, start);
	if ((rc = eg_duty_due_date(d, s, unit, n, cal, 1)) < 0)
		return rc;
	eg__date_parse(out, d);
	return EG_OK;
}

static int opt_date(int64_t *out, const char *s, const char *what)
{
	if (!s || eg__date_parse(out, s) < 0)
		return eg__error(EG_EINVAL, "CJ-A4-2.1: %s \"%.20s\" is not YYYY-MM-DD", what, s ? s : "(null)");
	return EG_OK;
}

int eg_case_eligible(int *eligible, char *from, const eg_case_facts *f, const eg_duty_workdays *cal, const char *on_date)
{
	int64_t dd, known, on, first = INT64_MIN;
	int rc;
	if (!eligible || !f || !cal || !on_date)
		return eg__error(EG_EINVAL, "eg_case_eligible: NULL argument (the calendar is required: legal periods extend over rest days)");
	if (f->version != EG_CASE_FACTS_VERSION)
		return eg__error(EG_EINVAL, "case facts version %u is not %d", f->version, EG_CASE_FACTS_VERSION);
	if ((rc = opt_date(&dd, f->decision, "decision date")) < 0 || (rc = opt_date(&on, on_date, "date judged")) < 0)
		return rc;
	known = dd;
	if (f->served && ((rc = opt_date(&known, f->served, "service date")) < 0))
		return rc;
	if (known < dd)
		return eg__error(EG_EINVAL, "CJ-A4-2.1: served on %s, before the decision of %s", f->served, f->decision);
	if (f->review_days < 1 || f->review_days > 3650 || f->lawsuit_months < 1 || f->lawsuit_months > 120)
		return eg__error(EG_EINVAL, "CJ-A4-2.1: periods of %d days and %d months out of range", (int)f->review_days,
				 (int)f->lawsuit_months);
	if (f->review < EG_CASE_CHALLENGE_NONE || f->review > EG_CASE_CHALLENGE_FINAL || f->lawsuit < EG_CASE_CHALLENGE_NONE ||
	    f->lawsuit > EG_CASE_CHALLENGE_FINAL)
		return eg__error(EG_EINVAL, "CJ-A4-2.1: challenge states %d, %d are not eg_case_challenge", f->review, f->lawsuit);
	if (f->lawsuit != EG_CASE_CHALLENGE_NONE && f->review == EG_CASE_CHALLENGE_PENDING)
		return eg__error(EG_EINVAL, "CJ-A4-2.1: a lawsuit while the review is still pending");
	if (f->lawsuit == EG_CASE_CHALLENGE_PENDING || (f->lawsuit == EG_CASE_CHALLENGE_NONE && f->review == EG_CASE_CHALLENGE_PENDING)) {
		/* Proceedings not ended: not eligible (「后续法律程序已完结」). */
	} else if (f->lawsuit != EG_CASE_CHALLENGE_NONE) {
		int64_t d;
		if ((rc = opt_date(&d, f->lawsuit_date, "lawsuit date")) < 0)
			return rc;
		if (f->lawsuit == EG_CASE_CHALLENGE_FINAL)
			first = d; /* the judgment or ruling took legal effect that day */
		else if ((rc = legal_end(&first, d, EG_DUTY_UNIT_DAYS, f->lawsuit_ruling ? 10 : 15, cal)) < 0)
			return rc;
		else
			first++; /* 行政诉讼法 art. 85: the appeal period's last day is still open */
	} else if (f->review != EG_CASE_CHALLENGE_NONE) {
		int64_t d;
		if ((rc = opt_date(&d, f->review_date, "review date")) < 0)
			return rc;
		if (f->review == EG_CASE_CHALLENGE_FINAL)
			first = d;
		else if ((rc = legal_end(&first, d, EG_DUTY_UNIT_DAYS, 15, cal)) < 0)
			return rc;
		else
			first++; /* 行政诉讼法 art. 45: a lawsuit within 15 days of receiving the review decision */
	} else {
		/* Nothing filed: both periods must have ended (the lawsuit's six months decide). */
		int64_t review_end, lawsuit_end;
		if (f->informed) {
			if ((rc = legal_end(&review_end, known, EG_DUTY_UNIT_DAYS, f->review_days, cal)) < 0 ||
			    (rc = legal_end(&lawsuit_end, known, EG_DUTY_UNIT_MONTHS, f->lawsuit_months, cal)) < 0)
				return rc;
		} else {
			/* Not informed of the right, body and period: from the day the party
			 * learned of them, at most 1 year from knowing the decision. */
			int64_t cap, learned;
			if ((rc = legal_end(&cap, known, EG_DUTY_UNIT_MONTHS, 12, cal)) < 0)
				return rc;
			review_end = lawsuit_end = cap;
			if (f->learned) {
				int64_t r, l;
				if ((rc = opt_date(&learned, f->learned, "day the party learned of its rights")) < 0)
					return rc;
				if (learned < known)
					return eg__error(EG_EINVAL, "CJ-A4-2.1: learned on %s, before knowing the decision", f->learned);
				if ((rc = legal_end(&r, learned, EG_DUTY_UNIT_DAYS, f->review_days, cal)) < 0 ||
				    (rc = legal_end(&l, learned, EG_DUTY_UNIT_MONTHS, f->lawsuit_months, cal)) < 0)
					return rc;
				review_end = r < cap ? r : cap;
				lawsuit_end = l < cap ? l : cap;
			}
		}
		first = (review_end > lawsuit_end ? review_end : lawsuit_end) + 1;
	}
	*eligible = first != INT64_MIN && on >= first;
	if (from) {
		if (first == INT64_MIN)
			from[0] = '\0';
		else
			eg__date_format(from, first);
	}
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
