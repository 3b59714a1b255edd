"""Issue 6: the trust registry and the commune drill-down load on the worker thread, show a busy
indicator meanwhile, fill in one piece on the GUI thread, and say in Vietnamese when loading fails."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidget, QTabWidget
from tests.conftest import PASSWORD, make_store
from tests.store_copy import copy_synced_rows

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import demo
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages import commune_records_dialog, communes_page, trust_page
from antq_desktop.ui.pages.commune_records_dialog import CommuneRecordsDialog
from antq_desktop.ui.pages.trust_page import TrustPage


@pytest.fixture
def office(tmp_path):  # type: ignore[no-untyped-def]
    """An upper office holding one commune's records, with that commune's key enrolled."""
    store = open_store(tmp_path / "office.sqlite3")
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    commune = make_store(tmp_path / "c.sqlite3")
    demo.generate(commune, households=40, seed=5)
    copy_synced_rows(commune, store)
    with commune.session_factory() as session:
        key_file = keys.public_key_file(session, PASSWORD)
    commune.close()
    with store.session() as session:
        keys.trust_add(session, key_file, actor="admin")
    yield make_context(store, accounts.sign_in(store, username="admin", password=PASSWORD))
    store.close()


def _recording(monkeypatch, module, name):  # type: ignore[no-untyped-def]
    """Wrap module.name so each call records the thread it ran on."""
    real, threads = getattr(module, name), []

    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return threads


def _failing(monkeypatch, module, name, exc):  # type: ignore[no-untyped-def]
    def fail(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise exc

    monkeypatch.setattr(module, name, fail)


def test_trust_registry_loads_off_the_gui_thread_and_fills_at_once(qtbot, office, monkeypatch):
    threads = _recording(monkeypatch, trust_page, "load_rows")
    page = TrustPage(office)
    qtbot.addWidget(page)
    # until the job's result reaches the GUI thread: busy, nothing shown, nothing to click
    assert page.loading and not page.busy.isHidden() and page.table.rowCount() == 0
    assert page.status.text() == "Đang tải danh sách khóa…"
    assert not page.revoke_button.isEnabled() and not page.table.isEnabled()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert page.table.item(0, 1).text() == "Phường Hoàn Kiếm" and page.table.item(0, 6).text() == "Còn hiệu lực"
    assert not page.loading and page.busy.isHidden() and page.status.text() == ""
    assert page.revoke_button.isEnabled() and page.table.isEnabled()


def test_trust_registry_load_failure_is_explained(qtbot, office, monkeypatch):
    _failing(monkeypatch, trust_page, "load_rows", RuntimeError("database disk image is malformed"))
    page = TrustPage(office)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    text = page.status.text()
    assert text.startswith("Không tải được danh sách khóa: cơ sở dữ liệu không đọc được") and "Làm mới" in text
    assert "malformed" not in text and "malformed" in page.status.toolTip()  # details for the technician
    assert page.table.rowCount() == 0 and page.busy.isHidden() and page.refresh_button.isEnabled()
    _failing(monkeypatch, trust_page, "load_rows", AntqError("Tệp dữ liệu đang bị khóa."))
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    assert "Tệp dữ liệu đang bị khóa." in page.status.text()
    monkeypatch.undo()
    page.refresh()  # the officer presses "Làm mới" once the problem is gone
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert page.status.text() == ""


def test_a_newer_refresh_wins_over_an_older_one(qtbot, office):
    page = TrustPage(office)
    qtbot.addWidget(page)
    page.refresh()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    assert page.table.rowCount() == 1


def test_drill_down_loads_off_the_gui_thread_and_stays_read_only(qtbot, office, monkeypatch):
    threads = _recording(monkeypatch, commune_records_dialog, "load_lists")
    dialog = CommuneRecordsDialog(office, "00070", "Phường Hoàn Kiếm")
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabWidget)
    assert dialog.loading and tabs.count() == 0 and tabs.isHidden() and not dialog.busy.isHidden()
    assert dialog.status.text() == "Đang tải dữ liệu của xã…"
    qtbot.waitUntil(lambda: tabs.count() == 4, timeout=10000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert "Hộ gia đình (40)" in [tabs.tabText(i) for i in range(tabs.count())]
    assert not tabs.isHidden() and dialog.busy.isHidden() and dialog.status.isHidden()
    tables = dialog.findChildren(QTableWidget)
    assert len(tables) == 4 and tables[0].rowCount() > 0
    assert all(t.editTriggers() == QTableWidget.EditTrigger.NoEditTriggers for t in tables)


def test_drill_down_load_failure_is_explained(qtbot, office, monkeypatch):
    _failing(monkeypatch, commune_records_dialog, "load_lists", RuntimeError("no such table: households"))
    dialog = CommuneRecordsDialog(office, "00070", "Phường Hoàn Kiếm")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10000)
    assert dialog.status.text().startswith("Không tải được dữ liệu của xã: cơ sở dữ liệu không đọc được")
    assert "households" in dialog.status.toolTip() and dialog.findChild(QTabWidget).count() == 0
    assert dialog.busy.isHidden()


def test_closing_the_drill_down_early_stops_the_load(qtbot, office, monkeypatch):
    release, real = threading.Event(), commune_records_dialog.load_lists

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(commune_records_dialog, "load_lists", slow)
    dialog = CommuneRecordsDialog(office, "00070", "Phường Hoàn Kiếm")
    qtbot.addWidget(dialog)
    cancelled = []
    dialog.job.cancelled.connect(lambda: cancelled.append(True))
    dialog.reject()
    assert dialog.job.cancel_event.is_set()
    release.set()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=10000)
    assert dialog.findChild(QTabWidget).count() == 0


def test_the_communes_page_opens_the_drill_down_for_the_selected_commune(qtbot, office, monkeypatch):
    opened = []

    def fake_exec(dialog):  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.findChild(QTabWidget).count() == 4, timeout=10000)
        opened.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(CommuneRecordsDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail("no error expected"))
    page = communes_page.CommunesPage(office)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=10000)
    page.table.selectRow(0)
    page._open_selected()
    assert opened == ["Dữ liệu của Phường Hoàn Kiếm (chỉ xem)"]
