/*
 * Output helpers shared by the commands: CSV cells through libcsv, HTML
 * escaping and the frame of a self-contained HTML page (no external
 * assets, no JavaScript), and opening the --output file.
 */
#include "tool.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

/* A plain decimal number ("12", "-3.5", "+0.25"): a spreadsheet reads it as a number, not a formula. */
static int plain_number(const char *s)
{
	size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0, digits = 0;
	for (; s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (s[i] == '.')
		for (i++; s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	return digits > 0 && s[i] == '\0';
}

/*
 * CSV injection (OWASP, "CSV Injection"): a spreadsheet opened from a CSV
 * export runs a cell that begins with = + - @ (or TAB / CR, which some
 * programs skip before looking) as a formula, e.g. =HYPERLINK(...) or a
 * DDE call. Such a cell is written with a leading apostrophe, which makes
 * the spreadsheet take it as text and which a reader sees. Plain numbers
 * ("-3.5", an improvement rate) are left as they are: they are not formulas.
 */
void out_csv_cell(FILE *f, const char *s, int last)
{
	if (!s)
		s = "";
	if (s[0] && strchr("=+-@\t\r", s[0]) && !plain_number(s)) {
		/* Quoted like csv_fwrite() writes every cell, the apostrophe first. */
		fputs("\"'", f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		csv_fwrite(f, s, strlen(s));
	}
	fputs(last ? "\r\n" : ",", f);
}

void out_html_escape(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

void out_html_begin(FILE *f, const char *title, int lang)
{
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>",
		lang == EG_LANG_EN ? "en" : "zh-CN");
	out_html_escape(f, title);
	fputs("</title><style>body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
	      "td,th{border:1px solid #999;padding:4px 10px;text-align:left;vertical-align:top}th{background:#eee}"
	      ".fail{color:#b00;font-weight:bold}.act{margin:0.2em 0 0.2em 1em}.note{color:#555;font-size:90%}"
	      "</style></head><body>\n<h1>", f);
	out_html_escape(f, title);
	fputs("</h1>\n", f);
}

void out_html_end(FILE *f)
{
	fputs("</body></html>\n", f);
}

int out_open(FILE **f, const char *path)
{
	if (!path) {
		*f = stdout;
		return TOOL_OK;
	}
	if (!(*f = fopen(path, "wb")))
		return tool_fail("cannot write %s: %s", path, strerror(errno));
	return TOOL_OK;
}

int out_close(FILE *f, const char *path)
{
	if (f == stdout)
		return fflush(f) == 0 ? TOOL_OK : tool_fail("cannot write to standard output");
	if (fclose(f) != 0)
		return tool_fail("cannot write %s: %s", path, strerror(errno));
	return TOOL_OK;
}

int out_format_ok(const char *format, const char *const *allowed, size_t n, const char *cmd)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(format, allowed[i]) == 0)
			return TOOL_OK;
	fprintf(stderr, "ecogrid: %s: --format must be ", cmd);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s%s", i ? (i + 1 == n ? " or " : ", ") : "", allowed[i]);
	fprintf(stderr, ", not %s\n", format);
	return TOOL_FAIL;
}

int args_parse(const tool_ctx *ctx, int start, const tool_opt *opts, size_t n_opts, const char **pos,
	       size_t max_pos, size_t *n_pos, const char *cmd)
{
	*n_pos = 0;
	for (int i = start; i < ctx->argc; i++) {
		const char *a = ctx->argv[i];
		size_t k;
		if (a[0] == '-' && a[1] == '-') {
			for (k = 0; k < n_opts; k++)
				if (strcmp(a, opts[k].name) == 0)
					break;
			if (k == n_opts)
				return tool_fail("%s: unknown option %s (see `ecogrid %s --help`)", cmd, a, cmd);
			if (opts[k].is_flag) {
				*opts[k].value = "1";
			} else {
				if (i + 1 >= ctx->argc)
					return tool_fail("%s: %s needs a value", cmd, a);
				*opts[k].value = ctx->argv[++i];
			}
		} else {
			if (*n_pos == max_pos)
				return tool_fail("%s: unexpected argument %s (see `ecogrid %s --help`)", cmd, a, cmd);
			pos[(*n_pos)++] = a;
		}
	}
	return TOOL_OK;
}

int wants_help(const tool_ctx *ctx, const char *zh, const char *en)
{
	for (int i = 0; i < ctx->argc; i++)
		if (strcmp(ctx->argv[i], "--help") == 0 || strcmp(ctx->argv[i], "-h") == 0) {
			fputs(TR(ctx, zh, en), stdout);
			return 1;
		}
	return 0;
}
