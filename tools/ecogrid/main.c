/*
 * ecogrid: the command-line tool for a prefecture's supervision office.
 *
 *   ecogrid [--db FILE] [--lang zh|en] COMMAND ...
 *
 * Every command that writes does so in one SQLite transaction: a failure
 * or a kill mid-run leaves the workspace as it was.
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

static void usage(FILE *out, int lang)
{
	if (lang == EG_LANG_EN)
		fputs("usage: ecogrid [--db FILE] [--lang zh|en] COMMAND [ARGS]\n"
		      "\n"
		      "commands:\n"
		      "  init                           create the workspace (default ./ecogrid.db)\n"
		      "  grid import FILE.csv [--root ID] [--root-level N]\n"
		      "                                 replace the grid (code,parent_code,level,name[,kind])\n"
		      "  grid staff FILE.csv            replace the staff roster (node,role,person,detail,covers)\n"
		      "  grid check [--format text|json|csv]\n"
		      "                                 staffing findings CJ-G.3..CJ-G.7 and item 2 (CJ-A2-5.2)\n"
		      "  grid show [ID]                 counts per level, or one node and its children\n"
		      "  month import YYYY-MM FILE.json import a month's inputs (assessment, problems, air statistics)\n"
		      "  month run YYYY-MM [--allow-missing] | month run --from YYYY-MM\n"
		      "                                 assessment, ladders, air index, ranking (CJ-A2, CJ-A2-7.3, CJ-A3)\n"
		      "  month drop YYYY-MM             remove a month's inputs and results\n"
		      "  status                         every month: imported / run / stale and why, units missing\n"
		      "  report YYYY-MM [--format text|json|csv|html] [--output FILE] [--force] [--bom] [--stale-ok]\n"
		      "                                 the monthly bulletin\n"
		      "  disclose import|status|list    double-disclosure records, quarterly updates (JM-2.1, JM-2.1.2, JM-2.2)\n"
		      "  ledger import|status           rectification ledgers and close-out (YL-2, YL-5.3, YL-5.5)\n"
		      "  draw run|show|list|verify      reproducible double-random inspection draws (DG-6, DG-8, 双随机)\n"
		      "  duty import|status             the duty calendar: what is due, done and overdue (section 9)\n"
		      "  verify RECORD.json --frame F   check a published draw (same as draw verify)\n"
		      "  demo                           six months of the Changji sample in a temporary workspace\n"
		      "  version                        library and tool version\n"
		      "  help [COMMAND]                 this text, or a command's\n", out);
	else
		fputs("用法：ecogrid [--db 文件] [--lang zh|en] 命令 [参数]\n"
		      "\n"
		      "命令：\n"
		      "  init                           创建工作库（默认 ./ecogrid.db）\n"
		      "  grid import 文件.csv [--root 代码] [--root-level 级别]\n"
		      "                                 导入网格，替换现有网格（code,parent_code,level,name[,kind]）\n"
		      "  grid staff 文件.csv            导入网格人员名册，替换现有名册（node,role,person,detail,covers）\n"
		      "  grid check [--format text|json|csv]\n"
		      "                                 网格配备检查（CJ-G.3 至 CJ-G.7）及考核第2项（CJ-A2-5.2）\n"
		      "  grid show [代码]               各级网格数量，或某一网格及其下级\n"
		      "  month import 月份 文件.json    导入月度数据（考核、问题数、空气质量统计）\n"
		      "  month run 月份 [--allow-missing] | month run --from 月份\n"
		      "                                 月度考核、问责阶梯、综合指数与排名（CJ-A2、CJ-A2-7.3、CJ-A3）\n"
		      "  month drop 月份                删除一个月的输入及结果\n"
		      "  status                         各月导入、运行、是否过期及原因，缺数据的单位\n"
		      "  report 月份 [--format text|json|csv|html] [--output 文件] [--force] [--bom] [--stale-ok]\n"
		      "                                 月度通报\n"
		      "  disclose import|status|list    “双公开”记录及季度更新（JM-2.1、JM-2.1.2、JM-2.2）\n"
		      "  ledger import|status           整改台账及销号（YL-2、YL-5.3、YL-5.5）\n"
		      "  draw run|show|list|verify      可复现的“双随机”抽查（DG-6、DG-8、双随机）\n"
		      "  duty import|status             职责日历：应办、已办与逾期事项（第9节）\n"
		      "  verify 抽查记录.json --frame 名录  核验已公布的抽查结果（同 draw verify）\n"
		      "  demo                           在临时工作库中运行昌吉州样例六个月\n"
		      "  version                        版本\n"
		      "  help [命令]                    显示帮助\n", out);
}

int main(int argc, char **argv)
{
	tool_ctx ctx = { "ecogrid.db", EG_LANG_ZH, 0, NULL };
	const char *cmd;
	char help_flag[] = "--help", *help_argv[] = { help_flag, NULL }; /* `help CMD` runs `CMD --help` */
	const char *env_lang = getenv("ECOGRID_LANG");
	int i = 1;
	if (env_lang && strcmp(env_lang, "en") == 0)
		ctx.lang = EG_LANG_EN;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			ctx.db_path = argv[++i];
		} else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
			const char *l = argv[++i];
			if (strcmp(l, "en") == 0)
				ctx.lang = EG_LANG_EN;
			else if (strcmp(l, "zh") == 0)
				ctx.lang = EG_LANG_ZH;
			else {
				fprintf(stderr, "ecogrid: --lang must be zh or en, not %s\n", l);
				return TOOL_USAGE;
			}
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout, ctx.lang);
			return TOOL_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("ecogrid %s\n", eg_version());
			return TOOL_OK;
		} else {
			fprintf(stderr, "ecogrid: unknown option %s\n", argv[i]);
			usage(stderr, ctx.lang);
			return TOOL_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr, ctx.lang);
		return TOOL_USAGE;
	}
	ctx.argc = argc - i - 1;
	ctx.argv = argv + i + 1;
	cmd = argv[i];
	if (strcmp(cmd, "help") == 0) {
		/* `ecogrid help CMD` is `ecogrid CMD --help`. */
		static const char *const cmds[] = { "grid", "month", "report", "disclose", "ledger", "draw", "verify", "duty",
						    "status" };
		for (size_t k = 0; ctx.argc > 0 && k < sizeof cmds / sizeof cmds[0]; k++)
			if (strcmp(ctx.argv[0], cmds[k]) == 0) {
				ctx.argc = 1;
				ctx.argv = help_argv;
				cmd = cmds[k];
				goto dispatch;
			}
		usage(stdout, ctx.lang);
		return TOOL_OK;
	}
dispatch:
	if (strcmp(cmd, "version") == 0) {
		printf("ecogrid %s (library %s)\n", EG_VERSION_STRING, eg_version());
		return TOOL_OK;
	}
	if (strcmp(cmd, "init") == 0)
		return cmd_init(&ctx);
	if (strcmp(cmd, "grid") == 0)
		return cmd_grid(&ctx);
	if (strcmp(cmd, "month") == 0)
		return cmd_month(&ctx);
	if (strcmp(cmd, "status") == 0)
		return cmd_status(&ctx);
	if (strcmp(cmd, "report") == 0)
		return cmd_report(&ctx);
	if (strcmp(cmd, "demo") == 0)
		return cmd_demo(&ctx);
	if (strcmp(cmd, "disclose") == 0)
		return cmd_disclose(&ctx);
	if (strcmp(cmd, "ledger") == 0)
		return cmd_ledger(&ctx);
	if (strcmp(cmd, "draw") == 0)
		return cmd_draw(&ctx);
	if (strcmp(cmd, "verify") == 0)
		return cmd_verify(&ctx);
	if (strcmp(cmd, "duty") == 0)
		return cmd_duty(&ctx);
	fprintf(stderr, "ecogrid: unknown command %s (see `ecogrid help`)\n", cmd);
	return TOOL_USAGE;
}
