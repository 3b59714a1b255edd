"""What a record page does: open the form, save, delete with confirmation, undo, Excel.

Kept apart from `record_page.py` (how the page looks and queries); `RecordPage` mixes this in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPushButton, QWidget

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import records
from antq_desktop.services.changes import NO_CHANGES
from antq_desktop.ui.dialogs.record_dialog import RecordDialog
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.table_model import format_count
from antq_desktop.ui.undo import UndoAction

if TYPE_CHECKING:
    from antq_desktop.ui.context import AppContext
    from antq_desktop.ui.excel.import_wizard import ImportWizard
    from antq_desktop.ui.table_model import RecordTableModel
    from antq_desktop.ui.widgets.fields import FieldSpec
    # For the type checker the mixin is the widget it is mixed into (dialogs take it as their parent).
    _PageBase = QWidget
else:
    _PageBase = object


def tr_page(text: str) -> str:
    return QCoreApplication.translate("RecordPages", text)


class RecordActions(_PageBase):
    """Mixed into RecordPage; relies on its context, model, table, filters and class attributes."""

    # What RecordPage provides (declared here so that the type checker sees them; set by RecordPage).
    context: AppContext
    record_type: str
    heading: str
    fields: list[FieldSpec]
    new_title: str
    edit_title: str
    model: RecordTableModel
    search_edit: QLineEdit
    filter_boxes: dict[str, QComboBox]
    undo_button: QPushButton
    import_wizard: ImportWizard

    if TYPE_CHECKING:
        def refresh(self, keep_position: bool = False) -> None: ...
        def selected_rows(self) -> list[dict[str, Any]]: ...
        def select_record(self, record_id: str) -> None: ...
        def describe(self, row: dict[str, Any]) -> str: ...

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def make_dialog(self, record_id: str | None, defaults: dict[str, Any] | None = None) -> RecordDialog:
        title = self.edit_title if record_id else self.new_title
        return RecordDialog(self.context, self.record_type, self.fields, title, record_id=record_id,
                            defaults=defaults, read_only=not self.context.can_write, parent=self)

    def default_values(self) -> dict[str, Any]:
        """Pre-filled values of a new record (e.g. the area chosen in the filter, the working year)."""
        values: dict[str, Any] = {"year": self.context.year}
        for key, box in self.filter_boxes.items():
            if box.currentData():
                values[key] = box.currentData()
        return values

    def new_record(self) -> None:
        if not self.context.can_write:
            return
        self._run_dialog(None)

    def open_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            self.context.events.status_message.emit(tr_page("Hãy chọn một dòng trong bảng trước."))
            return
        self._run_dialog(rows[0]["id"])

    def _run_dialog(self, record_id: str | None) -> None:
        try:
            dialog = self.make_dialog(record_id, None if record_id else self.default_values())
        except AntqError as exc:
            show_error(self, exc)
            return
        if dialog.exec():
            self._after_save(dialog)

    def _after_save(self, dialog: RecordDialog) -> None:
        self.refresh(keep_position=True)
        saved_id = dialog.saved_id
        if saved_id is None:  # accepted without saving: nothing to select or to undo
            return
        self.select_record(saved_id)
        row = self.model.row_of(saved_id)
        # The listed row carries joined names (signer, subject); a fresh record only its own fields.
        description = self.describe(self.model.row_at(row) if row is not None
                                    else records.get(self.context.store, self.record_type, saved_id))
        action = dialog.undo_action(description)
        if action:
            self.context.undo.push(action)
            self.context.events.status_message.emit(tr_page("Đã lưu: %1").replace("%1", description))

    def _delete_if_allowed(self) -> None:
        if self.context.can_write:
            self.delete_selected()

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            self.context.events.status_message.emit(tr_page("Hãy chọn dòng cần xóa trước."))
            return
        if not self._confirm_delete(rows):
            return
        deleted: list[str] = []
        changes = NO_CHANGES
        try:
            for row in rows:
                changes |= records.delete(self.context.store, self.record_type, row["id"],
                                          actor=self.context.actor).changes
                deleted.append(row["id"])
        except AntqError as exc:
            show_error(self, exc, tr_page("Không xóa được"))
        if deleted:
            self._push_delete_undo(rows, deleted)
        self.context.apply_changes(changes)

    def _confirm_delete(self, rows: list[dict[str, Any]]) -> bool:
        what = (tr_page("“%1”").replace("%1", self.describe(rows[0])) if len(rows) == 1
                else tr_page("%1 bản ghi đã chọn").replace("%1", format_count(len(rows))))
        answer = QMessageBox.question(
            self, tr_page("Xóa bản ghi"),
            tr_page("Xóa %1?\nCó thể lấy lại ngay bằng nút “Hoàn tác” (Ctrl+Z).").replace("%1", what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _push_delete_undo(self, rows: list[dict[str, Any]], deleted: list[str]) -> None:
        store, actor, record_type = self.context.store, self.context.actor, self.record_type

        def restore_all() -> None:
            for record_id in deleted:
                records.restore(store, record_type, record_id, actor=actor)

        def delete_again() -> None:
            for record_id in deleted:
                records.delete(store, record_type, record_id, actor=actor)

        description = (self.describe(rows[0]) if len(deleted) == 1
                       else tr_page("%1 bản ghi").replace("%1", format_count(len(deleted))))
        self.context.undo.push(UndoAction(tr_page("Xóa %1").replace("%1", description), record_type, restore_all,
                                          in_background=len(deleted) > 50, redo=delete_again))
        self.context.events.status_message.emit(tr_page("Đã xóa %1. Bấm Ctrl+Z để hoàn tác.")
                                                .replace("%1", description))

    def _update_undo_button(self) -> None:
        action = self.context.undo.last
        self.undo_button.setEnabled(action is not None)
        self.undo_button.setToolTip(tr_page("Hoàn tác: %1 (Ctrl+Z)").replace("%1", action.description) if action
                                    else tr_page("Chưa có thao tác nào để hoàn tác"))

    # ---- Excel (the Excel feature's wizard and writer) ----

    def export_excel(self) -> None:
        """Every record matching the current search and filters, not only the rows scrolled to."""
        from antq_desktop.ui.excel.export import export_record_model

        export_record_model(self, tr_page(self.heading), self.model, context=self.context)

    def import_excel(self) -> None:
        from antq_desktop.ui.excel.import_wizard import open_import_wizard

        self.import_wizard = open_import_wizard(self.context, self, record_type=self.record_type)

