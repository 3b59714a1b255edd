"""What the clerks' tests share (issue 17): `antq` run as a clerk on a PC (its own ANTQ_HOME, account and
password), both PCs started at one barrier, a commune's chain of packages, and the office's consistency."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
from sqlalchemy import select
from tests.conftest import PASSWORD
from tests.services.merge.conftest import Commune, trust

from antq_desktop.services import demo
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import ArchivedPackage, Blob, BlobChunk, HeldPackage
from antq_desktop.storage.roles import RoleNames, roles_sql

SRC = str(Path(__file__).resolve().parents[2] / "src")
# Waits for the barrier file, then runs `antq`: both PCs start together.
AT_THE_BARRIER = """
import os, sys, time
barrier = sys.argv[1]
while not os.path.exists(barrier):
    time.sleep(0.005)
from antq_desktop.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def env(home: Path, password: str = PASSWORD) -> dict[str, str]:
    return {**os.environ, "ANTQ_HOME": str(home), "ANTQ_PASSWORD": password, "PYTHONIOENCODING": "utf-8",
            "PYTHONPATH": os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH")) if p)}


def command(db: str, *args: str, user: str | None = None) -> list[str]:
    """`antq --db DB [--user USER] ARGS`, without the interpreter."""
    return ["--db", db, *(["--user", user] if user else []), *args]


def antq(home: Path, db: str, *args: str, user: str | None = None, password: str = PASSWORD,
         new_password: str | None = None) -> subprocess.CompletedProcess[str]:
    """`antq --db DB ARGS` on the PC whose data folder is `home`, signed in as `user` with `password`
    (`new_password`: the one a command sets, e.g. `user add`)."""
    variables = env(home, password)
    variables.pop("ANTQ_NEW_PASSWORD", None)
    if new_password is not None:
        variables["ANTQ_NEW_PASSWORD"] = new_password
    return subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", *command(db, *args, user=user)],
                          env=variables, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)


def at_the_barrier(barrier: Path, home: Path, db: str, *args: str, user: str | None = None,
                   password: str = PASSWORD) -> subprocess.Popen[str]:
    """`antq` started now, running once `barrier` exists."""
    return subprocess.Popen([sys.executable, "-c", AT_THE_BARRIER, str(barrier), *command(db, *args, user=user)],
                            env=env(home, password), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)


def results_of(stdout: str) -> list[dict]:  # type: ignore[type-arg]
    """The JSON list `antq merge --json` prints last."""
    return json.loads(stdout.strip().splitlines()[-1])


def merged(home: Path, db: str, *files: Path, user: str | None = None,
           password: str = PASSWORD) -> list[dict]:  # type: ignore[type-arg]
    done = antq(home, db, "merge", "--json", *map(str, files), user=user, password=password)
    assert done.returncode == 0, done.stderr[-2000:]
    return results_of(done.stdout)


def chain(commune: Commune, office: Store, households: int, seed: int) -> list[Path]:
    """Full package 1, then incrementals 2, 3 and 4, each with a change (encrypted to the office)."""
    demo.generate(commune.store, households=households, seed=seed)
    trust(office, commune)
    paths = [commune.export(office)]
    for number in (2, 3, 4):
        records.create(commune.store, "residential_area", {"name": f"Tổ dân phố {seed}-{number}"}, actor="admin")
        paths.append(commune.export(office, "incremental"))
    return paths


def digest(store: Store, code: str) -> str:
    with store.session_factory() as session:
        return stats.unit_stats(session, code).digest


def consistent(office: Store) -> None:
    """No hold left, every blob belongs to a kept copy or a hold, every kept copy reads back whole."""
    with office.session_factory() as session:
        assert session.execute(select(HeldPackage)).scalars().all() == []
        owned = set(session.execute(select(ArchivedPackage.blob_id)).scalars())
        assert set(session.execute(select(Blob.id)).scalars()) == owned
        assert set(session.execute(select(BlobChunk.blob_id).distinct()).scalars()) <= owned


class Office:
    """The database, its three roles and a URL for each (trust authentication on the test cluster)."""

    def __init__(self, server, name: str) -> None:
        self.server = server
        self.names = RoleNames(database=name, owner=f"{name}_owner", app=f"{name}_app", report=f"{name}_report")
        server.create_database(name)
        self.psql("antq", roles_sql(self.names))  # as the cluster's superuser, like `psql -U postgres -f`

    def url(self, role: str, options: str = "") -> str:
        return f"postgresql+psycopg://{role}@127.0.0.1:{self.server.port}/{self.names.database}{options}"

    def connect(self, role: str):  # type: ignore[no-untyped-def]
        return psycopg.connect(f"host=127.0.0.1 port={self.server.port} user={role} dbname={self.names.database}",
                               autocommit=True)

    def psql(self, role: str, sql: str) -> None:
        with self.connect(role) as conn:
            conn.execute(sql)
