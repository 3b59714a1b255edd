"""Fixtures for the feature pages: a real store in tmp_path with demo data (never a mock database)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from antq_desktop.services import demo
from antq_desktop.services.setup import profile  # noqa: E402
from antq_desktop.storage.db import Store, open_store  # noqa: E402

PASSWORD = "mot cau rat dai"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and the data folder go to a temporary place, never the developer's own."""
    home = tmp_path_factory.mktemp("ui-features-home")
    monkeypatch.setenv("ANTQ_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))


@pytest.fixture
def feature_store(tmp_path) -> Store:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "x.sqlite3")
    profile.initialise(store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    demo.generate(store, households=300, seed=1)
    yield store
    store.close()
