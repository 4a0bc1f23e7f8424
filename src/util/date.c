#include "util/date.h"

#include <string.h>


int eg__is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int eg__days_in_month(int y, int m)
{
	static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return dm[m - 1] + (m == 2 && eg__is_leap(y));
}

int eg__date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= eg__days_in_month(y, m);
}

int64_t eg__days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void eg__civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int eg__weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (4). */
	int64_t w = (days + 3) % 7;
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int eg__date_parse(int64_t *days, const char *s)
{
	int y, m, d;
	if (!s || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &m) || s[7] != '-' ||
	    digits(s + 8, 2, &d) || s[10] != '\0' || !eg__date_valid(y, m, d))
		return -1;
	*days = eg__days_from_civil(y, m, d);
	return 0;
}

int eg__datetime_parse(int64_t *minutes, const char *s)
{
	char day[11];
	int64_t d;
	int hh, mm;
	if (!s || strlen(s) != 16 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || digits(s + 11, 2, &hh) ||
	    digits(s + 14, 2, &mm) || hh > 23 || mm > 59)
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (eg__date_parse(&d, day) < 0)
		return -1;
	*minutes = d * 1440 + hh * 60 + mm;
	return 0;
}

int eg__month_parse(int32_t *month_index, const char *s)
{
	int y, m;
	if (!s || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &m) || s[7] != '\0' ||
	    y < 1 || m < 1 || m > 12)
		return -1;
	*month_index = eg__month_index(y, m);
	return 0;
}

/* Write v (0..9999 or 0..99) as exactly n zero-padded digits. */
static char *put_digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

void eg__date_format(char *buf, int64_t days)
{
	int y, m, d;
	char *p = buf;
	eg__civil_from_days(days, &y, &m, &d);
	p = put_digits(p, ((y % 10000) + 10000) % 10000, 4);
	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	p = put_digits(p, d, 2);
	*p = '\0';
}

void eg__month_format(char *buf, int32_t mi)
{
	char *p = buf;
	p = put_digits(p, (int)(((mi / 12) % 10000 + 10000) % 10000), 4);
	*p++ = '-';
	p = put_digits(p, (int)(((mi % 12) + 12) % 12) + 1, 2);
	*p = '\0';
}
