"""“In biểu mẫu”: choose a form, a scope and a year, generate in the background, preview, print.

The page only collects choices and shows the result: the PDF is built by `services.forms` /
`services.forms` in the JobRunner's worker thread (progress and “Hủy” in its dialog).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTemporaryDir, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services import forms, records
from antq_desktop.ui import file_dialogs
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.pdf_preview import PdfPreview

REPORTS = {"report_commune": "Báo cáo kết quả năm của xã", "report_summary": "Bảng tổng hợp theo xã"}
SCOPE_AREA, SCOPE_ALL, SCOPE_BLANK, SCOPE_NAMES = "area", "all", "blank", "names"
AREA_SCOPES = (SCOPE_AREA, SCOPE_NAMES)
FILE_NAMES = {"pledge": "cam_ket", "covenant": "giao_uoc", "registration": "dang_ky", "assessment": "tu_danh_gia",
              "minutes": "bien_ban_hop_xet", "report_commune": "bao_cao_ket_qua", "report_summary": "bang_tong_hop",
              "festival_report": "bao_cao_ngay_hoi"}


class PrintPage(QWidget):
    generated = Signal(object)  # Path of the PDF now in the preview

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: Any = None
        self._temp = QTemporaryDir()  # removed with the page; each run gets a new name (open files on Windows)
        self._serial = itertools.count(1)
        self.preview = PdfPreview(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_choices())
        layout.addWidget(self.preview, 1)
        self.preview.printed.connect(self._on_printed)
        context.events.year_changed.connect(self.year_box.setValue)
        context.events.changed.connect(lambda _changes: self._reload_areas())
        self._update_enabled()

    @classmethod
    def from_context(cls, context: Any) -> PrintPage:
        return cls(context)

    # ---- choices ----

    def _build_choices(self) -> QGroupBox:
        box = QGroupBox(self.tr("In biểu mẫu"))
        box.setMaximumWidth(380)
        self.kind_box = QComboBox()
        for key, label in {**forms.FORM_KINDS, **REPORTS}.items():
            self.kind_box.addItem(self.tr(label), key)
        self.scope_box = QComboBox()
        self.scope_box.addItem(self.tr("Một khu dân cư"), SCOPE_AREA)
        self.scope_box.addItem(self.tr("Toàn đơn vị"), SCOPE_ALL)
        self.scope_box.addItem(self.tr("Mẫu trống để điền tay"), SCOPE_BLANK)
        self.scope_box.addItem(self.tr("Mẫu trống in sẵn tên (khu dân cư đã chọn)"), SCOPE_NAMES)
        self.area_box = QComboBox()
        self.area_box.setMinimumContentsLength(18)
        for combo in (self.kind_box, self.scope_box):  # long form names must not widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(22)
        self._reload_areas()
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, date.today().year + 1)
        self.year_box.setValue(self.context.year)
        self.generate_button = QPushButton(self.tr("Tạo bản in"))
        self.generate_button.setDefault(True)
        self.excel_button = QPushButton(self.tr("Xuất Excel…"))
        self.excel_button.setToolTip(self.tr("Bảng tổng hợp dạng .xlsx để gửi cấp trên"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Biểu mẫu:"), self.kind_box)
        form.addRow(self.tr("Phạm vi:"), self.scope_box)
        form.addRow(self.tr("Khu dân cư:"), self.area_box)
        form.addRow(self.tr("Năm:"), self.year_box)
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(self.generate_button)
        column.addWidget(self.excel_button)
        column.addWidget(self.hint)
        column.addStretch(1)
        self.kind_box.currentIndexChanged.connect(self._update_enabled)
        self.scope_box.currentIndexChanged.connect(self._update_enabled)
        self.generate_button.clicked.connect(self.generate)
        self.excel_button.clicked.connect(self.export_excel)
        return box

    def _reload_areas(self) -> None:
        current = self.area_box.currentData()
        self.area_box.clear()
        for area_id, name in records.names(self.context.store, "residential_area").items():
            self.area_box.addItem(name, area_id)
        index = self.area_box.findData(current)
        self.area_box.setCurrentIndex(max(index, 0))

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    @property
    def scope(self) -> str:
        return str(self.scope_box.currentData())

    def _update_enabled(self) -> None:
        is_form = self.kind in forms.FORM_KINDS
        self.scope_box.setEnabled(is_form)
        self.area_box.setEnabled(is_form and self.scope in AREA_SCOPES)
        self.excel_button.setVisible(self.kind == "report_summary")
        busy = self.job is not None and self.job.is_running
        self.generate_button.setEnabled(not busy)
        self.excel_button.setEnabled(not busy)
        self.hint.setText(self._hint())

    def _hint(self) -> str:
        if self.kind not in forms.FORM_KINDS:
            return self.tr("Số liệu lấy từ các chỉ tiêu của năm đã chọn.")
        if self.scope == SCOPE_BLANK:
            return self.tr("Một mẫu trống để in và điền tay.")
        if self.scope == SCOPE_NAMES:
            return self.tr("Mỗi hộ (hoặc khu dân cư, cơ quan, doanh nghiệp, trường học) của khu dân cư một bản, "
                           "in sẵn tên, để mang đi ký.")
        if self.scope in AREA_SCOPES and self.area_box.count() == 0:
            return self.tr("Chưa có khu dân cư nào: hãy thêm ở trang Khu dân cư, hoặc chọn “Toàn đơn vị”.")
        return self.tr("Mỗi hồ sơ in trên một trang trở lên; chân trang có mã QR và dấu khóa của xã.")

    def request(self) -> forms.FormRequest:
        area = self.area_box.currentData() if self.scope in AREA_SCOPES else None
        if self.scope in AREA_SCOPES and not area:
            raise forms.FormError("Chưa chọn khu dân cư. Hãy chọn một khu dân cư hoặc chọn phạm vi “Toàn đơn vị”.")
        return forms.FormRequest(self.kind, self.year_box.value(), area_id=area,
                                 blank=self.scope in (SCOPE_BLANK, SCOPE_NAMES), names=self.scope == SCOPE_NAMES)

    # ---- generating ----

    def _work(self, output: Path) -> Callable[[Callable[[float, str], None], threading.Event], Path]:
        store, kind, year = self.context.store, self.kind, self.year_box.value()
        if kind == "report_commune":
            return lambda progress, cancel: forms.render_commune_report(store, year, output,
                                                                               progress=progress, cancel=cancel)
        if kind == "report_summary":
            return lambda progress, cancel: forms.render_summary(store, year, output, progress=progress,
                                                                        cancel=cancel)
        request = self.request()
        return lambda progress, cancel: forms.render_form(store, request, output, progress=progress, cancel=cancel)

    def _start(self, output: Path, on_done: Callable[[object], None]) -> None:
        try:
            work = self._work(output)
        except forms.FormError as exc:
            show_error(self, exc)
            return
        self.job = self.context.jobs.start(work, title=self.tr("Đang tạo bản in…"), parent=self)
        self.job.succeeded.connect(on_done)
        self.job.failed.connect(lambda exc: show_error(self, exc, self.tr("Không tạo được bản in")))
        self.job.cancelled.connect(lambda: self.context.events.status_message.emit(self.tr("Đã hủy tạo bản in.")))
        self.job.finished.connect(self._update_enabled)
        self._update_enabled()

    def generate(self) -> None:
        output = Path(self._temp.path()) / f"{FILE_NAMES[self.kind]}-{next(self._serial)}.pdf"
        self._start(output, self._show)

    def _suggested_name(self) -> str:
        return f"{FILE_NAMES[self.kind]}_{self.year_box.value()}.pdf"

    def _show(self, path: object) -> None:
        if self.preview.load(Path(str(path)), self._suggested_name()):
            self.generated.emit(Path(str(path)))

    def export_excel(self) -> None:
        suggested = f"bang_tong_hop_{self.year_box.value()}.xlsx"
        name = file_dialogs.save_file(self, file_dialogs.EXCEL, self.tr("Xuất Excel"), suggested,
                                              self.tr("Bảng tính Excel (*.xlsx)"))
        if not name:
            return
        output = Path(name if name.lower().endswith(".xlsx") else f"{name}.xlsx")
        self._start(output, lambda _p: self.context.events.status_message.emit(
            self.tr("Đã lưu bảng tổng hợp: %1").replace("%1", str(output))))

    def _on_printed(self, pages: int) -> None:
        if pages:
            self.context.events.status_message.emit(self.tr("Đã gửi %1 trang tới máy in.").replace("%1", str(pages)))


def print_record(context: Any, parent: QWidget, kind: str, record_id: str, year: int) -> Any:
    """One stored record's form in a preview window: the hook a record page's “In…” button calls.

    `kind` is a FORM_KINDS key (a pledge prints as "pledge" or "covenant", an assessment as
    "assessment" or "minutes"). Returns the job; the preview opens when it succeeds.
    """
    temp = QTemporaryDir()
    output = Path(temp.path()) / f"{FILE_NAMES[kind]}.pdf"
    request = forms.FormRequest(kind, year, record_id=record_id)
    store = context.store
    job = context.jobs.start(lambda progress, cancel: forms.render_form(store, request, output, progress=progress,
                                                                        cancel=cancel),
                             title=parent.tr("Đang tạo bản in…"), parent=parent)

    def show(path: object) -> None:
        from antq_desktop.ui.pdf_preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(Path(str(path)), parent.tr(forms.FORM_KINDS[kind]), parent)
        dialog.temp = temp  # the file lives as long as its preview
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        job.preview = dialog

    job.succeeded.connect(show)
    job.failed.connect(lambda exc: show_error(parent, exc, parent.tr("Không tạo được bản in")))
    return job
