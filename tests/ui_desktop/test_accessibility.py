"""Every focusable widget of every page has an accessible name (a screen reader says what it is)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from tests.conftest import PASSWORD
from tests.ui.conftest import admin_of

from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.ui.accessibility import focusable, spoken_name
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import MainWindow


@pytest.fixture
def district_context(tmp_path):  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "district.sqlite3")
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    ctx = make_context(store, admin_of(store))
    yield ctx
    ctx.jobs.wait()
    store.close()


def _unnamed(window: MainWindow) -> dict[str, list[str]]:
    unnamed: dict[str, list[str]] = {}
    for spec in window.specs:
        page = window.open_page(spec.key)
        window.context.jobs.wait()
        for _ in range(3):
            QApplication.processEvents()
        for widget in page.findChildren(QWidget):
            if focusable(widget) and widget.isVisibleTo(page) and not spoken_name(widget):
                unnamed.setdefault(spec.key, []).append(f"{type(widget).__name__} {widget.objectName()}")
    return unnamed


@pytest.mark.parametrize("role", ["commune", "district"])
def test_every_focusable_widget_has_an_accessible_name(role, demo_context, district_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_context if role == "commune" else district_context)
    qtbot.addWidget(window)
    window.show()
    assert _unnamed(window) == {}


def test_search_box_and_table_are_named_from_the_page(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    page = window.open_page("households")
    assert "tên chủ hộ" in page.search_edit.accessibleName()
    assert page.table.accessibleName() == "Bảng: Hộ gia đình"


def test_record_dialog_fields_are_named_by_their_labels(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.pages.record_page import RecordPage

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    for spec in window.specs:
        page = window.open_page(spec.key)
        if not isinstance(page, RecordPage):
            continue
        dialog = page.make_dialog(None, page.default_values())
        qtbot.addWidget(dialog)
        unnamed = [f"{type(w).__name__} {w.objectName()}" for w in dialog.findChildren(QWidget)
                   if focusable(w) and w.isVisibleTo(dialog) and not spoken_name(w)]  # not closed pop-ups
        assert unnamed == [], spec.key
        dialog.initial = dialog.values()  # closes without asking
    page = window.open_page("pledges")
    dialog = page.make_dialog(None, page.default_values())
    qtbot.addWidget(dialog)
    assert dialog.editors["signed_on"].widget.edit.accessibleName() == "Ngày ký"
    dialog.initial = dialog.values()
