"""Throw-away PostgreSQL clusters for the extension's tests and benchmark.

A test never touches the system's PostgreSQL installation or a running
server. It builds a private installation tree in a temporary directory (the
server binaries hard-linked or copied, the system's share and library files
symlinked, the extension's files copied in), so that the server finds
`ecogrid.control` and `$libdir/ecogrid.so` exactly as after `make install`;
PostgreSQL locates its share and library directories relative to its own
binary, as in its own `make check`. Each cluster is made by initdb and
started by pg_ctl on a Unix socket inside the temporary directory (no TCP
port, so tests running side by side never collide). When run as root, the
server runs as an unprivileged user (`nobody` unless ECOGRID_PG_USER names
another), since PostgreSQL refuses to run as root.

With installed=True the system installation is used as it is (after
`make install`).
"""

import os
import pwd
import shutil
import subprocess
import tempfile
import time

PG_CONFIG = os.environ.get("PG_CONFIG", "pg_config")
SUPERUSER = "postgres"


def pg_config(flag):
    return subprocess.run([PG_CONFIG, flag], check=True, capture_output=True, text=True).stdout.strip()


def available():
    """(True, "") when the server binaries and pg_config are there, else (False, why)."""
    if not shutil.which(PG_CONFIG):
        return False, "pg_config not found (install postgresql-server-dev-15)"
    bindir = pg_config("--bindir")
    for prog in ("initdb", "pg_ctl", "postgres", "psql"):
        if not os.access(os.path.join(bindir, prog), os.X_OK):
            return False, "%s not found in %s (install postgresql-15)" % (prog, bindir)
    return True, ""


def _run_as():
    """(uid, gid, preexec) to run the server as an unprivileged user when we are root."""
    if os.geteuid() != 0:
        return None
    pw = pwd.getpwnam(os.environ.get("ECOGRID_PG_USER", "nobody"))

    def preexec():
        os.setgroups([])
        os.setgid(pw.pw_gid)
        os.setuid(pw.pw_uid)

    return pw.pw_uid, pw.pw_gid, preexec


def _link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


class Installation:
    """A PostgreSQL installation that has the extension: private (temporary) or the system's."""

    def __init__(self, root, stage=None, installed=False):
        """root: a temporary directory; stage: a tree from `make install DESTDIR=stage` (or
        made by stage_files()) holding the extension's files at the system paths."""
        self.sys_bindir = pg_config("--bindir")
        self.sys_sharedir = pg_config("--sharedir")
        self.sys_pkglibdir = pg_config("--pkglibdir")
        self.psql = os.path.join(self.sys_bindir, "psql")
        self.installed = installed
        if installed:
            self.bindir = self.sys_bindir
            return
        self.bindir = root + self.sys_bindir
        sharedir = root + self.sys_sharedir
        pkglibdir = root + self.sys_pkglibdir
        os.makedirs(self.bindir)
        for prog in ("postgres", "initdb", "pg_ctl"):
            _link_or_copy(os.path.join(self.sys_bindir, prog), os.path.join(self.bindir, prog))
        # share: every entry symlinked, but extension/ is a real directory with ours added.
        os.makedirs(os.path.join(sharedir, "extension"))
        for name in os.listdir(self.sys_sharedir):
            if name != "extension":
                os.symlink(os.path.join(self.sys_sharedir, name), os.path.join(sharedir, name))
        ext = os.path.join(self.sys_sharedir, "extension")
        for name in os.listdir(ext):
            if not name.startswith("ecogrid"):
                os.symlink(os.path.join(ext, name), os.path.join(sharedir, "extension", name))
        os.makedirs(pkglibdir)
        for name in os.listdir(self.sys_pkglibdir):
            if not name.startswith("ecogrid"):
                os.symlink(os.path.join(self.sys_pkglibdir, name), os.path.join(pkglibdir, name))
        # The extension's files, copied (the server user must read them).
        for src_root, _, files in os.walk(stage):
            rel = os.path.relpath(src_root, stage)
            for name in files:
                dst_dir = os.path.join(root, rel)
                os.makedirs(dst_dir, exist_ok=True)
                dst = os.path.join(dst_dir, name)
                if os.path.lexists(dst):
                    os.unlink(dst)
                shutil.copy2(os.path.join(src_root, name), dst)
                os.chmod(dst, 0o755 if name.endswith(".so") else 0o644)


def stage_files(stage, module, control, sql_files):
    """Lay out the extension's files as `make install DESTDIR=stage` would."""
    ext = stage + pg_config("--sharedir") + "/extension"
    lib = stage + pg_config("--pkglibdir")
    os.makedirs(ext, exist_ok=True)
    os.makedirs(lib, exist_ok=True)
    shutil.copy2(module, os.path.join(lib, "ecogrid.so"))
    shutil.copy2(control, ext)
    for f in sql_files:
        shutil.copy2(f, ext)


class Cluster:
    """One cluster: initdb, pg_ctl start/stop, psql."""

    def __init__(self, inst, path, settings=None):
        self.inst = inst
        self.path = path
        self.data = os.path.join(path, "data")
        self.socket = os.path.join(path, "sock")
        self.port = "5432"
        self.settings = dict(settings or {})
        self.started = False
        self.run_as = _run_as()
        os.makedirs(self.socket)
        if self.run_as:
            for d in (path, self.socket):
                os.chown(d, self.run_as[0], self.run_as[1])
                os.chmod(d, 0o755)

    def _server(self, args, **kw):
        return subprocess.run(args, preexec_fn=self.run_as[2] if self.run_as else None,
                              check=True, capture_output=True, text=True, **kw)

    def init(self):
        self._server([os.path.join(self.inst.bindir, "initdb"), "-D", self.data, "-U", SUPERUSER,
                      "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"])
        conf = {"listen_addresses": "''", "unix_socket_directories": "'%s'" % self.socket,
                "port": self.port, "fsync": "off", "synchronous_commit": "off",
                "full_page_writes": "off", "log_min_messages": "warning",
                "timezone": "'Asia/Shanghai'"}
        for k, v in self.settings.items():
            conf[k] = v
        with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
            for k, v in conf.items():
                f.write("%s = %s\n" % (k, v))
        return self

    def start(self, valgrind_logs=None):
        """Start the server; with valgrind_logs (a directory), run it and every backend under
        valgrind memcheck, one log per process there."""
        if not valgrind_logs:
            self._server([os.path.join(self.inst.bindir, "pg_ctl"), "-D", self.data, "-w", "-t", "60",
                          "-l", os.path.join(self.path, "server.log"), "start"])
            self.started = True
            return self
        os.makedirs(valgrind_logs, exist_ok=True)
        if self.run_as:
            os.chown(valgrind_logs, self.run_as[0], self.run_as[1])
        with open(os.path.join(self.path, "server.log"), "a") as log:
            subprocess.Popen(["valgrind", "--leak-check=full", "--errors-for-leak-kinds=definite", "--trace-children=yes",
                              "--log-file=" + os.path.join(valgrind_logs, "vg.%p.log"), "-q",
                              os.path.join(self.inst.bindir, "postgres"), "-D", self.data],
                             preexec_fn=self.run_as[2] if self.run_as else None, stdout=log, stderr=log)
        self.started = True
        for _ in range(300):
            r = subprocess.run([os.path.join(self.inst.sys_bindir, "pg_isready"), "-q"], env=self.env())
            if r.returncode == 0:
                return self
            time.sleep(1)
        raise RuntimeError("the server did not start under valgrind:\n" + self.log())

    def stop(self):
        if self.started:
            subprocess.run([os.path.join(self.inst.bindir, "pg_ctl"), "-D", self.data, "-w", "-m", "fast", "stop"],
                           preexec_fn=self.run_as[2] if self.run_as else None, capture_output=True)
            self.started = False

    def log(self):
        try:
            with open(os.path.join(self.path, "server.log"), errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def env(self):
        e = dict(os.environ)
        e.update(PGHOST=self.socket, PGPORT=self.port, PGUSER=SUPERUSER, PGDATABASE="postgres")
        return e

    def psql(self, sql, db="postgres", check=True, args=()):
        """Run SQL through psql (unaligned, tuples only); return stdout."""
        r = subprocess.run([self.inst.psql, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db, *args],
                           input=sql, env=self.env(), capture_output=True, text=True)
        if check and r.returncode != 0:
            raise RuntimeError("psql failed (%d):\n%s\n%s" % (r.returncode, r.stderr, sql[:2000]))
        return r.stdout if check else r


def temp_root(prefix="ecogrid-pg-"):
    root = tempfile.mkdtemp(prefix=prefix)
    os.chmod(root, 0o755)  # the server user traverses it when we are root
    return root
