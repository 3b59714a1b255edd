"""Helpers for the whole-year scenario: offices and communes driven through the command line in-process
(`antq_desktop.cli.main.main`, as tests/office_year do), and plain SQL counts to check the figures against."""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from antq_desktop.cli.main import main

PASSWORD = "mot cau rat dai"
YEAR = 2026


@dataclass
class Ran:
    code: int
    out: str
    err: str


def antq(db: str, *args: str) -> Ran:
    """One `antq --db DB …` in this process (ANTQ_PASSWORD set by the caller's fixture)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", db, *args])
    return Ran(code, out.getvalue(), err.getvalue())


def ok(db: str, *args: str) -> str:
    ran = antq(db, *args)
    assert ran.code == 0, (args, ran.out, ran.err)
    return ran.out


def refused(db: str, code: str, *args: str, exit_code: int = 3) -> str:
    ran = antq(db, *args)
    assert ran.code == exit_code and f"[{code}]" in ran.err, (args, ran.code, ran.out, ran.err)
    return ran.err


@dataclass
class Unit:
    """One store in the year: its --db value (a path or a URL), its code and its role."""

    db: str
    code: str
    role: str
    folder: Path

    def run(self, *args: str) -> str:
        return ok(self.db, *args)

    def key_file(self) -> Path:
        path = self.folder / f"{self.code}.antqkey"
        if not path.exists():
            self.run("key", "export", "--out", str(path))
        return path

    def stats(self, year: int = YEAR) -> dict[str, Any]:
        return dict(json.loads(self.run("stats", "--year", str(year), "--json")))

    def overview(self, year: int = YEAR) -> dict[str, Any]:
        return dict(json.loads(self.run("overview", "--year", str(year), "--json")))


def init_unit(folder: Path, db: str, role: str, code: str, name: str | None = None) -> Unit:
    folder.mkdir(parents=True, exist_ok=True)
    args = ["init", "--role", role, "--unit", code, "--officer", "Nguyễn Văn An"]
    ok(db, *args, *(["--name", name] if name else []))
    return Unit(db, code, role, folder)


def link(lower: Unit, upper: Unit, *, role: str | None = None, communes: list[str] | None = None) -> None:
    """The lower unit encrypts to the upper office; the upper office trusts the lower unit's key."""
    lower.run("recipient", "set", str(upper.key_file()))
    extra = ["--role", role] if role else []
    extra += ["--communes", ",".join(communes)] if communes else []
    upper.run("trust", "add", str(lower.key_file()), *extra)


def sql_url(db: str) -> str:
    return db if "://" in db else f"sqlite:///{db}"


def sql_counts(db: str) -> dict[str, dict[str, int]]:
    """Live records per origin unit and table, counted with plain SQL (not through the app's services)."""
    tables = {name: name for name in ("residential_areas", "organizations", "households", "pledges",
                                      "registrations", "assessments")}  # the keys of `antq stats` counts
    engine = create_engine(sql_url(db))
    counts: dict[str, dict[str, int]] = {}
    try:
        with engine.connect() as connection:
            for key, table in tables.items():
                rows = connection.execute(text(f"SELECT origin_unit, COUNT(*) FROM {table} "  # noqa: S608
                                               "WHERE deleted = :no GROUP BY origin_unit"), {"no": False})
                for unit, count in rows:
                    counts.setdefault(unit, {})[key] = int(count)
    finally:
        engine.dispose()
    return counts
