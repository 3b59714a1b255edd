"""Cấp trên: the trust registry — which key speaks for which commune (enrol from a key file, revoke).

The list is read on the worker thread (`context.jobs`): at province scale it takes about a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.local_time import local_date_text
from antq_desktop.services import keys
from antq_desktop.services.safe_files import read_user_file
from antq_desktop.storage.db import Store
from antq_desktop.ui import file_dialogs
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.errors import explain_load_failure, show_error
from antq_desktop.ui.i18n import N
from antq_desktop.ui.jobs import Job
from antq_desktop.ui.widgets import recovery_box
from antq_desktop.ui.widgets.date_field import DateField

SOURCES = {"enrolled": N("TrustPage", "Đăng ký tại đơn vị"), "announced": N("TrustPage", "Thay khóa (xã thông báo)"),
           "recipient": N("TrustPage", "Khóa cấp trên")}
VOUCHED = N("TrustPage", "Do %1 bảo lãnh")  # never the bare word: who vouched is what matters
ROLES = {"commune": N("TrustPage", "Xã/phường"), "district": N("TrustPage", "Cụm/huyện"),
         "province": N("TrustPage", "Tỉnh")}
# The role is the receiving office's decision at enrolment (issue 12), so the clerk chooses it here.
ROLE_CHOICES = (("commune", N("TrustPage", "Xã/phường (gửi gói dữ liệu của xã)")),
                ("district", N("TrustPage", "Công an cụm/huyện (gửi gói chuyển tiếp)")))
LEGACY = N("TrustPage", "tệp khóa kiểu cũ — mã vân tay không bao gồm đơn vị và vai trò")
COLUMNS = (N("TrustPage", "Mã đơn vị"), N("TrustPage", "Tên đơn vị"), N("TrustPage", "Mã vân tay"),
           N("TrustPage", "Cấp"), N("TrustPage", "Nguồn"), N("TrustPage", "Ngày đăng ký"),
           N("TrustPage", "Người đăng ký"), N("TrustPage", "Tình trạng"))


@dataclass(frozen=True)
class TrustRow:
    """One registry entry as plain values (safe to hand from the worker thread to the GUI)."""

    unit_code: str
    unit_name: str
    fingerprint: str
    source: str
    enrolled_at: datetime | None
    enrolled_by: str | None
    revoked_at: datetime | None
    role: str = "commune"
    legacy: bool = False
    reported_by: str | None = None  # revoked because this office (a cluster) reported it up in a forward


def load_rows(store: Store) -> list[TrustRow]:
    """The communes' keys (not this office's own upper-office key), read in one consistent snapshot."""
    return [TrustRow(row.unit_code, row.unit_name, row.fingerprint, row.source, row.enrolled_at, row.enrolled_by,
                     row.revoked_at, row.role, row.legacy, row.reported_by)
            for row in keys.trust_list(store) if row.source != "recipient"]


class RevokeDialog(QDialog):
    """The reason and, as with `antq trust revoke --since`, the day the key is considered compromised:
    keys it announced before that day (the unit's own honest rotations) are kept."""

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thu hồi khóa"))
        text = QLabel(question)
        text.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(400)
        self.since = DateField(optional=True, latest=date.today())
        self.since.setAccessibleName(self.tr("Khóa bị lộ từ ngày"))
        hint = QLabel(self.tr("Để trống: thu hồi cả mọi khóa do khóa này đã thông báo. Có ngày: giữ các khóa đơn vị "
                              "đã thông báo trước ngày đó."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(text)
        form.addRow(self.tr("Lý do:"), self.reason)
        form.addRow(self.tr("Khóa bị lộ từ ngày:"), self.since)
        form.addRow(hint)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.since.check():  # a typed date that is not a date keeps the dialog open with its red message
            super().accept()

    def values(self) -> tuple[str | None, datetime | None]:
        day = self.since.date()
        return self.reason.text().strip() or None, datetime.combine(day, time()) if day is not None else None


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
        self.catchment_button = QPushButton(self.tr("Địa bàn cụm…"))
        self.catchment_button.clicked.connect(self.edit_catchment)
        self.recovery_button = QPushButton(self.tr("Gửi gói khôi phục cho xã…"))
        self.recovery_button.setObjectName("recovery_send_button")
        self.recovery_button.clicked.connect(self.send_recovery)
        self.recovery_job: Job | None = None  # the last recovery package being written
        for button in (self.add_button, self.revoke_button, self.catchment_button, self.recovery_button):
            button.setVisible(context.can_write)
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.refresh_button.clicked.connect(self.refresh)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: the list comes in one piece
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        note = QLabel(self.tr("Chỉ đăng ký khóa khi mã vân tay trùng với bản giấy có chữ ký, đóng dấu của xã gửi. "
                              "Gói dữ liệu chỉ được nhận khi do một khóa còn hiệu lực ở đây ký."))
        note.setWordWrap(True)
        title = self.tr("Khóa tin cậy của các xã")
        # The buttons on a row of their own: beside the title the page needed 1,157 px with the navigation,
        # wider than a 1,024-pixel laptop screen.
        top = QHBoxLayout()
        for button in (self.add_button, self.revoke_button, self.catchment_button, self.recovery_button,
                       self.refresh_button):
            top.addWidget(button)
        top.addStretch(1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.busy)
        status_row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addLayout(status_row)
        layout.addWidget(self.table, 1)
        self.rows: list[TrustRow] = []
        self._generation = 0
        self.job: Any = None
        self.refresh()

    @property
    def loading(self) -> bool:
        return self.job is not None

    def refresh(self) -> None:
        """Read the registry on the worker thread; the table changes only when the whole list is in."""
        self._generation += 1
        generation, store = self._generation, self.context.store
        self._set_loading(True)
        job = self.context.jobs.start(lambda _progress, _cancel: load_rows(store), title=self.tr("Khóa tin cậy"),
                                      parent=self, show_progress=False)
        job.succeeded.connect(lambda rows: self._on_loaded(generation, rows))
        job.failed.connect(lambda exc: self._on_failed(generation, exc))
        self.job = job

    def _set_loading(self, loading: bool) -> None:
        self.busy.setVisible(loading)
        self.table.setEnabled(not loading)
        for button in (self.add_button, self.revoke_button, self.catchment_button, self.refresh_button):
            button.setEnabled(not loading)
        if loading:
            self.status.setText(self.tr("Đang tải danh sách khóa…"))

    def _on_loaded(self, generation: int, rows: list[TrustRow]) -> None:
        if generation != self._generation:  # an older list arriving after a newer request: dropped
            return
        self.job = None
        self._set_loading(False)
        self.status.clear()
        self._show(rows)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.job = None
        self._set_loading(False)
        message = self.tr("Không tải được danh sách khóa: %1. Hãy bấm “Làm mới” để thử lại; nếu vẫn lỗi, "
                          "hãy báo cán bộ kỹ thuật (Trợ giúp → Giới thiệu → Nhật ký lỗi).")
        explain_load_failure(self.status, exc, message, "Trust registry not loaded")

    def _show(self, rows: list[TrustRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            status = self._status(row)
            fingerprint = f"{row.fingerprint} ({self.tr(LEGACY)})" if row.legacy else row.fingerprint
            values = (row.unit_code, row.unit_name, fingerprint, self.tr(ROLES.get(row.role, row.role)),
                      self._source(row), local_date_text(row.enrolled_at), row.enrolled_by, status)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(str(value or "")))
        self.table.resizeColumnsToContents()

    def _status(self, row: TrustRow) -> str:
        if row.revoked_at and row.reported_by:  # issue 14: the cluster revoked it and its forward said so
            return (self.tr("Thu hồi — do %1 báo lên, ngày %2").replace("%1", row.reported_by)
                    .replace("%2", local_date_text(row.revoked_at)))
        if row.revoked_at:
            return self.tr("Đã thu hồi %1").replace("%1", local_date_text(row.revoked_at))
        return self.tr("Còn hiệu lực")

    def enrol_from_file(self, path: str | None = None) -> None:
        if not path:
            path = file_dialogs.open_file(self, file_dialogs.PACKAGES, self.tr("Chọn tệp khóa công khai của xã"),
                                          self.tr("Tệp khóa (*.antqkey)"))
        if not path:
            return
        try:
            data = read_user_file(path, what="tệp khóa công khai (.antqkey)")  # FIFO/device: refused
            record = keys.parse_key_file(data)
        except (OSError, AntqError) as exc:
            show_error(self, exc if isinstance(exc, AntqError) else AntqError(
                self.tr("Không đọc được tệp khóa. Hãy kiểm tra USB rồi thử lại.")))
            return
        question = self.tr("Đơn vị: %1 (mã %2)\nMã vân tay: %3\n\nMã vân tay này có trùng với bản giấy có chữ ký, "
                           "đóng dấu của đơn vị gửi không? Chỉ bấm “Có” khi đã đối chiếu từng ký tự.")
        shown = f"{record.fingerprint} ({self.tr(LEGACY)})" if record.legacy else record.fingerprint
        question = question.replace("%1", record.unit_name).replace("%2", record.unit_code).replace("%3", shown)
        if QMessageBox.question(self, self.tr("Đăng ký khóa tin cậy"), question) != QMessageBox.StandardButton.Yes:
            return
        choice = self._choose_role(record.unit_code, record.role)
        if choice is None:
            return
        role, communes = choice
        self._apply(lambda store: keys.trust_add(store, data, actor=self.context.actor, role=role,
                                                 communes=communes))

    def _source(self, row: TrustRow) -> str:
        if row.source == "vouched":
            return self.tr(VOUCHED).replace("%1", row.enrolled_by or "?")
        return self.tr(SOURCES.get(row.source, row.source))

    def _choose_role(self, unit_code: str, claimed: str) -> tuple[str, list[str] | None] | None:
        """The clerk decides the role (the file's claim is only shown); an office also gets its communes."""
        labels = [self.tr(label) for _, label in ROLE_CHOICES]
        text = self.tr("Đơn vị %1 được đăng ký ở đây với cấp nào? (Tệp khóa tự ghi: %2. Cấp do đơn vị nhận quyết "
                       "định; chỉ chọn cụm/huyện khi đã xác minh đó là cơ quan cấp dưới của mình.)") \
            .replace("%1", unit_code).replace("%2", self.tr(ROLES.get(claimed, claimed)))
        label, ok = QInputDialog.getItem(self, self.tr("Cấp của đơn vị"), text, labels, 0, False)
        if not ok:
            return None
        role = ROLE_CHOICES[labels.index(label)][0]
        if role == "commune":
            return role, None
        communes = self._ask_communes(unit_code, "")
        return None if communes is None else (role, communes)

    def _ask_communes(self, office: str, current: str) -> list[str] | None:
        text, ok = QInputDialog.getText(self, self.tr("Địa bàn của %1").replace("%1", office), self.tr(
            "Mã các xã thuộc địa bàn của %1, cách nhau bằng dấu phẩy. Cơ quan này chỉ được bảo lãnh khóa cho các xã "
            "này trong gói chuyển tiếp:").replace("%1", office), text=current)
        return [c.strip() for c in text.split(",") if c.strip()] if ok else None

    def edit_catchment(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        row = self.rows[selected[0].row()] if selected else None
        if row is None or row.role == "commune":
            QMessageBox.information(self, self.tr("Địa bàn cụm"), self.tr(
                "Hãy chọn trong danh sách một khóa của công an cụm/huyện."))
            return
        current = ", ".join(keys.catchment(self.context.store, row.unit_code))
        communes = self._ask_communes(row.unit_code, current)
        if communes is not None:
            self._apply(lambda store: keys.set_catchment(store, row.unit_code, communes, actor=self.context.actor))

    def revoke_selected(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            QMessageBox.information(self, self.tr("Thu hồi khóa"), self.tr("Hãy chọn một khóa trong danh sách."))
            return
        row = self.rows[selected[0].row()]
        answer = self._ask_revocation(self.tr("Thu hồi khóa của %1 (%2)? Các gói do khóa này ký sẽ bị từ chối.")
                                      .replace("%1", row.unit_name or row.unit_code).replace("%2", row.fingerprint))
        if answer is not None:
            reason, since = answer
            done = self._apply(lambda store: keys.trust_revoke(store, row.fingerprint, actor=self.context.actor,
                                                                reason=reason, since=since))
            if done is not None and done.also:
                also = "\n".join(f"{k.unit_code} — {k.fingerprint}" for k in done.also)
                QMessageBox.information(self, self.tr("Thu hồi khóa"), self.tr(
                    "Cũng đã thu hồi các khóa do khóa này thông báo (kẻ giữ khóa cũ có thể đã tự thông báo khóa "
                    "mới):\n%1").replace("%1", also))

    def send_recovery(self) -> None:
        """The selected commune's data as this office holds it, for a commune that lost or restored its laptop."""
        selected = self.table.selectionModel().selectedRows()
        row = self.rows[selected[0].row()] if selected else None
        if row is None or row.role != "commune":
            QMessageBox.information(self, self.tr("Gửi gói khôi phục cho xã"), self.tr(
                "Hãy chọn trong danh sách khóa của xã cần gửi gói khôi phục."))
            return
        self.recovery_job = recovery_box.send_recovery(self, self.context, row.unit_code, row.unit_name)

    def _ask_revocation(self, question: str) -> tuple[str | None, datetime | None] | None:
        """(reason, compromised since) from the revocation dialog, or None if cancelled."""
        dialog = RevokeDialog(question, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _apply(self, change: Any) -> Any:
        try:
            result = change(self.context.store)
        except AntqError as exc:
            show_error(self, exc)
            return None
        self.refresh()
        self.context.apply_changes(result.changes)  # each keys front says what it wrote
        return result
