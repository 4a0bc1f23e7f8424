/*
 * ecogrid: the command-line tool for a prefecture's supervision office.
 *
 *   ecogrid [--db FILE] [--lang zh|en] [--encoding E] [--verbose] COMMAND ...
 *
 * The options of the tool may stand anywhere on the line, as --name VALUE
 * or --name=VALUE; `--` ends the options. Messages come from the gettext
 * catalogues (po/) in the language of --lang, else of LANGUAGE, LC_ALL,
 * LC_MESSAGES or LANG, else Chinese. Exit status: 0 success, 1 the command
 * failed (the workspace is unchanged), 2 bad command line.
 *
 * Every command that writes does so in one SQLite transaction: a failure
 * or a kill mid-run leaves the workspace as it was.
 */
#include "help.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef ECOGRID_LOCALEDIR
#define ECOGRID_LOCALEDIR "/usr/local/share/locale"
#endif

/* The language of the environment: LANGUAGE's first zh or en, else the first of LC_ALL, LC_MESSAGES, LANG. */
static int env_lang(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v = getenv("LANGUAGE");
	for (const char *p = v; p && *p; p += strcspn(p, ":"), p += *p == ':') {
		if (!strncmp(p, "zh", 2))
			return EG_LANG_ZH;
		if (!strncmp(p, "en", 2))
			return EG_LANG_EN;
	}
	for (size_t i = 0; i < 3; i++)
		if ((v = getenv(vars[i])) && *v)
			return strncmp(v, "en", 2) == 0 ? EG_LANG_EN : EG_LANG_ZH;
	return EG_LANG_ZH;
}

/*
 * Where the catalogues are: ECOGRID_LOCALEDIR; the build tree when the tool
 * runs from it; share/locale next to the installed tool (so that a moved or
 * DESTDIR installation finds its own); else the configured directory.
 */
static const char *locale_dir(void)
{
	static char dir[PATH_MAX + 64];
	const char *e = getenv("ECOGRID_LOCALEDIR");
	ssize_t n;
	if (e && *e)
		return e;
	n = readlink("/proc/self/exe", dir, PATH_MAX - 1);
	if (n > 0) {
		char *slash;
		dir[n] = '\0';
		if ((slash = strrchr(dir, '/')))
			*slash = '\0';
#ifdef ECOGRID_BUILD_TOOLDIR
		if (strcmp(dir, ECOGRID_BUILD_TOOLDIR) == 0)
			return ECOGRID_BUILD_LOCALEDIR;
#endif
#ifdef ECOGRID_LOCALEDIR_REL
		if (ECOGRID_LOCALEDIR_REL[0]) {
			size_t len = strlen(dir);
			snprintf(dir + len, sizeof dir - len, "/%s", ECOGRID_LOCALEDIR_REL);
			if (access(dir, F_OK) == 0)
				return dir;
		}
#endif
	}
	return ECOGRID_LOCALEDIR;
}

/* Messages of `lang` from now on, whatever the locale of the environment. */
static void use_language(int lang)
{
	const char *m;
	tool_set_lang(lang);
	setenv("LANGUAGE", lang == EG_LANG_EN ? "en" : "zh_CN", 1);
	/* gettext ignores LANGUAGE under the C locale: fall back to C.UTF-8 for messages only
	 * (LC_NUMERIC stays C, so numbers read and print the same everywhere). */
	m = setlocale(LC_MESSAGES, "");
	if (!m || !strcmp(m, "C") || !strcmp(m, "POSIX"))
		if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "en_US.UTF-8"))
			setlocale(LC_MESSAGES, "zh_CN.UTF-8");
	bindtextdomain("ecogrid", locale_dir());
	bind_textdomain_codeset("ecogrid", "UTF-8");
	/* strerror()'s own translations (glibc's "libc" domain) in UTF-8 too, whatever LC_CTYPE says. */
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain("ecogrid");
}

typedef struct global_opt {
	const char *name;
	int takes_value;
} global_opt;

static const global_opt globals[] = { { "--db", 1 }, { "--lang", 1 }, { "--encoding", 1 }, { "--verbose", 0 },
				      { "--help", 0 },  { "-h", 0 },     { "--version", 0 } };

/* The global option that `a` is (--name or --name=value), or NULL. */
static const global_opt *global_of(const char *a, const char **inline_value)
{
	size_t len = strcspn(a, "=");
	*inline_value = a[len] == '=' ? a + len + 1 : NULL;
	for (size_t i = 0; i < sizeof globals / sizeof globals[0]; i++)
		if (strlen(globals[i].name) == len && strncmp(a, globals[i].name, len) == 0)
			return &globals[i];
	return NULL;
}

static int dispatch(tool_ctx *ctx, const char *cmd)
{
	if (!strcmp(cmd, "version")) {
		printf(_("ecogrid %s (library %s)\n"), EG_VERSION_STRING, eg_version());
		return TOOL_OK;
	}
	if (!strcmp(cmd, "init"))
		return cmd_init(ctx);
	if (!strcmp(cmd, "grid"))
		return cmd_grid(ctx);
	if (!strcmp(cmd, "month"))
		return cmd_month(ctx);
	if (!strcmp(cmd, "status"))
		return cmd_status(ctx);
	if (!strcmp(cmd, "report"))
		return cmd_report(ctx);
	if (!strcmp(cmd, "demo"))
		return cmd_demo(ctx);
	if (!strcmp(cmd, "disclose"))
		return cmd_disclose(ctx);
	if (!strcmp(cmd, "ledger"))
		return cmd_ledger(ctx);
	if (!strcmp(cmd, "draw"))
		return cmd_draw(ctx);
	if (!strcmp(cmd, "verify"))
		return cmd_verify(ctx);
	if (!strcmp(cmd, "duty"))
		return cmd_duty(ctx);
	if (!strcmp(cmd, "template"))
		return cmd_template(ctx);
	if (!strcmp(cmd, "config"))
		return cmd_config(ctx);
	if (!strcmp(cmd, "scheme"))
		return cmd_scheme(ctx);
	if (!strcmp(cmd, "completion")) {
		if (ctx->argc != 1 || strcmp(ctx->argv[0], "bash")) {
			tool_fail("completion: only `ecogrid completion bash` is known");
			return TOOL_USAGE;
		}
		completion_print(stdout);
		return fflush(stdout) == 0 ? TOOL_OK : TOOL_FAIL;
	}
	return TOOL_USAGE; /* not reached: main() checked the name */
}

int main(int argc, char **argv)
{
	tool_ctx ctx = { "ecogrid.db", EG_LANG_ZH, 0, NULL, 0, NULL };
	const char *lang = NULL, *encoding = NULL, *names[64];
	/* The command's words; --name=value may become two. Static, so that it (and the
	 * words split off) stays reachable until exit. */
	static char **rest;
	int n = 0, help = 0, version = 0, ended = 0, rc;
	size_t n_names = cmd_names(names, 64);
	rest = calloc((size_t)argc * 2 + 1, sizeof *rest);
	if (!rest)
		return TOOL_FAIL;
	/* Messages in the language of --lang from the first error on: find it first. */
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			lang = argv[i + 1];
		else if (!strncmp(argv[i], "--lang=", 7))
			lang = argv[i] + 7;
	}
	use_language(lang && !strcmp(lang, "en") ? EG_LANG_EN : lang && !strcmp(lang, "zh") ? EG_LANG_ZH : env_lang());
	lang = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val;
		const global_opt *g = ended || a[0] != '-' ? NULL : global_of(a, &val);
		if (ended || a[0] != '-' || (!g && n > 0)) {
			/* An argument, or an option of the command: pass it on (split --name=value in two). */
			const char *eq = strchr(a, '=');
			if (!ended && !strcmp(a, "--"))
				ended = 1;
			if (!ended && a[0] == '-' && a[1] == '-' && eq && n > 0) {
				rest[n++] = strndup(a, (size_t)(eq - a));
				rest[n++] = strdup(eq + 1);
				if (!rest[n - 1] || !rest[n - 2])
					return tool_fail("out of memory");
			} else {
				rest[n++] = argv[i];
			}
			continue;
		}
		if (!g) {
			char word[64];
			const char *gnames[8];
			for (size_t k = 0; k < sizeof globals / sizeof globals[0]; k++)
				gnames[k] = globals[k].name;
			snprintf(word, sizeof word, "%.*s", (int)strcspn(a, "="), a);
			return tool_unknown(TOOL_UNKNOWN_OPTION, NULL, word, gnames, sizeof globals / sizeof globals[0]);
		}
		if (g->takes_value && !val) {
			if (i + 1 >= argc) {
				tool_fail("option %s needs a value (see `ecogrid help`)", g->name);
				return TOOL_USAGE;
			}
			val = argv[++i];
		} else if (!g->takes_value && val) {
			tool_fail("option %s takes no value (see `ecogrid help`)", g->name);
			return TOOL_USAGE;
		}
		if (!strcmp(g->name, "--db"))
			ctx.db_path = val;
		else if (!strcmp(g->name, "--lang"))
			lang = val;
		else if (!strcmp(g->name, "--encoding"))
			encoding = val;
		else if (!strcmp(g->name, "--verbose"))
			ctx.verbose = 1;
		else if (!strcmp(g->name, "--version"))
			version = 1;
		else
			help = 1;
	}
	if (lang) {
		if (!strcmp(lang, "en"))
			ctx.lang = EG_LANG_EN;
		else if (!strcmp(lang, "zh"))
			ctx.lang = EG_LANG_ZH;
		else {
			tool_fail("--lang must be zh or en, not %s", lang);
			return TOOL_USAGE;
		}
	} else {
		ctx.lang = env_lang();
	}
	use_language(ctx.lang);
	tool_set_verbose(ctx.verbose);
	if (csv_set_encoding(encoding))
		return TOOL_USAGE;
	ctx.encoding = encoding;
	if (version) {
		printf("ecogrid %s\n", eg_version());
		return TOOL_OK;
	}
	if (n > 0 && !strcmp(rest[0], "help")) {
		/* `ecogrid help CMD [SUB]` is `ecogrid CMD [SUB] --help`. */
		help = 1;
		memmove(rest, rest + 1, (size_t)n * sizeof *rest);
		n--;
	}
	if (n == 0 || !strcmp(rest[0], "--")) {
		help_print(help ? stdout : stderr, NULL, NULL);
		return help ? TOOL_OK : TOOL_USAGE;
	}
	if (!cmd_doc_find(rest[0], NULL) && !cmd_has_subs(rest[0]))
		return tool_unknown(TOOL_UNKNOWN_COMMAND, NULL, rest[0], names, n_names);
	if (cmd_has_subs(rest[0])) {
		const char *subs[16];
		size_t ns = cmd_subs(subs, 16, rest[0]);
		if (n < 2 || rest[1][0] == '-') {
			if (help) {
				help_print(stdout, rest[0], NULL);
				return TOOL_OK;
			}
			tool_fail("%s: which subcommand? (see `ecogrid help %s`)", rest[0], rest[0]);
			help_print(stderr, rest[0], NULL);
			return TOOL_USAGE;
		}
		if (!cmd_doc_find(rest[0], rest[1]))
			return tool_unknown(TOOL_UNKNOWN_SUBCOMMAND, rest[0], rest[1], subs, ns);
	}
	if (help) {
		help_print(stdout, rest[0], cmd_has_subs(rest[0]) ? rest[1] : NULL);
		return TOOL_OK;
	}
	ctx.argc = n - 1;
	ctx.argv = rest + 1;
	rc = dispatch(&ctx, rest[0]);
	return rc;
}
