/*
 * Reading the files clerks make: CSV through libcsv (RFC 4180), in UTF-8
 * (with or without a BOM) or GB18030/GBK (Excel's "CSV" on Chinese
 * Windows), converted with iconv; headers and enumerated values in Chinese
 * or English, columns in any order; blank rows skipped; and the codes that
 * Excel mangles refused with the fix (scientific notation, a stray ".0",
 * full-width digits).
 *
 * The vocabulary below (Chinese column names and values) is input data,
 * not messages: it is accepted whatever the language of the messages.
 */
#include "tool.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define MAX_FIELDS 32

enum { ENC_AUTO, ENC_UTF8, ENC_GB18030 };
static int encoding = ENC_AUTO;

int csv_set_encoding(const char *e)
{
	if (!e || !strcmp(e, "auto"))
		encoding = ENC_AUTO;
	else if (!strcmp(e, "utf-8") || !strcmp(e, "utf8") || !strcmp(e, "UTF-8"))
		encoding = ENC_UTF8;
	else if (!strcmp(e, "gbk") || !strcmp(e, "gb18030") || !strcmp(e, "GBK") || !strcmp(e, "GB18030") ||
		 !strcmp(e, "gb2312") || !strcmp(e, "GB2312") || !strcmp(e, "cp936"))
		encoding = ENC_GB18030; /* GB18030 contains GBK and GB2312 */
	else
		return tool_fail("--encoding must be auto, utf-8, gbk or gb18030, not %s", e);
	return TOOL_OK;
}

/* ------------------------------------------------------------------ */
/* Bytes to UTF-8 text                                                    */
/* ------------------------------------------------------------------ */

/* Length of the valid UTF-8 prefix of s[0..n). */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		unsigned int cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, cp = c & 0x07;
		else
			return i;
		if (i + k >= n)
			return i;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return i;
		i += k + 1;
	}
	return n;
}

static size_t line_of(const char *s, size_t off)
{
	size_t line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

/* GB18030 -> UTF-8; NULL with *bad set to the offset of the first byte that is not GB18030. */
static char *from_gb18030(const char *in, size_t n, size_t *out_len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	size_t cap = n * 2 + 16, left_in = n, left_out = cap;
	char *out, *ip = (char *)(uintptr_t)in, *op;
	*bad = 0;
	if (cd == (iconv_t)-1)
		return NULL;
	if (!(out = malloc(cap + 1))) {
		iconv_close(cd);
		return NULL;
	}
	op = out;
	while (left_in > 0) {
		if (iconv(cd, &ip, &left_in, &op, &left_out) == (size_t)-1) {
			if (errno == E2BIG) {
				size_t used = (size_t)(op - out);
				char *t = realloc(out, cap * 2 + 1);
				if (!t)
					break;
				out = t;
				op = out + used;
				left_out += cap;
				cap *= 2;
				continue;
			}
			*bad = (size_t)(ip - in);
			free(out);
			iconv_close(cd);
			return NULL;
		}
	}
	iconv_close(cd);
	if (left_in > 0) {
		free(out);
		return NULL;
	}
	*out_len = (size_t)(op - out);
	out[*out_len] = '\0';
	return out;
}

const char *tool_strerror(int errnum)
{
	switch (errnum) {
	case ENOENT: return _("no such file or directory");
	case EACCES: return _("permission denied");
	case EISDIR: return _("it is a directory");
	case ENOSPC: return _("no space left on the disk");
	default: return strerror(errnum);
	}
}

/* Set when the last file read was neither UTF-8 nor GB18030 (left as it was). */
static int last_undecoded;

int text_read_file(char **out, size_t *len, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *t;
	size_t n = 0, cap = 0, got, ok;
	last_undecoded = 0;
	if (!f)
		return tool_fail("cannot open %s: %s", path, tool_strerror(errno));
	for (;;) {
		if (n + 65536 + 1 > cap) {
			cap = cap ? cap * 2 : 131072;
			if (!(t = realloc(buf, cap))) {
				free(buf);
				fclose(f);
				return tool_fail("%s: out of memory", path);
			}
			buf = t;
		}
		got = fread(buf + n, 1, 65536, f);
		n += got;
		if (got < 65536)
			break;
	}
	if (ferror(f)) {
		int e = errno;
		free(buf);
		fclose(f);
		return tool_fail("cannot read %s: %s", path, tool_strerror(e));
	}
	fclose(f);
	buf[n] = '\0';
	if (n >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
		       ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
		free(buf);
		return tool_fail("%s is UTF-16 text (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\"",
				 path);
	}
	if (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		memmove(buf, buf + 3, n - 3 + 1);
		n -= 3;
		if (encoding == ENC_GB18030) {
			free(buf);
			return tool_fail("%s starts with a UTF-8 mark (BOM) but --encoding says GB18030/GBK; leave out --encoding",
					 path);
		}
	} else if (encoding == ENC_GB18030 || (encoding == ENC_AUTO && utf8_valid((unsigned char *)buf, n) < n)) {
		size_t bad = 0, m = 0;
		char *u = from_gb18030(buf, n, &m, &bad);
		if (!u && encoding == ENC_AUTO) {
			/* Neither: keep the bytes, so that the field-by-field check names where they are. */
			(void)bad;
			last_undecoded = 1;
			*out = buf;
			*len = n;
			return TOOL_OK;
		}
		if (!u) {
			size_t line = line_of(buf, bad);
			free(buf);
			return tool_fail("%s: line %zu is not GB18030/GBK text; is the file UTF-8? (leave out --encoding)", path,
					 line);
		}
		free(buf);
		buf = u;
		n = m;
	}
	ok = utf8_valid((unsigned char *)buf, n);
	if (ok < n) {
		size_t line = line_of(buf, ok);
		free(buf);
		return tool_fail("%s: line %zu is not valid UTF-8; if the file comes from Excel on Chinese Windows, give "
				 "--encoding gbk",
				 path, line);
	}
	/* A NUL byte is left to the field check (input.c), which names the field. */
	*out = buf;
	*len = n;
	return TOOL_OK;
}

/* ------------------------------------------------------------------ */
/* Vocabulary: column names and enumerated values                         */
/* ------------------------------------------------------------------ */

enum { COL_TEXT, COL_CODE, COL_CODES, COL_INT };

typedef struct column {
	const char *name;    /* the English name callers expect */
	const char *aliases; /* other accepted names, '|'-separated (compared after normalising) */
	int kind;            /* COL_CODE: a division code; COL_CODES: codes separated by spaces; COL_INT */
} column;

static const column columns[] = {
	/* grid, roster (CJ-G) */
	{ "code", "代码|区划代码|网格代码|编码", COL_CODE },
	{ "parent_code", "上级代码|上级区划代码|上级网格代码|parent", COL_CODE },
	{ "level", "级别|层级|网格级别", COL_INT },
	{ "name", "名称|单位名称|网格名称|企业名称|项目名称|企业（项目、工地）名称", COL_TEXT },
	{ "kind", "类型|网格类型", COL_TEXT },
	{ "node", "网格代码|网格|网格编码|所在网格", COL_CODE },
	{ "role", "角色|职务|岗位", COL_TEXT },
	{ "person", "姓名|人员|人员姓名", COL_TEXT },
	{ "detail", "说明|级别或类别|职级|专兼职", COL_TEXT },
	{ "covers", "分管网格|分管网格代码|负责网格", COL_CODES },
	/* month (one row per level-2 unit, monthin.c) */
	{ "unit", "单位代码|单位|县市代码|被考核单位代码", COL_CODE },
	{ "item1", "第1项|第1项达标|第一项", COL_TEXT },
	{ "item2", "第2项|第2项达标|第二项", COL_TEXT },
	{ "item3", "第3项|第3项达标|第三项", COL_TEXT },
	{ "item4", "第4项|第4项问题数|第四项", COL_INT },
	{ "item5", "第5项|第5项问题数|第五项", COL_INT },
	{ "item6", "第6项|第6项问题数|第六项", COL_INT },
	{ "item7", "第7项|第7项问题数|第七项", COL_INT },
	{ "item7_adverse", "第7项造成不良影响|造成不良影响|不良影响", COL_TEXT },
	{ "bonus", "加分事项数|加分|加分事项", COL_INT },
	{ "media", "媒体曝光|媒体曝光问题|曝光", COL_TEXT },
	{ "forced_fail", "强制不合格情形|强制不合格|直接不合格", COL_TEXT },
	{ "so2", "二氧化硫", COL_TEXT },
	{ "no2", "二氧化氮", COL_TEXT },
	{ "pm10", "可吸入颗粒物", COL_TEXT },
	{ "pm25", "pm2.5|细颗粒物", COL_TEXT },
	{ "co", "一氧化碳", COL_TEXT },
	{ "o3", "臭氧|o3_8h", COL_TEXT },
	{ "air_ref", "上年同月综合指数|去年同月综合指数|同比基数", COL_TEXT },
	{ "air_target_missed", "空气质量目标未完成|年度目标未完成|目标未完成", COL_TEXT },
	{ "air_station", "有空气监测站|有监测站|空气监测站", COL_TEXT },
	/* disclosure (JM-2.1.1) and ledger (YL-2) */
	{ "id", "编号|记录编号|问题编号|对象编号", COL_TEXT },
	{ "time", "时间|填报时间|记录时间", COL_TEXT },
	{ "actor", "填报人|操作人|经办人", COL_TEXT },
	{ "reason", "原因|理由|说明原因", COL_TEXT },
	{ "district", "区县|所在区县|市（区）|市区", COL_TEXT },
	{ "category", "类别|行业类别", COL_TEXT },
	{ "target", "目标或监管要求|进度目标|整改目标|目标", COL_TEXT },
	{ "progress", "进展|进展情况|完成情况", COL_TEXT },
	{ "quarter", "季度|更新季度|报送季度", COL_TEXT },
	{ "action", "操作|动作|事项", COL_TEXT },
	{ "lead_unit", "牵头单位|责任单位", COL_TEXT },
	{ "deadline", "整改时限|时限|期限", COL_TEXT },
	/* draws (双随机) */
	{ "stratum", "分层|层|类别分层", COL_TEXT },
	{ "quota", "抽取数|抽取数量|配额", COL_TEXT },
	{ "inspector", "检查人员|执法人员|检查人", COL_TEXT },
	{ "object", "回避对象|对象|检查对象", COL_TEXT },
};

typedef struct value_alias {
	const char *column; /* applies to this column */
	const char *value;  /* the English code */
	const char *aliases;
} value_alias;

static const value_alias values[] = {
	{ "role", "head", "网格长|网格负责人" },
	{ "role", "subhead", "分网格长|副网格长" },
	{ "role", "supervisor", "网格监督员|监督员|网格员" },
	{ "detail", "full_time", "专职" },
	{ "detail", "part_time", "兼职" },
	{ "detail", "deputy_division", "副处级|副县级" },
	{ "detail", "deputy_section", "副科级|副乡级" },
	{ "detail", "other", "其他|其它" },
	{ "kind", "admin", "行政|行政区|行政区划" },
	{ "kind", "park", "园区|开发区" },
	{ "kind", "key_grid", "重点网格|重点" },
	{ "kind", "other", "其他|其它" },
	{ "action", "open", "登记|新增|立项" },
	{ "action", "extend", "延期" },
	{ "action", "rectifying", "整改中|开始整改" },
	{ "action", "verified", "已验收|验收|牵头单位验收" },
	{ "action", "applied", "申请销号|已申请销号" },
	{ "action", "reviewed", "已审核|审核|整改办审核" },
	{ "action", "closed", "销号|已销号" },
};

/* Lower-case ASCII, '-' and ' ' as '_', a trailing "(unit)" / "（单位）" and surrounding spaces dropped. */
static void normalise_name(char *out, size_t size, const char *in)
{
	size_t o = 0, len;
	while (*in == ' ' || *in == '\t')
		in++;
	for (; *in && o + 1 < size; in++) {
		char c = *in;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c == '-' || c == ' ')
			c = '_';
		out[o++] = c;
	}
	out[o] = '\0';
	while (o > 0 && out[o - 1] == '_')
		out[--o] = '\0';
	len = o;
	if (len > 1 && out[len - 1] == ')') {
		char *p = strrchr(out, '(');
		if (p && p > out)
			*p = '\0';
	} else if (len > 3 && !strcmp(out + len - 3, "）")) {
		char *p = strstr(out, "（");
		if (p && p > out)
			*p = '\0';
	}
	for (o = strlen(out); o > 0 && out[o - 1] == '_'; o--)
		out[o - 1] = '\0';
}

static int in_list(const char *word, const char *list)
{
	size_t len = strlen(word);
	for (const char *p = list; *p;) {
		size_t k = strcspn(p, "|");
		if (k == len && !strncmp(p, word, k))
			return 1;
		p += k + (p[k] == '|');
	}
	return 0;
}

static const column *column_of(const char *english)
{
	for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
		if (!strcmp(columns[i].name, english))
			return &columns[i];
	return NULL;
}

/* Which of the expected columns a header cell names, or -1. */
static int header_match(const char *cell, const char *const *expect, size_t n)
{
	char norm[256];
	normalise_name(norm, sizeof norm, cell);
	for (size_t i = 0; i < n; i++) {
		const column *c = column_of(expect[i]);
		char e[128];
		normalise_name(e, sizeof e, expect[i]);
		if (!strcmp(norm, e) || (c && in_list(norm, c->aliases)))
			return (int)i;
	}
	return -1;
}

/* The first Chinese name of a column, for messages ("node (网格代码)"). */
const char *csv_column_zh(const char *english)
{
	const column *c = column_of(english);
	static char buf[64];
	if (!c)
		return english;
	snprintf(buf, sizeof buf, "%.*s", (int)strcspn(c->aliases, "|"), c->aliases);
	return buf;
}

const char *csv_column_label(const char *english)
{
	return tool_lang() == EG_LANG_ZH ? csv_column_zh(english) : english;
}

/* An enumerated value given in Chinese, as the English code; else the value itself. */
static const char *value_code(const char *column_name, const char *v)
{
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		if (!strcmp(values[i].column, column_name) && in_list(v, values[i].aliases))
			return values[i].value;
	return v;
}

/* ------------------------------------------------------------------ */
/* Codes that Excel mangled                                               */
/* ------------------------------------------------------------------ */

static int all_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int csv_check_number(const char *where, const char *column_name, const char *v)
{
	/* The column as the clerk's header names it: 网格代码 in Chinese, node in English. */
	column_name = csv_column_label(column_name);
	/* Full-width digits ０-９ are U+FF10-U+FF19: EF BC 90 - EF BC 99. */
	for (const char *p = v; (p = strstr(p, "\xEF\xBC")) != NULL; p += 2)
		if ((unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99) {
			char fixed[256];
			size_t o = 0;
			for (const char *q = v; *q && o + 1 < sizeof fixed; q++) {
				if (q[0] == '\xEF' && q[1] == '\xBC' && (unsigned char)q[2] >= 0x90 && (unsigned char)q[2] <= 0x99) {
					fixed[o++] = (char)('0' + ((unsigned char)q[2] - 0x90));
					q += 2;
				} else {
					fixed[o++] = *q;
				}
			}
			fixed[o] = '\0';
			return tool_fail("%s: %s \"%s\" has full-width digits; type them as half-width digits: %s", where,
					 column_name, v, fixed);
		}
	return TOOL_OK;
}

int csv_check_code(const char *where, const char *column_name, const char *v)
{
	const char *e = strpbrk(v, "eE"), *dot = strchr(v, '.');
	if (csv_check_number(where, column_name, v))
		return TOOL_FAIL;
	column_name = csv_column_label(column_name);
	/* 6.52327E+11: Excel showed a long code as a number and saved it that way; the digits are lost. */
	if (e && e > v && (e[1] == '+' || (e[1] >= '0' && e[1] <= '9'))) {
		size_t mant = (size_t)(e - v);
		const char *x = e + 1 + (e[1] == '+');
		int ok = all_digits(x, strlen(x)) &&
			 (all_digits(v, mant) || (dot && dot < e && all_digits(v, (size_t)(dot - v)) &&
						  all_digits(dot + 1, (size_t)(e - dot - 1))));
		if (ok)
			return tool_fail("%s: %s \"%s\" is a code that Excel turned into a number in scientific notation, "
					 "which has lost its last digits. In Excel, set the column's format to Text and type "
					 "the codes again (or start from `ecogrid template`), then save as CSV.",
					 where, column_name, v);
	}
	/* 652301000000.0: Excel kept the code as a number with a decimal part. */
	if (dot && dot > v && all_digits(v, (size_t)(dot - v)) && dot[1]) {
		int zeros = 1;
		for (const char *p = dot + 1; *p; p++)
			zeros &= *p == '0';
		if (zeros)
			return tool_fail("%s: %s \"%s\" has a stray \"%s\" after it (Excel kept the code as a number); write "
					 "it as %.*s, and set the column's format to Text in Excel",
					 where, column_name, v, dot, (int)(dot - v), v);
	}
	return TOOL_OK;
}

/* ------------------------------------------------------------------ */
/* The CSV reader                                                         */
/* ------------------------------------------------------------------ */

typedef struct reader {
	const char *path;
	const char *const *expect;
	size_t n_expect, n_required;
	csv_row_fn fn;
	void *payload;
	char *fields[MAX_FIELDS];
	size_t n;
	int map[MAX_FIELDS]; /* file column -> expected column */
	size_t n_cols;       /* columns of the header */
	size_t record;       /* records seen, header = 1 */
	size_t line;         /* physical line of the current record's start */
	size_t newlines;     /* newlines consumed so far */
	int failed;
	int too_many;
} reader;

static void on_field(void *data, size_t len, void *r_)
{
	reader *r = r_;
	char *copy;
	if (r->failed)
		return;
	if (r->n == MAX_FIELDS) {
		r->too_many = 1;
		return;
	}
	{
		/* Every field of every CSV input goes through the one text check (input.c). */
		char where[300], field[32];
		snprintf(where, sizeof where, _("%s: line %zu"), r->path, r->line);
		snprintf(field, sizeof field, _("field %zu"), r->n + 1);
		if (in_text_check(data, len, where,
				  r->record > 0 && r->n < r->n_cols && r->map[r->n] >= 0 ? r->expect[r->map[r->n]] : field)) {
			if (last_undecoded)
				tool_fail("%s is neither UTF-8 nor GB18030/GBK text; save it as \"CSV UTF-8 (comma delimited)\", "
					  "or give its encoding with --encoding", r->path);
			r->failed = TOOL_FAIL;
			return;
		}
	}
	copy = malloc(len + 1);
	if (!copy) {
		r->failed = tool_fail("%s: out of memory", r->path);
		return;
	}
	memcpy(copy, data, len);
	copy[len] = '\0';
	r->fields[r->n++] = copy;
}

/* Spaces around a cell (ASCII and the ideographic space U+3000) are not part of it. */
static char *trim(char *s)
{
	size_t n;
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (!strncmp(s, "\xE3\x80\x80", 3))
			s += 3;
		else
			break;
	}
	n = strlen(s);
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
			n--;
		else if (n >= 3 && !strncmp(s + n - 3, "\xE3\x80\x80", 3))
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
	return s;
}

static int header(reader *r)
{
	int seen[MAX_FIELDS] = { 0 };
	if (r->n > MAX_FIELDS)
		return tool_fail("%s: line 1: more than %d columns", r->path, MAX_FIELDS);
	for (size_t i = 0; i < r->n; i++) {
		const char *cell = trim(r->fields[i]);
		int k = header_match(cell, r->expect, r->n_expect);
		if (!*cell && i + 1 == r->n && i > 0) {
			r->map[i] = -1; /* a trailing empty column (a stray comma) */
			continue;
		}
		if (k < 0) {
			const char *s = tool_suggest(cell, r->expect, r->n_expect);
			if (s)
				return tool_fail("%s: line 1: unknown column \"%s\"; did you mean %s (%s)?", r->path, cell, s,
						 csv_column_zh(s));
			return tool_fail("%s: line 1: unknown column \"%s\"; the columns are %s", r->path, cell,
					 csv_columns_text(r->expect, r->n_expect));
		}
		if (seen[k])
			return tool_fail("%s: line 1: column %s (%s) is given twice", r->path, r->expect[k],
					 csv_column_zh(r->expect[k]));
		seen[k] = 1;
		r->map[i] = k;
	}
	r->n_cols = r->n;
	for (size_t k = 0; k < r->n_required; k++)
		if (!seen[k])
			return tool_fail("%s: line 1: column %s (%s) is missing; the columns are %s", r->path, r->expect[k],
					 csv_column_zh(r->expect[k]), csv_columns_text(r->expect, r->n_expect));
	return TOOL_OK;
}

static int row(reader *r)
{
	char *out[MAX_FIELDS], codes[MAX_FIELDS][24];
	char where[600];
	int blank = 1;
	for (size_t i = 0; i < r->n; i++)
		blank &= trim(r->fields[i])[0] == '\0';
	if (blank)
		return TOOL_OK; /* Excel leaves rows of empty cells at the end */
	if (r->n != r->n_cols)
		return tool_fail("%s: line %zu: %zu fields, expected %zu", r->path, r->line, r->n, r->n_cols);
	for (size_t k = 0; k < r->n_expect; k++)
		out[k] = (char *)"";
	snprintf(where, sizeof where, _("%s: line %zu"), r->path, r->line);
	for (size_t i = 0; i < r->n; i++) {
		char *v = trim(r->fields[i]);
		const column *c;
		int k = r->map[i];
		size_t l = strlen(v);
		if (k < 0)
			continue;
		if (l >= 3 && v[0] == '=' && v[1] == '"' && v[l - 1] == '"') {
			/* ="652301000000": Excel's way of keeping a code as text (ecogrid template writes it). */
			v[l - 1] = '\0';
			v += 2;
		}
		c = column_of(r->expect[k]);
		if (c && c->kind == COL_INT) {
			/* A count or a level is a number, not a code: only the full-width digits hint applies. */
			if (csv_check_number(where, r->expect[k], v))
				return TOOL_FAIL;
		} else if (c && (c->kind == COL_CODE || c->kind == COL_CODES)) {
			if (c->kind == COL_CODES) {
				/* Codes separated by spaces (or Chinese/ASCII commas and semicolons): check each. */
				char buf[4096];
				snprintf(buf, sizeof buf, "%s", v);
				for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " "))
					if (csv_check_code(where, r->expect[k], tok))
						return TOOL_FAIL;
			} else if (csv_check_code(where, r->expect[k], v)) {
				return TOOL_FAIL;
			}
		}
		if (value_code(r->expect[k], v) != v) {
			snprintf(codes[k], sizeof codes[k], "%s", value_code(r->expect[k], v));
			out[k] = codes[k];
		} else {
			out[k] = v;
		}
	}
	return r->fn(r->payload, r->line, out, r->n_expect) ? TOOL_FAIL : TOOL_OK;
}

static void on_record(int term, void *r_)
{
	reader *r = r_;
	(void)term;
	r->record++;
	if (!r->failed && r->too_many)
		r->failed = tool_fail("%s: line %zu: more than %d fields", r->path, r->line, MAX_FIELDS);
	if (!r->failed)
		r->failed = r->record == 1 ? header(r) : row(r);
	for (size_t i = 0; i < r->n; i++)
		free(r->fields[i]);
	r->n = 0;
	r->too_many = 0;
	/* Called at the record's closing newline, before it is counted. */
	r->line = r->newlines + 2;
}

/* libcsv's error, in the user's language. */
static const char *parse_error(struct csv_parser *p)
{
	switch (csv_error(p)) {
	case CSV_EPARSE: return _("misplaced quote (a quote inside an unquoted cell, text after a closing quote, or a quote that is never closed)");
	case CSV_ETOOBIG: return _("a cell is too large");
	case CSV_ENOMEM: return _("out of memory");
	default: return _("the CSV text could not be read");
	}
}

const char *csv_columns_text(const char *const *expect, size_t n)
{
	static char buf[1024];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && o < sizeof buf; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s (%s)", i ? ", " : "", expect[i], csv_column_zh(expect[i]));
	return buf;
}

int csv_read_file_ex(const char *path, const char *const *expect, size_t n_expect, size_t n_required, csv_row_fn fn,
		     void *payload)
{
	struct csv_parser p;
	reader r;
	char *text = NULL;
	size_t len = 0, start = 0;
	if (n_expect > MAX_FIELDS)
		return tool_fail("%s: more than %d columns", path, MAX_FIELDS);
	if (text_read_file(&text, &len, path))
		return TOOL_FAIL;
	memset(&r, 0, sizeof r);
	r.path = path;
	r.expect = expect;
	r.n_expect = n_expect;
	r.n_required = n_required;
	r.fn = fn;
	r.payload = payload;
	r.line = 1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		free(text);
		return tool_fail("%s: out of memory", path);
	}
	/* Feed line by line so that records know their starting line. */
	for (size_t i = 0; i < len && !r.failed; i++) {
		if (text[i] == '\n') {
			if (csv_parse(&p, text + start, i + 1 - start, on_field, on_record, &r) != i + 1 - start) {
				r.failed = tool_fail("%s: line %zu: %s", path, r.newlines + 1, parse_error(&p));
				break;
			}
			r.newlines++;
			start = i + 1;
		}
	}
	if (!r.failed && start < len && csv_parse(&p, text + start, len - start, on_field, on_record, &r) != len - start)
		r.failed = tool_fail("%s: line %zu: %s", path, r.newlines + 1, parse_error(&p));
	/* At the end, a failure is a quote never closed: name the line where its record starts, not the line
	 * after the last one. */
	if (!r.failed && csv_fini(&p, on_field, on_record, &r) != 0)
		r.failed = tool_fail("%s: line %zu: %s", path, r.line, parse_error(&p));
	if (!r.failed && r.record == 0)
		r.failed = tool_fail("%s: empty file (no header)", path);
	for (size_t i = 0; i < r.n; i++)
		free(r.fields[i]);
	csv_free(&p);
	free(text);
	return r.failed ? TOOL_FAIL : TOOL_OK;
}

int csv_read_file(const char *path, const char *const *expect, size_t n_expect, csv_row_fn fn, void *payload)
{
	return csv_read_file_ex(path, expect, n_expect, n_expect, fn, payload);
}
