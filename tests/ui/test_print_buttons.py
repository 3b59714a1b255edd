"""Record pages print the selected record's form (issue 5): pledge, registration, assessment, minutes."""

import pytest
from tests.conftest import PASSWORD

from antq_desktop.services.accounts import login as accounts
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages import print_page
from antq_desktop.ui.pages.assessments_page import AssessmentsPage
from antq_desktop.ui.pages.pledges_page import PledgesPage
from antq_desktop.ui.pages.registrations_page import RegistrationsPage


@pytest.mark.parametrize("page_class, kinds", [(PledgesPage, ["pledge"]), (RegistrationsPage, ["registration"]),
                                               (AssessmentsPage, ["assessment", "minutes"])])
def test_print_button_previews_the_selected_record(qtbot, demo_store, monkeypatch, page_class, kinds):
    calls = []
    monkeypatch.setattr(print_page, "print_record", lambda ctx, parent, kind, record_id, year: calls.append(
        (kind, record_id, year)))
    context = make_context(demo_store, accounts.sign_in(demo_store, username="admin", password=PASSWORD))
    page = page_class(context)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    row = page.selected_rows()[0]
    for kind in kinds:
        page.findChild(type(page.add_button), f"print_{kind}_button").click()
    assert calls == [(kind, row["id"], row["year"]) for kind in kinds]


def test_print_without_a_selection_explains(qtbot, demo_store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    context = make_context(demo_store, accounts.sign_in(demo_store, username="admin", password=PASSWORD))
    page = RegistrationsPage(context)
    qtbot.addWidget(page)
    page.table.clearSelection()
    page.print_selected("registration")
    assert shown == ["Hãy chọn một dòng trong danh sách để in."]
