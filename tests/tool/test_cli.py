"""Command-line conventions of the `ecogrid` tool (issue 17): getopt_long
(--opt=value, options anywhere, `--` ends them), help with an example for
every command, "did you mean", the exit codes, the language from --lang or
the environment, the man page and the bash completion made from the same
command table."""
import os
import re
import shutil
import subprocess

from toolbase import TOOL, ToolCase

HERE = os.path.dirname(os.path.abspath(__file__))
SCD = os.path.join(HERE, "..", "..", "tools", "ecogrid", "ecogrid.1.scd")


class CliTest(ToolCase):
    def commands(self):
        """(command, subcommand or None) pairs of `ecogrid help`."""
        out = self.run_tool("--lang", "en", "help").stdout
        block = out.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
        pairs = []
        for line in block.splitlines():
            words = line.split()
            sub = words[1] if len(words) > 1 and re.fullmatch(r"[a-z]+", words[1]) and words[0] not in (
                "template", "config", "help", "completion") else None
            pairs.append((words[0], sub))
        return pairs

    def test_every_command_has_help_with_an_example_in_both_languages(self):
        pairs = self.commands()
        self.assertIn(("grid", "import"), pairs)
        self.assertIn(("report", None), pairs)
        self.assertGreaterEqual(len(pairs), 20)
        for cmd, sub in pairs:
            words = [cmd] + ([sub] if sub else [])
            with self.subTest(cmd=words):
                en = self.run_tool("--lang", "en", "help", *words)
                self.assertEqual(en.returncode, 0)
                self.assertRegex(en.stdout, r"Example: .*ecogrid ")
                self.assertIn("Exit status: 0 success; 1 the command failed", en.stdout)
                # The same through --help after the command words, in Chinese by default
                # (`help --help` is the overview).
                zh = self.run_tool(*(words if cmd != "help" else ["help", "help"]), "--help")
                self.assertIn("示例：", zh.stdout)
                self.assertIn("退出状态：0 成功", zh.stdout)
                self.assertEqual(zh.stderr, "")

    def test_demo_help_does_not_run_the_demo(self):
        out = self.run_tool("demo", "--help").stdout
        self.assertIn("ecogrid demo", out)
        self.assertNotIn("工作库 /tmp", out)
        self.assertFalse(os.path.exists(self.db))

    def test_options_anywhere_with_equals_and_double_dash(self):
        self.assertIn("created workspace", self.run_tool("init", "--lang=en").stdout)
        self.assertIn("created workspace", self.run_tool("--lang", "en", "init", db=False,
                                                         env={}).stdout.replace("already exists", "created workspace"))
        other = self.path("other.db")
        self.assertIn("other.db", self.run_tool("init", "--db=" + other, db=False).stdout)
        self.assertTrue(os.path.exists(other))
        grid = self.write("g.csv", "code,parent_code,level,name\nP,,1,州\nC,P,2,县\n")
        self.run_tool("grid", "import", grid)
        # The command's own options as --name=value, before or after its arguments.
        self.assertIn('"unit","node"', self.run_tool("grid", "check", "--format=csv").stdout.replace(
            '"rule","node","unit"', '"unit","node"'))
        self.assertEqual(self.run_tool("grid", "show", "--lang=en", "C").stdout.splitlines()[0], "C\t县\t2")
        # After `--`, a word that looks like an option is an argument.
        err = self.run_tool("template", "--", "--output", expect=2).stderr
        self.assertIn('template: unknown subcommand "--output"', err)

    def test_did_you_mean_and_exit_codes(self):
        cases = [
            (("reprot", "2026-10"), 2, 'unknown command "reprot"; did you mean "report"?',
             "没有命令“reprot”；您是否要用“report”？"),
            (("grid", "chek"), 2, 'grid: unknown subcommand "chek"; did you mean "check"?',
             "grid：没有子命令“chek”；您是否要用“check”？"),
            (("--lnag", "en", "init"), 2, "unknown option --lnag; did you mean --lang?",
             "没有选项 --lnag；您是否要用 --lang？"),
            (("template", "month", "--outptu", "x"), 2, "template: unknown option --outptu; did you mean --output?",
             "template：没有选项 --outptu；您是否要用 --output？"),
            (("frobnicate",), 2, 'unknown command "frobnicate" (see `ecogrid help`)', "没有命令“frobnicate”"),
            (("grid",), 2, "grid: which subcommand?", "grid：哪个子命令？"),
            (("--db",), 2, "option --db needs a value", "选项 --db 需要一个值"),
            (("grid", "show"), 1, "does not exist; run `ecogrid init` first", "不存在；请先运行 `ecogrid init`"),
        ]
        for args, code, en, zh in cases:
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(args=args, lang=lang):
                    proc = self.run_tool(*args, expect=code, lang=lang)
                    self.assertIn(needle, proc.stderr)
        self.assertEqual(self.run_tool(expect=2).returncode, 2)  # no command: the overview on stderr
        self.assertEqual(self.run_tool("help").returncode, 0)

    def test_bad_command_lines_exit_2_and_change_nothing(self):
        """Each mistake on the command line: exit 2, the message in both languages, the workspace unchanged."""
        self.run_tool("init")
        self.run_tool("grid", "import", self.write("g.csv", "code,parent_code,level,name\nP,,1,州\nC,P,2,县\n"))
        before = self.digest()
        cases = [
            (("--qqqq", "status"), "unknown option --qqqq (see `ecogrid help`)", "没有选项 --qqqq（参见 `ecogrid help`）"),
            (("status", "--qqqqqq"), "status: unknown option --qqqqqq (see `ecogrid help status`)",
             "status：没有选项 --qqqqqq（参见 `ecogrid help status`）"),
            (("status", "extra"), 'status: unexpected argument "extra" (see `ecogrid help status`)',
             "status：多余的参数“extra”（参见 `ecogrid help status`）"),
            (("status", "--", "x"), 'status: unexpected argument "x"', "status：多余的参数“x”"),
            (("status", "--format"), "status: option --format needs a value (see `ecogrid help status`)",
             "status：选项 --format 需要一个值（参见 `ecogrid help status`）"),
            (("--verbose=1", "status"), "option --verbose takes no value (see `ecogrid help`)",
             "选项 --verbose 不带值（参见 `ecogrid help`）"),
            (("completion", "zsh"), "completion: only `ecogrid completion bash` is known",
             "completion：只支持 `ecogrid completion bash`"),
            (("template",), "template: which one? month, roster, grid, disclosure, ledger, frame, quotas, inspectors or "
                            "conflicts", "template：哪一种？month、roster"),
            (("config", "list", "x"), "config list: no arguments", "config list：不需要参数"),
            (("config", "get"), "config get: which setting? (ecogrid config get office)", "config get：哪一项设置？"),
            (("config", "get", "zzzzzzz"), 'config: unknown setting "zzzzzzz" (see `ecogrid help config`)',
             "config：没有设置项“zzzzzzz”"),
            (("config", "set", "office"), "config set: give a setting and its value", "config set：请给出设置项及其值"),
            (("config", "unset"), "config unset: which setting?", "config unset：哪一项设置？"),
            (("config", "frob"), 'config: unknown subcommand "frob" (see `ecogrid help config`)', "config：没有子命令“frob”"),
            (("demo", "--x"), "demo: unknown argument --x (only --keep)", "demo：未知参数 --x（只接受 --keep）"),
            (("draw", "frob"), 'draw: unknown subcommand "frob" (see `ecogrid help draw`)', "draw：没有子命令“frob”"),
            (("month", "frob"), 'month: unknown subcommand "frob" (see `ecogrid help month`)', "month：没有子命令“frob”"),
            # grid import, staff and check read their options like every command (before: exit 1, and
            # --root-level x was taken as level 0).
            (("grid", "import", "--root-level", "x", "g.csv"), "grid import: --root-level must be a level from 0 to 4, not x",
             "grid import：--root-level 须为 0 至 4 的级别，不能是 x"),
            (("grid", "import", "--root-level", "5", "g.csv"), "grid import: --root-level must be a level from 0 to 4, not 5",
             "grid import：--root-level 须为 0 至 4 的级别，不能是 5"),
            (("grid", "import", "--root"), "grid import: option --root needs a value", "grid import：选项 --root 需要一个值"),
            (("grid", "import", "g.csv", "h.csv"), 'grid import: unexpected argument "h.csv"', "grid import：多余的参数“h.csv”"),
            (("grid", "import"), "grid import: which file? (ecogrid grid import FILE.csv)", "grid import："),
            (("grid", "import", "--x", "g.csv"), "grid import: unknown option --x", "grid import：没有选项 --x"),
            (("grid", "staff"), "grid staff: give one roster file (node,role,person,detail,covers)", "grid staff："),
            (("grid", "check", "extra"), 'grid check: unexpected argument "extra"', "grid check：多余的参数“extra”"),
            (("grid", "check", "--format", "xml"), "grid check: --format must be text, json or csv, not xml",
             "grid check：--format 须为 text，json 或 csv，不能是 xml"),
            (("status", "--format", "xml"), "status: --format must be text or json, not xml",
             "status：--format 须为 text 或 json，不能是 xml"),
        ]
        for args, en, zh in cases:
            for lang, needle in (("en", en), ("zh", zh)):
                with self.subTest(args=args, lang=lang):
                    self.assertIn(needle, self.run_tool(*args, expect=2, lang=lang).stderr)
                    self.assertEqual(self.digest(), before)
        # The values the options take: --version, --root-level 0-4 (the root becomes that level).
        self.assertRegex(self.run_tool("--version").stdout, r"^ecogrid \d+\.\d+\.\d+\n$")
        self.assertIn("imported g.csv: 2 nodes (levels 1-4: 0/1/1/0)",
                      self.run_tool("--lang", "en", "grid", "import", "--root", "P", "--root-level", "2", "g.csv").stdout)

    def test_verbose_adds_the_library_detail_after_a_failure(self):
        self.run_tool("init")
        self.write("f.csv", "stratum,id\nkey,E1\nkey,E2\n")
        self.write("q.csv", "stratum,quota\nkey,1\n")
        self.write("i.csv", "inspector\n张\n")
        self.write("c.csv", "inspector,object\n赵,E1\n")
        args = ("draw", "run", "D", "--seed", "s", "--frame", "f.csv", "--quotas", "q.csv", "--inspectors", "i.csv",
                "--conflicts", "c.csv", "--per-object", "1")
        plain = self.run_tool(*args, expect=1).stderr
        self.assertEqual(plain, "ecogrid: inspector pairing: conflict 赵, E1: 赵 is not in the inspector list; a misspelt "
                                "name would leave the conflict unapplied (回避, CJ-A1-11)\n")
        verbose = self.run_tool("--verbose", *args, expect=1).stderr
        self.assertEqual(verbose, plain + "  (library: not found: conflict 赵, E1: 赵 is not in the inspector list; a "
                                          "misspelt name would leave the conflict unapplied (回避, CJ-A1-11))\n")

    def test_language_from_the_environment(self):
        def init(env):
            if os.path.exists(self.db):
                os.remove(self.db)
            return self.run_tool("init", env=env).stdout
        self.assertIn("已创建工作库", init({}))
        self.assertIn("created workspace", init({"LANG": "en_US.UTF-8"}))
        self.assertIn("created workspace", init({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}))
        self.assertIn("已创建工作库", init({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}))
        self.assertIn("created workspace", init({"LANGUAGE": "fr:en", "LANG": "zh_CN.UTF-8"}))
        self.assertIn("已创建工作库", init({"LANG": "C"}))
        # --lang wins over the environment, and the locale's other categories do not matter.
        self.assertIn("已创建工作库", self.run_tool("--lang", "zh", "init", env={"LANG": "en_US.UTF-8"}).stdout.replace(
            "已存在", "已创建工作库"))

    def test_man_page_documents_every_command_and_the_exit_codes(self):
        with open(SCD, encoding="utf-8") as fh:
            page = fh.read()
        for cmd, sub in self.commands():
            with self.subTest(cmd=cmd, sub=sub):
                self.assertRegex(page, re.escape(f"*{cmd} {sub}*") if sub else r"\*" + cmd + r"[* ]")
        self.assertIn("# EXIT STATUS", page)
        for opt in ("--db", "--lang", "--encoding", "--verbose"):
            self.assertIn(f"*{opt}*", page)

    @staticmethod
    def complete(script, words):
        """What the completion offers for a command line (words, the last being completed)."""
        bash = shutil.which("bash")
        line = " ".join(words)
        prog = (f"source {script}\nCOMP_WORDS=({line})\nCOMP_CWORD={len(words) - 1}\n"
                "_ecogrid\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
        return subprocess.run([bash, "-c", prog], capture_output=True, text=True, check=True).stdout.split()

    def test_bash_completion(self):
        script = self.path("ecogrid.bash")
        with open(script, "w", encoding="utf-8") as fh:
            fh.write(self.run_tool("completion", "bash").stdout)
        self.assertIn("report", self.complete(script, ["ecogrid", "rep"]))
        self.assertEqual(self.complete(script, ["ecogrid", "grid", "st"]), ["staff"])
        self.assertIn("--format", self.complete(script, ["ecogrid", "report", "2026-10", "--fo"]))
        self.assertEqual(sorted(self.complete(script, ["ecogrid", "--lang", ""])), ["en", "zh"])
        self.assertIn("month", self.complete(script, ["ecogrid", "template", "mo"]))
        self.assertIn("--lang", self.complete(script, ["ecogrid", "grid", "check", "--la"]))
        # Every command of the table can be completed.
        for cmd, _ in self.commands():
            self.assertIn(cmd, self.complete(script, ["ecogrid", cmd[:2]]))
