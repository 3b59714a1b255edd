"""Real temporary stores for the trust tests: built once (Argon2 and demo data are slow), copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from antq_desktop.services import demo
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.accounts.login import UserInfo
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store

PASSWORD = "mot cau rat dai"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "x.sqlite3"
    store = open_store(path)
    profile.initialise(store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    demo.generate(store, households=200, seed=1)
    store.close()  # the last connection folds the WAL into the file, so one file is the whole store
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "x.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def store(db_path: Path) -> Store:
    store = open_store(db_path)
    yield store
    store.close()


@pytest.fixture
def admin(store: Store) -> UserInfo:
    return accounts.sign_in(store, username="admin", password=PASSWORD)
