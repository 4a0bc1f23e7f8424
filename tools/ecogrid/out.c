/*
 * Output helpers shared by the commands: CSV cells through libcsv (formula
 * cells neutralised), HTML escaping and the frame of a self-contained HTML
 * page (no external assets, no JavaScript), and safe --output files.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "tool.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

void out_csv_cells(FILE *f, const char *const *cells, size_t n, int last)
{
	for (size_t k = 0; k < n; k++)
		out_csv_cell(f, cells[k], last && k + 1 == n);
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

/*
 * The page's head: one style sheet for screens (a phone's narrow screen
 * too: tables scroll sideways in their own box rather than the page) and
 * for print (A4, the page number and count at the foot of every page,
 * no row cut across two pages).
 */
void out_html_head(FILE *f, const char *title, int lang)
{
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>",
		lang == EG_LANG_EN ? "en" : "zh-CN");
	out_html_escape(f, title);
	fputs("</title><style>body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222;line-height:1.5}"
	      "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 10px;text-align:left;vertical-align:top}th{background:#eee;white-space:nowrap}.n{white-space:nowrap}"
	      ".fail{color:#b00;font-weight:bold}.act{margin:0.2em 0 0.2em 1em}.note{color:#555;font-size:90%}"
	      ".scroll{overflow-x:auto}.doc{text-align:center}.office{font-size:150%;color:#b00;letter-spacing:0.1em;margin:0}"
	      ".docno{margin:0.3em 0 0.8em}hr.red{border:0;border-top:2px solid #b00}.sign{text-align:right;margin-top:2em}"
	      ".cite{color:#555}ul.why{margin:0;padding-left:1.2em}svg{max-width:100%;height:auto}.appendix{page-break-before:always}"
	      "@media (max-width:600px){body{margin:0.8em auto;padding:0 0.5em;font-size:15px}td,th{padding:3px 5px}.office{font-size:130%}"
	      "table{display:block;overflow-x:auto;max-width:100%}"
	      /* The chart shrinks to the phone's width: its labels keep a readable size (about 10 px at 360 px). */
	      "figure{margin:1em 0}svg text{font-size:18px}}"
	      "@page{size:A4;margin:20mm 16mm 22mm;@bottom-center{content:counter(page) \" / \" counter(pages);font-size:10pt}}"
	      "@media print{body{margin:0;max-width:none;padding:0;font-size:11pt}.scroll{overflow:visible}tr,li,p{page-break-inside:avoid}"
	      "h2{page-break-after:avoid}th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}}"
	      "</style></head><body>\n", f);
}

void out_html_begin(FILE *f, const char *title, int lang)
{
	out_html_head(f, title, lang);
	fputs("<h1>", f);
	out_html_escape(f, title);
	fputs("</h1>\n", f);
}

void out_html_end(FILE *f)
{
	fputs("</body></html>\n", f);
}

/*
 * Safe outputs. --output FILE is written to a temporary file in the same
 * directory and renamed over FILE only when every byte is written and
 * synced, so a full disk or a kill leaves the old FILE as it was. FILE is
 * never the workspace, and an existing FILE is replaced only when it is an
 * unchanged earlier output of this workspace (output_file records the path
 * and SHA-256 of every file written) or with --force.
 */

/* The absolute path of `path` (its directory resolved; the file may not exist), malloc'd. */
static char *abs_path(const char *path)
{
	char *copy = strdup(path), *slash, *dir, *out = NULL;
	const char *base;
	if (!copy)
		return NULL;
	slash = strrchr(copy, '/');
	if (slash) {
		*slash = '\0';
		base = slash + 1;
		dir = realpath(slash == copy ? "/" : copy, NULL);
	} else {
		base = copy;
		dir = realpath(".", NULL);
	}
	if (dir && *base && (out = malloc(strlen(dir) + strlen(base) + 2)))
		sprintf(out, "%s/%s", strcmp(dir, "/") ? dir : "", base);
	free(dir);
	free(copy);
	return out;
}

/* SHA-256 of a file's bytes (hex), or -1 when it cannot be read. */
static int file_hash(char *hex, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, got;
	int rc = -1;
	if (!f)
		return -1;
	for (;;) {
		if (len + 65536 > cap) {
			char *t = realloc(buf, cap = 2 * (len + 65536));
			if (!t)
				goto done;
			buf = t;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (!ferror(f) && eg_draw_sha256_hex(hex, buf ? buf : "", len) == EG_OK)
		rc = 0;
done:
	free(buf);
	fclose(f);
	return rc;
}

/* Whether `abs` may be replaced: absent, or an unchanged output recorded in the workspace, or --force. */
static int may_replace(out_target *o, sqlite3 *db)
{
	struct stat st, ws;
	sqlite3_stmt *q;
	char hex[65];
	int known = 0;
	if (stat(o->abs, &st) != 0)
		return errno == ENOENT ? TOOL_OK : tool_fail("cannot write %s: %s", o->path, strerror(errno));
	if (stat(o->db_path, &ws) == 0 && st.st_dev == ws.st_dev && st.st_ino == ws.st_ino)
		return tool_fail("%s: --output %s is the workspace itself; it is never overwritten", o->command, o->path);
	if (!S_ISREG(st.st_mode))
		return tool_fail("%s: --output %s is not a regular file", o->command, o->path);
	if (o->force)
		return TOOL_OK;
	if (db && file_hash(hex, o->abs) == 0 &&
	    sqlite3_prepare_v2(db, "SELECT 1 FROM output_file WHERE path = ? AND sha256 = ?", -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, o->abs, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, hex, -1, SQLITE_STATIC);
		known = sqlite3_step(q) == SQLITE_ROW;
		sqlite3_finalize(q);
	}
	return known ? TOOL_OK
		     : tool_fail("%s: %s exists and is not an unchanged earlier output of ecogrid (of this workspace); "
				 "give --force to replace it", o->command, o->path);
}

int out_open(out_target *o, const tool_ctx *ctx, const char *path, int force, const char *command)
{
	sqlite3 *db = NULL;
	int fd, rc;
	memset(o, 0, sizeof *o);
	o->command = command;
	if (!path) {
		o->f = stdout;
		return TOOL_OK;
	}
	o->path = path;
	o->force = force;
	o->db_path = ctx->db_path;
	if (!(o->abs = abs_path(path)))
		return tool_fail("cannot write %s: %s", path, errno ? strerror(errno) : "not a file name");
	/* Checked here so that nothing is computed for a refused target, and again at the rename. */
	if (sqlite3_open_v2(o->db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		db = NULL;
	}
	rc = may_replace(o, db);
	sqlite3_close(db);
	if (rc) {
		free(o->abs);
		o->abs = NULL;
		return rc;
	}
	if (!(o->tmp = malloc(strlen(o->abs) + 16))) {
		free(o->abs);
		return tool_fail("out of memory");
	}
	sprintf(o->tmp, "%s.ecogrid-XXXXXX", o->abs);
	if ((fd = mkstemp(o->tmp)) < 0 || !(o->f = fdopen(fd, "wb"))) {
		rc = tool_fail("cannot write %s: %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		free(o->abs);
		memset(o, 0, sizeof *o);
		return rc;
	}
	return TOOL_OK;
}

void out_abort(out_target *o)
{
	if (o->f && o->f != stdout) {
		fclose(o->f);
		unlink(o->tmp);
	}
	free(o->tmp);
	free(o->abs);
	memset(o, 0, sizeof *o);
}

int out_close(out_target *o)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	char hex[65], at[32];
	int rc = TOOL_OK, err;
	if (o->f == stdout) {
		o->f = NULL;
		return fflush(stdout) == 0 ? TOOL_OK : tool_fail("cannot write to standard output");
	}
	if (!o->f)
		return TOOL_FAIL;
	/* Every byte written and on disk before the old file is replaced. */
	err = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
	if (err)
		rc = tool_fail("cannot write %s: %s; %s is unchanged", o->path, strerror(errno), o->path);
	if (fclose(o->f) != 0 && !rc)
		rc = tool_fail("cannot write %s: %s; %s is unchanged", o->path, strerror(errno), o->path);
	o->f = NULL;
	if (!rc && file_hash(hex, o->tmp) != 0)
		rc = tool_fail("cannot read back %s", o->tmp);
	/* Check again, rename and record in one workspace transaction. */
	if (!rc && ws_open(&db, o->db_path, 1) == TOOL_OK) {
		if (!(rc = ws_begin(db)) && !(rc = may_replace(o, db))) {
			if (rename(o->tmp, o->abs) != 0)
				rc = tool_fail("cannot write %s: %s", o->path, strerror(errno));
			ws_now(at, sizeof at);
			if (!rc && sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO output_file(path, sha256, at, command) VALUES(?,?,?,?)",
						      -1, &st, NULL) == SQLITE_OK) {
				sqlite3_bind_text(st, 1, o->abs, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 2, hex, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 3, at, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 4, o->command, -1, SQLITE_STATIC);
				if (sqlite3_step(st) != SQLITE_DONE)
					tool_fail("%s written, but not recorded as an ecogrid output: %s", o->path, sqlite3_errmsg(db));
				sqlite3_finalize(st);
			}
		}
		if (!rc)
			ws_commit(db);
		else
			ws_rollback(db);
		ws_close(db);
	} else if (!rc) {
		rc = TOOL_FAIL;
	}
	if (rc)
		unlink(o->tmp);
	free(o->tmp);
	free(o->abs);
	memset(o, 0, sizeof *o);
	return rc;
}

int out_format_ok(const char *format, const char *const *allowed, size_t n, const char *cmd)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(format, allowed[i]) == 0)
			return TOOL_OK;
	{
		/* "text, json or csv" in the user's language ("text、json 或 csv"). */
		char list[256];
		size_t o = 0;
		list[0] = '\0';
		for (size_t i = 0; i < n && o < sizeof list; i++)
			o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? (i + 1 == n ? _(" or ") : _(", ")) : "",
					      allowed[i]);
		return tool_fail("%s: --format must be %s, not %s", cmd, list, format);
	}
}
