"""Issue 17 point 2 and its "done when": one office database, two clerks' PCs (separate ANTQ_HOME data folders,
separate processes running `antq` as a clerk would). A package held on PC 1 is released by a merge on PC 2; a
forward written on PC 2 carries the packages merged on PC 1; a receipt is issued on PC 2 for them; two PCs
merging, holding and releasing at once end consistent. On PostgreSQL and on one SQLite file."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests.conftest import PASSWORD
from tests.postgres.clerks import antq, at_the_barrier, chain, consistent, digest, merged, results_of
from tests.services.conftest import enrol_recipient, key_file
from tests.services.merge.conftest import make_upper, new_commune

from antq_desktop.exchange import package_reader
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.storage.models import ArchivedPackage, ProducerState


@pytest.fixture
def pcs(tmp_path: Path) -> tuple[Path, Path]:
    homes = tmp_path / "pc1-home", tmp_path / "pc2-home"
    for home in homes:
        home.mkdir()
    return homes


@pytest.fixture
def office_url(engine_url: str) -> str:
    store = make_upper(engine_url)
    store.close()
    return engine_url


def test_a_package_held_on_pc1_is_released_by_a_merge_on_pc2(office_url, pcs, tmp_path) -> None:
    pc1, pc2 = pcs
    office = open_store(office_url)
    commune = new_commune(tmp_path, "00004", "Phường Ba Đình")
    try:
        full, inc2, inc3, _inc4 = chain(commune, office, 8, 31)
        assert [r["status"] for r in merged(pc1, office_url, full, inc3)] == ["merged", "held"]  # PC 1 holds 3
        inc3.unlink()  # the USB stick left with PC 1's clerk
        listing = antq(pc2, office_url, "held", "list", "--json")
        assert listing.returncode == 0, listing.stderr
        (row,) = json.loads(listing.stdout)
        assert (row["sequence"], row["waiting_for"], row["file_present"], row["in_database"]) == (3, 2, True, True)

        results = merged(pc2, office_url, inc2)  # PC 2 merges the missing package: 3 follows by itself

        assert [(r["sequence"], r["status"], r["released_from_hold"]) for r in results] == \
            [(2, "merged", False), (3, "merged", True)]
        assert json.loads(antq(pc1, office_url, "held", "list", "--json").stdout) == []
        with office.session_factory() as session:
            assert session.get(ProducerState, "00004").last_sequence == 3
        assert not [p for p in tmp_path.rglob("*") if p.name in ("held-packages", "merged-packages")]  # no folder copy
        consistent(office)
    finally:
        commune.store.close()
        office.close()


def test_forward_and_receipt_on_pc2_from_packages_merged_on_pc1(office_url, pcs, tmp_path) -> None:
    pc1, pc2 = pcs
    office = open_store(office_url)
    commune = new_commune(tmp_path, "00004", "Phường Ba Đình")
    province = open_store(str(tmp_path / "province.sqlite3"))
    try:
        profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
        enrol_recipient(commune.store, office)
        full, inc2, _inc3, _inc4 = chain(commune, office, 6, 32)
        results = merged(pc1, office_url, full, inc2)
        assert [r["status"] for r in results] == ["merged", "merged"]
        enrol_recipient(office, province)
        with province.session() as session:
            keys.trust_add(session, key_file(office), actor="admin", role="district", communes=["00004"])
        for path in (full, inc2):
            path.unlink()
        out = tmp_path / "forward.antq"

        written = antq(pc2, office_url, "forward", "--out", str(out))  # on PC 2, whose data folder is empty
        assert written.returncode == 0, written.stderr[-2000:]
        assert "Không còn bản sao" not in written.stdout + written.stderr
        assert package_reader.inspect(out).kind == "forward"
        receipt = antq(pc2, office_url, "receipt", "--package", results[0]["package_id"], "--package",
                       results[1]["package_id"], "--out", str(tmp_path / "r.antqrcpt"))
        assert receipt.returncode == 0, receipt.stderr[-2000:]
        listed = json.loads((tmp_path / "r.antqrcpt").read_bytes())["packages"]
        assert [p["sequence"] for p in listed] == [1, 2]

        at_province = antq(tmp_path / "province-home", str(province.sqlite_path), "merge", "--json", str(out))
        assert at_province.returncode == 0, at_province.stderr[-2000:]
        statuses = [r["status"] for r in json.loads(at_province.stdout.strip().splitlines()[-1])]
        assert statuses == ["merged"] * 4  # the forward, commune packages 1 and 2, the office's own
        assert digest(province, "00004") == digest(office, "00004")
    finally:
        commune.store.close()
        province.close()
        office.close()


def test_two_pcs_merging_holding_and_releasing_at_once_endconsistent(office_url, pcs, tmp_path) -> None:
    """Each PC holds packages whose predecessor the other one has; both start at the same moment."""
    pc1, pc2 = pcs
    office = open_store(office_url)
    a = new_commune(tmp_path, "00004", "Phường Ba Đình")
    b = new_commune(tmp_path, "00277", "Phường Bạch Mai")
    try:
        a1, a2, a3, a4 = chain(a, office, 6, 33)
        b1, b2, b3, b4 = chain(b, office, 6, 34)
        barrier = tmp_path / "go"
        orders = {pc1: [a1, a3, b4, b2], pc2: [b1, b3, a4, a2]}
        procs = [at_the_barrier(barrier, home, office_url, "merge", "--json", *map(str, files))
                 for home, files in orders.items()]
        time.sleep(1.5)  # both interpreters started and waiting at the barrier
        barrier.touch()
        for proc in procs:
            out, err = proc.communicate(timeout=600)
            assert proc.returncode == 0, err[-2000:]
            assert all(r["status"] in ("merged", "held", "duplicate") for r in results_of(out))

        with office.session_factory() as session:
            last = dict(session.execute(select(ProducerState.producer_unit, ProducerState.last_sequence)).all())
            kept = session.execute(select(func.count()).select_from(ArchivedPackage)).scalar()
        assert last == {"00004": 4, "00277": 4}
        assert kept == 8  # one copy per package, none twice
        consistent(office)
        assert digest(office, "00004") == digest(a.store, "00004")
        assert digest(office, "00277") == digest(b.store, "00277")
        check = antq(pc1, office_url, "check")
        assert check.returncode == 0, check.stdout + check.stderr
    finally:
        a.store.close()
        b.store.close()
        office.close()
