"""Fixtures for the upper office's plan and forward packages: an office, communes that enrolled
its key as their recipient, and a province. Real stores, real keys, real packages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ACTOR, PASSWORD
from tests.services.merge.conftest import Commune, dump, make_upper, new_commune

from antq_desktop.services.keys import registry as keys
from antq_desktop.services.plans import files as plan_files
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store

YEAR = 2026
__all__ = ["ACTOR", "PASSWORD", "YEAR", "Commune", "dump", "key_file", "office_plan", "enrol_recipient",
           "dump_without_log"]


def key_file(store: Store) -> bytes:
    with store.session_factory() as session:
        return keys.public_key_file(session, PASSWORD)


def enrol_recipient(lower: Store, upper: Store) -> None:
    """The lower unit imports the upper office's key file (what `antq recipient set` does)."""
    with lower.session() as session:
        keys.set_recipient(session, key_file(upper), actor=ACTOR)


def office_plan(office: Store, year: int = YEAR, threshold: float = 90) -> str:
    plan = records.create(office, "plan", {"year": year, "title": "Kế hoạch cụm năm 2026"}, actor=ACTOR)
    records.create(office, "plan_target", {"plan_id": plan, "indicator": "households_pledged_pct",
                                           "threshold": threshold}, actor=ACTOR)
    return plan


def dump_without_log(store: Store) -> dict[str, Any]:
    return {name: rows for name, rows in dump(store).items() if name != "import_log"}


@pytest.fixture(autouse=True)
def _fresh_loaders() -> None:
    """Received catalogs/templates live in each test's own data folder: never let a cache leak them."""
    yield
    plan_files.clear_caches()


@pytest.fixture
def office(engine_url: str) -> Store:
    """A district/cluster office on SQLite and on PostgreSQL."""
    s = make_upper(engine_url)
    yield s
    s.close()


@pytest.fixture
def office_sqlite(tmp_path: Path) -> Store:
    s = make_upper(str(tmp_path / "office.sqlite3"))
    yield s
    s.close()


@pytest.fixture
def commune_a(tmp_path: Path) -> Commune:
    c = new_commune(tmp_path, "00004", "Phường Ba Đình")
    yield c
    c.store.close()


@pytest.fixture
def commune_b(tmp_path: Path) -> Commune:
    c = new_commune(tmp_path, "00277", "Phường Bạch Mai")
    yield c
    c.store.close()
