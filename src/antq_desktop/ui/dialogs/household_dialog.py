"""The household form, warning when another household of the unit has the same citizen ID.

Two households with one citizen ID are allowed (a head who moved, a record being cleaned up) but
usually mean the same family was entered twice: the form says which household has it and offers
to open that one. The comparison is by digits (services/records/duplicates.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from antq_desktop.services import records
from antq_desktop.ui import colours
from antq_desktop.ui.dialogs.record_dialog import RecordDialog, tr_dialog


class HouseholdDialog(RecordDialog):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.same_id: list[records.SameCitizenId] = []
        self._add_warning_row()
        self.editors["citizen_id"].on_change(self.check_citizen_id)
        self.check_citizen_id()

    def _add_warning_row(self) -> None:
        self.duplicate_box = QWidget()
        row = QHBoxLayout(self.duplicate_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.duplicate_warning = QLabel()
        self.duplicate_warning.setObjectName("duplicate_citizen_id_warning")
        self.duplicate_warning.setWordWrap(True)
        self.duplicate_warning.setStyleSheet(colours.text_style("warning"))
        self.open_other_button = QPushButton(tr_dialog("&Mở hộ đã có"))
        self.open_other_button.setObjectName("open_duplicate_button")
        self.open_other_button.setToolTip(tr_dialog("Xem hộ có cùng số định danh (mở trong cửa sổ mới)"))
        self.open_other_button.clicked.connect(self.open_other)
        row.addWidget(self.duplicate_warning, 1)
        row.addWidget(self.open_other_button)
        index = next(i for i, spec in enumerate(self.fields) if spec.name == "citizen_id")
        self.form.insertRow(index + 1, "", self.duplicate_box)
        self.duplicate_box.hide()

    def check_citizen_id(self) -> None:
        """Show (or hide) the warning for the ID as typed; never blocks saving."""
        value = self.editors["citizen_id"].get()
        digits = records.citizen_id_key(value if isinstance(value, str) else None)
        self.same_id = records.households_with_citizen_id(self.context.store, digits, self.record_id) \
            if len(digits) == 12 else []
        if self.same_id:
            first = self.same_id[0]
            text = tr_dialog("Số định danh này đã có ở hộ “%1” (%2). Hãy kiểm tra có phải cùng một người không; nếu "
                             "nhập trùng, hãy bấm “Mở hộ đã có” thay vì thêm hộ mới.")
            self.duplicate_warning.setText(text.replace("%1", first.head_name).replace("%2", first.area_name))
        self.duplicate_box.setVisible(bool(self.same_id))

    def open_other(self) -> None:
        if not self.same_id:
            return
        other = HouseholdDialog(self.context, self.record_type, self.fields, self.windowTitle(),
                                record_id=self.same_id[0].household_id, read_only=self.read_only, parent=self)
        other.setObjectName("duplicate_household_dialog")
        other.open()
        self.other_dialog = other
