"""The audit trail: every change recorded (who, record, from -> to, when), tampering detected, browse and export."""

from __future__ import annotations

import errno
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from antq_desktop.domain.errors import ValidationError
from antq_desktop.services import check
from antq_desktop.services.accounts import audit_log
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.records import writes as records
from antq_desktop.services.safe_files import FileWriteError
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import AuditEntry, Household, utcnow


def _a_household(store: Store) -> str:
    with store.session_factory() as session:
        return session.execute(select(Household.id).where(Household.deleted.is_(False)).limit(1)).scalar_one()


def _count(store: Store) -> int:
    with store.session_factory() as session:
        return session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()


def test_fresh_store_passes_check(store: Store) -> None:
    assert check.run_checks(store).ok


def test_update_records_who_what_from_to_and_when(store: Store, admin: accounts.UserInfo) -> None:
    hid = _a_household(store)
    before = records.get(store, "household", hid)["head_name"]
    records.update(store, "household", hid, {"head_name": "Lê Văn Bình"}, actor="admin")
    row = audit_log.query(store, audit_log.AuditFilter(action="update"), limit=1).rows[0]
    assert (row.actor, row.record_type, row.record_id) == ("admin", "household", hid)
    assert row.details["changes"]["head_name"] == [before, "Lê Văn Bình"]
    assert abs(row.at - utcnow()) < timedelta(minutes=1)  # stored as UTC
    assert "Lê Văn Bình" in row.summary() and "→" in row.summary()


def test_editing_a_past_entry_is_detected(store: Store) -> None:
    with store.session() as session:
        session.execute(text("UPDATE audit_log SET details = '{\"head_name\":\"Giả mạo\"}' WHERE id = 5"))
    report = check.run_checks(store)
    assert not report.ok
    assert any("#5" in p and "sửa" in p for p in report.problems)


def test_changing_only_the_actor_is_detected(store: Store) -> None:
    with store.session() as session:
        session.execute(text("UPDATE audit_log SET actor = 'nguoi-khac' WHERE id = 3"))
    assert not check.run_checks(store).ok


def test_deleting_a_middle_entry_is_detected(store: Store) -> None:
    middle = _count(store) // 2
    with store.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": middle})
    report = check.run_checks(store)
    assert any(f"#{middle + 1}" in p and "xóa" in p for p in report.problems)


def test_rewriting_the_whole_chain_needs_the_outside_head(store: Store) -> None:
    """Truncating the tail leaves a valid chain: only a head kept elsewhere (e.g. in a package) shows it."""
    with store.session_factory() as session:
        head_sent = audit.chain_head(session)  # what the last package carried to the upper office
    last = _count(store)
    with store.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE id > :id"), {"id": last - 3})
    assert check.run_checks(store).ok  # the remaining chain is consistent on its own...
    with store.session_factory() as session:
        known = {h for h in session.execute(select(AuditEntry.hash)).scalars()}
    assert head_sent not in known  # ...but the head the upper office holds is gone: truncation detected


def test_filters_and_paging(store: Store, admin: accounts.UserInfo) -> None:
    total = _count(store)
    page = audit_log.query(store, limit=50)
    assert page.total == total and len(page.rows) == 50 and page.rows[0].id == total  # newest first
    second = audit_log.query(store, offset=50, limit=50)
    assert second.rows[0].id == total - 50
    logins = audit_log.query(store, audit_log.AuditFilter(actor="ADMIN", action="login"))
    assert logins.total >= 1 and all(r.action == "login" for r in logins.rows)
    households = audit_log.query(store, audit_log.AuditFilter(record_type="household"))
    assert households.total == 200
    today = utcnow().date()
    assert audit_log.query(store, audit_log.AuditFilter(since=today, until=today)).total == total
    assert audit_log.query(store, audit_log.AuditFilter(until=today - timedelta(days=1))).total == 0
    hid = _a_household(store)
    found = audit_log.query(store, audit_log.AuditFilter(text=hid[:13]))
    assert hid in {r.record_id for r in found.rows}  # its own entry (and its pledge, which names it)
    with pytest.raises(ValidationError):
        audit_log.query(store, audit_log.AuditFilter(since=date(2026, 2, 1), until=date(2026, 1, 1)))
    assert "household" in audit_log.choices(store)["record_type"]


def test_xlsx_export_is_complete_and_audited(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "nhat-ky.xlsx"
    count = audit_log.export_xlsx(store, out, audit_log.AuditFilter(record_type="household"), actor="admin")
    assert count == 200
    sheet = load_workbook(out, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == audit_log.XLSX_HEADERS and len(rows) == 201
    assert rows[1][3] == "Thêm" and rows[1][4] == "household"
    assert audit_log.query(store, limit=1).rows[0].action == "audit_export"
    assert check.run_checks(store).ok


def test_export_on_a_full_disk_leaves_no_file_and_no_entry(store: Store, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from antq_desktop.services import safe_files

    def full_disk(_fd: int) -> None:  # the data was "written", the disk refuses to keep it
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_files.os, "fsync", full_disk)
    before = _count(store)
    out = tmp_path / "nhat-ky.xlsx"
    with pytest.raises(FileWriteError, match="Ổ đĩa đã đầy"):
        audit_log.export_xlsx(store, out, actor="admin")
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))
    assert _count(store) == before


def test_chain_status_sentence(store: Store) -> None:
    ok, sentence = audit_log.chain_status(store)
    assert ok and "nguyên vẹn" in sentence
    with store.session() as session:
        session.execute(text("UPDATE audit_log SET action = 'x' WHERE id = 2"))
    ok, sentence = audit_log.chain_status(store)
    assert not ok and "báo ngay" in sentence


def test_a_head_kept_elsewhere_reveals_a_cut_tail(store: Store) -> None:
    with store.session_factory() as session:
        head = audit.chain_head(session)
    assert audit_log.head_still_present(store, head[:16] + "…")[0]
    with store.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"))
    assert check.run_checks(store).ok  # consistent on its own
    present, sentence = audit_log.head_still_present(store, head)
    assert not present and "báo ngay" in sentence
    with pytest.raises(ValidationError):
        audit_log.head_still_present(store, "abc")
