"""The import wizard and the export helper, driven as an officer would (dialogs replaced)."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtGui import QStandardItem, QStandardItemModel

from antq_desktop.services.records import queries
from antq_desktop.ui.excel import export as excel_ui
from antq_desktop.ui.excel.import_wizard import ImportWizard

from .test_excel_service import write_households


def test_wizard_previews_errors_and_imports_valid_rows(qtbot, tmp_path, feature_store) -> None:
    area = queries.list_rows(feature_store, "residential_area", limit=1)[0]["name"]
    path = tmp_path / "ho.xlsx"
    write_households(path, area)
    wizard = ImportWizard(feature_store, actor="admin")
    wizard.confirm = lambda _t, _m: True
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.file_page.set_file(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.mapping_page.mapping() == {"head_name": 1, "citizen_id": 2, "area_name": 3, "address": 4,
                                             "members": 5}
    wizard.next()
    page = wizard.preview_page
    assert wizard.currentPage() is page
    assert page.summary.text() == "2 dòng hợp lệ sẽ được nhập; 4 dòng có lỗi sẽ bị bỏ qua."
    errors = {page.table.item(r, 0).text(): page.table.item(r, 1).text()
              for r in range(page.table.rowCount())}
    assert errors["4"] == "" and errors["10"] == ""
    assert "12 chữ số" in errors["5"] and "không được để trống" in errors["6"]
    assert "Thôn Không Có" in errors["7"] and "số nguyên" in errors["8"]
    assert page.table.item(1, 0).background().color().name() == "#fde0e0"
    page.only_errors.setChecked(True)
    assert page.table.rowCount() == 4
    before = queries.count_rows(feature_store, "household")
    received = []
    wizard.imported.connect(lambda kind, count: received.append((kind, count)))
    wizard.accept()
    assert received == [("household", 2)]
    assert queries.count_rows(feature_store, "household") == before + 2


def test_mapping_requires_the_required_fields(qtbot, tmp_path, feature_store) -> None:
    path = tmp_path / "ho.xlsx"
    write_households(path, "x")
    wizard = ImportWizard(feature_store, actor="admin")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.set_file(str(path))
    wizard.next()
    box = wizard.mapping_page.boxes["head_name"]
    box.setCurrentIndex(0)
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert "Họ tên chủ hộ" in wizard.mapping_page.problem.text()


def test_export_helpers(qtbot, tmp_path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(excel_ui.QMessageBox, "information", lambda *a: shown.append(a[2]))
    path = tmp_path / "a.xlsx"
    assert excel_ui.export_table(None, "Danh sách", ["Tên"], [["Thôn Đông"]], path=str(path)) == str(path)
    assert "1 dòng" in shown[0]
    model = QStandardItemModel(0, 2)
    model.setHorizontalHeaderLabels(["Họ tên", "Số nhân khẩu"])
    model.appendRow([QStandardItem("Nguyễn Văn An"), QStandardItem("4")])
    excel_ui.export_model(None, "Hộ", model, path=str(tmp_path / "b.xlsx"))
    sheet = load_workbook(tmp_path / "b.xlsx").active
    assert [c.value for c in sheet[2]] == ["Họ tên", "Số nhân khẩu"]
    assert [c.value for c in sheet[3]] == ["Nguyễn Văn An", "4"]
    assert excel_ui.suggested_file_name("Hộ/gia đình").startswith("Hộ gia đình ")


def test_export_record_model_writes_every_matching_row(qtbot, tmp_path, feature_store, monkeypatch) -> None:
    from antq_desktop.services.records.queries import ListQuery
    from antq_desktop.ui.table_model import Column, RecordTableModel

    monkeypatch.setattr(excel_ui.QMessageBox, "information", lambda *a: None)
    model = RecordTableModel(feature_store, "household", [Column("head_name", "Chủ hộ"),
                                                          Column("members", "Nhân khẩu", numeric=True)])
    model.set_query(ListQuery())
    path = tmp_path / "ho.xlsx"
    columns, rows, total = excel_ui.record_model_table(model, page_size=70)  # several pages
    assert total == 300 and len(list(rows)) == 300
    excel_ui.export_record_model(None, "Hộ gia đình", model, path=str(path))
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[2]] == ["Chủ hộ", "Nhân khẩu"]
    assert sheet.max_row == 302


def test_export_in_background_with_context(qtbot, tmp_path, feature_store, monkeypatch) -> None:
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.context import make_context

    from .conftest import PASSWORD

    done = []
    monkeypatch.setattr(excel_ui.QMessageBox, "information", lambda *a: done.append(a[2]))
    context = make_context(feature_store, accounts.sign_in(feature_store, username="admin", password=PASSWORD))
    path = tmp_path / "nen.xlsx"
    rows = ([f"Hộ {i}", i] for i in range(12_000))
    excel_ui.export_table(None, "Danh sách", ["Tên", "Số"], rows, path=str(path), context=context, total=12_000)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert "12.000 dòng" in done[0]
    assert sum(1 for _ in load_workbook(path, read_only=True).active.iter_rows()) == 12_002


def test_open_import_wizard_reports_through_the_context(qtbot, tmp_path, feature_store) -> None:
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.excel.import_wizard import open_import_wizard

    from .conftest import PASSWORD

    context = make_context(feature_store, accounts.sign_in(feature_store, username="admin", password=PASSWORD))
    messages, changed = [], []
    context.events.status_message.connect(messages.append)
    context.events.data_changed.connect(changed.append)
    path = tmp_path / "ho.xlsx"
    write_households(path, queries.list_rows(feature_store, "residential_area", limit=1)[0]["name"])
    wizard = open_import_wizard(context, None)
    qtbot.addWidget(wizard)
    wizard.confirm = lambda _t, _m: True
    wizard.file_page.set_file(str(path))
    wizard.next()
    wizard.next()
    wizard.accept()  # with a context the rows are saved by the job runner
    qtbot.waitUntil(lambda: bool(changed), timeout=20000)
    qtbot.wait(500)  # closing validates the last page again: it must not import a second time
    assert changed == ["household"]
    assert messages == ["Đã nhập 2 dòng từ Excel (Hộ gia đình)."]
    assert len(wizard.imported_ids) == 2 and wizard.result() == 1  # closed as accepted, imported once
    assert queries.count_rows(feature_store, "household") == 302
