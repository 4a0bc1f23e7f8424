/* The command table of help.c: help texts, examples, options, completion. */
#ifndef ECOGRID_TOOL_HELP_H
#define ECOGRID_TOOL_HELP_H

#include "tool.h"

typedef struct cmd_doc {
	const char *name;     /* "grid" */
	const char *sub;      /* "import", or NULL for a command without subcommands */
	const char *synopsis; /* message ID: the line after "ecogrid " */
	const char *text;     /* message ID: what it does */
	const char *example;  /* message ID: a command line */
	const char *options;  /* its options, space-separated; "=" after one that takes a value */
} cmd_doc;

extern const cmd_doc cmd_docs[];
extern const size_t cmd_docs_count;
extern const char *const global_options[];
extern const size_t global_options_count;

/* The entry of a command (and subcommand), or NULL. */
const cmd_doc *cmd_doc_find(const char *name, const char *sub);
/* 1 when the command has subcommands. */
int cmd_has_subs(const char *name);
/* The command names (in table order), and a command's subcommands. */
size_t cmd_names(const char **out, size_t max);
size_t cmd_subs(const char **out, size_t max, const char *name);
/* `ecogrid help [CMD [SUB]]`. */
void help_print(FILE *f, const char *name, const char *sub);
/* `ecogrid completion bash`. */
void completion_print(FILE *f);

#endif
