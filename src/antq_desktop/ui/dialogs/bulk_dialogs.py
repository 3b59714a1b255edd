"""Small dialogs that set up a bulk action before it runs in the background."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services import records
from antq_desktop.ui.choice_labels import tr_choice
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.table_model import format_count
from antq_desktop.ui.widgets.date_field import DateField
from antq_desktop.ui.widgets.fields import record_choices


class AreaPledgeDialog(QDialog):
    """Choose an area and the signing date; shows how many households still have no pledge."""

    def __init__(self, context: AppContext, area_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Ghi cam kết cho cả khu dân cư"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Ghi bản cam kết năm %1 (đã ký) cho mọi hộ của khu dân cư chưa có bản cam kết năm "
                               "này. Hộ đã có bản cam kết được giữ nguyên.").replace("%1", str(context.year)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.area_box = QComboBox()
        self.area_box.setObjectName("area_box")
        for value, name in record_choices(context.store, "residential_area", "name").items():
            self.area_box.addItem(name, value)
        if area_id and self.area_box.findData(area_id) >= 0:
            self.area_box.setCurrentIndex(self.area_box.findData(area_id))
        self.signed_on = DateField(optional=False, latest=date.today())  # typed or picked, checked before use
        self.signed_on.set_date(date.today())
        self.signed_on.setObjectName("signed_on")
        form.addRow(self.tr("Khu dân cư:"), self.area_box)
        form.addRow(self.tr("Ngày ký:"), self.signed_on)
        layout.addLayout(form)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        layout.addWidget(self.count_label)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Ghi cam kết"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._accept_if_date_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.area_box.currentIndexChanged.connect(self._update_count)
        self._update_count()
        self.setMinimumWidth(480)

    def _update_count(self) -> None:
        area_id = self.area_id()
        store, year = self.context.store, self.context.year
        missing = len(records.households_without_pledge(store, area_id, year)) if area_id else 0
        self.count_label.setText(self.tr("Số hộ sẽ được ghi cam kết: %1").replace("%1", format_count(missing)))
        self.ok_button.setEnabled(missing > 0)

    def _accept_if_date_ok(self) -> None:
        if self.signed_on.check():  # else the red message under the date says why
            self.accept()
        else:
            self.signed_on.setFocus()

    def area_id(self) -> str | None:
        return self.area_box.currentData()

    def signed_date(self) -> date | None:
        return self.signed_on.date()


class SubjectDialog(QDialog):
    """Who a new self-assessment is for: an area, an organisation or the whole commune."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, title: str | None = None) -> None:
        from antq_desktop.domain.validation import SUBJECT_KINDS

        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Tự đánh giá mới — chọn đối tượng"))
        form = QFormLayout(self)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind_box")
        for value, label in SUBJECT_KINDS.items():
            self.kind_box.addItem(tr_choice(label), value)
        self.area_box, self.org_box = QComboBox(), QComboBox()
        for box, record_type in ((self.area_box, "residential_area"), (self.org_box, "organization")):
            for value, name in record_choices(context.store, record_type, "name").items():
                box.addItem(name, value)
        form.addRow(self.tr("Đối tượng:"), self.kind_box)
        form.addRow(self.tr("Khu dân cư:"), self.area_box)
        form.addRow(self.tr("Đơn vị:"), self.org_box)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Tiếp tục"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.form = form
        self.kind_box.currentIndexChanged.connect(self._show_rows)
        self._show_rows()
        self.setMinimumWidth(460)

    def _show_rows(self) -> None:
        self.form.setRowVisible(1, self.subject_kind() == "area")
        self.form.setRowVisible(2, self.subject_kind() == "organization")

    def subject_kind(self) -> str:
        return str(self.kind_box.currentData())

    def subject_id(self) -> str | None:
        box = {"area": self.area_box, "organization": self.org_box}.get(self.subject_kind())
        return box.currentData() if box is not None else None
