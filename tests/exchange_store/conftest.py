"""Two real stores, a commune and its upper office, with keys exchanged as officers would do it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.conftest import PASSWORD, make_store

from antq_desktop.exchange.keystore import KdfParams, KeyStore
from antq_desktop.services import demo
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store

FAST_KDF = KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1)


@pytest.fixture(autouse=True)
def _fast_keystore(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its minimum cost: the blobs carry their parameters, so CLI processes stay fast too."""
    monkeypatch.setattr(keys, "KEYSTORE", KeyStore(FAST_KDF))


def make_office(path: Path | str) -> Store:
    store = open_store(path)
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    return store


def key_file(store: Store) -> bytes:
    with store.session() as session:
        return keys.public_key_file(session, PASSWORD)


@dataclass
class Pair:
    commune: Store
    office: Store
    tmp: Path


def connect(commune: Store, office: Store) -> None:
    """Commune imports the office's key; the office enrols the commune's key (paper check done)."""
    office_key, commune_key = key_file(office), key_file(commune)
    with commune.session() as session:
        keys.set_recipient(session, office_key, actor="admin")
    with office.session() as session:
        keys.trust_add(session, commune_key, actor="admin")


@pytest.fixture
def pair(tmp_path: Path) -> Pair:
    commune = make_store(tmp_path / "commune.sqlite3")
    demo.generate(commune, households=60, seed=3)
    office = make_office(tmp_path / "office.sqlite3")
    connect(commune, office)
    yield Pair(commune, office, tmp_path)
    commune.close()
    office.close()
