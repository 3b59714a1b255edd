"""The “In biểu mẫu” page offscreen: generate in the background, preview, print (no real printer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from tests.forms.conftest import YEAR
from tests.reports.conftest import pdf_pages, pdf_text_flat

from antq_desktop.services.accounts import login as accounts
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages.print_page import PrintPage
from antq_desktop.ui.pdf_preview import PdfPreviewDialog


@pytest.fixture
def page(forms_store, qtbot):  # type: ignore[no-untyped-def]
    user = next(u for u in accounts.list_users(forms_store) if u.username == "admin")
    context = make_context(forms_store, user, year_getter=lambda: YEAR)
    widget = PrintPage.from_context(context)
    qtbot.addWidget(widget)
    yield widget
    context.jobs.wait()


def _choose(page: PrintPage, kind: str, scope: str) -> None:
    page.kind_box.setCurrentIndex(page.kind_box.findData(kind))
    page.scope_box.setCurrentIndex(page.scope_box.findData(scope))


def _generate(page: PrintPage, qtbot) -> Path:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.generated, timeout=60000) as blocker:
        page.generate_button.click()
    return blocker.args[0]


def test_generate_and_preview_an_area(page, qtbot) -> None:
    _choose(page, "pledge", "area")
    assert page.area_box.isEnabled() and page.area_box.count() > 0
    path = _generate(page, qtbot)
    assert page.preview.document.pageCount() == pdf_pages(path) > 1
    assert page.preview.print_button.isEnabled() and page.preview.save_button.isEnabled()
    assert page.year_box.value() == YEAR


def test_print_goes_through_the_dialog(page, qtbot, monkeypatch, tmp_path) -> None:
    _choose(page, "registration", "all")
    _generate(page, qtbot)
    printed = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        dialog.printer().setResolution(72)  # a quick test; real printers render at up to 300 dpi
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    pages = page.preview.print_dialog()
    assert pages == page.preview.document.pageCount() == pdf_pages(printed)


def test_cancelled_print_dialog_prints_nothing(page, qtbot, monkeypatch) -> None:
    _choose(page, "assessment", "blank")
    _generate(page, qtbot)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    assert page.preview.print_dialog() == 0


def test_save_pdf_copies_the_preview(page, qtbot, monkeypatch, tmp_path) -> None:
    _choose(page, "report_commune", "all")
    assert not page.scope_box.isEnabled()
    source = _generate(page, qtbot)
    target = tmp_path / "bao_cao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = page.preview.save_dialog()
    assert saved == tmp_path / "bao_cao.pdf" and saved.read_bytes() == source.read_bytes()


def test_summary_offers_excel(page, qtbot, monkeypatch, tmp_path) -> None:
    _choose(page, "report_summary", "all")
    assert not page.excel_button.isHidden()
    target = tmp_path / "tong_hop.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.context.events.status_message, timeout=30000):
        page.excel_button.click()
    assert target.stat().st_size > 1000


def test_nothing_to_print_shows_a_vietnamese_message(page, qtbot, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    page.year_box.setValue(2001)
    _choose(page, "minutes", "all")
    page.generate_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "năm 2001" in shown[0] and "Tự đánh giá" in shown[0]


def test_preview_dialog_for_record_pages(page, qtbot) -> None:
    _choose(page, "covenant", "all")
    path = _generate(page, qtbot)
    dialog = PdfPreviewDialog(path, "Giao ước")
    qtbot.addWidget(dialog)
    assert dialog.preview.document.pageCount() == pdf_pages(path)


def test_print_record_hook_opens_a_preview(page, qtbot, forms_store) -> None:
    from antq_desktop.services.records.queries import ListQuery, list_rows
    from antq_desktop.ui.pages.print_page import print_record

    pledge = list_rows(forms_store, "pledge", ListQuery(year=YEAR), limit=1)[0]
    job = print_record(page.context, page, "pledge", pledge["id"], YEAR)
    qtbot.waitUntil(lambda: hasattr(job, "preview"), timeout=30000)
    assert job.preview.preview.document.pageCount() == 1
    job.preview.close()


def test_blank_with_names_for_the_chosen_area(page, qtbot) -> None:
    _choose(page, "pledge", "names")
    assert page.area_box.isEnabled()
    request = page.request()
    assert request.blank and request.names and request.area_id == page.area_box.currentData()
    path = _generate(page, qtbot)
    assert "Mã hồ sơ" not in pdf_text_flat(path)
