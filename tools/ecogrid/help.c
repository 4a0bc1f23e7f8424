/*
 * The command table: every command and subcommand with its synopsis, what
 * it does, its options and an example, in the catalogues. `ecogrid help`,
 * `ecogrid help CMD [SUB]`, `ecogrid CMD [SUB] --help`, "did you mean" and
 * the bash completion (`ecogrid completion bash`) are all made from it, so
 * they cannot disagree. The man page (ecogrid.1.scd) is checked against it
 * by tests/tool/test_cli.py.
 */
#include "help.h"

#include <string.h>

/* Option lists: names, and "=" after one that takes a value. */
#define FMT3 "--format= --output= --force"
const cmd_doc cmd_docs[] = {
	{ "init", NULL, N_("init [--scheme FILE|NAME]"),
	  N_("Create the workspace (default ./ecogrid.db, or --db FILE), or bring an existing one to the current "
	     "schema. Every other command needs one. --scheme sets the workspace's scheme, the rules its monthly "
	     "cycle runs: a scheme document (docs/schemes.md) or a shipped scheme's name (changji-2023, "
	     "jiangmen-2021, dongguan-2019, mee-2020, yulin-2019); a new workspace without it gets changji-2023. "
	     "After a change of scheme, the months already run are stale."),
	  N_("ecogrid --db xiwan.db init --scheme xiwan-2024.json"), "--scheme=" },
	{ "grid", "import", N_("grid import FILE.csv [--root ID] [--root-level N]"),
	  N_("Replace the grid with the divisions of FILE.csv: columns code (代码), parent_code (上级代码), level "
	     "(级别, 0-4), name (名称) and optionally kind (类型: admin/行政, park/园区, key_grid/重点网格, other/其他). "
	     "--root keeps only that node and what lies under it; --root-level gives its level."),
	  N_("ecogrid grid import changji.csv"), "--root= --root-level=" },
	{ "grid", "staff", N_("grid staff FILE.csv"),
	  N_("Replace the staff roster: columns node (网格代码), role (角色), person (姓名), detail (说明), covers "
	     "(分管网格). role is head (网格长; two per node, CJ-G.3), subhead (分网格长; detail deputy_division/副处级, "
	     "deputy_section/副科级 or other/其他; covers the node codes, separated by spaces, CJ-G.4/CJ-G.5) or "
	     "supervisor (网格监督员; detail full_time/专职 or part_time/兼职, CJ-G.6/CJ-G.7). `ecogrid template roster` "
	     "writes an empty roster."),
	  N_("ecogrid grid staff roster.csv"), "" },
	{ "grid", "check", N_("grid check [--format text|json|csv]"),
	  N_("Check the staffing of every grid (CJ-G.3 to CJ-G.7) and assessment item 2 of each level-2 unit "
	     "(CJ-A2-5.2)."),
	  N_("ecogrid grid check --format csv > findings.csv"), "--format=" },
	{ "grid", "show", N_("grid show [ID]"), N_("Counts per level, or one node and its children."),
	  N_("ecogrid grid show 652301000000"), "" },
	{ "month", "import", N_("month import YYYY-MM FILE.csv|FILE.json"),
	  N_("Import a month's inputs: one CSV row per level-2 unit (`ecogrid template month` writes the file with "
	     "the units of the workspace and the columns explained), or the JSON document of "
	     "docs/schema/month-input.schema.json. Replaces that month's inputs."),
	  N_("ecogrid month import 2026-10 2026-10.csv"), "" },
	{ "month", "run", N_("month run YYYY-MM [--allow-missing] | month run --from YYYY-MM [--allow-missing]"),
	  N_("Score the month (CJ-A2), step the escalation ladders (CJ-A2-7.3, CJ-A2-7.1, CJ-A3-4) from the states "
	     "stored for the month before and rank air quality (CJ-A3). Refused when a unit lacks inputs or an earlier "
	     "month is missing, unless --allow-missing (the bulletin then says per unit what was missing). --from runs "
	     "that month and every later one again."),
	  N_("ecogrid month run 2026-10"), "--from= --allow-missing" },
	{ "month", "drop", N_("month drop YYYY-MM"),
	  N_("Remove a month's inputs, results and ladder states (one transaction, logged)."),
	  N_("ecogrid month drop 2026-10"), "" },
	{ "status", NULL, N_("status [--format text|json]"),
	  N_("Every month of the workspace: imported, run, stale and why, and the units with missing inputs."),
	  N_("ecogrid status"), "--format=" },
	{ "report", NULL,
	  N_("report YYYY-MM|YYYY-H1|YYYY-H2|YYYY [--format text|json|csv|html|pdf] [--output FILE] [--force] [--bom] [--stale-ok]"),
	  N_("The bulletin of a month (scores, grades, deductions with their reasons, escalations, the air ranking). "
	     "For a year, what the workspace's scheme has: the annual result (CJ-A2-7.2: the months that count, the mean, "
	     "the grade and what follows a failing year), or, like for a half-year (H1 January to June, H2 July to "
	     "December), the totals of the double assessment (JM-2.2.1, JM-2.2: per unit the deductions of the months' "
	     "inputs by item, with the regulation's words and the rule ID, the months counted and those missing); "
	     "text, json or csv. The issuing office, document number and date come from `ecogrid config`. html is a page a "
	     "website can publish; pdf prints it with headless Chromium; csv has Chinese (--lang en: English) "
	     "headers and values with the codes in their own columns, and --bom for Excel. A month whose results are stale "
	     "(an input changed after the run) is refused unless --stale-ok; an existing output file is replaced only "
	     "with --force."),
	  N_("ecogrid report 2026-10 --format html --output bulletin-2026-10.html"), "--format= --output= --force --bom --stale-ok" },
	{ "disclose", "import", N_("disclose import FILE.csv"),
	  N_("Import versions of double-disclosure records (JM-2.1, JM-2.1.1): columns id, time, actor, reason, "
	     "name, district, category, target, progress, quarter. Each row is a new version of one record; an empty "
	     "cell leaves the field as it was."),
	  N_("ecogrid disclose import disclosure.csv"), "" },
	{ "disclose", "status", N_("disclose status YYYYQn [--scheme FILE|NAME] [--format text|json|csv] [--output FILE]"),
	  N_("Whether each record's quarterly update came by the deadline of the workspace's scheme (its "
	     "district_update deadline; jiangmen-2021: the 3rd of the next month, JM-2.1.2), and the "
	     "double-assessment deductions per district (JM-2.2 (2)) with the scheme's rule set in force. --scheme "
	     "applies another scheme's deadline and rule set instead."),
	  N_("ecogrid disclose status 2026Q3"), "--scheme= " FMT3 },
	{ "disclose", "list", N_("disclose list [--as-of \"YYYY-MM-DD HH:MM\"] [--format text|json|csv|html] [--output FILE]"),
	  N_("The publishable double-disclosure list, as of a time (CST) or its latest versions."),
	  N_("ecogrid disclose list --format html --output list.html"), "--as-of= " FMT3 },
	{ "ledger", "import", N_("ledger import FILE.csv"),
	  N_("Import rectification ledger events (YL-2, YL-5.5): columns id, time, actor, action, lead_unit, "
	     "target, deadline, reason; action is open (登记), extend (延期) or a close-out step: rectifying (整改中), "
	     "verified (已验收), applied (申请销号), reviewed (已审核), closed (销号)."),
	  N_("ecogrid ledger import ledger.csv"), "" },
	{ "ledger", "status", N_("ledger status YYYY-MM-DD [--format text|json|csv|html] [--output FILE]"),
	  N_("State and overdue of every problem on a date, and the progress per lead unit (YL-5.3)."),
	  N_("ecogrid ledger status 2026-10-31"), FMT3 },
	{ "draw", "run",
	  N_("draw run ID --seed SEED --frame FRAME.csv --quotas QUOTAS.csv [--inspectors FILE --conflicts FILE "
	     "--per-object N] [--format text|json]"),
	  N_("Draw inspection objects per stratum from a published seed (double random, algorithm 1) and pair N "
	     "inspectors with each, skipping conflicts of interest (回避). FRAME.csv: stratum,id; QUOTAS.csv: "
	     "stratum,quota (a number, or DG-8-city / DG-8-town); INSPECTORS.csv: inspector; CONFLICTS.csv: "
	     "inspector,object, naming only this draw's inspectors and frame objects (others are refused: a misspelt "
	     "name would leave a conflict unapplied, CJ-A1-11). The record is kept and never replaced."),
	  N_("ecogrid draw run 2026Q4 --seed 20261001 --frame frame.csv --quotas quotas.csv"),
	  "--seed= --frame= --quotas= --inspectors= --conflicts= --per-object= --format= --output= --force" },
	{ "draw", "show", N_("draw show ID [--format text|json]"), N_("A kept draw record."),
	  N_("ecogrid draw show 2026Q4 --format json > 2026Q4.json"), "--format= --output= --force" },
	{ "draw", "list", N_("draw list"), N_("The kept draw records."), N_("ecogrid draw list"), "--output= --force" },
	{ "draw", "verify", N_("draw verify RECORD.json --frame FRAME.csv [--inspectors FILE --conflicts FILE]"),
	  N_("Recompute a published draw from its seed and the frame and compare (no workspace needed)."),
	  N_("ecogrid draw verify 2026Q4.json --frame frame.csv"), "--frame= --inspectors= --conflicts=" },
	{ "duty", "import", N_("duty import FILE.csv [--preset NAME]"),
	  N_("Import duty records of the office's calendar: columns type, kind, actor, time, end, period, id, ref, "
	     "subject, tags, covers, rule, reason, approver; things done, events, exceptions (R0.8), conflicts, group "
	     "members, holidays and adjusted working days. NAME: changji-2023, dongguan-2019, jiangmen-2021, mee-2020, "
	     "yulin-2019, or a duty or rule ID."),
	  N_("ecogrid duty import duties.csv"), "--preset=" },
	{ "duty", "status", N_("duty status DATE [--preset NAME] [--from DATE] [--findings] [--format text|json|csv] [--output FILE]"),
	  N_("Per duty, actor and period: what is required, what was counted and its state (section 9, R0.5-R0.11); "
	     "from the first of the month by default. The duties: --preset here, else the preset chosen at import, "
	     "else the duties of the workspace's scheme."),
	  N_("ecogrid duty status 2026-10-31 --preset changji-2023"), "--preset= --from= --findings --format= --output= --force" },
	{ "verify", NULL, N_("verify RECORD.json --frame FRAME.csv [--inspectors FILE --conflicts FILE]"),
	  N_("The same as `draw verify`."), N_("ecogrid verify 2026Q4.json --frame frame.csv"),
	  "--frame= --inspectors= --conflicts=" },
	{ "template", NULL, N_("template month|roster|grid|disclosure|ledger|frame|quotas|inspectors|conflicts [--output FILE] [--force]"),
	  N_("Write an empty CSV file for a clerk to fill in: UTF-8 with a BOM (Excel opens it as it is), Chinese "
	     "headers (--lang en: English). The month template lists the level-2 units of the workspace."),
	  N_("ecogrid template month --output 2026-10.csv"), "--output= --force" },
	{ "config", NULL, N_("config [list | get KEY | set KEY VALUE | unset KEY]"),
	  N_("The workspace's settings for the bulletin: office (the issuing office), number (the document number, "
	     "e.g. 昌州环网办〔2026〕12号) and date (YYYY-MM-DD; default: the day the bulletin is made)."),
	  N_("ecogrid config set office 昌吉回族自治州生态环境局"), "" },
	{ "scheme", "show", N_("scheme show [FILE|NAME] [--format text|json] [--sources]"),
	  N_("A scheme's title, document number, dates, rule sets, ladders, what the monthly cycle feeds them and "
	     "its source citations (--sources lists them); the workspace's scheme when none is given."),
	  N_("ecogrid scheme show changji-2023 --sources"), "--format= --sources" },
	{ "scheme", "check", N_("scheme check FILE|NAME [--format text|json]"),
	  N_("Static checks of a scheme document: grade gaps or overlaps, floors out of reach, items over their "
	     "section, a veto that is not a status item, ladder clauses that never fire or are shadowed, actions "
	     "without names, rule IDs cited twice, dates out of order. A document that does not load gets the line, "
	     "column and JSON pointer of the refusal. Exit status 1 when anything is found."),
	  N_("ecogrid scheme check mine.json"), "--format=" },
	{ "scheme", "diff", N_("scheme diff OLD NEW --month YYYY-MM [--format text|json]"),
	  N_("Re-score the month's stored inputs under two versions of a scheme (files or names) and list, per "
	     "unit, the old and new score and grade and the rules that make the difference."),
	  N_("ecogrid scheme diff xiwan-2024.json xiwan-2025.json --month 2024-03"), "--month= --format=" },
	{ "scheme", "export", N_("scheme export [FILE|NAME] [--output FILE] [--force]"),
	  N_("The canonical text of a scheme (the workspace's by default): the start of a new jurisdiction's "
	     "document."),
	  N_("ecogrid scheme export changji-2023 --output mine.json"), "--output= --force" },
	{ "demo", NULL, N_("demo"),
	  N_("Six months of the Changji sample in a temporary workspace, then the last month's bulletin and the "
	     "path of its HTML page."),
	  N_("ecogrid --lang en demo"), "" },
	{ "version", NULL, N_("version"), N_("The tool's and the library's version."), N_("ecogrid version"), "" },
	{ "help", NULL, N_("help [COMMAND [SUBCOMMAND]]"), N_("This overview, or a command's help."),
	  N_("ecogrid help report"), "" },
	{ "completion", NULL, N_("completion bash"),
	  N_("The bash completion script (installed as share/bash-completion/completions/ecogrid)."),
	  N_("source <(ecogrid completion bash)"), "" },
};
const size_t cmd_docs_count = sizeof cmd_docs / sizeof cmd_docs[0];

const char *const global_options[] = { "--db=", "--lang=", "--encoding=", "--verbose", "--help", "--version" };
const size_t global_options_count = sizeof global_options / sizeof global_options[0];

const cmd_doc *cmd_doc_find(const char *name, const char *sub)
{
	for (size_t i = 0; i < cmd_docs_count; i++)
		if (!strcmp(cmd_docs[i].name, name) && (!cmd_docs[i].sub || (sub && !strcmp(cmd_docs[i].sub, sub))))
			return &cmd_docs[i];
	return NULL;
}

int cmd_has_subs(const char *name)
{
	for (size_t i = 0; i < cmd_docs_count; i++)
		if (!strcmp(cmd_docs[i].name, name))
			return cmd_docs[i].sub != NULL;
	return 0;
}

size_t cmd_names(const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < cmd_docs_count && n < max; i++)
		if (n == 0 || strcmp(out[n - 1], cmd_docs[i].name))
			out[n++] = cmd_docs[i].name;
	return n;
}

size_t cmd_subs(const char **out, size_t max, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < cmd_docs_count && n < max; i++)
		if (!strcmp(cmd_docs[i].name, name) && cmd_docs[i].sub)
			out[n++] = cmd_docs[i].sub;
	return n;
}

static void print_one(FILE *f, const cmd_doc *d)
{
	fprintf(f, "  ecogrid %s\n", _(d->synopsis));
	fprintf(f, "      %s\n", _(d->text));
	fprintf(f, _("      Example: %s\n"), _(d->example));
}

static void print_common(FILE *f)
{
	fputs(_("Options accepted by every command, anywhere on the line:\n"
		"  --db FILE        the workspace (default ./ecogrid.db)\n"
		"  --lang zh|en     the language of messages and outputs (default: LANGUAGE, LC_ALL, LC_MESSAGES or "
		"LANG, else Chinese)\n"
		"  --encoding auto|utf-8|gbk|gb18030\n"
		"                   the encoding of CSV inputs (default auto: UTF-8 with or without a BOM, else GB18030)\n"
		"  --verbose        after a failure, also the library's own detail (for developers)\n"
		"  -h, --help       help; --version: the version\n"
		"--name=VALUE is the same as --name VALUE; `--` ends the options.\n"),
	      f);
	fputs(_("Exit status: 0 success; 1 the command failed (the workspace is unchanged); 2 bad command line.\n"), f);
}

void help_print(FILE *f, const char *name, const char *sub)
{
	if (!name) {
		const char *names[64];
		size_t n = cmd_names(names, 64);
		fputs(_("usage: ecogrid [OPTIONS] COMMAND [ARGUMENTS]\n\nCommands:\n"), f);
		for (size_t i = 0; i < cmd_docs_count; i++)
			fprintf(f, "  %s\n", _(cmd_docs[i].synopsis));
		(void)n;
		fputc('\n', f);
		print_common(f);
		fputs(_("`ecogrid help COMMAND` explains a command, with an example; `man ecogrid` has it all.\n"), f);
		return;
	}
	fputs(_("usage:\n"), f);
	for (size_t i = 0; i < cmd_docs_count; i++)
		if (!strcmp(cmd_docs[i].name, name) && (!sub || !cmd_docs[i].sub || !strcmp(cmd_docs[i].sub, sub)))
			print_one(f, &cmd_docs[i]);
	fputc('\n', f);
	print_common(f);
}

/* The bash completion script, from the table. */
void completion_print(FILE *f)
{
	const char *names[64];
	size_t n = cmd_names(names, 64);
	fputs("# bash completion for ecogrid (generated by `ecogrid completion bash`)\n"
	      "_ecogrid() {\n"
	      "  local cur prev words cword cmd= sub= i w\n"
	      "  cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
	      "    w=${COMP_WORDS[i]}\n"
	      "    case $w in\n"
	      "      --db|--lang|--encoding|--format|--output|--root|--root-level|--as-of|--seed|--frame|--quotas|"
	      "--inspectors|--conflicts|--per-object) ((i++)); continue;;\n"
	      "      -*) continue;;\n"
	      "    esac\n"
	      "    if [[ -z $cmd ]]; then cmd=$w; elif [[ -z $sub ]]; then sub=$w; fi\n"
	      "  done\n"
	      "  case $prev in\n"
	      "    --lang) COMPREPLY=($(compgen -W 'zh en' -- \"$cur\")); return;;\n"
	      "    --encoding) COMPREPLY=($(compgen -W 'auto utf-8 gbk gb18030' -- \"$cur\")); return;;\n"
	      "    --format) COMPREPLY=($(compgen -W 'text json csv html pdf' -- \"$cur\")); return;;\n"
	      "    --db|--output|--frame|--quotas|--inspectors|--conflicts) COMPREPLY=($(compgen -f -- \"$cur\")); return;;\n"
	      "  esac\n"
	      "  local global='",
	      f);
	for (size_t i = 0; i < global_options_count; i++)
		fprintf(f, "%s%.*s", i ? " " : "", (int)strcspn(global_options[i], "="), global_options[i]);
	fputs("'\n  if [[ -z $cmd ]]; then\n    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$global\" -- \"$cur\"));\n"
	      "    else COMPREPLY=($(compgen -W '",
	      f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? " " : "", names[i]);
	fputs("' -- \"$cur\")); fi\n    return\n  fi\n  case $cmd in\n", f);
	for (size_t i = 0; i < n; i++) {
		const char *subs[16];
		size_t ns = cmd_subs(subs, 16, names[i]);
		if (ns) {
			fprintf(f, "    %s)\n      if [[ -z $sub ]]; then COMPREPLY=($(compgen -W '", names[i]);
			for (size_t k = 0; k < ns; k++)
				fprintf(f, "%s%s", k ? " " : "", subs[k]);
			fputs("' -- \"$cur\")); return; fi\n      case $sub in\n", f);
			for (size_t k = 0; k < ns; k++) {
				const cmd_doc *d = cmd_doc_find(names[i], subs[k]);
				fprintf(f, "        %s) opts='", subs[k]);
				for (const char *p = d ? d->options : ""; *p; p++)
					if (*p != '=')
						fputc(*p, f);
				fputs("';;\n", f);
			}
			fputs("        *) opts=;;\n      esac;;\n", f);
		} else {
			const cmd_doc *d = cmd_doc_find(names[i], NULL);
			fprintf(f, "    %s) opts='", names[i]);
			for (const char *p = d ? d->options : ""; *p; p++)
				if (*p != '=')
					fputc(*p, f);
			if (!strcmp(names[i], "template"))
				fputs("';\n      [[ -z $sub && $cur != -* ]] && { COMPREPLY=($(compgen -W 'month roster grid disclosure "
				      "ledger frame quotas inspectors conflicts' -- \"$cur\")); return; };;\n",
				      f);
			else if (!strcmp(names[i], "help"))
				fputs("';\n      [[ -z $sub ]] && { COMPREPLY=($(compgen -W '" , f);
			else if (!strcmp(names[i], "config"))
				fputs("';\n      [[ -z $sub ]] && { COMPREPLY=($(compgen -W 'list get set unset' -- \"$cur\")); return; };;\n", f);
			else if (!strcmp(names[i], "completion"))
				fputs("';\n      [[ -z $sub ]] && { COMPREPLY=($(compgen -W 'bash' -- \"$cur\")); return; };;\n", f);
			else
				fputs("';;\n", f);
			if (!strcmp(names[i], "help")) {
				for (size_t k = 0; k < n; k++)
					fprintf(f, "%s%s", k ? " " : "", names[k]);
				fputs("' -- \"$cur\")); return; };;\n", f);
			}
		}
	}
	fputs("  esac\n"
	      "  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$opts $global\" -- \"$cur\"));\n"
	      "  else COMPREPLY=($(compgen -f -- \"$cur\")); fi\n"
	      "}\n"
	      "complete -o filenames -F _ecogrid ecogrid\n",
	      f);
}
