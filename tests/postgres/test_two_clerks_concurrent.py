"""Issue 17 point 5: two ACCOUNTS on two "PCs" (separate ANTQ_HOMEs) merge, hold, release and forward
against one PostgreSQL database AT THE SAME TIME, each with its own password (its own wrap of the office
keys), both connected as the application role of docs/postgresql.md section 5 (no DDL).

Round 1 (both at once): PC 1 (admin A) merges commune X's packages 1 and 3, PC 2 (officer B) commune Y's 1
and 3: each holds its 3. Round 2 (both at once): PC 1 merges Y's 2 and 4, releasing the package PC 2 holds;
PC 2 merges X's 2 and 4, releasing PC 1's. Then B forwards on PC 2 what A merged on PC 1. The office ends
as a single clerk merging the same packages on a copy of the same database."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.conftest import PASSWORD
from tests.postgres.clerks import Office, antq, at_the_barrier, chain, consistent, digest, merged, results_of
from tests.services.conftest import enrol_recipient, key_file
from tests.services.merge.conftest import make_upper, new_commune

from antq_desktop.services.keys import registry as keys
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import ArchivedPackage, KeyWrap, ProducerState, User

B_PASSWORD = "con meo vang ngu tren mai nha"
CLERK_A = {"user": "admin", "password": PASSWORD}
CLERK_B = {"user": "b", "password": B_PASSWORD}


def _at_once(barrier: Path, url: str,
             *runs: tuple[Path, dict[str, str], list[Path]]) -> list[list[dict]]:  # type: ignore[type-arg]
    """`antq merge --json FILES` on each PC as its clerk, all released at the same moment; their results."""
    procs = [at_the_barrier(barrier, home, url, "merge", "--json", *map(str, files), **clerk)
             for home, clerk, files in runs]
    time.sleep(1.5)  # every interpreter started and waiting at the barrier
    barrier.touch()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
        results.append(results_of(out))
    barrier.unlink()
    return results


def _summary(results: list[dict]) -> list[tuple[str, int, str, bool]]:  # type: ignore[type-arg]
    return [(r["producer"], r["sequence"], r["status"], r["released_from_hold"]) for r in results]


def _stats_digests(home: Path, db: str) -> dict[str, str]:
    shown = antq(home, db, "stats", "--json")
    assert shown.returncode == 0, shown.stderr[-2000:]
    return {code: unit["digest"] for code, unit in json.loads(shown.stdout)["units"].items()}


def _copy_database(office: Office, name: str) -> str:
    """A copy of the office database as it is now (no one connected), for the single-clerk reference."""
    office.psql("antq", f'CREATE DATABASE "{name}" TEMPLATE "{office.names.database}"')
    return f"postgresql+psycopg://antq@127.0.0.1:{office.server.port}/{name}"


def _add_clerk_b(pc1: Path, url: str) -> None:
    """On PC 1 admin A creates B's account: B's own password, the office keys wrapped for B by A's."""
    added = antq(pc1, url, "user", "add", "b", "--name", "Lê Thị Cúc", "--role", "officer", **CLERK_A,
                 new_password=B_PASSWORD)
    assert added.returncode == 0, added.stderr[-2000:]


def _own_wraps(store: Store) -> None:
    """A and B each hold their own wrap of the office keys (issue 17 point 1)."""
    with store.session_factory() as session:
        owners = dict(session.execute(select(User.username, User.id)).all())
        wrapped = set(session.execute(select(KeyWrap.user_id).where(KeyWrap.kind == "account")).scalars())
    assert {owners["admin"], owners["b"]} <= wrapped


def _province_ready(province: Store, office: Store) -> None:
    """The province trusts the office for both communes; the office sends up to the province."""
    profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    enrol_recipient(office, province)
    with province.session() as session:
        keys.trust_add(session, key_file(office), actor="admin", role="district", communes=["00004", "00277"])


@pytest.fixture
def office(postgres_server, tmp_path: Path) -> Office:
    """An office database set up with the three roles; the owner migrated it, the app role initialised it."""
    office = Office(postgres_server, f"antq_clerks_{os.getpid()}_{tmp_path.name[-12:].lower()}")
    open_store(office.url(office.names.owner)).close()
    make_upper(office.url(office.names.app)).close()
    return office


def test_two_accounts_on_two_pcs_merge_hold_release_and_forward_at_once(office: Office, tmp_path: Path) -> None:
    url = office.url(office.names.app)  # every clerk's PC connects as the application role
    pc1, pc2 = tmp_path / "pc1-home", tmp_path / "pc2-home"
    store = open_store(url)
    x = new_commune(tmp_path, "00004", "Phường Ba Đình")
    y = new_commune(tmp_path, "00277", "Phường Bạch Mai")
    province = open_store(str(tmp_path / "province.sqlite3"))
    try:
        x1, x2, x3, x4 = chain(x, store, 6, 41)  # the helpers read the office's key as its only account
        y1, y2, y3, y4 = chain(y, store, 6, 42)
        _province_ready(province, store)
        _add_clerk_b(pc1, url)
        _own_wraps(store)
        store.close()
        reference = _copy_database(office, f"{office.names.database}_ref")

        first = _at_once(tmp_path / "go", url, (pc1, CLERK_A, [x1, x3]), (pc2, CLERK_B, [y1, y3]))
        assert [_summary(r) for r in first] == [[("00004", 1, "merged", False), ("00004", 3, "held", False)],
                                                [("00277", 1, "merged", False), ("00277", 3, "held", False)]]
        second = _at_once(tmp_path / "go", url, (pc1, CLERK_A, [y2, y4]), (pc2, CLERK_B, [x2, x4]))
        assert [_summary(r) for r in second] == [  # each releases the package the other PC holds
            [("00277", 2, "merged", False), ("00277", 3, "merged", True), ("00277", 4, "merged", False)],
            [("00004", 2, "merged", False), ("00004", 3, "merged", True), ("00004", 4, "merged", False)]]

        store = open_store(url)
        consistent(store)  # no hold left, no stray blob
        with store.session_factory() as session:
            last = dict(session.execute(select(ProducerState.producer_unit, ProducerState.last_sequence)).all())
            kept = sorted(session.execute(select(ArchivedPackage.producer_unit, ArchivedPackage.sequence)).all())
        assert last == {"00004": 4, "00277": 4}
        assert kept == [(code, n) for code in ("00004", "00277") for n in (1, 2, 3, 4)]  # one copy per package
        assert digest(store, "00004") == digest(x.store, "00004") and digest(store, "00277") == digest(y.store, "00277")

        alone = merged(tmp_path / "one-clerk-home", reference, x1, x2, x3, x4, y1, y2, y3, y4, **CLERK_A)
        assert [r["status"] for r in alone] == ["merged"] * 8
        assert _stats_digests(pc2, url) == _stats_digests(tmp_path / "one-clerk-home", reference)
        for home, clerk in ((pc1, CLERK_A), (pc2, CLERK_B)):
            checked = antq(home, url, "check", **clerk)
            assert checked.returncode == 0, checked.stdout + checked.stderr

        for path in (x1, x2, x3, x4, y1, y2, y3, y4):
            path.unlink()  # what PC 1 merged is only in the database now
        forward = tmp_path / "forward.antq"
        written = antq(pc2, url, "forward", "--out", str(forward), **CLERK_B)  # B, on PC 2, with B's password
        assert written.returncode == 0, written.stdout[-2000:] + written.stderr[-2000:]
        at_province = merged(tmp_path / "province-home", str(province.sqlite_path), forward)
        assert [r["status"] for r in at_province] == ["merged"] * 10  # the forward, 8 commune packages, its own
        assert digest(province, "00004") == digest(store, "00004")
        assert digest(province, "00277") == digest(store, "00277")
    finally:
        for opened in (store, x.store, y.store, province):
            opened.close()
