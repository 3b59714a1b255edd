"""Fuzzing the whole import path: a damaged real package is refused by merge and no record changes.

A commune exports a real signed, encrypted package (services.export.build); the upper office trusts
its key. Hypothesis damages the file; merge_packages must answer "refused" (never raise), and
every synced table of the upper office must be byte-for-byte as before. Refusals are logged
(ImportAttempt, audit entry) by design — that is the only write allowed, and the audit chain
must stay intact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from antq_desktop.services import check, demo
from antq_desktop.services.export import build as export
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.services.setup import profile
from antq_desktop.storage.canonical import canonical_record
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import SYNCED_MODELS

from .test_package_reader_fuzz import MUTATION, _mutate

PASSWORD = "mot cau rat dai"


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("merge-fuzz")
    commune, office = open_store(folder / "xa.sqlite3"), open_store(folder / "cum.sqlite3")
    profile.initialise(commune, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    profile.initialise(office, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    demo.generate(commune, households=30, seed=3)
    with office.session_factory() as session:
        office_key = keys.public_key_file(session, PASSWORD)
    with commune.session_factory() as session:
        commune_key = keys.public_key_file(session, PASSWORD)
    with commune.session() as session:
        keys.set_recipient(session, office_key, actor="admin")
    with office.session() as session:
        keys.trust_add(session, commune_key, actor="admin")
    result = export.export_package(commune, folder / "goi.antq", password=PASSWORD, actor="admin", kind="full")
    yield office, Path(result.path).read_bytes()
    commune.close()
    office.close()


def _dump(store: Store) -> list[Any]:
    with store.session_factory() as session:
        return [canonical_record(m, row) for m in SYNCED_MODELS
                for row in session.execute(select(m.__table__).order_by(m.__table__.c.id)).mappings()]


@given(ops=st.lists(MUTATION, min_size=1, max_size=4))
def test_damaged_package_is_refused_and_changes_no_record(tmp_path: Path, pair: Any,
                                                          ops: list[tuple[str, int, Any]]) -> None:
    office, good = pair
    damaged = _mutate(good, ops)
    if damaged == good:
        return
    path = tmp_path / "goi-hong.antq"
    path.write_bytes(damaged)
    before = _dump(office)
    results = merge_packages(office, [path], actor="admin", password=PASSWORD)
    assert [r.status for r in results] == ["refused"], results
    assert results[0].message  # a Vietnamese sentence for the officer
    assert _dump(office) == before


def test_office_is_whole_after_fuzzing(pair: Any) -> None:
    office, _ = pair
    assert check.run_checks(office).ok
