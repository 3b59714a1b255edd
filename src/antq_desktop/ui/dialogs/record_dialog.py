"""Add / edit / view one record: a form built from FieldSpecs, saved through `services.records`.

Validation is the service's: on ValidationError each message appears under its field and nothing
is saved. Closing with unsaved changes asks first. After saving, `undo_action()` describes how to
take the change back (delete what was created, write the previous values back).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError, ValidationError
from antq_desktop.services import records
from antq_desktop.services.changes import WrittenId, WrittenRevision
from antq_desktop.ui import colours
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.undo import UndoAction
from antq_desktop.ui.widgets.field_error import FieldErrorLabel
from antq_desktop.ui.widgets.fields import Editor, FieldSpec, make_editor


def tr_dialog(text: str) -> str:
    return QCoreApplication.translate("RecordDialogs", text)


def name_editor(widget: QWidget, name: str) -> None:
    """The field's label as the accessible name of every focusable part of its editor (a household
    picker has a search box and a list; a date a text box)."""
    widget.setAccessibleName(name)
    for part in widget.findChildren(QWidget):
        if part.focusPolicy() != Qt.FocusPolicy.NoFocus:
            part.setAccessibleName(name)


class RecordDialog(QDialog):
    def __init__(self, context: AppContext, record_type: str, fields: list[FieldSpec], title: str, *,
                 record_id: str | None = None, defaults: dict[str, Any] | None = None,
                 read_only: bool = False, fixed_values: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fixed_values = fixed_values or {}  # saved with the form but not shown (e.g. the plan of a target)
        self.context, self.record_type, self.fields = context, record_type, fields
        self.record_id, self.read_only = record_id, read_only
        self.original: dict[str, Any] = records.get(context.store, record_type, record_id) if record_id else {}
        self.saved_id: str | None = None
        self.setWindowTitle(tr_dialog(title))
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, FieldErrorLabel] = {}
        self._build(fields)
        self._load({**(defaults or {}), **self.original})
        self.initial = self.values()
        self.setMinimumWidth(620)

    # ---- building ----

    def _build(self, fields: list[FieldSpec]) -> None:
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        for spec in fields:
            editor = make_editor(spec, self.context.store, tr_dialog)
            editor.widget.setObjectName(f"field_{spec.name}")
            editor.widget.setEnabled(not self.read_only)
            error = FieldErrorLabel()
            error.setObjectName(f"error_{spec.name}")
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(editor.widget)
            cell_layout.addWidget(error)
            label = "" if spec.kind == "bool" else tr_dialog(spec.label) + (" *" if spec.required else "") + ":"
            label_widget = QLabel(label)
            label_widget.setBuddy(editor.widget)
            self.form.addRow(label_widget, cell)
            if spec.kind != "bool":  # a check box speaks its own text
                name_editor(editor.widget, tr_dialog(spec.label))
            self.editors[spec.name], self.errors[spec.name] = editor, error
            editor.on_change(self._update_visibility)
        layout.addLayout(self.form)
        if not self.read_only and any(s.required for s in fields):
            hint = QLabel(tr_dialog("Các mục có dấu * là bắt buộc."))
            hint.setStyleSheet(colours.text_style("hint"))
            layout.addWidget(hint)
        self.general_error = FieldErrorLabel()
        self.general_error.setObjectName("general_error")
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox()
        if self.read_only:
            buttons.addButton(tr_dialog("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            self.save_button = buttons.addButton(tr_dialog("Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.save_button.setObjectName("save_button")
            self.save_button.setDefault(True)
            buttons.addButton(tr_dialog("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _load(self, values: dict[str, Any]) -> None:
        for name, editor in self.editors.items():
            if name in values:
                editor.set(values[name])
        self._update_visibility()

    def _update_visibility(self) -> None:
        for row, spec in enumerate(self.fields):
            if spec.visible_when:
                other, shown_for = spec.visible_when
                self.form.setRowVisible(row, self.editors[other].get() in shown_for)

    def _visible(self, spec: FieldSpec) -> bool:
        return spec.visible_when is None or self.editors[spec.visible_when[0]].get() in spec.visible_when[1]

    # ---- values and saving ----

    def values(self) -> dict[str, Any]:
        shown = {s.name: self.editors[s.name].get() for s in self.fields if self._visible(s)}
        return {**self.fixed_values, **shown}

    def is_dirty(self) -> bool:
        return not self.read_only and self.values() != self.initial

    def save(self) -> None:
        self._show_errors(None)
        if not self._typed_values_ok():
            return
        values = self.values()
        store, actor = self.context.store, self.context.actor
        try:
            if self.record_id:
                written: WrittenId | WrittenRevision = records.update(
                    store, self.record_type, self.record_id, values, actor=actor,
                    expected_revision=self.original.get("revision"))
                self.saved_id = self.record_id
            else:
                written = self.saved_id = records.create(store, self.record_type, values, actor=actor)
        except ValidationError as exc:
            self._show_errors(exc)
            return
        except AntqError as exc:
            self.general_error.show_message(exc.message)
            return
        self.initial = values
        self.context.apply_changes(written.changes)
        super().accept()

    def _typed_values_ok(self) -> bool:
        """A value typed but not understood (31/02/2026) is never saved as something else or as nothing:
        its editor shows why under the field, and the form stays open."""
        wrong = [s.name for s in self.fields if self._visible(s) and self.editors[s.name].problem()]
        if wrong:
            self.general_error.show_message(tr_dialog("Chưa lưu: hãy sửa các mục được đánh dấu đỏ."))
            self.editors[wrong[0]].widget.setFocus()
        return not wrong

    def _show_errors(self, exc: ValidationError | None) -> None:
        for label in self.errors.values():
            label.show_message(None)
        self.general_error.show_message(None)
        if exc is None:
            return
        unplaced: list[str] = []
        shown = {s.name for s in self.fields if self._visible(s)}
        for error in exc.errors:
            under = self.errors.get(error.field) if error.field in shown else None
            if under is None:
                unplaced.append(error.message)
            else:
                under.show_message((under.text() + "\n" if under.text() else "") + error.message)
        self.general_error.show_message("\n".join(unplaced) if unplaced else tr_dialog(
            "Chưa lưu: hãy sửa các mục được đánh dấu đỏ."))
        first = next((n for n in self.errors if self.errors[n].text()), None)
        if first:
            self.editors[first].widget.setFocus()

    def reject(self) -> None:
        """Esc, "Hủy" or the close button: ask before dropping unsaved changes."""
        if self.is_dirty():
            answer = QMessageBox.question(
                self, tr_dialog("Chưa lưu thay đổi"),
                tr_dialog("Bạn đã sửa nhưng chưa lưu. Đóng cửa sổ và bỏ các thay đổi này?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        if self.is_dirty():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    # ---- undo ----

    def undo_action(self, description: str) -> UndoAction | None:
        """How to take back what this dialog just saved (None if nothing was saved)."""
        if self.saved_id is None:
            return None
        store, actor, record_type, record_id = self.context.store, self.context.actor, self.record_type, self.saved_id
        if not self.record_id:
            return UndoAction(tr_dialog("Thêm %1").replace("%1", description), record_type,
                              lambda: records.delete(store, record_type, record_id, actor=actor),
                              redo=lambda: records.restore(store, record_type, record_id, actor=actor))
        previous = {s.name: self.original.get(s.name) for s in self.fields}
        saved = dict(self.initial)  # the values this dialog wrote: redo writes them again
        return UndoAction(tr_dialog("Sửa %1").replace("%1", description), record_type,
                          lambda: records.update(store, record_type, record_id, previous, actor=actor),
                          redo=lambda: records.update(store, record_type, record_id, saved, actor=actor))
