"""Shared fixtures: real stores in tmp_path (never mocks of our own database)."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from antq_desktop.services import demo
from antq_desktop.services.setup import profile  # noqa: E402
from antq_desktop.storage.db import Store, open_store  # noqa: E402

PASSWORD = "mot cau rat dai"
ACTOR = "admin"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data folder or the developer's environment."""
    monkeypatch.setenv("ANTQ_HOME", str(tmp_path_factory.mktemp("antq-home")))
    for name in ("ANTQ_DB", "ANTQ_DB_URL", "ANTQ_DB_MIGRATE_URL", "ANTQ_PASSWORD", "ANTQ_USER"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _automatic_garbage_collection() -> Iterator[None]:
    """A GUI test's job still running when the test ends leaves automatic collection off (ui/gc_guard.py) until
    a timer tick or JobRunner.wait; the tests after it, most without an event loop, must not run without it."""
    yield
    if not gc.isenabled() and "antq_desktop.ui.gc_guard" in sys.modules:
        gc.enable()


@pytest.fixture(autouse=True)
def _command_line_front() -> None:
    """Services word their hints for the command line unless a GUI context was made in this test
    (domain.fronts: one process-wide front; a GUI test earlier in the session must not leak into the next)."""
    from antq_desktop.domain import fronts

    fronts.use_front(fronts.CLI)


def make_store(path, unit_code: str = "00070") -> Store:  # type: ignore[no-untyped-def]
    store = open_store(path)
    profile.initialise(store, role="commune", unit_code=unit_code, officer_name="Nguyễn Văn An", password=PASSWORD)
    return store


@pytest.fixture(scope="session")
def postgres_server():  # type: ignore[no-untyped-def]
    """One throwaway PostgreSQL cluster for the whole run (see tests/pg_server.py)."""
    from tests.pg_server import PostgresServer

    try:
        server = PostgresServer()
        server.start()
    except Exception as exc:  # noqa: BLE001 - any reason the server cannot start
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no PostgreSQL server could be started here: {exc}")
    yield server
    server.stop()


_db_counter = iter(range(1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_url(request, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """The same test on both engines: a SQLite file, and a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "commune.sqlite3")
    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"antq_test_{next(_db_counter)}")


@pytest.fixture
def store(tmp_path) -> Store:  # type: ignore[no-untyped-def]
    s = make_store(tmp_path / "commune.sqlite3")
    yield s
    s.close()


@pytest.fixture
def any_store(engine_url) -> Store:  # type: ignore[no-untyped-def]
    """An initialised commune store on SQLite and on PostgreSQL."""
    s = make_store(engine_url)
    yield s
    s.close()


@pytest.fixture
def demo_store(tmp_path) -> Store:  # type: ignore[no-untyped-def]
    s = make_store(tmp_path / "demo.sqlite3")
    demo.generate(s, households=300, seed=1)
    yield s
    s.close()


@pytest.fixture
def hanoi_clock(monkeypatch):  # type: ignore[no-untyped-def]
    """The laptop's clock in Vietnam (UTC+7): stored UTC moments must be shown in it."""
    import time

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
