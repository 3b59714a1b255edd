"""A throwaway PostgreSQL cluster for tests: initdb in a temp folder, a local port, stopped at the end.

Outside CI, tests that need it are skipped with a visible reason when no server binaries exist;
in CI (CI=true) a missing server is an error, because .ci/run installs one.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Settings an office's own server would also have (docs/upper-office.md §3): WAL room for a
# province round (about a million records, ~26 MB of WAL per 5,000-household package) without
# forced checkpoints in the middle of it (the default max_wal_size of 1 GB fills every ~40
# packages), and shared buffers that hold the hot id indexes (the default 128 MB is sized for a
# small shared host).
OFFICE_SETTINGS = ("max_wal_size=8GB", "checkpoint_timeout=15min", "shared_buffers=256MB")


class PostgresServer:
    """`durable=False` (tests): fsync off, nothing needs to survive a crash of a throwaway cluster.
    `durable=True` (benchmarks): fsync on, as on an office's server."""

    def __init__(self, *, durable: bool = False, settings: tuple[str, ...] = OFFICE_SETTINGS) -> None:
        self.durable = durable
        self.settings = settings
        self.bin = _bin_dir()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        self.dir = Path(tempfile.mkdtemp(prefix="antq-pg-"))
        self.port = _free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            # The server refuses to run as root: run it as the postgres account.
            pwd.getpwnam("postgres")
            shutil.chown(self.dir, "postgres")
            self._as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as_user, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = self.dir / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", "antq", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        options = [f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1",
                   *(f"-c {setting}" for setting in self.settings), *([] if self.durable else ["-c fsync=off"])]
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "log"), "-w", "-o",
                  " ".join(options), "start")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("PostgreSQL did not start")

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=antq dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://antq@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
