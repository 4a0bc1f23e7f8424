"""Shared helpers of the `ecogrid` tool tests: a temporary directory with a
workspace path, running the built binary (ECOGRID_TOOL) and hashing the
workspace file to prove that a failed command changed nothing."""
import hashlib
import os
import subprocess
import tempfile
import unittest

TOOL = os.environ.get("ECOGRID_TOOL")
SHARED = os.environ.get("ECOGRID_SHARED_DATA", "")


@unittest.skipUnless(TOOL, "ECOGRID_TOOL is not set (tool not built)")
class ToolCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "ws.db")

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def write(self, name, text):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return path

    def run_tool(self, *args, env=None, expect=0, db=True, lang=None):
        """Run the tool in the test directory. The environment names no language (the tool's default,
        Chinese, applies) unless `env` does. A run expected to fail (expect 1 or 2) gets --lang en
        unless `lang` says otherwise, since most tests check error texts in English; lang="zh" or "en"
        adds that --lang to any run."""
        full_env = dict(os.environ)
        full_env.pop("ECOGRID_TEST_CRASH_AFTER", None)
        for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            full_env.pop(var, None)
        full_env["LANG"] = "C.UTF-8"
        full_env.update(env or {})
        if lang is None and expect in (1, 2) and "--lang" not in args:
            lang = "en"
        if lang:
            args = ("--lang", lang, *args)
        cmd = [TOOL, "--db", self.db, *args] if db else [TOOL, *args]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=full_env, cwd=self.dir.name)
        if expect is not None:
            self.assertEqual(proc.returncode, expect, proc.stdout + proc.stderr)
        return proc

    def digest(self):
        with open(self.db, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
