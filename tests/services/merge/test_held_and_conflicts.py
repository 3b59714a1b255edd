"""Issue 14 points 5 and 8: `antq held list` shows the packages waiting for an earlier one; conflicts are
listed side by side (field level, Vietnamese labels) and resolved — keep stored or keep incoming (the
incoming content at the same revision, one transaction, audited) — on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from tests.conftest import ACTOR, PASSWORD

from antq_desktop.cli.main import main
from antq_desktop.services import demo
from antq_desktop.services.changes import Changes
from antq_desktop.services.merge import conflicts, held_list
from antq_desktop.services.office import dashboard
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import AuditEntry, Household, MergeConflict

from .conftest import Commune, merge, trust


def _utc_and_local(moment) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    return f"{moment:%d/%m/%Y %H:%M}", f"{moment + timedelta(hours=7):%d/%m/%Y %H:%M}"


def _conflict(upper, commune: Commune) -> tuple[dict, str]:  # type: ignore[no-untyped-def]
    demo.generate(commune.store, households=10, seed=22)
    trust(upper, commune)
    assert merge(upper, commune.export(upper))[0].status == "merged"
    rows = commune.records(0)
    target = next(r for r in rows if r["type"] == "household")
    original = target["head_name"]
    target["head_name"] = "Trần Thị Mới"  # a restored laptop's edit: same revision, other content
    assert merge(upper, commune.export(upper, records=rows))[0].counts["household"]["conflict"] == 1
    return target, original


def test_conflicts_list_shows_both_versions_and_keep_incoming_writes_it(upper, commune: Commune, capsys,
                                                                         monkeypatch) -> None:
    target, original = _conflict(upper, commune)
    (row,) = conflicts.list_conflicts(upper)
    assert [(d.label, d.stored, d.incoming) for d in row.differences] == [
        ("Người đứng đầu / chủ hộ", original, "Trần Thị Mới")]
    assert dashboard.collect(upper, 2026).unresolved_conflicts == 1
    assert main(["--db", upper.url, "conflicts", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["id"] == row.id and listed["differences"][0]["incoming"] == "Trần Thị Mới"

    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    assert main(["--db", upper.url, "conflicts", "resolve", str(row.id), "--keep", "incoming"]) == 0
    with upper.session_factory() as session:
        stored = session.get(Household, target["id"])
        assert stored.head_name == "Trần Thị Mới" and stored.revision == target["revision"]
        assert session.get(MergeConflict, row.id).resolved_at is not None
        entry = session.execute(select(AuditEntry).where(AuditEntry.action == "conflict_resolve")).scalar_one()
        assert entry.record_id == target["id"]
    assert conflicts.list_conflicts(upper) == [] and dashboard.collect(upper, 2026).unresolved_conflicts == 0
    # the office now holds exactly the incoming record: the next identical package is "unchanged"
    resent = [{**r, "head_name": "Trần Thị Mới"} if r["id"] == target["id"] else r for r in commune.records(0)]
    again = merge(upper, commune.export(upper, records=resent))
    assert again[0].counts["household"]["conflict"] == 0
    assert main(["--db", upper.url, "conflicts", "resolve", str(row.id), "--keep", "stored"]) == 1  # done already


def test_keep_stored_only_marks_and_a_stale_conflict_cannot_take_incoming(upper, commune: Commune) -> None:
    target, original = _conflict(upper, commune)
    (row,) = conflicts.list_conflicts(upper)
    records.update(commune.store, "household", target["id"], {"members": 7}, actor=ACTOR)  # a newer revision
    assert merge(upper, commune.export(upper, "full"))[0].status == "merged"
    (stale,) = conflicts.list_conflicts(upper)
    assert stale.stale
    with pytest.raises(conflicts.ConflictError, match="đã thay đổi"):
        conflicts.resolve(upper, row.id, "incoming", actor=ACTOR)
    done = conflicts.resolve(upper, row.id, "stored", actor=ACTOR)
    assert done.changes == Changes.records("household", ids=[target["id"]])  # issue 13: its views redraw
    with upper.session_factory() as session:
        assert session.get(Household, target["id"]).head_name == original
    assert conflicts.list_conflicts(upper) == []


def test_held_list_cli(upper, commune: Commune, capsys, hanoi_clock) -> None:
    demo.generate(commune.store, households=8, seed=23)
    trust(upper, commune)
    commune.export(upper)  # package 1 never reaches the office
    with commune.store.session_factory() as session:
        first = session.execute(select(Household.id).limit(1)).scalar_one()
    records.update(commune.store, "household", first, {"members": 4}, actor=ACTOR)
    assert merge(upper, commune.export(upper, "incremental"))[0].status == "held"
    (row,) = held_list.held_packages(upper)
    assert (row.producer_unit, row.sequence, row.waiting_for, row.file_present) == ("00004", 2, 1, True)
    assert row.via_office == "" and "Hãy đề nghị" in row.hint  # sent directly: ask the commune itself
    assert main(["--db", upper.url, "held", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["producer"] == "00004" and listed["waiting_for"] == 1 and listed["since"]
    assert main(["--db", upper.url, "held", "list"]) == 0
    out = capsys.readouterr().out
    assert "chờ gói số 1" in out
    utc, local = _utc_and_local(row.since)
    assert f"giữ từ {local}," in out and utc not in out  # the officer's own clock, not UTC


def test_import_page_shows_conflict_side_by_side_and_resolves(qtbot, upper_sqlite, commune: Commune,
                                                              monkeypatch, hanoi_clock) -> None:
    from PySide6.QtWidgets import QMessageBox

    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.pages.dashboard_page import DashboardPage
    from antq_desktop.ui.pages.import_page import ImportPage

    target, original = _conflict(upper_sqlite, commune)
    admin = next(u for u in accounts.list_users(upper_sqlite) if u.username == "admin")
    page = ImportPage(make_context(upper_sqlite, admin))
    qtbot.addWidget(page)
    box = page.conflicts_box
    assert not box.isHidden() and box.table.rowCount() == 1
    assert [box.diff.item(0, c).text() for c in range(3)] == ["Người đứng đầu / chủ hộ", original, "Trần Thị Mới"]
    assert box.table.item(0, 4).text() == _utc_and_local(box.rows[0].at)[1]  # local time, not the stored UTC
    (received,) = [r for r in range(page.received.rowCount()) if page.received.item(r, 0).text() == "00004"]
    status = merge_status(upper_sqlite)
    assert page.received.item(received, 3).text() == _utc_and_local(status)[1]
    dashboard_page = DashboardPage(upper_sqlite, 2026)
    qtbot.addWidget(dashboard_page)
    groups = [dashboard_page.todo.topLevelItem(i).text(0) for i in range(dashboard_page.todo.topLevelItemCount())]
    assert "Xung đột dữ liệu chưa giải quyết" in groups
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    box.keep_incoming.click()
    assert box.isHidden() and box.table.rowCount() == 0
    with upper_sqlite.session_factory() as session:
        assert session.get(Household, target["id"]).head_name == "Trần Thị Mới"


def test_import_page_lists_held_packages(qtbot, upper_sqlite, commune: Commune, hanoi_clock) -> None:
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.pages.import_page import ImportPage

    demo.generate(commune.store, households=8, seed=24)
    trust(upper_sqlite, commune)
    commune.export(upper_sqlite)  # package 1 never arrives
    assert merge(upper_sqlite, commune.export(upper_sqlite, "incremental", records=commune.records(0)))[0].status \
        == "held"
    admin = next(u for u in accounts.list_users(upper_sqlite) if u.username == "admin")
    page = ImportPage(make_context(upper_sqlite, admin))
    qtbot.addWidget(page)
    box = page.held_box
    assert not box.isHidden() and box.table.rowCount() == 1
    assert [box.table.item(0, c).text() for c in (1, 2)] == ["#2", "#1"]
    assert "gửi lại gói số 1" in box.table.item(0, 5).text()
    (row,) = held_list.held_packages(upper_sqlite)
    assert box.table.item(0, 3).text() == _utc_and_local(row.since)[1]  # local time, not the stored UTC
    assert page.conflicts_box.isHidden()


def merge_status(store):  # type: ignore[no-untyped-def]
    """When the office last merged a package of the commune (stored UTC)."""
    from antq_desktop.storage.models import ProducerState

    with store.session_factory() as session:
        return session.get(ProducerState, "00004").last_merged_at
