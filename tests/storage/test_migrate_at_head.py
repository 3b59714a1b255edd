"""A database already at the newest schema opens without importing Alembic (start-up time), and the
head read from the migration files can never drift from Alembic's own answer."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from antq_desktop.domain.errors import NewerDatabaseError
from antq_desktop.storage import migrate
from antq_desktop.storage.db import open_store
from antq_desktop.storage.location import peek_sign_in, resolve_url, sqlite_file

FIXTURES = Path(__file__).parent / "fixtures"


def _run(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_head_read_from_files_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.head_revision() == migrate._alembic_head()


def test_database_at_head_opens_without_alembic(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "ready.sqlite3"
    open_store(db).close()
    out = _run("import sys\nfrom antq_desktop.storage.db import open_store\nfrom antq_desktop.storage import migrate\n"
               "s = open_store(sys.argv[1])\nprint(migrate.current_revision(s.engine), "
               "any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules))\ns.close()", str(db))
    assert out == f"{migrate.head_revision()} False"


def test_older_database_is_backed_up_and_migrated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    frozen = sorted(FIXTURES.glob("schema_*.sqlite3"))[0]
    path = tmp_path / "old.sqlite3"
    shutil.copy(frozen, path)
    with sqlite3.connect(path) as conn:
        old = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert old != migrate.head_revision()
    store = open_store(path)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert not migrate.needs_upgrade(store.engine)
    store.close()
    backup = tmp_path / f"old.before-upgrade-{old}.sqlite3"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old


def test_newer_revision_is_refused_without_touching_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "future.sqlite3"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(NewerDatabaseError):
        open_store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999_from_the_future",)]


def test_location_helpers_need_no_sqlalchemy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_store

    db = tmp_path / "unit.sqlite3"
    make_store(db).close()
    url = resolve_url(db)
    assert sqlite_file(url) == db.resolve()
    assert sqlite_file("sqlite://") is None and sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("sqlite:///x.db?mode=ro") is None, "options: left to SQLAlchemy's parser"
    assert sqlite_file("postgresql://u@h/db") is None
    assert peek_sign_in(db) == ("Phường Hoàn Kiếm", "admin")
    assert peek_sign_in(tmp_path / "missing.sqlite3") == (None, None)
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database" * 100)
    assert peek_sign_in(tmp_path / "junk.sqlite3") == (None, None)
    out = _run("import sys\nfrom pathlib import Path\nfrom antq_desktop.storage import location\n"
               "print(location.peek_sign_in(Path(sys.argv[1])), 'sqlalchemy' in sys.modules)", str(db))
    assert out == "('Phường Hoàn Kiếm', 'admin') False"
