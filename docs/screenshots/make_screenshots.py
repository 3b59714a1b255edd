"""Screenshots of the real app for docs/huong-dan-su-dung.md (run: make screenshots, or directly).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py

Builds a throw-away demo store in a temporary folder, opens the real windows and saves PNGs here.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = Path(__file__).resolve().parent
PASSWORD = "một câu dễ nhớ nhưng dài"


def settle(app) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        app.processEvents()


def save(app, widget, name: str) -> None:  # type: ignore[no-untyped-def]
    settle(app)
    widget.grab().save(str(OUT / name))
    print("saved", name)


# The inside of a maximised window on a laptop screen: 768 pixels less the taskbar (40) and the title bar (30).
LAPTOP_HEIGHT = 698
MAIN_PAGES = ("dashboard", "households", "pledges", "assessments", "exchange", "settings")


def laptop(app, window, width: int) -> None:  # type: ignore[no-untyped-def]
    """The main window as on a 1,366 or 1,024 × 768 laptop screen, maximised."""
    window.showNormal()
    window.resize(width, LAPTOP_HEIGHT)
    settle(app)


def cut_off(window, page) -> list[str]:  # type: ignore[no-untyped-def]
    """What would not be seen whole: a window forced larger, the year selector, sideways scrolling."""
    from PySide6.QtWidgets import QAbstractScrollArea, QPushButton

    problems = []
    if window.minimumSizeHint().width() > window.width() or window.minimumSizeHint().height() > window.height():
        problems.append(f"the window needs {window.minimumSizeHint().width()} × {window.minimumSizeHint().height()}")
    year = window.year_box
    corner = year.mapTo(window, year.rect().bottomRight())
    if not year.isVisible() or corner.x() >= window.width() or corner.y() >= window.height():
        problems.append("the year selector is not on screen")
    for area in page.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            problems.append(f"sideways scrolling in {type(area).__name__} {area.objectName()}")
    for button in page.findChildren(QPushButton):
        if button.isVisible() and button.width() < button.minimumSizeHint().width():
            problems.append(f"button cut: {button.text()}")
    return problems


def page_shots(app, window, width: int, keys) -> list[str]:  # type: ignore[no-untyped-def]
    """Every page in `keys` at `width` × 768 into pages-<width>/; returns what was cut off."""
    laptop(app, window, width)
    folder = OUT / f"pages-{width}"
    folder.mkdir(exist_ok=True)
    problems = []
    for key in keys:
        page = window.open_page(key)
        window.context.jobs.wait(60_000)
        settle(app)
        problems += [f"{width}: {key}: {p}" for p in cut_off(window, page)]
        save(app, window, f"pages-{width}/{key}.png")
    return problems


def setup_wizard_shots(app, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.storage.db import open_store
    from antq_desktop.ui.setup_wizard import SetupWizard

    store = open_store(folder / "empty.sqlite3")
    wizard = SetupWizard(store)
    wizard.show()
    save(app, wizard, "01-thiet-lap-vai-tro.png")
    wizard.next()
    wizard.unit_page.commune.search_edit.setText("hoan kiem")
    save(app, wizard, "02-thiet-lap-don-vi.png")
    wizard.close()
    store.close()


def main_window_shots(app, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    from antq_desktop.services import demo
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.services.records import queries
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.excel.import_wizard import ImportWizard
    from antq_desktop.ui.help import UserGuideDialog, user_guide_path
    from antq_desktop.ui.main_window import MainWindow
    from antq_desktop.ui.pages.assessment_form import AssessmentForm

    store = open_store(folder / "demo.sqlite3")
    profile.initialise(store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    demo.generate(store, households=2400, seed=7)
    user = accounts.sign_in(store, username="admin", password=PASSWORD)
    context = make_context(store, user)
    window = MainWindow(context)
    window.show()
    laptop(app, window, 1366)
    window.splitter.setSizes([260, 1106])
    settle(app)
    context.jobs.wait(60_000)  # the overview reads its numbers in the background
    save(app, window, "03-tong-quan.png")
    charts = window.page("dashboard").outcome_chart.parentWidget()  # the results group, below the fold
    save(app, charts, "03b-ket-qua-tu-danh-gia.png")
    window.open_page("households")
    save(app, window, "04-ho-gia-dinh.png")
    window.open_page("activities")  # the movement's activities (issue 20), on the models tab
    save(app, window, "10-phong-trao.png")
    laptop(app, window, 1024)  # a common laptop screen: every page fits, toolbars wrap, columns narrow
    window.open_page("pledges")
    save(app, window, "04b-cam-ket-man-hinh-1024.png")
    laptop(app, window, 1366)
    window.splitter.setSizes([260, 1106])
    settings = window.open_page("settings")
    _show_typical_data_folder(settings, folder)
    save(app, window, "07-cai-dat.png")
    printing = window.open_page("forms")
    if hasattr(printing, "generate"):  # the printing page, once it is built: show a real preview
        printing.generate()
        context.jobs.wait(120_000)
        settle(app)
    save(app, window, "08-in-bieu-mau.png")

    area = queries.list_rows(store, "residential_area", limit=1)[0]
    form = AssessmentForm(store, actor="admin", role="admin", subject_kind="area", subject_id=area["id"],
                          year=context.year)
    form.resize(1100, 900)
    form.show()
    save(app, form, "05-tu-danh-gia.png")
    form.close()

    from antq_desktop.services.records import writes as records

    new_area = records.create(store, "residential_area", {"name": "Thôn Đồng Tâm", "kind": "thon"}, actor="admin")
    draft = AssessmentForm(store, actor="admin", role="admin", subject_kind="area", subject_id=new_area,
                           year=context.year, assessor_name=user.full_name)
    draft.resize(1100, 900)
    draft.show()
    for row in draft.rows[:4]:  # an officer half-way through: a required criterion still unticked
        row.check.setChecked(True)
    draft.rows[0].note.setText("Nghị quyết chi bộ số 03-NQ/CB ngày 10/02")
    draft.rows[0].evidence.setText("Biên bản họp dân ngày 15/02")
    save(app, draft, "05b-tu-danh-gia-dang-nhap.png")
    draft.close()

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách hộ"
    sheet.append(["STT", "Họ tên chủ hộ", "Số CCCD", "Thôn", "Địa chỉ", "Số nhân khẩu"])
    sheet.append([1, "Trần Văn Bình", "001085012345", area["name"], "Số 3 ngõ 5", 4])
    sheet.append([2, "Lê Thị Cúc", "12345", area["name"], "Số 4 ngõ 5", 3])
    sheet.append([3, "", "001085012346", area["name"], "Số 5 ngõ 5", 2])
    sheet.append([4, "Phạm Văn Dũng", None, "Thôn Không Có", "Số 6 ngõ 5", 2])
    sheet.append([5, "Hoàng Thị Én", None, area["name"], "Số 7 ngõ 5", "bốn"])
    sheet.append([6, "Vũ Văn Phúc", "001085012347", area["name"], "Số 8 ngõ 5", 5])
    path = folder / "ho-gia-dinh.xlsx"
    workbook.save(path)
    wizard = ImportWizard(store, actor="admin")
    wizard.resize(1200, 640)
    wizard.show()
    wizard.file_page.set_file(str(path))
    wizard.next()
    save(app, wizard, "06a-nhap-excel-ghep-cot.png")
    wizard.next()
    save(app, wizard, "06b-nhap-excel-xem-truoc.png")
    wizard.close()

    problems = page_shots(app, window, 1366, [spec.key for spec in window.specs])
    problems += page_shots(app, window, 1024, MAIN_PAGES)

    guide = user_guide_path()
    if guide is not None:
        dialog = UserGuideDialog(guide)
        dialog.show()
        save(app, dialog, "09-huong-dan.png")
        dialog.close()
    window.close()
    context.jobs.shutdown(60_000)  # a page's background read must end before its store closes
    window.deleteLater()
    settle(app)
    store.close()
    return problems


def upper_office_shots(app, folder: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """The pages only a cluster/district office has, at 1,366 × 768."""
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.main_window import MainWindow

    store = open_store(folder / "district.sqlite3")
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    context = make_context(store, accounts.sign_in(store, username="admin", password=PASSWORD))
    window = MainWindow(context)
    window.show()
    problems = page_shots(app, window, 1366, ["communes", "import", "trust"])
    window.close()
    context.jobs.shutdown(60_000)
    store.close()
    return problems


# Where the installed app keeps its data on an officer's Windows laptop (platformdirs' user data
# folder); shown instead of the temporary folder the screenshots are taken in.
TYPICAL_DATA_FOLDER = r"C:\Users\canbo\AppData\Local\antq-desktop"


def _show_typical_data_folder(page, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    for label in page.findChildren(QLabel):
        if str(folder) in label.text():
            label.setText(label.text().replace(str(folder), TYPICAL_DATA_FOLDER).replace("/", "\\"))


def main() -> int:
    from PySide6.QtCore import QSettings

    from antq_desktop.ui.app import create_application

    app = create_application(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ANTQ_HOME"] = folder  # the data folder shown on the settings page is a neutral one
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        setup_wizard_shots(app, Path(folder))
        problems = upper_office_shots(app, Path(folder)) + main_window_shots(app, Path(folder))
    for problem in problems:
        print("CUT OFF:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
