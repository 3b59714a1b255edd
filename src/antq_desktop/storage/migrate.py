"""Alembic, driven from code: migrations ship inside the package and run when the store opens.

Opening a database that is already at the newest schema (every start but the first after an
update) does not import Alembic (~0.1-0.15 s): the `alembic_version` row is read with SQLAlchemy
core and compared with `head_revision()`, which reads the revision ids from the migration files
themselves (a test checks it against Alembic's script directory). Alembic is imported only when a
migration must run or the revision is not the head (older, or unknown: a newer program's database).

Migrations run under a lock (`upgrade_if_needed`): a PostgreSQL advisory lock, or a lock file beside
a SQLite file; a second process waits, says so, and then finds the database migrated.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from antq_desktop.domain.errors import NewerDatabaseError, UpgradeNotAllowedError
from antq_desktop.storage import locks

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
_REVISION = re.compile(r"^revision(?:\s*:\s*[\w\[\], |]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?:\s*:\s*[\w\[\], |]+)?\s*=\s*(?:None|['\"]([^'\"]+)['\"])",
                            re.MULTILINE)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


@cache
def head_revision() -> str:
    """The newest revision id: read from versions/*.py (one linear chain), else asked of Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return _alembic_head()  # a layout this reader does not know: let Alembic decide
        revisions.add(revision[1])
        if down[1]:
            parents.add(down[1])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else _alembic_head()


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _version_rows(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return []
        return [row[0] for row in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]


def current_revision(engine: Engine) -> str | None:
    rows = _version_rows(engine)
    if len(rows) <= 1:
        return rows[0] if rows else None
    from alembic.runtime.migration import MigrationContext  # several heads: Alembic's own error

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    """False when the database is at the head; True when a migration must run; NewerDatabaseError
    for a revision this program does not know."""
    rows = _version_rows(engine)
    if rows == [head_revision()]:
        return False
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise NewerDatabaseError()
    return current != script.get_current_head()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


WAITING_MESSAGE = "Đang chờ máy khác nâng cấp cơ sở dữ liệu…"


def upgrade_if_needed(engine: Engine, *, before: Callable[[], None] | None = None,
                      on_wait: Callable[[str], None] | None = None, migrate_engine: Engine | None = None) -> bool:
    """Migrate to the head under a lock, so that two processes (two PCs on one PostgreSQL database,
    two windows on one file) never race: the first migrates, the others wait, are told so through
    `on_wait`, and find the database at the head. `before` runs under the lock before migrating
    (the SQLite backup). `migrate_engine`: the owner role's connection, when the app's own role
    may not change the schema. True when this process migrated."""
    if not needs_upgrade(engine):
        return False
    runner = migrate_engine or engine
    with migration_lock(runner, on_wait or _log_wait):
        if not needs_upgrade(engine):  # another process migrated while this one waited
            return False
        if before is not None:
            before()
        try:
            upgrade(runner)
        except DBAPIError as exc:
            if _lacks_privilege(exc):
                raise UpgradeNotAllowedError() from exc
            raise
    return True


def migration_lock(engine: Engine, on_wait: Callable[[str], None]) -> AbstractContextManager[None]:
    def waiting() -> None:
        on_wait(WAITING_MESSAGE)

    if engine.dialect.name == "postgresql":
        return locks.advisory_lock(engine, waiting)
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database)
        return locks.file_lock(path.with_name(path.name + ".migrate-lock"), waiting)
    return nullcontext()  # an in-memory database has one connection: nobody to race


def _log_wait(message: str) -> None:
    logging.getLogger(__name__).info(message)


def _lacks_privilege(exc: DBAPIError) -> bool:
    # SQLSTATE 42501 insufficient_privilege (also "must be owner of table", raised for ALTER/DROP);
    # 25006 read_only_sql_transaction: a read replica, whose primary must be upgraded instead.
    return getattr(exc.orig, "sqlstate", None) in {"42501", "25006"}
