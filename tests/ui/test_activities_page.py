"""Issue 20: the "Phong trào" page — six tabs, each a RecordPage — adds, edits, deletes and undoes
activities through the real services, shows a team's rating of the year, names its widgets for a
screen reader and fits a 1,024 × 768 screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QTableView, QWidget
from tests.ui.test_record_pages import _add_edit_delete_undo, _area

from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.ui.accessibility import focusable, spoken_name
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.pages.activities_page import ActivitiesPage


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_every_tab_lists_the_demo_activities_fits_and_is_named(demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.showNormal()
    window.resize(1024, 768)
    page = window.open_page("activities")
    assert isinstance(page, ActivitiesPage)
    for index, tab in enumerate(page.pages):
        page.tabs.setCurrentIndex(index)
        _settle()
        assert tab.model.rowCount() > 0, tab.record_type  # the demo made every kind
        assert page.minimumSizeHint().width() <= 1024 and window.width() == 1024, tab.record_type
        assert not tab.findChild(QTableView, "records_table").horizontalScrollBar().isVisible(), tab.record_type
        for button in tab.findChildren(QPushButton):
            if button.isVisible():
                assert button.geometry().right() < button.parentWidget().width(), (tab.record_type, button.text())
        unnamed = [f"{type(w).__name__} {w.objectName()}" for w in page.findChildren(QWidget)
                   if focusable(w) and w.isVisibleTo(page) and not spoken_name(w)]
        assert unnamed == [], tab.record_type


def test_models_and_briefings_add_edit_delete_undo(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = ActivitiesPage(context)
    qtbot.addWidget(page)
    page.show()
    models = page.show_tab("movement_model")
    _add_edit_delete_undo(models, qtbot, monkeypatch,
                          {"name": "Mô hình “Camera an ninh”", "kind": "xa", "status": "dang_hoat_dong"},
                          {"name": "Mô hình “Camera an ninh” mở rộng"}, expect_new="Mô hình “Camera an ninh”",
                          expect_edited="Mô hình “Camera an ninh” mở rộng")
    briefings = page.show_tab("briefing")
    _add_edit_delete_undo(briefings, qtbot, monkeypatch,
                          {"topic": "Quán triệt kế hoạch năm", "invited": "40", "present": "38"},
                          {"topic": "Quán triệt kế hoạch năm (bổ sung)"}, name_column=2,
                          expect_new="Quán triệt kế hoạch năm", expect_edited="Quán triệt kế hoạch năm (bổ sung)")


def test_a_teams_rating_of_the_working_year_shows_beside_it(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = context.store
    team = records.create(store, "security_team", {"area_id": _area(store), "name": "Tổ ANTT số 1", "members": 4},
                          actor="admin")
    page = ActivitiesPage(context)
    qtbot.addWidget(page)
    teams = page.show_tab("security_team")
    assert teams.model.row_at(0)["rating"] is None
    records.create(store, "security_team_rating", {"team_id": team, "year": context.year, "rating": "hoan_thanh_tot"},
                   actor="admin")
    teams.refresh()
    assert teams.model.row_at(0)["rating"] == "hoan_thanh_tot"
    assert queries.count_rows(store, "security_team_rating") == 1


def test_ratings_tab_imports_a_sheet_naming_teams(context, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The "Xếp loại tổ" tab has "Nhập từ Excel…": the wizard opens on ratings, guesses the columns,
    shows the row naming no team in red with its reason, saves the other and the tab shows it."""
    from openpyxl import Workbook

    store = context.store
    area = _area(store)
    records.create(store, "security_team", {"area_id": area, "name": "Tổ ANTT số 1", "members": 4}, actor="admin")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Tên tổ", "Năm", "Xếp loại"])
    sheet.append(["to antt so 1", context.year, "Hoàn thành tốt nhiệm vụ"])
    sheet.append(["Tổ ANTT số 9", context.year, "Hoàn thành"])
    path = tmp_path / "xep-loai.xlsx"
    workbook.save(path)
    page = ActivitiesPage(context)
    qtbot.addWidget(page)
    page.show()
    ratings = page.show_tab("security_team_rating")
    ratings.findChild(QPushButton, "import_button").click()
    wizard = ratings.import_wizard  # a child of the page, deleted when it closes
    wizard.confirm = lambda _t, _m: True
    assert wizard.file_page.record_type.currentData() == "security_team_rating"
    assert wizard.file_page.set_file(str(path))
    wizard.next()
    assert wizard.mapping_page.mapping() == {"team_name": 0, "year": 1, "rating": 2}
    wizard.next()
    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    assert preview.summary.text() == "1 dòng hợp lệ sẽ được nhập; 1 dòng có lỗi sẽ bị bỏ qua."
    assert preview.table.item(1, 1).text().startswith("Không có tổ bảo vệ an ninh, trật tự “Tổ ANTT số 9”")
    wizard.accept()
    context.jobs.wait()
    _settle()
    assert queries.count_rows(store, "security_team_rating") == 1
    assert ratings.model.rowCount() == 1 and ratings.model.row_at(0)["rating"] == "hoan_thanh_tot"
