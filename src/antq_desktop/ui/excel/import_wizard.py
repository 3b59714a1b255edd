"""Nhập từ Excel: file and sheet → which column is which → preview with every error → import valid rows.

All the work is in `services.excel`; this wizard only collects choices and shows results.
Reading the sheet, checking its rows and saving them each take seconds on 20,000 rows, so all three
run on the job runner's worker thread (the AppContext's, or the wizard's own) with a progress
dialog and "Hủy"; the wizard waits for the job the way a modal dialog does, its window staying alive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import excel
from antq_desktop.services.changes import WrittenIds
from antq_desktop.storage.db import Store
from antq_desktop.ui import colours
from antq_desktop.ui.formatting import format_int
from antq_desktop.ui.i18n import QT_TRANSLATE_NOOP
from antq_desktop.ui.jobs import JobRunner, Work

PREVIEW_LIMIT = 5000  # rows drawn in the preview table; every row is still checked and counted
_ERROR_BRUSH = QBrush(QColor("#fde0e0"))
_LAST_FOLDER_KEY = "excel/last_import_folder"



# The field labels live in the Qt-free service; listed here so that lupdate extracts them.
_FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ImportFields", "Ghi chú"),
    QT_TRANSLATE_NOOP("ImportFields", "Họ tên chủ hộ"),
    QT_TRANSLATE_NOOP("ImportFields", "Khu dân cư"),
    QT_TRANSLATE_NOOP("ImportFields", "Loại (cơ quan, doanh nghiệp, cơ sở giáo dục)"),
    QT_TRANSLATE_NOOP("ImportFields", "Loại (thôn, tổ dân phố…)"),
    QT_TRANSLATE_NOOP("ImportFields", "Số cán bộ, người lao động"),
    QT_TRANSLATE_NOOP("ImportFields", "Số hộ"),
    QT_TRANSLATE_NOOP("ImportFields", "Số nhân khẩu"),
    QT_TRANSLATE_NOOP("ImportFields", "Số điện thoại"),
    QT_TRANSLATE_NOOP("ImportFields", "Số định danh (CCCD)"),
    QT_TRANSLATE_NOOP("ImportFields", "Thủ trưởng đơn vị"),
    QT_TRANSLATE_NOOP("ImportFields", "Trưởng thôn/tổ trưởng"),
    QT_TRANSLATE_NOOP("ImportFields", "Tên khu dân cư"),
    QT_TRANSLATE_NOOP("ImportFields", "Tên đơn vị"),
    QT_TRANSLATE_NOOP("ImportFields", "Địa chỉ"),
    # the movement's activities (issue 20)
    QT_TRANSLATE_NOOP("ImportFields", "Tên mô hình"),
    QT_TRANSLATE_NOOP("ImportFields", "Loại mô hình"),
    QT_TRANSLATE_NOOP("ImportFields", "Lĩnh vực"),
    QT_TRANSLATE_NOOP("ImportFields", "Năm bắt đầu"),
    QT_TRANSLATE_NOOP("ImportFields", "Trạng thái"),
    QT_TRANSLATE_NOOP("ImportFields", "Cơ quan công nhận"),
    QT_TRANSLATE_NOOP("ImportFields", "Ngày công nhận"),
    QT_TRANSLATE_NOOP("ImportFields", "Ngày tổ chức"),
    QT_TRANSLATE_NOOP("ImportFields", "Địa điểm"),
    QT_TRANSLATE_NOOP("ImportFields", "Số người tham gia"),
    QT_TRANSLATE_NOOP("ImportFields", "Nội dung"),
    QT_TRANSLATE_NOOP("ImportFields", "Kết quả"),
    QT_TRANSLATE_NOOP("ImportFields", "Đối tượng"),
    QT_TRANSLATE_NOOP("ImportFields", "Số người được mời"),
    QT_TRANSLATE_NOOP("ImportFields", "Số người dự"),
    QT_TRANSLATE_NOOP("ImportFields", "Nội dung phổ biến"),
    QT_TRANSLATE_NOOP("ImportFields", "Tập thể/cá nhân"),
    QT_TRANSLATE_NOOP("ImportFields", "Tên tập thể, cá nhân"),
    QT_TRANSLATE_NOOP("ImportFields", "Hình thức khen thưởng"),
    QT_TRANSLATE_NOOP("ImportFields", "Cấp khen thưởng"),
    QT_TRANSLATE_NOOP("ImportFields", "Ngày khen thưởng"),
    QT_TRANSLATE_NOOP("ImportFields", "Thành tích"),
    QT_TRANSLATE_NOOP("ImportFields", "Tên tổ"),
    QT_TRANSLATE_NOOP("ImportFields", "Số thành viên"),
    QT_TRANSLATE_NOOP("ImportFields", "Cơ quan, doanh nghiệp, trường học"),
    QT_TRANSLATE_NOOP("ImportFields", "Năm"),
    QT_TRANSLATE_NOOP("ImportFields", "Kết quả xếp loại"),
)


@dataclass
class JobOutcome:
    """How a wizard job ended: `returned` when the work ran to its end (even if "Hủy" came too late)."""

    returned: bool = False
    result: Any = None
    error: BaseException | None = None
    cancelled: bool = False


def field_label(spec: excel.ImportField) -> str:
    return QCoreApplication.translate("ImportFields", spec.label)


def record_type_titles() -> dict[str, str]:
    return {"household": QCoreApplication.translate("ImportWizard", "Hộ gia đình"),
            "residential_area": QCoreApplication.translate("ImportWizard", "Khu dân cư"),
            "organization": QCoreApplication.translate("ImportWizard", "Cơ quan, doanh nghiệp, trường học"),
            "household_member": QCoreApplication.translate("ImportWizard", "Nhân khẩu (thành viên hộ gia đình)"),
            "movement_model": QCoreApplication.translate("ImportWizard", "Mô hình, điển hình tiên tiến"),
            "festival_day": QCoreApplication.translate("ImportWizard", "Ngày hội toàn dân bảo vệ ANTQ"),
            "briefing": QCoreApplication.translate("ImportWizard", "Buổi phổ biến, quán triệt"),
            "commendation": QCoreApplication.translate("ImportWizard", "Khen thưởng, biểu dương"),
            "security_team": QCoreApplication.translate("ImportWizard", "Tổ bảo vệ an ninh, trật tự"),
            "security_team_rating": QCoreApplication.translate("ImportWizard", "Xếp loại tổ bảo vệ an ninh, trật tự")}


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Bước 1: Chọn tệp Excel"))
        self.setSubTitle(self.tr("Chọn loại dữ liệu, tệp .xlsx và trang tính chứa danh sách. Dòng đầu tiên có từ "
                             "hai ô trở lên được coi là dòng tiêu đề cột."))
        form = QFormLayout(self)
        self.record_type = QComboBox()
        for key, title in record_type_titles().items():
            self.record_type.addItem(title, key)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.sheet = QComboBox()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(colours.text_style("error"))
        form.addRow(self.tr("Loại dữ liệu"), self.record_type)
        form.addRow(self.tr("Tệp Excel"), row)
        form.addRow(self.tr("Trang tính"), self.sheet)
        form.addRow(self.problem)

    def browse(self) -> None:
        folder = str(QSettings().value(_LAST_FOLDER_KEY, str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp Excel"), folder, self.tr("Tệp Excel (*.xlsx)"))
        if path:
            QSettings().setValue(_LAST_FOLDER_KEY, str(Path(path).parent))
            self.set_file(path)

    def set_file(self, path: str) -> bool:
        self.sheet.clear()
        self.problem.clear()
        self.path.setText(path)
        try:
            self.sheet.addItems(excel.sheet_names(path))
        except AntqError as exc:
            self.problem.setText(exc.message)
        self.completeChanged.emit()
        return self.sheet.count() > 0

    def isComplete(self) -> bool:  # noqa: N802  # Qt override
        return self.sheet.count() > 0

    def validatePage(self) -> bool:  # noqa: N802  # Qt override
        path, name = self.path.text(), self.sheet.currentText()
        outcome = self.owner.run_job(
            lambda progress, cancel: excel.read_sheet(path, name, progress=progress, cancel=cancel),
            self.tr("Đang đọc tệp Excel…"))
        if outcome.cancelled or not outcome.returned:
            self.problem.setText(self.owner.problem_text(outcome, self.tr("Đã hủy đọc tệp. Bấm “Tiếp >” để "
                                                                          "đọc lại.")))
            return False
        self.owner.sheet = outcome.result
        self.owner.record_type = self.record_type.currentData()
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Bước 2: Ghép cột"))
        self.setSubTitle(self.tr("Chương trình đã đoán cột theo tiêu đề. Hãy kiểm tra, sửa nếu sai. Mục có dấu * "
                             "là bắt buộc."))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Thông tin cần nhập"), self.tr("Lấy từ cột trong tệp")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.problem = QLabel()
        self.problem.setStyleSheet(colours.text_style("error"))
        self.problem.setWordWrap(True)
        layout.addWidget(self.table)
        layout.addWidget(self.problem)
        self.boxes: dict[str, QComboBox] = {}

    def initializePage(self) -> None:  # noqa: N802  # Qt override
        sheet, fields = self.owner.sheet, excel.FIELDS[self.owner.record_type]
        if sheet is None:  # the file page reads the sheet before this page opens
            return
        guess = excel.guess_mapping(self.owner.record_type, sheet.headers)
        sample = next((row for row in sheet.rows if row), [])
        self.table.setRowCount(len(fields))
        self.boxes = {}
        for row, spec in enumerate(fields):
            self.table.setItem(row, 0, QTableWidgetItem(field_label(spec) + (" *" if spec.required else "")))
            box = QComboBox()
            box.addItem(self.tr("— Không nhập —"), -1)
            for index, header in enumerate(sheet.headers):
                example = excel.cell_text(sample[index]) if index < len(sample) else ""
                text = header or self.tr("(cột %1 không có tiêu đề)").replace("%1", str(index + 1))
                box.addItem(f"{text}  —  {self.tr('ví dụ')}: {example}" if example else text, index)
            box.setCurrentIndex(box.findData(guess.get(spec.key, -1)))
            self.table.setCellWidget(row, 1, box)
            self.boxes[spec.key] = box
        self.table.resizeRowsToContents()

    def mapping(self) -> dict[str, int]:
        return {key: box.currentData() for key, box in self.boxes.items() if box.currentData() >= 0}

    def validatePage(self) -> bool:  # noqa: N802  # Qt override
        mapping = self.mapping()
        missing = [field_label(f) for f in excel.FIELDS[self.owner.record_type]
                   if f.required and f.key not in mapping]
        if missing:
            self.problem.setText(self.tr("Chưa chọn cột cho: %1.").replace("%1", ", ".join(missing)))
            return False
        self.problem.clear()
        owner = self.owner
        store, record_type, sheet = owner.store, owner.record_type, owner.sheet
        if sheet is None:
            return False
        outcome = owner.run_job(lambda progress, cancel: excel.preview(
            store, record_type, sheet, mapping, progress=progress, cancel=cancel), self.tr("Đang kiểm tra các dòng…"))
        if outcome.cancelled or not outcome.returned:
            self.problem.setText(owner.problem_text(outcome, self.tr("Đã hủy kiểm tra. Bấm “Tiếp >” để kiểm tra "
                                                                     "lại.")))
            return False
        owner.mapping, owner.rows = mapping, outcome.result
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Bước 3: Xem trước và nhập"))
        self.setSubTitle(self.tr("Dòng tô đỏ có lỗi và sẽ bị bỏ qua; cột “Lỗi” cho biết cần sửa gì trong tệp. "
                             "Bấm “Nhập” để lưu các dòng hợp lệ (tất cả trong một lần, lỗi giữa chừng thì "
                             "không lưu gì)."))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.only_errors = QCheckBox(self.tr("Chỉ hiện dòng lỗi"))
        self.only_errors.toggled.connect(self._fill_table)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_errors)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:  # noqa: N802  # Qt override
        owner = self.owner  # the rows were read and checked by the job MappingPage.validatePage waited for
        valid = sum(1 for row in owner.rows if row.valid)
        invalid = len(owner.rows) - valid
        self.summary.setText(self.tr("%1 dòng hợp lệ sẽ được nhập; %2 dòng có lỗi sẽ bị bỏ qua.")
                             .replace("%1", format_int(valid)).replace("%2", format_int(invalid)))
        self.summary.setStyleSheet(colours.text_style("error" if invalid else "ok", "font-weight: bold;"))
        self._fill_table()

    def _fill_table(self) -> None:
        """Line number, then the reasons (seen first, without scrolling), then the cells as read."""
        fields = [f for f in excel.FIELDS[self.owner.record_type] if f.key in self.owner.mapping]
        rows = [r for r in self.owner.rows if not (self.only_errors.isChecked() and r.valid)][:PREVIEW_LIMIT]
        self.table.clear()
        self.table.setColumnCount(len(fields) + 2)
        self.table.setHorizontalHeaderLabels([self.tr("Dòng"), self.tr("Lỗi"), *(field_label(f) for f in fields)])
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            texts = [str(row.line), "; ".join(row.errors),
                     *(excel.cell_text(row.cells.get(f.key)) for f in fields)]
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not row.valid:
                    item.setBackground(_ERROR_BRUSH)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def validatePage(self) -> bool:  # noqa: N802  # Qt override
        return self.owner.import_rows()


class ImportWizard(QWizard):
    """Emits `imported(record_type, count)` after a successful import, and `wrote(Changes)` for the one hook."""

    imported = Signal(str, int)
    wrote = Signal(object)  # the Changes of `excel.import_valid_rows`

    def __init__(self, store: Store, *, actor: str, record_type: str = "household", jobs: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.record_type = store, actor, record_type
        # The AppContext's job runner; without one (tests, tools) the wizard has its own worker thread.
        self.jobs = jobs if jobs is not None else JobRunner(self)
        self.job: Any = None  # the running job, if any
        self._import_done = False
        self.sheet: excel.Sheet | None = None
        self.mapping: dict[str, int] = {}
        self.rows: list[excel.PreviewRow] = []
        self.imported_ids: list[str] = []
        self.setWindowTitle(self.tr("Nhập dữ liệu từ Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Nhập"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.file_page, self.mapping_page, self.preview_page = FilePage(self), MappingPage(self), PreviewPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.file_page.record_type.setCurrentIndex(self.file_page.record_type.findData(record_type))
        self.resize(900, 620)

    def run_job(self, work: Work, title: str) -> JobOutcome:
        """Run `work(progress, cancel)` on the worker thread and wait for it like a modal dialog: events
        keep flowing (the window repaints, "Hủy" works), the wizard's buttons are off meanwhile."""
        outcome = JobOutcome()

        def tracked(progress: Callable[[float, str], None], cancel: Any) -> Any:
            outcome.result = work(progress, cancel)
            outcome.returned = True  # set on the worker thread, read after the job has finished
            return outcome.result

        buttons = [self.button(b) for b in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                                            QWizard.WizardButton.FinishButton)]
        enabled = [b.isEnabled() for b in buttons]
        for button in buttons:
            button.setEnabled(False)
        loop = QEventLoop()
        self.job = self.jobs.start(tracked, title=title, parent=self)
        self.job.failed.connect(lambda exc: setattr(outcome, "error", exc))
        self.job.cancelled.connect(lambda: setattr(outcome, "cancelled", True))
        self.job.finished.connect(loop.quit)
        try:
            loop.exec()
        finally:
            self.job = None
            for button, was in zip(buttons, enabled, strict=True):
                button.setEnabled(was)
        if outcome.error is not None and not isinstance(outcome.error, AntqError):
            raise outcome.error  # a bug, not a bad file: the application's error dialog reports it
        return outcome

    def problem_text(self, outcome: JobOutcome, cancelled_text: str) -> str:
        if outcome.cancelled:
            return cancelled_text
        return outcome.error.message if isinstance(outcome.error, AntqError) else ""

    def reject(self) -> None:
        """Esc or "Hủy" while a job runs stops the job; the wizard stays open."""
        if self.job is not None:
            self.job.cancel()
            return
        super().reject()

    def confirm(self, title: str, text: str) -> bool:
        """Ask before saving (tests replace this)."""
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def import_rows(self) -> bool:
        if self._import_done:  # QWizard.accept() validates the last page again: do not re-import
            return True
        valid = sum(1 for row in self.rows if row.valid)
        if valid == 0:
            QMessageBox.information(self, self.tr("Không có dòng hợp lệ"),
                                    self.tr("Không có dòng nào hợp lệ để nhập. Hãy sửa tệp theo cột “Lỗi” "
                                            "rồi nhập lại."))
            return False
        if not self.confirm(self.tr("Nhập dữ liệu"), self.tr("Nhập %1 dòng hợp lệ vào cơ sở dữ liệu?")
                            .replace("%1", format_int(valid))):
            return False
        store, record_type, rows, actor = self.store, self.record_type, self.rows, self.actor
        outcome = self.run_job(lambda progress, cancel: excel.import_valid_rows(
            store, record_type, rows, actor=actor, progress=progress, cancel=cancel), self.tr("Đang nhập dữ liệu…"))
        if outcome.returned:  # saved, even if "Hủy" was pressed after the commit
            self._imported(outcome.result)
            return True
        if outcome.cancelled:
            QMessageBox.information(self, self.tr("Đã hủy nhập"),
                                    self.tr("Đã hủy; không có dòng nào được lưu. Bấm “Nhập” để nhập lại."))
        else:
            self._import_failed(outcome.error)
        return False

    def _imported(self, ids: WrittenIds) -> None:
        self.imported_ids = list(ids)
        self._import_done = True
        self.wrote.emit(ids.changes)
        self.imported.emit(self.record_type, len(self.imported_ids))

    def _import_failed(self, exc: BaseException | None) -> None:
        message = exc.message if isinstance(exc, AntqError) else str(exc or "")
        QMessageBox.warning(self, self.tr("Chưa nhập được"),
                            self.tr("Không có dòng nào được lưu: %1").replace("%1", message))


def open_import_wizard(context, parent: QWidget | None = None,  # type: ignore[no-untyped-def]
                       record_type: str = "household") -> ImportWizard:
    """For list pages ("Nhập từ Excel" button): the wizard, announcing the change through the AppContext."""
    wizard = ImportWizard(context.store, actor=context.actor, record_type=record_type, jobs=context.jobs,
                          parent=parent)
    wizard.wrote.connect(context.apply_changes)
    wizard.imported.connect(lambda kind, count: context.events.status_message.emit(
        QCoreApplication.translate("ImportWizard", "Đã nhập %1 dòng từ Excel (%2).")
        .replace("%1", format_int(count)).replace("%2", record_type_titles()[kind])))
    wizard.show()
    return wizard
