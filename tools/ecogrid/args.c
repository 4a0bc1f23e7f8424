/*
 * Command-line conventions shared by the commands: getopt_long parsing
 * (--name VALUE, --name=VALUE, options anywhere, `--` ends the options),
 * "did you mean" for a mistyped word, and --help.
 */
#include "tool.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Edit distance (bytes) between a and b, capped at 99. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[64];
	if (la > 62 || lb > 62)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j], best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

const char *tool_suggest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = 99, len = strlen(word);
	for (size_t i = 0; i < n; i++) {
		size_t d;
		if (!candidates[i])
			continue;
		d = distance(word, candidates[i]);
		/* A prefix of a candidate ("--form" for "--format") is close too. */
		if (len >= 3 && strncmp(candidates[i], word, len) == 0 && d > 1)
			d = 1;
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	/* Close enough: one edit for short words, a third of the word for longer ones. */
	return best && best_d <= (len < 6 ? 1 : len / 3) ? best : NULL;
}

int tool_unknown(int kind, const char *cmd, const char *word, const char *const *candidates, size_t n)
{
	const char *s = tool_suggest(word, candidates, n);
	char help[96];
	snprintf(help, sizeof help, cmd ? "ecogrid help %s" : "ecogrid help", cmd);
	if (!cmd && kind == TOOL_UNKNOWN_OPTION && s)
		tool_fail("unknown option %s; did you mean %s? (see `%s`)", word, s, help);
	else if (!cmd && kind == TOOL_UNKNOWN_OPTION)
		tool_fail("unknown option %s (see `%s`)", word, help);
	else if (kind == TOOL_UNKNOWN_OPTION && s)
		tool_fail("%s: unknown option %s; did you mean %s? (see `%s`)", cmd, word, s, help);
	else if (kind == TOOL_UNKNOWN_OPTION)
		tool_fail("%s: unknown option %s (see `%s`)", cmd, word, help);
	else if (kind == TOOL_UNKNOWN_COMMAND && s)
		tool_fail("unknown command \"%s\"; did you mean \"%s\"? (see `%s`)", word, s, help);
	else if (kind == TOOL_UNKNOWN_COMMAND)
		tool_fail("unknown command \"%s\" (see `%s`)", word, help);
	else if (kind == TOOL_UNKNOWN_SETTING && s)
		tool_fail("%s: unknown setting \"%s\"; did you mean \"%s\"? (see `%s`)", cmd, word, s, help);
	else if (kind == TOOL_UNKNOWN_SETTING)
		tool_fail("%s: unknown setting \"%s\" (see `%s`)", cmd, word, help);
	else if (s)
		tool_fail("%s: unknown subcommand \"%s\"; did you mean \"%s\"? (see `%s`)", cmd, word, s, help);
	else
		tool_fail("%s: unknown subcommand \"%s\" (see `%s`)", cmd, word, help);
	return TOOL_USAGE;
}

int args_parse(const tool_ctx *ctx, int start, const tool_opt *opts, size_t n_opts, const char **pos,
	       size_t max_pos, size_t *n_pos, const char *cmd)
{
	struct option lo[32];
	const char *names[32];
	char **av;
	char help[96], prog[64];
	int ac = 0, c, rc = TOOL_OK;
	*n_pos = 0;
	if (n_opts > 31)
		return tool_fail("%s: too many options", cmd);
	snprintf(help, sizeof help, "ecogrid help %s", cmd);
	for (size_t k = 0; k < n_opts; k++) {
		lo[k].name = opts[k].name + 2; /* "--format" -> "format" */
		lo[k].has_arg = opts[k].is_flag ? no_argument : required_argument;
		lo[k].flag = NULL;
		lo[k].val = 256 + (int)k;
		names[k] = opts[k].name;
	}
	memset(&lo[n_opts], 0, sizeof lo[n_opts]);
	if (start > ctx->argc)
		start = ctx->argc;
	if (!(av = calloc((size_t)(ctx->argc - start) + 2, sizeof *av)))
		return tool_fail("out of memory");
	snprintf(prog, sizeof prog, "%s", cmd);
	av[ac++] = prog;
	for (int i = start; i < ctx->argc; i++)
		av[ac++] = ctx->argv[i];
	optind = 0; /* GNU: full reset, also of the permutation state */
	opterr = 0;
	/* "-": arguments come back in order (code 1); ":": a missing value is ':'. */
	while (rc == TOOL_OK && (c = getopt_long(ac, av, "-:", lo, NULL)) != -1) {
		if (c == 1) {
			if (*n_pos == max_pos)
				rc = tool_fail("%s: unexpected argument \"%s\" (see `%s`)", cmd, optarg, help);
			else
				pos[(*n_pos)++] = optarg;
		} else if (c >= 256 && c < 256 + (int)n_opts) {
			*opts[c - 256].value = opts[c - 256].is_flag ? "1" : optarg;
		} else if (c == ':') {
			rc = tool_fail("%s: option %s needs a value (see `%s`)", cmd, av[optind - 1], help);
		} else {
			char word[64];
			const char *a = av[optind - 1];
			snprintf(word, sizeof word, "%.*s", (int)strcspn(a, "="), a);
			rc = tool_unknown(TOOL_UNKNOWN_OPTION, cmd, word, names, n_opts);
		}
	}
	/* After `--`, everything is an argument. */
	for (; rc == TOOL_OK && optind < ac; optind++) {
		if (*n_pos == max_pos)
			rc = tool_fail("%s: unexpected argument \"%s\" (see `%s`)", cmd, av[optind], help);
		else
			pos[(*n_pos)++] = av[optind];
	}
	free(av);
	return rc ? TOOL_USAGE : TOOL_OK;
}

int wants_help(const tool_ctx *ctx, const char *zh, const char *en)
{
	for (int i = 0; i < ctx->argc; i++) {
		if (strcmp(ctx->argv[i], "--") == 0)
			break;
		if (strcmp(ctx->argv[i], "--help") == 0 || strcmp(ctx->argv[i], "-h") == 0) {
			fputs(ctx->lang == EG_LANG_EN ? en : zh, stdout);
			return 1;
		}
	}
	return 0;
}
