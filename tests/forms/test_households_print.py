"""Households page: “In bản cam kết” for the selected households and for those not yet signed (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from tests.forms.conftest import YEAR
from tests.reports.conftest import pdf_text_flat

from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages.households_page import HouseholdsPage


def _page(store, qtbot):  # type: ignore[no-untyped-def]
    user = next(u for u in accounts.list_users(store) if u.username == "admin")
    context = make_context(store, user, year_getter=lambda: YEAR)
    page = HouseholdsPage(context)
    qtbot.addWidget(page)
    page.refresh()
    return page


def _select(page: HouseholdsPage, ids: set[str]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in range(page.model.rowCount()):
        if page.model.row_at(row)["id"] in ids:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(page.model.index(row, 0), flags)


def _printed(page: HouseholdsPage, qtbot, kind: str) -> str:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.pages import households_page

    jobs = []
    original = households_page.print_request
    households_page.print_request = lambda *a: jobs.append(original(*a)) or jobs[-1]
    try:
        page.findChild(type(page.edit_button), f"print_{kind}_button").click()
    finally:
        households_page.print_request = original
    job = jobs[0]
    qtbot.waitUntil(lambda: hasattr(job, "preview"), timeout=60000)
    text = pdf_text_flat(job.preview.preview.path)
    job.preview.close()
    page.context.jobs.wait()
    return text


def test_print_pledges_of_the_selected_households_and_the_unsigned_ones(forms_store, qtbot) -> None:
    page = _page(forms_store, qtbot)
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    signed = [r for r in rows if r.get("pledged")][:2]
    unsigned = [r for r in rows if not r.get("pledged")][:2]
    assert signed and unsigned
    _select(page, {r["id"] for r in signed})
    text = _printed(page, qtbot, "pledge")
    assert text.count("BẢN CAM KẾT") == len(signed) and all(r["head_name"] in text for r in signed)
    _select(page, {r["id"] for r in unsigned + signed})
    text = _printed(page, qtbot, "pledge_unsigned")
    assert text.count("BẢN CAM KẾT") == len(unsigned) and all(r["head_name"] in text for r in unsigned)
    assert "Mã hồ sơ" not in text  # pages to sign, not stored records
    pledges = list_rows(forms_store, "pledge", ListQuery(year=YEAR), limit=1)
    assert pledges  # the store is untouched by printing
