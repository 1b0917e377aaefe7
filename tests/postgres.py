"""A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, on a free local port, stopped
and deleted at the end of the session. It is a real server (Debian's `postgresql` package), not a stand-in.

Run as root (as CI does), the server runs as the `postgres` user the package creates, since PostgreSQL refuses to
run as root. Without PostgreSQL installed the tests that need it are skipped, unless
PRESSLINE_TEST_REQUIRE_POSTGRES=1 (set by .ci/run), when they fail instead.
"""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from conftest import free_port

USER = "pressline"
PASSWORD = "not-a-real-secret"  # the server trusts local connections; the password is there to be kept hidden


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None)
    return Path(found).parent if found else None


def unavailable(reason: str):
    if os.environ.get("PRESSLINE_TEST_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here (PRESSLINE_TEST_REQUIRE_POSTGRES=1) but {reason}")
    pytest.skip(f"{reason}; install Debian's postgresql package to run the PostgreSQL tests")


class Server:
    def __init__(self):
        bin_dir = binaries()
        if bin_dir is None:
            unavailable("initdb was not found")
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="pressline-pg-"))
        self.port = free_port()
        self.run_as: list[str] = []
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                unavailable("there is no postgres user to run the server as")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self.run_as = ["runuser", "-u", "postgres", "--"]
        self.data = self.folder / "cluster"
        self._run("initdb", "-D", str(self.data), "-U", USER, "-A", "trust", "--no-sync", "-E", "UTF8")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", options, "-w", "start")

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run([*self.run_as, str(self.bin_dir / program), *args], capture_output=True, text=True,
                              timeout=120)
        if done.returncode:
            raise RuntimeError(f"{program} failed: {done.stderr or done.stdout}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """The URL of a new, empty database on this server."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        engine = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as db:
            db.execute(sa.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
