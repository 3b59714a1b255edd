"""Export: full and incremental packages, read back and compared with the store; data never changes."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select
from tests.conftest import PASSWORD, make_store

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import AUDIT_TYPES
from antq_desktop.services.export import build as export
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.audit import verify_chain
from antq_desktop.storage.canonical import canonical_record
from antq_desktop.storage.models import SYNCED_MODELS, AuditEntry, ExportRecord, Household, Pledge

ACTOR = "admin"


def _export(pair, name, **kwargs):
    return export.export_package(pair.commune, pair.tmp / name, password=PASSWORD, actor=ACTOR, **kwargs)


def read_back(pair, path):
    with pair.office.session_factory() as session:
        lookup, blob = keys.trusted_lookup(session), keys.active_blob(session)
        mine = keys.own_receiving_key_id(session)
    package = package_reader.verify(path, lookup, my_receiving_key_id=mine)
    with KeyStore.unlock(blob, PASSWORD) as unlocked:
        got = list(package_reader.iter_records(package, unlocked))
    # the audit digests (docs/package-format.md section 15) come first: one base, then the links
    links = [r for r in got if r["type"] in AUDIT_TYPES]
    assert got[:len(links)] == links and links[0]["type"] == "audit_base"
    assert len(links) == 1 + package.header.record_counts.get("audit_link", 0)
    return package, got[len(links):]


def all_canonical(store, unit="00070"):
    out = []
    with store.session_factory() as session:
        for model in SYNCED_MODELS:
            table = model.__table__
            rows = session.execute(select(table).where(table.c.origin_unit == unit).order_by(table.c.id)).mappings()
            out.extend(canonical_record(model, row) for row in rows)
    return out


def test_full_export_carries_every_record_of_the_unit_parents_first(pair):
    some = _some(pair, Pledge)
    records.delete(pair.commune, "pledge", some, actor=ACTOR)  # a tombstone belongs in a full package too
    result = _export(pair, "full.antq", kind="full")
    package, got = read_back(pair, result.path)
    assert got == all_canonical(pair.commune)
    assert any(r["deleted"] for r in got)
    order = [r["type"] for r in got]
    assert order.index("residential_area") < order.index("household") < order.index("pledge")
    header = package.header
    assert (header.kind, header.sequence, header.encrypted, header.producer.unit_code) == ("full", 1, True, "00070")
    assert sum(n for t, n in header.record_counts.items() if t not in AUDIT_TYPES) == len(got)
    with pair.commune.session_factory() as session:
        row = session.get(ExportRecord, header.package_id)
        assert row.file_sha256 == package.package_sha256 and row.kind == "full" and row.prev_package_sha256 is None
        assert row.audit_head == header.audit_head


def _some(pair, model, index=0):
    with pair.commune.session_factory() as session:
        return session.execute(select(model.id).where(model.deleted.is_(False))
                               .order_by(model.id).offset(index).limit(1)).scalar_one()


def test_first_incremental_is_full_and_says_so(pair):
    result = _export(pair, "first.antq", kind="incremental")
    assert result.kind == "full" and "đầy đủ" in result.note


def test_incremental_has_exactly_the_changes_and_tombstones(pair):
    first = _export(pair, "p1.antq", kind="full")
    edited, removed = _some(pair, Household), _some(pair, Pledge)
    records.update(pair.commune, "household", edited, {"note": "Đã chuyển đến thôn mới"}, actor=ACTOR)
    records.delete(pair.commune, "pledge", removed, actor=ACTOR)
    area = all_canonical(pair.commune)[0]["id"]
    added = records.create(pair.commune, "household", {"area_id": area, "head_name": "Lê Thị Cúc", "members": 3},
                           actor=ACTOR)
    second = _export(pair, "p2.antq", kind="incremental")
    package, got = read_back(pair, second.path)
    assert {r["id"] for r in got} == {edited, removed, added}
    by_id = {r["id"]: r for r in got}
    assert by_id[removed]["deleted"] is True and by_id[edited]["note"] == "Đã chuyển đến thôn mới"
    assert package.header.kind == "incremental" and package.header.sequence == 2
    assert package.header.previous_package_sha256 == first.package_sha256
    third = _export(pair, "p3.antq", kind="incremental")
    assert read_back(pair, third.path)[1] == []


def test_export_never_changes_the_data(pair):
    with pair.commune.session_factory() as session:
        before = stats.unit_stats(session, "00070")
        entries = [(e.id, e.hash) for e in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()]
    _export(pair, "p.antq", kind="full")
    with pair.commune.session_factory() as session:
        assert stats.unit_stats(session, "00070") == before
        after = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
        assert [(e.id, e.hash) for e in after[:len(entries)]] == entries
        assert [e.action for e in after[len(entries):]] == ["export"]
        assert verify_chain(session) == []


def test_no_recipient_refuses_unless_unencrypted(tmp_path):
    store = make_store(tmp_path / "alone.sqlite3")
    with pytest.raises(export.ExportError) as refused:
        export.export_package(store, tmp_path / "x.antq", password=PASSWORD, actor=ACTOR, kind="full")
    assert refused.value.code == "NO_RECIPIENT" and "antq recipient set" in refused.value.message
    assert not (tmp_path / "x.antq").exists()
    result = export.export_package(store, tmp_path / "y.antq", password=PASSWORD, actor=ACTOR, kind="full",
                                   encrypted=False)
    assert package_reader.inspect(result.path).encrypted is False and result.encrypted is False
    store.close()


def test_exclude_citizen_ids(pair):
    assert any(r.get("citizen_id") for r in all_canonical(pair.commune) if r["type"] == "household")
    result = _export(pair, "p.antq", kind="full", exclude_citizen_ids=True)
    _, got = read_back(pair, result.path)
    households = [r for r in got if r["type"] == "household"]
    assert households and all(r["citizen_id"] is None for r in households)


def test_cancel_leaves_no_file_and_no_history(pair):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(export.ExportError) as cancelled:
        _export(pair, "c.antq", kind="full", cancel=cancel)
    assert cancelled.value.code == "CANCELLED"
    assert not (pair.tmp / "c.antq").exists()
    assert not [p for p in pair.tmp.iterdir() if p.name.startswith(".c.antq")]
    assert export.history(pair.commune) == []


def test_wrong_password_is_refused_before_writing(pair):
    with pytest.raises(export.ExportError) as refused:
        export.export_package(pair.commune, pair.tmp / "w.antq", password="sai mat khau", actor=ACTOR)
    assert refused.value.code == "BAD_PASSWORD" and "mật khẩu của chính tài khoản" in refused.value.message
    assert not (pair.tmp / "w.antq").exists() and export.history(pair.commune) == []


def test_history_and_suggested_name(pair):
    assert export.suggested_file_name(pair.commune).startswith("00070_")
    assert export.suggested_file_name(pair.commune).endswith("_seq0001.antq")
    _export(pair, "a.antq", kind="full")
    _export(pair, "b.antq")
    rows = export.history(pair.commune)
    assert [(r.sequence, r.kind) for r in rows] == [(2, "incremental"), (1, "full")]
    assert export.suggested_file_name(pair.commune).endswith("_seq0003.antq")


def test_full_export_merges_at_the_office(pair):
    merge = pytest.importorskip("antq_desktop.services.merge")
    result = _export(pair, "m.antq", kind="full")
    outcome = merge.merge_packages(pair.office, [result.path], actor=ACTOR, password=PASSWORD)
    assert [r.status for r in outcome] == ["merged"], outcome
    with pair.commune.session_factory() as c, pair.office.session_factory() as o:
        assert stats.unit_stats(o, "00070") == stats.unit_stats(c, "00070")


def test_export_on_both_engines(engine_url, tmp_path):
    """The commune's store on SQLite and on PostgreSQL (REPEATABLE READ snapshot there)."""
    from tests.exchange_store.conftest import Pair, connect, make_office

    commune = make_store(engine_url)
    records.create(commune, "residential_area", {"name": "Thôn Đông"}, actor=ACTOR)
    office = make_office(tmp_path / "office-engines.sqlite3")
    connect(commune, office)
    pair = Pair(commune, office, tmp_path)
    first = _export(pair, "e1.antq", kind="full")
    assert [r["type"] for r in read_back(pair, first.path)[1]] == ["residential_area"]
    second = _export(pair, "e2.antq")
    assert read_back(pair, second.path)[1] == [] and second.kind == "incremental"
    commune.close()
    office.close()
