"""Plan packages: the office publishes the year's plan, a commune imports it (signature, replay, own records)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from tests.services.conftest import ACTOR, PASSWORD, YEAR, dump_without_log, enrol_recipient, office_plan

from antq_desktop.cli.main import main
from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain import pledge_templates
from antq_desktop.exchange import package_reader
from antq_desktop.services import demo
from antq_desktop.services.office import stats
from antq_desktop.services.plans import files as plan_files
from antq_desktop.services.plans import publish as plan_package
from antq_desktop.services.plans import receive as plan_import
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Plan, PlanTarget


def publish(office: Store, folder: Path, name: str = "plan.antq", **kw) -> Path:  # type: ignore[no-untyped-def]
    path = folder / name
    plan_package.publish(office, path, year=YEAR, password=PASSWORD, actor=ACTOR, **kw)
    return path


def test_publish_import_targets_come_from_the_plan(office, commune_a, tmp_path: Path) -> None:
    enrol_recipient(commune_a.store, office)
    demo.generate(commune_a.store, households=20, seed=3)
    with commune_a.store.session_factory() as session:  # the demo data brings a plan of the commune's own
        own_targets = list(session.execute(select(PlanTarget.id).where(PlanTarget.origin_unit == "00004")).scalars())
        own_plans = list(session.execute(select(Plan.id).where(Plan.origin_unit == "00004")).scalars())
    for record_type, ids in (("plan_target", own_targets), ("plan", own_plans)):
        for record_id in ids:
            records.delete(commune_a.store, record_type, record_id, actor=ACTOR)
    own_area = records.create(commune_a.store, "residential_area", {"name": "Tổ dân phố 99"}, actor=ACTOR)
    office_plan(office)
    path = publish(office, tmp_path, deadlines={"data_submission": "2026-12-15", "self_assessment:area": "2026-11-30"})
    header = package_reader.inspect(path)
    assert header.kind == "plan" and not header.encrypted and header.recipient_key_id is None
    own_before = records.get(commune_a.store, "residential_area", own_area)

    result = plan_import.import_plan(commune_a.store, path, actor=ACTOR)

    assert result.status == "imported", result.message
    assert result.counts["plan"]["new"] == 1 and result.counts["plan_target"]["new"] == 1
    with commune_a.store.session_factory() as session:
        plan = stats.year_plan(session, YEAR)
        assert plan is not None and plan.origin_unit == "CUM-01"  # the commune has none of its own
        (target,) = stats.target_statuses(session, YEAR)
    assert target.indicator == "households_pledged_pct" and target.threshold == 90
    assert records.get(commune_a.store, "residential_area", own_area) == own_before
    assert plan_files.received_deadlines(YEAR) == {"data_submission": "2026-12-15",
                                                    "self_assessment:area": "2026-11-30"}
    sources = plan_files.received_sources()
    assert sources["catalogs/TT124-2021_TT48-2025.json"]["office"] == "CUM-01"
    assert catalogs.catalog_origin("TT124-2021/TT48-2025") == "received"


def test_own_plan_wins_and_is_never_overwritten(office_sqlite, commune_a, tmp_path: Path) -> None:
    enrol_recipient(commune_a.store, office_sqlite)
    own = records.create(commune_a.store, "plan", {"year": YEAR, "title": "Kế hoạch của xã"}, actor=ACTOR)
    office_plan(office_sqlite)
    assert plan_import.import_plan(commune_a.store, publish(office_sqlite, tmp_path), actor=ACTOR).status == "imported"
    with commune_a.store.session_factory() as session:
        assert stats.year_plan(session, YEAR).id == own  # type: ignore[union-attr]
        assert session.get(Plan, own).title == "Kế hoạch của xã"  # type: ignore[union-attr]


def test_replayed_plan_package_refused(office_sqlite, commune_a, tmp_path: Path) -> None:
    enrol_recipient(commune_a.store, office_sqlite)
    office_plan(office_sqlite)
    first = publish(office_sqlite, tmp_path, "p1.antq")
    second = publish(office_sqlite, tmp_path, "p2.antq")
    assert plan_import.import_plan(commune_a.store, second, actor=ACTOR).status == "imported"
    before = dump_without_log(commune_a.store)
    for path in (second, first):  # the same package again, and an older one
        result = plan_import.import_plan(commune_a.store, path, actor=ACTOR)
        assert result.status == "refused" and result.code == "REPLAY"
    assert dump_without_log(commune_a.store) == before


def test_plan_signed_by_a_non_recipient_key_refused(office_sqlite, commune_a, commune_b, tmp_path: Path) -> None:
    enrol_recipient(commune_a.store, office_sqlite)
    # commune B pretends to be an office: its key is not the one commune A enrolled
    records.create(commune_b.store, "plan", {"year": YEAR, "title": "Giả mạo"}, actor=ACTOR)
    from antq_desktop.storage.models import UnitProfile

    with commune_b.store.session() as session:
        session.get(UnitProfile, 1).role = "district"  # type: ignore[union-attr]
    forged = publish(commune_b.store, tmp_path, "forged.antq")
    before = dump_without_log(commune_a.store)
    result = plan_import.import_plan(commune_a.store, forged, actor=ACTOR)
    assert result.status == "refused" and result.code == "UNKNOWN_KEY"
    assert dump_without_log(commune_a.store) == before


def test_tampered_plan_refused_store_and_files_unchanged(office_sqlite, commune_a, tmp_path: Path) -> None:
    enrol_recipient(commune_a.store, office_sqlite)
    office_plan(office_sqlite)
    path = publish(office_sqlite, tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    before = dump_without_log(commune_a.store)
    result = plan_import.import_plan(commune_a.store, path, actor=ACTOR)
    assert result.status == "refused" and result.code == "BAD_SIGNATURE"
    assert dump_without_log(commune_a.store) == before
    assert not catalogs.received_dir().exists() or not any(catalogs.received_dir().rglob("*.json"))


def test_invalid_catalog_refused_before_anything_is_written(office_sqlite, commune_a, tmp_path: Path) -> None:
    """A validly signed package whose catalog is broken: refused, no row, no file."""
    enrol_recipient(commune_a.store, office_sqlite)
    office_plan(office_sqlite)
    broken = tmp_path / "catalog.json"
    doc = plan_package.catalog_document("TT124-2021/TT48-2025")
    broken.write_text(json.dumps(doc), encoding="utf-8")
    path = publish(office_sqlite, tmp_path, catalog_path=broken)
    # sign a package whose catalog record is invalid (levels in the wrong order), bypassing publish's own check
    doc["classification"]["levels"].reverse()
    original = plan_package.catalog_document
    plan_package.catalog_document = lambda code, path=None: doc  # type: ignore[assignment]
    try:
        bad = publish(office_sqlite, tmp_path, "bad.antq")
    finally:
        plan_package.catalog_document = original  # type: ignore[assignment]
    before = dump_without_log(commune_a.store)
    result = plan_import.import_plan(commune_a.store, bad, actor=ACTOR)
    assert result.status == "refused" and result.code == "VALIDATION_ERROR" and "tiêu chí" in result.message
    assert dump_without_log(commune_a.store) == before
    assert not any(catalogs.received_dir().rglob("*.json"))
    # the refused package left no trace in the sequence state: the valid (older) one still imports
    assert plan_import.import_plan(commune_a.store, path, actor=ACTOR).status == "imported"


def test_received_pledge_template_is_loaded(office_sqlite, commune_a, tmp_path: Path) -> None:
    enrol_recipient(commune_a.store, office_sqlite)
    office_plan(office_sqlite)
    edited = catalogs.received_dir("forms")  # at the OFFICE this folder holds its edited wording
    doc = json.loads((Path(catalogs.resource_path("forms")) / "household_pledge.json").read_text(encoding="utf-8"))
    doc["pledge_template"]["label"] = "Bản cam kết của hộ gia đình (mẫu của cụm)"
    edited.mkdir(parents=True)
    (edited / "household_pledge.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    path = publish(office_sqlite, tmp_path)
    (edited / "household_pledge.json").unlink()  # same data folder in this test: prove the import writes it
    pledge_templates.pledge_templates.cache_clear()
    assert plan_import.import_plan(commune_a.store, path, actor=ACTOR).status == "imported"
    assert pledge_templates.pledge_templates()["household_pledge"].label.endswith("(mẫu của cụm)")


def test_cli_plan_publish_and_import(office_sqlite, commune_a, tmp_path: Path, monkeypatch, capsys) -> None:
    enrol_recipient(commune_a.store, office_sqlite)
    office_plan(office_sqlite)
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    office_db, commune_db = str(office_sqlite.sqlite_path), str(commune_a.store.sqlite_path)
    out = tmp_path / "kehoach.antq"
    assert main(["--db", office_db, "plan", "publish", "--year", str(YEAR), "--out", str(out),
                 "--deadline", "data_submission=2026-12-15"]) == 0
    assert main(["--db", commune_db, "plan", "import", str(out)]) == 0
    assert "Đã nhận kế hoạch" in capsys.readouterr().out
    before = dump_without_log(commune_a.store)
    assert main(["--db", commune_db, "plan", "import", str(out)]) == 3
    assert "[REPLAY]" in capsys.readouterr().err
    after = dump_without_log(commune_a.store)
    assert after["audit_log"][:-1] == before["audit_log"] and after["audit_log"][-1][3] == "login"  # CLI sign-in
    assert {k: v for k, v in after.items() if k != "audit_log"} == {k: v for k, v in before.items() if k != "audit_log"}
    assert main(["--db", commune_db, "plan", "publish", "--year", str(YEAR), "--out", str(out)]) == 1
