"""Issue 14 point 7: the cluster passes the province's plan to its communes, the province's targets and
signature kept and the cluster's added targets marked as the cluster's; the commune is measured against
its offices' targets and its own are only extras (before: a cluster could only send its own plan, and a
commune with a plan of its own saw other thresholds than its office)."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
from tests.scenarios.year_helpers import PASSWORD, YEAR, Unit, init_unit, link, refused

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.office import dashboard
from antq_desktop.services.plans.receive import recipient_lookup
from antq_desktop.storage.db import open_store

Y = str(YEAR)


@pytest.fixture
def chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Unit, Unit, Unit]:
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    province = init_unit(tmp_path / "p", str(tmp_path / "p.sqlite3"), "province", "01")
    cluster = init_unit(tmp_path / "c", str(tmp_path / "c.sqlite3"), "district", "CUM-01", "Cụm công an khu vực 1")
    commune = init_unit(tmp_path / "x", str(tmp_path / "x.sqlite3"), "commune", "00070")
    link(cluster, province, role="district", communes=["00070"])
    link(commune, cluster)
    province.run("plan", "new", "--year", Y, "--from", "thanh-hoa-2025")
    province.run("plan", "target", "set", "--year", Y, "households_pledged_pct", "97")
    province.run("plan", "publish", "--year", Y, "--out", str(tmp_path / "p-plan.antq"))
    cluster.run("plan", "import", str(tmp_path / "p-plan.antq"))
    return province, cluster, commune


def _targets(unit: Unit) -> dict[str, dict]:
    return {t["indicator"]: t for t in unit.stats()["targets"]}


def _own_plan(unit: Unit, indicator: str, threshold: str, tmp_path: Path) -> None:
    template = tmp_path / f"{unit.code}.json"
    template.write_text(json.dumps({"format": "antq-plan-template", "title": "Kế hoạch riêng năm {year}",
                                    "targets": [{"indicator": indicator, "threshold": float(threshold)}]}),
                        encoding="utf-8")
    unit.run("plan", "new", "--year", Y, "--from", str(template))


def test_cluster_passes_the_province_plan_down_signature_kept(chain, tmp_path: Path) -> None:
    province, cluster, commune = chain
    _own_plan(cluster, "households_pledged_pct", "50", tmp_path)  # the province's 97 stays the province's
    cluster.run("plan", "target", "set", "--year", Y, "briefed_pct", "60")  # what the cluster adds
    # the commune's own plan: a lower threshold where the offices set one, and an extra of its own
    _own_plan(commune, "households_pledged_pct", "10", tmp_path)
    commune.run("plan", "target", "set", "--year", Y, "security_teams_completed_pct", "40")
    out = cluster.run("plan", "publish", "--year", Y, "--out", str(tmp_path / "c-plan.antq"))
    assert "01" in out and "chữ ký" in out
    imported = commune.run("plan", "import", str(tmp_path / "c-plan.antq"))
    assert "01" in imported and "đã được kiểm tra" in imported

    at_commune, at_cluster = _targets(commune), _targets(cluster)
    assert at_commune["households_pledged_pct"]["threshold"] == 97
    assert at_commune["households_pledged_pct"]["set_by"] == "01" and not at_commune["households_pledged_pct"]["extra"]
    assert at_commune["briefed_pct"]["set_by"] == "CUM-01" and not at_commune["briefed_pct"]["extra"]
    extra = at_commune["security_teams_completed_pct"]
    assert extra["extra"] and extra["set_by"] == "00070"
    # the office measures the commune against exactly the thresholds the commune sees (extras aside)
    measured = {k: (v["threshold"], v["set_by"]) for k, v in at_commune.items() if not v["extra"]}
    assert measured == {k: (v["threshold"], v["set_by"]) for k, v in at_cluster.items()}
    shown = commune.run("plan", "show", "--year", Y)
    assert "CUM-01" in shown and "riêng của đơn vị" in shown
    # the dashboard names who added a target beside the province's plan
    assert _added_by(commune) == {"briefed_pct": "Cụm công an khu vực 1"}
    assert _added_by(cluster) == {"briefed_pct": "Cụm công an khu vực 1"}


def test_the_dashboard_says_which_targets_the_cluster_added(chain, tmp_path: Path, qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from antq_desktop.ui.pages.dashboard_page import DashboardPage

    province, cluster, commune = chain
    _own_plan(cluster, "households_pledged_pct", "50", tmp_path)  # the province's 97 stays the province's
    cluster.run("plan", "target", "set", "--year", Y, "briefed_pct", "60")
    cluster.run("plan", "publish", "--year", Y, "--out", str(tmp_path / "c-plan.antq"))
    commune.run("plan", "import", str(tmp_path / "c-plan.antq"))
    assert _added_by(province) == {}
    store = open_store(commune.db)
    try:
        page = DashboardPage(store, YEAR)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.data is not None, timeout=20000)
        texts = [label.text() for label in page.findChildren(QLabel)]
    finally:
        store.close()
    assert sum("(chỉ tiêu do Cụm công an khu vực 1 đặt thêm)" in t for t in texts) == 1  # briefings, only
    assert not any("đặt thêm" in t and "cam kết" in t.lower() for t in texts)  # the province's own target


def _added_by(unit: Unit) -> dict[str, str]:
    store = open_store(unit.db)
    try:
        return dashboard.collect(store, YEAR).added_by
    finally:
        store.close()


def _records(commune: Unit, path: Path) -> list[dict]:
    store = open_store(commune.db)
    try:
        with store.session_factory() as session:
            lookup = recipient_lookup(session)
    finally:
        store.close()
    return list(package_reader.iter_records(package_reader.verify(path, lookup)))


def _resign(cluster: Unit, dest: Path, records: list[dict], *, sequence: int) -> None:
    """What a cluster holding its own key could send: anything, validly signed by the cluster."""
    store = open_store(cluster.db)
    try:
        with store.session_factory() as session:
            blob = keys.active_blob(session)
    finally:
        store.close()
    meta = PackageMeta(Producer("CUM-01", "Cụm công an khu vực 1", "district"), sequence, "plan", Y, "test", "0011")
    with KeyStore.unlock(blob, PASSWORD) as signer:
        write_package(dest, records, meta, signer, None, encrypted=False, total_records=len(records))


def _with_inner(records: list[dict], data: bytes) -> list[dict]:
    out = []
    for record in records:
        if record["type"] == "upper_plan":
            record = {**record, "file_size": len(data), "package_sha256": hashlib.sha256(data).hexdigest()}
        if record["type"] == "upper_plan_chunk":
            record = {**record, "data": base64.b64encode(data).decode()}
        out.append(record)
    return out


def _inner(records: list[dict]) -> bytes:
    return b"".join(base64.b64decode(r["data"]) for r in records if r["type"] == "upper_plan_chunk")


def test_a_cluster_cannot_alter_or_forge_the_province_part(chain, tmp_path: Path) -> None:
    """The cluster's signature is valid, yet the province's part is checked under the province's own."""
    province, cluster, commune = chain
    path = tmp_path / "c-plan.antq"
    cluster.run("plan", "publish", "--year", Y, "--out", str(path))
    records = _records(commune, path)
    assert [r["producer_unit"] for r in records if r["type"] == "upper_plan"] == ["01"]
    before = commune.stats()
    # 1. one byte of the province's file changed, its size and SHA-256 made to match
    data = bytearray(_inner(records))
    data[len(data) // 2] ^= 1
    _resign(cluster, tmp_path / "altered.antq", _with_inner(records, bytes(data)), sequence=5)
    refused(commune.db, "BAD_SIGNATURE", "plan", "import", str(tmp_path / "altered.antq"))
    # 2. the same length cut short: damaged
    broken = [r for r in records if r["type"] != "upper_plan_chunk" or r["index"] > 0]
    _resign(cluster, tmp_path / "cut.antq", broken, sequence=6)
    refused(commune.db, "MALFORMED", "plan", "import", str(tmp_path / "cut.antq"))
    # 3. a "province" plan the cluster signed itself, announcing its own key as the province's
    forged = [dict(r) for r in records]
    cluster_records = [r for r in records if r["type"] != "upper_plan" and r["type"] != "upper_plan_chunk"]
    _resign(cluster, tmp_path / "inner.antq", cluster_records, sequence=1)
    inner = (tmp_path / "inner.antq").read_bytes()
    own_key = keys.parse_key_file(cluster.key_file().read_bytes())
    for r in forged:
        if r["type"] == "upper_plan":
            r.update(signer_key_id=own_key.signing_key_id,
                     signing_public=base64.b64encode(own_key.signing_public).decode())
    _resign(cluster, tmp_path / "forged.antq", _with_inner(forged, inner), sequence=7)
    refused(commune.db, "NOT_AUTHORISED", "plan", "import", str(tmp_path / "forged.antq"))
    assert commune.stats() == before
    # the genuine package still goes in afterwards
    assert "đã được kiểm tra" in commune.run("plan", "import", str(path))


def test_an_older_province_plan_passed_down_is_refused(chain, tmp_path: Path) -> None:
    province, cluster, commune = chain
    cluster.run("plan", "publish", "--year", Y, "--out", str(tmp_path / "c1.antq"))
    old = _records(commune, tmp_path / "c1.antq")
    province.run("plan", "target", "set", "--year", Y, "households_pledged_pct", "98")
    province.run("plan", "publish", "--year", Y, "--out", str(tmp_path / "p2.antq"))
    cluster.run("plan", "import", str(tmp_path / "p2.antq"))
    cluster.run("plan", "publish", "--year", Y, "--out", str(tmp_path / "c2.antq"))
    commune.run("plan", "import", str(tmp_path / "c2.antq"))
    assert _targets(commune)["households_pledged_pct"]["threshold"] == 98
    _resign(cluster, tmp_path / "c3.antq", old, sequence=9)  # the cluster sends the province's first plan again
    refused(commune.db, "REPLAY", "plan", "import", str(tmp_path / "c3.antq"))
    assert _targets(commune)["households_pledged_pct"]["threshold"] == 98


def test_the_communes_own_enrolment_of_the_province_decides(chain, tmp_path: Path) -> None:
    """A commune that enrolled the province's key itself (it reported to the province before its cluster
    existed) checks the province's part with that key: once it revoked it, a cluster's package carrying
    that province plan is refused (REVOKED_KEY), whatever key the cluster announces."""
    province, cluster, commune = chain
    path = tmp_path / "c-plan.antq"
    cluster.run("plan", "publish", "--year", Y, "--out", str(path))
    commune.run("recipient", "set", str(province.key_file()))
    commune.run("recipient", "set", str(cluster.key_file()))
    commune.run("trust", "revoke", province.fingerprint(), "--reason", "khóa của tỉnh bị lộ")
    before = commune.stats()
    refused(commune.db, "REVOKED_KEY", "plan", "import", str(path))
    assert commune.stats() == before
