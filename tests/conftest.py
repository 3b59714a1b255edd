"""Shared fixtures: real stores in tmp_path (never mocks of our own database)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from antq_desktop.services import demo, profile  # noqa: E402
from antq_desktop.storage.db import Store, open_store  # noqa: E402

PASSWORD = "mot cau rat dai"
ACTOR = "admin"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data folder or the developer's environment."""
    monkeypatch.setenv("ANTQ_HOME", str(tmp_path_factory.mktemp("antq-home")))
    for name in ("ANTQ_DB", "ANTQ_DB_URL", "ANTQ_PASSWORD", "ANTQ_USER"):
        monkeypatch.delenv(name, raising=False)


def make_store(path, unit_code: str = "00070") -> Store:  # type: ignore[no-untyped-def]
    store = open_store(path)
    profile.initialise(store, role="commune", unit_code=unit_code, officer_name="Nguyễn Văn An", password=PASSWORD)
    return store


@pytest.fixture
def store(tmp_path) -> Store:  # type: ignore[no-untyped-def]
    s = make_store(tmp_path / "commune.sqlite3")
    yield s
    s.close()


@pytest.fixture
def demo_store(tmp_path) -> Store:  # type: ignore[no-untyped-def]
    s = make_store(tmp_path / "demo.sqlite3")
    demo.generate(s, households=300, seed=1)
    yield s
    s.close()
