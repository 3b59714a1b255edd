"""The audit log reads in Vietnamese: record kinds, field names and values, records by their display name."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QTableWidget
from tests.conftest import ACTOR

from antq_desktop.services.accounts import audit_log
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


def _history(store: Store) -> tuple[str, str]:
    area = records.create(store, "residential_area", {"name": "Tổ dân phố Kiểm Thử", "kind": "to_dan_pho"}, actor=ACTOR)
    other = records.create(store, "residential_area", {"name": "Thôn Kiểm Thử Đông", "kind": "thon"}, actor=ACTOR)
    household = records.create(store, "household", {"area_id": area, "head_name": "Nguyễn Văn An", "members": 3},
                               actor=ACTOR)
    records.update(store, "household", household, {"members": 4, "area_id": other}, actor=ACTOR)
    records.create(store, "organization", {"name": "Trường Tiểu học Kim Liên", "org_type": "school",
                                           "in_scope": True, "area_id": area}, actor=ACTOR)
    records.create(store, "pledge", {"signer_kind": "household", "household_id": household, "year": 2026,
                                     "template_code": "household_pledge", "signed_on": "2026-03-15"}, actor=ACTOR)
    return area, household


def test_rows_name_kinds_fields_values_and_records(store: Store) -> None:
    _area, household = _history(store)
    rows = audit_log.query(store, audit_log.AuditFilter()).rows
    names = audit_log.names_for(store, rows)
    by_action = {(r.action, r.record_type): r for r in reversed(rows)}
    update = by_action[("update", "household")]
    assert update.record_type_label == "Hộ gia đình" and names[household] == "Nguyễn Văn An"
    text = update.summary(names)
    assert "Số nhân khẩu: 3 → 4" in text and "Khu dân cư: Tổ dân phố Kiểm Thử → Thôn Kiểm Thử Đông" in text
    school = by_action[("create", "organization")].summary(names)
    assert "Loại: Cơ sở giáo dục" in school and "Thuộc diện tham gia: Có" in school and "Tổ dân phố Kiểm Thử" in school
    pledge = by_action[("create", "pledge")].summary(names)
    assert "Ngày ký: 15/03/2026" in pledge and "Hộ gia đình: Nguyễn Văn An" in pledge
    for row in rows:
        text = row.summary(names)
        assert not _UUID.search(text) and "{" not in text and "True" not in text and "None" not in text, text


def test_audit_page_and_cli_show_names_not_ids(store: Store, qtbot, capsys, monkeypatch) -> None:
    from antq_desktop.cli.main import main
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.pages.audit_page import AuditPage

    from .conftest import PASSWORD

    _history(store)
    page = AuditPage(store, accounts.sign_in(store, username="admin", password=PASSWORD))
    qtbot.addWidget(page)
    table: QTableWidget = page.table
    shown = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert any(row[3] == "Hộ gia đình" and row[4] == "Nguyễn Văn An" for row in shown)
    assert not [row for row in shown if _UUID.search(" ".join(row))]
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    assert main(["--db", store.url.removeprefix("sqlite:///"), "--user", "admin", "audit"]) == 0
    out = capsys.readouterr().out
    assert "Thêm Hộ gia đình “Nguyễn Văn An”" in out and not _UUID.search(out)
    dangling = [line for line in out.splitlines() if line.rstrip().endswith(":")]  # a row without detail
    assert "Đăng nhập" in out and not dangling
