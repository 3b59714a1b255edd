"""Fixtures for merge tests: commune stores that export real signed packages, an upper office
(on SQLite and PostgreSQL), and a canonical dump of every table to prove refusals change nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import ACTOR, PASSWORD, make_store

from antq_desktop.exchange.keys import read_public_key_file
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge.results import PackageResult
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.services.setup import profile
from antq_desktop.storage import blobs
from antq_desktop.storage.canonical import canonical_record
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import SYNCED_MODELS, ArchivedPackage, Base, Blob


@dataclass
class Commune:
    """A commune installation and its export counters (what B1's export keeps in export_history)."""

    store: Store
    code: str
    name: str
    folder: Path
    sequence: int = 0
    last_sha: str | None = None
    last_seq: int = 0

    def records(self, since: int) -> list[dict[str, Any]]:
        out = []
        with self.store.session_factory() as session:
            for model in SYNCED_MODELS:
                table = model.__table__
                stmt = select(table).where(table.c.origin_unit == self.code, table.c.change_seq > since)
                out += [canonical_record(model, row) for row in session.execute(stmt.order_by(table.c.id)).mappings()]
        return out

    def max_seq(self) -> int:
        with self.store.session_factory() as session:
            return max((session.execute(select(m.change_seq).order_by(m.change_seq.desc()).limit(1)).scalar() or 0)
                       for m in SYNCED_MODELS)

    def export(self, upper: Store, kind: str = "full", *, records: list[dict[str, Any]] | None = None,
               sequence: int | None = None, name: str | None = None, advance: bool = True,
               encrypted: bool = True, recipient: Any = None, signer_blob: dict | None = None) -> Path:
        """Write the next package (full: everything; incremental: changes since the last export)."""
        since = 0 if kind == "full" else self.last_seq
        rows = records if records is not None else self.records(since)
        seq = sequence if sequence is not None else self.sequence + 1
        meta = PackageMeta(Producer(self.code, self.name, "commune"), seq, kind, "2026", "0.1.0", "1",
                           previous_package_sha256=self.last_sha if kind == "incremental" else None)
        with self.store.session_factory() as session:
            blob = signer_blob or keys.active_blob(session)
        path = self.folder / (name or f"{self.code}-{seq:04d}-{kind}.antq")
        with KeyStore.unlock(blob, PASSWORD) as signer:
            written = write_package(path, rows, meta, signer, recipient or upper_record(upper) if encrypted else None,
                                    encrypted=encrypted)
        if advance:
            self.sequence, self.last_sha, self.last_seq = seq, written.package_sha256, self.max_seq()
        return path

    def key_file(self) -> bytes:
        with self.store.session_factory() as session:
            return keys.public_key_file(session, PASSWORD)


def upper_record(upper: Store) -> Any:
    with upper.session_factory() as session:
        return read_public_key_file(keys.public_key_file(session, PASSWORD))


def trust(upper: Store, commune: Commune) -> None:
    with upper.session() as session:
        keys.trust_add(session, commune.key_file(), actor=ACTOR)


def merge(upper: Store, *paths: Path, **kw: Any) -> list[PackageResult]:
    return merge_packages(upper, list(paths), actor=ACTOR, password=PASSWORD, **kw)


def make_upper(url: str) -> Store:
    store = open_store(url)
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    return store


@pytest.fixture
def upper(engine_url: str) -> Store:
    """The upper office's store on SQLite and on PostgreSQL."""
    s = make_upper(engine_url)
    yield s
    s.close()


@pytest.fixture
def upper_sqlite(tmp_path: Path) -> Store:
    s = make_upper(str(tmp_path / "upper.sqlite3"))
    yield s
    s.close()


def new_commune(tmp_path: Path, code: str, name: str) -> Commune:
    folder = tmp_path / f"c{code}"
    folder.mkdir(exist_ok=True)
    return Commune(make_store(folder / "commune.sqlite3", code), code, name, folder)


@pytest.fixture
def commune(tmp_path: Path) -> Commune:
    c = new_commune(tmp_path, "00004", "Phường Ba Đình")
    yield c
    c.store.close()


@pytest.fixture
def commune2(tmp_path: Path) -> Commune:
    c = new_commune(tmp_path, "00277", "Phường Bạch Mai")
    yield c
    c.store.close()


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: the store's whole observable state."""
    out = {}
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
    return out


def blob_bytes(store: Store, blob_id: str | None) -> bytes:
    """A copy kept in the database, read back through the blob store (its hash checked)."""
    assert blob_id is not None
    with store.session_factory() as session:
        return b"".join(blobs.iter_chunks(session, blob_id))


def blob_count(store: Store) -> int:
    with store.session_factory() as session:
        return len(session.execute(select(Blob.id)).all())


def archived(store: Store) -> dict[str, ArchivedPackage]:
    with store.session_factory() as session:
        return {row.package_uuid: row for row in session.execute(select(ArchivedPackage)).scalars()}


def assert_only_logged(before: dict[str, list[Any]], after: dict[str, list[Any]], *, audit: int = 1) -> None:
    """Identical but for one new ImportAttempt row and (for a refusal) its audit entry."""
    for name in before:
        if name == "import_log":
            assert after[name][:len(before[name])] == before[name]
            assert len(after[name]) == len(before[name]) + 1, name
        elif name == "audit_log":
            assert after[name][:len(before[name])] == before[name]
            assert len(after[name]) == len(before[name]) + audit, name
        else:
            assert after[name] == before[name], name
