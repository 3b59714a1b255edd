"""Hộ gia đình: households by area, with whether each signed a pledge in the working year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTemporaryDir
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton, QWidget

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import records
from antq_desktop.ui.dialogs.household_dialog import HouseholdDialog
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.i18n import N
from antq_desktop.ui.pages import choices
from antq_desktop.ui.pages.record_page import FilterSpec, RecordPage, tr_page
from antq_desktop.ui.table_model import Column
from antq_desktop.ui.widgets.fields import FieldSpec

if TYPE_CHECKING:
    # Printing (ReportLab, openpyxl: ~10 MiB) is imported when something is printed, not with the page.
    from antq_desktop.services import forms


def _pledged(row: dict[str, Any]) -> str:
    return "✓" if row.get("pledged") else ""


def _masked_id(row: dict[str, Any]) -> str:
    # Lists show the last 4 digits only (Law 91/2025): enough to tell people apart, little to leak.
    return records.mask_citizen_id(row.get("citizen_id"))


class HouseholdsPage(RecordPage):
    record_type = "household"
    heading = N("RecordPages", "Hộ gia đình")
    search_hint = N("RecordPages", "Tìm theo tên chủ hộ, địa chỉ hoặc số định danh (có dấu hoặc không dấu)")
    uses_year = True  # the "pledged" column is for the working year
    related_types = ("pledge", "residential_area")
    new_title = N("RecordDialogs", "Thêm hộ gia đình")
    excel_import = True
    edit_title = N("RecordDialogs", "Sửa hộ gia đình")
    columns = [
        Column("head_name", N("RecordPages", "Chủ hộ"), sort="head_name", width=200),
        Column("citizen_id", N("RecordPages", "Số định danh"), sort="citizen_id", show=_masked_id, width=130),
        Column("area_name", N("RecordPages", "Khu dân cư"), sort="area_name", width=170),
        Column("address", N("RecordPages", "Địa chỉ"), width=220),
        Column("members", N("RecordPages", "Nhân khẩu"), sort="members", numeric=True, width=90),
        Column("phone", N("RecordPages", "Điện thoại"), width=120),
        Column("pledged", N("RecordPages", "Đã cam kết"), sort="pledged", show=_pledged, width=100),
    ]
    fields = [
        FieldSpec("area_id", N("RecordDialogs", "Khu dân cư"), "area", required=True),
        FieldSpec("head_name", N("RecordDialogs", "Họ tên chủ hộ"), required=True),
        FieldSpec("citizen_id", N("RecordDialogs", "Số định danh (CCCD)"),
                  placeholder=N("RecordDialogs", "12 chữ số")),
        FieldSpec("address", N("RecordDialogs", "Địa chỉ")),
        FieldSpec("members", N("RecordDialogs", "Số nhân khẩu"), "int"),
        FieldSpec("phone", N("RecordDialogs", "Số điện thoại")),
        FieldSpec("note", N("RecordDialogs", "Ghi chú"), "long_text"),
        # Issue 14: a household that moved away keeps counting in the years it lived here.
        FieldSpec("left_on", N("RecordDialogs", "Chuyển đi / không còn ở địa bàn từ ngày"), "optional_date"),
    ]
    filters = [FilterSpec("area_id", N("RecordPages", "Mọi khu dân cư"), choices.areas)]
    # Pledges of the chosen households; and one prefilled page per household not yet signed this year.
    print_actions = (("pledge", N("RecordPages", "In bản cam kết…")),
                     ("pledge_unsigned", N("RecordPages", "In bản cam kết chưa ký…")))

    def describe(self, row: dict[str, Any]) -> str:
        return str(row.get("head_name") or "")

    def make_dialog(self, record_id: str | None, defaults: dict[str, Any] | None = None) -> HouseholdDialog:
        """The household's fields, the table of its members, and a warning about another household with the
        same citizen ID."""
        title = self.edit_title if record_id else self.new_title
        return HouseholdDialog(self.context, self.record_type, self.fields, title, record_id=record_id,
                               defaults=defaults, read_only=not self.context.can_write, parent=self)

    def extra_buttons(self) -> list[QPushButton]:
        self.reveal_button = QPushButton(tr_page("Hiện số định danh"))
        self.reveal_button.setObjectName("reveal_ids_button")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolTip(tr_page("Danh sách chỉ hiện 4 số cuối của số định danh. Bấm để xem đầy đủ; "
                                              "việc xem được ghi vào nhật ký thao tác."))
        self.reveal_button.setEnabled(records.can_view_citizen_id(self.context.user))
        self.reveal_button.toggled.connect(self.reveal_citizen_ids)
        self.left_button = QPushButton(tr_page("Chuyển đi…"))
        self.left_button.setObjectName("household_left_button")
        self.left_button.setToolTip(tr_page("Hộ chuyển đi hoặc không còn ở địa bàn: vẫn được tính trong các năm trước "
                                            "(dùng thay cho Xóa với hộ đã có từ năm trước)"))
        self.left_button.setEnabled(self.context.can_write)
        self.left_button.clicked.connect(lambda: self.mark_left())
        return [*super().extra_buttons(), self.reveal_button, self.left_button]

    def mark_left(self, day: date | None = None) -> int:
        """Set "Chuyển đi / không còn ở địa bàn" on the selected households (asks the day unless given)."""
        rows = self.selected_rows()
        if not rows:
            QMessageBox.information(self, tr_page("Chuyển đi"), tr_page("Hãy chọn hộ chuyển đi trong danh sách."))
            return 0
        if day is None:
            text, ok = QInputDialog.getText(self, tr_page("Chuyển đi / không còn ở địa bàn"),
                                            tr_page("Từ ngày (dd/MM/yyyy):"), text=date.today().strftime("%d/%m/%Y"))
            if not ok:
                return 0
        try:
            changed = records.update_many(self.context.store, "household", [str(r["id"]) for r in rows],
                                       {"left_on": day or text}, actor=self.context.actor)
        except AntqError as exc:
            show_error(self, exc, tr_page("Không ghi được ngày chuyển đi"))
            return 0
        self.context.apply_changes(changed.changes)
        return changed

    def reveal_citizen_ids(self, reveal: bool) -> None:
        if reveal:
            records.record_citizen_id_reveal(self.context.store, user=self.context.user, where="households_page")
        columns = list(self.model.columns)  # the class's list is shared by every page instance
        index = next(i for i, column in enumerate(columns) if column.key == "citizen_id")
        columns[index] = replace(columns[index], show=None if reveal else _masked_id)
        self.model.columns = columns
        self.model.dataChanged.emit(self.model.index(0, index), self.model.index(self.model.rowCount() - 1, index))

    def print_selected(self, kind: str) -> None:
        """Signed pledges of the selected households, or pages to sign for those without one this year
        (the selected ones, else every household of the area filter, else the whole unit)."""
        ids = tuple(str(row["id"]) for row in self.selected_rows())
        if kind == "pledge" and not ids:
            QMessageBox.information(self, tr_page("In biểu mẫu"), tr_page("Hãy chọn một hoặc nhiều hộ để in."))
            return
        area = None if ids else self.build_query().filters.get("area_id")
        from antq_desktop.services import forms

        request = forms.FormRequest("pledge", self.context.year, area_id=area, household_ids=ids,
                                    unsigned=kind == "pledge_unsigned")
        print_request(self.context, self, request, tr_page("Bản cam kết hộ gia đình"))


def print_request(context: Any, parent: QWidget, request: forms.FormRequest, title: str) -> Any:
    """Render a request in the background, then show it in the preview window (print or save from there)."""
    from antq_desktop.services import forms

    temp = QTemporaryDir()
    output = Path(temp.path()) / "ban_cam_ket.pdf"
    store = context.store
    job = context.jobs.start(lambda progress, cancel: forms.render_form(store, request, output, progress=progress,
                                                                        cancel=cancel),
                             title=tr_page("Đang tạo bản in…"), parent=parent)

    def show(path: object) -> None:
        from antq_desktop.ui.pdf_preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(Path(str(path)), title, parent)
        dialog.temp = temp  # the file lives as long as its preview
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        job.preview = dialog

    job.succeeded.connect(show)
    job.failed.connect(lambda exc: show_error(parent, exc, tr_page("Không tạo được bản in")))
    return job
