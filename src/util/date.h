/*
 * Internal calendar helpers. Dates are proleptic Gregorian calendar dates in
 * China Standard Time (UTC+8, no DST), R0.3; months are calendar months, R0.4.
 * Day numbers count days since 1970-01-01; minute numbers count minutes
 * since 1970-01-01 00:00 CST.
 */
#ifndef EG_UTIL_DATE_H
#define EG_UTIL_DATE_H

#include <stdint.h>

/* 1 if y-m-d is a real calendar date with 1 <= y <= 9999. */
int eg__date_valid(int y, int m, int d);
int eg__days_in_month(int y, int m);
int eg__is_leap(int y);
/* Days since 1970-01-01 for a valid date (Howard Hinnant's days_from_civil). */
int64_t eg__days_from_civil(int y, int m, int d);
/* Inverse of eg__days_from_civil. */
void eg__civil_from_days(int64_t days, int *y, int *m, int *d);
/* 1 = Monday ... 7 = Sunday. */
int eg__weekday(int64_t days);
/* Month index y*12 + (m-1), so that consecutive calendar months differ by 1. */
static inline int32_t eg__month_index(int y, int m) { return (int32_t)y * 12 + (m - 1); }
/*
 * Parse "YYYY-MM-DD" (exactly that shape) into *days; returns 0 on success,
 * -1 on a malformed or impossible date. Locale-independent.
 */
int eg__date_parse(int64_t *days, const char *s);
/* Parse "YYYY-MM" into a month index; 0 on success, -1 otherwise. */
int eg__month_parse(int32_t *month_index, const char *s);
/*
 * Parse "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM" (CST, R0.3; 24:00 not
 * allowed) into minutes since 1970-01-01 00:00; 0 on success, -1 otherwise.
 */
int eg__datetime_parse(int64_t *minutes, const char *s);
/* Format days as "YYYY-MM-DD" into buf (at least 11 bytes). */
void eg__date_format(char *buf, int64_t days);
/* Format a month index as "YYYY-MM" into buf (at least 8 bytes). */
void eg__month_format(char *buf, int32_t month_index);

#endif
