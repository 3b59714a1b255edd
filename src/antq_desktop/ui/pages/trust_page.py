"""Cấp trên: the trust registry — which key speaks for which commune (enrol from a key file, revoke)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP as N
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import keys
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.formatting import format_date

SOURCES = {"enrolled": N("TrustPage", "Đăng ký tại đơn vị"), "announced": N("TrustPage", "Thay khóa (xã thông báo)"),
           "recipient": N("TrustPage", "Khóa cấp trên"), "vouched": N("TrustPage", "Được cấp dưới bảo lãnh")}
COLUMNS = (N("TrustPage", "Mã đơn vị"), N("TrustPage", "Tên đơn vị"), N("TrustPage", "Mã vân tay"),
           N("TrustPage", "Nguồn"), N("TrustPage", "Ngày đăng ký"), N("TrustPage", "Người đăng ký"),
           N("TrustPage", "Tình trạng"))


class TrustPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Đăng ký khóa từ tệp…"))
        self.add_button.clicked.connect(self.enrol_from_file)
        self.revoke_button = QPushButton(self.tr("Thu hồi khóa…"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        for button in (self.add_button, self.revoke_button):
            button.setVisible(context.can_write)
        note = QLabel(self.tr("Chỉ đăng ký khóa khi mã vân tay trùng với bản giấy có chữ ký, đóng dấu của xã gửi. "
                              "Gói dữ liệu chỉ được nhận khi do một khóa còn hiệu lực ở đây ký."))
        note.setWordWrap(True)
        top = QHBoxLayout()
        title = self.tr("Khóa tin cậy của các xã")
        top.addWidget(QLabel(f"<h2>{title}</h2>"))
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        self.rows: list[Any] = []
        self.refresh()

    def refresh(self) -> None:
        with self.context.store.session_factory() as session:
            self.rows = [row for row in keys.list_known(session) if row.source != "recipient"]
            for row in self.rows:
                session.expunge(row)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            status = (self.tr("Đã thu hồi %1").replace("%1", format_date(row.revoked_at)) if row.revoked_at
                      else self.tr("Còn hiệu lực"))
            values = (row.unit_code, row.unit_name, row.fingerprint, self.tr(SOURCES.get(row.source, row.source)),
                      format_date(row.enrolled_at), row.enrolled_by, status)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(str(value or "")))
        self.table.resizeColumnsToContents()

    def enrol_from_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa công khai của xã"), "",
                                                  self.tr("Tệp khóa (*.antqkey)"))
        if not path:
            return
        try:
            data = Path(path).read_bytes()
            record = keys.parse_key_file(data)
        except (OSError, AntqError) as exc:
            show_error(self, exc if isinstance(exc, AntqError) else AntqError(
                self.tr("Không đọc được tệp khóa. Hãy kiểm tra USB rồi thử lại.")))
            return
        question = self.tr("Đơn vị: %1 (mã %2)\nMã vân tay: %3\n\nMã vân tay này có trùng với bản giấy có chữ ký, "
                           "đóng dấu của đơn vị gửi không? Chỉ bấm “Có” khi đã đối chiếu từng ký tự.")
        question = question.replace("%1", record.unit_name).replace("%2", record.unit_code) \
            .replace("%3", record.fingerprint)
        if QMessageBox.question(self, self.tr("Đăng ký khóa tin cậy"), question) != QMessageBox.StandardButton.Yes:
            return
        self._apply(lambda session: keys.trust_add(session, data, actor=self.context.actor))

    def revoke_selected(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            QMessageBox.information(self, self.tr("Thu hồi khóa"), self.tr("Hãy chọn một khóa trong danh sách."))
            return
        row = self.rows[selected[0].row()]
        reason, ok = QInputDialog.getText(self, self.tr("Thu hồi khóa"), self.tr(
            "Thu hồi khóa của %1 (%2)? Các gói do khóa này ký sẽ bị từ chối. Lý do:").replace(
            "%1", row.unit_name).replace("%2", row.fingerprint))
        if ok:
            self._apply(lambda session: keys.trust_revoke(session, row.fingerprint, actor=self.context.actor,
                                                           reason=reason or None))

    def _apply(self, change: Any) -> None:
        try:
            with self.context.store.session() as session:
                change(session)
        except AntqError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.context.notify_changed("key")
