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

from PySide6.QtCore import QCoreApplication, Qt, QTemporaryDir, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services import forms, records
from antq_desktop.ui import file_dialogs
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.i18n import N
from antq_desktop.ui.pdf_preview import PdfPreview
from antq_desktop.ui.widgets.date_field import DateField

REPORTS = {"report_commune": N("PrintPage", "Báo cáo kết quả năm của xã"),
           "report_summary": N("PrintPage", "Bảng tổng hợp theo xã"),
           "recognition": N("PrintPage", "Quyết định công nhận (kèm danh sách và giấy công nhận)")}
# services.forms.FORM_KINDS' labels, marked for lupdate (the page translates them in its own context);
# a test keeps this list equal to the services' table.
FORM_KIND_TEXTS = (
    N("PrintPage", "Bản cam kết hộ gia đình"), N("PrintPage", "Giao ước thi đua (cơ quan, doanh nghiệp, trường học)"),
    N("PrintPage", "Bản đăng ký phấn đấu"), N("PrintPage", "Phiếu tự đánh giá"),
    N("PrintPage", "Biên bản họp xét công nhận"), N("PrintPage", "Báo cáo kết quả Ngày hội toàn dân bảo vệ ANTQ"),
)
SCOPE_AREA, SCOPE_ALL, SCOPE_BLANK, SCOPE_NAMES = "area", "all", "blank", "names"
AREA_SCOPES = (SCOPE_AREA, SCOPE_NAMES)
FILE_NAMES = {"pledge": "cam_ket", "covenant": "giao_uoc", "registration": "dang_ky", "assessment": "tu_danh_gia",
              "minutes": "bien_ban_hop_xet", "report_commune": "bao_cao_ket_qua", "report_summary": "bang_tong_hop",
              "festival_report": "bao_cao_ngay_hoi", "recognition": "quyet_dinh_cong_nhan"}


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
        self.decision_number = QLineEdit()
        self.decision_number.setObjectName("decision_number")
        self.decision_number.setMaxLength(40)
        self.decision_number.setPlaceholderText(self.tr("ví dụ 45 — bỏ trống để ghi tay"))
        self.decision_number.setAccessibleName(self.tr("Số quyết định"))
        self.decision_date = DateField(optional=True)
        self.decision_date.setObjectName("decision_date")
        self.decision_date.setAccessibleName(self.tr("Ngày ký quyết định"))
        self._offered = ("", "")  # the number and date the page filled in from the store
        self.form = form = QFormLayout()
        form.addRow(self.tr("Biểu mẫu:"), self.kind_box)
        form.addRow(self.tr("Phạm vi:"), self.scope_box)
        form.addRow(self.tr("Khu dân cư:"), self.area_box)
        form.addRow(self.tr("Năm:"), self.year_box)
        form.addRow(self.tr("Số quyết định:"), self.decision_number)
        form.addRow(self.tr("Ngày ký:"), self.decision_date)
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(self.generate_button)
        column.addWidget(self.excel_button)
        column.addWidget(self.hint)
        column.addStretch(1)
        self.kind_box.currentIndexChanged.connect(self._update_enabled)
        # A long form name is cut in the narrow box: its tooltip reads it whole.
        self.kind_box.currentIndexChanged.connect(lambda _i: self.kind_box.setToolTip(self.kind_box.currentText()))
        self.kind_box.currentIndexChanged.connect(lambda _i: self._offer_recorded_decision())
        self.year_box.valueChanged.connect(lambda _y: self._offer_recorded_decision())
        self.scope_box.currentIndexChanged.connect(self._update_enabled)
        self.decision_number.textChanged.connect(lambda _t: self.hint.setText(self._hint()))
        self.decision_date.changed.connect(lambda: self.hint.setText(self._hint()))
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
        for field in (self.decision_number, self.decision_date):
            self.form.setRowVisible(field, self.kind == "recognition")
        busy = self.job is not None and self.job.is_running
        self.generate_button.setEnabled(not busy)
        self.excel_button.setEnabled(not busy)
        self.hint.setText(self._hint())

    def _hint(self) -> str:
        if self.kind == "recognition":
            return self._recognition_hint()
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

    def _recognition_hint(self) -> str:
        text = self.tr("Quyết định, danh sách kèm theo và một giấy công nhận cho mỗi đơn vị có phiếu tự đánh giá "
                       "“Đạt” đã gửi trong năm.")
        if not (self.decision_number.text().strip() and self.decision_date.text().strip()):
            return text + " " + self.tr("Bỏ trống số hoặc ngày thì bản in để chấm để ghi tay.")
        if not self.context.can_write:
            return text + " " + self.tr("Tài khoản chỉ xem: bản in có số và ngày nhưng không được lưu lại.")
        return text + " " + self.tr("Số và ngày quyết định được lưu lại, gửi kèm dữ liệu để báo cáo của các "
                                    "đơn vị được công nhận ghi đúng số quyết định.")

    def _offer_recorded_decision(self) -> None:
        """The number and date already recorded for the year come back when printing it again; what the
        page offered for another year is taken away (never what the officer typed)."""
        shown = (self.decision_number.text().strip(), self.decision_date.text().strip())
        if self.kind != "recognition" or shown not in (("", ""), self._offered):
            return
        found = forms.recorded_decision(self.context.store, self.year_box.value())
        self.decision_number.setText(found[0] if found else "")
        self.decision_date.set_date(found[1] if found else None)
        self._offered = (self.decision_number.text().strip(), self.decision_date.text().strip())

    def _decision(self) -> tuple[str | None, date | None]:
        """The typed number and date; a date that is not one is refused with its red message."""
        if not self.decision_date.check():
            raise forms.FormError(self.tr("Ngày ký quyết định chưa đúng: %1").replace(
                "%1", self.decision_date.problem() or ""))
        return self.decision_number.text().strip() or None, self.decision_date.date()

    def request(self) -> forms.FormRequest:
        area = self.area_box.currentData() if self.scope in AREA_SCOPES else None
        if self.scope in AREA_SCOPES and not area:
            raise forms.FormError("Chưa chọn khu dân cư. Hãy chọn một khu dân cư hoặc chọn phạm vi “Toàn đơn vị”.")
        return forms.FormRequest(self.kind, self.year_box.value(), area_id=area,
                                 blank=self.scope in (SCOPE_BLANK, SCOPE_NAMES), names=self.scope == SCOPE_NAMES)

    # ---- generating ----

    def _work(self, output: Path) -> Callable[[Callable[[float, str], None], threading.Event], object]:
        store, kind, year = self.context.store, self.kind, self.year_box.value()
        if kind == "report_commune":
            return lambda progress, cancel: forms.render_commune_report(store, year, output,
                                                                               progress=progress, cancel=cancel)
        if kind == "report_summary":
            return lambda progress, cancel: forms.render_summary(store, year, output, progress=progress,
                                                                        cancel=cancel)
        if kind == "recognition":
            number, decided_on = self._decision()
            # Only an account that may write records the decision; read-only ones print it.
            actor = self.context.actor if self.context.can_write else None
            return lambda progress, cancel: forms.print_recognition(
                store, year, output, number=number, decided_on=decided_on, progress=progress, cancel=cancel,
                actor=actor)
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

    def _show(self, result: object) -> None:
        if isinstance(result, forms.RecognitionPrint):  # the decision's number and date were recorded
            self.context.apply_changes(result.changes)
            result = result.path
        path = Path(str(result))
        if self.preview.load(path, self._suggested_name()):
            self.generated.emit(path)

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

        dialog = PdfPreviewDialog(Path(str(path)), QCoreApplication.translate("PrintPage", forms.FORM_KINDS[kind]),
                                  parent)
        dialog.temp = temp  # the file lives as long as its preview
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        job.preview = dialog

    job.succeeded.connect(show)
    job.failed.connect(lambda exc: show_error(parent, exc, parent.tr("Không tạo được bản in")))
    return job
