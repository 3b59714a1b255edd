"""The household dialog with its members: the household's fields, then a small table of the people
living in it (name, year of birth, relation to the head, ID number), one row per person.

Rows are added and removed with buttons; cells are edited in place (keyboard: Tab moves between
cells, F2 edits). The members are checked before the household is saved, then saved with it.
Read-only accounts see the table without edits and the ID numbers masked.

It also warns (never blocks) when another household of the unit has the same citizen ID: two
households with one ID usually mean the same family was entered twice, so the form says which one
has it and offers to open it. The comparison is by digits (services/records/duplicates.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import ValidationError
from antq_desktop.domain.validation import RELATIONS
from antq_desktop.services import records
from antq_desktop.ui import colours
from antq_desktop.ui.dialogs.record_dialog import RecordDialog, tr_dialog
from antq_desktop.ui.widgets.field_error import FieldErrorLabel

_NAME, _YEAR, _RELATION, _ID = range(4)


class HouseholdDialog(RecordDialog):
    """RecordDialog for a household, plus the members table under its fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.same_id: list[records.SameCitizenId] = []
        self._add_warning_row()
        self.editors["citizen_id"].on_change(self.check_citizen_id)
        self.check_citizen_id()
        self._add_members_table()
        stored = records.member_rows(self.context.store, self.record_id) if self.record_id else []
        for row in stored:
            self._append(row)
        self.initial_members = self.member_values()

    def _add_members_table(self) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(tr_dialog("Các thành viên trong hộ (in trên bản cam kết):"))
        self.members_table = QTableWidget(0, 4)
        self.members_table.setObjectName("members_table")
        self.members_table.setAccessibleName(tr_dialog("Các thành viên trong hộ"))
        title.setBuddy(self.members_table)
        self.members_table.setHorizontalHeaderLabels([tr_dialog("Họ và tên"), tr_dialog("Năm sinh"),
                                                      tr_dialog("Quan hệ với chủ hộ"), tr_dialog("Số định danh")])
        self.members_table.horizontalHeader().setSectionResizeMode(_NAME, QHeaderView.ResizeMode.Stretch)
        self.members_table.setMinimumHeight(150)
        self.members_table.setEnabled(True)
        buttons = QHBoxLayout()
        self.add_member_button = QPushButton(tr_dialog("Thêm người"))
        self.add_member_button.setObjectName("add_member_button")
        self.remove_member_button = QPushButton(tr_dialog("Bỏ người đang chọn"))
        self.remove_member_button.setObjectName("remove_member_button")
        self.add_member_button.clicked.connect(lambda _checked=False: self._append({}, focus=True))
        self.remove_member_button.clicked.connect(lambda _checked=False: self._remove_current())
        for button in (self.add_member_button, self.remove_member_button):
            button.setVisible(not self.read_only)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.members_error = FieldErrorLabel()
        self.members_error.setObjectName("error_members")
        layout.addWidget(title)
        layout.addWidget(self.members_table)
        layout.addLayout(buttons)
        layout.addWidget(self.members_error)
        self.form.addRow(box)
        if self.read_only:
            self.members_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def _append(self, row: dict[str, Any], *, focus: bool = False) -> None:
        table = self.members_table
        index = table.rowCount()
        table.insertRow(index)
        ident = row.get("citizen_id") or ""
        shown = ident if records.can_view_citizen_id(self.context.user) else records.mask_citizen_id(ident)
        name = QTableWidgetItem(row.get("full_name") or "")
        name.setData(256, row.get("id"))  # Qt.UserRole: the stored member's id
        for column, item in ((_NAME, name), (_YEAR, QTableWidgetItem(str(row.get("birth_year") or ""))),
                             (_ID, QTableWidgetItem(shown))):
            table.setItem(index, column, item)
        relation = QComboBox()
        relation.setAccessibleName(tr_dialog("Quan hệ với chủ hộ"))
        for code, label in RELATIONS.items():
            relation.addItem(label, code)
        relation.setCurrentIndex(max(0, relation.findData(row.get("relation") or ("chu_ho" if index == 0
                                                                                  else "con"))))
        relation.setEnabled(not self.read_only)
        table.setCellWidget(index, _RELATION, relation)
        if focus:
            table.setCurrentCell(index, _NAME)
            table.editItem(name)

    def _remove_current(self) -> None:
        row = self.members_table.currentRow()
        if row >= 0:
            self.members_table.removeRow(row)

    def member_values(self) -> list[dict[str, Any]]:
        table, out = self.members_table, []
        for index in range(table.rowCount()):
            def text(column: int, i: int = index) -> str:
                item = table.item(i, column)
                return item.text().strip() if item else ""
            relation = table.cellWidget(index, _RELATION)
            if not any(text(c) for c in (_NAME, _YEAR, _ID)):
                continue  # an empty row added by mistake is not a person
            name_item = table.item(index, _NAME)
            out.append({"id": name_item.data(256) if name_item else None, "full_name": text(_NAME),
                        "birth_year": text(_YEAR) or None, "citizen_id": text(_ID) or None,
                        "relation": relation.currentData() if isinstance(relation, QComboBox) else "khac"})
        return out

    def is_dirty(self) -> bool:
        return super().is_dirty() or (not self.read_only and self.member_values() != self.initial_members)

    def save(self) -> None:
        """Members are checked first, so a wrong year of birth never leaves a half-saved household."""
        self.members_error.show_message(None)
        rows = self.member_values()
        try:
            records.check_member_rows(rows)
        except ValidationError as exc:
            self.members_error.show_message("\n".join(e.message for e in exc.errors))
            self.members_table.setFocus()
            return
        super().save()
        if self.saved_id is None:  # not saved: the household's own errors are shown
            return
        try:
            changes = records.save_members(self.context.store, self.saved_id, rows, actor=self.context.actor)
        except ValidationError as exc:  # e.g. the household was deleted meanwhile
            self.general_error.show_message(exc.message)
            return
        self.initial_members = rows
        self.context.apply_changes(changes)

    # ---- another household with the same citizen ID ----

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
