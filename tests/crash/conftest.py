"""A template store for the crash tests: initialised once, copied for every child process."""

from __future__ import annotations

from pathlib import Path

import pytest

from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store

PASSWORD = "mot cau rat dai"


@pytest.fixture(scope="session")
def crash_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(path, area id): a commune with one residential area and no households."""
    path = tmp_path_factory.mktemp("crash-template") / "x.sqlite3"
    store = open_store(path)
    profile.initialise(store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    area = records.create(store, "residential_area", {"name": "Thôn Đông"}, actor="admin")
    store.close()
    return path, area
